import type { CaseSecret } from "../case/trust.js";
import { fingerprintOf, SIGNATURE_LENGTH, signatureOf } from "../policy/fingerprint.js";
import { MAX_DUPLICATE_CANDIDATES, type CaseIndex, type IndexedCase, type ReporterCases } from "../case/case-index.js";
import type { DuplicateMatch, ReportScreening } from "../case/screening-view.js";
import { isBlocked, reporterKey } from "./reporter-key.js";

/**
 * What the installation already knows about a new report, read from the case index only (no GitHub call): whether
 * its reporter is blocked, their earlier cases and what became of them, and the open or recent cases its text is
 * close to. Planning from it is pure (`screenReport`); `gatherScreening` does the index reads.
 */

/** Two or more earlier reports closed as junk make a repeat reporter of junk. */
export const REPEAT_INVALID_THRESHOLD = 2;
/** From this estimated similarity of fingerprints a report is labelled a possible duplicate. */
export const POSSIBLE_DUPLICATE_SIMILARITY = 0.6;
/** Cases closed longer ago than this are not compared with a new report (open ones always are). */
export const DUPLICATE_WINDOW_DAYS = 180;
const SHOWN_MATCHES = 3;

export interface ScreeningInput {
  /** The reporter's login or e-mail addresses, as the blocked list is checked against them. */
  identities: string[];
  /** The identity their history is kept under; absent when it cannot be believed (an unverified e-mail sender). */
  keyedIdentity?: string;
  title: string;
  body: string;
  /** The case's own key: a redelivery does not find its own case. */
  caseKey: string;
  blocked: readonly string[];
}

export interface IndexView {
  builtAt: string | undefined;
  reporterCases: ReporterCases;
  recentCases: IndexedCase[];
}

export async function gatherScreening(
  index: CaseIndex,
  installationId: number,
  secret: CaseSecret,
  input: ScreeningInput,
  now: Date,
): Promise<ReportScreening> {
  const reporter = input.keyedIdentity === undefined ? undefined : reporterKey(secret, input.keyedIdentity);
  const [builtAt, reporterCases, recentCases] = await Promise.all([
    index.builtAt(installationId),
    reporter === undefined ? Promise.resolve({ newest: [], total: 0 }) : index.casesOf(installationId, reporter),
    index.recentCases(installationId),
  ]);
  return screenReport(input, { builtAt, reporterCases, recentCases }, reporter, now);
}

export function screenReport(input: ScreeningInput, view: IndexView, reporter: string | undefined, now: Date): ReportScreening {
  const fingerprint = fingerprintOf(input.title, input.body);
  const blocked = isBlocked(input.blocked, input.identities);
  const others = (cases: IndexedCase[]) => cases.filter((entry) => entry.key !== input.caseKey);
  const reporterCases = others(view.reporterCases.newest);
  const historyTotal = view.reporterCases.total - (view.reporterCases.newest.length - reporterCases.length);
  const history = reporterCases.map((entry) => ({
    reference: reference(entry),
    key: entry.key,
    outcome: entry.outcome,
    receivedAt: entry.receivedAt,
  }));
  const labels: string[] = [];
  const reasons: string[] = [];
  if (blocked) reasons.push("the reporter is on the policy's reporters.blocked list");
  const invalid = history.filter((entry) => entry.outcome === "invalid").length;
  if (invalid >= REPEAT_INVALID_THRESHOLD) {
    labels.push("reporter:repeat-invalid");
    reasons.push(
      historyTotal > history.length
        ? `${invalid} of the reporter's ${history.length} newest earlier reports were closed as invalid`
        : `the reporter has ${invalid} earlier reports closed as invalid`,
    );
  }
  if (history.some((entry) => entry.outcome === "accepted")) {
    labels.push("reporter:known");
    reasons.push("the reporter has an earlier accepted report");
  }
  const duplicates = fingerprint === undefined ? [] : closeMatches(fingerprint, view.recentCases, input.caseKey, now);
  if (duplicates.length > 0) {
    labels.push("possible-duplicate");
    reasons.push(
      ...duplicates.map((match) => `possible duplicate of ${match.reference} (${match.key}), similarity ${match.score.toFixed(2)}`),
    );
  }
  return {
    ...(reporter === undefined ? {} : { reporter }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
    blocked,
    history,
    historyTotal,
    historyComplete: view.builtAt !== undefined,
    duplicates,
    labels,
    reasons,
  };
}

/**
 * The closest matches among the other cases, best first (the earlier candidate first between equal scores), without
 * ranking the rest. Every intake compares with up to `MAX_DUPLICATE_CANDIDATES` cases, so the loop reads facts
 * decoded once per indexed case and allocates nothing per candidate, and stops comparing a candidate as soon as it
 * has more differing positions than a score that would be shown allows.
 */
function closeMatches(fingerprint: string, candidates: IndexedCase[], ownKey: string, now: Date): DuplicateMatch[] {
  const signature = signatureOf(fingerprint);
  if (signature === undefined) return [];
  const since = now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000;
  const best: { entry: IndexedCase; equal: number }[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const entry = candidates[index]!;
    if (entry.key === ownKey) continue;
    const facts = comparisonFactsOf(entry);
    if (facts.signature === undefined || (entry.outcome !== "open" && !(facts.receivedAtMs >= since))) continue;
    // Once SHOWN_MATCHES are held, only a strictly higher score displaces one: an earlier candidate wins a tie.
    const fewestEqual = best.length < SHOWN_MATCHES ? MIN_EQUAL_POSITIONS : best[SHOWN_MATCHES - 1]!.equal + 1;
    const equal = equalPositions(signature, facts.signature, SIGNATURE_LENGTH - fewestEqual);
    if (equal < fewestEqual) continue;
    let position = best.length;
    while (position > 0 && best[position - 1]!.equal < equal) position -= 1;
    best.splice(position, 0, { entry, equal });
    if (best.length > SHOWN_MATCHES) best.pop();
    if (best.length === SHOWN_MATCHES && best[SHOWN_MATCHES - 1]!.equal === SIGNATURE_LENGTH) break;
  }
  return best.map(({ entry, equal }) => ({ reference: reference(entry), key: entry.key, score: equal / SIGNATURE_LENGTH }));
}

/** The fewest equal signature positions whose estimated similarity reaches `POSSIBLE_DUPLICATE_SIMILARITY`. */
const MIN_EQUAL_POSITIONS = Math.ceil(POSSIBLE_DUPLICATE_SIMILARITY * SIGNATURE_LENGTH);

/**
 * How many positions two signatures share; -1 once more than `mostDiffering` positions differ. Counted eight positions
 * at a time without a branch per position, which is what V8 runs fastest; the limit is checked after each eight.
 */
function equalPositions(left: Uint32Array, right: Uint32Array, mostDiffering: number): number {
  let differing = 0;
  for (let at = 0; at < SIGNATURE_LENGTH; at += 8) {
    differing +=
      Number(left[at] !== right[at]) +
      Number(left[at + 1] !== right[at + 1]) +
      Number(left[at + 2] !== right[at + 2]) +
      Number(left[at + 3] !== right[at + 3]) +
      Number(left[at + 4] !== right[at + 4]) +
      Number(left[at + 5] !== right[at + 5]) +
      Number(left[at + 6] !== right[at + 6]) +
      Number(left[at + 7] !== right[at + 7]);
    if (differing > mostDiffering) return -1;
  }
  return SIGNATURE_LENGTH - differing;
}

interface ComparisonFacts {
  signature: Uint32Array | undefined;
  receivedAtMs: number;
}

/**
 * Decoded once per indexed case. Each intake reads nearly the same newest cases as the one before, in the order they
 * arrived, so the first decoded are the first to leave the comparison window: dropping the oldest insertion bounds
 * the memo without reordering it on each of its thousands of reads per intake.
 */
const comparisonFacts = new Map<IndexedCase, ComparisonFacts>();
const COMPARISON_FACTS_KEPT = 2 * MAX_DUPLICATE_CANDIDATES;

function comparisonFactsOf(entry: IndexedCase): ComparisonFacts {
  let facts = comparisonFacts.get(entry);
  if (facts === undefined) {
    facts = {
      signature: entry.fingerprint === undefined ? undefined : signatureOf(entry.fingerprint),
      receivedAtMs: Date.parse(entry.receivedAt),
    };
    comparisonFacts.set(entry, facts);
    if (comparisonFacts.size > COMPARISON_FACTS_KEPT) comparisonFacts.delete(comparisonFacts.keys().next().value as IndexedCase);
  }
  return facts;
}

function reference(entry: IndexedCase): string {
  return `${entry.tracking}#${entry.number}`;
}
