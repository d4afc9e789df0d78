import { untrusted } from "../messages/untrusted-text.js";
import type { TriageDecision } from "../policy/triage.js";

/**
 * The triage decision as the tracking-issue template shows it. Every text that can quote the report (matched text,
 * reasons, assets) reaches the template as untrusted, whatever channel the case came from.
 */
export function triageView(decision: TriageDecision) {
  return {
    scope: {
      status: decision.scope.status,
      asset: decision.scope.asset ? untrusted(decision.scope.asset) : undefined,
      reason: untrusted(decision.scope.reason),
    },
    exclusions: decision.exclusions.map((exclusion) => ({
      id: exclusion.id,
      title: untrusted(exclusion.title),
      reason: untrusted(exclusion.reason),
      matched: untrusted(exclusion.matched),
      policyText: untrusted(exclusion.policyText),
    })),
    conduct: decision.conduct.map((flag) => ({ id: flag.id, reason: untrusted(flag.reason), matched: untrusted(flag.matched) })),
    needsInfo: decision.needsInfo.missing,
    evidence: {
      present: decision.evidence.present.map((item) => ({ kind: item.kind, matched: untrusted(item.matched) })),
      aiDisclosure: decision.evidence.aiDisclosure,
    },
    duplicateOf: decision.duplicateOf,
  };
}

export function severityView(decision: TriageDecision) {
  return decision.severity
    ? { level: decision.severity.level, score: decision.severity.score, vector: decision.severity.vector }
    : undefined;
}
