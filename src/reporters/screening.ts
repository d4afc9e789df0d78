import type { CaseSecret } from "../case/trust.js";
import { encodedSignature, SIGNATURE_LENGTH, signatureOf, textSignatureOf } from "../policy/fingerprint.js";
import { MAX_DUPLICATE_CANDIDATES, type CaseIndex, type IndexedCase, type ReporterCases } from "../case/case-index.js";
import type { DuplicateMatch, PastCase, ReportScreening } from "../case/screening-view.js";
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
  const signature = textSignatureOf(input.title, input.body);
  const fingerprint = signature === undefined ? undefined : encodedSignature(signature);
  const blocked = isBlocked(input.blocked, input.identities);
  const { newest } = view.reporterCases;
  const history: PastCase[] = [];
  let invalid = 0;
  let accepted = false;
  for (let index = 0; index < newest.length; index++) {
    const entry = newest[index]!;
    if (entry.key === input.caseKey) continue;
    history.push({ reference: reference(entry), key: entry.key, outcome: entry.outcome, receivedAt: entry.receivedAt });
    if (entry.outcome === "invalid") invalid += 1;
    else if (entry.outcome === "accepted") accepted = true;
  }
  const historyTotal = view.reporterCases.total - (newest.length - history.length);
  const labels: string[] = [];
  const reasons: string[] = [];
  if (blocked) reasons.push("the reporter is on the policy's reporters.blocked list");
  if (invalid >= REPEAT_INVALID_THRESHOLD) {
    labels.push("reporter:repeat-invalid");
    reasons.push(
      historyTotal > history.length
        ? `${invalid} of the reporter's ${history.length} newest earlier reports were closed as invalid`
        : `the reporter has ${invalid} earlier reports closed as invalid`,
    );
  }
  if (accepted) {
    labels.push("reporter:known");
    reasons.push("the reporter has an earlier accepted report");
  }
  const duplicates = signature === undefined ? [] : closeMatches(signature, view.recentCases, input.caseKey, now);
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
 * decoded once per indexed case, one small object each, and allocates nothing per candidate; it gives up on a
 * candidate as soon as it has more differing positions than a score that would be shown allows, first by its block
 * summary, then position by position.
 */
function closeMatches(signature: Uint32Array, candidates: IndexedCase[], ownKey: string, now: Date): DuplicateMatch[] {
  // Of the report's own facts only the block summary is read.
  const report = comparisonFactsFrom(signature, true, 0);
  const since = now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000;
  const best: { entry: IndexedCase; equal: number }[] = [];
  const previous = lastRead;
  const current = spareRead;
  let followed = 0;
  for (let index = 0; index < candidates.length; index++) {
    const entry = candidates[index]!;
    let facts: ComparisonFacts;
    if (previous.entries[followed] === entry) facts = previous.facts[followed++]!;
    else if (previous.entries[followed + 1] === entry) {
      facts = previous.facts[followed + 1]!;
      followed += 2;
    } else facts = comparisonFactsOf(entry);
    current.entries[index] = entry;
    current.facts[index] = facts;
    if (facts.signature === undefined || (!facts.open && !(facts.receivedAtMs >= since))) continue;
    // Once SHOWN_MATCHES are held, only a strictly higher score displaces one: an earlier candidate wins a tie.
    const fewestEqual = best.length < SHOWN_MATCHES ? MIN_EQUAL_POSITIONS : best[SHOWN_MATCHES - 1]!.equal + 1;
    const mostDiffering = SIGNATURE_LENGTH - fewestEqual;
    if (differingBlocks(report, facts) > mostDiffering) continue;
    const differing = differingPositions(signature, facts.signature, mostDiffering);
    if (differing > mostDiffering || entry.key === ownKey) continue;
    const equal = SIGNATURE_LENGTH - differing;
    let position = best.length;
    while (position > 0 && best[position - 1]!.equal < equal) position -= 1;
    best.splice(position, 0, { entry, equal });
    if (best.length > SHOWN_MATCHES) best.pop();
    if (best.length === SHOWN_MATCHES && best[SHOWN_MATCHES - 1]!.equal === SIGNATURE_LENGTH) break;
  }
  lastRead = current;
  spareRead = previous;
  return best.map(({ entry, equal }) => ({ reference: reference(entry), key: entry.key, score: equal / SIGNATURE_LENGTH }));
}

/** The fewest equal signature positions whose estimated similarity reaches `POSSIBLE_DUPLICATE_SIMILARITY`. */
const MIN_EQUAL_POSITIONS = Math.ceil(POSSIBLE_DUPLICATE_SIMILARITY * SIGNATURE_LENGTH);

/**
 * How many positions two signatures differ in, counted until more than `mostDiffering` do. Counted eight positions at
 * a time without a branch per position, which is what V8 runs fastest; the limit is checked after each eight.
 */
function differingPositions(left: Uint32Array, right: Uint32Array, mostDiffering: number): number {
  let differing = 0;
  for (let at = 0; at < SIGNATURE_LENGTH && differing <= mostDiffering; at += 8) {
    differing +=
      Number(left[at] !== right[at]) +
      Number(left[at + 1] !== right[at + 1]) +
      Number(left[at + 2] !== right[at + 2]) +
      Number(left[at + 3] !== right[at + 3]) +
      Number(left[at + 4] !== right[at + 4]) +
      Number(left[at + 5] !== right[at + 5]) +
      Number(left[at + 6] !== right[at + 6]) +
      Number(left[at + 7] !== right[at + 7]);
  }
  return differing;
}

/**
 * What the comparison reads of an indexed case. The block summary is a one-byte hash of each block of four signature
 * positions, four blocks to a word: equal blocks have equal hashes, so each block whose hashes differ holds at least one
 * differing position. Counting those bounds the differing positions from below without reading the signature: a
 * near-copy differs in a few positions spread over several blocks, which is often more than the third match allows.
 * Kept in the object itself: each intake goes through thousands of these, and one object is one read from memory.
 */
interface ComparisonFacts {
  signature: Uint32Array | undefined;
  blocks0: number;
  blocks1: number;
  blocks2: number;
  blocks3: number;
  open: boolean;
  receivedAtMs: number;
}

const BLOCK_POSITIONS = 4;

function comparisonFactsFrom(signature: Uint32Array | undefined, open: boolean, receivedAtMs: number): ComparisonFacts {
  const words = [0, 0, 0, 0];
  if (signature !== undefined) {
    for (let block = 0; block < SIGNATURE_LENGTH / BLOCK_POSITIONS; block++) {
      let hash = 0;
      for (let at = block * BLOCK_POSITIONS; at < (block + 1) * BLOCK_POSITIONS; at++) hash = Math.imul(hash ^ signature[at]!, 0x01000193);
      words[block >> 2]! |= (hash >>> 24) << ((block & 3) * 8);
    }
  }
  return { signature, blocks0: words[0]!, blocks1: words[1]!, blocks2: words[2]!, blocks3: words[3]!, open, receivedAtMs };
}

function differingBlocks(left: ComparisonFacts, right: ComparisonFacts): number {
  return (
    differingBytes(left.blocks0 ^ right.blocks0) +
    differingBytes(left.blocks1 ^ right.blocks1) +
    differingBytes(left.blocks2 ^ right.blocks2) +
    differingBytes(left.blocks3 ^ right.blocks3)
  );
}

/** How many of the four bytes of `bits` are not zero: a byte's top bit is set after adding 0x7f to its low seven, or set already. */
function differingBytes(bits: number): number {
  const nonZero = (((bits & 0x7f7f7f7f) + 0x7f7f7f7f) | bits) & 0x80808080;
  return Math.imul(nonZero >>> 7, 0x01010101) >>> 24;
}

/**
 * Decoded once per indexed case (the index never changes one in place: it writes a new one). Each intake reads nearly
 * the same newest cases as the one before, in the order they arrived, so the first decoded are the first to leave the
 * comparison window: dropping the oldest insertion bounds the memo without reordering it on each of its thousands of
 * reads per intake.
 */
const comparisonFacts = new Map<IndexedCase, ComparisonFacts>();
const COMPARISON_FACTS_KEPT = 2 * MAX_DUPLICATE_CANDIDATES;

/**
 * The candidates the last comparison read with their facts, at the same places. The next intake reads nearly the same
 * cases in the same order (the new case before them, the oldest gone), so following them finds most facts without a
 * look-up; a case written again or dropped meanwhile is looked up in the memo. An entry and its facts are always
 * written together, so a place left from an earlier comparison still pairs them rightly. Two pairs of arrays, reused,
 * as long as the longest list of candidates read.
 */
interface ReadCandidates {
  entries: IndexedCase[];
  facts: ComparisonFacts[];
}
let lastRead: ReadCandidates = { entries: [], facts: [] };
let spareRead: ReadCandidates = { entries: [], facts: [] };

function comparisonFactsOf(entry: IndexedCase): ComparisonFacts {
  let facts = comparisonFacts.get(entry);
  if (facts === undefined) {
    const signature = entry.fingerprint === undefined ? undefined : signatureOf(entry.fingerprint);
    facts = comparisonFactsFrom(signature, entry.outcome === "open", Date.parse(entry.receivedAt));
    comparisonFacts.set(entry, facts);
    if (comparisonFacts.size > COMPARISON_FACTS_KEPT) comparisonFacts.delete(comparisonFacts.keys().next().value as IndexedCase);
  }
  return facts;
}

function reference(entry: IndexedCase): string {
  return `${entry.tracking}#${entry.number}`;
}
