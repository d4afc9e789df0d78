import type { CalendarConfig, SlaConfig } from "../config/schema.js";
import { createBusinessCalendar } from "./calendar.js";
import { addDays, type LocalDate } from "./local-date.js";
import { endOfLocalDay, localDateOf, startOfLocalDay } from "./local-time.js";

export interface DeadlineInput {
  receivedAt: Date;
  /** A resolution date a maintainer gave ("YYYY-MM-DD", in the policy's time zone). */
  resolveBy?: LocalDate;
  /** Total time the clock stood still while waiting on the researcher. */
  pausedMs?: number;
}

export interface Deadlines {
  /** Evaluation and expected resolution date owed to the researcher. */
  responseDue: Date;
  /** The maintainer's resolveBy, else receipt + sla.resolution.days; absent when there is neither. */
  resolutionDue?: Date;
  /** First "keep informed" update, receipt + sla.updates.everyDays; absent without an update cadence. */
  firstUpdateDue?: Date;
}

export type DeadlineStatus = "ok" | "due-soon" | "breached";

const MS_PER_DAY = 86_400_000;

/** Whole 24-hour periods in the paused time; a pause shorter than a day moves no deadline. */
export function wholePausedDays(pausedMs: number | undefined): number {
  return Math.max(0, Math.floor((pausedMs ?? 0) / MS_PER_DAY));
}

/**
 * The SLA deadlines of a report, each the end (23:59:59.999 local) of a day in the policy's zone.
 *
 * - response: the Nth business day strictly after the local date of receipt;
 * - resolution: the maintainer's resolveBy date, else the receipt date + `resolution.days`;
 * - first update: the receipt date + `updates.everyDays`.
 *
 * Pause rule: with P = whole days in `pausedMs`, the response deadline is the (N + P)th business day
 * after receipt, and the calendar-day deadlines (default resolution, first update) move P calendar
 * days. Each whole day spent waiting on the researcher thus gives one day back, in the unit that
 * deadline is counted in. A resolveBy date is a promise a maintainer made and changes only when they
 * set a new one, so the pause does not move it. With `needsInfo.pauseClock: false` the clock never
 * stops and `pausedMs` is ignored.
 */
export function computeDeadlines(input: DeadlineInput, sla: SlaConfig, calendar: CalendarConfig): Deadlines {
  const { timezone } = calendar;
  const receivedOn = localDateOf(input.receivedAt, timezone);
  const pausedDays = sla.needsInfo.pauseClock ? wholePausedDays(input.pausedMs) : 0;
  const endOfDayAfter = (days: number) => endOfLocalDay(addDays(receivedOn, days + pausedDays), timezone);

  const responseDay = createBusinessCalendar(calendar).addBusinessDays(receivedOn, sla.response.businessDays + pausedDays);
  const deadlines: Deadlines = { responseDue: endOfLocalDay(responseDay, timezone) };
  if (input.resolveBy !== undefined) deadlines.resolutionDue = endOfLocalDay(input.resolveBy, timezone);
  else if (sla.resolution) deadlines.resolutionDue = endOfDayAfter(sla.resolution.days);
  if (sla.updates) deadlines.firstUpdateDue = endOfDayAfter(sla.updates.everyDays);
  return deadlines;
}

/**
 * When maintainers are reminded: the start of the business day `businessDaysBefore` business days
 * before the deadline's local date (0: the start of the deadline's own day).
 */
export function reminderDueAt(deadline: Date, businessDaysBefore: number, calendar: CalendarConfig): Date {
  const deadlineDay = localDateOf(deadline, calendar.timezone);
  const reminderDay = createBusinessCalendar(calendar).addBusinessDays(deadlineDay, -businessDaysBefore);
  return startOfLocalDay(reminderDay, calendar.timezone);
}

/** Breached once `now` is past the deadline; due soon from the reminder on. */
export function deadlineStatus(deadline: Date, now: Date, reminderAt: Date): DeadlineStatus {
  if (now.getTime() > deadline.getTime()) return "breached";
  if (now.getTime() >= reminderAt.getTime()) return "due-soon";
  return "ok";
}
