import { createHash } from "node:crypto";
import type { AddressObject } from "mailparser";

/**
 * An inbound e-mail as Disclosure Desk uses it, parsed from the raw RFC 5322 message: multipart bodies, transfer
 * encodings and charsets are decoded by `mailparser`, HTML-only messages are converted to text. Attachments are kept
 * as metadata only (name, type, size, SHA-256): their content is never stored or forwarded.
 */

export interface AttachmentMetadata {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface InboundMessage {
  /** The Message-ID with its angle brackets; a message without one is named by the SHA-256 of its bytes. */
  messageId: string;
  inReplyTo: string | undefined;
  /** References, oldest first. */
  references: string[];
  subject: string;
  from: { address: string; name: string } | undefined;
  /** Every address of the first `From` header, and how many `From` headers there are: one of each can be verified. */
  fromAddresses: string[];
  fromHeaders: number;
  /** The `Authentication-Results` headers as written, unfolded, topmost first (at most 20). */
  authenticationResults: string[];
  /** Every address the message was sent to (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: string[];
  /** The sender's Date header, when it could be read. */
  date: Date | undefined;
  text: string;
  attachments: AttachmentMetadata[];
  /**
   * Sent by a machine, not a person: an `Auto-Submitted` header other than `no`, a delivery or disposition report, or
   * a mailer daemon. Such a message never opens a case; it can only be added to one it names.
   */
  automated: boolean;
  /** A delivery status report: a message of ours did not arrive. */
  deliveryFailure: boolean;
  /** Message-IDs of Disclosure Desk's own messages quoted anywhere in the message (a bounce quotes the original). */
  quotedOwnMessageIds: string[];
}

const OWN_MESSAGE_ID = /<dd\.[0-9a-f]{12}\.[a-z0-9-]{1,64}(?:\.[0-9a-f]{16})?@[^\s<>]{1,255}>/gi;
const QUOTED_IDS_KEPT = 5;
const AUTHENTICATION_RESULTS_KEPT = 20;
const AUTHENTICATION_RESULTS_LENGTH = 4_000;

export async function parseInboundMessage(raw: Buffer): Promise<InboundMessage> {
  // Loaded with the first e-mail: a server without the e-mail channel never holds the MIME parser in memory.
  const { simpleParser } = await import("mailparser");
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const fromAddresses = addressesOf(parsed.from);
  const from = fromAddresses[0];
  const contentType = parsed.headers.get("content-type");
  const reportType =
    typeof contentType === "object" && contentType !== null && "value" in contentType
      ? `${String(contentType.value)};${String((contentType as { params?: Record<string, string> }).params?.["report-type"] ?? "")}`.toLowerCase()
      : "";
  const autoSubmitted = String(parsed.headers.get("auto-submitted") ?? "no")
    .trim()
    .toLowerCase();
  const deliveryFailure = reportType.startsWith("multipart/report;delivery-status");
  const recipients = [
    ...addressesOf(parsed.to),
    ...addressesOf(parsed.cc),
    ...headerAddresses(parsed.headers.get("delivered-to")),
    ...headerAddresses(parsed.headers.get("x-original-to")),
  ].map((entry) => entry.address.toLowerCase());
  return {
    messageId: parsed.messageId?.trim() || `<sha256.${createHash("sha256").update(raw).digest("hex")}@disclosure-desk.invalid>`,
    inReplyTo: parsed.inReplyTo?.trim() || undefined,
    references: (Array.isArray(parsed.references) ? parsed.references : parsed.references ? parsed.references.split(/\s+/) : []).filter(
      Boolean,
    ),
    subject: parsed.subject?.trim() ?? "",
    from: from ? { address: from.address, name: from.name } : undefined,
    fromAddresses: fromAddresses.map((entry) => entry.address),
    fromHeaders: parsed.headerLines.filter((header) => header.key === "from").length,
    authenticationResults: parsed.headerLines
      .filter((header) => header.key === "authentication-results")
      .slice(0, AUTHENTICATION_RESULTS_KEPT)
      .map((header) =>
        header.line
          .replace(/\r?\n[ \t]+/g, " ")
          .replace(/^[^:]*:\s*/, "")
          .slice(0, AUTHENTICATION_RESULTS_LENGTH),
      ),
    recipients: [...new Set(recipients)],
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined,
    text: (parsed.text ?? "").replace(/\r\n?/g, "\n").trim(),
    attachments: parsed.attachments
      .filter((attachment) => attachment.related !== true || attachment.filename !== undefined)
      .map((attachment) => ({
        name: attachment.filename ?? "(unnamed)",
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: createHash("sha256").update(attachment.content).digest("hex"),
      })),
    automated:
      autoSubmitted !== "no" || reportType.startsWith("multipart/report") || /^(mailer-daemon|postmaster)@/i.test(from?.address ?? ""),
    deliveryFailure,
    quotedOwnMessageIds: [...new Set(raw.toString("latin1").match(OWN_MESSAGE_ID) ?? [])].slice(0, QUOTED_IDS_KEPT),
  };
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) =>
    object.value
      .flatMap((entry) => [...(entry.group ?? []), entry])
      .flatMap((entry) => (entry.address ? [{ address: entry.address, name: entry.name }] : [])),
  );
}

function headerAddresses(value: unknown): { address: string; name: string }[] {
  if (typeof value === "string")
    return value
      .split(",")
      .map((address) => ({ address: address.trim().replace(/^<|>$/g, ""), name: "" }))
      .filter((entry) => entry.address.includes("@"));
  if (typeof value === "object" && value !== null && "value" in value) return addressesOf(value as AddressObject);
  return [];
}
