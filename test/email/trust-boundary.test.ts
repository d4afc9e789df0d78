import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readCaseBlock, withCaseBlock } from "../../src/case/case-record.js";
import { emailChannel } from "../../src/email/email-channel.js";
import { parseEmailRoutes } from "../../src/email/email-settings.js";
import { caseTag, readEmailThread, withEmailThread } from "../../src/email/email-thread.js";
import { INBOUND_PATH, SIGNATURE_HEADER, signInboundMessage } from "../../src/email/inbound-route.js";
import { SENDER_UNVERIFIED_LABEL } from "../../src/email/plan-email-intake.js";
import { OutboundRefusedError } from "../../src/email/outbound-rules.js";
import { sendResearcherEmail, UNDELIVERED_LABEL, type ResearcherEmailCase } from "../../src/email/researcher-email.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { installation } from "../fixtures/webhook-payloads.js";
import { caseRecord } from "./records.js";
import { sealedForTest, testDependencies, TestOctokit } from "../helpers/probot.js";
import {
  emailGitHub,
  englishReport,
  passingAuthentication,
  probotWithCapturedLog,
  replyTo,
  researcherAddress,
  securityAddress,
  startSmtpServer,
  testMailer,
  trackingRepository,
  trustedAuthservId,
  type TestSmtpServer,
} from "./support.js";
import { stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/**
 * The e-mail channel's trust boundary, attacked at its real entrances: signed deliveries to the inbound endpoint and a
 * real SMTP server on 127.0.0.1. Every attack has its control — the same action by the entitled party does act.
 */

const secret = "inbound-secret-for-tests";
const now = new Date("2026-11-16T08:31:00Z");
const routes = `${securityAddress}=octo-org/widgets`;

let smtp: TestSmtpServer | undefined;
let server: Server | undefined;

afterEach(async () => {
  await smtp?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  smtp = undefined;
  server = undefined;
  await stopTestGitHubs();
});

async function channel(options: { trusted?: string[] } = {}) {
  smtp = await startSmtpServer();
  const github = await emailGitHub();
  const log = probotWithCapturedLog(github.url);
  const route = emailChannel(log.probot, testDependencies(now), {
    inboundSecret: secret,
    imap: undefined,
    routes: parseEmailRoutes(routes),
    smtpUrl: smtp.url,
    maxBytes: 200_000,
    trustedAuthservIds: options.trusted ?? [trustedAuthservId],
    messagesPerRecipientPerHour: 5,
  }).route;
  server = createServer((request, response) => {
    void route(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INBOUND_PATH}`;
  const deliver = async (raw: string) => {
    const body = Buffer.from(raw);
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "message/rfc822", [SIGNATURE_HEADER]: signInboundMessage(secret, body) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { github, log, smtp, deliver };
}

function trackingIssues(github: TestGitHub) {
  return github.issues(trackingRepository) ?? [];
}

describe("acknowledging only a sender the receiving server vouched for", () => {
  it("opens a case for a forged From without a trusted Authentication-Results, sends nothing and labels it sender-unverified", async () => {
    const { github, smtp, deliver, log } = await channel();
    const forged = englishReport({ from: `Victim <victim@example.com>`, authentication: null, messageId: "<forged-1@attacker.example>" });
    expect(await deliver(forged)).toMatchObject({ status: 201, body: { status: "opened", issue: 1 } });
    expect(smtp.received).toEqual([]);
    const [issue] = trackingIssues(github);
    expect(issue?.labels).toEqual(expect.arrayContaining(["disclosure", SENDER_UNVERIFIED_LABEL]));
    expect(issue?.body).toContain("### ⚠️ Sender not verified");
    expect(issue?.body).toContain("the message carries no Authentication-Results header from the trusted receiving server");
    expect(issue?.body).toContain("sent **no acknowledgement**");
    expect(readCaseBlock(issue?.body)).toMatchObject({ status: "found", record: { acknowledgement: { status: "relay-needed" } } });
    expect(readEmailThread(issue?.body)).toMatchObject({ researcher: "victim@example.com", senderVerified: false });
    // A redelivery sends nothing either.
    expect((await deliver(forged)).body.status).toBe("known");
    expect(smtp.received).toEqual([]);
    expect(log.raw()).not.toContain("victim@example.com");

    // Control: the same report with the trusted server's pass on top is acknowledged, and not labelled.
    expect(await deliver(englishReport({ messageId: "<report-2@mail.example.net>" }))).toMatchObject({
      status: 201,
      body: { status: "opened", issue: 2, acknowledgement: "sent" },
    });
    expect(smtp.envelopes).toEqual([{ from: securityAddress, to: [researcherAddress] }]);
    expect(trackingIssues(github)[1]?.labels).not.toContain(SENDER_UNVERIFIED_LABEL);
    expect(trackingIssues(github)[1]?.body).toContain(
      `| Sender | verified: ${trustedAuthservId} reported dkim=pass \\(header.d=mail.example.net\\) |`,
    );
    expect(github.journal.problems()).toEqual([]);
  });

  it("does not verify a pass claimed by an untrusted authserv-id, and says which results it found", async () => {
    const { github, smtp, deliver } = await channel();
    const claimed = englishReport({
      from: "Victim <victim@example.com>",
      authentication: passingAuthentication("example.com", "mx.attacker.example"),
    });
    expect((await deliver(claimed)).status).toBe(201);
    expect(smtp.received).toEqual([]);
    const [issue] = trackingIssues(github);
    expect(issue?.labels).toContain(SENDER_UNVERIFIED_LABEL);
    expect(issue?.body).toContain("1 other Authentication-Results header(s) were ignored");

    // The trusted server's own verdict is read and shown: it saw a DKIM signature of another domain.
    const signedElsewhere = englishReport({
      from: "Victim <victim@example.com>",
      messageId: "<forged-2@attacker.example>",
      authentication: `Authentication-Results: ${trustedAuthservId}; dkim=pass header.d=attacker.example; spf=pass smtp.mailfrom=attacker.example; dmarc=fail header.from=example.com`,
    });
    expect((await deliver(signedElsewhere)).status).toBe(201);
    expect(smtp.received).toEqual([]);
    const second = trackingIssues(github)[1];
    expect(second?.labels).toContain(SENDER_UNVERIFIED_LABEL);
    expect(second?.body).toContain(
      `${trustedAuthservId} reported neither a passing DMARC check nor a passing DKIM or SPF check for the From domain`,
    );
    // Shown as recorded, escaped as every text from a message is.
    expect(second?.body).toContain(
      "“dkim=pass \\(header.d=attacker.example\\)”; “spf=pass \\(smtp.mailfrom=attacker.example\\)”; “dmarc=fail \\(header.from=example.com\\)”",
    );
  });

  it("verifies no sender when EMAIL_TRUSTED_AUTHSERV_ID is not set, even with a pass on top", async () => {
    const { github, smtp, deliver } = await channel({ trusted: [] });
    expect(await deliver(englishReport())).toMatchObject({ status: 201, body: { status: "opened" } });
    expect(smtp.received).toEqual([]);
    expect(trackingIssues(github)[0]?.labels).toContain(SENDER_UNVERIFIED_LABEL);
    expect(trackingIssues(github)[0]?.body).toContain("no trusted receiving server is configured (`EMAIL_TRUSTED_AUTHSERV_ID`)");
  });
});

describe("a reply ends a wait only from the researcher's verified address, answering the case's thread", () => {
  async function waitingCase() {
    const setup = await channel();
    const opened = await setup.deliver(englishReport());
    const issue = trackingIssues(setup.github)[0];
    const block = readCaseBlock(issue?.body);
    if (!issue || block.status !== "found") throw new Error("no case");
    issue.body = sealedForTest(
      withCaseBlock(issue.body, { ...block.record, state: "needs-info", pause: { since: "2026-11-16T08:00:00.000Z", pausedMs: 0 } }),
      trackingRepository,
      issue.number,
    );
    issue.labels = ["disclosure", "state:needs-info"];
    const acknowledgementId = setup.smtp.received[0]?.messageId ?? "";
    return { ...setup, issue, caseKey: String(opened.body.caseKey), acknowledgementId };
  }

  const state = (body: string) => {
    const reading = readCaseBlock(body);
    return reading.status === "found" ? reading.record.state : undefined;
  };

  it("copies a verified reply that only carries the case tag, marked unverified, and keeps waiting", async () => {
    const { github, issue, caseKey, deliver } = await waitingCase();
    const tagOnly = replyTo("<unrelated@mail.example.net>", {
      subject: `Re: more details ${caseTag(caseKey)}`,
      messageId: "<tag-only@mail.example.net>",
    }).replace(/References: .*\r\n/, "");
    expect((await deliver(tagOnly)).body).toMatchObject({ status: "threaded", caseKey });
    const [comment] = github.issueComments(trackingRepository) ?? [];
    expect(comment?.body).toContain("(the researcher's address, unverified)");
    expect(comment?.body).toContain("this message answers none of the case's e-mails");
    expect(state(issue.body)).toBe("needs-info");
    expect(issue.labels).toEqual(["disclosure", "state:needs-info"]);
    expect(readEmailThread(issue.body)?.lastMessageId).toBe("<report-1@mail.example.net>");
  });

  it("copies a reply in the thread with the researcher's From but no trusted pass, marked unverified, and keeps waiting", async () => {
    const { github, issue, acknowledgementId, deliver } = await waitingCase();
    const forged = replyTo(acknowledgementId, { authentication: null, messageId: "<forged-reply@attacker.example>" });
    expect((await deliver(forged)).body).toMatchObject({ status: "threaded" });
    const [comment] = github.issueComments(trackingRepository) ?? [];
    expect(comment?.body).toContain("(the researcher's address, unverified)");
    expect(comment?.body).toContain("the receiving mail server did not vouch for the sender");
    expect(state(issue.body)).toBe("needs-info");
    expect(issue.labels).toEqual(["disclosure", "state:needs-info"]);
  });

  it("does not take a made-up Message-ID of ours (the guessable form, without the case's token) for an answer", async () => {
    const { issue, caseKey, acknowledgementId, deliver } = await waitingCase();
    const guessed = `<dd.${caseKey.slice(6)}.acknowledgement@example.org>`;
    expect(acknowledgementId).not.toBe(guessed);
    const reply = replyTo(guessed, { messageId: "<guessed@mail.example.net>" }).replace(/References: .*\r\n/, "");
    expect((await deliver(reply)).body).toMatchObject({ status: "threaded", caseKey });
    expect(state(issue.body)).toBe("needs-info");
  });

  it("control: a verified reply from the researcher answering the acknowledgement ends the wait", async () => {
    const { github, issue, acknowledgementId, deliver } = await waitingCase();
    expect((await deliver(replyTo(acknowledgementId))).body).toMatchObject({ status: "threaded" });
    const [comment] = github.issueComments(trackingRepository) ?? [];
    expect(comment?.body).not.toContain("unverified");
    expect(comment?.body).toContain("the clock runs again");
    expect(state(issue.body)).toBe("triage");
    expect(issue.labels).toEqual(["disclosure", "state:triage"]);
    expect(github.journal.problems()).toEqual([]);
  });
});

describe("outbound mail", () => {
  async function emailCase(address: string, overrides: { researcher?: string } = {}) {
    const github = await emailGitHub();
    const caseKey = "email:3f9a2c1b7d4e";
    const thread = {
      researcher: overrides.researcher ?? researcherAddress,
      senderVerified: true,
      address,
      subject: "SQL injection in the widget search endpoint",
      rootMessageId: "<report-1@mail.example.net>",
      lastMessageId: "<report-1@mail.example.net>",
      seen: [],
    };
    const body = sealedForTest(withEmailThread(withCaseBlock("## the case", caseRecord({ key: caseKey })), thread), trackingRepository, 1);
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

  it("carries Auto-Submitted: auto-replied and goes from the address routed to the case's repository, whatever the block says", async () => {
    smtp = await startSmtpServer();
    const mailer = testMailer(smtp.url, { routes: `${securityAddress}=octo-org/widgets,security@example.nl=octo-org/portal` });
    // The address the researcher wrote to, routed here: kept.
    const routed = await emailCase(securityAddress);
    expect(
      await sendResearcherEmail({ gateway: routed.gateway, mailer }, routed.openCase, { messageKey: "update-1", text: "An update." }),
    ).toEqual({ status: "sent", attempts: 1 });
    // An address routed to another repository, and one routed nowhere: replaced by the address routed here.
    for (const written of ["security@example.nl", "ceo@attacker.example"]) {
      const steered = await emailCase(written);
      expect(
        await sendResearcherEmail({ gateway: steered.gateway, mailer }, steered.openCase, { messageKey: "update-2", text: "An update." }),
      ).toMatchObject({ status: "sent" });
    }
    expect(smtp.envelopes.map((envelope) => envelope.from)).toEqual([securityAddress, securityAddress, securityAddress]);
    expect(smtp.received.map((mail) => mail.from?.value[0]?.address)).toEqual([securityAddress, securityAddress, securityAddress]);
    expect(smtp.received.map((mail) => mail.headers.get("auto-submitted"))).toEqual(["auto-replied", "auto-replied", "auto-replied"]);
    expect(smtp.received[2]?.messageId).toBe("<dd.3f9a2c1b7d4e.update-2@example.org>");
  });

  it("sends nothing for a repository no address is routed to, and the mailer itself refuses an unrouted From", async () => {
    smtp = await startSmtpServer();
    const mailer = testMailer(smtp.url, { routes: "security@example.nl=octo-org/portal" });
    const { github, gateway, openCase } = await emailCase(securityAddress);
    expect(await sendResearcherEmail({ gateway, mailer }, openCase, { messageKey: "update-1", text: "An update." })).toMatchObject({
      status: "failed",
      attempts: 0,
      refusal: "sender-not-routed",
    });
    expect((github.issueComments(trackingRepository) ?? [])[0]?.body).toContain(
      "no address in `EMAIL_ROUTES` is routed to this case's repository",
    );
    const direct = {
      repository: "octo-org/widgets",
      from: "security@example.nl",
      to: researcherAddress,
      subject: "s",
      text: "t",
      messageId: "<m@example.nl>",
      inReplyTo: "<r@x>",
      references: [],
    };
    await expect(mailer.send(direct)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(smtp.attempts()).toBe(0);
    // Control: the same message for the repository that address is routed to goes out.
    await mailer.send({ ...direct, repository: "octo-org/portal" });
    expect(smtp.envelopes).toEqual([{ from: "security@example.nl", to: [researcherAddress] }]);
  });

  it("sends at most five messages an hour to one address, surfaces the rest for a maintainer, and sends again an hour later", async () => {
    smtp = await startSmtpServer();
    let clock = now.getTime();
    const mailer = testMailer(smtp.url, { now: () => clock });
    const { github, gateway, openCase } = await emailCase(securityAddress);
    const outcomes = [];
    for (let index = 1; index <= 7; index += 1)
      outcomes.push(
        (await sendResearcherEmail({ gateway, mailer }, openCase, { messageKey: `update-${index}`, text: "An update." })).status,
      );
    expect(outcomes).toEqual(["sent", "sent", "sent", "sent", "sent", "failed", "failed"]);
    expect(smtp.received).toHaveLength(5);
    const surfaced = github.issueComments(trackingRepository) ?? [];
    expect(surfaced).toHaveLength(2);
    expect(surfaced[0]?.body).toContain("this address has already been sent the most messages allowed in one hour");
    expect(surfaced[0]?.body).toContain("<!-- disclosure-desk:email-undelivered email:3f9a2c1b7d4e update-6 -->");
    expect(github.issues(trackingRepository)?.[0]?.labels).toContain(UNDELIVERED_LABEL);

    // Control: another researcher is not held back, and an hour later this one is written to again.
    const other = await emailCase(securityAddress, { researcher: "other@mail.example.net" });
    expect(
      await sendResearcherEmail({ gateway: other.gateway, mailer }, other.openCase, { messageKey: "update-1", text: "An update." }),
    ).toMatchObject({ status: "sent" });
    clock += 60 * 60_000;
    expect(await sendResearcherEmail({ gateway, mailer }, openCase, { messageKey: "update-8", text: "An update." })).toMatchObject({
      status: "sent",
    });
    expect(smtp.received).toHaveLength(7);
  });

  it("writes nothing to the address of a case whose sender was not verified; a maintainer sends it by hand", async () => {
    smtp = await startSmtpServer();
    const { github, gateway, openCase } = await emailCase(securityAddress);
    const unverified = { ...openCase, body: openCase.body.replace('"senderVerified":true', '"senderVerified":false') };
    expect(
      await sendResearcherEmail({ gateway, mailer: testMailer(smtp.url) }, unverified, { messageKey: "update-1", text: "An update." }),
    ).toMatchObject({ status: "failed", refusal: "recipient-unverified" });
    expect(smtp.attempts()).toBe(0);
    expect((github.issueComments(trackingRepository) ?? [])[0]?.body).toContain(
      "the receiving mail server did not verify the researcher's address (`sender-unverified`)",
    );
    // Control: the verified case's message goes out.
    expect(
      await sendResearcherEmail({ gateway, mailer: testMailer(smtp.url) }, openCase, { messageKey: "update-1", text: "An update." }),
    ).toMatchObject({ status: "sent" });
  });
});

describe("GitHub calls per inbound message", () => {
  const searches = (github: TestGitHub, from: number) =>
    github.journal.entries.slice(from).filter((request) => request.operationId === "search/issues-and-pull-requests").length;
  const calls = (github: TestGitHub, from: number) =>
    github.journal.entries.slice(from).filter((request) => !request.path.endsWith("/access_tokens")).length;

  it("searches at most twice for a message naming many cases, and not at all for a reply the recent-case index knows", async () => {
    const { github, deliver, smtp: server } = await channel();
    let mark = github.journal.entries.length;
    await deliver(englishReport());
    const report = { searches: searches(github, mark), calls: calls(github, mark) };

    mark = github.journal.entries.length;
    await deliver(replyTo(server.received[0]?.messageId ?? "", { messageId: "<reply-1@mail.example.net>" }));
    const knownReply = { searches: searches(github, mark), calls: calls(github, mark) };

    // A hostile message: an In-Reply-To, References to fifty other cases of ours and of researchers, and a tag.
    const bogus = [
      ...Array.from({ length: 25 }, (_, index) => `<dd.${index.toString(16).padStart(12, "0")}.acknowledgement@example.org>`),
      ...Array.from({ length: 25 }, (_, index) => `<r${index}@elsewhere.example>`),
    ];
    const hostile = replyTo("<dd.ffffffffffff.acknowledgement@example.org>", {
      subject: "Re: [DD-eeeeeeeeeeee]",
      messageId: "<hostile@attacker.example>",
    }).replace(/References: .*\r\n/, `References: ${bogus.join(" ")}\r\n`);
    mark = github.journal.entries.length;
    await deliver(hostile);
    const hostileMessage = { searches: searches(github, mark), calls: calls(github, mark) };

    console.log(
      `GitHub calls per inbound message: report ${JSON.stringify(report)}, reply the index knows ${JSON.stringify(knownReply)}, hostile message ${JSON.stringify(hostileMessage)}`,
    );
    expect(report.searches).toBe(1);
    expect(knownReply.searches).toBe(0);
    expect(hostileMessage.searches).toBeLessThanOrEqual(2);
    expect(hostileMessage.calls).toBeLessThanOrEqual(5);
    expect(trackingIssues(github)).toHaveLength(2);
    expect(github.journal.problems()).toEqual([]);
  });
});
