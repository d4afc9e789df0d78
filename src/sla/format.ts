import type { Language } from "../config/schema.js";
import { dayNumber, type LocalDate } from "./local-date.js";
import { MAX_CACHED_INSTANTS, MAX_CACHED_ZONES } from "./local-time.js";
import { LruMap } from "./lru.js";

const LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-NL" };
/** en-GB names the zones researchers know ("CET", "CEST", "UTC", "BST"); en-US would print "GMT+1". */
const ZONE_NAME_LOCALE = "en-GB";
const MS_PER_DAY = 86_400_000;

/** Two formats per zone and language in use. */
const formats = new LruMap<string, Intl.DateTimeFormat>(4 * MAX_CACHED_ZONES);
/** Formatted deadlines and dates: a deadline is the end of a local day, so the same few thousand recur. */
const formattedDeadlines = new LruMap<string, string>(MAX_CACHED_INSTANTS);
const formattedDates = new LruMap<string, string>(MAX_CACHED_INSTANTS);

/** How many formats and formatted texts are remembered now (each memo holds at most its limit). */
export function rememberedTexts(): { formats: number; deadlines: number; dates: number } {
  return { formats: formats.size, deadlines: formattedDeadlines.size, dates: formattedDates.size };
}

function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { calendar: "gregory", numberingSystem: "latn", ...options });
    formats.set(key, format);
  }
  return format;
}

function partsOf(format: Intl.DateTimeFormat, instant: Date | number): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/**
 * A deadline in the researcher's words, on the policy's wall clock, to the minute:
 * "Friday 28 November 2025, 23:59 CET" / "vrijdag 28 november 2025, 23:59 CET".
 */
export function formatDeadline(instant: Date, timezone: string, language: Language): string {
  const key = `${minuteOf(instant.getTime())} ${timezone} ${language}`;
  let text = formattedDeadlines.get(key);
  if (text === undefined) {
    text = deadlineText(instant, timezone, language);
    formattedDeadlines.set(key, text);
  }
  return text;
}

/**
 * Since 1980 every zone's offset is a whole number of minutes and changes on a whole minute, so all instants of one UTC
 * minute read the same to the minute: a case's receipt, to the millisecond, shares its text with the others of its
 * minute. Earlier instants (local mean times of seconds) keep their own.
 */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1980, 0, 1);

function minuteOf(instantMs: number): number {
  return instantMs >= WHOLE_MINUTE_OFFSETS_FROM ? Math.floor(instantMs / 60_000) * 60_000 : instantMs;
}

function deadlineText(instant: Date, timezone: string, language: Language): string {
  const date = partsOf(
    cachedFormat(LOCALES[language], {
      timeZone: timezone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
    instant,
  );
  const zone = partsOf(cachedFormat(ZONE_NAME_LOCALE, { timeZone: timezone, timeZoneName: "short" }), instant);
  return `${date.weekday} ${date.day} ${date.month} ${date.year}, ${date.hour}:${date.minute} ${zone.timeZoneName}`;
}

/** A calendar date in the researcher's words: "28 November 2026" / "28 november 2026". */
export function formatDate(localDate: LocalDate, language: Language): string {
  const key = `${localDate} ${language}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = dateText(localDate, language);
    formattedDates.set(key, text);
  }
  return text;
}

function dateText(localDate: LocalDate, language: Language): string {
  const date = partsOf(
    cachedFormat(LOCALES[language], { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }),
    dayNumber(localDate) * MS_PER_DAY,
  );
  return `${date.day} ${date.month} ${date.year}`;
}
