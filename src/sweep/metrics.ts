import type { CaseRecord, CaseState } from "../case/case-record.js";
import { isOpenState, shiftedDeadlines, type ClockPolicy } from "./case-clock.js";

/**
 * How well the programme keeps its promises, from case records alone: time to first response, to triage and to
 * resolution, and response and resolution deadlines kept or broken — per repository and per policy. Pure: the
 * cases and `now` in, a report out, rendered as Markdown, CSV or Prometheus text.
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
  firstResponse: DurationStats;
  triage: DurationStats;
  resolution: DurationStats;
  deadlines: Record<"response" | "resolution", Record<Exclude<DeadlineOutcome, "not-applicable">, number>>;
}

export interface MetricsReport {
  generatedAt: string;
  rows: MetricsRow[];
}

const MS_PER_HOUR = 3_600_000;

export function responseOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  if (record.sla?.broken.includes("response")) return "broken";
  const due = shiftedDeadlines(record, clock).responseDue.getTime();
  if (record.firstResponseAt !== undefined) return Date.parse(record.firstResponseAt) <= due ? "kept" : "broken";
  return now.getTime() > due ? "broken" : "pending";
}

export function resolutionOutcome({ record, clock }: MeasuredCase, now: Date): DeadlineOutcome {
  if (record.sla?.broken.includes("resolution")) return "broken";
  const due = shiftedDeadlines(record, clock).resolutionDue?.getTime();
  if (due === undefined) return "not-applicable";
  if (record.resolvedAt !== undefined) return Date.parse(record.resolvedAt) <= due ? "kept" : "broken";
  if (!isOpenState(record.state)) return "not-applicable";
  return now.getTime() > due ? "broken" : "pending";
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
  const deadlines: MetricsRow["deadlines"] = {
    response: { kept: 0, broken: 0, pending: 0 },
    resolution: { kept: 0, broken: 0, pending: 0 },
  };
  for (const measured of cases) {
    states[measured.record.state] = (states[measured.record.state] ?? 0) + 1;
    const response = responseOutcome(measured, now);
    const resolution = resolutionOutcome(measured, now);
    if (response !== "not-applicable") deadlines.response[response] += 1;
    if (resolution !== "not-applicable") deadlines.resolution[resolution] += 1;
  }
  return {
    dimension,
    name,
    cases: cases.length,
    states,
    firstResponse: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, record.firstResponseAt))),
    triage: stats(cases.map(({ record }) => hoursBetween(record.receivedAt, record.triagedAt))),
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
    "| | cases | first response (median / p90 h) | triage (median / p90 h) | resolution (median / p90 h) | response deadlines kept / broken / pending | resolution deadlines kept / broken / pending |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  const line = (metrics: MetricsRow) =>
    `| ${metrics.dimension === "all" ? "**all cases**" : `${metrics.dimension} ${markdownCell(metrics.name)}`} | ${metrics.cases} | ${hours(metrics.firstResponse.medianHours)} / ${hours(metrics.firstResponse.p90Hours)} | ${hours(metrics.triage.medianHours)} / ${hours(metrics.triage.p90Hours)} | ${hours(metrics.resolution.medianHours)} / ${hours(metrics.resolution.p90Hours)} | ${deadlineCell(metrics.deadlines.response)} | ${deadlineCell(metrics.deadlines.resolution)} |`;
  return [`## Disclosure Desk metrics, ${report.generatedAt}`, "", ...header, ...report.rows.map(line), ""].join("\n");
}

function deadlineCell(counts: { kept: number; broken: number; pending: number }): string {
  const share = keptShare(counts);
  return `${counts.kept} / ${counts.broken} / ${counts.pending}${share ? ` (${share} kept)` : ""}`;
}

const CSV_COLUMNS = [
  "dimension",
  "name",
  "cases",
  "first_response_median_hours",
  "first_response_p90_hours",
  "triage_median_hours",
  "triage_p90_hours",
  "resolution_median_hours",
  "resolution_p90_hours",
  "response_kept",
  "response_broken",
  "response_pending",
  "resolution_kept",
  "resolution_broken",
  "resolution_pending",
] as const;

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
      hours(metrics.firstResponse.medianHours),
      hours(metrics.firstResponse.p90Hours),
      hours(metrics.triage.medianHours),
      hours(metrics.triage.p90Hours),
      hours(metrics.resolution.medianHours),
      hours(metrics.resolution.p90Hours),
      metrics.deadlines.response.kept,
      metrics.deadlines.response.broken,
      metrics.deadlines.response.pending,
      metrics.deadlines.resolution.kept,
      metrics.deadlines.resolution.broken,
      metrics.deadlines.resolution.pending,
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
    rows.flatMap((metrics) => Object.entries(metrics.states).map(([state, count]) => `disclosure_desk_cases${labels(metrics, { state })} ${count}`)),
  );
  family(
    "disclosure_desk_deadlines",
    "gauge",
    "Response and resolution deadlines by outcome: kept, broken or pending.",
    rows.flatMap((metrics) =>
      (["response", "resolution"] as const).flatMap((kind) =>
        (["kept", "broken", "pending"] as const).map((outcome) => `disclosure_desk_deadlines${labels(metrics, { kind, outcome })} ${metrics.deadlines[kind][outcome]}`),
      ),
    ),
  );
  const durations = [
    ["disclosure_desk_time_to_first_response_hours", "Hours from receipt to the first response.", "firstResponse"],
    ["disclosure_desk_time_to_triage_hours", "Hours from receipt to the triage decision.", "triage"],
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
