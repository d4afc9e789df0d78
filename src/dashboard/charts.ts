import type { CaseRecord } from "../case/case-record.js";
import { localDateOf } from "../sla/index.js";
import { shiftedDeadlines } from "../case/case-clock.js";
import { promiseOutcomes, type MeasuredCase } from "./metrics.js";
import { evaluatedAt } from "../case/case-clock.js";

/**
 * The figures behind the dashboard's and the HTML report's charts, from case records alone. Pure: the cases, the
 * zone months are counted in, and `now` in. Months are calendar months of the policy's zone, the last `months` up to
 * `now`; a duration belongs to the month its case was received in.
 */

export type DurationMeasure = "acknowledgement" | "evaluation" | "resolution";

export interface DurationSeries {
  measure: DurationMeasure;
  /** Per month, in days (one decimal); undefined where no case of that month got that far. */
  median: (number | undefined)[];
  worst: (number | undefined)[];
  /** Per month, the median of what the cases were promised (days from receipt to the deadline); undefined without a promise. */
  promise: (number | undefined)[];
}

export interface ChartFigures {
  /** "YYYY-MM", oldest first. */
  months: string[];
  opened: number[];
  closed: number[];
  durations: DurationSeries[];
  /** Response and resolution deadlines met and missed, over every case. */
  promises: { kept: number; broken: number };
}

export const DURATION_MEASURES: readonly DurationMeasure[] = ["acknowledgement", "evaluation", "resolution"];

const MS_PER_DAY = 86_400_000;
const TERMINAL_STATES: readonly CaseRecord["state"][] = ["rejected", "duplicate", "withdrawn"];

/** When a case ended: closed, published, or — for a rejected, duplicate or withdrawn case without a closing time — left triage. */
export function endedAt(record: CaseRecord): string | undefined {
  if (record.closedAt !== undefined) return record.closedAt;
  if (record.closing?.publishedAt !== undefined) return record.closing.publishedAt;
  return TERMINAL_STATES.includes(record.state) ? record.triagedAt : undefined;
}

function reachedAt(record: CaseRecord, measure: DurationMeasure): string | undefined {
  if (measure === "acknowledgement") return record.acknowledgement.status === "sent" ? record.acknowledgement.at : undefined;
  if (measure === "evaluation") return evaluatedAt(record);
  return record.resolvedAt;
}

function promisedDue(measured: MeasuredCase, measure: DurationMeasure): Date | undefined {
  if (measure === "acknowledgement") return undefined;
  const deadlines = shiftedDeadlines(measured.record, measured.clock);
  return measure === "evaluation" ? deadlines.responseDue : deadlines.resolutionDue;
}

export function monthsUpTo(now: Date, timezone: string, count: number): string[] {
  const [year, month] = localDateOf(now, timezone).split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const offset = year * 12 + (month - 1) - (count - 1 - index);
    return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
  });
}

function days(fromIso: string, to: Date | string): number {
  return (new Date(to).getTime() - Date.parse(fromIso)) / MS_PER_DAY;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return oneDecimal(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

export function computeChartFigures(cases: readonly MeasuredCase[], timezone: string, now: Date, months = 6): ChartFigures {
  const labels = monthsUpTo(now, timezone, months);
  const monthOf = (iso: string) => localDateOf(new Date(iso), timezone).slice(0, 7);
  const counted = (at: (record: CaseRecord) => string | undefined) =>
    labels.map(
      (label) =>
        cases.filter(({ record }) => {
          const instant = at(record);
          return instant !== undefined && Date.parse(instant) <= now.getTime() && monthOf(instant) === label;
        }).length,
    );
  const durations = DURATION_MEASURES.map((measure): DurationSeries => {
    const perMonth = labels.map((label) => cases.filter(({ record }) => monthOf(record.receivedAt) === label));
    const taken = perMonth.map((group) =>
      group.flatMap(({ record }) => {
        const at = reachedAt(record, measure);
        return at === undefined || Date.parse(at) > now.getTime() ? [] : [Math.max(0, days(record.receivedAt, at))];
      }),
    );
    const promised = perMonth.map((group) =>
      group.flatMap((measured) => {
        const due = promisedDue(measured, measure);
        return due === undefined ? [] : [days(measured.record.receivedAt, due)];
      }),
    );
    return {
      measure,
      median: taken.map(median),
      worst: taken.map((values) => (values.length === 0 ? undefined : oneDecimal(Math.max(...values)))),
      promise: promised.map(median),
    };
  });
  const promises = { kept: 0, broken: 0 };
  for (const measured of cases) {
    for (const outcome of promiseOutcomes(measured, now)) {
      if (outcome === "kept" || outcome === "broken") promises[outcome] += 1;
    }
  }
  return { months: labels, opened: counted((record) => record.receivedAt), closed: counted(endedAt), durations, promises };
}
