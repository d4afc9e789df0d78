import type { DisclosureConfig } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { missingRequirements, type IntakeRequirement } from "../policy/evidence.js";
import type { ClaimsCheck } from "../policy/claim-check.js";
import type { TriageDecision } from "../policy/triage.js";
import { withPauseFor } from "./state-change.js";
import type { CaseRecord } from "./case-record.js";
import { claimsLabels } from "./code-claims.js";

/**
 * What intake does with a report's evidence, for every channel alike. A policy that requires a reproducer or an AI-use
 * statement (`intake.requireReproduction`, `intake.requireAiDisclosure`) gets its question into the acknowledgement,
 * and the case waits in needs-info with its clock paused until the researcher answers. A report with no evidence at
 * all is labelled `evidence:none` and the tracking issue holds the question a maintainer can send.
 */

export interface IntakeEvidence {
  waitingFor: IntakeRequirement[];
  /** Asked with the acknowledgement. */
  question?: string;
  /** Shown in the tracking issue: the question asked, or the one a maintainer may send. */
  trackingQuestion?: { text: string; sent: boolean };
}

type QuestionItem = IntakeRequirement | "trace" | "version" | "impact";

export function planIntakeEvidence(decision: TriageDecision, config: Pick<DisclosureConfig, "language" | "intake">): IntakeEvidence {
  const waitingFor = missingRequirements(decision.evidence, config.intake);
  const render = (items: QuestionItem[], waiting: boolean) =>
    renderMessage(config.language, "evidence-question", {
      items,
      waiting,
      policyText: waiting ? config.intake.policyText : undefined,
    }).trim();
  if (waitingFor.length > 0) {
    const question = render(waitingFor, true);
    return { waitingFor, question, trackingQuestion: { text: question, sent: true } };
  }
  if (decision.evidence.present.length > 0) return { waitingFor };
  return { waitingFor, trackingQuestion: { text: render(["reproduction", "trace", "version", "impact"], false), sent: false } };
}

/** A new case that waits on the researcher from the start: in needs-info, paused from now. */
export function waitingCase(record: CaseRecord, evidence: IntakeEvidence, now: Date, sla: DisclosureConfig["sla"]): CaseRecord {
  return evidence.waitingFor.length > 0 ? withPauseFor({ ...record, state: "needs-info" }, now, sla) : record;
}

/** The labels intake adds to triage's: the claims check's, and needs-info's in place of triage when the case waits. */
export function intakeLabels(labels: readonly string[], evidence: IntakeEvidence, claims: ClaimsCheck | undefined): string[] {
  const waiting = evidence.waitingFor.length > 0;
  const adjusted = waiting ? labels.map((label) => (label === "state:triage" ? "state:needs-info" : label)) : [...labels];
  return [...new Set([...adjusted, ...(waiting ? ["needs-info"] : []), ...claimsLabels(claims)])];
}
