import { addDays, dayNumber, type LocalDate } from "./local-date.js";
import { LruMap } from "./lru.js";

/**
 * Conversions between instants and a time zone's wall clock, with the offset taken from Intl
 * (the runtime's tz database), so DST-change days need no extra library.
 */

const MS_PER_DAY = 86_400_000;
const LAST_MS_OF_DAY = MS_PER_DAY - 1;

/** Zones in use at once: a deployment has a few; more only when many configs name different ones. */
export const MAX_CACHED_ZONES = 64;
/**
 * Remembered offsets, day ends and formatted deadlines: the reports of recent weeks fall in a few thousand quarter
 * hours and days. Deadlines to the minute rarely recur, so a larger memo would mostly hold memory, not save work.
 */
export const MAX_CACHED_INSTANTS = 2_048;
/**
 * Offsets are remembered per quarter hour of UTC: every zone's offset changes at most once in one, so a quarter hour
 * whose first and last seconds have the same offset has it throughout.
 */
const OFFSET_PERIOD_MS = 15 * 60_000;

const wallClockFormats = new LruMap<string, Intl.DateTimeFormat>(MAX_CACHED_ZONES);
const offsetsByPeriod = new LruMap<string, number>(MAX_CACHED_INSTANTS);

function wallClockFormat(timezone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClockFormats.set(timezone, format);
  }
  return format;
}

/** How many zones, offsets and day ends are remembered now (each memo holds at most its limit). */
export function rememberedTimes(): { zones: number; offsets: number; dayEnds: number } {
  return { zones: wallClockFormats.size, offsets: offsetsByPeriod.size, dayEnds: endOfDayCache.size };
}

/** The wall-clock reading at `instantMs`, expressed as if it were a UTC timestamp (whole seconds). */
function wallClockMs(instantMs: number, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormat(timezone).formatToParts(instantMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Milliseconds the zone is ahead of UTC at `instantMs` (+3_600_000 for CET, +7_200_000 for CEST). */
export function utcOffsetMs(instantMs: number, timezone: string): number {
  const periodStart = Math.floor(instantMs / OFFSET_PERIOD_MS) * OFFSET_PERIOD_MS;
  const key = `${timezone} ${periodStart}`;
  const known = offsetsByPeriod.get(key);
  if (known !== undefined) return known;
  const offset = offsetAtSecond(periodStart, timezone);
  if (offsetAtSecond(periodStart + OFFSET_PERIOD_MS - 1000, timezone) === offset) {
    offsetsByPeriod.set(key, offset);
    return offset;
  }
  return offsetAtSecond(instantMs, timezone);
}

function offsetAtSecond(instantMs: number, timezone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timezone) - wholeSecond;
}

/** The calendar date an instant falls on in `timezone`. */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const instantMs = instant.getTime();
  return new Date(instantMs + utcOffsetMs(instantMs, timezone)).toISOString().slice(0, 10);
}

/**
 * The last instant of a local day: 23:59:59.999 on the zone's wall clock. When that reading occurs
 * twice (a clock turned back at midnight) the later one is taken, so the day is never cut short.
 * Offsets are sampled a day either side, which finds both sides of any single transition nearby.
 */
export function endOfLocalDay(localDate: LocalDate, timezone: string): Date {
  const key = `${timezone} ${localDate}`;
  let instantMs = endOfDayCache.get(key);
  if (instantMs === undefined) {
    instantMs = lastInstantOfLocalDay(localDate, timezone);
    endOfDayCache.set(key, instantMs);
  }
  return new Date(instantMs);
}

/** Memo for endOfLocalDay: a batch triage asks for the same few hundred days over and over. */
const endOfDayCache = new LruMap<string, number>(MAX_CACHED_INSTANTS);

function lastInstantOfLocalDay(localDate: LocalDate, timezone: string): number {
  const wallMs = dayNumber(localDate) * MS_PER_DAY + LAST_MS_OF_DAY;
  const offsetBefore = utcOffsetMs(wallMs - MS_PER_DAY, timezone);
  const offsetAfter = utcOffsetMs(wallMs + MS_PER_DAY, timezone);
  if (offsetBefore === offsetAfter) return wallMs - offsetBefore;
  const matching = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instantMs) => instantMs + utcOffsetMs(instantMs, timezone) === wallMs,
  );
  return matching.length > 0 ? Math.max(...matching) : wallMs - offsetAfter;
}

/** The first instant of a local day (00:00 local, or the first existing time if midnight is skipped). */
export function startOfLocalDay(localDate: LocalDate, timezone: string): Date {
  return new Date(endOfLocalDay(addDays(localDate, -1), timezone).getTime() + 1);
}
