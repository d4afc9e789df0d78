import type { CaseRecord, CaseState } from "../case/case-record.js";
import { caseStates } from "../case/case-record.js";
import { evaluateGate, type GateProblem } from "../closing/gate.js";
import type { DisclosureConfig, Language } from "../config/schema.js";
import { formatDeadline } from "../sla/index.js";
import { caseClock, isOpenState, shiftedDeadlines, type DeadlineKind } from "../case/case-clock.js";
import { untrusted, type UntrustedText } from "../messages/untrusted-text.js";
import { computeChartFigures, type ChartFigures } from "./charts.js";

/**
 * What the dashboard issue shows, planned from the tracking repository's cases. Pure: the cases, the tracking
 * repository's policy and `now` in. Open cases are grouped most urgent first — a deadline broken, a deadline due
 * soon, triage on time, waiting on the researcher, accepted, awaiting publication — and within a group by the date
 * of their next promise. Only case numbers, the titles the app gave the tracking issues, states and dates.
 */

export type DashboardConfig = Pick<DisclosureConfig, "sla" | "calendar" | "publication" | "cve" | "language">;

export interface DashboardCase {
  number: number;
  /** The tracking issue's title, which the app wrote. */
  title: string;
  record: CaseRecord;
  /** The policy the case runs under. */
  config: Pick<DisclosureConfig, "sla" | "calendar" | "publication" | "cve">;
}

export type GroupName = "breached" | "due-soon" | "triage" | "needs-info" | "accepted" | "awaiting-publication";
export const GROUP_ORDER: readonly GroupName[] = ["breached", "due-soon", "triage", "needs-info", "accepted", "awaiting-publication"];

export interface DashboardRow {
  number: number;
  title: UntrustedText;
  state: CaseState;
  /** The next promise: which deadline and when, in the policy's zone and language. */
  next?: { kind: DeadlineKind; due: string };
  /** Whole days waiting on the researcher. */
  waitingDays?: number;
  resolutionDate?: string;
  /** What the publication gate still needs. */
  gate?: GateProblem["kind"][];
  /** Sort key: the next promise's instant. */
  sortAt: number;
}

export interface CveRow {
  number: number;
  title: UntrustedText;
  requestedAt?: string;
  /** Whole days since the request. */
  waitingDays?: number;
  overdue: boolean;
}

export interface DashboardView {
  counts: { state: CaseState; count: number }[];
  groups: { name: GroupName; rows: DashboardRow[] }[];
  cveRequests: CveRow[];
  figures: ChartFigures;
  timezone: string;
}

const MS_PER_DAY = 86_400_000;

export function planDashboard(cases: readonly DashboardCase[], config: DashboardConfig, now: Date): DashboardView {
  const rows = new Map<GroupName, DashboardRow[]>(GROUP_ORDER.map((name) => [name, []]));
  for (const item of cases) {
    const placed = placeCase(item, config.language, now);
    if (placed) rows.get(placed.group)!.push(placed.row);
  }
  const counts = caseStates
    .map((state) => ({ state, count: cases.filter(({ record }) => record.state === state).length }))
    .filter(({ count }) => count > 0);
  return {
    counts,
    groups: GROUP_ORDER.map((name) => ({
      name,
      rows: rows.get(name)!.sort((left, right) => left.sortAt - right.sortAt || left.number - right.number),
    })).filter(({ rows: list }) => list.length > 0),
    cveRequests: cases.flatMap((item) => cveRow(item, config.language, now) ?? []),
    figures: computeChartFigures(
      cases.map(({ record, config: policy }) => ({ record, policy: "", clock: { sla: policy.sla, calendar: policy.calendar } })),
      config.calendar.timezone,
      now,
    ),
    timezone: config.calendar.timezone,
  };
}

/** A case's dates are in its own policy's zone, in the dashboard's language. */
function placeCase(
  { number, title, record, config }: DashboardCase,
  language: Language,
  now: Date,
): { group: GroupName; row: DashboardRow } | undefined {
  const policy = { sla: config.sla, calendar: config.calendar };
  const format = (instant: Date) => formatDeadline(instant, config.calendar.timezone, language);
  const base = { number, title: untrusted(title), state: record.state };
  if (isOpenState(record.state)) {
    const clock = caseClock(record, policy, now);
    const next = [...clock.running].sort((left, right) => left.due.getTime() - right.due.getTime())[0];
    const worst = clock.running.some((deadline) => deadline.status === "breached")
      ? "breached"
      : clock.running.some((deadline) => deadline.status === "due-soon")
        ? "due-soon"
        : undefined;
    const row: DashboardRow = {
      ...base,
      ...(next ? { next: { kind: next.kind, due: format(next.due) } } : {}),
      sortAt: next?.due.getTime() ?? Number.MAX_SAFE_INTEGER,
    };
    const resolutionDue = shiftedDeadlines(record, policy).resolutionDue;
    if (record.state === "accepted" && resolutionDue) row.resolutionDate = format(resolutionDue);
    if (record.state === "needs-info") {
      const since = record.pause?.since ?? record.triagedAt ?? record.openedAt;
      row.waitingDays = Math.floor((now.getTime() - Date.parse(since)) / MS_PER_DAY);
      row.sortAt = Date.parse(since);
    }
    if (worst) return { group: worst, row };
    return { group: record.state === "needs-info" ? "needs-info" : record.state === "accepted" ? "accepted" : "triage", row };
  }
  if (record.state === "resolved") {
    const gate = evaluateGate({ record, config, now });
    return {
      group: "awaiting-publication",
      row: { ...base, gate: gate.problems.map((problem) => problem.kind), sortAt: Date.parse(record.resolvedAt ?? record.openedAt) },
    };
  }
  return undefined;
}

function cveRow({ number, title, record, config }: DashboardCase, language: Language, now: Date): CveRow | undefined {
  const cve = record.cve;
  if (cve === undefined || cve.id !== undefined || cve.requestedAt === undefined) return undefined;
  const waitingDays = Math.floor((now.getTime() - Date.parse(cve.requestedAt)) / MS_PER_DAY);
  return {
    number,
    title: untrusted(title),
    requestedAt: formatDeadline(new Date(cve.requestedAt), config.calendar.timezone, language),
    waitingDays,
    overdue: waitingDays >= config.cve.remindAfterDays,
  };
}
