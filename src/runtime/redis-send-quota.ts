import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { QUOTA_WINDOW_MS, recipientKey, type SendQuota } from "../email/outbound-rules.js";

/**
 * The per-recipient count of outbound e-mail shared by every replica: one sorted set per recipient (keyed by a hash of
 * the address), holding the send times of the last hour. Checking and counting is one Lua script, so two replicas
 * cannot both take the last message of an allowance.
 */
const TAKE = `
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call("ZCARD", KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call("ZADD", KEYS[1], ARGV[1], ARGV[4])
redis.call("PEXPIRE", KEYS[1], ARGV[2])
return 1
`;

export function createRedisSendQuota(
  client: Redis,
  limit: number,
  now: () => number = Date.now,
  keyPrefix = "disclosure-desk:mail-quota:",
): SendQuota {
  return {
    async take(recipient) {
      const taken = await client.eval(
        TAKE,
        1,
        `${keyPrefix}${recipientKey(recipient)}`,
        String(now()),
        String(QUOTA_WINDOW_MS),
        String(limit),
        randomUUID(),
      );
      return taken === 1;
    },
  };
}
