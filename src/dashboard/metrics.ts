import type { CaseRecord, CaseState } from "../case/case-record.js";
import {
  awaitsEvaluation,
  evaluatedAt,
  isOpenState,
  isPausedState,
  nextUpdateDue,
  shiftedDeadlines,
  type ClockPolicy,
} from "../case/case-clock.js";

/**
 * How well the programme keeps its promises, from case records alone: time to acknowledgement, to first response, to
 * evaluation and to resolution, and each promise kept or broken — the acknowledgement, the evaluation ("respond
 * within N business days with our evaluation", the `response` deadline), the resolution and the "keep informed"
 * updates — per repository and per policy. Pure: the cases and `now` in, a report out, rendered as Markdown, CSV or
 * Prometheus text.
 */

export interface MeasuredCase {
  record: CaseRecord;
  /** The policy's name, as configured for the case's repository. */
  policy: string;
  clock: ClockPolicy;
}

export type DeadlineOutcome = "kept" | "broken" | "pending" | "not-applicable";

export interface DurationStats {
  count: number;
  medianHours: number | undefined;
  p90Hours: number | undefined;
  sumHours: number;
}

export interface MetricsRow {
  /** `repository` rows name the repository the reports were filed against; `policy` rows the policy. */
  dimension: "repository" | "policy" | "all";
  name: string;
  /** On repository rows: the policy the repository's cases run under (the latest case's, if it changed). */
  policy?: string;
  cases: number;
  states: Partial<Record<CaseState, number>>;
  acknowledgement: DurationStats;
  firstResponse: DurationStats;
  evaluation: DurationStats;
  resolution: DurationStats;
  deadlines: Record<PromiseKind, Record<Exclude<DeadlineOutcome, "not-applicable">, number>>;
}

/** The promises a policy makes, in the order they come due; `response` is the evaluation. */
export const PROMISE_KINDS = ["acknowledgement", "response", "resolution", "update"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export interface MetricsReport {
  generatedAt: string;
  rows: MetricsRow[];
}

const MS_PER_HOUR = 3_600_000;

/**
 * When the acknowledgement went out: sent, or handed to a maintainer to relay (the app cannot see the relay itself).
 */
function acknowledgedAt(record: CaseRecord): string | undefined {
  return record.acknowledgement.status === "pending" ? undefined : record.acknowledgement.at;
}

/**
 * The receipt. No policy gives it a deadline of its own, but the acknowledgement is what tells the researcher the
 * evaluation deadline: one not out by then is broken.
 */
export function acknowledgementOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  const due = shiftedDeadlines(record, clock).responseDue.getTime();
  const at = acknowledgedAt(record);
  if (at !== undefined) return Date.parse(at) <= due ? "kept" : "broken";
  return now.getTime() > due ? "broken" : "pending";
}

/** The evaluation deadline: met only by accepting, rejecting or marking the case duplicate (`evaluatedAt`). */
export function responseOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  if (record.sla?.broken.includes("response")) return "broken";
  const due = shiftedDeadlines(record, clock).responseDue.getTime();
  const evaluated = evaluatedAt(record);
  if (evaluated !== undefined) return Date.parse(evaluated) <= due ? "kept" : "broken";
  if (!awaitsEvaluation(record)) return "not-applicable";
  if (isPausedState(record.state, clock.sla)) return "pending";
  return now.getTime() > due ? "broken" : "pending";
}

export function resolutionOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  if (record.sla?.broken.includes("resolution")) return "broken";
  const due = shiftedDeadlines(record, clock).resolutionDue?.getTime();
  if (due === undefined) return "not-applicable";
  if (record.resolvedAt !== undefined) return Date.parse(record.resolvedAt) <= due ? "kept" : "broken";
  if (!isOpenState(record.state)) return "not-applicable";
  if (isPausedState(record.state, clock.sla)) return "pending";
  return now.getTime() > due ? "broken" : "pending";
}

/** "We will keep you informed": kept while every update went out in time, broken once one did not. */
export function updateOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  if (clock.sla.updates === undefined) return "not-applicable";
  if (record.sla?.broken.includes("update")) return "broken";
  if (!isOpenState(record.state)) return "kept";
  if (isPausedState(record.state, clock.sla)) return "pending";
  const due = nextUpdateDue(record, clock)?.getTime();
  return due !== undefined && now.getTime() > due ? "broken" : "pending";
}

const OUTCOMES: Record<PromiseKind, (measured: MeasuredCase, now: Date) => DeadlineOutcome> = {
  acknowledgement: acknowledgementOutcome,
  response: responseOutcome,
  resolution: resolutionOutcome,
  update: updateOutcome,
};

/** How each promise made to one case stands now, in `PROMISE_KINDS` order. */
export function promiseOutcomes(measured: MeasuredCase, now: Date): DeadlineOutcome[] {
  return PROMISE_KINDS.map((kind) => OUTCOMES[kind](measured, now));
}

function hoursBetween(from: string, to: string | undefined): number | undefined {
  return to === undefined ? undefined : (Date.parse(to) - Date.parse(from)) / MS_PER_HOUR;
}

function stats(values: (number | undefined)[]): DurationStats {
  const sorted = values.filter((value): value is number => value !== undefined).sort((left, right) => left - right);
  const rank = (quantile: number) => sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
  return {
    count: sorted.length,
    medianHours: sorted.length > 0 ? rank(0.5) : undefined,
    p90Hours: sorted.length > 0 ? rank(0.9) : undefined,
    sumHours: sorted.reduce((sum, value) => sum + value, 0),
  };
}

function row(dimension: MetricsRow["dimension"], name: string, cases: MeasuredCase[], now: Date): MetricsRow {
  const states: MetricsRow["states"] = {};
  const deadlines = Object.fromEntries(PROMISE_KINDS.map((kind) => [kind, { kept: 0, broken: 0, pending: 0 }])) as MetricsRow["deadlines"];
  for (const measured of cases) {
    states[measured.record.state] = (states[measured.record.state] ?? 0) + 1;
    promiseOutcomes(measured, now).forEach((outcome, index) => {
      if (outcome !== "not-applicable") deadlines[PROMISE_KINDS[index]!][outcome] += 1;
    });
  }
  return {
    dimension,
    name,
    cases: cases.length,
    states,
    acknowledgement: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, acknowledgedAt(record)))),
    firstResponse: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, record.firstResponseAt))),
    evaluation: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, evaluatedAt(record)))),
    resolution: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, record.resolvedAt))),
    deadlines,
  };
}

function groupBy(cases: MeasuredCase[], nameOf: (measured: MeasuredCase) => string): Map<string, MeasuredCase[]> {
  const groups = new Map<string, MeasuredCase[]>();
  for (const measured of cases) groups.set(nameOf(measured), [...(groups.get(nameOf(measured)) ?? []), measured]);
  return new Map([...groups].sort(([left], [right]) => left.localeCompare(right)));
}

export function computeMetrics(cases: MeasuredCase[], now: Date): MetricsReport {
  return {
    generatedAt: now.toISOString(),
    rows: [
      row("all", "all", cases, now),
      ...[...groupBy(cases, ({ record }) => record.source.repository)].map(([name, group]) => ({
        ...row("repository", name, group, now),
        policy: group.at(-1)?.policy ?? "",
      })),
      ...[...groupBy(cases, ({ policy }) => policy)].map(([name, group]) => row("policy", name, group, now)),
    ],
  };
}

function hours(value: number | undefined): string {
  return value === undefined ? "" : value.toFixed(1);
}

function keptShare(counts: { kept: number; broken: number }): string {
  const decided = counts.kept + counts.broken;
  return decided === 0 ? "" : `${Math.round((100 * counts.kept) / decided)}%`;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderMetricsMarkdown(report: MetricsReport): string {
  const header = [
    "| | cases | acknowledgement (median / p90 h) | first response (median / p90 h) | evaluation (median / p90 h) | resolution (median / p90 h) | acknowledgements kept / broken / pending | evaluation deadlines kept / broken / pending | resolution deadlines kept / broken / pending | updates kept / broken / pending |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const durationCell = (measured: DurationStats) => `${hours(measured.medianHours)} / ${hours(measured.p90Hours)}`;
  const line = (metrics: MetricsRow) =>
    `| ${metrics.dimension === "all" ? "**all cases**" : `${metrics.dimension} ${markdownCell(metrics.name)}`} | ${metrics.cases} | ${[metrics.acknowledgement, metrics.firstResponse, metrics.evaluation, metrics.resolution].map(durationCell).join(" | ")} | ${PROMISE_KINDS.map((kind) => deadlineCell(metrics.deadlines[kind])).join(" | ")} |`;
  return [`## Disclosure Desk metrics, ${report.generatedAt}`, "", ...header, ...report.rows.map(line), ""].join("\n");
}

function deadlineCell(counts: { kept: number; broken: number; pending: number }): string {
  const share = keptShare(counts);
  return `${counts.kept} / ${counts.broken} / ${counts.pending}${share ? ` (${share} kept)` : ""}`;
}

const DURATIONS = [
  ["acknowledgement", "acknowledgement"],
  ["first_response", "firstResponse"],
  ["evaluation", "evaluation"],
  ["resolution", "resolution"],
] as const;

const CSV_COLUMNS = [
  "dimension",
  "name",
  "cases",
  ...DURATIONS.flatMap(([name]) => [`${name}_median_hours`, `${name}_p90_hours`]),
  ...PROMISE_KINDS.flatMap((kind) => [`${kind}_kept`, `${kind}_broken`, `${kind}_pending`]),
];

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderMetricsCsv(report: MetricsReport): string {
  const lines = report.rows.map((metrics) =>
    [
      metrics.dimension,
      metrics.name,
      metrics.cases,
      ...DURATIONS.flatMap(([, field]) => [hours(metrics[field].medianHours), hours(metrics[field].p90Hours)]),
      ...PROMISE_KINDS.flatMap((kind) => [metrics.deadlines[kind].kept, metrics.deadlines[kind].broken, metrics.deadlines[kind].pending]),
    ]
      .map(csvField)
      .join(","),
  );
  return `${[CSV_COLUMNS.join(","), ...lines].join("\n")}\n`;
}

function labelValue(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Prometheus text exposition (version 0.0.4) of the per-repository rows, for a `/metrics` endpoint. */
export function renderPrometheusMetrics(report: MetricsReport): string {
  const rows = report.rows.filter((metrics) => metrics.dimension === "repository");
  const out: string[] = [];
  const family = (name: string, type: "gauge" | "summary", help: string, samples: string[]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
  };
  const labels = (metrics: MetricsRow, extra: Record<string, string> = {}) =>
    `{${Object.entries({ repository: metrics.name, policy: metrics.policy ?? "", ...extra })
      .map(([key, value]) => `${key}="${labelValue(value)}"`)
      .join(",")}}`;

  family(
    "disclosure_desk_cases",
    "gauge",
    "Cases by the repository they were reported against and their state.",
    rows.flatMap((metrics) =>
      Object.entries(metrics.states).map(([state, count]) => `disclosure_desk_cases${labels(metrics, { state })} ${count}`),
    ),
  );
  family(
    "disclosure_desk_deadlines",
    "gauge",
    "Promises by outcome (kept, broken or pending): acknowledgement, response (the evaluation), resolution and update (keep informed).",
    rows.flatMap((metrics) =>
      PROMISE_KINDS.flatMap((kind) =>
        (["kept", "broken", "pending"] as const).map(
          (outcome) => `disclosure_desk_deadlines${labels(metrics, { kind, outcome })} ${metrics.deadlines[kind][outcome]}`,
        ),
      ),
    ),
  );
  const durations = [
    ["disclosure_desk_time_to_acknowledgement_hours", "Hours from receipt to the acknowledgement.", "acknowledgement"],
    ["disclosure_desk_time_to_first_response_hours", "Hours from receipt to the first message from a person.", "firstResponse"],
    ["disclosure_desk_time_to_evaluation_hours", "Hours from receipt to the evaluation (accepted, rejected or duplicate).", "evaluation"],
    ["disclosure_desk_time_to_resolution_hours", "Hours from receipt to resolution.", "resolution"],
  ] as const;
  for (const [name, help, field] of durations) {
    family(
      name,
      "summary",
      help,
      rows.flatMap((metrics) => {
        const measured = metrics[field];
        return [
          ...(measured.medianHours === undefined ? [] : [`${name}${labels(metrics, { quantile: "0.5" })} ${measured.medianHours}`]),
          ...(measured.p90Hours === undefined ? [] : [`${name}${labels(metrics, { quantile: "0.9" })} ${measured.p90Hours}`]),
          `${name}_sum${labels(metrics)} ${measured.sumHours}`,
          `${name}_count${labels(metrics)} ${measured.count}`,
        ];
      }),
    );
  }
  return `${out.join("\n")}\n`;
}
