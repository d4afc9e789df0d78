import type { Octokit } from "@octokit/core";
import { appBotLogin } from "./app-client.js";
import { ProbotOctokit } from "probot";
import { readCaseBlock, type CaseRecord } from "../case/case-record.js";
import {
  judgeAnsweredIssue,
  sealCaseBody,
  type AnsweredIssue,
  type AppIdentity,
  type CaseBlockTrust,
  type CaseSecret,
  isWrittenByApp,
} from "../case/trust.js";

/**
 * Every request the app makes to GitHub passes here, so no path can skip the trust decision: the case record of a
 * tracking issue the app writes is sealed for that issue, and for every issue GitHub returns (one, a listing or search
 * results) what GitHub said is kept as it answered — who opened it, where, when, and its body — and judged once, when a
 * reader first asks `caseTrustOf(issue)`: whether its block matches its seal. An issue that did not come through here
 * (a webhook payload, a hand-made object) is never believed.
 *
 * Only a write that says it carries a case record (`...asCaseRecord`) is sealed: any other body — a public issue's
 * text restored byte for byte, say — may hold whatever its author typed, and the app must never seal that.
 */

export interface CaseTrust {
  identity: AppIdentity;
  secret: CaseSecret;
}

/**
 * An issue as GitHub answered, with the key to judge it by: the judgement is made from these values, never from the
 * object a reader holds, so it is the same whenever it is asked. Most answers are never asked about (the issue intake
 * has just opened, say), and judging each at once cost a case-block search and two seals per intake.
 */
interface Answer {
  repositoryUrl: string;
  number: number;
  body: string | null | undefined;
  createdAt: string | undefined;
  updatedAt: string | undefined;
  writtenByApp: boolean;
  secret: CaseSecret;
  trust?: CaseBlockTrust;
}

const answers = new WeakMap<object, Answer>();
const writtenByTheApp = new WeakSet<object>();
const NOT_READ_BY_THE_APP: CaseBlockTrust = { status: "foreign" };

/** How far the case block of an issue read through the app's Octokit can be believed. */
export function caseTrustOf(issue: object): CaseBlockTrust {
  const answer = answers.get(issue);
  if (!answer) return NOT_READ_BY_THE_APP;
  answer.trust ??= judgeAnsweredIssue(answeredIssue(answer), answer.secret);
  return answer.trust;
}

function answeredIssue(answer: Answer): AnsweredIssue {
  return {
    repository: answer.repositoryUrl.split("/").slice(-2).join("/"),
    number: answer.number,
    body: answer.body ?? "",
    createdAt: answer.createdAt,
    updatedAt: answer.updatedAt,
    writtenByApp: answer.writtenByApp,
  };
}

/** Whether GitHub said the app itself opened this issue, for an issue read through the app's Octokit. */
export function isAppIssue(issue: object): boolean {
  return writtenByTheApp.has(issue);
}

/**
 * Whether GitHub said the app itself wrote this comment (on an issue or an advisory), for a comment read through the
 * app's Octokit: a marker the app looks for counts only in the app's own comments, never in a copy someone pasted.
 */
export function isAppComment(comment: object): boolean {
  return writtenByTheApp.has(comment);
}

/**
 * The case an issue holds, as far as the app believes it: `found` only for a block the app wrote in an issue it
 * opened, with an intact seal (`sealed: false` for a case from before seals, which the sweep seals once); `tampered`
 * for one of the app's issues whose block was changed by hand; `foreign` for a look-alike anyone else wrote.
 */
export type CaseReading =
  | { status: "found"; record: CaseRecord; sealed: boolean }
  | { status: "missing" }
  | { status: "invalid"; problem: string }
  | { status: "tampered"; problem: string }
  | { status: "foreign" };

export function readTrustedCase(issue: object & { body?: string | null }): CaseReading {
  const trust = caseTrustOf(issue);
  switch (trust.status) {
    case "none":
      return { status: "missing" };
    case "foreign":
      return { status: "foreign" };
    case "tampered":
      return trust;
    case "sealed":
    case "unsealed": {
      const reading = readCaseBlock(issue.body);
      return reading.status === "found" ? { ...reading, sealed: trust.status === "sealed" } : reading;
    }
    default: {
      const unknown: never = trust;
      throw new Error(`unknown case trust ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The case key a body claims, believed for nothing but choosing which case's lock to wait for: whatever is acted on
 * is read again from GitHub under that lock and must be found there, trusted, with the same key.
 */
export function claimedCaseKey(body: string | null | undefined): string | undefined {
  const reading = readCaseBlock(body);
  return reading.status === "found" ? reading.record.key : undefined;
}

/** Spread into an issue create or update whose body carries the case record the app wrote: the plugin seals it. */
export const asCaseRecord = { request: { disclosureDeskCaseRecord: true } } as const;

const ISSUE_ROUTE = /^\/repos\/\{owner\}\/\{repo\}\/issues(?:\/\{issue_number\})?$/;

type RequestOptions = Record<string, unknown> & { method?: string; url?: string };

export function caseTrustPlugin(octokit: Octokit, trust: CaseTrust): void {
  octokit.hook.wrap("request", async (request, requestOptions) => {
    sealWrite(requestOptions as RequestOptions, trust.secret);
    const response = await request(requestOptions);
    judgeIssues(response.data, trust);
    return response;
  });
}

/**
 * Probot's Octokit with the trust plugin: the class every GitHub client of the app is made from. The plugin holds the
 * trust itself rather than taking it as an Octokit option, which would cost another class level, and a copy of every
 * client's options, each time Probot makes a client for an event.
 */
export function trustedOctokit(Base: typeof ProbotOctokit, trust: CaseTrust): typeof ProbotOctokit {
  return Base.plugin((octokit: Octokit) => caseTrustPlugin(octokit, trust));
}

/** Learns the bot account's login (`<slug>[bot]`) with the app's JWT; false when GitHub did not say. */
export async function learnBotLogin(appOctokit: InstanceType<typeof ProbotOctokit>, identity: AppIdentity): Promise<boolean> {
  const botLogin = await appBotLogin(appOctokit);
  if (botLogin === undefined) return false;
  identity.botLogin = botLogin;
  return true;
}

function sealWrite(options: RequestOptions, secret: CaseSecret): void {
  if ((options.request as { disclosureDeskCaseRecord?: boolean } | undefined)?.disclosureDeskCaseRecord !== true) return;
  if ((options.method !== "POST" && options.method !== "PATCH") || typeof options.url !== "string" || !ISSUE_ROUTE.test(options.url))
    return;
  if (typeof options.body !== "string" || typeof options.owner !== "string" || typeof options.repo !== "string") return;
  const issue = options.method === "POST" ? "new" : Number(options.issue_number);
  if (issue !== "new" && !Number.isInteger(issue)) return;
  options.body = sealCaseBody(options.body, { repository: `${options.owner}/${options.repo}`, issue }, secret);
}

/**
 * The app's bot account is not known yet (`GET /app` has not answered): no issue can be told from a look-alike, and
 * taking every case for a stranger's would make the sweep reconcile reports that have cases. Nothing is judged.
 */
export class AppIdentityUnknownError extends Error {
  constructor() {
    super("the app's bot account is not known yet (GET /app has not answered): issues cannot be judged");
    this.name = "AppIdentityUnknownError";
  }
}

/**
 * Judges issues of an earlier GitHub answer restored from outside this process (the sweep command's Redis cache),
 * exactly as that answer was judged when it came through here.
 */
export function judgeRestoredIssues(items: unknown[], trust: CaseTrust): void {
  judgeIssues(items, trust);
}

function judgeIssues(data: unknown, trust: CaseTrust): void {
  const candidates = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.items) ? data.items : [data];
  for (const candidate of candidates) {
    if (isComment(candidate) && isWrittenByApp(candidate, trust.identity)) writtenByTheApp.add(candidate);
    if (!isObject(candidate) || typeof candidate.number !== "number" || typeof candidate.repository_url !== "string") continue;
    if (trust.identity.botLogin === undefined) throw new AppIdentityUnknownError();
    const writtenByApp = isWrittenByApp(candidate, trust.identity);
    if (writtenByApp) writtenByTheApp.add(candidate);
    const issue = candidate as { body?: string | null; created_at?: string; updated_at?: string };
    answers.set(candidate, {
      repositoryUrl: candidate.repository_url,
      number: candidate.number,
      body: issue.body,
      createdAt: issue.created_at,
      updatedAt: issue.updated_at,
      writtenByApp,
      secret: trust.secret,
    });
  }
}

function isComment(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value.id === "number" && "body" in value && "user" in value && !("number" in value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
