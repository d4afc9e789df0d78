import type { DisclosureConfig } from "../config/schema.js";
import { classify, defaultClassifyPolicy } from "./classify.js";
import { compilePolicy, triageWith } from "./triage.js";

/**
 * Accuracy of containment and triage on labelled sets (data/README.md): the figures `npm run eval` prints and the
 * regression test holds. Pure: the caller reads the items.
 */

export interface ContainmentItem {
  id: string;
  source: string;
  title: string;
  body: string;
  label: "disclosure" | "hard-negative" | "plain" | "ambiguous";
}

export interface Rate {
  count: number;
  of: number;
  rate: number;
}

export interface ContainmentFigures {
  /** Public disclosures contained, over all sources and per source. */
  disclosures: Rate;
  disclosuresBySource: Record<string, Rate>;
  /** Security discussions, scanner output, dependency CVEs and the like that were contained anyway. */
  hardNegatives: Rate;
  plain: Rate;
  /** Ids of the plain issues contained, for the report. */
  plainFlagged: string[];
  /** What other values of `containment.threshold` would contain of the same items (`THRESHOLDS_SHOWN`). */
  byThreshold: ThresholdFigures[];
  /** At the lowest threshold that contains no plain issue; undefined when no other item is above every plain issue. */
  noPlainContained?: ThresholdFigures;
  /** At the highest threshold that still contains 95 % of the disclosures, the share the accuracy goal asks for. */
  goalDisclosuresContained?: ThresholdFigures;
}

/** An item is contained when the classifier's confidence is at least `containment.threshold` (`defaultClassifyPolicy`'s by default). */
export interface ThresholdFigures {
  threshold: number;
  disclosures: Rate;
  hardNegatives: Rate;
  plain: Rate;
}

/** Thresholds an organisation may set, shown with the default so that what a stricter or looser one trades is known. */
export const THRESHOLDS_SHOWN: readonly number[] = [...new Set([0.5, defaultClassifyPolicy.threshold, 0.7, 0.8, 0.9, 0.95])].sort(
  (a, b) => a - b,
);

/** The share of public disclosures the accuracy goal asks containment to catch. */
export const GOAL_DISCLOSURES_CONTAINED = 0.95;

export interface ScoredItem {
  label: ContainmentItem["label"];
  confidence: number;
}

export function containmentFigures(items: readonly ContainmentItem[]): ContainmentFigures {
  const scored = items
    .filter((item) => item.label !== "ambiguous")
    .map((item) => {
      const { vulnerabilityReport, confidence } = classify(item);
      return { item, label: item.label, confidence, contained: vulnerabilityReport };
    });
  const disclosures = scored.filter(({ item }) => item.label === "disclosure");
  const bySource: Record<string, Rate> = {};
  for (const source of [...new Set(disclosures.map(({ item }) => item.source))].sort()) {
    bySource[source] = rate(disclosures.filter(({ item }) => item.source === source).map(({ contained }) => contained));
  }
  const plain = scored.filter(({ item }) => item.label === "plain");
  return {
    disclosures: rate(disclosures.map(({ contained }) => contained)),
    disclosuresBySource: bySource,
    hardNegatives: rate(scored.filter(({ item }) => item.label === "hard-negative").map(({ contained }) => contained)),
    plain: rate(plain.map(({ contained }) => contained)),
    plainFlagged: plain.filter(({ contained }) => contained).map(({ item }) => item.id),
    ...thresholdTradeOffs(scored),
  };
}

/** What the same scored items give at the thresholds shown, and at the two thresholds where a goal is just met. */
export function thresholdTradeOffs(
  scored: readonly ScoredItem[],
): Pick<ContainmentFigures, "byThreshold" | "noPlainContained" | "goalDisclosuresContained"> {
  const plain = confidencesOf(scored, "plain");
  const noPlain =
    plain.length === 0
      ? undefined
      : lowestThresholdAbove(
          scored,
          plain.reduce((most, confidence) => Math.max(most, confidence)),
        );
  const goal = thresholdContaining(confidencesOf(scored, "disclosure"), GOAL_DISCLOSURES_CONTAINED);
  return {
    byThreshold: THRESHOLDS_SHOWN.map((threshold) => figuresAt(scored, threshold)),
    ...(noPlain === undefined ? {} : { noPlainContained: figuresAt(scored, noPlain) }),
    ...(goal === undefined ? {} : { goalDisclosuresContained: figuresAt(scored, goal) }),
  };
}

function figuresAt(scored: readonly ScoredItem[], threshold: number): ThresholdFigures {
  const contained = (label: ContainmentItem["label"]) =>
    rate(scored.filter((item) => item.label === label).map((item) => item.confidence >= threshold));
  return { threshold, disclosures: contained("disclosure"), hardNegatives: contained("hard-negative"), plain: contained("plain") };
}

/** The least confidence of an item above `floor`: as a threshold, it contains every item above the floor and none at or under it. */
function lowestThresholdAbove(scored: readonly ScoredItem[], floor: number): number | undefined {
  let lowest: number | undefined;
  for (const { confidence } of scored) if (confidence > floor && (lowest === undefined || confidence < lowest)) lowest = confidence;
  return lowest;
}

/** The highest threshold at which at least `share` of these confidences are contained. */
function thresholdContaining(confidences: readonly number[], share: number): number | undefined {
  if (confidences.length === 0) return undefined;
  const needed = Math.ceil(share * confidences.length);
  return [...confidences].sort((a, b) => b - a)[needed - 1];
}

function confidencesOf(scored: readonly ScoredItem[], label: ContainmentItem["label"]): number[] {
  return scored.filter((item) => item.label === label).map((item) => item.confidence);
}

export interface TriageItem {
  id: string;
  title: string;
  body: string;
  category: string;
  /** A catalog exception the report clearly shows (a session cookie, a sensitive action framed): see LABELLING.md. */
  exception?: string;
}

/**
 * The reports as their titles alone, as a report's headline reads on a list or in an inbox: the body dropped, and the
 * reports whose label rests on an exception left out, since the body is where an exception is shown.
 */
export function titlesAlone<T extends TriageItem>(items: readonly T[]): T[] {
  return items.filter((item) => item.exception === undefined).map((item) => ({ ...item, body: "" }));
}

/**
 * What a category of finding is under a policy: a vulnerability, an exclusion the policy may list, or unclear. An
 * exclusion category may be covered by more than one catalog id (TLS versions are both `tls-configuration` and
 * `server-configuration`): a policy excludes it when it lists any of them.
 */
export type CategoryKinds = Record<
  string,
  { kind: "vulnerability" | "exclusion" | "ambiguous"; exclusion?: string; alsoExcludedAs?: readonly string[] }
>;

export interface PrecisionRecall {
  /** Reports the policy excludes for this id. */
  expected: number;
  /** Reports triage suggested excluding for this id (strongest suggestion). */
  suggested: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface TriageFigures {
  /** Unambiguous reports: a vulnerability class, or a finding the policy's exclusions name. */
  unambiguous: number;
  right: Rate;
  /** Reports the policy keeps in scope that triage suggested excluding. */
  wronglyExcluded: Rate;
  /** Of those, reports of a clear vulnerability class (injection, XSS, RCE, traversal, access control, ...). */
  clearVulnerabilitiesExcluded: Rate;
  /** Per exclusion id the policy lists, whether it is suggested where it should be. */
  perExclusion: Record<string, PrecisionRecall>;
  /** Per category: how often its reports were triaged right. */
  perCategory: Record<string, Rate>;
  wronglyExcludedIds: string[];
}

/**
 * Right means: a report the policy keeps in scope gets no exclusion suggested; a report the policy excludes gets
 * one of the exclusions that name it as its strongest suggestion. A policy keeps a report of an exclusion category
 * in scope when it lists none of the category's ids, or when the exception the report shows is one the policy's
 * exclusion makes. An id the policy narrows with patterns of its own (Openworx's content spoofing, only on error
 * pages) no longer names the whole category, so it does not count as listing it.
 */
export function triageFigures(items: readonly TriageItem[], config: DisclosureConfig, kinds: CategoryKinds): TriageFigures {
  const policy = compilePolicy(config);
  const byId = new Map(policy.exclusions.map((exclusion) => [exclusion.id, exclusion]));
  const rows = items.flatMap((item) => {
    const kind = kinds[item.category];
    if (kind === undefined || kind.kind === "ambiguous") return [];
    const ids = kind.kind === "exclusion" && kind.exclusion !== undefined ? [kind.exclusion, ...(kind.alsoExcludedAs ?? [])] : [];
    const excludedAs = ids.filter((id) => {
      const exclusion = byId.get(id);
      return (
        exclusion !== undefined && !exclusion.ownPatterns && !exclusion.exceptions.some((exception) => exception.id === item.exception)
      );
    });
    const decision = triageWith(policy, { title: item.title, body: item.body });
    const suggested = decision.exclusions[0]?.id;
    const expected = suggested !== undefined && excludedAs.includes(suggested) ? suggested : excludedAs[0];
    return [{ item, kind: kind.kind, expected, suggested, right: suggested === expected }];
  });
  const perExclusion: Record<string, PrecisionRecall> = {};
  for (const id of [...byId.keys()].sort()) {
    const expected = rows.filter((row) => row.expected === id).length;
    const suggested = rows.filter((row) => row.suggested === id).length;
    const correct = rows.filter((row) => row.expected === id && row.suggested === id).length;
    if (expected === 0 && suggested === 0) continue;
    perExclusion[id] = { expected, suggested, correct, precision: ratio(correct, suggested), recall: ratio(correct, expected) };
  }
  const perCategory: Record<string, Rate> = {};
  for (const category of [...new Set(rows.map((row) => row.item.category))].sort()) {
    perCategory[category] = rate(rows.filter((row) => row.item.category === category).map((row) => row.right));
  }
  const keptInScope = rows.filter((row) => row.expected === undefined);
  return {
    unambiguous: rows.length,
    right: rate(rows.map((row) => row.right)),
    wronglyExcluded: rate(keptInScope.map((row) => row.suggested !== undefined)),
    clearVulnerabilitiesExcluded: rate(keptInScope.filter((row) => row.kind === "vulnerability").map((row) => row.suggested !== undefined)),
    perExclusion,
    perCategory,
    wronglyExcludedIds: keptInScope.filter((row) => row.suggested !== undefined).map((row) => `${row.item.id} → ${row.suggested ?? ""}`),
  };
}

function rate(outcomes: readonly boolean[]): Rate {
  const count = outcomes.filter(Boolean).length;
  return { count, of: outcomes.length, rate: ratio(count, outcomes.length) };
}

function ratio(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count / of) * 10_000) / 10_000;
}
