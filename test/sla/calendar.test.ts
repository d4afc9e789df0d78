import { describe, expect, it } from "@jest/globals";
import type { CalendarConfig } from "../../src/config/schema.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";
import {
  createBusinessCalendar,
  InvalidClosureRangeError,
  InvalidLocalDateError,
  isKnownHolidayRegion,
  UnknownHolidayRegionError,
} from "../../src/sla/calendar.js";

const netherlands = createBusinessCalendar({ timezone: "Europe/Amsterdam", holidays: "NL", closed: [] });

describe("Dutch public holidays (date-holidays, type public only)", () => {
  it.each([
    ["2026-01-01", "Nieuwjaar"],
    ["2026-04-06", "Tweede paasdag"],
    ["2026-04-27", "Koningsdag"],
    ["2025-04-26", "Koningsdag"], // 27 April 2025 is a Sunday, so King's Day is the Saturday before
    ["2026-05-14", "Hemelvaartsdag"],
    ["2026-05-25", "Tweede pinksterdag"],
    ["2026-12-25", "Kerstmis"],
    ["2026-12-26", "Tweede kerstdag"],
    ["2027-05-06", "Hemelvaartsdag"],
    ["2030-04-22", "Tweede paasdag"],
  ])("%s is %s", (date, name) => {
    expect(netherlands.nonBusinessReason(date)).toBe(name);
    expect(netherlands.isBusinessDay(date)).toBe(false);
  });

  it.each([
    ["2026-04-03", "Good Friday (a school holiday in the data)"],
    ["2026-05-05", "Liberation Day (not a general day off; a school holiday in the data)"],
    ["2025-05-05", "Liberation Day in a lustrum year"],
    ["2026-12-31", "New Year's Eve (a bank holiday in the data)"],
    ["2026-12-15", "Kingdom Day (an observance)"],
    ["2025-04-28", "the Monday after King's Day on a Sunday"],
  ])("%s is a business day: %s", (date) => {
    expect(netherlands.nonBusinessReason(date)).toBeUndefined();
    expect(netherlands.isBusinessDay(date)).toBe(true);
  });

  it("names weekends", () => {
    expect(netherlands.nonBusinessReason("2026-11-21")).toBe("weekend");
    expect(netherlands.nonBusinessReason("2026-11-22")).toBe("weekend");
    expect(netherlands.isBusinessDay("2026-11-20")).toBe(true);
  });
});

describe("other holiday regions", () => {
  it("uses a German state's own holidays (Bavaria keeps Epiphany and Corpus Christi)", () => {
    const bavaria = createBusinessCalendar({ timezone: "Europe/Berlin", holidays: "DE-BY", closed: [] });
    const berlin = createBusinessCalendar({ timezone: "Europe/Berlin", holidays: "DE-BE", closed: [] });
    expect(bavaria.nonBusinessReason("2026-01-06")).toBe("Heilige Drei Könige");
    expect(bavaria.nonBusinessReason("2026-06-04")).toBe("Fronleichnam");
    expect(berlin.isBusinessDay("2026-06-04")).toBe(true);
    expect(bavaria.nonBusinessReason("2026-10-03")).toBe("Tag der Deutschen Einheit");
  });

  it("has only weekends and closure days when no country is configured", () => {
    const plain = createBusinessCalendar({ timezone: "UTC", closed: [] });
    expect(plain.isBusinessDay("2026-12-25")).toBe(true);
    expect(plain.isBusinessDay("2026-12-26")).toBe(false);
  });

  it.each([
    ["NL", true],
    ["DE-BY", true],
    ["XX", false],
    ["DE-ZZ", false],
    ["NL-XX", false],
  ])("knows whether %s has holiday data (%p)", (region, known) => {
    expect(isKnownHolidayRegion(region)).toBe(known);
  });

  it("refuses an unknown region instead of silently counting its holidays as business days", () => {
    expect(() => createBusinessCalendar({ timezone: "UTC", holidays: "DE-ZZ", closed: [] })).toThrow(UnknownHolidayRegionError);
  });

  it("refuses an unknown time zone", () => {
    expect(() => createBusinessCalendar({ timezone: "Europe/Atlantis", closed: [] })).toThrow(RangeError);
  });
});

describe("closure days", () => {
  const withShutdown: CalendarConfig = {
    timezone: "Europe/Amsterdam",
    holidays: "NL",
    closed: [{ from: "2026-12-24", to: "2027-01-01", reason: "Christmas shutdown" }, "2026-11-13", "2026-08-03/2026-08-07"],
  };
  const calendar = createBusinessCalendar(withShutdown);

  it.each([
    ["2026-12-24", "Christmas shutdown"],
    ["2026-12-25", "Kerstmis"], // the holiday's own name wins over the closure
    ["2026-12-28", "Christmas shutdown"],
    ["2026-12-31", "Christmas shutdown"],
    ["2027-01-01", "Nieuwjaar"],
    ["2026-11-13", "closure day"],
    ["2026-08-03", "closure day"],
    ["2026-08-07", "closure day"],
  ])("%s is closed: %s", (date, reason) => {
    expect(calendar.nonBusinessReason(date)).toBe(reason);
  });

  it.each(["2026-12-23", "2027-01-04", "2026-11-12", "2026-11-16", "2026-07-31", "2026-08-10"])(
    "%s, just outside a closure, is a business day",
    (date) => {
      expect(calendar.isBusinessDay(date)).toBe(true);
    },
  );

  it("pushes a deadline over the whole shutdown", () => {
    // Tuesday 22 Dec 2026: 23 Dec is the only business day before Monday 4 Jan 2027.
    expect(calendar.addBusinessDays("2026-12-22", 1)).toBe("2026-12-23");
    expect(calendar.addBusinessDays("2026-12-22", 2)).toBe("2027-01-04");
    expect(calendar.addBusinessDays("2026-12-22", 5)).toBe("2027-01-07");
  });

  it("refuses a range that ends before it starts", () => {
    expect(() => createBusinessCalendar({ timezone: "UTC", closed: [{ from: "2026-12-31", to: "2026-12-24" }] })).toThrow(
      InvalidClosureRangeError,
    );
    expect(() => createBusinessCalendar({ timezone: "UTC", closed: ["2026-12-31/2026-12-24"] })).toThrow("2026-12-31/2026-12-24");
  });

  it("refuses a closure day that does not exist", () => {
    expect(() => createBusinessCalendar({ timezone: "UTC", closed: ["2026-02-29"] })).toThrow(InvalidLocalDateError);
  });
});

describe("business-day arithmetic", () => {
  it.each([
    ["2026-11-20", 1, "2026-11-23"], // Friday → Monday
    ["2026-11-21", 1, "2026-11-23"], // Saturday → Monday
    ["2026-11-20", 5, "2026-11-27"],
    ["2026-11-18", 0, "2026-11-18"],
    ["2026-11-22", 0, "2026-11-22"], // 0 leaves even a Sunday where it is
    ["2026-11-23", -1, "2026-11-20"], // Monday → Friday before
    ["2026-04-28", -1, "2026-04-24"], // over King's Day and the weekend
    ["2026-12-24", 2, "2026-12-29"], // over Christmas and the weekend
    ["2026-12-31", 1, "2027-01-04"], // over New Year's Day into the next year
  ])("%s + %i business days = %s", (from, n, expected) => {
    expect(netherlands.addBusinessDays(from, n)).toBe(expected);
  });

  it("counts 255 business days in 2026: 261 weekdays minus 6 public holidays on weekdays", () => {
    expect(netherlands.businessDaysBetween("2025-12-31", "2026-12-31")).toBe(255);
    expect(netherlands.addBusinessDays("2025-12-31", 255)).toBe("2026-12-31");
  });

  it.each([
    ["2026-11-20", "2026-11-27", 5], // Friday → Friday
    ["2026-11-21", "2026-11-23", 1], // counts the end, not the start
    ["2026-11-23", "2026-11-23", 0],
    ["2026-11-27", "2026-11-20", -5],
    ["2026-04-24", "2026-04-28", 1], // King's Day and the weekend between
  ])("from %s to %s is %i business days", (from, to, expected) => {
    expect(netherlands.businessDaysBetween(from, to)).toBe(expected);
  });
});

describe("createBusinessCalendar", () => {
  it("returns the same calendar for the same config object", () => {
    const config: CalendarConfig = { timezone: "Europe/Amsterdam", holidays: "NL", closed: [] };
    expect(createBusinessCalendar(config)).toBe(createBusinessCalendar(config));
    expect(createBusinessCalendar({ ...config })).not.toBe(createBusinessCalendar(config));
  });

  it("walks years of days in time proportional to their number", () => {
    expect(netherlands.businessDaysBetween("2025-12-31", "2035-12-31")).toBeGreaterThan(2500);
    expectAtMostLinearGrowth((years) => netherlands.businessDaysBetween("2025-12-31", `${2025 + years}-12-31`), { sizes: [1, 10] });
  });
});

describe("businessDaysBetween backwards", () => {
  it.each([
    ["2026-11-22", "2026-11-20", -1], // Sunday back to Friday: addBusinessDays("2026-11-22", -1)
    ["2026-11-23", "2026-11-20", -1], // Monday back to Friday
    ["2026-11-23", "2026-11-19", -2],
  ])("from %s back to %s is %i, matching addBusinessDays", (from, to, n) => {
    expect(netherlands.businessDaysBetween(from, to)).toBe(n);
    expect(netherlands.addBusinessDays(from, n)).toBe(to);
  });
});
