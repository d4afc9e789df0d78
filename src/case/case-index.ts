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
  /** The reporter's cases, at most `MAX_REPORTER_CASES`, in no particular order. */
  casesOf(installationId: number, reporter: string): Promise<IndexedCase[]>;
  /** The newest cases, at most `MAX_DUPLICATE_CANDIDATES`: what a new report is compared with. */
  recentCases(installationId: number): Promise<IndexedCase[]>;
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
  /** Each reporter's case ids, in the order of `cases`. */
  byReporter: Map<string, Set<string>>;
  /** The newest cases in `recentCases` order, or undefined until asked for again after one left them. */
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
        const ids = entries.byReporter.get(entry.reporter) ?? new Set<string>();
        ids.add(id);
        entries.byReporter.set(entry.reporter, ids);
      }
      if (entries.newest) insertNewest(entries.newest, entry);
      while (entries.cases.size > limits.casesPerInstallation && forget(entries, entries.cases.keys().next().value as string)) indexed -= 1;
      while (indexed > limits.cases && forgetOldestCase());
    },
    casesOf: async (installationId, reporter) => {
      const entries = installations.get(installationId);
      const cases: IndexedCase[] = [];
      for (const id of entries?.byReporter.get(reporter) ?? []) {
        if (cases.length === MAX_REPORTER_CASES) break;
        cases.push(entries!.cases.get(id)!);
      }
      return cases;
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
    const ids = entries.byReporter.get(entry.reporter);
    ids?.delete(id);
    if (ids?.size === 0) entries.byReporter.delete(entry.reporter);
  }
  if (entries.newest?.includes(entry)) entries.newest = undefined;
  return true;
}

/** Places a just-written case among the newest (after those received at the same time), keeping at most the limit. */
function insertNewest(newest: IndexedCase[], entry: IndexedCase): void {
  let low = 0;
  let high = newest.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(newest[middle]!, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  if (low >= MAX_DUPLICATE_CANDIDATES) return;
  newest.splice(low, 0, entry);
  if (newest.length > MAX_DUPLICATE_CANDIDATES) newest.pop();
}
