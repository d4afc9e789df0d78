import type { CaseRecord } from "./case-record.js";
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
  cases: Map<string, IndexedCase>;
}

/** Bounded like the gateway cache: the least recently written entry (and installation) goes first. */
export function createInProcessCaseIndex(): CaseIndex {
  const installations = new Map<number, InstallationEntries>();
  const entriesOf = (installationId: number): InstallationEntries => {
    const entries = installations.get(installationId) ?? { cases: new Map() };
    installations.delete(installationId);
    installations.set(installationId, entries);
    dropOldest(installations, MAX_INSTALLATIONS);
    return entries;
  };
  return {
    builtAt: async (installationId) => installations.get(installationId)?.builtAt,
    markBuilt: async (installationId, at) => {
      entriesOf(installationId).builtAt = at.toISOString();
    },
    put: async (installationId, entry) => {
      const { cases } = entriesOf(installationId);
      const id = indexedCaseId(entry);
      cases.delete(id);
      cases.set(id, entry);
      dropOldest(cases, MAX_CASES_PER_INSTALLATION);
    },
    casesOf: async (installationId, reporter) =>
      [...(installations.get(installationId)?.cases.values() ?? [])].filter((entry) => entry.reporter === reporter).slice(0, MAX_REPORTER_CASES),
    recentCases: async (installationId) =>
      [...(installations.get(installationId)?.cases.values() ?? [])]
        .sort((left, right) => right.receivedAt.localeCompare(left.receivedAt))
        .slice(0, MAX_DUPLICATE_CANDIDATES),
  };
}

function dropOldest<K, V>(map: Map<K, V>, limit: number): void {
  while (map.size > limit) {
    const oldest = map.keys().next();
    if (oldest.done) return;
    map.delete(oldest.value);
  }
}
