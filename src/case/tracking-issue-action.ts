import type { CaseRecord, CaseState } from "./case-record.js";

/** What a plan may do to a case's tracking issue: shared by the command planner and the mirroring of researcher replies. */
export type TrackingIssueAction =
  | { type: "setState"; from: CaseState; to: CaseState; issue: "open" | "closed" }
  | { type: "setLabels"; add: string[]; remove: string[] }
  | { type: "updateRecord"; record: CaseRecord }
  | { type: "replyToMaintainers"; body: string };
