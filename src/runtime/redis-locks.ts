import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import type { CaseLocks } from "../case/case-locks.js";
import type { SweepLock } from "./sweep-timer.js";

/**
 * Case locks and the sweep lock shared by every replica, in Redis. A lock is a key set with `SET NX PX` to a random
 * token; it is renewed while the work runs (so a long sweep of a case keeps it), and released with a compare-and-
 * delete script, so a replica whose lock expired can never delete the lock another replica took since.
 */

export interface RedisLockOptions {
  /** How long a lock lives without renewal: the longest a crashed replica can block a case. */
  ttlMs: number;
  /** How long `withLock` waits for a case held elsewhere before it gives up with `LockTimeoutError`. */
  maxWaitMs: number;
  /** First pause between attempts; it doubles (with jitter) up to a second. */
  retryMs: number;
  keyPrefix: string;
  /** Renewal found the lock gone (expired while this replica was stalled): another one may be working too. */
  onLockLost?: (key: string) => void;
}

export interface RedisLocks extends CaseLocks {
  sweepLock: SweepLock;
  close(): Promise<void>;
}

export class LockTimeoutError extends Error {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super(`lock ${key} still held elsewhere after ${waitedMs} ms`);
    this.name = "LockTimeoutError";
  }
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const SWEEP_KEY = "sweep";
const MAX_RETRY_MS = 1_000;

const DEFAULTS: RedisLockOptions = { ttlMs: 30_000, maxWaitMs: 60_000, retryMs: 50, keyPrefix: "disclosure-desk:lock:" };

/** Loaded only when a Redis URL is given: without Redis the client is never held in memory. */
function connect(url: string): Redis {
  const { Redis: RedisClient } = createRequire(import.meta.url)("ioredis") as typeof import("ioredis");
  return new RedisClient(url, { maxRetriesPerRequest: 3 });
}

export function createRedisLocks(redis: string | Redis, options: Partial<RedisLockOptions> = {}): RedisLocks {
  const settings = { ...DEFAULTS, ...options };
  const client = typeof redis === "string" ? connect(redis) : redis;

  const tryAcquire = async (key: string, token: string) => (await client.set(key, token, "PX", settings.ttlMs, "NX")) === "OK";

  const holding = async <T>(key: string, token: string, work: () => Promise<T>): Promise<T> => {
    const renewal = setInterval(
      () => {
        client.eval(RENEW, 1, key, token, String(settings.ttlMs)).then(
          (renewed) => {
            if (renewed === 0) settings.onLockLost?.(key);
          },
          () => settings.onLockLost?.(key),
        );
      },
      Math.max(1, Math.floor(settings.ttlMs / 3)),
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await client.eval(RELEASE, 1, key, token);
    }
  };

  return {
    async withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
      const key = `${settings.keyPrefix}${name}`;
      const token = randomUUID();
      const started = Date.now();
      let pauseMs = settings.retryMs;
      while (!(await tryAcquire(key, token))) {
        const waited = Date.now() - started;
        if (waited >= settings.maxWaitMs) throw new LockTimeoutError(key, waited);
        await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs * (0.5 + Math.random()), settings.maxWaitMs - waited)));
        pauseMs = Math.min(pauseMs * 2, MAX_RETRY_MS);
      }
      return holding(key, token, work);
    },
    sweepLock: {
      async tryRun(work) {
        const key = `${settings.keyPrefix}${SWEEP_KEY}`;
        const token = randomUUID();
        if (!(await tryAcquire(key, token))) return { ran: false };
        return { ran: true, value: await holding(key, token, work) };
      },
    },
    async close() {
      if (typeof redis === "string") await client.quit();
    },
  };
}
