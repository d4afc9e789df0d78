import type { CaseRecord } from "../case/case-record.js";
import type { DisclosureConfig } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { withStateChange } from "../case/state-change.js";
import { evaluateGate } from "./gate.js";
import { gateProblemViews } from "./problem-views.js";

/**
 * An advisory published on GitHub without Disclosure Desk (by hand, or by another tool), as a pure planner. The case
 * is marked published either way — that is what happened. When the consent gate was not met at that moment,
 * maintainers are alerted on the tracking issue (label `published-outside-gate`, the team mentioned, every unmet
 * condition listed) and the record keeps that it happened outside the gate.
 */

export const OUTSIDE_GATE_LABEL = "published-outside-gate";

export interface OutsidePublicationFacts {
  record: CaseRecord;
  labels: readonly string[];
  config: Pick<DisclosureConfig, "language" | "calendar" | "sla" | "publication" | "tracking">;
  advisoryUrl: string;
  /** When GitHub says the advisory was published; the gate is judged at that moment. */
  publishedAt: Date;
  now: Date;
}

export type OutsidePublicationPlan =
  | { status: "already-published" }
  | { status: "published"; outsideGate: boolean; record: CaseRecord; labels: string[]; comment: string; reasons: string[] };

export function planOutsidePublication(facts: OutsidePublicationFacts): OutsidePublicationPlan {
  const { record, config } = facts;
  if (record.state === "published") return { status: "already-published" };
  const gate = evaluateGate({ record, config, now: facts.publishedAt });
  const outsideGate = !gate.met;
  const closing = {
    ...record.closing,
    publishedAt: facts.publishedAt.toISOString(),
    ...(outsideGate ? { publishedOutsideGate: true } : {}),
  };
  delete closing.publication;
  const labels = facts.labels.filter((label) => !label.startsWith("state:"));
  labels.push("state:published");
  if (outsideGate && !labels.includes(OUTSIDE_GATE_LABEL)) labels.push(OUTSIDE_GATE_LABEL);
  const problems = gateProblemViews(gate.problems, config);
  const comment = renderMessage(config.language, "closing-outside-gate", {
    outsideGate,
    advisoryUrl: facts.advisoryUrl,
    team: config.tracking.team === undefined ? undefined : `@${config.tracking.team}`,
    mode: gate.mode,
    problems: problems.length === 0 ? "" : renderMessage(config.language, "closing-problems", { problems }),
  });
  return {
    status: "published",
    outsideGate,
    record: { ...withStateChange(record, "published", facts.now, config.sla), closing },
    labels,
    comment,
    reasons: outsideGate
      ? [`published outside the ${gate.mode} gate: ${gate.problems.map((problem) => problem.kind).join(", ")}`]
      : [`published on GitHub with the ${gate.mode} gate met`],
  };
}
