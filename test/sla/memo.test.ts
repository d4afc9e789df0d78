import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { endOfLocalDay, localDateOf } from "../../src/sla/calendar.js";
import { formatDate, formatDeadline, rememberedTexts } from "../../src/sla/format.js";
import { MAX_CACHED_INSTANTS, MAX_CACHED_ZONES, rememberedTimes } from "../../src/sla/local-time.js";
import { addDays } from "../../src/sla/local-date.js";
import { LruMap } from "../../src/sla/lru.js";

describe("LruMap", () => {
  it("holds at most its limit and forgets the least recently used entry first", () => {
    const map = new LruMap<string, number>(3);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3);
    expect(map.get("a")).toBe(1);
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([1, 3, 4]);
    map.set("c", 30);
    expect(map.size).toBe(3);
    expect(map.get("c")).toBe(30);
  });

  /** Least recently used first, the plain way: a Map keeps insertion order, so a use moves the entry to the end. */
  class ReferenceLru {
    readonly entries = new Map<number, number>();
    constructor(readonly limit: number) {}
    get(key: number): number | undefined {
      const value = this.entries.get(key);
      if (value !== undefined) {
        this.entries.delete(key);
        this.entries.set(key, value);
      }
      return value;
    }
    set(key: number, value: number): void {
      this.entries.delete(key);
      this.entries.set(key, value);
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
  }

  it("answers every sequence of uses as a map that moves each used entry to its end does", () => {
    const operation = fc.record({ set: fc.boolean(), key: fc.integer({ min: 0, max: 12 }), value: fc.integer() });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(operation, { maxLength: 200 }), (limit, operations) => {
        const map = new LruMap<number, number>(limit);
        const reference = new ReferenceLru(limit);
        for (const { set, key, value } of operations) {
          if (set) {
            map.set(key, value);
            reference.set(key, value);
          } else expect(map.get(key)).toBe(reference.get(key));
          expect(map.size).toBe(reference.entries.size);
        }
        // What is still held, read oldest first, so that reading does not reorder the reference before it is compared.
        for (const [key, value] of [...reference.entries]) expect(map.get(key)).toBe(value);
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });
});

describe("the conversions' memos", () => {
  it("stay within their limits however many instants, days and zones are converted, and answer the same after forgetting", () => {
    const first = new Date("2026-03-29T00:59:59.000Z");
    const firstAnswers = [
      localDateOf(first, "Europe/Amsterdam"),
      formatDeadline(first, "Europe/Amsterdam", "nl"),
      endOfLocalDay("2026-03-29", "Europe/Amsterdam").toISOString(),
      formatDate("2026-03-29", "en"),
    ];
    const distinct = 2 * MAX_CACHED_INSTANTS;
    for (let index = 0; index < distinct; index++) {
      const instant = new Date(first.getTime() + index * 17 * 60_000);
      localDateOf(instant, "Europe/Amsterdam");
      formatDeadline(instant, "Europe/Amsterdam", "en");
      const day = addDays("2026-03-29", index);
      endOfLocalDay(day, "America/New_York");
      formatDate(day, "nl");
    }
    const zones = Intl.supportedValuesOf("timeZone").slice(0, MAX_CACHED_ZONES * 2);
    for (const zone of zones) localDateOf(first, zone);
    const times = rememberedTimes();
    expect(times.zones).toBeLessThanOrEqual(MAX_CACHED_ZONES);
    expect(times.offsets).toBeLessThanOrEqual(MAX_CACHED_INSTANTS);
    expect(times.dayEnds).toBeLessThanOrEqual(MAX_CACHED_INSTANTS);
    const texts = rememberedTexts();
    expect(texts.formats).toBeLessThanOrEqual(4 * MAX_CACHED_ZONES);
    expect(texts.deadlines).toBeLessThanOrEqual(MAX_CACHED_INSTANTS);
    expect(texts.dates).toBeLessThanOrEqual(MAX_CACHED_INSTANTS);
    expect(times.offsets + times.dayEnds + texts.deadlines + texts.dates).toBeGreaterThan(0);
    expect([
      localDateOf(first, "Europe/Amsterdam"),
      formatDeadline(first, "Europe/Amsterdam", "nl"),
      endOfLocalDay("2026-03-29", "Europe/Amsterdam").toISOString(),
      formatDate("2026-03-29", "en"),
    ]).toEqual(firstAnswers);
    expect(firstAnswers).toEqual(["2026-03-29", "zondag 29 maart 2026, 01:59 CET", "2026-03-29T21:59:59.999Z", "29 March 2026"]);
  });

  it("gives the offset of each side of a clock change within one quarter hour of it", () => {
    // 2026-03-29 01:00 UTC: Amsterdam goes from CET to CEST; 2026-10-25 01:00 UTC back again.
    expect(formatDeadline(new Date("2026-03-29T00:59:59.000Z"), "Europe/Amsterdam", "en")).toContain("01:59 CET");
    expect(formatDeadline(new Date("2026-03-29T01:00:00.000Z"), "Europe/Amsterdam", "en")).toContain("03:00 CEST");
    expect(localDateOf(new Date("2026-10-24T21:59:59.000Z"), "Europe/Amsterdam")).toBe("2026-10-24");
    expect(localDateOf(new Date("2026-10-24T22:00:00.000Z"), "Europe/Amsterdam")).toBe("2026-10-25");
    // Lord Howe Island moves its clock by half an hour, from 02:00 to 02:30 local time (15:30 UTC).
    expect(formatDeadline(new Date("2026-10-03T15:29:59.000Z"), "Australia/Lord_Howe", "en")).toContain("Sunday 4 October 2026, 01:59");
    expect(formatDeadline(new Date("2026-10-03T15:30:00.000Z"), "Australia/Lord_Howe", "en")).toContain("Sunday 4 October 2026, 02:30");
  });
});
