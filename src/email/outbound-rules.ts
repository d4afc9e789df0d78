import { createHash } from "node:crypto";
import { BoundedMap } from "../github/gateway-cache.js";

/**
 * The rules every message to a researcher passes before it reaches SMTP, whoever sends it (intake, commands, sweep):
 * it goes out only from an address EMAIL_ROUTES routes to the case's repository, and at most `limit` messages an hour
 * go to one recipient. A message the rules stop is surfaced on the tracking issue for a maintainer, never dropped.
 */

export const DEFAULT_MESSAGES_PER_RECIPIENT_PER_HOUR = 5;
export const QUOTA_WINDOW_MS = 60 * 60_000;

/**
 * The address mail about `repository`'s cases goes out from: `preferred` (the address the researcher wrote to) when it
 * is routed to that repository, else the first address routed there (in EMAIL_ROUTES order); none when no address is.
 * Whatever the tracking issue or the inbound message says, nothing else is ever used.
 */
export function senderAddress(routes: ReadonlyMap<string, string>, repository: string, preferred: string): string | undefined {
  const routedHere = (address: string) => routes.get(address.toLowerCase())?.toLowerCase() === repository.toLowerCase();
  if (routedHere(preferred)) return preferred.toLowerCase();
  for (const [address] of routes) if (routedHere(address)) return address;
  return undefined;
}

/** How many messages may go to one recipient per hour; with REDIS_URL every replica shares the count. */
export interface SendQuota {
  /** Counts one message to `recipient`: false, and nothing counted, when the hour's allowance is spent. */
  take(recipient: string): Promise<boolean>;
}

/** The key a recipient is counted under: a hash, so no address sits in memory dumps or Redis keys. */
export function recipientKey(recipient: string): string {
  return createHash("sha256").update(recipient.trim().toLowerCase()).digest("hex").slice(0, 32);
}

export function createInProcessSendQuota(limit: number, now: () => number = Date.now, recipients = 10_000): SendQuota {
  const sent = new BoundedMap<string, number[]>(recipients);
  return {
    async take(recipient) {
      const key = recipientKey(recipient);
      const at = now();
      const recent = (sent.get(key) ?? []).filter((time) => at - time < QUOTA_WINDOW_MS);
      if (recent.length >= limit) {
        sent.set(key, recent);
        return false;
      }
      sent.set(key, [...recent, at]);
      return true;
    },
  };
}

/** A rule stopped the message: it is not retried, it is surfaced. */
export class OutboundRefusedError extends Error {
  constructor(readonly refusal: OutboundRefusal) {
    super(`outbound e-mail refused: ${refusal}`);
    this.name = "OutboundRefusedError";
  }
}

export type OutboundRefusal = "sender-not-routed" | "rate-limited" | "recipient-unverified";
