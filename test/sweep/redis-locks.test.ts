import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { describeIfRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { createRedisLocks, LockTimeoutError } from "../../src/runtime/redis-locks.js";

/** Runs against a real redis-server started for this file; skipped, saying so, where none is installed. */
const describeWithRedis = describeIfRedis("redis-locks");

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis("createRedisLocks", () => {
  let server: RedisServer;
  let clients: Redis[] = [];
  let url = "";

  beforeAll(async () => {
    server = await startRedisServer();
    url = server.url;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    server.stop();
  });

  /** Two replicas: each its own connection, as two server processes would have. */
  function replica(options: Parameters<typeof createRedisLocks>[1] = {}) {
    const client = new Redis(url);
    clients = [...clients, client];
    return createRedisLocks(client, { keyPrefix: `test:${Math.random()}:`, ...options });
  }

  it("serialises work on one case across replicas", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    const [one, two] = [replica({ keyPrefix }), replica({ keyPrefix })];
    const events: string[] = [];
    let oneHolds: () => void = () => undefined;
    const oneStarted = new Promise<void>((resolve) => (oneHolds = resolve));
    const work = (name: string) => async () => {
      events.push(`${name} start`);
      oneHolds();
      await pause(40);
      events.push(`${name} end`);
    };
    // The second replica asks only once the first holds the lock, so the order does not depend on the machine's load.
    await Promise.all([one.withLock("case:GHSA-1", work("one")), oneStarted.then(() => two.withLock("case:GHSA-1", work("two")))]);
    expect(events).toEqual(["one start", "one end", "two start", "two end"]);
  });

  it("releases the lock when the work throws, and only its own lock", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    const locks = replica({ keyPrefix, ttlMs: 1_000 });
    await expect(locks.withLock("case:GHSA-2", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await locks.withLock("case:GHSA-2", async () => "free again")).toBe("free again");

    // A lock that expired and was taken by another replica is not deleted by the first one's release.
    const client = clients[clients.length - 1] as Redis;
    const slow = replica({ keyPrefix, ttlMs: 60 });
    const released = slow.withLock("case:GHSA-3", async () => {
      await client.del(`${keyPrefix}case:GHSA-3`); // the lock expired while this replica was stalled...
      await client.set(`${keyPrefix}case:GHSA-3`, "someone-else", "PX", 10_000); // ...and another took it
    });
    await released;
    expect(await client.get(`${keyPrefix}case:GHSA-3`)).toBe("someone-else");
  });

  it("renews the lock while long work runs", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    // TTLs long enough that a busy machine's timer delays cannot expire a renewed lock, short enough to need renewal.
    const [one, two] = [replica({ keyPrefix, ttlMs: 400 }), replica({ keyPrefix, ttlMs: 400, maxWaitMs: 10_000 })];
    const events: string[] = [];
    let oneHolds: () => void = () => undefined;
    const oneStarted = new Promise<void>((resolve) => (oneHolds = resolve));
    await Promise.all([
      one.withLock("case:GHSA-4", async () => {
        events.push("one start");
        oneHolds();
        await pause(1_600); // four TTLs
        events.push("one end");
      }),
      oneStarted.then(() => two.withLock("case:GHSA-4", async () => events.push("two"))),
    ]);
    expect(events).toEqual(["one start", "one end", "two"]);
  });

  it("gives up after the bounded wait with a LockTimeoutError", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    const [one, two] = [replica({ keyPrefix }), replica({ keyPrefix, maxWaitMs: 100 })];
    let oneHolds: () => void = () => undefined;
    const oneStarted = new Promise<void>((resolve) => (oneHolds = resolve));
    const holding = one.withLock("case:GHSA-5", () => {
      oneHolds();
      return pause(400);
    });
    await oneStarted;
    await expect(two.withLock("case:GHSA-5", async () => "never")).rejects.toBeInstanceOf(LockTimeoutError);
    await holding;
  });

  it("lets one replica sweep while the other skips the tick", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    const [one, two] = [replica({ keyPrefix }), replica({ keyPrefix })];
    let oneSweeps: () => void = () => undefined;
    const oneStarted = new Promise<void>((resolve) => (oneSweeps = resolve));
    const first = one.sweepLock.tryRun(() => {
      oneSweeps();
      return pause(50).then(() => "swept");
    });
    await oneStarted;
    expect(await two.sweepLock.tryRun(async () => "also swept")).toEqual({ ran: false });
    expect(await first).toEqual({ ran: true, value: "swept" });
    expect(await two.sweepLock.tryRun(async () => "next tick")).toEqual({ ran: true, value: "next tick" });
  });
});
