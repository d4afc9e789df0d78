import { CASE_RECORD_VERSION, type CaseRecord } from "../../src/case/case-record.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { computeDeadlines } from "../../src/sla/index.js";

export const caseKey = "GHSA-4v7x-pqr2-9c3m";
/** Monday 16 November 2026, 09:30 in Amsterdam. */
export const receivedAt = new Date("2026-11-16T08:30:00Z");
/** Tuesday 17 November 2026, 11:15 in Amsterdam: the maintainer's comment. */
export const commandAt = new Date("2026-11-17T10:15:00Z");

/** A case as intake opens it. */
export function openedCase(config: DisclosureConfig, changes: Partial<CaseRecord> = {}): CaseRecord {
  const deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
  return {
    v: CASE_RECORD_VERSION,
    key: caseKey,
    channel: "advisory",
    source: { repository: "octo-org/widgets", ghsaId: caseKey, url: `https://github.com/octo-org/widgets/security/advisories/${caseKey}` },
    state: "triage",
    receivedAt: receivedAt.toISOString(),
    openedAt: receivedAt.toISOString(),
    policyVersion: null,
    configError: false,
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
      ...(deadlines.firstUpdateDue ? { firstUpdateDue: deadlines.firstUpdateDue.toISOString() } : {}),
    },
    acknowledgement: { status: "sent", at: receivedAt.toISOString() },
    ...changes,
  };
}

export const intakeLabels = ["disclosure", "state:triage", "severity:high", "scope:in"];
