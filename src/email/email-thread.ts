import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { InboundMessage } from "./inbound-message.js";

/**
 * How e-mails find their case. A case opened by e-mail has the key `email:<12 hex>`, the first 48 bits of the SHA-256
 * of the first message's Message-ID: short enough for a subject tag, free of anything that looks like an address
 * (Message-IDs often carry the sender's domain), and the same for every delivery of that message. The subject tag is
 * `[DD-<12 hex>]`, and every message Disclosure Desk sends carries the key in its own Message-ID, so a reply finds
 * its case by In-Reply-To, References or the tag, whichever the researcher's mail program kept. Finding a case is not
 * trusting the message: the key is in every subject and easy to copy (see `answersCaseThread`).
 *
 * The thread itself — the researcher's address, the address they wrote to, the subject and the ids to thread on —
 * is personal data: it lives in its own hidden block in the private tracking issue, never in the case block and
 * never in a log line.
 */

export const EMAIL_KEY_PREFIX = "email:";
const HASH_LENGTH = 12;
const TAG_PATTERN = /\[DD-([0-9a-f]{12})\]/i;
const OWN_MESSAGE_ID_PATTERN = /^<dd\.([0-9a-f]{12})\.([^@>]*)@[^>]+>$/i;
const THREAD_TOKEN_PATTERN = /^[0-9a-f]{16}$/;
/** How many researcher Message-IDs a case remembers, to recognise a redelivered reply. */
export const SEEN_MESSAGES_KEPT = 200;
/** How many References a reply is checked against, newest first: a thread rarely holds more. */
const REFERENCES_READ = 100;

export function messageHash(messageId: string): string {
  return createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex").slice(0, HASH_LENGTH);
}

export function emailCaseKey(messageId: string): string {
  return `${EMAIL_KEY_PREFIX}${messageHash(messageId)}`;
}

export function caseTag(caseKey: string): string {
  return `[DD-${caseKey.slice(EMAIL_KEY_PREFIX.length)}]`;
}

/** The subject of a message to the researcher: their subject, prefixed once with `Re:`, tagged once with the case. */
export function replySubject(subject: string, caseKey: string): string {
  const tag = caseTag(caseKey);
  const base = subject.replace(TAG_PATTERN, "").replace(/\s+/g, " ").trim();
  const withRe = /^(re|aw|antw)\s*:/i.test(base) ? base : `Re: ${base || "your report"}`;
  return `${withRe} ${tag}`;
}

/**
 * The Message-ID of a message Disclosure Desk sends: the case's hash, a per-message key, the case's thread token (a
 * random value kept in the e-mail block, so nobody outside the conversation can make up one of our Message-IDs), the
 * sending domain. Cases opened before the token existed send without it.
 */
export function outboundMessageId(caseKey: string, messageKey: string, fromAddress: string, token?: string): string {
  const domain = fromAddress.split("@")[1] ?? "disclosure-desk.invalid";
  const local =
    messageKey
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 64) || "message";
  return `<dd.${caseKey.slice(EMAIL_KEY_PREFIX.length)}.${local}${token ? `.${token}` : ""}@${domain}>`;
}

/**
 * The keys of the cases a message may belong to, most telling first: our own Message-IDs it answers, the subject
 * tag, then the Message-IDs it answers that came from the researcher (the first message of a case names the case),
 * the root of the thread — the first of its References — before the others.
 * A machine's message (a bounce) may also name the case by quoting one of our messages.
 * Bounded: a message with hundreds of References costs a handful of look-ups.
 */
export function threadCandidates(
  message: Pick<InboundMessage, "inReplyTo" | "references" | "subject" | "automated" | "quotedOwnMessageIds">,
  limit = 5,
): string[] {
  const quoted = message.automated ? message.quotedOwnMessageIds : [];
  const answered = [message.inReplyTo, ...[...message.references].reverse(), ...quoted].filter((id): id is string => id !== undefined);
  const ownKeys = answered.flatMap((id) => {
    const hash = OWN_MESSAGE_ID_PATTERN.exec(id.trim())?.[1];
    return hash ? [`${EMAIL_KEY_PREFIX}${hash.toLowerCase()}`] : [];
  });
  const tagged = TAG_PATTERN.exec(message.subject)?.[1];
  const tagKeys = tagged ? [`${EMAIL_KEY_PREFIX}${tagged.toLowerCase()}`] : [];
  const researcherKeys = [message.references[0], ...answered]
    .filter((id): id is string => id !== undefined && !OWN_MESSAGE_ID_PATTERN.test(id.trim()))
    .map(emailCaseKey);
  return [...new Set([...ownKeys, ...tagKeys, ...researcherKeys])].slice(0, limit);
}

const emailThreadSchema = z.object({
  /** Ends every Message-ID Disclosure Desk sends for the case: a reply naming one answers a message we really sent. */
  token: z.string().regex(THREAD_TOKEN_PATTERN).optional(),
  /** Where messages to the researcher go: the From of their first message. */
  researcher: z.string().min(3),
  /**
   * Whether the receiving server vouched for that From (see sender-authentication.ts). Disclosure Desk writes only
   * to a verified address; a block without the field is not verified.
   */
  senderVerified: z.boolean().default(false),
  /** The address they wrote to, which Disclosure Desk sends from while EMAIL_ROUTES routes it to the case's repository. */
  address: z.string().min(3),
  subject: z.string(),
  /** The first message's Message-ID and the researcher's latest, for In-Reply-To and References. */
  rootMessageId: z.string().min(1),
  lastMessageId: z.string().min(1),
  /** Hashes of the researcher's messages already in the case: a redelivered reply is not copied twice. */
  seen: z.array(z.string()),
});

export type EmailThread = z.output<typeof emailThreadSchema>;

const BLOCK_PATTERN = /<!-- disclosure-desk:email (\{[^\n]*?\}) -->/;

export function renderEmailThreadBlock(thread: EmailThread): string {
  const json = JSON.stringify(thread).replace(/[<>]/g, (char) => (char === "<" ? "\\u003c" : "\\u003e"));
  return `<!-- disclosure-desk:email ${json} -->`;
}

/**
 * The one reader of a tracking issue's e-mail block: every decision about where mail goes or whom a reply comes from
 * starts here, so whatever vouches for the block (the case seal) wraps this function.
 */
export function readEmailThread(body: string | null | undefined): EmailThread | undefined {
  const match = BLOCK_PATTERN.exec(body ?? "");
  if (!match?.[1]) return undefined;
  try {
    const parsed = emailThreadSchema.safeParse(JSON.parse(match[1]));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the e-mail block in a body, or places it before the case block (or at the end) when there is none. */
export function withEmailThread(body: string, thread: EmailThread): string {
  const block = renderEmailThreadBlock(thread);
  if (BLOCK_PATTERN.test(body)) return body.replace(BLOCK_PATTERN, () => block);
  const caseBlock = body.indexOf("<!-- disclosure-desk:case ");
  return caseBlock >= 0 ? `${body.slice(0, caseBlock)}${block}\n${body.slice(caseBlock)}` : `${body.trimEnd()}\n\n${block}\n`;
}

export function withSeenMessage(thread: EmailThread, messageId: string): EmailThread {
  const hash = messageHash(messageId);
  return { ...thread, lastMessageId: messageId, seen: [...thread.seen.filter((seen) => seen !== hash), hash].slice(-SEEN_MESSAGES_KEPT) };
}

/**
 * Whether a message answers this case's own thread: its In-Reply-To or References name a message Disclosure Desk sent
 * for the case (the case's hash and, for a case with a thread token, that token) or a message of the case it received
 * (the hashes in `seen`, the first message's among them). The subject tag does not count: it is in every subject and
 * easy to copy.
 */
export function answersCaseThread(
  message: Pick<InboundMessage, "inReplyTo" | "references">,
  caseKey: string,
  thread: Pick<EmailThread, "seen" | "rootMessageId" | "token">,
): boolean {
  const caseHash = caseKey.slice(EMAIL_KEY_PREFIX.length).toLowerCase();
  const received = new Set([...thread.seen, messageHash(thread.rootMessageId)]);
  return [message.inReplyTo, ...message.references.slice(-REFERENCES_READ)].some((id) => {
    if (id === undefined) return false;
    const own = OWN_MESSAGE_ID_PATTERN.exec(id.trim());
    if (!own?.[1]) return received.has(messageHash(id));
    return own[1].toLowerCase() === caseHash && (thread.token === undefined || own[2]?.toLowerCase().endsWith(`.${thread.token}`) === true);
  });
}

/** A new thread token: 64 random bits, hex. */
export function newThreadToken(): string {
  return randomBytes(8).toString("hex");
}
