/**
 * Calendar dates without a time zone, written "YYYY-MM-DD". They compare correctly as strings,
 * and all arithmetic goes through a day number (days since 1970-01-01) so it never meets DST.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidLocalDateError extends Error {
  constructor(readonly value: string) {
    super(`not a calendar date (YYYY-MM-DD): "${value}"`);
    this.name = "InvalidLocalDateError";
  }
}

/** Days since 1970-01-01; throws on anything that is not a real date ("2026-02-30" included). */
export function dayNumber(localDate: LocalDate): number {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new InvalidLocalDateError(localDate);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(ms);
  if (roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    throw new InvalidLocalDateError(localDate);
  }
  return ms / MS_PER_DAY;
}

export function fromDayNumber(days: number): LocalDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(localDate: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(localDate) + days);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(localDate: LocalDate): number {
  return new Date(dayNumber(localDate) * MS_PER_DAY).getUTCDay();
}

export function yearOf(localDate: LocalDate): number {
  return Number(localDate.slice(0, 4));
}
