import type { CaseRecord, CaseState } from "./case-record.js";
import type { CalendarConfig, SlaConfig } from "../config/schema.js";
import {
  createBusinessCalendar,
  deadlineStatus,
  endOfLocalDay,
  localDateOf,
  reminderDueAt,
  wholePausedDays,
  type DeadlineStatus,
} from "../sla/index.js";
import { addDays } from "../sla/local-date.js";

/**
 * Where a case stands against its SLA at one instant. Pure: the record, the policy's SLA and calendar, and `now` in;
 * the running deadlines out. Deadlines come from the record (what the researcher was promised at intake), moved by
 * the whole days the clock stood still — the same rule as `computeDeadlines`, so a config edit after intake never
 * moves a promise already made.
 */

export type DeadlineKind = "response" | "resolution" | "update";

export interface RunningDeadline {
  kind: DeadlineKind;
  due: Date;
  remindAt: Date;
  status: DeadlineStatus;
}

export interface CaseClock {
  /** The clock stands still: the case waits on the researcher and the policy pauses the clock. */
  paused: boolean;
  /** Closed pause periods plus the running one, up to `now`. */
  pausedMs: number;
  /** The deadlines still to be met, in the order response, resolution, update. */
  running: RunningDeadline[];
}

export type ClockPolicy = { sla: SlaConfig; calendar: CalendarConfig };

/** States in which the case still owes the researcher something on a clock. */
const OPEN_STATES: readonly CaseState[] = ["triage", "needs-info", "accepted"];
const MS_PER_DAY = 86_400_000;

export function isOpenState(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

export function isPausedState(state: CaseState, sla: SlaConfig): boolean {
  return state === "needs-info" && sla.needsInfo.pauseClock;
}

export function pausedMsAt(record: CaseRecord, now: Date): number {
  const since = record.pause?.since;
  const running = since === undefined ? 0 : Math.max(0, now.getTime() - Date.parse(since));
  return (record.pause?.pausedMs ?? 0) + running;
}

/** The record's deadlines moved by the whole days of closed pauses; a running pause moves nothing until it ends. */
export function shiftedDeadlines(
  record: CaseRecord,
  { sla, calendar }: ClockPolicy,
): {
  responseDue: Date;
  resolutionDue?: Date;
  firstUpdateDue?: Date;
} {
  const days = sla.needsInfo.pauseClock ? wholePausedDays(record.pause?.pausedMs) : 0;
  const { timezone } = calendar;
  const byCalendarDays = (iso: string) => endOfLocalDay(addDays(localDateOf(new Date(iso), timezone), days), timezone);
  const responseDay = createBusinessCalendar(calendar).addBusinessDays(localDateOf(new Date(record.deadlines.responseDue), timezone), days);
  const { resolutionDue, firstUpdateDue } = record.deadlines;
  return {
    responseDue: endOfLocalDay(responseDay, timezone),
    ...(resolutionDue === undefined
      ? {}
      : { resolutionDue: record.resolveBy === undefined ? byCalendarDays(resolutionDue) : new Date(resolutionDue) }),
    ...(firstUpdateDue === undefined ? {} : { firstUpdateDue: byCalendarDays(firstUpdateDue) }),
  };
}

/** The next "keep informed" update: the first one from intake, then `everyDays` after the last one sent. */
export function nextUpdateDue(record: CaseRecord, policy: ClockPolicy): Date | undefined {
  const everyDays = policy.sla.updates?.everyDays;
  if (record.lastUpdateAt !== undefined && everyDays !== undefined) {
    const { timezone } = policy.calendar;
    return endOfLocalDay(addDays(localDateOf(new Date(record.lastUpdateAt), timezone), everyDays), timezone);
  }
  return shiftedDeadlines(record, policy).firstUpdateDue;
}

const EVALUATED_STATES: readonly CaseState[] = ["accepted", "resolved", "published", "rejected", "duplicate"];

/**
 * When the evaluation was sent: `triagedAt`, which every state change to accepted, rejected or duplicate records. A
 * record in an evaluated state without it was not written by a state change (the sweep fills it in at its next run);
 * until then its first response, which came no later than the evaluation, stands for it.
 */
export function evaluatedAt(record: CaseRecord): string | undefined {
  return record.triagedAt ?? (EVALUATED_STATES.includes(record.state) ? record.firstResponseAt : undefined);
}

/**
 * The researcher is still owed the evaluation ("respond within N business days with our evaluation"): the case has
 * not been accepted, rejected or marked duplicate and is still open. Messages and questions do not discharge it.
 */
export function awaitsEvaluation(record: CaseRecord): boolean {
  return record.triagedAt === undefined && (record.state === "triage" || record.state === "needs-info");
}

export interface MovedDates {
  /** Whole days the clock stood still, which the dates below include. */
  pausedDays: number;
  /** The evaluation deadline, moved by `pausedDays` business days. */
  evaluationDue: Date;
  /** The resolution date the policy derives (`sla.resolution.days`), moved by `pausedDays`; absent when a maintainer gave one. */
  resolutionDue?: Date;
}

/**
 * The dates the researcher was given in the acknowledgement that a closed pause has moved, while the evaluation
 * (which brings a fresh resolution date) is still to come. Undefined when nothing the researcher knows has moved.
 */
export function movedDates(record: CaseRecord, policy: ClockPolicy): MovedDates | undefined {
  const pausedDays = policy.sla.needsInfo.pauseClock ? wholePausedDays(record.pause?.pausedMs) : 0;
  if (pausedDays === 0 || record.state !== "triage" || !awaitsEvaluation(record) || record.acknowledgement.status === "pending") {
    return undefined;
  }
  const deadlines = shiftedDeadlines(record, policy);
  return {
    pausedDays,
    evaluationDue: deadlines.responseDue,
    ...(record.resolveBy === undefined && deadlines.resolutionDue !== undefined ? { resolutionDue: deadlines.resolutionDue } : {}),
  };
}

export function caseClock(record: CaseRecord, policy: ClockPolicy, now: Date): CaseClock {
  const paused = isPausedState(record.state, policy.sla);
  const clock: CaseClock = { paused, pausedMs: pausedMsAt(record, now), running: [] };
  if (paused || !isOpenState(record.state)) return clock;

  const deadlines = shiftedDeadlines(record, policy);
  const running = (kind: DeadlineKind, due: Date) => {
    const remindAt = reminderDueAt(due, policy.sla.remind.businessDaysBefore, policy.calendar);
    clock.running.push({ kind, due, remindAt, status: deadlineStatus(due, now, remindAt) });
  };
  if (awaitsEvaluation(record)) running("response", deadlines.responseDue);
  if (deadlines.resolutionDue) running("resolution", deadlines.resolutionDue);
  const updateDue = nextUpdateDue(record, policy);
  if (updateDue) running("update", updateDue);
  return clock;
}

/** Days elapsed since `since`, fractional, for the silence rule. */
export function daysSince(since: string, now: Date): number {
  return (now.getTime() - Date.parse(since)) / MS_PER_DAY;
}
