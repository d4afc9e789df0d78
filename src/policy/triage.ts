import type { DisclosureConfig } from "../config/schema.js";
import { extractAssetsFromText } from "./assets.js";
import { compileConduct, flagConduct, type CompiledConduct, type ConductFlag } from "./conduct.js";
import { compileCodebases, findDuplicate, fingerprintOf, type CompiledCodebase, type PriorCase } from "./duplicates.js";
import { assessEvidence, type Evidence } from "./evidence.js";
import {
  compileExclusions,
  suggestExclusions,
  type CompiledExclusion,
  type ExceptionApplied,
  type ExclusionSuggestion,
} from "./exclusions.js";
import { guessCategory, modelOutweighs, strongImpact } from "./impact.js";
import { findMissingInformation, type NeedsInfo } from "./needs-info.js";
import { reportText, type Report } from "./report.js";
import { adviseReward, type RewardAdvice } from "./reward.js";
import { compileScope, decideScope, type CompiledScope, type ScopeDecision } from "./scope.js";
import { assessSeverity, type Severity } from "./severity.js";

export interface TriageDecision {
  scope: ScopeDecision;
  /** Suggested exclusions, strongest first. A maintainer confirms before anything is rejected. */
  exclusions: ExclusionSuggestion[];
  /** Exclusions whose terms the report uses but that one of their exceptions brings back in. */
  exceptionsApplied: ExceptionApplied[];
  conduct: ConductFlag[];
  needsInfo: NeedsInfo;
  /** What the report brings to back its claim; with none of it the case is labelled `evidence:none`. */
  evidence: Evidence;
  duplicateOf?: string;
  duplicateReason?: string;
  severity?: Severity;
  reward?: RewardAdvice;
  /** Exactly the labels the tracking issue gets. */
  labels: string[];
  /** What the report is about, to store on the case for later duplicate checks (`PriorCase.assets`). */
  assets: string[];
  /** The root cause without the host, to store on the case (`PriorCase.fingerprint`). */
  fingerprint?: string;
}

/** A policy compiled once, so that re-triaging thousands of reports does not recompile its patterns. */
export interface CompiledPolicy {
  readonly scope: CompiledScope;
  readonly exclusions: readonly CompiledExclusion[];
  readonly conduct: readonly CompiledConduct[];
  readonly codebases: readonly CompiledCodebase[];
  readonly rewards: DisclosureConfig["rewards"];
}

export interface TriageInput {
  report: Report;
  config: DisclosureConfig;
  priorCases?: readonly PriorCase[];
}

/** Throws when the config holds an unusable pattern or an unknown id; validation reports those to the user first. */
export function compilePolicy(config: DisclosureConfig): CompiledPolicy {
  return {
    scope: compileScope(config.scope),
    exclusions: compileExclusions(config.exclusions),
    conduct: compileConduct(config.conduct),
    codebases: compileCodebases(config.scope),
    rewards: config.rewards,
  };
}

const compiledByConfig = new WeakMap<DisclosureConfig, CompiledPolicy>();

/** Triage with the policy compiled once per config object. */
export function triage({ report, config, priorCases = [] }: TriageInput): TriageDecision {
  let compiled = compiledByConfig.get(config);
  if (compiled === undefined) {
    compiled = compilePolicy(config);
    compiledByConfig.set(config, compiled);
  }
  return triageWith(compiled, report, priorCases);
}

export function triageWith(policy: CompiledPolicy, report: Report, priorCases: readonly PriorCase[] = []): TriageDecision {
  const text = reportText(report);
  const assets = extractAssetsFromText(text.all, report);
  const scope = decideScope(policy.scope, assets, text.all);
  const category = policy.exclusions.length > 0 ? guessCategory(text) : undefined;
  let impact: ReturnType<typeof strongImpact> | null = null;
  const { suggestions, exceptionsApplied } = suggestExclusions(policy.exclusions, text, {
    impact: (exclusion) =>
      (impact === null ? (impact = strongImpact(text, category)) : impact) ?? modelOutweighs(text, category, exclusion),
    ...(category === undefined ? {} : { category }),
  });
  const conduct = flagConduct(policy.conduct, text);
  const needsInfo = findMissingInformation(text, assets);
  const evidence = assessEvidence(text, {
    versions: report.packages?.some((pkg) => pkg.versions !== undefined && pkg.versions !== "") ?? false,
  });
  // The title's class first, else the whole text's; no class pattern spans a line break, so the body's is that.
  const fingerprint = fingerprintOf(text.title, assets) ?? fingerprintOf(text.body, assets);
  const duplicate = findDuplicate(
    { title: text.title, assets, ...(fingerprint === undefined ? {} : { fingerprint }) },
    priorCases,
    policy.codebases,
  );
  const severity = assessSeverity(report);
  const reward = adviseReward(policy.rewards, {
    scope: scope.status,
    excluded: suggestions.length > 0,
    missing: needsInfo.missing,
    ...(duplicate === undefined ? {} : { duplicateOf: duplicate.duplicateOf }),
    ...(severity === undefined ? {} : { severity }),
  });
  const decision: TriageDecision = {
    scope,
    exclusions: suggestions,
    exceptionsApplied,
    conduct,
    needsInfo,
    evidence,
    labels: [],
    assets: assets.filter((asset) => asset.kind !== "package").map((asset) => asset.value),
    ...(fingerprint === undefined ? {} : { fingerprint }),
    ...(duplicate === undefined ? {} : { duplicateOf: duplicate.duplicateOf, duplicateReason: duplicate.reason }),
    ...(severity === undefined ? {} : { severity }),
    ...(reward === undefined ? {} : { reward }),
  };
  decision.labels = labelsFor(decision);
  return decision;
}

export function labelsFor(decision: Omit<TriageDecision, "labels">): string[] {
  const labels = ["disclosure", "state:triage", `scope:${decision.scope.status}`];
  if (decision.severity !== undefined) labels.push(`severity:${decision.severity.level}`);
  for (const exclusion of decision.exclusions) labels.push(`excluded:${exclusion.id}`);
  for (const flag of decision.conduct) labels.push(`conduct:${flag.id}`);
  if (decision.needsInfo.missing.length > 0) labels.push("needs-info");
  if (decision.evidence.present.length === 0) labels.push("evidence:none");
  if (decision.duplicateOf !== undefined) labels.push("duplicate");
  return labels;
}
