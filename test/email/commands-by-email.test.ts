import { afterEach, describe, expect, it } from "@jest/globals";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { caseTag, withEmailThread, type EmailThread } from "../../src/email/email-thread.js";
import { markdownToPlainText, messageKeyOfMarker } from "../../src/email/researcher-channel.js";
import { UNDELIVERED_LABEL, undeliveredMarker } from "../../src/email/researcher-email.js";
import type { HandlerDependencies } from "../../src/handlers/dependencies.js";
import { issueCommentCreatedPayload, maintainer, type WebhookPayload } from "../fixtures/webhook-payloads.js";
import { createTestProbot, sealedForTest, testDependencies } from "../helpers/probot.js";
import { commandAt, intakeLabels, openedCase } from "../commands/fixtures.js";
import { researcherAddress, securityAddress, startSmtpServer, testMailer, type TestSmtpServer } from "./support.js";
import { openworx, policyConfig, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/**
 * Maintainer commands on a case opened by e-mail: the researcher has no advisory to read, so the message goes by
 * e-mail (a real SMTP server on 127.0.0.1), once, as plain text; without a mailer it is surfaced for a maintainer.
 */

const trackingRepository = "octo-org/security-cases";
const emailKey = "email:3f9a2c1b7d4e";

const thread: EmailThread = {
  researcher: researcherAddress,
  senderVerified: true,
  address: securityAddress,
  subject: "SQL injection in the widget search endpoint",
  rootMessageId: "<report-1@mail.example.net>",
  lastMessageId: "<report-1@mail.example.net>",
  seen: [],
};

function emailCase(): CaseRecord {
  return openedCase(policyConfig(openworx), { key: emailKey, channel: "email", source: { repository: "octo-org/widgets" } });
}

function seedEmailCase(github: TestGitHub, record: CaseRecord = emailCase()): void {
  github.seedIssue(trackingRepository, {
    number: 7,
    title: `${caseTag(emailKey)} SQL injection in the widget search endpoint`,
    body: sealedForTest(withEmailThread(withCaseBlock("## Case\n\nReported by e-mail.", record), thread), trackingRepository, 7),
    labels: [...intakeLabels],
  });
}

function commandPayload(body: string, id = 2_400_000_001): WebhookPayload<"issue_comment.created"> {
  const payload = issueCommentCreatedPayload({
    comment: { body, id, user: maintainer },
    sender: maintainer,
    repository: { private: true },
  });
  payload.issue.body = withCaseBlock("## Case", emailCase());
  return payload;
}

async function deliver(
  github: TestGitHub,
  payload: WebhookPayload<"issue_comment.created">,
  dependencies: HandlerDependencies,
  id = "delivery-1",
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

const advisoryRequests = (github: TestGitHub) => github.journal.entries.filter((request) => request.path.includes("/security-advisories"));
const allAdvisoryComments = (github: TestGitHub) =>
  [...github.state.repositories.values()].flatMap((repository) => [...repository.advisoryComments.values()].flat());
const issueComments = (github: TestGitHub) => github.commentBodies(trackingRepository, 7);

let smtp: TestSmtpServer | undefined;

afterEach(async () => {
  await stopTestGitHubs();
  await smtp?.close();
  smtp = undefined;
});

describe("commands on a case opened by e-mail", () => {
  it("accept sends the evaluation as one plain-text e-mail, threaded, and posts no advisory comment", async () => {
    smtp = await startSmtpServer();
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedEmailCase(github);
    await deliver(github, commandPayload("/disclosure accept severity:high resolve-by:2026-12-18"), {
      ...testDependencies(commandAt),
      mailer: testMailer(smtp.url),
    });

    expect(github.journal.problems()).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(smtp.envelopes).toEqual([{ from: securityAddress, to: [researcherAddress] }]);
    expect(mail?.subject).toBe(`Re: SQL injection in the widget search endpoint ${caseTag(emailKey)}`);
    expect(mail?.messageId).toBe("<dd.3f9a2c1b7d4e.2400000001-1@example.org>");
    expect(mail?.inReplyTo).toBe("<report-1@mail.example.net>");
    expect(mail?.text).toContain("We expect to resolve it by Friday 18 December 2026");
    expect(mail?.text).not.toContain("<!--");
    expect(mail?.text).not.toContain("disclosure-desk:");
    expect(mail?.text).not.toContain("**");
    expect(mail?.text).not.toMatch(/\]\(/);

    expect(allAdvisoryComments(github)).toEqual([]);
    expect(advisoryRequests(github)).toEqual([]);
    expect(currentRecord(github)).toMatchObject({
      state: "accepted",
      resolveBy: "2026-12-18",
      channel: "email",
      commands: [2_400_000_001],
    });
    const labels = github.issues(trackingRepository)?.[0]?.labels ?? [];
    expect(labels).toEqual(expect.arrayContaining(["state:accepted"]));
    expect(labels).not.toContain(UNDELIVERED_LABEL);
    expect(labels).not.toContain("relay-needed");
    const comments = issueComments(github);
    expect(comments).toHaveLength(1);
    expect(comments[0]).not.toContain(undeliveredMarker(emailKey, "2400000001:1"));
  });

  it("needs-info sends the question by e-mail once; a redelivered command sends nothing twice", async () => {
    smtp = await startSmtpServer();
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedEmailCase(github);
    const dependencies = { ...testDependencies(commandAt), mailer: testMailer(smtp.url) };
    const payload = commandPayload("/disclosure needs-info Which version of the widget did you test?");
    await deliver(github, payload, dependencies, "delivery-1");
    await deliver(github, payload, dependencies, "delivery-2");

    expect(github.journal.problems()).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.text).toContain("Which version of the widget did you test?");
    expect(smtp.received[0]?.text).not.toContain("<!--");
    expect(allAdvisoryComments(github)).toEqual([]);
    expect(advisoryRequests(github)).toEqual([]);
    expect(currentRecord(github)).toMatchObject({ state: "needs-info", commands: [2_400_000_001] });
    expect(issueComments(github)).toHaveLength(1);
  });

  it("without a mailer the message is surfaced on the tracking issue for a maintainer, labelled, never dropped", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles: { "max-maintainer": "write" } });
    seedEmailCase(github);
    await deliver(github, commandPayload("/disclosure needs-info Which version of the widget did you test?"), testDependencies(commandAt));

    expect(github.journal.problems()).toEqual([]);
    expect(allAdvisoryComments(github)).toEqual([]);
    expect(advisoryRequests(github)).toEqual([]);
    const comments = issueComments(github);
    const relayed = comments.filter((comment) => comment.includes(undeliveredMarker(emailKey, "2400000001:1")));
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toContain("Which version of the widget did you test?");
    expect(relayed[0]).toContain("DD-3f9a2c1b7d4e");
    expect(currentRecord(github)).toMatchObject({ state: "needs-info", commands: [2_400_000_001] });
    expect(github.issues(trackingRepository)?.[0]?.labels).toEqual(expect.arrayContaining([UNDELIVERED_LABEL, "state:needs-info"]));
  });
});

describe("the plain text of a message", () => {
  it("drops hidden markers and bold, and writes links as text (url)", () => {
    const markdown = "Hello,\n\n**Accepted.** See [the policy](https://example.org/security).\n\n\n<!-- disclosure-desk:message 12:1 -->\n";
    expect(markdownToPlainText(markdown)).toBe("Hello,\n\nAccepted. See the policy (https://example.org/security).\n");
  });

  it("takes the message key from the marker", () => {
    expect(messageKeyOfMarker("<!-- disclosure-desk:message 2400000001:3 -->")).toBe("2400000001:3");
  });
});
