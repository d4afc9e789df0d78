import { describe } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** Whether a real redis-server is installed; suites that need one are skipped, saying so, where it is not. */
export function describeIfRedis(suite: string): typeof describe | typeof describe.skip {
  const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;
  if (!haveRedis) console.warn(`${suite} tests skipped: redis-server is not on PATH (apt-get install -y redis-server)`);
  return haveRedis ? describe : describe.skip;
}

export interface RedisServer {
  url: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A redis-server of its own on a free 127.0.0.1 port, without persistence, answering before this resolves (5 s at most). */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50 });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await probe.connect();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await probe.quit();
  return { url, stop: () => void server.kill() };
}
