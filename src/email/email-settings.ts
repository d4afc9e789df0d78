import { parseImapUrl, type ImapSettings } from "./imap-settings.js";
import { createInProcessSendQuota, DEFAULT_MESSAGES_PER_RECIPIENT_PER_HOUR } from "./outbound-rules.js";
import type { OutboundRules } from "./smtp-mailer.js";

/**
 * The e-mail channel's settings, read once at start-up. The channel is on when EMAIL_INBOUND_SECRET or IMAP_URL is set:
 *
 * - `EMAIL_INBOUND_SECRET` — the shared secret an inbound delivery to `POST /email/inbound` is signed with
 *   (HMAC-SHA256 of the raw message); without it the endpoint does not exist.
 * - `IMAP_URL` — `imaps://user:password@host:993/Folder`: poll that folder every `IMAP_INTERVAL_SECONDS` (60).
 * - `EMAIL_ROUTES` — which repository's policy applies to mail sent to which address:
 *   `security@example.org=octo-org/widgets,security@example.nl=octo-org/portal`. The case goes to that policy's
 *   `tracking.repository`, and messages to the researcher are sent from the address they wrote to — only ever from an
 *   address routed to the case's repository.
 * - `EMAIL_TRUSTED_AUTHSERV_ID` — the authserv-id (RFC 8601) of the organisation's own receiving mail server, or
 *   several separated by commas: only its `Authentication-Results` header can verify a sender. Unset, no sender is
 *   verified: every case opens without an acknowledgement, labelled `sender-unverified`.
 * - `SMTP_URL` — `smtp://user:password@host:587` or `smtps://…` for messages to researchers; without it they are
 *   surfaced on the tracking issue for a maintainer to send.
 * - `EMAIL_MAX_PER_RECIPIENT_PER_HOUR` — messages one address may be sent per hour (default 5); more are surfaced.
 * - `EMAIL_MAX_BYTES` — the largest message accepted (default 10 MiB).
 */

export interface EmailSettings {
  inboundSecret: string | undefined;
  imap: ImapSettings | undefined;
  /** Lower-case address → `owner/name`. */
  routes: Map<string, string>;
  smtpUrl: string | undefined;
  maxBytes: number;
  /** Lower-case authserv-ids whose Authentication-Results count; empty: no sender is verified. */
  trustedAuthservIds: string[];
  messagesPerRecipientPerHour: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function readEmailSettings(env: NodeJS.ProcessEnv): EmailSettings | undefined {
  if (!env.EMAIL_INBOUND_SECRET && !env.IMAP_URL) return undefined;
  const maxBytes = env.EMAIL_MAX_BYTES ? Number(env.EMAIL_MAX_BYTES) : DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new Error("EMAIL_MAX_BYTES must be a positive whole number of bytes");
  const interval = Number(env.IMAP_INTERVAL_SECONDS ?? 60);
  if (!Number.isInteger(interval) || interval < 10) throw new Error("IMAP_INTERVAL_SECONDS must be a whole number of seconds, at least 10");
  return {
    inboundSecret: env.EMAIL_INBOUND_SECRET || undefined,
    imap: env.IMAP_URL ? parseImapUrl(env.IMAP_URL, interval) : undefined,
    routes: parseEmailRoutes(env.EMAIL_ROUTES ?? ""),
    smtpUrl: env.SMTP_URL || undefined,
    maxBytes,
    trustedAuthservIds: (env.EMAIL_TRUSTED_AUTHSERV_ID ?? "")
      .split(",")
      .map((id) => id.trim().toLowerCase())
      .filter(Boolean),
    messagesPerRecipientPerHour: readMessagesPerRecipientPerHour(env),
  };
}

function readMessagesPerRecipientPerHour(env: NodeJS.ProcessEnv): number {
  const limit = env.EMAIL_MAX_PER_RECIPIENT_PER_HOUR
    ? Number(env.EMAIL_MAX_PER_RECIPIENT_PER_HOUR)
    : DEFAULT_MESSAGES_PER_RECIPIENT_PER_HOUR;
  if (!Number.isInteger(limit) || limit < 1) throw new Error("EMAIL_MAX_PER_RECIPIENT_PER_HOUR must be a whole number, at least 1");
  return limit;
}

/** The outbound rules of a process that sends without the channel (the sweep command): its own count per recipient. */
export function outboundRulesFrom(env: NodeJS.ProcessEnv, now: () => number = Date.now): OutboundRules {
  return { routes: parseEmailRoutes(env.EMAIL_ROUTES ?? ""), quota: createInProcessSendQuota(readMessagesPerRecipientPerHour(env), now) };
}

/** Parses `address=owner/name` pairs separated by commas or line breaks; a malformed pair stops the start-up. */
export function parseEmailRoutes(text: string): Map<string, string> {
  const routes = new Map<string, string>();
  for (const entry of text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([^\s=@]+@[^\s=@]+)\s*=\s*([\w.-]+\/[\w.-]+)$/.exec(entry);
    if (!match?.[1] || !match[2]) throw new Error(`EMAIL_ROUTES: expected address=owner/name, got an entry of ${entry.length} characters`);
    routes.set(match[1].toLowerCase(), match[2]);
  }
  return routes;
}

/** The route of the first recipient that has one. */
export function routeFor(
  recipients: readonly string[],
  routes: ReadonlyMap<string, string>,
): { address: string; repository: string } | undefined {
  for (const address of recipients) {
    const repository = routes.get(address.toLowerCase());
    if (repository) return { address: address.toLowerCase(), repository };
  }
  return undefined;
}
