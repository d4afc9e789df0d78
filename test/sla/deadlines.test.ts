import { describe, expect, it } from "@jest/globals";
import type { CalendarConfig, SlaConfig } from "../../src/config/schema.js";
import { computeDeadlines, deadlineStatus, reminderDueAt, wholePausedDays } from "../../src/sla/deadlines.js";

const amsterdam: CalendarConfig = { timezone: "Europe/Amsterdam", holidays: "NL", closed: [] };

function sla(overrides: Partial<SlaConfig> = {}): SlaConfig {
  return {
    response: { businessDays: 5 },
    remind: { businessDaysBefore: 1 },
    needsInfo: { pauseClock: true },
    ...overrides,
  };
}

const openworx = sla({ response: { businessDays: 5 } });
const mijnPartnerGroep = sla({ response: { businessDays: 3 }, resolution: { days: 30 } });
const DAY = 86_400_000;

describe("computeDeadlines: response deadline", () => {
  it.each([
    // [what, receivedAt (UTC), policy, expected responseDue (UTC)]
    [
      "the spec's example: Friday 21 Nov 2025 daytime, 5 business days → Friday 28 Nov",
      "2025-11-21T10:00:00Z",
      openworx,
      "2025-11-28T22:59:59.999Z",
    ],
    ["Saturday 21 Nov 2026, 5 business days → Friday 27 Nov", "2026-11-21T10:00:00Z", openworx, "2026-11-27T22:59:59.999Z"],
    ["Friday evening 20 Nov 2026 counts from Friday → Friday 27 Nov", "2026-11-20T21:30:00Z", openworx, "2026-11-27T22:59:59.999Z"],
    ["Saturday 21 Nov 2026, 3 business days → Wednesday 25 Nov", "2026-11-21T10:00:00Z", mijnPartnerGroep, "2026-11-25T22:59:59.999Z"],
    ["Sunday 22 Nov 2026, 3 business days → Wednesday 25 Nov", "2026-11-22T10:00:00Z", mijnPartnerGroep, "2026-11-25T22:59:59.999Z"],
    [
      "Tuesday 23:30 UTC is Wednesday in Amsterdam → Monday, not Friday",
      "2026-11-17T23:30:00Z",
      mijnPartnerGroep,
      "2026-11-23T22:59:59.999Z",
    ],
    ["Tuesday 22:59 UTC is still Tuesday in Amsterdam → Friday", "2026-11-17T22:59:00Z", mijnPartnerGroep, "2026-11-20T22:59:59.999Z"],
    [
      "King's Day Mon 27 Apr 2026 skipped: Fri 24 Apr + 3 → Thu 30 Apr (summer time)",
      "2026-04-24T09:00:00Z",
      mijnPartnerGroep,
      "2026-04-30T21:59:59.999Z",
    ],
    [
      "Easter Monday 6 Apr 2026 skipped: Thu 2 Apr + 3 → Wed 8 Apr (Good Friday is worked)",
      "2026-04-02T09:00:00Z",
      mijnPartnerGroep,
      "2026-04-08T21:59:59.999Z",
    ],
    [
      "Ascension Thu 14 May 2026 skipped: Tue 12 May + 3 → Mon 18 May",
      "2026-05-12T09:00:00Z",
      mijnPartnerGroep,
      "2026-05-18T21:59:59.999Z",
    ],
    ["Whit Monday 25 May 2026 skipped: Fri 22 May + 3 → Thu 28 May", "2026-05-22T09:00:00Z", mijnPartnerGroep, "2026-05-28T21:59:59.999Z"],
    [
      "Liberation Day Tue 5 May 2026 is worked: Mon 4 May + 3 → Thu 7 May",
      "2026-05-04T09:00:00Z",
      mijnPartnerGroep,
      "2026-05-07T21:59:59.999Z",
    ],
    ["Christmas Fri 25 Dec 2026 skipped: Wed 23 Dec + 5 → Thu 31 Dec", "2026-12-23T09:00:00Z", openworx, "2026-12-31T22:59:59.999Z"],
    [
      "New Year's Day Fri 1 Jan 2027: Wed 30 Dec 2026 + 3 → Tue 5 Jan",
      "2026-12-30T09:00:00Z",
      mijnPartnerGroep,
      "2027-01-05T22:59:59.999Z",
    ],
    [
      "across the March DST change: Fri 27 Mar 2026 + 3 → Wed 1 Apr, 23:59 CEST",
      "2026-03-27T12:00:00Z",
      mijnPartnerGroep,
      "2026-04-01T21:59:59.999Z",
    ],
    [
      "across the October DST change: Fri 23 Oct 2026 + 3 → Wed 28 Oct, 23:59 CET",
      "2026-10-23T12:00:00Z",
      mijnPartnerGroep,
      "2026-10-28T22:59:59.999Z",
    ],
  ])("%s", (_what, receivedAt, policy, expected) => {
    expect(computeDeadlines({ receivedAt: new Date(receivedAt) }, policy, amsterdam).responseDue.toISOString()).toBe(expected);
  });
});

describe("computeDeadlines: resolution and update deadlines", () => {
  const withUpdates = sla({ response: { businessDays: 3 }, resolution: { days: 30 }, updates: { everyDays: 14 } });

  it("defaults resolution to the end of receipt date + 30 calendar days, weekends included", () => {
    // Saturday 21 Nov 2026 + 30 days = Monday 21 Dec 2026.
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-21T10:00:00Z") }, withUpdates, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-12-21T22:59:59.999Z");
    expect(deadlines.firstUpdateDue?.toISOString()).toBe("2026-12-05T22:59:59.999Z");
  });

  it("lets a 30-day resolution land on a holiday or weekend: calendar days are not business days", () => {
    // Thursday 26 Nov 2026 + 30 days = Saturday 26 Dec 2026 (Tweede kerstdag).
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-26T10:00:00Z") }, withUpdates, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-12-26T22:59:59.999Z");
  });

  it("counts calendar days from the local receipt date, which at 23:30 UTC is already tomorrow", () => {
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-17T23:30:00Z") }, withUpdates, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-12-18T22:59:59.999Z");
  });

  it("ends a calendar deadline after the October clock change at 23:59 CET", () => {
    // Sunday 27 Sep 2026 (CEST) + 30 days = Tuesday 27 Oct 2026 (CET).
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-09-27T10:00:00Z") }, withUpdates, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-10-27T22:59:59.999Z");
  });

  it("takes a maintainer's resolveBy date over the policy default", () => {
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-21T10:00:00Z"), resolveBy: "2027-02-15" }, withUpdates, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2027-02-15T22:59:59.999Z");
  });

  it("honours resolveBy even when the policy has no resolution term", () => {
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-21T10:00:00Z"), resolveBy: "2026-12-01" }, openworx, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-12-01T22:59:59.999Z");
  });

  it("leaves resolution and updates out when the policy has neither and no date was given", () => {
    const deadlines = computeDeadlines({ receivedAt: new Date("2026-11-21T10:00:00Z") }, openworx, amsterdam);
    expect(deadlines).toEqual({ responseDue: new Date("2026-11-27T22:59:59.999Z") });
  });

  it("rejects a resolveBy that is not a real date", () => {
    expect(() => computeDeadlines({ receivedAt: new Date("2026-11-21T10:00:00Z"), resolveBy: "2026-02-29" }, openworx, amsterdam)).toThrow(
      "2026-02-29",
    );
  });
});

describe("computeDeadlines: paused clock", () => {
  const policy = sla({ response: { businessDays: 3 }, resolution: { days: 30 }, updates: { everyDays: 14 } });
  const receivedAt = new Date("2026-11-16T10:00:00Z"); // Monday

  it.each([
    // [paused, response (N + P business days after Mon 16 Nov), resolution (16 Nov + 30 + P), first update (16 Nov + 14 + P)]
    [0, "2026-11-19", "2026-12-16", "2026-11-30"],
    [DAY - 1, "2026-11-19", "2026-12-16", "2026-11-30"],
    [DAY, "2026-11-20", "2026-12-17", "2026-12-01"],
    [2 * DAY + 5 * 3_600_000, "2026-11-23", "2026-12-18", "2026-12-02"],
    [7 * DAY, "2026-11-30", "2026-12-23", "2026-12-07"],
  ])("paused %i ms → response %s, resolution %s, first update %s", (pausedMs, response, resolution, update) => {
    const deadlines = computeDeadlines({ receivedAt, pausedMs }, policy, amsterdam);
    expect(deadlines.responseDue.toISOString()).toBe(`${response}T22:59:59.999Z`);
    expect(deadlines.resolutionDue?.toISOString()).toBe(`${resolution}T22:59:59.999Z`);
    expect(deadlines.firstUpdateDue?.toISOString()).toBe(`${update}T22:59:59.999Z`);
  });

  it("ignores paused time when the policy does not pause the clock", () => {
    const unpaused = { ...policy, needsInfo: { pauseClock: false } };
    const deadlines = computeDeadlines({ receivedAt, pausedMs: 7 * DAY }, unpaused, amsterdam);
    expect(deadlines.responseDue.toISOString()).toBe("2026-11-19T22:59:59.999Z");
    expect(deadlines.resolutionDue?.toISOString()).toBe("2026-12-16T22:59:59.999Z");
    expect(deadlines.firstUpdateDue?.toISOString()).toBe("2026-11-30T22:59:59.999Z");
  });

  it("does not move a maintainer's resolveBy date", () => {
    const deadlines = computeDeadlines({ receivedAt, pausedMs: 10 * DAY, resolveBy: "2027-01-15" }, policy, amsterdam);
    expect(deadlines.resolutionDue?.toISOString()).toBe("2027-01-15T22:59:59.999Z");
  });

  it.each([
    [undefined, 0],
    [-DAY, 0],
    [DAY - 1, 0],
    [3 * DAY, 3],
    [3 * DAY + 1, 3],
  ])("counts %p ms as %i whole paused days", (pausedMs, days) => {
    expect(wholePausedDays(pausedMs)).toBe(days);
  });
});

describe("reminderDueAt", () => {
  it.each([
    // [deadline, business days before, expected reminder (start of local day)]
    ["the day before a Friday deadline", "2026-11-27T22:59:59.999Z", 1, "2026-11-25T23:00:00.000Z"],
    ["the Friday before a Monday deadline", "2026-11-30T22:59:59.999Z", 1, "2026-11-26T23:00:00.000Z"],
    ["0 → the start of the deadline day itself", "2026-11-27T22:59:59.999Z", 0, "2026-11-26T23:00:00.000Z"],
    ["over King's Day: 1 before Tue 28 Apr 2026 is Fri 24 Apr", "2026-04-28T21:59:59.999Z", 1, "2026-04-23T22:00:00.000Z"],
    ["2 business days before Thu 31 Dec 2026 is Tue 29 Dec", "2026-12-31T22:59:59.999Z", 2, "2026-12-28T23:00:00.000Z"],
    [
      "over the March clock change: 1 before Mon 30 Mar 2026 is Fri 27 Mar (CET)",
      "2026-03-30T21:59:59.999Z",
      1,
      "2026-03-26T23:00:00.000Z",
    ],
    ["a calendar deadline on a Saturday: 1 before is the Friday", "2026-12-26T22:59:59.999Z", 1, "2026-12-23T23:00:00.000Z"],
  ])("%s", (_what, deadline, before, expected) => {
    expect(reminderDueAt(new Date(deadline), before, amsterdam).toISOString()).toBe(expected);
  });
});

describe("deadlineStatus", () => {
  const deadline = new Date("2026-11-27T22:59:59.999Z");
  const reminderAt = new Date("2026-11-25T23:00:00.000Z");

  it.each([
    ["2026-11-25T22:59:59.999Z", "ok"],
    ["2026-11-25T23:00:00.000Z", "due-soon"],
    ["2026-11-27T22:59:59.999Z", "due-soon"],
    ["2026-11-27T23:00:00.000Z", "breached"],
    ["2027-01-01T00:00:00.000Z", "breached"],
  ])("at %s is %s", (now, status) => {
    expect(deadlineStatus(deadline, new Date(now), reminderAt)).toBe(status);
  });
});
