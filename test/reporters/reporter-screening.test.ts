import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { readCaseBlock } from "../../src/case/case-record.js";
import { issueCommentCreatedPayload, maintainer, repositoryAdvisoryReportedPayload, researcher } from "../fixtures/webhook-payloads.js";
import { userObject } from "../fixtures/github-objects.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import { openworx, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/**
 * Reporter history, blocked reporters and duplicates through the real handlers: reports arrive as webhooks, cases
 * are closed by maintainers' commands, and the next report is judged from what those left in the case index.
 */

const trackingRepository = "octo-org/security-cases";
const now = new Date("2026-11-17T10:15:00Z");
const junkAuthor = userObject("slop-sender", 9_200_050);
const otherAuthor = userObject("careful-carla", 9_200_051);

let ghsaCounter = 0;
const ghsaIds = ["GHSA-2222-3333-4442", "GHSA-2222-3333-4443", "GHSA-2222-3333-4445", "GHSA-2222-3333-4446", "GHSA-2222-3333-4447"];
let commentId = 2_400_000_100;

function reportedBy(author: ReturnType<typeof userObject>, ghsaId: string, description?: string) {
  const payload = repositoryAdvisoryReportedPayload({
    repository_advisory: { ghsa_id: ghsaId, ...(description === undefined ? {} : { description }) },
    sender: author,
  });
  // The webhook types mark `author` as always null (a known conversion bug); GitHub sends the reporter.
  (payload.repository_advisory as { author: unknown }).author = author;
  return payload;
}

function reportPayload(author: ReturnType<typeof userObject>, description?: string) {
  const ghsaId = ghsaIds[ghsaCounter++] ?? "GHSA-2222-3333-4448";
  return { ghsaId, payload: reportedBy(author, ghsaId, description) };
}

async function report(github: TestGitHub, probot: Probot, author: ReturnType<typeof userObject>, description?: string): Promise<string> {
  const { ghsaId, payload } = reportPayload(author, description);
  expect(validateWebhookPayload("repository_advisory", payload)).toEqual([]);
  await probot.receive({ id: `report-${ghsaId}`, name: "repository_advisory", payload: github.report(payload) } as Parameters<
    Probot["receive"]
  >[0]);
  return ghsaId;
}

async function command(probot: Probot, github: TestGitHub, issueNumber: number, body: string, user = maintainer): Promise<void> {
  const issue = github.issues(trackingRepository)?.find((candidate) => candidate.number === issueNumber);
  if (!issue) throw new Error(`no issue #${issueNumber}`);
  const payload = issueCommentCreatedPayload({
    comment: { body, id: commentId++, user },
    sender: user,
    issue: { number: issueNumber },
    repository: { private: true, visibility: "private" },
  });
  payload.issue.body = issue.body;
  await probot.receive({ id: `comment-${commentId}`, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}

function caseOf(github: TestGitHub, ghsaId: string) {
  return github.issues(trackingRepository)?.find((issue) => issue.title.startsWith(ghsaId));
}

async function world(config = policyYaml(openworx)): Promise<{ github: TestGitHub; probot: Probot }> {
  const github = await startTestGitHub({ config, roles: { "max-maintainer": "admin", "wendy-writer": "read" } });
  return { github, probot: createTestProbot(testDependencies(now), github.url) };
}

beforeEach(() => {
  ghsaCounter = 0;
});

afterEach(stopTestGitHubs);

describe("reporter history", () => {
  it("labels the third report of someone whose two earlier reports were rejected as invalid reporter:repeat-invalid", async () => {
    const { github, probot } = await world();
    const first = await report(github, probot, junkAuthor);
    await command(probot, github, caseOf(github, first)?.number ?? 0, "/disclosure reject invalid");
    const second = await report(
      github,
      probot,
      junkAuthor,
      "A different fabricated write-up about a buffer overflow in Curl_cookie_merge in lib/cookie.c line 4711, with no steps at all.",
    );
    // One invalid report so far: not yet a repeat.
    expect(caseOf(github, second)?.labels).not.toContain("reporter:repeat-invalid");
    await command(probot, github, caseOf(github, second)?.number ?? 0, "/disclosure reject unverified-claims");

    const third = await report(
      github,
      probot,
      junkAuthor,
      "Yet another confident report: a hard-coded API key in src/secrets.ts that allows full takeover of every account.",
    );
    const issue = caseOf(github, third);
    expect(issue?.labels).toContain("reporter:repeat-invalid");
    expect(issue?.labels).not.toContain("reporter:known");
    expect(issue?.body).toContain("### Reporter history");
    expect(issue?.body).toContain("`octo-org/security-cases#1` (GHSA-2222-3333-4442), received 16 November 2026: closed as invalid");
    expect(issue?.body).toContain("`octo-org/security-cases#2` (GHSA-2222-3333-4443), received 16 November 2026: closed as invalid");
    // No sweep has built the index in this process: the maintainers are told the history may be incomplete.
    expect(issue?.body).toContain("has not been built by a sweep yet");
    const block = readCaseBlock(issue?.body);
    expect(block.status === "found" && block.record.reporter).toMatch(/^[0-9a-f]{32}$/);
    expect(github.journal.problems()).toEqual([]);
  });

  it("control: a report from someone else in the same installation carries no reporter label", async () => {
    const { github, probot } = await world();
    for (const description of [
      "first fabricated report text about a made up overflow in the parser module",
      "second fabricated report text about made up keys in the config loader module",
    ]) {
      const key = await report(github, probot, junkAuthor, description);
      await command(probot, github, caseOf(github, key)?.number ?? 0, "/disclosure reject invalid");
    }
    const careful = await report(
      github,
      probot,
      otherAuthor,
      "Stored XSS in the widget title: a title containing an img tag with an onerror handler runs in every viewer's browser.",
    );
    const issue = caseOf(github, careful);
    expect(issue?.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage"]));
    expect(issue?.labels).not.toContain("reporter:repeat-invalid");
    expect(issue?.body).toContain("No earlier cases of this reporter in this installation.");
  });

  it("labels a report from someone with an accepted report reporter:known, and a rejection under an exclusion is not junk", async () => {
    const { github, probot } = await world();
    const accepted = await report(github, probot, otherAuthor);
    await command(probot, github, caseOf(github, accepted)?.number ?? 0, "/disclosure accept resolve-by:2026-12-31");
    const excluded = await report(
      github,
      probot,
      otherAuthor,
      "The site sets no Strict-Transport-Security header on its login page, which is missing a best practice header entirely.",
    );
    await command(probot, github, caseOf(github, excluded)?.number ?? 0, "/disclosure reject security-headers");
    const next = await report(
      github,
      probot,
      otherAuthor,
      "An IDOR in the invoice endpoint: changing the numeric id returns another tenant's invoice with their address and bank details.",
    );
    const issue = caseOf(github, next);
    expect(issue?.labels).toContain("reporter:known");
    expect(issue?.labels).not.toContain("reporter:repeat-invalid");
    expect(issue?.body).toContain("rejected under an exclusion");
  });
});

describe("duplicates", () => {
  const original = [
    "## Summary",
    "The export endpoint /api/reports/export on https://widgets.example.org builds a shell command from the filename parameter.",
    "A filename such as report.csv;id runs the id command on the server as the web user.",
    "## Steps to reproduce",
    "1. Log in as any user. 2. Request /api/reports/export?filename=report.csv;id 3. The response contains uid=33(www-data).",
    "See src/export/run-export.ts:42 where the filename is passed to exec.",
  ].join("\n");

  it("labels a near-copy of an open case possible-duplicate with its number and the score", async () => {
    const { github, probot } = await world();
    await report(github, probot, otherAuthor, original);
    const copy = await report(
      github,
      probot,
      junkAuthor,
      original.replace("Log in as any user.", "Log in as a normal user.").replace("web user", "www-data user"),
    );
    const issue = caseOf(github, copy);
    expect(issue?.labels).toContain("possible-duplicate");
    expect(issue?.body).toMatch(/- `octo-org\/security-cases#1` \(GHSA-2222-3333-4442\), similarity 0\.[6-9]\d|1\.00/);
    expect(github.journal.problems()).toEqual([]);
  });

  it("control: a report about something else is not labelled a duplicate", async () => {
    const { github, probot } = await world();
    await report(github, probot, otherAuthor, original);
    const other = await report(
      github,
      probot,
      junkAuthor,
      "Stored XSS in the widget title: a title containing an img tag with an onerror handler runs in every viewer's browser when the dashboard loads.",
    );
    expect(caseOf(github, other)?.labels).not.toContain("possible-duplicate");
  });
});

describe("blocked reporters", () => {
  const blockedYaml = `${policyYaml(openworx)}reporters:
  blocked: ["Slop-Sender", "someone@example.org"]
  blockedMessage: "We no longer accept reports from accounts that sent us fabricated reports."
`;

  it("closes a blocked reporter's report with the policy's message and writes no case content", async () => {
    const { github, probot } = await world(blockedYaml);
    const ghsaId = await report(github, probot, junkAuthor);
    expect(github.issues(trackingRepository) ?? []).toEqual([]);
    expect(github.writesTo(trackingRepository)).toEqual([]);
    const [message, ...others] = github.advisoryComments(ghsaId) ?? [];
    expect(others).toEqual([]);
    expect(message?.body).toContain("> We no longer accept reports from accounts that sent us fabricated reports.");
    expect(message?.body).toContain("Hello slop-sender,");
    expect(message?.body).not.toContain("We will respond by");
    expect(github.advisoryUpdates()).toEqual([expect.objectContaining({ state: "closed" })]);
    expect(github.journal.problems()).toEqual([]);

    // A redelivery sends nothing twice.
    await probot.receive({ id: "redelivery", name: "repository_advisory", payload: reportedBy(junkAuthor, ghsaId) } as Parameters<
      Probot["receive"]
    >[0]);
    expect(github.advisoryComments(ghsaId)).toHaveLength(1);
  });

  it("control: under the same policy a reporter who is not blocked gets a case and the acknowledgement", async () => {
    const { github, probot } = await world(blockedYaml);
    const ghsaId = await report(github, probot, researcher);
    expect(caseOf(github, ghsaId)?.labels).toContain("state:triage");
    expect(github.advisoryComments(ghsaId)?.[0]?.body).toContain("We will respond by");
    expect(github.advisoryUpdates()).toEqual([]);
  });
});
