import { createInProcessCaseIndex, type CaseIndex } from "../reporters/case-index.js";
import { createInProcessCodeCache, type CodeCache } from "./code-cache.js";

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

/**
 * Cases opened in the last hour, by `owner/repo#key`. GitHub's search index lags behind issue creation by seconds,
 * so a second delivery of the same report must find the new case here. Every replica must see the same index: with
 * REDIS_URL it lives in Redis, otherwise in this process.
 */
export interface RecentCases {
  recall(key: string): Promise<number | undefined>;
  remember(key: string, issueNumber: number): Promise<void>;
}

/** The index's key of a case: the tracking repository and the case key, lower case. */
export function recentCaseKey(repository: { owner: string; repo: string }, caseKey: string): string {
  return `${repository.owner}/${repository.repo}#${caseKey}`.toLowerCase();
}

export function createInProcessRecentCases(limit = 10_000): RecentCases {
  const entries = new BoundedMap<string, number>(limit);
  return {
    recall: async (key) => entries.get(key),
    remember: async (key, issueNumber) => entries.set(key, issueNumber),
  };
}

export interface GatewayCache {
  /** The installation's cases by reporter and fingerprint, for reporter history and duplicates (`src/reporters`). */
  caseIndex: CaseIndex;
  configFiles: BoundedMap<string, { etag?: string | undefined; text: string | null; checkedAt: number }>;
  privateRepositories: BoundedMap<string, number>;
  recentCases: RecentCases;
  commentsApiUnavailableUntil: BoundedMap<number, number>;
  /** Pages of listings the sweep repeats every run, with their ETags, so an unchanged page costs a free 304. */
  listingPages: BoundedMap<string, { etag: string; items: unknown[]; next: string | undefined }>;
  /** Triage advisories reconciliation already checked, by installation and GHSA id, with the `updated_at` it saw. */
  reconciledAdvisories: BoundedMap<string, string>;
  /** Tags, refs and trees the code check read (Redis with REDIS_URL). */
  code: CodeCache;
}

export function createGatewayCache(
  recentCases: RecentCases = createInProcessRecentCases(),
  caseIndex: CaseIndex = createInProcessCaseIndex(),
  code: CodeCache = createInProcessCodeCache(),
): GatewayCache {
  return {
    caseIndex,
    configFiles: new BoundedMap(2_000),
    privateRepositories: new BoundedMap(2_000),
    recentCases,
    commentsApiUnavailableUntil: new BoundedMap(10_000),
    listingPages: new BoundedMap(1_000),
    reconciledAdvisories: new BoundedMap(10_000),
    code,
  };
}
