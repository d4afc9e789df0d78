import { describe, expect, it } from "@jest/globals";
import { endOfLocalDay, localDateOf, startOfLocalDay } from "../../src/sla/calendar.js";

describe("localDateOf", () => {
  it.each([
    ["2026-11-17T22:59:59.999Z", "Europe/Amsterdam", "2026-11-17"],
    ["2026-11-17T23:00:00.000Z", "Europe/Amsterdam", "2026-11-18"], // 23:30 UTC is already tomorrow in winter
    ["2026-11-17T23:30:00.000Z", "Europe/Amsterdam", "2026-11-18"],
    ["2026-07-01T21:59:59.999Z", "Europe/Amsterdam", "2026-07-01"],
    ["2026-07-01T22:00:00.000Z", "Europe/Amsterdam", "2026-07-02"], // and from 22:00 UTC in summer
    ["2026-11-17T23:30:00.000Z", "UTC", "2026-11-17"],
    ["2026-11-18T03:00:00.000Z", "America/New_York", "2026-11-17"],
    ["2026-11-17T15:00:00.000Z", "Pacific/Kiritimati", "2026-11-18"],
  ])("%s in %s is %s", (instant, timezone, expected) => {
    expect(localDateOf(new Date(instant), timezone)).toBe(expected);
  });
});

describe("endOfLocalDay and startOfLocalDay", () => {
  it.each([
    // [local date, zone, end (23:59:59.999 local), start (00:00 local)]
    ["2026-11-28", "Europe/Amsterdam", "2026-11-28T22:59:59.999Z", "2026-11-27T23:00:00.000Z"],
    ["2026-07-01", "Europe/Amsterdam", "2026-07-01T21:59:59.999Z", "2026-06-30T22:00:00.000Z"],
    // last Sunday of March: 02:00 CET → 03:00 CEST, a 23-hour day
    ["2026-03-29", "Europe/Amsterdam", "2026-03-29T21:59:59.999Z", "2026-03-28T23:00:00.000Z"],
    ["2026-03-28", "Europe/Amsterdam", "2026-03-28T22:59:59.999Z", "2026-03-27T23:00:00.000Z"],
    ["2026-03-30", "Europe/Amsterdam", "2026-03-30T21:59:59.999Z", "2026-03-29T22:00:00.000Z"],
    // last Sunday of October: 03:00 CEST → 02:00 CET, a 25-hour day
    ["2026-10-25", "Europe/Amsterdam", "2026-10-25T22:59:59.999Z", "2026-10-24T22:00:00.000Z"],
    ["2026-10-24", "Europe/Amsterdam", "2026-10-24T21:59:59.999Z", "2026-10-23T22:00:00.000Z"],
    ["2026-10-26", "Europe/Amsterdam", "2026-10-26T22:59:59.999Z", "2026-10-25T23:00:00.000Z"],
    ["2026-11-28", "UTC", "2026-11-28T23:59:59.999Z", "2026-11-28T00:00:00.000Z"],
    ["2026-11-28", "America/New_York", "2026-11-29T04:59:59.999Z", "2026-11-28T05:00:00.000Z"],
    ["2026-11-28", "Asia/Kolkata", "2026-11-28T18:29:59.999Z", "2026-11-27T18:30:00.000Z"],
    // Santiago moves its clocks at midnight: 6 Sep 2026 begins at 01:00 local
    ["2026-09-06", "America/Santiago", "2026-09-07T02:59:59.999Z", "2026-09-06T04:00:00.000Z"],
    // …and on 4 Apr 2026 midnight comes twice; the day ends at the second 23:59:59.999
    ["2026-04-04", "America/Santiago", "2026-04-05T03:59:59.999Z", "2026-04-04T03:00:00.000Z"],
  ])("%s in %s runs until %s from %s", (localDate, timezone, end, start) => {
    expect(endOfLocalDay(localDate, timezone).toISOString()).toBe(end);
    expect(startOfLocalDay(localDate, timezone).toISOString()).toBe(start);
  });

  it("gives the DST-change days in Amsterdam 23 and 25 hours", () => {
    const hours = (date: string) =>
      (endOfLocalDay(date, "Europe/Amsterdam").getTime() + 1 - startOfLocalDay(date, "Europe/Amsterdam").getTime()) / 3_600_000;
    expect(hours("2026-03-29")).toBe(23);
    expect(hours("2026-10-25")).toBe(25);
    expect(hours("2026-06-15")).toBe(24);
  });
});
