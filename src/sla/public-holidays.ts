import Holidays from "date-holidays";
import type { LocalDate } from "./local-date.js";

/** Public holidays of one year: local date → the holiday's name in the country's own language. */
export type HolidayNames = ReadonlyMap<LocalDate, string>;

export class UnknownHolidayRegionError extends Error {
  constructor(readonly region: string) {
    super(`no public-holiday data for "${region}" (expected a country code such as NL, or country-region such as DE-BY)`);
    this.name = "UnknownHolidayRegionError";
  }
}

const knownRegions = new Holidays();

/** Whether `date-holidays` has data for "NL", "DE-BY", …; an unknown state would silently fall back to the country. */
export function isKnownHolidayRegion(region: string): boolean {
  const [country = "", state] = region.split("-");
  if (!(country in knownRegions.getCountries())) return false;
  return state === undefined || state in (knownRegions.getStates(country) ?? {});
}

/** Reads a region's public holidays (type "public" only: school holidays and observances stay business days). */
export function publicHolidayReader(region: string): (year: number) => HolidayNames {
  if (!isKnownHolidayRegion(region)) throw new UnknownHolidayRegionError(region);
  const [country = "", state] = region.split("-");
  const holidays = state === undefined ? new Holidays(country) : new Holidays(country, state);
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
