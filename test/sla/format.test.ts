import { describe, expect, it } from "@jest/globals";
import type { Language } from "../../src/config/schema.js";
import { formatDate, formatDeadline } from "../../src/sla/format.js";

describe("formatDeadline", () => {
  it.each<[string, string, Language, string]>([
    ["2025-11-28T22:59:59.999Z", "Europe/Amsterdam", "en", "Friday 28 November 2025, 23:59 CET"],
    ["2025-11-28T22:59:59.999Z", "Europe/Amsterdam", "nl", "vrijdag 28 november 2025, 23:59 CET"],
    ["2026-11-27T22:59:59.999Z", "Europe/Amsterdam", "en", "Friday 27 November 2026, 23:59 CET"],
    ["2026-07-01T21:59:59.999Z", "Europe/Amsterdam", "en", "Wednesday 1 July 2026, 23:59 CEST"],
    ["2026-07-01T21:59:59.999Z", "Europe/Amsterdam", "nl", "woensdag 1 juli 2026, 23:59 CEST"],
    ["2026-03-29T21:59:59.999Z", "Europe/Amsterdam", "en", "Sunday 29 March 2026, 23:59 CEST"],
    ["2026-10-25T22:59:59.999Z", "Europe/Amsterdam", "nl", "zondag 25 oktober 2026, 23:59 CET"],
    ["2026-11-27T23:59:59.999Z", "UTC", "en", "Friday 27 November 2026, 23:59 UTC"],
    ["2026-11-27T23:59:59.999Z", "UTC", "nl", "vrijdag 27 november 2026, 23:59 UTC"],
    ["2026-01-05T08:07:00Z", "Europe/Amsterdam", "en", "Monday 5 January 2026, 09:07 CET"],
    ["2026-06-01T22:59:59.999Z", "Europe/London", "en", "Monday 1 June 2026, 23:59 BST"],
  ])("%s in %s (%s) reads %j", (instant, timezone, language, expected) => {
    expect(formatDeadline(new Date(instant), timezone, language)).toBe(expected);
  });

  it("reads every instant of a minute as the first one does, in zones offset by half and quarter hours and across clock changes", () => {
    const zones = ["Europe/Amsterdam", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"];
    const minutes = [
      "2026-03-29T00:58:00Z",
      "2026-03-29T00:59:00Z",
      "2026-03-29T01:00:00Z",
      "2026-10-04T14:59:00Z",
      "2026-04-04T15:00:00Z",
      "2026-11-01T03:30:00Z",
    ];
    for (const timezone of zones) {
      for (const minute of minutes) {
        const start = Date.parse(minute);
        const first = formatDeadline(new Date(start), timezone, "en");
        const last = new Date(start + 59_999);
        expect(formatDeadline(last, timezone, "en")).toBe(first);
        const zoneName = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, timeZoneName: "short" })
          .formatToParts(last)
          .find((part) => part.type === "timeZoneName")?.value;
        const clock = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
          last,
        );
        expect(first).toContain(`, ${clock} ${zoneName}`);
      }
    }
  });

  it("shows the minute the deadline falls in, never rounding 23:59:59.999 up to the next day", () => {
    expect(formatDeadline(new Date("2026-11-27T22:59:59.999Z"), "Europe/Amsterdam", "en")).toContain("27 November");
  });
});

describe("formatDate", () => {
  it.each<[string, Language, string]>([
    ["2026-11-28", "en", "28 November 2026"],
    ["2026-11-28", "nl", "28 november 2026"],
    ["2027-03-01", "en", "1 March 2027"],
    ["2027-03-01", "nl", "1 maart 2027"],
  ])("%s (%s) reads %j", (localDate, language, expected) => {
    expect(formatDate(localDate, language)).toBe(expected);
  });

  it("refuses a date that does not exist", () => {
    expect(() => formatDate("2026-02-30", "en")).toThrow("2026-02-30");
  });
});
