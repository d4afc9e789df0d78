import type { Language } from "../config/schema.js";
import { wordingOf } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { evidenceKinds } from "../policy/evidence.js";
import type { TriageDecision } from "../policy/triage.js";

/**
 * The triage decision as the triage-suggestions template shows it: facts, not sentences — each language's template
 * words the reasons. Every text that can quote the report (matched text, assets, rules) reaches the template as
 * untrusted, whatever channel the case came from.
 */
export function triageView(language: Language, decision: TriageDecision) {
  const { scope } = decision;
  return {
    scope: {
      status: scope.status,
      basis: scope.basis,
      asset: scope.asset ? untrusted(scope.asset) : undefined,
      rule: scope.rule === undefined ? undefined : untrusted(scope.rule),
      excerpt: scope.excerpt === undefined ? undefined : untrusted(scope.excerpt),
    },
    exclusions: decision.exclusions.map((exclusion) => ({
      id: exclusion.id,
      title: untrusted(exclusion.title),
      source: exclusion.source,
      where: exclusion.where,
      byModel: exclusion.byModel,
      exceptionsChecked: exclusion.exceptionsChecked.map((id) => untrusted(id)),
      matched: untrusted(exclusion.matched),
      policyText: untrusted(exclusion.policyText),
    })),
    conduct: decision.conduct.map((flag) => ({
      id: flag.id,
      lowerTitle: untrusted(flag.title.toLowerCase()),
      records: flag.records,
      matched: untrusted(flag.matched),
    })),
    needsInfo: decision.needsInfo.missing,
    evidence: {
      present: decision.evidence.present.map((item) => ({
        kind: evidenceKindWording(language, item.kind),
        matched: untrusted(item.matched),
      })),
      aiDisclosure: decision.evidence.aiDisclosure,
    },
    duplicateOf: decision.duplicateOf,
  };
}

const evidenceKindWording = wordingOf("evidence-kind", "kind", evidenceKinds);

export function severityView(decision: TriageDecision) {
  return decision.severity
    ? { level: decision.severity.level, score: decision.severity.score, vector: decision.severity.vector }
    : undefined;
}
