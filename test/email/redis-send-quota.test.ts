import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { createRedisSendQuota } from "../../src/runtime/redis-send-quota.js";

/** The per-recipient allowance shared by replicas, against a real redis-server; skipped, saying so, where none is installed. */
const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!haveRedis) console.warn("redis-send-quota tests skipped: redis-server is not on PATH (apt-get install -y redis-server)");
const describeWithRedis = haveRedis ? describe : describe.skip;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

describeWithRedis("createRedisSendQuota", () => {
  let server: ChildProcess;
  let clients: Redis[] = [];
  let url = "";

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50 });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        await probe.connect();
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    clients = [probe];
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    server.kill();
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
