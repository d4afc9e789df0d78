import type { CaseRecord } from "../case/case-record.js";

/**
 * When a case was evaluated: the moment it left triage (accepted, rejected or marked duplicate). The record has no
 * evaluation time of its own yet; once it does, this is the one place that reads it.
 */
export function evaluatedAt(record: CaseRecord): string | undefined {
  return record.triagedAt;
}
