/**
 * What the code check remembers between reports: a repository's tag names (briefly: tags are added), which tree a
 * ref points at (briefly for the default branch, which moves; longer for a tag) and trees by their SHA (a SHA
 * names its content for ever). Every replica must share it: with REDIS_URL it lives in Redis, otherwise in this
 * process, bounded in entries and in characters.
 */
export interface CodeCache {
  recall(key: string): Promise<string | undefined>;
  remember(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** Larger values (the trees of huge repositories) are used for the report at hand but not kept. */
export const MAX_CACHED_VALUE_CHARS = 2_000_000;

export function createInProcessCodeCache(
  limits: { entries: number; chars: number } = { entries: 1_000, chars: 20_000_000 },
  now: () => number = Date.now,
): CodeCache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let chars = 0;
  const drop = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    chars -= entry.value.length;
    entries.delete(key);
  };
  return {
    async recall(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        drop(key);
        return undefined;
      }
      return entry.value;
    },
    async remember(key, value, ttlSeconds) {
      if (value.length > MAX_CACHED_VALUE_CHARS) return;
      drop(key);
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1_000 });
      chars += value.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= limits.entries && chars <= limits.chars) break;
        drop(oldest);
      }
    },
  };
}
