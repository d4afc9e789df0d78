/**
 * Process-wide memory shared by every gateway: config files with their ETags, repositories known to be private,
 * recently opened cases (GitHub's search lags behind issue creation) and installations whose advisory comments API
 * did not answer. Each map is bounded; the oldest entry goes first.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface GatewayCache {
  configFiles: BoundedMap<string, { etag?: string | undefined; text: string | null; checkedAt: number }>;
  privateRepositories: BoundedMap<string, number>;
  recentCases: BoundedMap<string, number>;
  commentsApiUnavailableUntil: BoundedMap<number, number>;
  /** Pages of listings the sweep repeats every run, with their ETags, so an unchanged page costs a free 304. */
  listingPages: BoundedMap<string, { etag: string; items: unknown[]; next: string | undefined }>;
  /** Triage advisories reconciliation already checked, by installation and GHSA id, with the `updated_at` it saw. */
  reconciledAdvisories: BoundedMap<string, string>;
}

export function createGatewayCache(): GatewayCache {
  return {
    configFiles: new BoundedMap(2_000),
    privateRepositories: new BoundedMap(2_000),
    recentCases: new BoundedMap(10_000),
    commentsApiUnavailableUntil: new BoundedMap(10_000),
    listingPages: new BoundedMap(1_000),
    reconciledAdvisories: new BoundedMap(10_000),
  };
}
