import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readCaseBlock, withCaseBlock } from "../../src/case/case-record.js";
import { emailChannel } from "../../src/email/email-channel.js";
import { caseTag, readEmailThread } from "../../src/email/email-thread.js";
import { INBOUND_PATH, SIGNATURE_HEADER, signInboundMessage } from "../../src/email/inbound-route.js";
import { emailInboundRoute } from "../../src/email/inbound-route.js";
import { createEmailReceiver } from "../../src/email/receive-email.js";
import { parseEmailRoutes } from "../../src/email/email-settings.js";
import { installationClients } from "../../src/github/email-gateway.js";
import { sealedForTest, testDependencies } from "../helpers/probot.js";
import {
  bounceOf,
  dutchReportWithAttachment,
  emailGitHub,
  englishReport,
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
import { stopTestGitHubs } from "../helpers/github.js";

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

type RouteHandler = ReturnType<typeof emailInboundRoute>;

async function listen(handler: RouteHandler): Promise<string> {
  server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${INBOUND_PATH}`;
}

async function deliver(url: string, raw: string | Buffer, signature = signInboundMessage(secret, Buffer.from(raw))) {
  const response = await fetch(url, {
    method: "POST",
    body: Buffer.from(raw),
    headers: { "content-type": "message/rfc822", [SIGNATURE_HEADER]: signature },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The server's composition: the channel as compose.ts mounts it, with a real SMTP server. */
async function channel() {
  smtp = await startSmtpServer();
  const github = await emailGitHub();
  const log = probotWithCapturedLog(github.url);
  const url = await listen(
    emailChannel(log.probot, testDependencies(now), {
      inboundSecret: secret,
      imap: undefined,
      routes: parseEmailRoutes(routes),
      smtpUrl: smtp.url,
      maxBytes: 200_000,
      trustedAuthservIds: [trustedAuthservId],
      messagesPerRecipientPerHour: 5,
    }).route,
  );
  return { github, log, url, smtp };
}

describe("POST /email/inbound", () => {
  it("opens one private case for a report and acknowledges it once by e-mail, however often it is delivered", async () => {
    const { github, log, url, smtp } = await channel();
    const first = await deliver(url, englishReport());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "opened", issue: 1, acknowledgement: "sent" });
    const again = await Promise.all([1, 2, 3, 4].map(() => deliver(url, englishReport())));
    expect(again.map((answer) => [answer.status, answer.body.status])).toEqual([
      [200, "known"],
      [200, "known"],
      [200, "known"],
      [200, "known"],
    ]);

    const [issue, ...others] = github.issues(trackingRepository) ?? [];
    expect(others).toEqual([]);
    expect(issue?.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage"]));
    const block = readCaseBlock(issue?.body);
    if (block.status !== "found") throw new Error("no case block");
    expect(block.record).toMatchObject({ channel: "email", receivedAt: "2026-11-16T08:30:00.000Z", acknowledgement: { status: "sent" } });
    expect(readEmailThread(issue?.body)?.researcher).toBe(researcherAddress);

    expect(smtp.received).toHaveLength(1);
    const [acknowledgement] = smtp.received;
    expect(smtp.envelopes).toEqual([{ from: securityAddress, to: [researcherAddress] }]);
    expect(acknowledgement?.subject).toBe(`Re: SQL injection in the widget search endpoint ${caseTag(block.record.key)}`);
    expect(acknowledgement?.inReplyTo).toBe("<report-1@mail.example.net>");
    expect(acknowledgement?.text).toContain("We will respond by Monday 23 November 2026, 23:59 CET");

    const writes = github.journal.entries.filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens"));
    expect(writes.map((request) => request.operationId)).toEqual(["issues/create", "issues/update"]);
    expect(github.journal.problems()).toEqual([]);

    const logged = log.raw();
    expect(logged).toContain("e-mail intake planned");
    expect(logged).toContain(block.record.key);
    expect(logged).not.toContain(researcherAddress);
    expect(logged).not.toContain("mail.example.net");
    expect(logged).not.toContain("SQL injection");
    expect(logged).not.toContain(secret);
  });

  it("threads the researcher's reply to the acknowledgement into the case and ends a wait for them", async () => {
    const { github, log, url, smtp } = await channel();
    await deliver(url, englishReport());
    const issue = github.issues(trackingRepository)?.[0];
    const block = readCaseBlock(issue?.body);
    if (!issue || block.status !== "found") throw new Error("no case");
    // A maintainer asked for more information: the case waits on the researcher.
    issue.body = sealedForTest(
      withCaseBlock(issue.body, { ...block.record, state: "needs-info", pause: { since: "2026-11-16T08:00:00.000Z", pausedMs: 0 } }),
      trackingRepository,
      issue.number,
    );
    issue.labels = ["disclosure", "state:needs-info"];

    const acknowledgementId = smtp.received[0]?.messageId ?? "";
    const reply = await deliver(url, replyTo(acknowledgementId));
    expect(reply).toMatchObject({ status: 200, body: { status: "threaded", caseKey: block.record.key, issue: 1 } });
    const redelivered = await deliver(url, replyTo(acknowledgementId));
    expect(redelivered.body.status).toBe("known");

    expect(github.issues(trackingRepository)).toHaveLength(1);
    const comments = github.issueComments(trackingRepository) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("The affected version is 2.4.0");
    expect(comments[0]?.body).toContain("the clock runs again");
    expect(issue.labels).toEqual(["disclosure", "state:triage"]);
    const after = readCaseBlock(issue.body);
    expect(after).toMatchObject({ status: "found", record: { state: "triage", pause: { pausedMs: 31 * 60_000 } } });
    expect(github.journal.problems()).toEqual([]);
    expect(log.raw()).not.toContain(researcherAddress);
  });

  it("threads a reply that kept only the case tag in its subject", async () => {
    const { github, url } = await channel();
    const opened = await deliver(url, englishReport());
    const tag = caseTag(String(opened.body.caseKey));
    const reply = replyTo("<unrelated@mail.example.net>", {
      subject: `Re: more details ${tag}`,
      messageId: "<reply-2@mail.example.net>",
    }).replace(/References: .*\r\n/, "");
    expect((await deliver(url, reply)).body).toMatchObject({ status: "threaded", caseKey: opened.body.caseKey });
    expect(github.issues(trackingRepository)).toHaveLength(1);
  });

  it("adds a bounce of the acknowledgement to its case with the email-undelivered label, and opens nothing for a stray one", async () => {
    const { github, url, smtp } = await channel();
    await deliver(url, englishReport());
    const acknowledgementId = smtp.received[0]?.messageId ?? "";
    expect(await deliver(url, bounceOf(acknowledgementId))).toMatchObject({ status: 200, body: { status: "threaded", issue: 1 } });
    expect(github.issues(trackingRepository)?.[0]?.labels).toContain("email-undelivered");
    expect(await deliver(url, bounceOf("<dd.000000000000.acknowledgement@example.org>").replace("bounce-1", "bounce-2"))).toMatchObject({
      status: 200,
      body: { status: "ignored" },
    });
    expect(github.issues(trackingRepository)).toHaveLength(1);
    expect(github.journal.problems()).toEqual([]);
  });

  it("opens a Dutch case with its attachment listed, the content kept out of GitHub", async () => {
    const { github, url } = await channel();
    const { raw, attachment } = dutchReportWithAttachment();
    expect((await deliver(url, raw)).status).toBe(201);
    const body = github.issues(trackingRepository)?.[0]?.body ?? "";
    expect(body).toContain("Groeten, Joël (café-eigenaar)");
    expect(body).toContain("| schermafdruk.png | image/png | 20 |");
    expect(JSON.stringify(github.journal.entries.map((request) => request.body))).not.toContain(attachment.toString("base64"));
  });

  it("refuses a wrong signature, an oversized body and an address without a route, and writes nothing", async () => {
    const { github, url } = await channel();
    expect((await deliver(url, englishReport(), "sha256=0000")).status).toBe(401);
    expect((await deliver(url, englishReport(), signInboundMessage("another secret", Buffer.from(englishReport())))).status).toBe(401);
    const big = `${englishReport()}${"x".repeat(250_000)}`;
    expect((await deliver(url, big)).status).toBe(413);
    expect(await deliver(url, englishReport({ to: "info@example.org" }))).toMatchObject({ status: 422, body: { status: "unrouted" } });
    expect((await fetch(url)).status).toBe(405);
    expect(github.journal.entries.filter((request) => request.method !== "GET")).toEqual([]);
  });
});

describe("an SMTP server that is down during intake", () => {
  it("opens the case, retries the acknowledgement, then surfaces it on the tracking issue for a maintainer", async () => {
    smtp = await startSmtpServer({ failFirst: 100 });
    const github = await emailGitHub();
    const log = probotWithCapturedLog(github.url);
    const dependencies = testDependencies(now);
    const url = await listen(
      emailInboundRoute({
        secret,
        maxBytes: 200_000,
        onError: (error) => {
          throw error;
        },
        receive: createEmailReceiver({
          routes: parseEmailRoutes(routes),
          trustedAuthservIds: [trustedAuthservId],
          installationFor: installationClients(log.probot, dependencies.now),
          dependencies,
          mailer: testMailer(smtp.url),
          retry: { pausesMs: [5, 5] },
          log: log.probot.log,
        }),
      }),
    );
    expect(await deliver(url, englishReport())).toMatchObject({ status: 201, body: { status: "opened", acknowledgement: "undelivered" } });
    expect(smtp.attempts()).toBe(3);
    const issue = github.issues(trackingRepository)?.[0];
    expect(issue?.labels).toContain("email-undelivered");
    expect(readCaseBlock(issue?.body)).toMatchObject({ record: { acknowledgement: { status: "relay-needed" } } });
    const [comment] = github.issueComments(trackingRepository) ?? [];
    expect(comment?.body).toContain("E-mail to the researcher not delivered");
    expect(comment?.body).toContain("We will respond by Monday 23 November 2026, 23:59 CET");

    // The mail system delivers the report again: nothing more is sent or written.
    expect((await deliver(url, englishReport())).body.status).toBe("known");
    expect(smtp.attempts()).toBe(3);
    expect(github.issueComments(trackingRepository)).toHaveLength(1);
    expect(github.journal.problems()).toEqual([]);
    expect(log.raw()).toContain("acknowledgement e-mail not delivered");
    expect(log.raw()).not.toContain(researcherAddress);
  });
});
