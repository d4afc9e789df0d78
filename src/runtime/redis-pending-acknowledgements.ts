import type { Redis } from "ioredis";
import { LEDGER_CLOCK_MARGIN_MS, type PendingAcknowledgements } from "../github/gateway-cache.js";

/** How long an interrupted intake is remembered: longer than anyone waits before redelivering a webhook. */
const PENDING_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * The ledger of acknowledgements awaiting their case, shared by every replica: one key per case, and the moment the
 * ledger began keeping account. Should Redis lose its data, that moment goes with it and is set anew, so the ledger
 * never vouches for a report from before the loss; nor for one older than an entry's lifetime.
 */
export function createRedisPendingAcknowledgements(
  client: Redis,
  now: () => number,
  keyPrefix = "disclosure-desk:",
): PendingAcknowledgements {
  const sinceKey = `${keyPrefix}acknowledgements-kept-since`;
  const entryKey = (caseKey: string) => `${keyPrefix}acknowledged:${caseKey}`;
  return {
    async lookUp(caseKey, submittedAt) {
      const [since, commentId] = await client.mget(sinceKey, entryKey(caseKey));
      if (commentId) return { commentId: Number(commentId) };
      let keptSince = Number(since);
      if (since === null) {
        await client.set(sinceKey, String(now()), "NX");
        keptSince = Number(await client.get(sinceKey));
      }
      const vouchedFrom = Math.max(keptSince, now() - PENDING_TTL_SECONDS * 1000) + LEDGER_CLOCK_MARGIN_MS;
      return submittedAt.getTime() > vouchedFrom ? "none" : "unknown";
    },
    async record(caseKey, commentId) {
      await client.set(entryKey(caseKey), String(commentId), "EX", PENDING_TTL_SECONDS);
    },
    async settle(caseKey) {
      await client.del(entryKey(caseKey));
    },
  };
}
