import type { Language } from "../config/schema.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { RepositoryRef } from "../github/refs.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { outboundMessageId, readEmailThread, replySubject, type EmailThread } from "./email-thread.js";
import type { OutboundRefusal } from "./outbound-rules.js";
import { sendWithRetry, type DeliveryOutcome, type Mailer, type OutboundMail, type RetryPolicy } from "./smtp-mailer.js";

/**
 * Sends a message to the researcher of an e-mail case: from the address they wrote to when EMAIL_ROUTES routes it to
 * the case's repository (otherwise from one that is), to the address they wrote from — only when the receiving server
 * verified it and within the recipient's hourly allowance — threaded on their latest message (In-Reply-To, References) with the case tag in the subject. The Message-ID
 * is built from the case and `messageKey`, so a message sent again after a crash is the same message to the
 * researcher's mail program. A message that cannot be delivered after the bounded retries is surfaced on the tracking
 * issue — a comment with the text for a maintainer to send and the `email-undelivered` label — never dropped; so is a
 * message the outbound rules stop (unverified address, no routed sender, allowance spent).
 * The commands and the sweep call this for every researcher message of a case whose `channel` is `email`.
 */

export const UNDELIVERED_LABEL = "email-undelivered";

export interface ResearcherEmailCase {
  /** The case's repository (`record.source.repository`): mail goes out only from an address routed to it. */
  repository: string;
  tracking: RepositoryRef;
  number: number;
  /** The tracking issue's body as just read: it holds the e-mail thread. */
  body: string;
  caseKey: string;
  language: Language;
}

export interface ResearcherEmailDependencies {
  gateway: Pick<GitHubGateway, "addIssueComment" | "addLabels">;
  /** Absent when no SMTP server is configured: the message is surfaced for a maintainer to send. */
  mailer: Mailer | undefined;
  retry?: RetryPolicy;
}

export type ResearcherEmailOutcome = DeliveryOutcome | { status: "not-an-email-case" };

export function undeliveredMarker(caseKey: string, messageKey: string): string {
  return `<!-- disclosure-desk:email-undelivered ${caseKey} ${messageKey} -->`;
}

export async function sendResearcherEmail(
  dependencies: ResearcherEmailDependencies,
  openCase: ResearcherEmailCase,
  message: { messageKey: string; text: string },
): Promise<ResearcherEmailOutcome> {
  const thread = readEmailThread(openCase.body);
  if (!thread) return { status: "not-an-email-case" };
  const { mailer } = dependencies;
  const from = mailer?.senderFor(openCase.repository, thread.address);
  const mail: OutboundMail = {
    repository: openCase.repository,
    from: from ?? thread.address,
    to: thread.researcher,
    subject: replySubject(thread.subject, openCase.caseKey),
    text: message.text,
    messageId: outboundMessageId(openCase.caseKey, message.messageKey, from ?? thread.address, thread.token),
    inReplyTo: thread.lastMessageId,
    references: [...new Set([thread.rootMessageId, thread.lastMessageId])],
  };
  const outcome = await deliver(mailer, mail, thread, from, dependencies.retry);
  if (outcome.status === "failed") {
    const comment = renderMessage(openCase.language, "email-undelivered", {
      marker: undeliveredMarker(openCase.caseKey, message.messageKey),
      attempts: outcome.attempts,
      reason: outcome.reason,
      refusal: outcome.refusal ?? "",
      from: mail.from,
      subject: untrusted(mail.subject),
      text: untrusted(mail.text),
    });
    await dependencies.gateway.addIssueComment(openCase.tracking, openCase.number, comment);
    await dependencies.gateway.addLabels(openCase.tracking, openCase.number, [UNDELIVERED_LABEL]);
  }
  return outcome;
}

async function deliver(
  mailer: Mailer | undefined,
  mail: OutboundMail,
  thread: EmailThread,
  from: string | undefined,
  retry: RetryPolicy | undefined,
): Promise<DeliveryOutcome> {
  const refused = (refusal: OutboundRefusal): DeliveryOutcome => ({
    status: "failed",
    attempts: 0,
    reason: `outbound e-mail refused: ${refusal}`,
    refusal,
  });
  if (!thread.senderVerified) return refused("recipient-unverified");
  if (!mailer) return { status: "failed", attempts: 0, reason: "no SMTP server is configured (SMTP_URL)" };
  if (from === undefined) return refused("sender-not-routed");
  if (!(await mailer.admit(mail.to))) return refused("rate-limited");
  return sendWithRetry(mailer, mail, retry);
}
