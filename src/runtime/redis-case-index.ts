import type { Redis } from "ioredis";
import { indexedCaseId, MAX_DUPLICATE_CANDIDATES, MAX_REPORTER_CASES, type CaseIndex, type IndexedCase } from "../case/case-index.js";

/**
 * Reporters' cases were once unordered sets, from which a prolific reporter's history was a random sample: the index
 * built under this key has them by receipt, so an index built before reads as not yet built until the next sweep.
 */
const BUILT = "built-by-receipt";

/**
 * The case index shared by every replica, in Redis, per installation: a hash of entries by case, a sorted set of case
 * ids by receipt per reporter hash, and a sorted set of the newest `MAX_DUPLICATE_CANDIDATES` cases by receipt.
 * Entries hold ids, hashes and outcomes only.
 */
export function createRedisCaseIndex(client: Redis, keyPrefix = "disclosure-desk:index:"): CaseIndex {
  const key = (installationId: number, part: string) => `${keyPrefix}${installationId}:${part}`;
  const read = async (installationId: number, ids: string[]): Promise<IndexedCase[]> => {
    if (ids.length === 0) return [];
    const values = await client.hmget(key(installationId, "cases"), ...ids);
    return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as IndexedCase]));
  };
  return {
    async builtAt(installationId) {
      return (await client.get(key(installationId, BUILT))) ?? undefined;
    },
    async markBuilt(installationId, at) {
      await client.set(key(installationId, BUILT), at.toISOString());
    },
    async put(installationId, entry) {
      const id = indexedCaseId(entry);
      const pipeline = client.multi().hset(key(installationId, "cases"), id, JSON.stringify(entry));
      if (entry.reporter !== undefined)
        pipeline.zadd(key(installationId, `reporter-by-receipt:${entry.reporter}`), Date.parse(entry.receivedAt), id);
      pipeline
        .zadd(key(installationId, "recent"), Date.parse(entry.receivedAt), id)
        .zremrangebyrank(key(installationId, "recent"), 0, -(MAX_DUPLICATE_CANDIDATES + 1));
      await pipeline.exec();
    },
    async casesOf(installationId, reporter) {
      const reporterKey = key(installationId, `reporter-by-receipt:${reporter}`);
      const [newest, total] = await Promise.all([client.zrevrange(reporterKey, 0, MAX_REPORTER_CASES - 1), client.zcard(reporterKey)]);
      return { newest: await read(installationId, newest), total };
    },
    async recentCases(installationId) {
      return read(installationId, await client.zrevrange(key(installationId, "recent"), 0, MAX_DUPLICATE_CANDIDATES - 1));
    },
  };
}
