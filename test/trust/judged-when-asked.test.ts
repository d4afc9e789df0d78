import { describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/core";
import fc from "fast-check";
import { findCaseBlock, withCaseBlock } from "../../src/case/case-record.js";
import { isWrittenByApp, sealCaseBody, sealMatches, SEALS_REQUIRED_FROM, type CaseBlockTrust } from "../../src/case/trust.js";
import { asCaseRecord, caseTrustOf, caseTrustPlugin, isAppIssue } from "../../src/github/case-trust.js";
import { configSchema } from "../../src/config/schema.js";
import { openedCase } from "../commands/fixtures.js";
import { testTrust } from "../helpers/probot.js";

/**
 * The plugin keeps what GitHub answered about an issue and judges it when a reader first asks. These tests hold that
 * to the straightforward check, made at once on the issue as answered (number first, then "new"): the same verdict
 * for every kind of issue, and the same after the object a reader holds has been changed.
 */

const repository = "octo-org/security-cases";
const record = openedCase(configSchema.parse({ calendar: { timezone: "Europe/Amsterdam" } }));
const emailBlock = '<!-- disclosure-desk:email {"researcher":"rosa@mailbox.example"} -->';
const afterSeals = "2027-01-04T09:00:00Z";
const beforeSeals = "2026-11-16T08:31:00Z";

type Request = (options: Record<string, unknown>) => Promise<{ data: unknown }>;
type Hook = (request: Request, options: Record<string, unknown>) => Promise<{ data: unknown }>;

function pluginHook(): Hook {
  let hook: Hook | undefined;
  caseTrustPlugin({ hook: { wrap: (_name: string, wrapped: Hook) => (hook = wrapped) } } as unknown as Octokit, testTrust);
  return hook!;
}

/** The check as it was made on every answer at once, before judging waited for a reader. */
function judgedAtOnce(issue: Record<string, unknown>): CaseBlockTrust {
  const body = (issue.body as string | null | undefined) ?? "";
  const found = findCaseBlock(body);
  if (!found) return { status: "none" };
  if (!isWrittenByApp(issue, testTrust.identity)) return { status: "foreign" };
  const createdAt = issue.created_at === undefined ? Number.NaN : Date.parse(issue.created_at as string);
  if (found.seal === undefined) {
    return createdAt < Date.parse(SEALS_REQUIRED_FROM)
      ? { status: "unsealed" }
      : { status: "tampered", problem: "the case block has no seal" };
  }
  let email: string | undefined;
  for (const match of body.matchAll(/<!-- disclosure-desk:email (\{[^\n]*?\}) -->/g)) email = match[1];
  const text = `${found.json}\n${email ?? ""}`;
  const where = (issue.repository_url as string).split("/").slice(-2).join("/");
  if (sealMatches(testTrust.secret, { repository: where, issue: issue.number as number }, text, found.seal)) return { status: "sealed" };
  if (sealMatches(testTrust.secret, { repository: where, issue: "new" }, text, found.seal)) return { status: "sealed" };
  return { status: "tampered", problem: "the case block does not match its seal" };
}

const authors = {
  bot: { user: { login: "disclosure-desk[bot]", type: "Bot" }, performed_via_github_app: null },
  viaApp: { user: { login: "someone", type: "User" }, performed_via_github_app: { id: testTrust.identity.appId } },
  mallory: { user: { login: "mallory", type: "User" }, performed_via_github_app: null },
};

function bodyOf(kind: string, withEmail: boolean, sealedFor: number | "new", sealedIn: string): string | null {
  const plain = `## Case\n\n${withEmail ? `${emailBlock}\n` : ""}${withCaseBlock("", record).trim()}\n`;
  const sealed = sealCaseBody(plain, { repository: sealedIn, issue: sealedFor }, testTrust.secret);
  switch (kind) {
    case "none":
      return "## Not a case";
    case "null":
      return null;
    case "unsealed":
      return plain;
    case "edited":
      return sealed.replace('"state":"triage"', '"state":"closed"');
    default:
      return sealed;
  }
}

const answeredIssues = fc
  .record({
    author: fc.constantFrom(...(Object.keys(authors) as (keyof typeof authors)[])),
    kind: fc.constantFrom("none", "null", "unsealed", "sealed", "edited"),
    withEmail: fc.boolean(),
    sealedFor: fc.constantFrom<number | "new">(7, 8, "new"),
    sealedIn: fc.constantFrom(repository, "OCTO-org/Security-Cases", "octo-org/skunkworks"),
    number: fc.constantFrom(7, 8),
    in: fc.constantFrom(repository, "octo-org/skunkworks"),
    createdAt: fc.constantFrom<string | undefined>(afterSeals, beforeSeals, undefined),
    updated: fc.constantFrom("unchanged since opened", "changed since", "not said"),
  })
  .map((drawn) => {
    const issue: Record<string, unknown> = {
      ...authors[drawn.author],
      id: 1000 + drawn.number,
      number: drawn.number,
      repository_url: `https://api.github.com/repos/${drawn.in}`,
      body: bodyOf(drawn.kind, drawn.withEmail, drawn.sealedFor, drawn.sealedIn),
    };
    if (drawn.createdAt !== undefined) issue.created_at = drawn.createdAt;
    if (drawn.updated === "unchanged since opened") issue.updated_at = drawn.createdAt;
    if (drawn.updated === "changed since") issue.updated_at = "2027-02-01T10:00:00Z";
    return issue;
  });

describe("an issue judged when a reader asks", () => {
  it("gets the verdict the check made at once on GitHub's answer gives, for every kind of issue", async () => {
    const hook = pluginHook();
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(answeredIssues, async (answered) => {
        const expected = judgedAtOnce(answered);
        seen.add(expected.status);
        const { data } = await hook(async () => ({ data: structuredClone(answered) }), {
          method: "GET",
          url: "/repos/{owner}/{repo}/issues/{issue_number}",
        });
        expect(caseTrustOf(data as object)).toEqual(expected);
        expect(isAppIssue(data as object)).toBe(isWrittenByApp(answered, testTrust.identity));
      }),
      { numRuns: 400, seed: 21 },
    );
    expect([...seen].sort()).toEqual(["foreign", "none", "sealed", "tampered", "unsealed"]);
  });

  it("is judged on GitHub's answer, not on the object as a reader may have changed it since", async () => {
    const hook = pluginHook();
    const forged = sealCaseBody(
      withCaseBlock("", { ...record, state: "published" }),
      { repository: "octo-org/skunkworks", issue: 9 },
      testTrust.secret,
    );
    const answered = (body: string) => ({
      ...authors.bot,
      id: 1007,
      number: 7,
      repository_url: `https://api.github.com/repos/${repository}`,
      body,
      created_at: afterSeals,
      updated_at: afterSeals,
    });
    const read = async (body: string) =>
      (await hook(async () => ({ data: answered(body) }), { method: "GET", url: "/repos/{owner}/{repo}/issues/{issue_number}" }))
        .data as Record<string, unknown>;

    const genuine = await read(sealCaseBody(withCaseBlock("## Case", record), { repository, issue: 7 }, testTrust.secret));
    Object.assign(genuine, { repository_url: "https://api.github.com/repos/octo-org/skunkworks", number: 9, body: "## Not a case" });
    expect(caseTrustOf(genuine)).toEqual({ status: "sealed" });

    const copy = await read(forged);
    Object.assign(copy, { repository_url: "https://api.github.com/repos/octo-org/skunkworks", number: 9 });
    expect(caseTrustOf(copy)).toEqual({ status: "tampered", problem: "the case block does not match its seal" });
  });

  it("finds the seal of the issue the app has just opened, sealed before GitHub numbered it", async () => {
    const hook = pluginHook();
    const created = await hook(
      async (options) => ({
        data: {
          ...authors.bot,
          id: 1042,
          number: 42,
          repository_url: `https://api.github.com/repos/${repository}`,
          body: options.body,
          created_at: afterSeals,
          updated_at: afterSeals,
        },
      }),
      {
        method: "POST",
        url: "/repos/{owner}/{repo}/issues",
        owner: "octo-org",
        repo: "security-cases",
        body: withCaseBlock("## Case", record),
        ...asCaseRecord,
      },
    );
    expect(caseTrustOf(created.data as object)).toEqual({ status: "sealed" });
    expect(judgedAtOnce(created.data as Record<string, unknown>)).toEqual({ status: "sealed" });
  });
});
