import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { CalendarConfig, SlaConfig } from "../../src/config/schema.js";
import { createBusinessCalendar, localDateOf } from "../../src/sla/calendar.js";
import { computeDeadlines, reminderDueAt } from "../../src/sla/deadlines.js";
import { addDays } from "../../src/sla/local-date.js";

const calendars: CalendarConfig[] = [
  { timezone: "Europe/Amsterdam", holidays: "NL", closed: [{ from: "2026-12-24", to: "2027-01-01", reason: "shutdown" }] },
  { timezone: "Europe/Berlin", holidays: "DE-BY", closed: ["2027-08-02/2027-08-13"] },
  { timezone: "America/New_York", holidays: "US", closed: [] },
  { timezone: "UTC", closed: [] },
];

const instants = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true });
const calendarConfigs = fc.constantFrom(...calendars);
const businessDayCounts = fc.integer({ min: 1, max: 20 });

function slaWith(businessDays: number): SlaConfig {
  return { response: { businessDays }, remind: { businessDaysBefore: 1 }, needsInfo: { pauseClock: true } };
}

/** The wall-clock reading of an instant in a zone, to the millisecond. */
function wallClock(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
  }).format(instant);
}

describe("SLA clock properties", () => {
  it("puts the response deadline at 23:59:59.999 local on a business day, N business days after receipt", () => {
    fc.assert(
      fc.property(instants, calendarConfigs, businessDayCounts, (receivedAt, calendar, n) => {
        const { responseDue } = computeDeadlines({ receivedAt }, slaWith(n), calendar);
        const business = createBusinessCalendar(calendar);
        const receivedOn = localDateOf(receivedAt, calendar.timezone);
        const dueOn = localDateOf(responseDue, calendar.timezone);
        expect(business.isBusinessDay(dueOn)).toBe(true);
        expect(dueOn > receivedOn).toBe(true);
        expect(business.businessDaysBetween(receivedOn, dueOn)).toBe(n);
        expect(business.businessDaysBetween(receivedOn, addDays(dueOn, -1))).toBe(n - 1);
        expect(wallClock(responseDue, calendar.timezone)).toBe("23:59:59.999");
        expect(localDateOf(new Date(responseDue.getTime() + 1), calendar.timezone) > dueOn).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("makes addBusinessDays and businessDaysBetween inverses, forwards and backwards", () => {
    fc.assert(
      fc.property(instants, calendarConfigs, fc.integer({ min: -40, max: 40 }), (instant, calendar, n) => {
        const business = createBusinessCalendar(calendar);
        const from = localDateOf(instant, calendar.timezone);
        const to = business.addBusinessDays(from, n);
        expect(business.businessDaysBetween(from, to)).toBe(n);
        if (n !== 0) expect(business.isBusinessDay(to)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reminds at the start of a business day, N business days before the deadline and never after it", () => {
    fc.assert(
      fc.property(instants, calendarConfigs, businessDayCounts, fc.integer({ min: 0, max: 5 }), (receivedAt, calendar, n, before) => {
        const { responseDue } = computeDeadlines({ receivedAt }, slaWith(n), calendar);
        const reminder = reminderDueAt(responseDue, before, calendar);
        const business = createBusinessCalendar(calendar);
        const reminderOn = localDateOf(reminder, calendar.timezone);
        expect(reminder.getTime()).toBeLessThan(responseDue.getTime());
        expect(business.isBusinessDay(reminderOn)).toBe(true);
        expect(business.businessDaysBetween(reminderOn, localDateOf(responseDue, calendar.timezone))).toBe(before);
        expect(wallClock(reminder, calendar.timezone)).toBe("00:00:00.000");
      }),
      { numRuns: 300 },
    );
  });

  it("never brings a deadline forward when the clock was paused longer", () => {
    const policy: SlaConfig = { ...slaWith(5), resolution: { days: 30 }, updates: { everyDays: 14 } };
    const durations = fc.integer({ min: 0, max: 60 * 86_400_000 });
    fc.assert(
      fc.property(instants, calendarConfigs, durations, durations, (receivedAt, calendar, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        const early = computeDeadlines({ receivedAt, pausedMs: shorter }, policy, calendar);
        const late = computeDeadlines({ receivedAt, pausedMs: longer }, policy, calendar);
        expect(late.responseDue.getTime()).toBeGreaterThanOrEqual(early.responseDue.getTime());
        expect(late.resolutionDue?.getTime()).toBeGreaterThanOrEqual(early.resolutionDue?.getTime() ?? Infinity);
        expect(late.firstUpdateDue?.getTime()).toBeGreaterThanOrEqual(early.firstUpdateDue?.getTime() ?? Infinity);
      }),
      { numRuns: 300 },
    );
  });
});
