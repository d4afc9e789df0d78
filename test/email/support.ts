import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Probot } from "probot";
import { parseEmailRoutes } from "../../src/email/email-settings.js";
import { createInProcessSendQuota } from "../../src/email/outbound-rules.js";
import { createSmtpMailer, type Mailer } from "../../src/email/smtp-mailer.js";
import { createLoggerTo } from "../../src/runtime/logger.js";
import { startTestGitHub, type TestGitHub } from "../helpers/github.js";
import { testPrivateKey, TestOctokit } from "../helpers/probot.js";
import { openworx, policyYaml } from "../fixtures/policies.js";

/** Real MIME messages, a real SMTP server on 127.0.0.1 and the test GitHub. */

export const securityAddress = "security@example.org";
export const researcherAddress = "rosa.researcher@mail.example.net";
export const trackingRepository = "octo-org/security-cases";
/** The authserv-id of the organisation's own receiving mail server: EMAIL_TRUSTED_AUTHSERV_ID in these tests. */
export const trustedAuthservId = "mx.example.org";

/** What the trusted receiving server writes on top of a message whose From domain passed DKIM, SPF and DMARC. */
export function passingAuthentication(domain: string, authservId = trustedAuthservId): string {
  return [
    `Authentication-Results: ${authservId};`,
    ` dkim=pass (2048-bit key) header.d=${domain} header.s=s2026;`,
    ` spf=pass (sender SPF authorized) smtp.mailfrom=bounces@${domain};`,
    ` dmarc=pass (p=REJECT) header.from=${domain}`,
  ].join("\r\n");
}

/** The header lines above From in a fixture: the trusted server's passing results unless told otherwise. */
function authenticationLines(authentication: string | null | undefined, domain: string): string[] {
  if (authentication === null) return [];
  return [authentication ?? passingAuthentication(domain)];
}

/** A mailer with the test routes (security@example.org → octo-org/widgets) and its own count per recipient. */
export function testMailer(smtpUrl: string, options: { perHour?: number; now?: () => number; routes?: string } = {}): Mailer {
  return createSmtpMailer(smtpUrl, {
    routes: parseEmailRoutes(options.routes ?? `${securityAddress}=octo-org/widgets`),
    quota: createInProcessSendQuota(options.perHour ?? 5, options.now),
  });
}

/** The Openworx policy as the e-mail tests use it: mail to the security address, the clock paused while waiting for information. */
export const openworxConfig = policyYaml(openworx, {
  policy: { url: undefined, contact: `mailto:${securityAddress}` },
  tracking: { repository: trackingRepository },
  sla: { updates: undefined, needsInfo: { pauseClock: true } },
  exclusions: undefined,
});

/**
 * A plain-text report in UTF-8, quoted-printable, inside multipart/alternative with an HTML twin. `authentication`:
 * the Authentication-Results lines on top (the trusted server's pass by default, null for none).
 */
export function englishReport(
  options: { messageId?: string; date?: string; to?: string; from?: string; authentication?: string | null } = {},
): string {
  return [
    ...authenticationLines(options.authentication, "mail.example.net"),
    `From: ${options.from ?? `Rosa Researcher <${researcherAddress}>`}`,
    `To: ${options.to ?? securityAddress}`,
    "Subject: SQL injection in the widget search endpoint",
    `Date: ${options.date ?? "Mon, 16 Nov 2026 09:30:00 +0100"}`,
    `Message-ID: ${options.messageId ?? "<report-1@mail.example.net>"}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "The search endpoint of widgets.example.org builds its SQL query from the q pa=",
    "rameter. Steps to reproduce: GET /search?q=3D%27%20OR%201=3D1-- returns ever=",
    "y row. Impact: anyone can read all customer records =E2=80=94 caf=C3=A9 incl=",
    "uded.",
    "",
    "--b1",
    "Content-Type: text/html; charset=utf-8",
    "",
    "<p>The search endpoint of widgets.example.org builds its SQL query from the q parameter.</p>",
    "--b1--",
    "",
  ].join("\r\n");
}

/** A Dutch report in ISO-8859-1 (8bit), with a PNG attachment. */
export function dutchReportWithAttachment(): { raw: Buffer; attachment: Buffer } {
  const attachment = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");
  const head = [
    passingAuthentication("voorbeeld.nl"),
    `From: =?ISO-8859-1?Q?Jo=EBl_de_Vri=EBs?= <joel@voorbeeld.nl>`,
    `To: ${securityAddress}`,
    "Subject: =?ISO-8859-1?Q?Kwetsbaarheid_in_het_inlogscherm_=E9=E9n_probleem?=",
    "Date: Mon, 16 Nov 2026 10:00:00 +0100",
    "Message-ID: <nl-rapport-7@voorbeeld.nl>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="grens"',
    "",
    "--grens",
    "Content-Type: text/plain; charset=ISO-8859-1",
    "Content-Transfer-Encoding: 8bit",
    "",
  ].join("\r\n");
  const text = Buffer.from(
    "Geachte heer/mevrouw,\r\n\r\nHet inlogscherm van widgets.example.org is kwetsbaar voor cross-site scripting. Een aanvaller kan cookies stelen. Reproductie: zie de schermafdruk. Groeten, Joël (café-eigenaar)\r\n",
    "latin1",
  );
  const tail = [
    "",
    "--grens",
    'Content-Type: image/png; name="schermafdruk.png"',
    'Content-Disposition: attachment; filename="schermafdruk.png"',
    "Content-Transfer-Encoding: base64",
    "",
    attachment.toString("base64"),
    "--grens--",
    "",
  ].join("\r\n");
  return { raw: Buffer.concat([Buffer.from(head, "latin1"), Buffer.from("\r\n"), text, Buffer.from(tail, "latin1")]), attachment };
}

/** A reply by the researcher to a message Disclosure Desk sent (its Message-ID), without the case tag. */
export function replyTo(
  inReplyTo: string,
  options: { from?: string; messageId?: string; subject?: string; authentication?: string | null } = {},
): string {
  return [
    ...authenticationLines(options.authentication, "mail.example.net"),
    `From: ${options.from ?? `Rosa Researcher <${researcherAddress}>`}`,
    `To: ${securityAddress}`,
    `Subject: ${options.subject ?? "Re: SQL injection in the widget search endpoint"}`,
    "Date: Wed, 18 Nov 2026 14:00:00 +0100",
    `Message-ID: ${options.messageId ?? "<reply-1@mail.example.net>"}`,
    `In-Reply-To: ${inReplyTo}`,
    `References: <report-1@mail.example.net> ${inReplyTo}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The affected version is 2.4.0; the proof of concept is attached below.",
    "",
  ].join("\r\n");
}

/** What a mail server sends back to the security address when a message of ours did not arrive. */
export function bounceOf(ourMessageId: string): string {
  return [
    "From: Mail Delivery System <MAILER-DAEMON@mail.example.org>",
    `To: ${securityAddress}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Date: Mon, 16 Nov 2026 09:35:00 +0100",
    "Message-ID: <bounce-1@mail.example.org>",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
    "",
    "--r",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    `Your message to ${researcherAddress} could not be delivered: mailbox full.`,
    "",
    "--r",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mail.example.org",
    "",
    `Final-Recipient: rfc822; ${researcherAddress}`,
    "Action: failed",
    "Status: 5.2.2",
    "",
    "--r",
    "Content-Type: text/rfc822-headers",
    "",
    `From: ${securityAddress}`,
    `To: ${researcherAddress}`,
    `Message-ID: ${ourMessageId}`,
    "",
    "--r--",
    "",
  ].join("\r\n");
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ParsedMail[];
  envelopes: { from: string; to: string[] }[];
  /** Connections that reached the DATA stage or were refused there. */
  attempts: () => number;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1; `failFirst` attempts are refused with a temporary error (451). */
export async function startSmtpServer(options: { failFirst?: number } = {}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const envelopes: { from: string; to: string[] }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (attempts <= (options.failFirst ?? 0)) {
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          return;
        }
        envelopes.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        });
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          received.push(parsed);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    envelopes,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The test GitHub with the reported repository under the e-mail tests' Openworx policy. */
export function emailGitHub(): Promise<TestGitHub> {
  return startTestGitHub({ config: openworxConfig });
}

export interface CapturedLog {
  probot: Probot;
  raw: () => string;
}

/** A Probot whose log lines at the production level are captured; `baseUrl`: where its GitHub answers. */
export function probotWithCapturedLog(baseUrl: string): CapturedLog {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    baseUrl,
    Octokit: TestOctokit,
    log: createLoggerTo(destination, "info"),
  });
  return { probot, raw: () => chunks.join("") };
}
