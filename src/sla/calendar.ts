import type { CalendarConfig, ClosureDay } from "../config/schema.js";
import { addDays, dayNumber, weekdayOf, yearOf, type LocalDate } from "./local-date.js";
import { publicHolidayReader, type HolidayNames } from "./public-holidays.js";

export type { LocalDate } from "./local-date.js";
export { InvalidLocalDateError } from "./local-date.js";
export { UnknownHolidayRegionError, isKnownHolidayRegion } from "./public-holidays.js";
export { endOfLocalDay, localDateOf, startOfLocalDay } from "./local-time.js";

/** The policy's working days: Monday–Friday, minus public holidays and configured closure days. */
export interface BusinessCalendar {
  readonly timezone: string;
  isBusinessDay(localDate: LocalDate): boolean;
  /** Why a day is not a business day ("Koningsdag", "Christmas shutdown", "closure day", "weekend"); undefined on a business day. */
  nonBusinessReason(localDate: LocalDate): string | undefined;
  /**
   * The nth business day strictly after `localDate` (n > 0), strictly before it (n < 0), or
   * `localDate` itself (n = 0).
   */
  addBusinessDays(localDate: LocalDate, n: number): LocalDate;
  /**
   * The n for which addBusinessDays(from, n) = to, when `to` is a business day: the business days d
   * with from < d ≤ to, or, when `to` is before `from`, minus those with to ≤ d < from.
   */
  businessDaysBetween(from: LocalDate, to: LocalDate): number;
}

export class InvalidClosureRangeError extends Error {
  constructor(
    readonly from: LocalDate,
    readonly to: LocalDate,
  ) {
    super(`closure range ends before it starts: ${from}/${to}`);
    this.name = "InvalidClosureRangeError";
  }
}

interface ClosureRange {
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

const DEFAULT_CLOSURE_REASON = "closure day";
const SATURDAY = 6;
const SUNDAY = 0;

function toClosureRange(entry: ClosureDay): ClosureRange {
  const [from, to, reason] =
    typeof entry === "string"
      ? [entry.slice(0, 10), entry.slice(-10), DEFAULT_CLOSURE_REASON]
      : [entry.from, entry.to, entry.reason ?? DEFAULT_CLOSURE_REASON];
  if (dayNumber(from) > dayNumber(to)) throw new InvalidClosureRangeError(from, to);
  return { from, to, reason };
}

function noHolidays(): HolidayNames {
  return new Map();
}

function buildCalendar(config: CalendarConfig): BusinessCalendar {
  // Fail on a bad zone now rather than at the first deadline.
  new Intl.DateTimeFormat("en-US", { timeZone: config.timezone });
  const closures = config.closed.map(toClosureRange);
  const readHolidays = config.holidays === undefined ? noHolidays : publicHolidayReader(config.holidays);
  const holidaysByYear = new Map<number, HolidayNames>();

  function holidayName(localDate: LocalDate): string | undefined {
    const year = yearOf(localDate);
    let names = holidaysByYear.get(year);
    if (!names) {
      names = readHolidays(year);
      holidaysByYear.set(year, names);
    }
    return names.get(localDate);
  }

  function nonBusinessReason(localDate: LocalDate): string | undefined {
    const weekday = weekdayOf(localDate);
    return (
      holidayName(localDate) ??
      closures.find((closure) => closure.from <= localDate && localDate <= closure.to)?.reason ??
      (weekday === SATURDAY || weekday === SUNDAY ? "weekend" : undefined)
    );
  }

  function isBusinessDay(localDate: LocalDate): boolean {
    return nonBusinessReason(localDate) === undefined;
  }

  function addBusinessDays(localDate: LocalDate, n: number): LocalDate {
    const step = Math.sign(n);
    let date = localDate;
    for (let remaining = Math.abs(n); remaining > 0;) {
      date = addDays(date, step);
      if (isBusinessDay(date)) remaining -= 1;
    }
    return date;
  }

  function businessDaysBetween(from: LocalDate, to: LocalDate): number {
    const [first, last, sign] = from <= to ? [addDays(from, 1), to, 1] : [to, addDays(from, -1), -1];
    let count = 0;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if (isBusinessDay(date)) count += 1;
    }
    return sign * count;
  }

  return { timezone: config.timezone, isBusinessDay, nonBusinessReason, addBusinessDays, businessDaysBetween };
}

const calendars = new WeakMap<CalendarConfig, BusinessCalendar>();

/**
 * The business calendar for a config, built once per config object: callers may call this on every
 * use, and the holidays of each year are read once per calendar. A parsed config is never mutated;
 * a changed calendar arrives as a new object and gets its own calendar.
 */
export function createBusinessCalendar(calendar: CalendarConfig): BusinessCalendar {
  let businessCalendar = calendars.get(calendar);
  if (!businessCalendar) {
    businessCalendar = buildCalendar(calendar);
    calendars.set(calendar, businessCalendar);
  }
  return businessCalendar;
}
