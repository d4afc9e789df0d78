import type { CaseRecord } from "../case/case-record.js";
import type { Language } from "../config/schema.js";
import type { RepositoryRef } from "../github/refs.js";
import { sendResearcherEmail, type ResearcherEmailDependencies, type ResearcherEmailOutcome } from "./researcher-email.js";

/**
 * The researcher of a case opened by e-mail has no advisory to read comments on: the commands (and, through the same
 * function, anything else that messages the researcher) send such a case's messages by e-mail with
 * `sendResearcherEmail`. The messages are rendered as Markdown for advisories; the e-mail gets plain text without the
 * hidden markers. Each message keeps the key its marker names, so its Message-ID is the same on every attempt. Without
 * a mailer, `sendResearcherEmail` surfaces the message on the tracking issue for a maintainer (`email-undelivered`).
 */

export function isEmailCase(record: Pick<CaseRecord, "channel">): boolean {
  return record.channel === "email";
}

const MARKER_KEY_PATTERN = /<!-- disclosure-desk:[a-z-]+ ([^\s>]+) -->/;

/** The message key a marker names (`<!-- disclosure-desk:message 2400000001:2 -->` → `2400000001:2`). */
export function messageKeyOfMarker(marker: string): string {
  return MARKER_KEY_PATTERN.exec(marker)?.[1] ?? (marker.replace(/<!--|-->/g, "").trim() || "message");
}

/** A minimal Markdown-to-text for e-mail: no hidden markers, no bold or italic markers, links as `text (url)`. */
export function markdownToPlainText(markdown: string): string {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_all, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/__([^_\n]+)__/g, "$1")
    .replace(/(^|[\s(])\*([^*\s][^*\n]*?)\*(?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^>\s?/gm, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return `${text}\n`;
}

export interface EmailCaseOnIssue {
  /** The case's repository (`record.source.repository`): mail goes out only from an address routed to it. */
  repository: string;
  tracking: RepositoryRef;
  number: number;
  /** The tracking issue's body as just read under the case's lock: it holds the e-mail thread. */
  body: string;
  caseKey: string;
  language: Language;
}

/** Sends one researcher message of an e-mail case: `message` as rendered for an advisory, `marker` its own marker. */
export type EmailCaseMessenger = (message: string, marker: string) => Promise<ResearcherEmailOutcome>;

export function emailCaseMessenger(dependencies: ResearcherEmailDependencies, openCase: EmailCaseOnIssue): EmailCaseMessenger {
  return (message, marker) =>
    sendResearcherEmail(dependencies, openCase, { messageKey: messageKeyOfMarker(marker), text: markdownToPlainText(message) });
}
