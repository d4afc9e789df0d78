import type { CaseRecord } from "./case-record.js";

/**
 * What became of a case, as the reporter history shows it. `invalid` is a report closed as junk: rejected as not a
 * vulnerability, for claims that do not hold or for no reproduction, or withdrawn. A rejection under one of the
 * policy's exclusions is `rejected`, not `invalid`: the finding was real, only not eligible.
 */
export const caseOutcomes = ["open", "accepted", "invalid", "rejected", "not-security", "duplicate"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export function outcomeOf(record: Pick<CaseRecord, "state" | "rejectedAs">): CaseOutcome {
  switch (record.state) {
    case "triage":
    case "needs-info":
      return "open";
    case "accepted":
    case "resolved":
    case "published":
      return "accepted";
    case "withdrawn":
      return "invalid";
    case "duplicate":
      return "duplicate";
    case "rejected":
      if (record.rejectedAs === "not-security") return "not-security";
      return record.rejectedAs === undefined ? "rejected" : "invalid";
  }
}
