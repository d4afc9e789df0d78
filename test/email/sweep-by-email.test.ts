import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { withEmailThread, type EmailThread } from "../../src/email/email-thread.js";
import { UNDELIVERED_LABEL } from "../../src/email/researcher-email.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { executeCaseSweep } from "../../src/sweep/execute.js";
import { planCaseSweep } from "../../src/sweep/plan-sweep.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";
import { openedCase } from "../commands/fixtures.js";
import { TestOctokit } from "../helpers/probot.js";
import { installation } from "../fixtures/webhook-payloads.js";
import { researcherAddress, securityAddress, startSmtpServer, testMailer, type TestSmtpServer } from "./support.js";
import { openworx, policyConfig } from "../fixtures/policies.js";

/** The sweep closes a silent e-mail case by e-mail (a real SMTP server on 127.0.0.1), not by an advisory comment. */

const tracking = { owner: "octo-org", repo: "security-cases" };
const emailKey = "email:3f9a2c1b7d4e";
const askedAt = "2026-11-17T10:15:00.000Z";
const now = new Date("2026-12-20T09:00:00Z");
const thread: EmailThread = {
  researcher: researcherAddress,
  senderVerified: true,
  address: securityAddress,
  subject: "SQL injection in the widget search endpoint",
  rootMessageId: "<report-1@mail.example.net>",
  lastMessageId: "<report-1@mail.example.net>",
  seen: [],
};

function silentEmailCase() {
  const config = policyConfig(openworx);
  const silentConfig = { ...config, sla: { ...config.sla, needsInfo: { pauseClock: true, closeAfterDays: 30 } } };
  const record: CaseRecord = {
    ...openedCase(silentConfig, { key: emailKey, channel: "email", source: { repository: "octo-org/widgets" } }),
    state: "needs-info",
    pause: { since: askedAt, pausedMs: 0 },
  };
  return { config: silentConfig, record, body: withEmailThread(withCaseBlock("## Case\n\nReported by e-mail.", record), thread) };
}

let smtp: TestSmtpServer | undefined;
let github: TestGitHub;

beforeEach(async () => {
  github = await startTestGitHub();
  github.seedIssue("octo-org/security-cases", {
    number: 7,
    title: `${emailKey}: SQL injection in the widget search endpoint`,
    body: silentEmailCase().body,
    labels: ["disclosure", "state:needs-info"],
  });
});

afterEach(async () => {
  await stopTestGitHubs();
  await smtp?.close();
  smtp = undefined;
});

async function sweep(mailer: ReturnType<typeof testMailer> | undefined) {
  const { config, record, body } = silentEmailCase();
  const plan = planCaseSweep({ record, labels: ["disclosure", "state:needs-info"], config, now });
  expect(plan.actions.map((action) => action.type)).toContain("closeSilentCase");
  const gateway = new GitHubGateway(
    new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
    createGatewayCache(),
    installation.id,
    () => now.getTime(),
  );
  return executeCaseSweep(
    gateway,
    { repository: tracking, number: 7, body, record, language: config.language },
    plan,
    pino({ level: "silent" }),
    mailer,
  );
}

describe("the sweep and an e-mail case", () => {
  it("closes a silent case by e-mail, threaded, and asks nothing of an advisory", async () => {
    smtp = await startSmtpServer();
    const outcome = await sweep(testMailer(smtp.url));

    expect(outcome.posted).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toContain(researcherAddress);
    expect(mail?.inReplyTo).toBe("<report-1@mail.example.net>");
    expect(mail?.text).toContain("We asked you for more information about this report 32 days ago");
    expect(mail?.text).not.toContain("<!-- disclosure-desk:");
    expect(mail?.messageId).toContain("sweep-needs-info");
    expect(github.journal.entries.some((request) => request.path.includes("security-advisories"))).toBe(false);
    expect(github.journal.problems()).toEqual([]);
  });

  it("without a mailer surfaces the closing message on the tracking issue instead of dropping it", async () => {
    await sweep(undefined);
    const surfaced = github.commentBodies("octo-org/security-cases", 7).join("\n");

    expect(surfaced).toContain("We asked you for more information about this report 32 days ago");
    expect(surfaced).toContain("E-mail to the researcher not delivered");
    expect(
      github.journal.entries.some(
        (request) => request.path.endsWith("/labels") && JSON.stringify(request.body).includes(UNDELIVERED_LABEL),
      ),
    ).toBe(true);
    expect(github.journal.problems()).toEqual([]);
  });
});
