import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { caseTag } from "../../src/email/email-thread.js";
import { INBOUND_PATH, SIGNATURE_HEADER, signInboundMessage } from "../../src/email/inbound-route.js";
import { invalidRequests, startWorld, type World } from "../e2e/support/world.js";
import {
  dutchReportWithAttachment,
  englishReport,
  replyTo,
  researcherAddress,
  securityAddress,
  startSmtpServer,
  trustedAuthservId,
  type TestSmtpServer,
} from "./support.js";

/**
 * The real server (`npm start`) with the e-mail channel switched on by its environment, against the strict GitHub
 * stand-in and a real SMTP server: what an operator runs, fed the way an MTA pipe feeds it.
 */

jest.setTimeout(90_000);

const secret = "e2e-inbound-secret";
let world: World | undefined;
let smtp: TestSmtpServer | undefined;

afterEach(async () => {
  await world?.stop();
  await smtp?.close();
  world = undefined;
  smtp = undefined;
});

async function deliver(current: World, raw: string | Buffer) {
  const body = Buffer.from(raw);
  const response = await fetch(`${current.apps[0]!.url}${INBOUND_PATH}`, {
    method: "POST",
    body,
    headers: { "content-type": "message/rfc822", [SIGNATURE_HEADER]: signInboundMessage(secret, body) },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the e-mail channel end to end", () => {
  it("turns e-mailed reports into private cases, acknowledges by SMTP and threads the reply", async () => {
    smtp = await startSmtpServer();
    world = await startWorld({
      appEnv: {
        EMAIL_INBOUND_SECRET: secret,
        EMAIL_ROUTES: `${securityAddress}=octo-org/widgets`,
        EMAIL_TRUSTED_AUTHSERV_ID: trustedAuthservId,
        SMTP_URL: smtp.url,
        LOG_FORMAT: "json",
      },
    });
    const current = world;

    expect(await deliver(current, englishReport())).toMatchObject({ status: 201, body: { status: "opened", acknowledgement: "sent" } });
    expect(await deliver(current, englishReport())).toMatchObject({ status: 200, body: { status: "known" } });
    expect(await deliver(current, dutchReportWithAttachment().raw)).toMatchObject({ status: 201, body: { status: "opened" } });

    const tracking = current.github.state.repositories.get(current.fixture.trackingRepository);
    const issues = [...(tracking?.issues.values() ?? [])];
    expect(issues).toHaveLength(2);
    const block = readCaseBlock(issues[0]?.body);
    if (block.status !== "found") throw new Error("no case block");
    expect(block.record).toMatchObject({ channel: "email", acknowledgement: { status: "sent" } });
    expect(issues[0]?.labels.map((label) => label.name)).toEqual(expect.arrayContaining(["disclosure", "state:triage"]));

    expect(smtp.received.map((mail) => mail.subject)).toEqual([
      `Re: SQL injection in the widget search endpoint ${caseTag(block.record.key)}`,
      expect.stringMatching(/^Re: Kwetsbaarheid in het inlogscherm één probleem \[DD-[0-9a-f]{12}\]$/),
    ]);
    const acknowledgementId = smtp.received[0]?.messageId ?? "";
    expect(await deliver(current, replyTo(acknowledgementId))).toMatchObject({
      status: 200,
      body: { status: "threaded", caseKey: block.record.key },
    });
    const comments = [...(tracking?.comments.values() ?? [])];
    expect(comments.map((comment) => comment.body)).toEqual([expect.stringContaining("The affected version is 2.4.0")]);

    expect(invalidRequests(current.github)).toEqual([]);
    const output = current.apps[0]!.output();
    expect(output).toContain("e-mail intake planned");
    expect(output).not.toContain(researcherAddress);
    expect(output).not.toContain("voorbeeld.nl");
    expect(output).not.toContain(secret);
  });
});
