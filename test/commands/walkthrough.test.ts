import { afterEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { readCaseBlock } from "../../src/case/case-record.js";
import { ConversationGateway } from "../../src/github/conversation-gateway.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { executeCaseSweep } from "../../src/sweep/execute.js";
import { planCaseSweep } from "../../src/sweep/plan-sweep.js";
import { pino } from "pino";
import { mirrorResearcherReplies } from "../../src/closing/mirror-researcher-replies.js";
import {
  installation,
  issueCommentCreatedPayload,
  maintainer,
  repositoryAdvisoryReportedPayload,
  researcher,
} from "../fixtures/webhook-payloads.js";
import { createTestProbot, TestOctokit, testDependencies } from "../helpers/probot.js";
import { caseKey } from "./fixtures.js";
import { openworx, policyConfig, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/**
 * One case from report to resolution under the Openworx policy, through the real handlers and a strict fake
 * GitHub. `docs/walkthrough.md` shows what each side sees; this test holds it to what the code renders.
 */

const trackingRepository = "octo-org/security-cases";
const walkthrough = readFileSync(new URL("../../docs/walkthrough.md", import.meta.url), "utf8");

interface Step {
  researcherSees: string[];
  maintainersSee: string[];
}

function visible(text: string): string {
  return text.replace(/\n*<!-- disclosure-desk:[^\n]*-->\n*/g, "\n").trim();
}

function trackingIssue(github: TestGitHub) {
  const issue = github.issues(trackingRepository)?.[0];
  if (!issue) throw new Error("no tracking issue");
  return issue;
}

async function command(github: TestGitHub, line: string, at: string, id: number): Promise<Step> {
  const before = { advisory: github.advisoryComments(caseKey)?.length ?? 0, issue: github.commentBodies(trackingRepository, 1).length };
  const payload = issueCommentCreatedPayload({ comment: { body: line, id, created_at: at, updated_at: at } });
  payload.issue.number = 1;
  payload.issue.body = trackingIssue(github).body;
  await createTestProbot(testDependencies(new Date(at)), github.url).receive({
    id: `delivery-${id}`,
    name: "issue_comment",
    payload,
  } as Parameters<ReturnType<typeof createTestProbot>["receive"]>[0]);
  return {
    researcherSees: (github.advisoryComments(caseKey) ?? []).slice(before.advisory).map((comment) => visible(comment.body)),
    maintainersSee: github.commentBodies(trackingRepository, 1).slice(before.issue).map(visible),
  };
}

afterEach(stopTestGitHubs);

describe("walkthrough: a report from intake to resolution", () => {
  it("matches docs/walkthrough.md, message for message", async () => {
    const github = await startTestGitHub({ config: policyYaml(openworx), roles: { [maintainer.login]: "write" } });
    const steps: Step[] = [];

    await createTestProbot(testDependencies(new Date("2026-11-16T08:31:00Z")), github.url).receive({
      id: "delivery-intake",
      name: "repository_advisory",
      payload: repositoryAdvisoryReportedPayload(),
    } as Parameters<ReturnType<typeof createTestProbot>["receive"]>[0]);
    steps.push({ researcherSees: (github.advisoryComments(caseKey) ?? []).map((comment) => visible(comment.body)), maintainersSee: [] });

    steps.push(
      await command(
        github,
        "/disclosure needs-info Which account did you use, and can you reach /api/search without logging in?",
        "2026-11-17T10:15:00Z",
        2_400_000_001,
      ),
    );

    const widgets = github.state.repository(github.fixture.advisoryRepository);
    if (!widgets) throw new Error("no reported repository");
    const answer = github.state.createAdvisoryComment(
      widgets,
      caseKey,
      "I used a fresh trial account. Yes: /api/search answers without a session, see the curl below.",
      researcher,
    );
    answer.created_at = answer.updated_at = "2026-11-19T07:40:00Z";
    const issue = trackingIssue(github);
    const reading = readCaseBlock(issue.body);
    if (reading.status !== "found") throw new Error("no case block");
    const sweepAt = new Date("2026-11-19T09:00:00Z");
    const gateway = new ConversationGateway(
      new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
      createGatewayCache(),
      installation.id,
      () => sweepAt.getTime(),
    );
    const mirrored = await mirrorResearcherReplies(
      gateway,
      {
        tracking: { owner: "octo-org", repo: "security-cases" },
        number: 1,
        body: issue.body,
        labels: issue.labels,
        record: reading.record,
        config: policyConfig(openworx),
      },
      sweepAt,
    );
    expect(mirrored).toMatchObject({ status: "mirrored", copied: 1, resumed: true });
    steps.push({ researcherSees: [], maintainersSee: github.commentBodies(trackingRepository, 1).slice(-1).map(visible) });

    // The next sweep: the wait moved the evaluation deadline by one whole day, and the researcher hears the new date.
    const nextSweepAt = new Date("2026-11-19T09:15:00Z");
    const resumed = readCaseBlock(trackingIssue(github).body);
    if (resumed.status !== "found") throw new Error("no case block");
    const sweepPlan = planCaseSweep({
      record: resumed.record,
      labels: trackingIssue(github).labels,
      config: policyConfig(openworx),
      now: nextSweepAt,
    });
    expect(sweepPlan.actions.map((action) => action.type)).toEqual(["tellNewDates", "recordSweep"]);
    const advisoryBefore = github.advisoryComments(caseKey)?.length ?? 0;
    await executeCaseSweep(
      new GitHubGateway(
        new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
        createGatewayCache(),
        installation.id,
        () => nextSweepAt.getTime(),
      ),
      {
        repository: { owner: "octo-org", repo: "security-cases" },
        number: 1,
        body: trackingIssue(github).body,
        record: resumed.record,
        language: "en",
      },
      sweepPlan,
      pino({ level: "silent" }),
    );
    steps.push({
      researcherSees: (github.advisoryComments(caseKey) ?? []).slice(advisoryBefore).map((comment) => visible(comment.body)),
      maintainersSee: [],
    });

    steps.push(await command(github, "/disclosure accept", "2026-11-19T12:50:00Z", 2_400_000_015));
    steps.push(await command(github, "/disclosure accept severity:high resolve-by:2026-12-18", "2026-11-19T13:05:00Z", 2_400_000_002));
    steps.push(
      await command(
        github,
        "/disclosure update The fix is merged and goes out with release 2.4.1 next week.",
        "2026-12-03T09:00:00Z",
        2_400_000_003,
      ),
    );
    steps.push(await command(github, "/disclosure resolved", "2026-12-16T15:30:00Z", 2_400_000_004));

    expect(github.journal.problems()).toEqual([]);
    const final = readCaseBlock(trackingIssue(github).body);
    expect(final.status === "found" && final.record).toMatchObject({
      state: "resolved",
      firstResponseAt: "2026-11-17T10:15:00.000Z",
      triagedAt: "2026-11-19T13:05:00.000Z",
      resolveBy: "2026-12-18",
      pause: { pausedMs: Date.parse("2026-11-19T07:40:00Z") - Date.parse("2026-11-17T10:15:00Z") },
    });
    expect(trackingIssue(github).labels).toEqual(expect.arrayContaining(["state:resolved", "severity:high"]));

    for (const step of steps) {
      for (const text of [...step.researcherSees, ...step.maintainersSee]) expect(walkthrough).toContain(text);
    }
    expect(steps.flatMap((step) => [...step.researcherSees, ...step.maintainersSee])).toHaveLength(12);
  });
});
