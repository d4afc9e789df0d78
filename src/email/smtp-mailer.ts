import type { Transporter } from "nodemailer";
import { OutboundRefusedError, senderAddress, type OutboundRefusal, type SendQuota } from "./outbound-rules.js";

/**
 * Messages to researchers go out by SMTP, marked `Auto-Submitted: auto-replied` (RFC 3834) so that well-behaved
 * mail systems send no automatic answer back. The mailer carries the outbound rules (outbound-rules.ts): it names the
 * sender for a repository, counts each recipient's hourly allowance, and refuses to hand SMTP a message from an
 * address that is not routed to the case's repository. Each attempt is bounded in time (connection, greeting and
 * socket timeouts); a failed attempt is retried a bounded number of times with growing pauses, and the last error is
 * returned, never thrown away: the caller surfaces it on the tracking issue. A refusal by the rules is not retried.
 */

export interface OutboundMail {
  /** The case's repository, `owner/name` as in EMAIL_ROUTES: `from` must be routed to it. */
  repository: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
}

export interface Mailer {
  /** The routed address mail about `repository`'s cases goes out from (see `senderAddress`). */
  senderFor(repository: string, preferred: string): string | undefined;
  /** Counts one message to `recipient`; false when its hourly allowance is spent. */
  admit(recipient: string): Promise<boolean>;
  send(mail: OutboundMail): Promise<void>;
}

export interface OutboundRules {
  /** EMAIL_ROUTES: lower-case address → `owner/name`. */
  routes: ReadonlyMap<string, string>;
  quota: SendQuota;
}

export interface RetryPolicy {
  /** Pauses before the second, third, … attempt; its length + 1 is the number of attempts. */
  pausesMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { pausesMs: [2_000, 10_000] };
const ATTEMPT_TIMEOUT_MS = 15_000;

export function createSmtpMailer(smtpUrl: string, rules: OutboundRules): Mailer {
  const url = new URL(smtpUrl);
  for (const setting of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
    if (!url.searchParams.has(setting)) url.searchParams.set(setting, String(ATTEMPT_TIMEOUT_MS));
  }
  // Loaded with the first message: a server that sends no e-mail never holds the SMTP client in memory.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(url.toString())));
  return {
    senderFor: (repository, preferred) => senderAddress(rules.routes, repository, preferred),
    admit: (recipient) => rules.quota.take(recipient),
    async send(mail) {
      if (senderAddress(rules.routes, mail.repository, mail.from) !== mail.from.toLowerCase())
        throw new OutboundRefusedError("sender-not-routed");
      await (
        await transportOf()
      ).sendMail({
        headers: { "Auto-Submitted": "auto-replied" },
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
      });
    },
  };
}

export type DeliveryOutcome =
  { status: "sent"; attempts: number } | { status: "failed"; attempts: number; reason: string; refusal?: OutboundRefusal };

export async function sendWithRetry(mailer: Mailer, mail: OutboundMail, retry: RetryPolicy = DEFAULT_RETRY): Promise<DeliveryOutcome> {
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let reason = "not attempted";
  for (let attempt = 1; attempt <= retry.pausesMs.length + 1; attempt += 1) {
    if (attempt > 1) await sleep(retry.pausesMs[attempt - 2] ?? 0);
    try {
      await mailer.send(mail);
      return { status: "sent", attempts: attempt };
    } catch (error) {
      if (error instanceof OutboundRefusedError)
        return { status: "failed", attempts: attempt - 1, reason: error.message, refusal: error.refusal };
      reason = smtpFailure(error);
    }
  }
  return { status: "failed", attempts: retry.pausesMs.length + 1, reason };
}

/** What went wrong, without the addresses an SMTP error message may quote. */
export function smtpFailure(error: unknown): string {
  const details = error as { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [
    typeof details.code === "string" ? details.code : undefined,
    typeof details.responseCode === "number" ? `SMTP ${details.responseCode}` : undefined,
    typeof details.command === "string" ? `after ${details.command.split(" ")[0]}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(", ") : "the mail server could not be reached";
}
