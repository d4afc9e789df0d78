/**
 * Serialises work on one case. Handlers for the same event run concurrently and GitHub may deliver an event more
 * than once, so every handler that can write takes the case's lock first and then looks the case up.
 * This in-process lock covers one replica; with REDIS_URL a Redis-backed lock with the same interface is used.
 */
export interface CaseLocks {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createInProcessLocks(): CaseLocks {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(work, work);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      try {
        return await run;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
