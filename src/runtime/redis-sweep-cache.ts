import type { Redis } from "ioredis";
import type { BoundedMap, GatewayCache } from "../github/gateway-cache.js";

/** How long a remembered answer is kept between scheduled sweeps. */
const SWEEP_CACHE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * What the `sweep` command remembers between runs in Redis: config files and listing pages with their ETags. Each
 * scheduled run is a new process; with these it asks GitHub conditionally, and an unchanged answer costs a 304 that
 * does not count against the rate limit. Listed issues are judged again as they are restored (`judge`), exactly as
 * a response from GitHub is: nothing read from Redis is believed on its own say.
 */
export interface SweepCacheStore {
  restore(cache: GatewayCache, judge: (items: unknown[]) => void): Promise<void>;
  save(cache: GatewayCache): Promise<void>;
}

export function createRedisSweepCache(client: Redis, keyPrefix = "disclosure-desk:sweep-cache:"): SweepCacheStore {
  const configKey = `${keyPrefix}config-files`;
  const pagesKey = `${keyPrefix}listing-pages`;
  return {
    async restore(cache, judge) {
      const [configFiles, pages] = await Promise.all([client.hgetall(configKey), client.hgetall(pagesKey)]);
      // A remembered config file is asked again (conditionally) in every run: the cache spares quota, not questions.
      restoreInto(cache.configFiles, configFiles, (file) => ({ ...file, checkedAt: 0 }));
      restoreInto(cache.listingPages, pages, (page) => page);
      for (const [, page] of cache.listingPages) judge(page.items);
    },
    async save(cache) {
      await Promise.all([store(client, configKey, cache.configFiles), store(client, pagesKey, cache.listingPages)]);
    },
  };
}

function restoreInto<V>(map: BoundedMap<string, V>, stored: Record<string, string>, revive: (value: V) => V): void {
  for (const [key, json] of Object.entries(stored)) map.set(key, revive(JSON.parse(json) as V));
}

async function store<V>(client: Redis, key: string, map: BoundedMap<string, V>): Promise<void> {
  const fields = [...map].flatMap(([field, value]) => [field, JSON.stringify(value)]);
  const transaction = client.multi().del(key);
  if (fields.length > 0) transaction.hset(key, ...fields).expire(key, SWEEP_CACHE_TTL_SECONDS);
  await transaction.exec();
}
