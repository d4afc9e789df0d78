import type { CaseRecord, CaseState } from "../case/case-record.js";
import type { DisclosureConfig } from "../config/schema.js";
import { localDateOf } from "../sla/index.js";

/**
 * The consent gate: whether the case may be published now under the policy's `publication.consent`, and, when it
 * may not, every reason why. Pure: the record, the policy and `now` in.
 *
 * - `mutual`: the researcher had the draft for review and agreed to publish — after reading the draft, or earlier
 *   with the review window passed since. A "no" closes the gate until they say yes.
 * - `researcher-informed`: the researcher had the draft, and answered on it or let the review window pass.
 * - `maintainer-only`: maintainers decide alone.
 *
 * Whatever the mode: only a resolved case publishes (withdrawn, rejected and duplicate ones never do), and not
 * before the embargo date (publication is possible from that day on, in the policy's zone).
 */

export type GateConfig = Pick<DisclosureConfig, "publication" | "calendar">;

export type GateProblem =
  | { kind: "state"; state: CaseState }
  | { kind: "embargo"; until: string }
  | { kind: "review-not-sent" }
  | { kind: "review-window"; until: string }
  | { kind: "consent-missing" }
  | { kind: "consent-refused"; at: string };

export interface GateVerdict {
  mode: DisclosureConfig["publication"]["consent"];
  met: boolean;
  problems: GateProblem[];
}

const DAY_MS = 86_400_000;

/** When the researcher's review window ends: `reviewDays` after the draft reached them. */
export function reviewWindowEnd(reviewSentAt: string, reviewDays: number): Date {
  return new Date(Date.parse(reviewSentAt) + reviewDays * DAY_MS);
}

export function evaluateGate(input: { record: CaseRecord; config: GateConfig; now: Date }): GateVerdict {
  const { record, config, now } = input;
  const mode = config.publication.consent;
  const problems: GateProblem[] = [];
  if (record.state !== "resolved") problems.push({ kind: "state", state: record.state });
  const closing = record.closing ?? {};
  if (closing.embargoUntil !== undefined && localDateOf(now, config.calendar.timezone) < closing.embargoUntil) {
    problems.push({ kind: "embargo", until: closing.embargoUntil });
  }
  if (mode !== "maintainer-only") problems.push(...consentProblems(record, config, now));
  return { mode, met: problems.length === 0, problems };
}

function consentProblems(record: CaseRecord, config: GateConfig, now: Date): GateProblem[] {
  const { review, consent } = record.closing ?? {};
  const sent = review?.status === "sent" ? review.at : undefined;
  const windowEnd = sent === undefined ? undefined : reviewWindowEnd(sent, config.publication.reviewDays);
  const windowPassed = windowEnd !== undefined && now.getTime() >= windowEnd.getTime();
  const problems: GateProblem[] = [];
  if (sent === undefined) problems.push({ kind: "review-not-sent" });

  if (config.publication.consent === "mutual") {
    if (consent?.answer === "no") problems.push({ kind: "consent-refused", at: consent.at });
    else if (consent?.answer !== "yes") problems.push({ kind: "consent-missing" });
    else if (windowEnd !== undefined && !windowPassed && consent.at < (sent ?? ""))
      problems.push({ kind: "review-window", until: windowEnd.toISOString() });
    return problems;
  }
  // researcher-informed: an answer on the draft (a reply, or a yes after it) ends the wait early.
  const answeredOnDraft = sent !== undefined && (review?.answeredAt !== undefined || (consent?.answer === "yes" && consent.at >= sent));
  if (windowEnd !== undefined && !windowPassed && !answeredOnDraft)
    problems.push({ kind: "review-window", until: windowEnd.toISOString() });
  return problems;
}
