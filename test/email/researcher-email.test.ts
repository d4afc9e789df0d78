import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { withCaseBlock } from "../../src/case/case-record.js";
import { caseTag, emailCaseKey, withEmailThread, type EmailThread } from "../../src/email/email-thread.js";
import { sendResearcherEmail, UNDELIVERED_LABEL, type ResearcherEmailCase } from "../../src/email/researcher-email.js";
import { installation } from "../fixtures/webhook-payloads.js";
import { TestOctokit } from "../helpers/probot.js";
import { caseRecord } from "./records.js";
import {
  emailGitHub,
  researcherAddress,
  securityAddress,
  startSmtpServer,
  trackingRepository,
  testMailer,
  type TestSmtpServer,
} from "./support.js";
import { stopTestGitHubs } from "../helpers/github.js";

const caseKey = emailCaseKey("<report-1@mail.example.net>");
const thread: EmailThread = {
  researcher: researcherAddress,
  senderVerified: true,
  address: securityAddress,
  subject: "SQL injection in the widget search endpoint",
  rootMessageId: "<report-1@mail.example.net>",
  lastMessageId: "<reply-3@mail.example.net>",
  seen: [],
};
const quickRetry = { pausesMs: [5, 5] };

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  await stopTestGitHubs();
});

async function setUp() {
  const github = await emailGitHub();
  const body = withEmailThread(withCaseBlock("## the case", caseRecord({ key: caseKey })), thread);
  github.seedIssue(trackingRepository, { number: 1, title: `${caseKey}: SQL injection`, body, labels: ["disclosure"] });
  const gateway = new GitHubGateway(
    new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
    createGatewayCache(),
    installation.id,
  );
  const openCase: ResearcherEmailCase = {
    repository: "octo-org/widgets",
    tracking: { owner: "octo-org", repo: "security-cases" },
    number: 1,
    body,
    caseKey,
    language: "en",
  };
  return { github, gateway, openCase };
}

describe("sendResearcherEmail through a real SMTP server", () => {
  it("sends from the security address to the researcher, threaded on their latest message, with the case tag", async () => {
    smtp = await startSmtpServer();
    const { github, gateway, openCase } = await setUp();
    const outcome = await sendResearcherEmail({ gateway, mailer: testMailer(smtp.url), retry: quickRetry }, openCase, {
      messageKey: "needs-info-12",
      text: "Which version did you test?",
    });

    expect(outcome).toEqual({ status: "sent", attempts: 1 });
    expect(smtp.envelopes).toEqual([{ from: securityAddress, to: [researcherAddress] }]);
    const [mail] = smtp.received;
    expect(mail?.subject).toBe(`Re: SQL injection in the widget search endpoint ${caseTag(caseKey)}`);
    expect(mail?.messageId).toBe(`<dd.${caseKey.slice(6)}.needs-info-12@example.org>`);
    expect(mail?.inReplyTo).toBe("<reply-3@mail.example.net>");
    expect(mail?.references).toEqual(["<report-1@mail.example.net>", "<reply-3@mail.example.net>"]);
    expect(mail?.text?.trim()).toBe("Which version did you test?");
    expect(github.journal.entries.filter((request) => request.method !== "GET")).toEqual([]);
  });

  it("retries a temporary refusal and delivers once", async () => {
    smtp = await startSmtpServer({ failFirst: 2 });
    const { gateway, openCase } = await setUp();
    const outcome = await sendResearcherEmail({ gateway, mailer: testMailer(smtp.url), retry: quickRetry }, openCase, {
      messageKey: "update-1",
      text: "An update.",
    });
    expect(outcome).toEqual({ status: "sent", attempts: 3 });
    expect(smtp.attempts()).toBe(3);
    expect(smtp.received).toHaveLength(1);
  });

  it("surfaces a message the server keeps refusing on the tracking issue, with the text to send by hand", async () => {
    smtp = await startSmtpServer({ failFirst: 100 });
    const { github, gateway, openCase } = await setUp();
    const outcome = await sendResearcherEmail({ gateway, mailer: testMailer(smtp.url), retry: quickRetry }, openCase, {
      messageKey: "update-1",
      text: "An update about @octo-org/team.",
    });
    expect(outcome).toEqual({ status: "failed", attempts: 3, reason: "EMESSAGE, SMTP 451, after DATA" });
    expect(smtp.attempts()).toBe(3);
    const [comment, ...more] = github.issueComments(trackingRepository) ?? [];
    expect(more).toEqual([]);
    expect(comment?.issue).toBe(1);
    expect(comment?.body).toContain(`<!-- disclosure-desk:email-undelivered ${caseKey} update-1 -->`);
    expect(comment?.body).toContain("Disclosure Desk tried 3 time(s) to send this message");
    expect(comment?.body).toContain("SMTP 451");
    expect(comment?.body).toContain("An update about @\u200bocto-org/team.");
    expect(github.issues(trackingRepository)?.[0]?.labels).toContain(UNDELIVERED_LABEL);
    expect(github.journal.problems()).toEqual([]);
  });

  it("surfaces a message when nothing listens on the SMTP port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { github, gateway, openCase } = await setUp();
    const outcome = await sendResearcherEmail({ gateway, mailer: testMailer(`smtp://127.0.0.1:${port}`), retry: quickRetry }, openCase, {
      messageKey: "update-1",
      text: "An update.",
    });
    expect(outcome).toMatchObject({ status: "failed", attempts: 3, reason: "ESOCKET, after CONN" });
    expect(github.issues(trackingRepository)?.[0]?.labels).toContain(UNDELIVERED_LABEL);
    expect(github.journal.problems()).toEqual([]);
  });

  it("surfaces every message when no SMTP server is configured, and leaves other cases alone", async () => {
    const { github, gateway, openCase } = await setUp();
    expect(await sendResearcherEmail({ gateway, mailer: undefined }, openCase, { messageKey: "update-1", text: "An update." })).toEqual({
      status: "failed",
      attempts: 0,
      reason: "no SMTP server is configured (SMTP_URL)",
    });
    expect(
      await sendResearcherEmail({ gateway, mailer: undefined }, { ...openCase, body: "an advisory case" }, { messageKey: "x", text: "y" }),
    ).toEqual({ status: "not-an-email-case" });
    expect(github.issueComments(trackingRepository)).toHaveLength(1);
  });
});
