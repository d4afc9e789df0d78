import type { ConfigFileRef, RepositoryConfig } from "../config/repository-config.js";
import { createInProcessCaseIndex, type CaseIndex } from "../case/case-index.js";
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

  /** Stores an entry and returns the value of the oldest one if it had to go to keep the limit. */
  set(key: K, value: V): V | undefined {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.limit) return undefined;
    const oldest = this.entries.entries().next();
    if (oldest.done) return undefined;
    this.entries.delete(oldest.value[0]);
    return oldest.value[1];
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Every entry, least recently stored first. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries.entries();
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

export function createInProcessRecentCases(limit = 10_000): RecentCases & { readonly size: number } {
  const entries = new BoundedMap<string, number>(limit);
  return {
    recall: async (key) => entries.get(key),
    remember: async (key, issueNumber) => {
      entries.set(key, issueNumber);
    },
    get size() {
      return entries.size;
    },
  };
}

/** A repository's resolved policy with the file reads it was made from, in the order they were made. */
export interface RememberedPolicy {
  reads: { ref: ConfigFileRef; text: string | null }[];
  policy: RepositoryConfig;
}

/**
 * Acknowledgements posted to a researcher whose tracking issue is not open yet. Intake acknowledges first and then
 * opens the case with the acknowledgement already in its record; when something fails between the two, the entry
 * here lets the redelivery open the case without a second acknowledgement, and the case's opening settles it.
 *
 * It can vouch that a report has no acknowledgement only for a report submitted after it began keeping account: an
 * earlier process (or the sweep command) may have acknowledged an older report and stopped before opening its case.
 * For such a report intake looks for the acknowledgement by its marker on the advisory. With REDIS_URL the ledger
 * lives in Redis, shared by every replica and kept across restarts; otherwise in this process, from its start.
 */
export interface PendingAcknowledgements {
  /** The posted acknowledgement of a case not yet opened; "none" when the ledger can vouch there is none. */
  lookUp(caseKey: string, submittedAt: Date): Promise<{ commentId: number } | "none" | "unknown">;
  record(caseKey: string, commentId: number, at: Date): Promise<void>;
  settle(caseKey: string): Promise<void>;
}

/**
 * How far GitHub's clock (a report's `created_at`) may run ahead of this machine's before the ledger could vouch for
 * a report an earlier process acknowledged; reports submitted this close to the ledger's start are looked up.
 */
export const LEDGER_CLOCK_MARGIN_MS = 30_000;

/**
 * The ledger in this process, keeping account from `startedAt`. It holds only interrupted intakes; should more than
 * `limit` pile up, the oldest is dropped and the ledger vouches only for reports submitted after that one was recorded.
 */
export function createInProcessPendingAcknowledgements(startedAt: number, limit = 1_000): PendingAcknowledgements {
  const pending = new BoundedMap<string, { commentId: number; recordedAt: number }>(limit);
  let keptSince = startedAt;
  return {
    async lookUp(caseKey, submittedAt) {
      const entry = pending.get(caseKey);
      if (entry) return { commentId: entry.commentId };
      return submittedAt.getTime() > keptSince + LEDGER_CLOCK_MARGIN_MS ? "none" : "unknown";
    },
    async record(caseKey, commentId, at) {
      const dropped = pending.set(caseKey, { commentId, recordedAt: at.getTime() });
      if (dropped) keptSince = Math.max(keptSince, dropped.recordedAt);
    },
    async settle(caseKey) {
      pending.delete(caseKey);
    },
  };
}

export interface GatewayCache {
  /** The installation's cases by reporter and fingerprint, for reporter history and duplicates (`src/reporters`). */
  caseIndex: CaseIndex;
  /** Resolved policies by installation and repository: parsing, validating and compiling them once per file version. */
  policies: BoundedMap<string, RememberedPolicy>;
  configFiles: BoundedMap<string, { etag?: string | undefined; text: string | null; checkedAt: number }>;
  privateRepositories: BoundedMap<string, number>;
  recentCases: RecentCases;
  pendingAcknowledgements: PendingAcknowledgements;
  commentsApiUnavailableUntil: BoundedMap<number, number>;
  /** Pages of listings the sweep repeats every run, with their ETags, so an unchanged page costs a free 304. */
  listingPages: BoundedMap<string, { etag: string; items: unknown[]; next: string | undefined }>;
  /** Triage advisories reconciliation already checked, by installation and GHSA id, with the `updated_at` it saw. */
  reconciledAdvisories: BoundedMap<string, string>;
  /** Tags, refs and trees the code check read (Redis with REDIS_URL). */
  code: CodeCache;
}

/** The parts a deployment shares between replicas (Redis with REDIS_URL); each missing part is kept in this process. */
export interface SharedCacheParts {
  recentCases?: RecentCases;
  pendingAcknowledgements?: PendingAcknowledgements;
  caseIndex?: CaseIndex;
  code?: CodeCache;
}

export function createGatewayCache(shared: SharedCacheParts = {}): GatewayCache {
  return {
    recentCases: shared.recentCases ?? createInProcessRecentCases(),
    pendingAcknowledgements: shared.pendingAcknowledgements ?? createInProcessPendingAcknowledgements(Date.now()),
    caseIndex: shared.caseIndex ?? createInProcessCaseIndex(),
    code: shared.code ?? createInProcessCodeCache(),
    policies: new BoundedMap(256),
    configFiles: new BoundedMap(2_000),
    privateRepositories: new BoundedMap(2_000),
    commentsApiUnavailableUntil: new BoundedMap(10_000),
    listingPages: new BoundedMap(1_000),
    reconciledAdvisories: new BoundedMap(10_000),
  };
}
