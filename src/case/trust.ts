import { createHash, createHmac, timingSafeEqual } from "node:crypto";

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
  return identity.botLogin !== undefined && item.user?.type === "Bot" && typeof login === "string" && login.toLowerCase() === identity.botLogin.toLowerCase();
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

export function seal(secret: CaseSecret, binding: SealBinding, text: string): string {
  return createHmac("sha256", secret).update(`v1\n${binding.repository.toLowerCase()}\n${binding.issue}\n`).update(text).digest("hex");
}

export function sealMatches(secret: CaseSecret, binding: SealBinding, text: string, candidate: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(candidate)) return false;
  return timingSafeEqual(Buffer.from(seal(secret, binding, text), "hex"), Buffer.from(candidate, "hex"));
}
