import { compareInstants, type CaseRecord } from "./case-record.js";
import { outcomeOf, type CaseOutcome } from "./case-outcome.js";

/**
 * The installation's cases as the reporter history and the duplicate check read them, so that intake asks GitHub
 * nothing for either: who reported (a keyed hash), what became of it, and the text fingerprint. It holds ids, hashes
 * and outcomes — never report text or addresses. The sweep fills it from sealed cases only (`readTrustedCase`);
 * intake and commands update the case they just wrote. With REDIS_URL it lives in Redis (`redis-case-index.ts`),
 * otherwise in this process, bounded.
 */

export interface IndexedCase {
  /** The tracking repository, lower case `owner/name`. */
  tracking: string;
  number: number;
  key: string;
  reporter?: string;
  outcome: CaseOutcome;
  receivedAt: string;
  fingerprint?: string;
}

export interface CaseIndex {
  /** When the sweep last built the installation's index; `undefined`: not yet, so history may be incomplete. */
  builtAt(installationId: number): Promise<string | undefined>;
  markBuilt(installationId: number, at: Date): Promise<void>;
  put(installationId: number, entry: IndexedCase): Promise<void>;
  /** The reporter's newest cases, at most `MAX_REPORTER_CASES`, newest first, and how many the index holds. */
  casesOf(installationId: number, reporter: string): Promise<ReporterCases>;
  /** The newest cases, at most `MAX_DUPLICATE_CANDIDATES`: what a new report is compared with. */
  recentCases(installationId: number): Promise<IndexedCase[]>;
}

export interface ReporterCases {
  /** Newest first: a tracking issue lists them in this order. */
  newest: IndexedCase[];
  total: number;
}

export const MAX_REPORTER_CASES = 200;
export const MAX_DUPLICATE_CANDIDATES = 2_000;
const MAX_CASES_PER_INSTALLATION = 20_000;
/** All installations together: what bounds the in-process index's memory (about 40 MB at most). */
const MAX_INDEXED_CASES = 50_000;
const MAX_INSTALLATIONS = 1_000;

/** The index entry of a sealed case the app holds in `tracking` as issue `number`. */
export function indexedCase(tracking: string, number: number, record: CaseRecord): IndexedCase {
  return {
    tracking: tracking.toLowerCase(),
    number,
    key: record.key,
    ...(record.reporter === undefined ? {} : { reporter: record.reporter }),
    outcome: outcomeOf(record),
    receivedAt: record.receivedAt,
    ...(record.fingerprint === undefined ? {} : { fingerprint: record.fingerprint }),
  };
}

export function indexedCaseId(entry: Pick<IndexedCase, "tracking" | "number">): string {
  return `${entry.tracking}#${entry.number}`;
}

interface InstallationEntries {
  builtAt?: string;
  /** By id, least recently written first. */
  cases: Map<string, IndexedCase>;
  byReporter: Map<string, ReporterEntries>;
  /** The newest cases in `recentCases` order, or undefined until asked for again after one left them. */
  newest: IndexedCase[] | undefined;
}

interface ReporterEntries {
  ids: Set<string>;
  /** The reporter's newest cases in `casesOf` order, or undefined until asked for again after one left them. */
  newest: IndexedCase[] | undefined;
}

/** Newest first; between cases received at the same time, the earlier written first. */
const newestFirst = (left: IndexedCase, right: IndexedCase) => compareInstants(right.receivedAt, left.receivedAt);

/**
 * Bounded like the gateway cache: the least recently written entry (and installation) goes first. Every intake reads
 * the reporter's cases and the newest cases, so both are kept up to date on each write instead of being found by
 * going through every case of the installation on each read.
 */
export function createInProcessCaseIndex(
  limits = { casesPerInstallation: MAX_CASES_PER_INSTALLATION, cases: MAX_INDEXED_CASES },
): CaseIndex {
  const installations = new Map<number, InstallationEntries>();
  let indexed = 0;
  const entriesOf = (installationId: number): InstallationEntries => {
    const entries = installations.get(installationId) ?? { cases: new Map(), byReporter: new Map(), newest: [] };
    installations.delete(installationId);
    installations.set(installationId, entries);
    while (installations.size > MAX_INSTALLATIONS) {
      const [oldest, dropped] = installations.entries().next().value as [number, InstallationEntries];
      installations.delete(oldest);
      indexed -= dropped.cases.size;
    }
    return entries;
  };
  /** The oldest written case of the least recently written installation that has any. */
  const forgetOldestCase = (): boolean => {
    for (const entries of installations.values()) {
      const oldest = entries.cases.keys().next();
      if (oldest.done || !forget(entries, oldest.value)) continue;
      indexed -= 1;
      return true;
    }
    return false;
  };
  return {
    builtAt: async (installationId) => installations.get(installationId)?.builtAt,
    markBuilt: async (installationId, at) => {
      entriesOf(installationId).builtAt = at.toISOString();
    },
    put: async (installationId, entry) => {
      const entries = entriesOf(installationId);
      const id = indexedCaseId(entry);
      if (forget(entries, id)) indexed -= 1;
      entries.cases.set(id, entry);
      indexed += 1;
      if (entry.reporter !== undefined) {
        const reporterEntries = entries.byReporter.get(entry.reporter) ?? { ids: new Set<string>(), newest: [] };
        reporterEntries.ids.add(id);
        if (reporterEntries.newest) insertNewest(reporterEntries.newest, entry, MAX_REPORTER_CASES);
        entries.byReporter.set(entry.reporter, reporterEntries);
      }
      if (entries.newest) insertNewest(entries.newest, entry, MAX_DUPLICATE_CANDIDATES);
      while (entries.cases.size > limits.casesPerInstallation && forget(entries, entries.cases.keys().next().value as string)) indexed -= 1;
      while (indexed > limits.cases && forgetOldestCase());
    },
    casesOf: async (installationId, reporter) => {
      const entries = installations.get(installationId);
      const reporterEntries = entries?.byReporter.get(reporter);
      if (!entries || !reporterEntries) return { newest: [], total: 0 };
      reporterEntries.newest ??= [...reporterEntries.ids]
        .map((id) => entries.cases.get(id)!)
        .sort(newestFirst)
        .slice(0, MAX_REPORTER_CASES);
      return { newest: [...reporterEntries.newest], total: reporterEntries.ids.size };
    },
    recentCases: async (installationId) => {
      const entries = installations.get(installationId);
      if (!entries) return [];
      entries.newest ??= [...entries.cases.values()].sort(newestFirst).slice(0, MAX_DUPLICATE_CANDIDATES);
      return [...entries.newest];
    },
  };
}

/**
 * Takes a case out of the index, saying whether it was there; when it was among the newest, the next one in line is
 * found on the next read.
 */
function forget(entries: InstallationEntries, id: string): boolean {
  const entry = entries.cases.get(id);
  if (!entry) return false;
  entries.cases.delete(id);
  if (entry.reporter !== undefined) {
    const reporterEntries = entries.byReporter.get(entry.reporter);
    reporterEntries?.ids.delete(id);
    if (reporterEntries?.ids.size === 0) entries.byReporter.delete(entry.reporter);
    else if (reporterEntries?.newest?.includes(entry)) reporterEntries.newest = undefined;
  }
  if (entries.newest?.includes(entry)) entries.newest = undefined;
  return true;
}

/** Places a just-written case among the newest (after those received at the same time), keeping at most `limit`. */
function insertNewest(newest: IndexedCase[], entry: IndexedCase, limit: number): void {
  let low = 0;
  let high = newest.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(newest[middle]!, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  if (low >= limit) return;
  newest.splice(low, 0, entry);
  if (newest.length > limit) newest.pop();
}
