import type { Redis } from "ioredis";
import { createGatewayCache, type GatewayCache } from "../github/gateway-cache.js";
import { createInProcessLocks, type CaseLocks } from "../case/case-locks.js";
import { createRedisCaseIndex } from "../runtime/redis-case-index.js";
import { createRedisLocks } from "../runtime/redis-locks.js";

/**
 * What a command that writes cases shares with the running server: with REDIS_URL, one Redis client for the case
 * locks (so a command and the server never write one case at once) and the case index the server screens against;
 * without it, in-process locks and an in-memory index. The client is loaded only when REDIS_URL is set.
 */
export interface CommandStores {
  locks: CaseLocks;
  cache: GatewayCache;
  /** The Redis client, for a command that keeps more there (the sweep's memory); absent without REDIS_URL. */
  redis: Redis | undefined;
  close(): Promise<void>;
}

export async function commandStores(env: Record<string, string | undefined>): Promise<CommandStores> {
  const redis = env.REDIS_URL ? new (await import("ioredis")).Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
  return {
    locks: redis ? createRedisLocks(redis) : createInProcessLocks(),
    cache: createGatewayCache(redis ? { caseIndex: createRedisCaseIndex(redis) } : {}),
    redis,
    close: async () => {
      await redis?.quit();
    },
  };
}
