import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { createInProcessCodeCache, MAX_CACHED_VALUE_CHARS } from "../../src/github/code-cache.js";
import { createRedisCodeCache } from "../../src/runtime/redis-code-cache.js";
import { describeIfRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

/** The code check's cache: bounded in this process, shared through Redis between replicas. */

describe("the in-process code cache", () => {
  it("forgets the oldest entries beyond its bounds in entries and characters, and expired ones", async () => {
    let clock = 0;
    const cache = createInProcessCodeCache({ entries: 2, chars: 10 }, () => clock);
    await cache.remember("a", "1234", 60);
    await cache.remember("b", "1234", 60);
    await cache.remember("c", "1234", 60);
    expect([await cache.recall("a"), await cache.recall("b"), await cache.recall("c")]).toEqual([undefined, "1234", "1234"]);
    await cache.remember("d", "123456789", 60);
    expect([await cache.recall("b"), await cache.recall("c"), await cache.recall("d")]).toEqual([undefined, undefined, "123456789"]);
    clock += 60_000;
    expect(await cache.recall("d")).toBeUndefined();
  });

  it("does not keep a value larger than the limit (the tree of a huge repository)", async () => {
    const cache = createInProcessCodeCache();
    await cache.remember("huge", "x".repeat(MAX_CACHED_VALUE_CHARS + 1), 60);
    await cache.remember("small", "x", 60);
    expect([await cache.recall("huge"), await cache.recall("small")]).toEqual([undefined, "x"]);
  });
});

const describeWithRedis = describeIfRedis("redis-code-cache");

describeWithRedis("the Redis code cache", () => {
  let server: RedisServer;
  const clients: Redis[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    server.stop();
  });

  function replica(keyPrefix: string) {
    const client = new Redis(server.url);
    clients.push(client);
    return createRedisCodeCache(client, keyPrefix);
  }

  it("lets one replica use the tree another read, until it expires", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    const [one, two] = [replica(keyPrefix), replica(keyPrefix)];
    await one.remember("tree:abc", "complete\nb12\tcJSON.c", 1);
    expect(await two.recall("tree:abc")).toBe("complete\nb12\tcJSON.c");
    // Control: a key never written is not found.
    expect(await two.recall("tree:def")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await two.recall("tree:abc")).toBeUndefined();
  });
});
