import type { CaseRecord } from "../../src/case/case-record.js";
import { parseComment } from "../../src/commands/parse.js";
import { planComment } from "../../src/commands/plan-comment.js";
import { commandAt, intakeLabels } from "./fixtures.js";
import { openworx, policyConfig } from "../fixtures/policies.js";

/** The record after comments `first`, `first + 1`, … each had an update to the researcher acted on. */
export function afterHandling(record: CaseRecord, first: number, count: number): CaseRecord {
  let current = record;
  for (let commentId = first; commentId < first + count; commentId++) {
    const parsed = parseComment("/disclosure update The fix is in review.");
    const plan = planComment({
      parsed,
      record: current,
      labels: intakeLabels,
      config: policyConfig(openworx),
      actor: "max-maintainer",
      now: commandAt,
      researcher: "rosa-researcher",
      commentId,
    });
    const written = plan.actions.find((action) => action.type === "updateRecord");
    if (written?.type !== "updateRecord") throw new Error(`comment ${commentId} did not act`);
    current = written.record;
  }
  return current;
}
