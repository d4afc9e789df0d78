import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { describeIfRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { createRedisSendQuota } from "../../src/runtime/redis-send-quota.js";

/** The per-recipient allowance shared by replicas, against a real redis-server; skipped, saying so, where none is installed. */
const describeWithRedis = describeIfRedis("redis-send-quota");

describeWithRedis("createRedisSendQuota", () => {
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

  function replica(keyPrefix: string, now: () => number) {
    const client = new Redis(url);
    clients = [...clients, client];
    return createRedisSendQuota(client, 5, now, keyPrefix);
  }

  it("lets two replicas together send five messages an hour to one address, not five each; another address and the next hour are free", async () => {
    const keyPrefix = `test:${Math.random()}:`;
    let clock = Date.parse("2026-11-16T08:31:00Z");
    const [one, two] = [replica(keyPrefix, () => clock), replica(keyPrefix, () => clock)];
    const taken = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? one : two).take("Rosa@Mail.Example.net")));
    expect(taken.filter(Boolean)).toHaveLength(5);
    // Control: another recipient has its own allowance, and an hour later this one has a new one.
    expect(await one.take("other@mail.example.net")).toBe(true);
    clock += 60 * 60_000 + 1;
    expect(await two.take("rosa@mail.example.net")).toBe(true);
    // No address is stored in Redis keys.
    const keys = await clients[0]!.keys(`${keyPrefix}*`);
    expect(keys.join(" ")).not.toContain("example.net");
  });
});
