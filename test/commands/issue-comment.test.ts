import { afterEach, describe, expect, it } from "@jest/globals";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { configSchema } from "../../src/config/schema.js";
import { gitBlobSha } from "../../src/config/repository-config.js";
import { issueCommentCreatedPayload, maintainer, researcher, type WebhookPayload } from "../fixtures/webhook-payloads.js";
import { userObject } from "../fixtures/github-objects.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { createTestProbot, sealedForTest, testDependencies } from "../helpers/probot.js";
import { caseKey, commandAt, intakeLabels, openedCase } from "./fixtures.js";
import { mijnPartnerGroep, openworx, policyConfig, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

const trackingRepository = "octo-org/security-cases";

function seedCase(github: TestGitHub, record: CaseRecord, labels = intakeLabels): void {
  github.seedIssue(trackingRepository, {
    number: 7,
    title: `${caseKey}: SQL injection in the widget search endpoint`,
    body: sealedForTest(withCaseBlock("## Case\n\nReport details.", record), trackingRepository, 7),
    labels: [...labels],
  });
}

function commentPayload(
  body: string,
  options: {
    id?: number;
    user?: ReturnType<typeof userObject>;
    isPrivate?: boolean;
    action?: "created" | "edited";
    record?: CaseRecord;
  } = {},
) {
  const user = options.user ?? maintainer;
  const payload = issueCommentCreatedPayload({
    comment: { body, id: options.id ?? 2_400_000_001, user },
    sender: user,
    repository: { private: options.isPrivate ?? true, visibility: (options.isPrivate ?? true) ? "private" : "public" },
  });
  // The webhook carries the issue as it was; the handler re-reads it before writing.
  payload.issue.body = withCaseBlock("## Case", options.record ?? openedCase(policyConfig(openworx)));
  if (options.action === "edited") {
    return {
      ...payload,
      action: "edited",
      changes: { body: { from: "/disclosure acept" } },
    } as unknown as WebhookPayload<"issue_comment.created">;
  }
  return payload;
}

async function deliver(
  github: TestGitHub,
  payload: WebhookPayload<"issue_comment.created">,
  id = "delivery-1",
  dependencies = testDependencies(commandAt),
) {
  await createTestProbot(dependencies, github.url).receive({ id, name: "issue_comment", payload } as Parameters<
    ReturnType<typeof createTestProbot>["receive"]
  >[0]);
}

function currentRecord(github: TestGitHub): CaseRecord {
  const reading = readCaseBlock(github.issues(trackingRepository)?.[0]?.body);
  if (reading.status !== "found") throw new Error(`case block ${reading.status}`);
  return reading.record;
}

/** What a command handler would send: writes, a permission check, a re-read of the issue or of the advisory. */
const commandRequests = (github: TestGitHub) =>
  github.journal.entries
    .filter(
      (request) =>
        (request.method !== "GET" && !request.path.startsWith("/app/")) ||
        /\/(permission|issues\/\d+|security-advisories\/.*)$/.test(request.path),
    )
    .map((request) => `${request.method} ${request.path}`);

const researcherMessages = (github: TestGitHub) => (github.advisoryComments(caseKey) ?? []).map((comment) => comment.body);
const replies = (github: TestGitHub) => github.commentBodies(trackingRepository, 7);

afterEach(stopTestGitHubs);

describe("issue_comment.created with /disclosure commands", () => {
  it("uses a fixture GitHub's webhook schema accepts", () => {
    expect(validateWebhookPayload("issue_comment", commentPayload("/disclosure accept"))).toEqual([]);
  });

  it("accept from a maintainer with write access: state, labels, deadline, advisory and the evaluation to the researcher", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("Confirmed on staging.\n/disclosure accept severity:high resolve-by:2026-12-18"));

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toMatchObject({
      state: "accepted",
      resolveBy: "2026-12-18",
      deadlines: { resolutionDue: "2026-12-18T22:59:59.999Z" },
      firstResponseAt: commandAt.toISOString(),
      severity: { level: "high" },
      commands: [2_400_000_001],
    });
    expect(github.issues(trackingRepository)?.[0]?.labels).toEqual(["disclosure", "severity:high", "scope:in", "state:accepted"]);
    expect(github.advisoryUpdates()).toEqual([{ severity: "high", cvss_vector_string: null, state: "draft" }]);
    const [message, ...more] = researcherMessages(github);
    expect(more).toEqual([]);
    expect(message).toBe(
      [
        "Hello rosa-researcher,",
        "",
        "We have evaluated your report and confirmed the vulnerability. We rate it **high**.",
        "",
        "**We expect to resolve it by Friday 18 December 2026, 23:59 CET.**",
        "",
        "We will keep you informed of our progress here, at least every 14 days. Please do not share the problem with others until it has been resolved.",
        "",
        "Thank you for helping us protect our users.",
        "",
        "<!-- disclosure-desk:message 2400000001:2 -->",
        "",
      ].join("\n"),
    );
    expect(replies(github)).toEqual([
      expect.stringContaining(
        "✅ /disclosure accept severity:high resolve-by:2026-12-18 — accepted as high; the researcher has the evaluation and the expected resolution date, Friday 18 December 2026, 23:59 CET.",
      ),
    ]);
  });

  it("refuses a commenter without the configured permission, with a short reply and no effect", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "triage" } });
    const record = openedCase(policyConfig(openworx));
    seedCase(github, record);
    await deliver(github, commentPayload("/disclosure reject clickjacking"));

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toEqual(record);
    expect(researcherMessages(github)).toEqual([]);
    expect(github.advisoryUpdates()).toEqual([]);
    expect(replies(github)).toEqual([
      expect.stringContaining("Only people with at least **write** access to this repository can use Disclosure Desk commands"),
    ]);
    expect(github.writesTo(trackingRepository).map((write) => write.method)).toEqual(["POST"]);
  });

  it("honours commands.permission: triage is enough when the policy says so", async () => {
    const github = await startTestGitHub({
      trackingPrivate: false,
      config: `${policyYaml(openworx)}\ncommands: { permission: triage }\n`,
      roles: { "max-maintainer": "triage" },
    });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure needs-info Which URL did you test?"));
    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toMatchObject({ state: "needs-info", pause: { since: commandAt.toISOString(), pausedMs: 0 } });
    expect(researcherMessages(github)[0]).toContain("> Which URL did you test?");
  });

  it("refuses someone who is not a collaborator at all", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: {} });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure accept resolve-by:2026-12-18", { user: researcher }));
    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github).state).toBe("triage");
    expect(researcherMessages(github)).toEqual([]);
  });

  it("rejects under an exclusion quoting the policy sentence, closing issue and advisory", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "admin" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure reject outdated-software"));

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toMatchObject({ state: "rejected", triagedAt: commandAt.toISOString() });
    const issueWrite = github.writesTo(trackingRepository).find((write) => write.method === "PATCH");
    expect(issueWrite?.body).toMatchObject({
      state: "closed",
      state_reason: "not_planned",
      labels: ["disclosure", "severity:high", "scope:in", "state:rejected"],
    });
    expect(github.advisoryUpdates()).toEqual([{ state: "closed" }]);
    expect(researcherMessages(github)[0]).toContain(
      "> Reporting outdated versions of any software without proof of concept of a working exploit",
    );
    expect(researcherMessages(github)[0]).toContain("- a working proof of concept of an exploit");
  });

  it("acts on a redelivered comment once", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    const dependencies = testDependencies(commandAt);
    const payload = commentPayload("/disclosure update The fix is in review.");
    await deliver(github, payload, "delivery-1", dependencies);
    await deliver(github, payload, "delivery-1", dependencies);
    await Promise.all([deliver(github, payload, "delivery-2", dependencies), deliver(github, payload, "delivery-3", dependencies)]);

    expect(github.journal.problems()).toEqual([]);
    expect(researcherMessages(github)).toHaveLength(1);
    expect(replies(github)).toHaveLength(1);
    expect(currentRecord(github).commands).toEqual([2_400_000_001]);
  });

  it("does not act again when the comment is edited", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure update The fix is in review."));
    await deliver(
      github,
      commentPayload("/disclosure update The fix is in review; release on Friday.", { action: "edited" }),
      "delivery-2",
    );

    expect(github.journal.problems()).toEqual([]);
    expect(researcherMessages(github)).toEqual([expect.stringContaining("> The fix is in review.\n")]);
    expect(replies(github)).toHaveLength(1);
  });

  it("acts on an edit that fixes a malformed command, since the malformed one changed nothing", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure acept resolve-by:2026-12-18"));
    expect(currentRecord(github).state).toBe("triage");
    expect(replies(github)[0]).toContain(
      "did you mean `/disclosure accept [severity:<critical|high|medium|low|CVSS vector>] [resolve-by:<YYYY-MM-DD>]`?",
    );
    await deliver(github, commentPayload("/disclosure accept resolve-by:2026-12-18", { action: "edited" }), "delivery-2");

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github).state).toBe("accepted");
    expect(researcherMessages(github)).toHaveLength(1);
  });

  it("ignores a command in a public repository: nothing read for it, nothing written", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure accept resolve-by:2026-12-18", { isPrivate: false }));
    expect(commandRequests(github)).toEqual([]);
  });

  it("ignores bots, including Disclosure Desk itself, and issues without a case", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure help", { user: userObject("disclosure-desk[bot]", 9_300_001, "Bot") }));
    const withoutCase = commentPayload("/disclosure accept resolve-by:2026-12-18");
    withoutCase.issue.body = "An ordinary issue";
    await deliver(github, withoutCase, "delivery-2");
    expect(commandRequests(github)).toEqual([]);
  });

  it("relays the message through a maintainer when the advisory comments API does not answer", async () => {
    const github = await startTestGitHub({
      trackingPrivate: false,
      config: policyYaml(openworx),
      roles: { "max-maintainer": "write" },
      commentsApi: "missing",
    });
    seedCase(github, openedCase(policyConfig(openworx)));
    await deliver(github, commentPayload("/disclosure needs-info Which account did you use?"));

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github).state).toBe("needs-info");
    expect(github.issues(trackingRepository)?.[0]?.labels).toContain("relay-needed");
    const [reply] = replies(github);
    expect(reply).toContain("### Message to relay");
    expect(reply).toContain("> Which account did you use?");
    expect(reply).toContain("✅ /disclosure needs-info Which account did you use? — the question is with the researcher");
  });

  it("judges a case by the policy it was submitted under, read at its pinned blob", async () => {
    const pinned = policyYaml(openworx);
    const changed = policyYaml(mijnPartnerGroep);
    const github = await startTestGitHub({ trackingPrivate: false, config: changed, roles: { "max-maintainer": "write" } });
    // The policy as it stood when the report came in, still in the repository's history.
    github.state.seedTag("octo-org/widgets", "v2.4.0", { ".github/disclosure.yml": pinned });
    const record = openedCase(configSchema.parse({}), { policyVersion: gitBlobSha(pinned) });
    seedCase(github, record);
    await deliver(github, commentPayload("/disclosure reject outdated-software", { record }));

    expect(github.journal.problems()).toEqual([]);
    expect(researcherMessages(github)[0]).toContain("Hello rosa-researcher,");
    expect(researcherMessages(github)[0]).toContain(
      "> Reporting outdated versions of any software without proof of concept of a working exploit",
    );
  });
});
