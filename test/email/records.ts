import { CASE_RECORD_VERSION, type CaseRecord } from "../../src/case/case-record.js";

export function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    v: CASE_RECORD_VERSION,
    key: "email:0123456789ab",
    channel: "email",
    source: { repository: "octo-org/widgets" },
    state: "triage",
    receivedAt: "2026-11-16T08:30:00.000Z",
    openedAt: "2026-11-16T08:31:00.000Z",
    policyVersion: null,
    configError: false,
    deadlines: { responseDue: "2026-11-23T22:59:59.999Z" },
    acknowledgement: { status: "sent", at: "2026-11-16T08:31:00.000Z" },
    ...overrides,
  };
}
