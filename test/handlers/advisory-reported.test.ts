import { afterEach, describe, expect, it } from "@jest/globals";
import { sealCaseBody } from "../../src/case/trust.js";
import { readCaseBlock } from "../../src/case/case-record.js";
import { acknowledgementMarker } from "../../src/case/plan-intake.js";
import { userObject } from "../fixtures/github-objects.js";
import { repositoryAdvisoryReportedPayload, reportedGhsaId } from "../fixtures/webhook-payloads.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies, testTrust } from "../helpers/probot.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

const trackingRepository = "octo-org/security-cases";
const reportedAt = new Date("2026-11-16T08:30:00Z"); // a Monday, 09:30 in Amsterdam
const now = new Date("2026-11-16T08:31:00Z");

const openworxConfig = policyYaml(openworxShort(trackingRepository));

function deliver(probot: ReturnType<typeof createTestProbot>, payload = repositoryAdvisoryReportedPayload(), id = "delivery-1") {
  return probot.receive({ id, name: "repository_advisory", payload } as Parameters<typeof probot.receive>[0]);
}

afterEach(stopTestGitHubs);

describe("repository_advisory.reported", () => {
  it("uses a fixture that GitHub's webhook schema accepts", () => {
    expect(validateWebhookPayload("repository_advisory", repositoryAdvisoryReportedPayload())).toEqual([]);
  });

  it("opens a private tracking issue and acknowledges the researcher with the concrete deadline", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    await deliver(createTestProbot(testDependencies(now), github.url));

    expect(github.journal.problems()).toEqual([]);
    const [issue, ...others] = github.issues(trackingRepository) ?? [];
    expect(others).toEqual([]);
    expect(issue?.title).toBe(`${reportedGhsaId}: SQL injection in the widget search endpoint`);
    expect(issue?.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage", "severity:high"]));
    expect(issue?.labels).not.toContain("config-error");
    expect(issue?.body).toContain("Monday 23 November 2026, 23:59 CET");
    expect(issue?.body).toContain("| Affected | npm @\u200bocto-org/widgets &#60; 2.4.1 |");

    const block = readCaseBlock(issue?.body);
    expect(block.status).toBe("found");
    if (block.status !== "found") return;
    expect(block.record).toMatchObject({
      key: reportedGhsaId,
      state: "triage",
      receivedAt: reportedAt.toISOString(),
      deadlines: { responseDue: "2026-11-23T22:59:59.999Z" },
      acknowledgement: { status: "sent" },
      configError: false,
    });
    expect(block.record.policyVersion).toMatch(/^[0-9a-f]{40}$/);

    const [acknowledgement, ...moreComments] = github.advisoryComments(reportedGhsaId) ?? [];
    expect(moreComments).toEqual([]);
    expect(acknowledgement?.body).toContain("Hello rosa-researcher,");
    expect(acknowledgement?.body).toContain("**We will respond by Monday 23 November 2026, 23:59 CET**");
    expect(acknowledgement?.body).toContain("Openworx Responsible Disclosure");
    expect(acknowledgement?.body).not.toContain("state:triage");
    expect(acknowledgement?.body).not.toContain("disclosure-desk:case");

    const calls = github.journal.entries.filter((request) => !request.path.endsWith("/access_tokens"));
    expect(calls.map((request) => `${request.method} ${request.operationId ?? request.path}`)).toEqual([
      "GET repos/get-content",
      "GET repos/get",
      "GET search/issues-and-pull-requests",
      "POST security-advisories/create-repository-advisory-comment",
      "POST issues/create",
    ]);
  });

  it("costs three calls for the next intake once config and visibility are cached: look-up, acknowledgement, case", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    const probot = createTestProbot(testDependencies(now), github.url);
    await deliver(probot);
    const before = github.journal.entries.length;
    const second = github.report(repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: "GHSA-2222-3333-4444" } }));
    await deliver(probot, second, "delivery-2");
    const calls = github.journal.entries.slice(before).filter((request) => !request.path.endsWith("/access_tokens"));
    expect(calls.map((request) => request.operationId)).toEqual([
      "search/issues-and-pull-requests",
      "security-advisories/create-repository-advisory-comment",
      "issues/create",
    ]);
    const opened = github.issues(trackingRepository)?.[1];
    const block = readCaseBlock(opened?.body);
    expect(block.status === "found" && block.record.acknowledgement).toEqual({ status: "sent", at: now.toISOString() });
    expect(github.journal.problems()).toEqual([]);
  });

  it("opens the case without a second acknowledgement when opening it failed after the acknowledgement went out", async () => {
    // The tracking issue cannot be opened once: GitHub answers 500 after the acknowledgement was posted.
    const github = await startTestGitHub({ config: openworxConfig });
    github.faults.inject({ method: "POST", operationId: "issues/create" }, { kind: "status", status: 500 });
    const probot = createTestProbot(testDependencies(now), github.url);
    await expect(deliver(probot)).rejects.toThrow();
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    expect(github.issues(trackingRepository) ?? []).toHaveLength(0);

    const before = github.journal.entries.length;
    await deliver(probot, repositoryAdvisoryReportedPayload(), "redelivery");

    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    const issues = github.issues(trackingRepository) ?? [];
    expect(issues).toHaveLength(1);
    const block = readCaseBlock(issues[0]?.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("sent");
    expect(issues[0]?.labels).not.toContain("relay-needed");
    // The ledger knew: no reading of the advisory's comments, no second comment.
    expect(github.journal.entries.slice(before).map((request) => request.operationId)).toEqual([
      "search/issues-and-pull-requests",
      "issues/create",
    ]);
    expect(github.journal.problems()).toEqual([]);
  });

  it("finds the earlier acknowledgement by its marker when a restarted process gets the redelivery", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    github.faults.inject({ method: "POST", operationId: "issues/create" }, { kind: "status", status: 500 });
    await expect(deliver(createTestProbot(testDependencies(now), github.url))).rejects.toThrow();
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);

    // The process is gone with its ledger; the new one started after the report was submitted.
    const before = github.journal.entries.length;
    await deliver(createTestProbot(testDependencies(now, now), github.url), repositoryAdvisoryReportedPayload(), "redelivery");

    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    const issues = github.issues(trackingRepository) ?? [];
    expect(issues).toHaveLength(1);
    const block = readCaseBlock(issues[0]?.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("sent");
    const calls = github.journal.entries
      .slice(before)
      .filter((request) => !request.path.endsWith("/access_tokens"))
      .map((request) => request.operationId);
    expect(calls).toContain("security-advisories/list-repository-advisory-comments");
    expect(calls).not.toContain("security-advisories/create-repository-advisory-comment");
    expect(github.journal.problems()).toEqual([]);
  });

  it("does not take the acknowledgement marker in someone else's comment for its own: the researcher is still acknowledged", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    const widgets = github.state.repository(github.fixture.advisoryRepository);
    if (!widgets) throw new Error("no reported repository");
    github.state.createAdvisoryComment(
      widgets,
      reportedGhsaId,
      `Thanks! ${acknowledgementMarker(reportedGhsaId)}`,
      userObject("rosa-researcher", 9_200_101),
    );
    // A process started after the report cannot vouch from its ledger, so it looks on the advisory, as after a restart.
    await deliver(createTestProbot(testDependencies(now, now), github.url));

    const comments = github.advisoryComments(reportedGhsaId) ?? [];
    expect(comments).toHaveLength(2);
    expect(comments[1]?.body).toContain(acknowledgementMarker(reportedGhsaId));
    const block = readCaseBlock(github.issues(trackingRepository)?.[0]?.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("sent");
  });

  it("acknowledges a report older than the process once, after looking for an earlier acknowledgement", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    await deliver(createTestProbot(testDependencies(now, now), github.url));

    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    expect(github.issues(trackingRepository)).toHaveLength(1);
    const calls = github.journal.entries
      .filter((request) => !request.path.endsWith("/access_tokens"))
      .map((request) => request.operationId);
    expect(calls.slice(-3)).toEqual([
      "security-advisories/list-repository-advisory-comments",
      "security-advisories/create-repository-advisory-comment",
      "issues/create",
    ]);
  });

  it("opens one case and sends one acknowledgement when the same delivery arrives five times at once", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    const probot = createTestProbot(testDependencies(now), github.url);
    await Promise.all([1, 2, 3, 4, 5].map(() => deliver(probot)));

    expect(github.issues(trackingRepository)).toHaveLength(1);
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    expect(github.journal.problems()).toEqual([]);
  });

  it("finds the case through search after a restart and sends nothing twice", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    await deliver(createTestProbot(testDependencies(now), github.url));
    await deliver(createTestProbot(testDependencies(now), github.url), repositoryAdvisoryReportedPayload(), "redelivery");

    expect(github.issues(trackingRepository)).toHaveLength(1);
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
  });

  it("finishes an intake that crashed after opening the issue, without a second acknowledgement", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    await deliver(createTestProbot(testDependencies(now), github.url));
    // The crash: the acknowledgement went out but the case block still says "pending", as the app sealed it.
    const issue = github.state.repository(trackingRepository)?.issues.get(1);
    if (!issue?.body) throw new Error("no tracking issue");
    issue.body = sealCaseBody(
      issue.body.replace('"status":"sent"', '"status":"pending"'),
      { repository: trackingRepository, issue: issue.number },
      testTrust.secret,
    );

    await deliver(createTestProbot(testDependencies(now), github.url), repositoryAdvisoryReportedPayload(), "redelivery");

    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    const block = readCaseBlock(issue.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("sent");
  });

  it("writes nothing to a public tracking repository but a neutral notice, and still acknowledges", async () => {
    const github = await startTestGitHub({ config: openworxConfig, trackingPrivate: false });
    await deliver(createTestProbot(testDependencies(now), github.url));

    const writes = github.writesTo(trackingRepository);
    expect(writes).toHaveLength(1);
    const notice = JSON.stringify(writes[0]?.body);
    expect(notice).toContain("public");
    expect(notice).not.toContain(reportedGhsaId);
    expect(notice).not.toContain("SQL injection");
    expect(notice).not.toContain("widgets.example.org");
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
    expect(github.journal.problems()).toEqual([]);

    await deliver(
      createTestProbot(testDependencies(now), github.url),
      github.report(repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: "GHSA-2222-3333-4444" } })),
      "d2",
    );
    expect(github.writesTo(trackingRepository)).toHaveLength(1);
  });

  it("falls back to a relay-needed label and a ready-to-paste message when the comments API is missing", async () => {
    const github = await startTestGitHub({ config: openworxConfig, commentsApi: "missing" });
    const probot = createTestProbot(testDependencies(now), github.url);
    await deliver(probot);

    const issue = github.issues(trackingRepository)?.[0];
    expect(issue?.labels).toContain("relay-needed");
    expect(issue?.body).toContain("Acknowledgement to relay");
    expect(issue?.body).toContain("We will respond by Monday 23 November 2026, 23:59 CET");
    const block = readCaseBlock(issue?.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("relay-needed");
    expect(github.journal.problems()).toEqual([]);

    // The next report knows the API is missing: the case opens with the relay message in one write.
    const before = github.journal.entries.length;
    await deliver(
      probot,
      github.report(repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: "GHSA-2222-3333-4444" } })),
      "d2",
    );
    const second = github.issues(trackingRepository)?.[1];
    expect(second?.labels).toContain("relay-needed");
    expect(second?.body).toContain("Acknowledgement to relay");
    expect(github.journal.entries.slice(before).map((request) => request.operationId)).toEqual([
      "search/issues-and-pull-requests",
      "issues/create",
    ]);
  });

  it("works in advisory-only mode: no issue, and the acknowledgement carries no internal state", async () => {
    const github = await startTestGitHub({
      config: null,
      repositories: {
        ".github":
          "language: nl\ncalendar:\n  timezone: Europe/Amsterdam\n  holidays: NL\nsla:\n  response: { businessDays: 3 }\n  resolution: { days: 30 }\n",
      },
    });
    await deliver(createTestProbot(testDependencies(now), github.url));
    await deliver(createTestProbot(testDependencies(now), github.url), repositoryAdvisoryReportedPayload(), "redelivery");

    expect([...github.state.repositories.values()].filter((repository) => repository.issues.size > 0)).toEqual([]);
    const comments = github.advisoryComments(reportedGhsaId) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("Beste rosa-researcher,");
    expect(comments[0]?.body).toContain("uiterlijk donderdag 19 november 2026, 23:59 CET");
    expect(comments[0]?.body).toContain("binnen 30 dagen na uw melding, uiterlijk woensdag 16 december 2026, 23:59 CET");
    expect(comments[0]?.body).not.toContain("disclosure-desk:case");
    expect(github.journal.problems()).toEqual([]);
  });

  it("still opens the case with safe defaults and flags config-error when the config is invalid", async () => {
    const github = await startTestGitHub({
      config: `${openworxConfig}  respone: { businessDays: 3 }\nlanguage: fr\n`.replace("language: en\n", ""),
    });
    await deliver(createTestProbot(testDependencies(now), github.url));

    const issue = github.issues(trackingRepository)?.[0];
    expect(issue?.labels).toContain("config-error");
    expect(issue?.body).toContain("Configuration errors");
    expect(issue?.body).toMatch(/sla\.respone: unknown key; did you mean \\?"response\\?"/);
    expect(issue?.body).toContain("language");
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
  });

  it("neutralises mentions and markup from the report in every message", async () => {
    const github = await startTestGitHub({ config: openworxConfig });
    const hostile = repositoryAdvisoryReportedPayload({
      repository_advisory: {
        summary: "XSS <script>alert(1)</script> cc @octo-org/security-team see #1",
        description: "Ping @octo-org/security-team and @admin\n```\n<img src=x onerror=alert(1)>\n```\nFixes #12",
      },
    });
    await deliver(createTestProbot(testDependencies(now), github.url), hostile);

    const issue = github.issues(trackingRepository)?.[0];
    const comment = github.advisoryComments(reportedGhsaId)?.[0];
    for (const text of [issue?.body ?? "", comment?.body ?? ""]) {
      expect(text).not.toMatch(/@octo-org\/security-team/);
      expect(text).not.toMatch(/@admin/);
      expect(text).not.toMatch(/#1\b/);
      expect(outsideFences(text)).not.toContain("<script>");
      expect(outsideFences(text)).not.toContain("<img");
    }
    // The description is shown verbatim inside a fence that its own backticks cannot close.
    expect(issue?.body).toContain("````text\nPing @\u200bocto-org");
    expect(github.journal.problems()).toEqual([]);
  });
});

function outsideFences(markdown: string): string {
  return markdown.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, "");
}
