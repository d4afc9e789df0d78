import nodemailer from "nodemailer";

/**
 * Messages to researchers go out by SMTP. Each attempt is bounded in time (connection, greeting and socket timeouts);
 * a failed attempt is retried a bounded number of times with growing pauses, and the last error is returned, never
 * thrown away: the caller surfaces it on the tracking issue.
 */

export interface OutboundMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
}

export interface Mailer {
  send(mail: OutboundMail): Promise<void>;
}

export interface RetryPolicy {
  /** Pauses before the second, third, … attempt; its length + 1 is the number of attempts. */
  pausesMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { pausesMs: [2_000, 10_000] };
const ATTEMPT_TIMEOUT_MS = 15_000;

export function createSmtpMailer(smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  for (const setting of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
    if (!url.searchParams.has(setting)) url.searchParams.set(setting, String(ATTEMPT_TIMEOUT_MS));
  }
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(mail) {
      await transport.sendMail({
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

export type DeliveryOutcome = { status: "sent"; attempts: number } | { status: "failed"; attempts: number; reason: string };

export async function sendWithRetry(mailer: Mailer, mail: OutboundMail, retry: RetryPolicy = DEFAULT_RETRY): Promise<DeliveryOutcome> {
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let reason = "not attempted";
  for (let attempt = 1; attempt <= retry.pausesMs.length + 1; attempt += 1) {
    if (attempt > 1) await sleep(retry.pausesMs[attempt - 2] ?? 0);
    try {
      await mailer.send(mail);
      return { status: "sent", attempts: attempt };
    } catch (error) {
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
