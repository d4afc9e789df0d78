import type { DisclosureConfig } from "../config/schema.js";
import { formatDate, formatDeadline } from "../sla/index.js";
import type { ReadinessProblem } from "./advisory-draft.js";
import type { GateProblem } from "./gate.js";

/**
 * What stands between a case and its publication, as template views: every view has every flag (strict templates),
 * exactly one of them true, and `value` for the date or state the sentence names.
 */

const FLAGS = [
  "state",
  "embargo",
  "reviewNotSent",
  "reviewWindow",
  "consentMissing",
  "consentRefused",
  "severity",
  "description",
  "vulnerabilities",
] as const;
type Flag = (typeof FLAGS)[number];

export type ProblemView = Record<Flag, boolean> & { value: string | undefined };

function view(flag: Flag, value?: string): ProblemView {
  return { ...(Object.fromEntries(FLAGS.map((name) => [name, name === flag])) as Record<Flag, boolean>), value };
}

export function gateProblemViews(problems: readonly GateProblem[], config: Pick<DisclosureConfig, "language" | "calendar">): ProblemView[] {
  return problems.map((problem) => {
    switch (problem.kind) {
      case "state":
        return view("state", problem.state);
      case "embargo":
        return view("embargo", formatDate(problem.until, config.language));
      case "review-not-sent":
        return view("reviewNotSent");
      case "review-window":
        return view("reviewWindow", formatDeadline(new Date(problem.until), config.calendar.timezone, config.language));
      case "consent-missing":
        return view("consentMissing");
      case "consent-refused":
        return view("consentRefused", formatDeadline(new Date(problem.at), config.calendar.timezone, config.language));
      default: {
        const unknown: never = problem;
        throw new Error(`unknown gate problem ${JSON.stringify(unknown)}`);
      }
    }
  });
}

export function readinessViews(problems: readonly ReadinessProblem[]): ProblemView[] {
  return problems.map((problem) => view(problem));
}
