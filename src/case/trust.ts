import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { findCaseBlock } from "./case-record.js";

/**
 * What Disclosure Desk trusts, decided here and nowhere else. Every text from GitHub or e-mail is an attacker's
 * until shown otherwise: a case record counts only when the app wrote it (its own bot account, in the tracking
 * repository the source repository's policy names) and its seal — an HMAC keyed by a secret only the server holds,
 * bound to the issue it lives in — checks out. The same rules serve webhooks, the sweep, the CLI and e-mail.
 */

/** Who the app is on GitHub: its id, and its bot account's login (`<slug>[bot]`) once known. */
export interface AppIdentity {
  appId: number;
  botLogin?: string;
}

/** What GitHub says about who wrote an issue or a comment. */
export interface Authorship {
  user?: { login?: string | null; type?: string | null } | null;
  performed_via_github_app?: { id?: number | null } | null;
}

/** Whether GitHub says the app itself wrote this issue or comment. */
export function isWrittenByApp(item: Authorship, identity: AppIdentity): boolean {
  if (item.performed_via_github_app?.id === identity.appId) return true;
  const login = item.user?.login;
  return (
    identity.botLogin !== undefined &&
    item.user?.type === "Bot" &&
    typeof login === "string" &&
    login.toLowerCase() === identity.botLogin.toLowerCase()
  );
}

/** The key every seal is made with: `CASE_SECRET` when set, else derived from the app's private key. */
export type CaseSecret = Buffer;

export function caseSecretFrom(settings: { caseSecret?: string | undefined; privateKey?: string | undefined }): CaseSecret {
  if (settings.caseSecret) return createHash("sha256").update(`disclosure-desk:case-secret:v1\n${settings.caseSecret}`).digest();
  if (settings.privateKey) {
    const normalised = settings.privateKey.replace(/\\n/g, "\n").replace(/\r/g, "").trim();
    return createHash("sha256").update(`disclosure-desk:case-seal-from-private-key:v1\n${normalised}`).digest();
  }
  throw new Error("a case seal needs CASE_SECRET or the app's private key");
}

/** Where a sealed text lives: the seal is bound to it, so a copy elsewhere does not verify. */
export interface SealBinding {
  /** `owner/name` of the tracking repository. */
  repository: string;
  /** The issue number, or `"new"` for the first write, made before GitHub numbers the issue. */
  issue: number | "new";
}

function sealDigest(secret: CaseSecret, binding: SealBinding, text: string): Buffer {
  return createHmac("sha256", secret).update(`v1\n${binding.repository.toLowerCase()}\n${binding.issue}\n`).update(text).digest();
}

export function seal(secret: CaseSecret, binding: SealBinding, text: string): string {
  return sealDigest(secret, binding, text).toString("hex");
}

export function sealMatches(secret: CaseSecret, binding: SealBinding, text: string, candidate: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(candidate)) return false;
  return timingSafeEqual(sealDigest(secret, binding, text), Buffer.from(candidate, "hex"));
}

/** The e-mail block a seal covers with the case block: the last one, as the app writes it before the case block. */
const EMAIL_BLOCK = /<!-- disclosure-desk:email (\{[^\n]*?\}) -->/g;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}

/** What a seal signs: the case record as written, and the e-mail block (the researcher's address) when there is one. */
function sealedText(body: string, caseJson: string): string {
  return `${caseJson}\n${lastMatch(EMAIL_BLOCK, body)?.[1] ?? ""}`;
}

/** The body with its case block sealed for where it is written; a body without a case block is returned as it is. */
export function sealCaseBody(body: string, binding: SealBinding, secret: CaseSecret): string {
  const found = findCaseBlock(body);
  if (!found) return body;
  const block = `<!-- disclosure-desk:case ${found.json} seal:${seal(secret, binding, sealedText(body, found.json))} -->`;
  return `${body.slice(0, found.index)}${block}${body.slice(found.index + found.text.length)}`;
}

/** An issue as GitHub describes it: where it is, who wrote it and when, and its body. */
export interface IssueFacts extends Authorship {
  /** `owner/name` of the repository the issue is in. */
  repository: string;
  number: number;
  body?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** What judging a case block needs of an issue, taken from GitHub's answer: where it is, when, its body, its author. */
export interface AnsweredIssue {
  /** `owner/name` of the repository the issue is in. */
  repository: string;
  number: number;
  body: string;
  createdAt: string | undefined;
  updatedAt: string | undefined;
  /** Whether GitHub says the app opened it (`isWrittenByApp`). */
  writtenByApp: boolean;
}

/**
 * How far a body's case block can be believed:
 * - `sealed`: the app wrote the issue and the block's seal is bound to this issue;
 * - `unsealed`: the app opened the issue before seals existed and the block has none — the sweep seals it once, visibly;
 * - `tampered`: the app wrote the issue but the block does not match its seal (a hand edit, or a copy from elsewhere);
 * - `foreign`: someone other than the app opened the issue — a look-alike, never a case;
 * - `none`: no case block.
 */
export type CaseBlockTrust =
  { status: "sealed" } | { status: "unsealed" } | { status: "tampered"; problem: string } | { status: "foreign" } | { status: "none" };

/** Issues the app opened before it sealed its case blocks; a block without a seal in a later issue is tampered. */
export const SEALS_REQUIRED_FROM = "2026-12-05T00:00:00Z";

export function judgeCaseBlock(issue: IssueFacts, trust: { identity: AppIdentity; secret: CaseSecret }): CaseBlockTrust {
  return judgeAnsweredIssue(
    {
      repository: issue.repository,
      number: issue.number,
      body: issue.body ?? "",
      createdAt: issue.created_at,
      updatedAt: issue.updated_at,
      writtenByApp: isWrittenByApp(issue, trust.identity),
    },
    trust.secret,
  );
}

export function judgeAnsweredIssue(issue: AnsweredIssue, secret: CaseSecret): CaseBlockTrust {
  const found = findCaseBlock(issue.body);
  if (!found) return { status: "none" };
  if (!issue.writtenByApp) return { status: "foreign" };
  const { json, seal: candidate } = found;
  const createdAt = issue.createdAt === undefined ? Number.NaN : Date.parse(issue.createdAt);
  if (candidate === undefined) {
    return createdAt < Date.parse(SEALS_REQUIRED_FROM)
      ? { status: "unsealed" }
      : { status: "tampered", problem: "the case block has no seal" };
  }
  const text = sealedText(issue.body, json);
  // A seal is bound to the issue's number, or to "new" while the app's first write, made before GitHub numbered the
  // issue, is still its last. Both are accepted, so the order only saves work: an issue not changed since it was
  // opened most likely holds that first write, and "new" is tried first there.
  const bindings: SealBinding["issue"][] =
    issue.updatedAt !== undefined && issue.updatedAt === issue.createdAt ? ["new", issue.number] : [issue.number, "new"];
  for (const binding of bindings) {
    if (sealMatches(secret, { repository: issue.repository, issue: binding }, text, candidate)) return { status: "sealed" };
  }
  return { status: "tampered", problem: "the case block does not match its seal" };
}
