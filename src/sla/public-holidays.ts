import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { LocalDate } from "./local-date.js";

/** Public holidays of one year: local date → the holiday's name in the country's own language. */
export type HolidayNames = ReadonlyMap<LocalDate, string>;

export class UnknownHolidayRegionError extends Error {
  constructor(readonly region: string) {
    super(`no public-holiday data for "${region}" (expected a country code such as NL, or country-region such as DE-BY)`);
    this.name = "UnknownHolidayRegionError";
  }
}

/**
 * `date-holidays` ships every country's rules in one file, and its parser brings calendars and a time-zone database
 * of its own: together some 30 MB that a process keeps for good once loaded. So the parser is loaded only when a
 * config names a region, and holds only the rules of that region's country (and the countries those rules borrow
 * from, such as FR for GP); the file is read for that and then let go.
 */
interface HolidayData {
  version: string;
  license: string;
  names: object;
  holidays: Record<string, RegionRules>;
}

interface RegionRules {
  _days?: string | string[];
  states?: Record<string, RegionRules>;
  regions?: Record<string, RegionRules>;
}

/** The part of `date-holidays-parser` used here (its package exports no types). */
type HolidayParser = new (
  data: HolidayData,
  country: string,
  state?: string,
) => {
  getHolidays(year: number): { date: string; name: string; type: string }[];
};

const require = createRequire(import.meta.url);

let lastRead: WeakRef<HolidayData> | undefined;

/** The whole data file, read again only once the last copy was collected (validation and reader follow each other). */
function readHolidayData(): HolidayData {
  const remembered = lastRead?.deref();
  if (remembered) return remembered;
  const dataFile = new URL("data/holidays.json", pathToFileURL(require.resolve("date-holidays/package.json")));
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as HolidayData;
  lastRead = new WeakRef(data);
  return data;
}

let regionIndex: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/** Countries with holiday data, each with its states (or regions), read once from the data file. */
function knownRegions(): ReadonlyMap<string, ReadonlySet<string>> {
  regionIndex ??= new Map(
    Object.entries(readHolidayData().holidays).map(([country, rules]) => [
      country,
      new Set(Object.keys(rules.states ?? rules.regions ?? {})),
    ]),
  );
  return regionIndex;
}

/** Whether `date-holidays` has data for "NL", "DE-BY", …; an unknown state would silently fall back to the country. */
export function isKnownHolidayRegion(region: string): boolean {
  const [country = "", state] = region.split("-");
  const states = knownRegions().get(country);
  return states !== undefined && (state === undefined || states.has(state));
}

/** A country's rules with every country they borrow days from: the data a parser for one of its regions needs. */
function countryData(all: HolidayData, country: string): HolidayData {
  const holidays: Record<string, RegionRules> = {};
  const include = (code: string) => {
    const rules = all.holidays[code];
    if (rules === undefined || code in holidays) return;
    holidays[code] = rules;
    borrowedCountries(rules).forEach(include);
  };
  include(country);
  // A copy of its own: strings parsed from the whole file may be slices of its text, which would then stay in memory.
  return JSON.parse(JSON.stringify({ version: all.version, license: all.license, names: all.names, holidays })) as HolidayData;
}

function borrowedCountries(rules: RegionRules): string[] {
  const own = rules._days === undefined ? [] : [[rules._days].flat()[0] ?? ""];
  const parts = [...Object.values(rules.states ?? {}), ...Object.values(rules.regions ?? {})];
  return [...own, ...parts.flatMap(borrowedCountries)];
}

/** Reads a region's public holidays (type "public" only: school holidays and observances stay business days). */
export function publicHolidayReader(region: string): (year: number) => HolidayNames {
  if (!isKnownHolidayRegion(region)) throw new UnknownHolidayRegionError(region);
  const [country = "", state] = region.split("-");
  const Holidays = (require("date-holidays-parser") as { default: HolidayParser }).default;
  const data = countryData(readHolidayData(), country);
  const holidays = state === undefined ? new Holidays(data, country) : new Holidays(data, country, state);
  return (year) => {
    const names = new Map<LocalDate, string>();
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== "public") continue;
      const date = holiday.date.slice(0, 10);
      names.set(date, names.has(date) ? `${names.get(date)} / ${holiday.name}` : holiday.name);
    }
    return names;
  };
}
