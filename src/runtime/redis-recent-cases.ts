import type { Redis } from "ioredis";
import type { RecentCases } from "../github/gateway-cache.js";

const RECENT_CASE_TTL_SECONDS = 60 * 60;

/** The recent-cases index shared by every replica: one Redis key per case, expiring after an hour. */
export function createRedisRecentCases(client: Redis, keyPrefix = "disclosure-desk:case:"): RecentCases {
  return {
    async recall(key) {
      const value = await client.get(`${keyPrefix}${key}`);
      return value === null ? undefined : Number(value);
    },
    async remember(key, issueNumber) {
      await client.set(`${keyPrefix}${key}`, String(issueNumber), "EX", RECENT_CASE_TTL_SECONDS);
    },
  };
}
