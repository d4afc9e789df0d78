import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";

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
  /** Every address the message was sent to (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: string[];
  /** The sender's Date header, when it could be read. */
  date: Date | undefined;
  text: string;
  attachments: AttachmentMetadata[];
}

export async function parseInboundMessage(raw: Buffer): Promise<InboundMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const from = addressesOf(parsed.from)[0];
  const recipients = [
    ...addressesOf(parsed.to),
    ...addressesOf(parsed.cc),
    ...headerAddresses(parsed.headers.get("delivered-to")),
    ...headerAddresses(parsed.headers.get("x-original-to")),
  ].map((entry) => entry.address.toLowerCase());
  return {
    messageId: parsed.messageId?.trim() || `<sha256.${createHash("sha256").update(raw).digest("hex")}@disclosure-desk.invalid>`,
    inReplyTo: parsed.inReplyTo?.trim() || undefined,
    references: (Array.isArray(parsed.references) ? parsed.references : parsed.references ? parsed.references.split(/\s+/) : []).filter(Boolean),
    subject: parsed.subject?.trim() ?? "",
    from: from ? { address: from.address, name: from.name } : undefined,
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
  };
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => [...(entry.group ?? []), entry]).flatMap((entry) => (entry.address ? [{ address: entry.address, name: entry.name }] : [])),
  );
}

function headerAddresses(value: unknown): { address: string; name: string }[] {
  if (typeof value === "string") return value.split(",").map((address) => ({ address: address.trim().replace(/^<|>$/g, ""), name: "" })).filter((entry) => entry.address.includes("@"));
  if (typeof value === "object" && value !== null && "value" in value) return addressesOf(value as AddressObject);
  return [];
}
