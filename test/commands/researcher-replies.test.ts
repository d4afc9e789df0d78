import { afterEach, describe, expect, it } from "@jest/globals";
import { readCaseBlock, withCaseBlock } from "../../src/case/case-record.js";
import { planMirror, type ResearcherComment } from "../../src/closing/researcher-replies.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { ConversationGateway } from "../../src/github/conversation-gateway.js";
import { mirrorResearcherReplies } from "../../src/closing/mirror-researcher-replies.js";
import { installation, researcher } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";
import { TestOctokit } from "../helpers/probot.js";
import { caseKey, openedCase } from "./fixtures.js";
import { mijnPartnerGroep, openworx, policyConfig } from "../fixtures/policies.js";

const askedAt = "2026-11-17T10:15:00.000Z";
const answeredAt = "2026-11-19T07:40:00Z";
const sweepAt = new Date("2026-11-19T09:00:00Z");
const advisoryUrl = `https://github.com/octo-org/widgets/security/advisories/${caseKey}`;

function comment(id: number, author: string, body: string, createdAt = answeredAt, authorType = "User"): ResearcherComment {
  return { id, body, author, authorType, createdAt, updatedAt: createdAt };
}

const waiting = (config = policyConfig(mijnPartnerGroep)) =>
  openedCase(config, { state: "needs-info", firstResponseAt: askedAt, pause: { since: askedAt, pausedMs: 0 } });

describe("planMirror", () => {
  const config = policyConfig(mijnPartnerGroep);
  const plan = (comments: ResearcherComment[], record = waiting()) =>
    planMirror({
      record,
      labels: ["disclosure", "state:needs-info"],
      comments,
      researcher: "rosa-researcher",
      advisoryUrl,
      config,
      now: sweepAt,
    });

  it("copies the researcher's answer and resumes the clock from the moment they wrote it", () => {
    const result = plan([comment(501, "rosa-researcher", "The URL is https://mijnpartnergroep.nl/zoek")]);
    expect(result.record).toMatchObject({
      state: "triage",
      pause: { pausedMs: Date.parse(answeredAt) - Date.parse(askedAt) },
      researcherActivityAt: answeredAt,
      conversation: { mirrored: [501], checkedAt: answeredAt },
    });
    expect(result.actions.map((action) => action.type)).toEqual(["setState", "replyToMaintainers", "setLabels", "updateRecord"]);
    expect(result.actions[2]).toEqual({ type: "setLabels", add: ["state:triage"], remove: ["state:needs-info"] });
    const copy = result.actions[1]?.type === "replyToMaintainers" ? result.actions[1].body : "";
    expect(copy).toContain("**rosa-researcher** schreef op [de advisory](" + advisoryUrl + ") op donderdag 19 november 2026, 08:40 CET:");
    expect(copy).toContain("```text\nThe URL is https://mijnpartnergroep.nl/zoek\n```");
    expect(copy).toContain("de klok loopt weer");
    expect(copy).toContain("<!-- disclosure-desk:mirror 501 -->");
  });

  it("skips Disclosure Desk's own messages and comments already copied", () => {
    const record = waiting();
    const result = plan(
      [
        comment(500, "disclosure-desk[bot]", "Beste rosa-researcher", askedAt, "Bot"),
        comment(499, "max-maintainer", "relayed by hand <!-- disclosure-desk:message 1:1 -->", askedAt),
        comment(498, "rosa-researcher", "old", askedAt),
      ],
      { ...record, conversation: { mirrored: [498], checkedAt: askedAt } },
    );
    expect(result.actions).toEqual([]);
    expect(result.record.state).toBe("needs-info");
  });

  it("copies a maintainer's comment on the advisory without ending the wait", () => {
    const result = plan([comment(502, "max-maintainer", "Could you also send the request?")]);
    expect(result.record.state).toBe("needs-info");
    expect(result.actions.map((action) => action.type)).toEqual(["replyToMaintainers", "updateRecord"]);
  });

  it("neutralises mentions and cannot be broken out of its fence", () => {
    const result = plan([comment(503, "rosa-researcher", "@octo-org/security see #12\n````\n<script>alert(1)</script>")]);
    const copy = result.actions.find((action) => action.type === "replyToMaintainers");
    const body = copy?.type === "replyToMaintainers" ? copy.body : "";
    expect(body).toContain("`````text\n@\u200bocto-org/security see #\u200b12\n````\n<script>alert(1)</script>\n`````");
  });
});

describe("mirrorResearcherReplies", () => {
  afterEach(stopTestGitHubs);

  it("reads new advisory comments since the last look, copies them and writes the case once", async () => {
    const github = await startTestGitHub();
    const config = policyConfig(openworx);
    const record = waiting(config);
    const body = withCaseBlock("## Case", record);
    github.seedIssue("octo-org/security-cases", {
      number: 7,
      title: `${caseKey}: SQL injection`,
      body,
      labels: ["disclosure", "state:needs-info"],
    });
    const widgets = github.state.repository("octo-org/widgets");
    if (!widgets) throw new Error("no reported repository");
    const answer = github.state.createAdvisoryComment(widgets, caseKey, "Here is the request: GET /api/search?q='", researcher);
    Object.assign(answer, { id: 601, created_at: answeredAt, updated_at: answeredAt });

    const gateway = new ConversationGateway(
      new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
      createGatewayCache(),
      installation.id,
      () => sweepAt.getTime(),
    );
    const outcome = await mirrorResearcherReplies(
      gateway,
      {
        tracking: { owner: "octo-org", repo: "security-cases" },
        number: 7,
        body,
        labels: ["disclosure", "state:needs-info"],
        record,
        config,
      },
      sweepAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(outcome).toMatchObject({ status: "mirrored", copied: 1, resumed: true, labels: ["disclosure", "state:triage"] });
    const copied = github.commentBodies("octo-org/security-cases", 7).join("\n");
    const written = (github.journal.of("issues/update").at(-1)?.body ?? {}) as { body?: string; labels?: string[] };
    expect(copied).toContain("**rosa-researcher** wrote on [the advisory]");
    expect(written.labels).toEqual(["disclosure", "state:triage"]);
    const saved = readCaseBlock(written.body);
    expect(saved.status === "found" && saved.record).toMatchObject({
      state: "triage",
      conversation: { mirrored: [601], checkedAt: answeredAt },
    });
  });

  it("reports the comments API unavailable instead of failing", async () => {
    const github = await startTestGitHub({ commentsApi: "missing" });
    const config = policyConfig(openworx);
    const record = waiting(config);
    const gateway = new ConversationGateway(
      new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
      createGatewayCache(),
      installation.id,
      () => sweepAt.getTime(),
    );
    const outcome = await mirrorResearcherReplies(
      gateway,
      { tracking: { owner: "octo-org", repo: "security-cases" }, number: 7, body: withCaseBlock("", record), labels: [], record, config },
      sweepAt,
    );
    expect(outcome).toEqual({ status: "unavailable" });
    expect(github.journal.problems()).toEqual([]);
  });

  it("asks GitHub nothing for a case without an advisory, so the comments API is not marked missing", async () => {
    const github = await startTestGitHub();
    const config = policyConfig(openworx);
    const advisoryCase = waiting(config);
    const record = { ...advisoryCase, key: "email:3f9a2c1b7d4e", channel: "email" as const, source: { repository: "octo-org/widgets" } };
    const cache = createGatewayCache();
    const gateway = new ConversationGateway(
      new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
      cache,
      installation.id,
      () => sweepAt.getTime(),
    );
    const outcome = await mirrorResearcherReplies(
      gateway,
      { tracking: { owner: "octo-org", repo: "security-cases" }, number: 7, body: withCaseBlock("", record), labels: [], record, config },
      sweepAt,
    );
    expect(outcome).toEqual({ status: "unchanged" });
    expect(github.journal.entries).toEqual([]);
    expect(cache.commentsApiUnavailableUntil.get(installation.id)).toBeUndefined();
  });
});
