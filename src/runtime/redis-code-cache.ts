import type { Redis } from "ioredis";
import { MAX_CACHED_VALUE_CHARS, type CodeCache } from "../github/code-cache.js";

/** The code check's cache shared by every replica: one Redis key per entry, expiring on its own. */
export function createRedisCodeCache(client: Redis, keyPrefix = "disclosure-desk:code:"): CodeCache {
  return {
    async recall(key) {
      return (await client.get(`${keyPrefix}${key}`)) ?? undefined;
    },
    async remember(key, value, ttlSeconds) {
      if (value.length > MAX_CACHED_VALUE_CHARS) return;
      await client.set(`${keyPrefix}${key}`, value, "EX", ttlSeconds);
    },
  };
}
