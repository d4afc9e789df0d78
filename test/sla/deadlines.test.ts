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
    ["the spec's example: Friday 21 Nov 2025 daytime, 5 business days → Friday 28 Nov", "2025-11-21T10:00:00Z", openworx, "2025-11-28T22:59:59.999Z"],
    ["Saturday 21 Nov 2026, 5 business days → Friday 27 Nov", "2026-11-21T10:00:00Z", openworx, "2026-11-27T22:59:59.999Z"],
    ["Friday evening 20 Nov 2026 counts from Friday → Friday 27 Nov", "2026-11-20T21:30:00Z", openworx, "2026-11-27T22:59:59.999Z"],
    ["Saturday 21 Nov 2026, 3 business days → Wednesday 25 Nov", "2026-11-21T10:00:00Z", mijnPartnerGroep, "2026-11-25T22:59:59.999Z"],
    ["Sunday 22 Nov 2026, 3 business days → Wednesday 25 Nov", "2026-11-22T10:00:00Z", mijnPartnerGroep, "2026-11-25T22:59:59.999Z"],
    ["Tuesday 23:30 UTC is Wednesday in Amsterdam → Monday, not Friday", "2026-11-17T23:30:00Z", mijnPartnerGroep, "2026-11-23T22:59:59.999Z"],
    ["Tuesday 22:59 UTC is still Tuesday in Amsterdam → Friday", "2026-11-17T22:59:00Z", mijnPartnerGroep, "2026-11-20T22:59:59.999Z"],
    ["King's Day Mon 27 Apr 2026 skipped: Fri 24 Apr + 3 → Thu 30 Apr (summer time)", "2026-04-24T09:00:00Z", mijnPartnerGroep, "2026-04-30T21:59:59.999Z"],
    ["Easter Monday 6 Apr 2026 skipped: Thu 2 Apr + 3 → Wed 8 Apr (Good Friday is worked)", "2026-04-02T09:00:00Z", mijnPartnerGroep, "2026-04-08T21:59:59.999Z"],
    ["Ascension Thu 14 May 2026 skipped: Tue 12 May + 3 → Mon 18 May", "2026-05-12T09:00:00Z", mijnPartnerGroep, "2026-05-18T21:59:59.999Z"],
    ["Whit Monday 25 May 2026 skipped: Fri 22 May + 3 → Thu 28 May", "2026-05-22T09:00:00Z", mijnPartnerGroep, "2026-05-28T21:59:59.999Z"],
    ["Liberation Day Tue 5 May 2026 is worked: Mon 4 May + 3 → Thu 7 May", "2026-05-04T09:00:00Z", mijnPartnerGroep, "2026-05-07T21:59:59.999Z"],
    ["Christmas Fri 25 Dec 2026 skipped: Wed 23 Dec + 5 → Thu 31 Dec", "2026-12-23T09:00:00Z", openworx, "2026-12-31T22:59:59.999Z"],
    ["New Year's Day Fri 1 Jan 2027: Wed 30 Dec 2026 + 3 → Tue 5 Jan", "2026-12-30T09:00:00Z", mijnPartnerGroep, "2027-01-05T22:59:59.999Z"],
    ["across the March DST change: Fri 27 Mar 2026 + 3 → Wed 1 Apr, 23:59 CEST", "2026-03-27T12:00:00Z", mijnPartnerGroep, "2026-04-01T21:59:59.999Z"],
    ["across the October DST change: Fri 23 Oct 2026 + 3 → Wed 28 Oct, 23:59 CET", "2026-10-23T12:00:00Z", mijnPartnerGroep, "2026-10-28T22:59:59.999Z"],
  ])("%s", (_what, receivedAt, policy, expected) => {
    expect(computeDeadlines({ receivedAt: new Date(receivedAt) }, policy, amsterdam).responseDue.toISOString()).toBe(
      expected,
    );
  });
});
