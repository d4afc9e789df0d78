import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Redis } from "ioredis";
import {
  createInProcessCaseIndex,
  MAX_DUPLICATE_CANDIDATES,
  MAX_REPORTER_CASES,
  type CaseIndex,
  type IndexedCase,
} from "../../src/case/case-index.js";
import type { CaseOutcome } from "../../src/case/case-outcome.js";
import {
  encodedSignature,
  fingerprintOf,
  MAX_FINGERPRINT_TEXT,
  MIN_SHINGLES,
  SIGNATURE_LENGTH,
  signatureOf,
  similarityTo,
} from "../../src/policy/fingerprint.js";
import {
  DUPLICATE_WINDOW_DAYS,
  POSSIBLE_DUPLICATE_SIMILARITY,
  REPEAT_INVALID_THRESHOLD,
  screenReport,
} from "../../src/reporters/screening.js";
import { isBlocked, reporterKey } from "../../src/reporters/reporter-key.js";
import { editBlockedList } from "../../src/proposals/blocked-reporters.js";
import { renderMessage } from "../../src/messages/render.js";
import { createRedisCaseIndex } from "../../src/runtime/redis-case-index.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";
import { describeIfRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { testTrust } from "../helpers/probot.js";

const entry = (number: number, changes: Partial<IndexedCase> = {}): IndexedCase => ({
  tracking: "octo-org/security-cases",
  number,
  key: `GHSA-2222-3333-${String(number).padStart(4, "2")}`,
  outcome: "open",
  receivedAt: new Date(Date.UTC(2026, 10, 1) + number * 60_000).toISOString(),
  ...changes,
});

const report =
  "The export endpoint /api/reports/export builds a shell command from the filename parameter; report.csv;id runs id as www-data. See src/export/run-export.ts:42.";

describe("fingerprints", () => {
  it("scores a near-copy high, an unrelated report low, and a text too short not at all", () => {
    const original = fingerprintOf("Command injection in export", report) ?? "";
    expect(
      similarityTo(original)(fingerprintOf("Command injection in the export", report.replace("www-data", "the web user")) ?? ""),
    ).toBeGreaterThanOrEqual(0.6);
    expect(
      similarityTo(original)(
        fingerprintOf(
          "Stored XSS",
          "A widget title with an img onerror handler runs script in every viewer's browser when the dashboard loads.",
        ) ?? "",
      ),
    ).toBeLessThan(0.2);
    expect(fingerprintOf("hi", "short")).toBeUndefined();
  });

  it("costs time linear in the report, and reads no more than the bound", () => {
    const words = (size: number) => Array.from({ length: size }, (_, index) => `word${index % 997}x${index}`).join(" ");
    expectAtMostLinearGrowth((size) => void fingerprintOf("title", words(size)), { sizes: [500, 5_000] });
    expect(fingerprintOf("t", words(MAX_FINGERPRINT_TEXT))).toBe(fingerprintOf("t", words(MAX_FINGERPRINT_TEXT * 2)));
  });

  /** The MinHash as first written: every shingle collected, then each hashed into every position. */
  function straightforwardFingerprint(title: string, body: string): string | undefined {
    const bounded = `${title}\n${body}`.slice(0, MAX_FINGERPRINT_TEXT).toLowerCase();
    const words = bounded.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const shingles = new Set<string>();
    for (let index = 0; index + 3 <= words.length; index++) shingles.add(words.slice(index, index + 3).join(" "));
    for (const location of bounded.match(/(?:https?:\/\/[^\s)>\]"'`]+|(?:[\w.-]+\/)+[\w.-]+\.\w+(?::\d+)?)/g) ?? [])
      shingles.add(`@${location}`);
    if (shingles.size < MIN_SHINGLES) return undefined;
    const minimum = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
    for (const shingle of shingles) {
      let base = 0x811c9dc5;
      for (let at = 0; at < shingle.length; at++) base = Math.imul(base ^ shingle.charCodeAt(at), 0x01000193);
      for (let position = 0; position < SIGNATURE_LENGTH; position++) {
        const multiply = (Math.imul(position + 1, 0x9e3779b1) | 1) >>> 0;
        const add = Math.imul(position + 7, 0x85ebca6b) >>> 0;
        let value = (Math.imul(base >>> 0, multiply) + add) >>> 0;
        value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
        value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
        value = (value ^ (value >>> 16)) >>> 0;
        if (value < minimum[position]!) minimum[position] = value;
      }
    }
    return Buffer.from(minimum.buffer).toString("base64");
  }

  it("gives a text the fingerprint it was always given, which case records keep and compare across releases", () => {
    expect(fingerprintOf("Command injection in export", report)).toBe(
      "Efl0AyG/vxGwXZALFSAFFDamxQR+L7cLyCyUB/TgfgNj6aAA9+zEBoSmuwV2nvMH3R90CDmJ+S6I2HcSBnTGCam4ZQDdyQsJWRGlALphkQYiqicEZ0o9AvMQzgDaePEIxNZ2BtyBywWFE4oBzafpAnFHKgCEhkQCkbq1CAi1WhPrarwBpz24A0dyTQr0ZEEHb7bFDMceGgRzw10PgUqGAEvNXgpD06EIYRWeCBqDdQ3arSkHAQwGBjYeZgFmexAAsod3Ax6hnASNsecVT8A4ATxS8RUAqLcJ8e55Fi4VqgISPyYAGMI0AeuqZwFCmD0A+bNWAXqhLgCnWTUUpjDUDw==",
    );
    expect(
      fingerprintOf(
        "Stored XSS in the İstanbul widget",
        "A widget title with an img onerror handler runs script in every viewer’s browser: see https://example.org/dash?id=1 and lib/ui/widget.tsx:88, twice: https://example.org/dash?id=1.",
      ),
    ).toBe(
      "sPEMAAt3pgNEalYAotktGW1z1gDMBRESIpASAXILzwK67o0H/ZPkAofAOQAieHYCmXAFDP0FoxYFOpAG+wc7BUdk5gzALBoI4/QqAffo3xVz0H4AzfM4DiKUXAl7sQsCmZxkCdHHBgMuGdkBl/b6AZjnhQ/B61YBdkjwC7mtrQLFk3oECqxHGzhGcgA7JUoAI6MQAPmLghArC3kEqUxKABGVJA9g3PIGD/4BDWk3WQXkDwgbxZIfAjtQGwnePfYG1gsMBCabEw6+eQAFE/rBDxZBogabIQwAyPF5ARTDPwU5UaoBXr76A8fiLwnjiFgCY+OtC4aJXQLfAk8L8iAAAA==",
    );
  });

  it("decodes a fingerprint as decoding all of it and keeping exactly a signature's length does", () => {
    const decodedInFull = (fingerprint: string) => {
      const bytes = Buffer.from(fingerprint, "base64");
      return bytes.length === SIGNATURE_LENGTH * 4
        ? [...new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))]
        : undefined;
    };
    const decoded = (fingerprint: string) => {
      const signature = signatureOf(fingerprint);
      return signature === undefined ? undefined : [...signature];
    };
    const encoded = fc.oneof(
      fc
        .uint8Array({ minLength: SIGNATURE_LENGTH * 4 - 6, maxLength: SIGNATURE_LENGTH * 4 + 6 })
        .map((bytes) => Buffer.from(bytes).toString("base64")),
      fc
        .uint8Array({ minLength: SIGNATURE_LENGTH * 4, maxLength: SIGNATURE_LENGTH * 4 })
        .map((bytes) => Buffer.from(bytes).toString("base64url")),
    );
    const noise = fc.constantFrom("", "=", "==", " ", "\n", "!", "é", "A", "AA", "AAA", "-", "_");
    fc.assert(
      fc.property(encoded, noise, fc.nat(), fc.nat({ max: 4 }), (text, inserted, at, cut) => {
        const place = at % (text.length + 1);
        const fingerprint = (text.slice(0, place) + inserted + text.slice(place)).slice(0, text.length + inserted.length - cut);
        expect(decoded(fingerprint)).toEqual(decodedInFull(fingerprint));
      }),
      { numRuns: 2_000, seed: 21 },
    );
    expect(decoded(fingerprintOf("t", report)!)).toEqual(decodedInFull(fingerprintOf("t", report)!));
    expect(signatureOf("not a signature")).toBeUndefined();
  });

  it("computes what the straightforward MinHash computes, on texts with repeated shingles, locations, other scripts and the length bound", () => {
    const vocabulary = ["the", "Export", "ÉCOLE", "naïve", "İ", "a_b", "12", "ΑΒΓ", "日本", "😀", "--", "id;", "www-data"];
    const locations = ["src/x.ts:4", "a/b/c.py:10", "https://example.org/a?b=1", "http://example.org/(x)", "lib/ui/", "file.js"];
    const token = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...locations), fc.string({ maxLength: 6, unit: "grapheme" }));
    const text = fc.array(fc.tuple(token, fc.constantFrom(" ", "\n", "\t", ", ", "/", "")), { maxLength: 60 });
    const joined = (parts: [string, string][]) => parts.map(([word, separator]) => word + separator).join("");
    fc.assert(
      fc.property(text, text, (title, body) => {
        expect(fingerprintOf(joined(title), joined(body))).toBe(straightforwardFingerprint(joined(title), joined(body)));
      }),
      { numRuns: 500, seed: 21 },
    );
    const long = Array.from({ length: 20_000 }, (_, index) =>
      index % 7 === 0 ? `src/f${index % 50}.ts:${index}` : `w${index % 300}`,
    ).join(" ");
    expect(fingerprintOf("t", long)).toBe(straightforwardFingerprint("t", long));
    // İ is one character and two in lower case: the bound is on the text as written.
    const longer = Array.from({ length: 20_000 }, (_, index) => `İ${index}`).join(" ");
    expect(fingerprintOf("t", longer)).toBe(straightforwardFingerprint("t", longer));
  });
});

describe("screening", () => {
  const reporter = reporterKey(testTrust.secret, "Slop-Sender");
  const input = { identities: ["slop-sender"], title: "t", body: report, caseKey: "GHSA-new", blocked: [] };
  const view = (reporterCases: IndexedCase[]) => ({
    builtAt: "2026-12-01T00:00:00.000Z",
    reporterCases: { newest: reporterCases, total: reporterCases.length },
    recentCases: [],
  });

  /**
   * The matches a full ranking shows: every other case in the window scored over all its positions, best first, the
   * earlier candidate first between equal scores (a stable sort), the best three from the threshold on.
   */
  const rankedInFull = (reportedFingerprint: string, recentCases: IndexedCase[], now: Date) => {
    const scoreOf = similarityTo(reportedFingerprint);
    return recentCases
      .filter((indexed) => indexed.key !== input.caseKey && indexed.fingerprint !== undefined)
      .filter(
        (indexed) => indexed.outcome === "open" || now.getTime() - Date.parse(indexed.receivedAt) <= DUPLICATE_WINDOW_DAYS * 86_400_000,
      )
      .map((indexed) => ({ reference: `${indexed.tracking}#${indexed.number}`, key: indexed.key, score: scoreOf(indexed.fingerprint!) }))
      .filter((match) => match.score >= POSSIBLE_DUPLICATE_SIMILARITY)
      .sort((left, right) => right.score - left.score)
      .slice(0, 3);
  };

  it("says over which reports it counted invalid ones when the index gave only the reporter's newest", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const invalid = [entry(1, { reporter, outcome: "invalid" }), entry(2, { reporter, outcome: "invalid" })];
    const partial = screenReport(input, { ...view(invalid), reporterCases: { newest: invalid, total: 300 } }, reporter, now);
    expect(partial.reasons).toContain("2 of the reporter's 2 newest earlier reports were closed as invalid");
    expect(screenReport(input, view(invalid), reporter, now).reasons).toContain("the reporter has 2 earlier reports closed as invalid");
  });

  it("needs two invalid reports for repeat-invalid; one is not enough (control)", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(screenReport(input, view([entry(1, { reporter, outcome: "invalid" })]), reporter, now).labels).toEqual([]);
    expect(
      screenReport(input, view([entry(1, { reporter, outcome: "invalid" }), entry(2, { reporter, outcome: "invalid" })]), reporter, now)
        .labels,
    ).toEqual(["reporter:repeat-invalid"]);
  });

  it("shows the three closest matches, best first and in the index's order between equal scores", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const copy = fingerprintOf("t", report) ?? "";
    const nearCopy = fingerprintOf("t", report.replace("www-data", "the web user")) ?? "";
    const unrelated =
      fingerprintOf(
        "Stored XSS",
        "A widget title with an img onerror handler runs script in every viewer's browser when the dashboard loads.",
      ) ?? "";
    const recentCases = [nearCopy, copy, unrelated, copy, nearCopy, copy, copy].map((fingerprint, index) =>
      entry(10 + index, { fingerprint }),
    );
    const screened = screenReport(input, { ...view([]), recentCases }, reporter, now);
    expect(screened.duplicates.map((match) => [match.reference, match.score])).toEqual([
      ["octo-org/security-cases#11", 1],
      ["octo-org/security-cases#13", 1],
      ["octo-org/security-cases#15", 1],
    ]);
    const fewer = screenReport(input, { ...view([]), recentCases: recentCases.slice(0, 3) }, reporter, now);
    expect(fewer.duplicates.map((match) => match.reference)).toEqual(["octo-org/security-cases#11", "octo-org/security-cases#10"]);
    expect(fewer.duplicates[1]!.score).toBeLessThan(1);
  });

  it("shows what ranking every candidate by its full score shows, though it stops comparing a candidate that cannot be shown", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const words = Array.from({ length: 150 }, (_, index) => `word${index}`);
    const reported = { ...input, body: words.join(" ") };
    // Variants with the last 0 to 46 words replaced: estimated scores from 1 to below the threshold, with many ties.
    const pool = Array.from({ length: 32 }, (_, variant) =>
      fingerprintOf(
        "t",
        words.map((word, index) => (index >= words.length - Math.floor(variant * 1.5) ? `other${index}` : word)).join(" "),
      ),
    );
    const candidate = fc.record({
      fingerprint: fc.integer({ min: 0, max: pool.length }),
      outcome: fc.constantFrom("open", "accepted", "invalid"),
      daysAgo: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (drawn, ownIndex) => {
        const recentCases = drawn.map((drawnCase, index) =>
          entry(index, {
            key: index === ownIndex ? "GHSA-new" : `GHSA-2222-3333-${String(index).padStart(4, "2")}`,
            outcome: drawnCase.outcome,
            receivedAt: new Date(now.getTime() - drawnCase.daysAgo * 86_400_000).toISOString(),
            ...(pool[drawnCase.fingerprint] === undefined ? {} : { fingerprint: pool[drawnCase.fingerprint] }),
          }),
        );
        const shown = screenReport(reported, { ...view([]), recentCases }, reporter, now).duplicates;
        expect(shown).toStrictEqual(rankedInFull(fingerprintOf(reported.title, reported.body) ?? "", recentCases, now));
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  describe("with signatures that differ from the report's in chosen positions", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const reportedFingerprint = fingerprintOf(input.title, input.body)!;
    const reportedSignature = signatureOf(reportedFingerprint)!;
    const differingIn = (positions: readonly number[]) => {
      const changed = reportedSignature.slice();
      for (const position of positions) changed[position] = (changed[position]! + 1 + position) >>> 0;
      return encodedSignature(changed);
    };
    const allPositions = Array.from({ length: SIGNATURE_LENGTH }, (_, position) => position);
    // No more than MIN_EQUAL_POSITIONS' complement may differ: 25 of 64 still reaches the threshold, 26 does not.
    const mostDifferingShown = SIGNATURE_LENGTH - Math.ceil(POSSIBLE_DUPLICATE_SIMILARITY * SIGNATURE_LENGTH);
    const changedPositions = fc.oneof(
      // Perfect and near copies, with many ties among them.
      fc.shuffledSubarray(allPositions, { maxLength: 6 }),
      // Around the threshold.
      fc.shuffledSubarray(allPositions, { minLength: mostDifferingShown - 2, maxLength: mostDifferingShown + 3 }),
      // Runs of neighbouring positions: many differing positions in few places, and a few spread over many.
      fc
        .tuple(fc.shuffledSubarray(allPositions, { maxLength: 8 }), fc.integer({ min: 1, max: 8 }))
        .map(([starts, run]) => [...new Set(starts.flatMap((start) => allPositions.slice(start, start + run)))]),
    );
    const candidate = fc.record({
      fingerprint: fc.oneof(
        { weight: 8, arbitrary: changedPositions.map(differingIn) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, "not a signature", reportedFingerprint.slice(4)) },
      ),
      outcome: fc.constantFrom<CaseOutcome>("open", "accepted", "invalid"),
      daysAgo: fc.integer({ min: 0, max: 400 }),
      own: fc.integer({ min: 0, max: 20 }).map((drawn) => drawn === 0),
    });
    let written = 0;
    const indexed = (drawn: { fingerprint: string | undefined; outcome: CaseOutcome; daysAgo: number; own: boolean }) => {
      written += 1;
      return entry(written, {
        ...(drawn.own ? { key: input.caseKey } : {}),
        outcome: drawn.outcome,
        receivedAt: new Date(now.getTime() - drawn.daysAgo * 86_400_000).toISOString(),
        ...(drawn.fingerprint === undefined ? {} : { fingerprint: drawn.fingerprint }),
      });
    };
    const screened = (recentCases: IndexedCase[]) => screenReport(input, { ...view([]), recentCases }, reporter, now).duplicates;

    it("shows a candidate that differs in as many positions as the threshold allows, and not one that differs in one more", () => {
      const atThreshold = entry(1, { fingerprint: differingIn(allPositions.slice(0, mostDifferingShown)) });
      const belowThreshold = entry(2, { fingerprint: differingIn(allPositions.slice(0, mostDifferingShown + 1)) });
      expect(screened([belowThreshold, atThreshold])).toStrictEqual([
        { reference: "octo-org/security-cases#1", key: atThreshold.key, score: (SIGNATURE_LENGTH - mostDifferingShown) / SIGNATURE_LENGTH },
      ]);
      expect(POSSIBLE_DUPLICATE_SIMILARITY).toBeLessThanOrEqual((SIGNATURE_LENGTH - mostDifferingShown) / SIGNATURE_LENGTH);
      expect(POSSIBLE_DUPLICATE_SIMILARITY).toBeGreaterThan((SIGNATURE_LENGTH - mostDifferingShown - 1) / SIGNATURE_LENGTH);
      expect(screened([])).toEqual([]);
    });

    it("shows what ranking every candidate in full shows: ties, the threshold, fewer than three matches, none", () => {
      fc.assert(
        fc.property(fc.array(candidate, { maxLength: 40 }), (drawn) => {
          const recentCases = drawn.map(indexed);
          expect(screened(recentCases)).toStrictEqual(rankedInFull(reportedFingerprint, recentCases, now));
        }),
        { numRuns: 400, seed: 21 },
      );
    });

    it("shows the same over successive intakes whose candidates gain a new case, lose one, are written again or come in another order", () => {
      const step = fc.record({ kind: fc.constantFrom("new", "drop", "rewrite", "reverse", "other cases"), at: fc.nat(), with: candidate });
      fc.assert(
        fc.property(fc.array(candidate, { maxLength: 30 }), fc.array(step, { maxLength: 6 }), (drawn, steps) => {
          let recentCases = drawn.map(indexed);
          expect(screened(recentCases)).toStrictEqual(rankedInFull(reportedFingerprint, recentCases, now));
          for (const { kind, at, with: other } of steps) {
            const place = recentCases.length === 0 ? 0 : at % recentCases.length;
            if (kind === "new") recentCases = [indexed(other), ...recentCases.slice(0, 29)];
            else if (kind === "drop") recentCases = recentCases.filter((_, index) => index !== place);
            else if (kind === "rewrite" && recentCases.length > 0) {
              const { tracking, number, key } = recentCases[place]!;
              recentCases = recentCases.map((found, index) => (index === place ? { ...indexed(other), tracking, number, key } : found));
            } else if (kind === "reverse") recentCases = [...recentCases].reverse();
            else if (kind === "other cases") recentCases = recentCases.map(() => indexed(other));
            expect(screened(recentCases)).toStrictEqual(rankedInFull(reportedFingerprint, recentCases, now));
          }
        }),
        { numRuns: 200, seed: 21 },
      );
    });
  });

  it("lists and counts the reporter's earlier cases as going through them one filter at a time does", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const outcome = fc.constantFrom<CaseOutcome>("open", "accepted", "invalid", "rejected", "not-security", "duplicate");
    fc.assert(
      fc.property(
        fc.array(fc.record({ outcome, own: fc.integer({ min: 0, max: 15 }) }), { maxLength: 30 }),
        fc.nat({ max: 300 }),
        (drawn, beyond) => {
          const newest = drawn.map((drawnCase, index) =>
            entry(index, { reporter, outcome: drawnCase.outcome, ...(drawnCase.own === 0 ? { key: input.caseKey } : {}) }),
          );
          const total = newest.length + beyond;
          const screened = screenReport(input, { ...view([]), reporterCases: { newest, total } }, reporter, now);
          const others = newest.filter((found) => found.key !== input.caseKey);
          const invalid = others.filter((found) => found.outcome === "invalid").length;
          const historyTotal = total - (newest.length - others.length);
          expect(screened.history).toStrictEqual(
            others.map((found) => ({
              reference: `${found.tracking}#${found.number}`,
              key: found.key,
              outcome: found.outcome,
              receivedAt: found.receivedAt,
            })),
          );
          expect(screened.historyTotal).toBe(historyTotal);
          expect(screened.labels.includes("reporter:repeat-invalid")).toBe(invalid >= REPEAT_INVALID_THRESHOLD);
          expect(screened.labels.includes("reporter:known")).toBe(others.some((found) => found.outcome === "accepted"));
          if (invalid >= REPEAT_INVALID_THRESHOLD)
            expect(screened.reasons).toContain(
              historyTotal > others.length
                ? `${invalid} of the reporter's ${others.length} newest earlier reports were closed as invalid`
                : `the reporter has ${invalid} earlier reports closed as invalid`,
            );
        },
      ),
      { numRuns: 300, seed: 21 },
    );
  });

  it("does not count the report's own case, delivered again", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const own = entry(3, { reporter, outcome: "open", key: "GHSA-new", fingerprint: fingerprintOf("t", report) ?? "" });
    const screened = screenReport(input, { ...view([own]), recentCases: [own] }, reporter, now);
    expect(screened.history).toEqual([]);
    expect(screened.duplicates).toEqual([]);
  });

  it("keys a reporter the same way whatever the case, and matches the blocked list case-insensitively", () => {
    expect(reporterKey(testTrust.secret, "Slop-Sender")).toBe(reporterKey(testTrust.secret, "@slop-sender"));
    expect(isBlocked(["SOMEONE@Example.org"], ["someone@example.org"])).toBe(true);
    expect(isBlocked(["someone@example.org"], ["someone-else@example.org"])).toBe(false);
  });
});

describe("editing reporters.blocked", () => {
  it("adds to an existing list, keeping the rest of the file, and not twice", () => {
    const base = "language: nl # Dutch\nreporters:\n  blocked: [a@example.org]\n";
    const edit = editBlockedList(base, null, "block", "slop-sender");
    expect(edit.content).toContain("language: nl # Dutch");
    expect(edit.content).toMatch(/a@example.org[\s\S]*slop-sender/);
    expect(editBlockedList("reporters:\n  blocked: [slop-sender]\n", null, "block", "Slop-Sender").changed).toBe(false);
    expect(editBlockedList("key: [unclosed\n", null, "block", "x").problem).toBe("not-yaml");
  });

  it("says why a file cannot be edited in the policy's language", () => {
    const reply = (language: "en" | "nl") =>
      renderMessage(language, "blocked-reporters-proposal", { status: "not-editable", problem: "not-yaml" });
    expect(reply("en")).toContain("the config file is not valid YAML");
    expect(reply("nl")).toContain("het configuratiebestand is geen geldige YAML");
    expect(reply("nl")).not.toContain("not valid YAML");
  });
});

function indexContract(name: string, make: () => CaseIndex) {
  describe(name, () => {
    it("finds a reporter's cases, keeps the newest cases for comparison, and says when it was built", async () => {
      const index = make();
      expect(await index.builtAt(1)).toBeUndefined();
      await index.put(1, entry(1, { reporter: "r1", outcome: "invalid" }));
      await index.put(1, entry(1, { reporter: "r1", outcome: "accepted" }));
      await index.put(1, entry(2, { reporter: "r2" }));
      await index.put(2, entry(3, { reporter: "r1" }));
      expect((await index.casesOf(1, "r1")).newest.map((found) => [found.number, found.outcome])).toEqual([[1, "accepted"]]);
      expect((await index.recentCases(1)).map((found) => found.number)).toEqual([2, 1]);
      await index.markBuilt(1, new Date("2026-12-01T00:00:00Z"));
      expect(await index.builtAt(1)).toBe("2026-12-01T00:00:00.000Z");
      expect(await index.builtAt(2)).toBeUndefined();
    });

    it("gives a prolific reporter's newest cases, not the first written, and counts them all", async () => {
      const index = make();
      const cases = MAX_REPORTER_CASES + 50;
      for (let number = 1; number <= cases; number++) await index.put(4, entry(number, { reporter: "prolific" }));
      const found = await index.casesOf(4, "prolific");
      expect(found.total).toBe(cases);
      expect(found.newest.map((each) => each.number)).toEqual(Array.from({ length: MAX_REPORTER_CASES }, (_, offset) => cases - offset));
    });

    it("control: gives a reporter with few cases all of them, newest first", async () => {
      const index = make();
      for (const number of [2, 3, 1]) await index.put(4, entry(number, { reporter: "occasional" }));
      const found = await index.casesOf(4, "occasional");
      expect(found).toEqual({
        newest: [entry(3, { reporter: "occasional" }), entry(2, { reporter: "occasional" }), entry(1, { reporter: "occasional" })],
        total: 3,
      });
    });

    it("compares a new report with at most the newest cases", async () => {
      const index = make();
      for (let number = 1; number <= MAX_DUPLICATE_CANDIDATES + 5; number++) await index.put(7, entry(number));
      const recent = await index.recentCases(7);
      expect(recent).toHaveLength(MAX_DUPLICATE_CANDIDATES);
      expect(recent[0]?.number).toBe(MAX_DUPLICATE_CANDIDATES + 5);
    });
  });
}

indexContract("the in-process case index", createInProcessCaseIndex);

describe("the in-process case index, kept up to date on each write", () => {
  /** What the index answered before it kept the reporter's cases and the newest cases up to date on each write. */
  function naive(entries: Map<string, IndexedCase>) {
    const all = [...entries.values()];
    return {
      casesOf: (reporter: string) => {
        const cases = all.filter((found) => found.reporter === reporter);
        return {
          newest: [...cases].sort((left, right) => right.receivedAt.localeCompare(left.receivedAt)).slice(0, MAX_REPORTER_CASES),
          total: cases.length,
        };
      },
      recentCases: () => [...all].sort((left, right) => right.receivedAt.localeCompare(left.receivedAt)).slice(0, MAX_DUPLICATE_CANDIDATES),
    };
  }

  it("answers as going through every case would, with cases rewritten, received at the same time and beyond its limit", async () => {
    const index = createInProcessCaseIndex();
    const written = new Map<string, IndexedCase>();
    let seed = 7;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % below;
    };
    for (let write = 0; write < 22_000; write++) {
      const number = write % 50 === 0 && write > 0 ? random(write) + 1 : write + 1;
      const found = entry(number, {
        reporter: `r${random(7)}`,
        receivedAt: new Date(Date.UTC(2026, 10, 1) + random(3_000) * 60_000).toISOString(),
        outcome: random(2) === 0 ? "open" : "invalid",
      });
      const id = `${found.tracking}#${found.number}`;
      written.delete(id);
      written.set(id, found);
      while (written.size > 20_000) written.delete(written.keys().next().value as string);
      await index.put(3, found);
      const recent = await index.recentCases(3); // as each intake reads them
      if (write % 4_000 === 0 || write === 21_999) {
        const expected = naive(written);
        expect(recent).toEqual(expected.recentCases());
        expect(await index.casesOf(3, "r2")).toEqual(expected.casesOf("r2"));
      }
    }
  });
});

describe("the in-process case index's bound across installations", () => {
  const numbers = async (index: CaseIndex, installationId: number) =>
    (await index.recentCases(installationId)).map((found) => found.number).sort((a, b) => a - b);

  it("holds at most its total of cases, forgetting the oldest case of the installation written least recently", async () => {
    const index = createInProcessCaseIndex({ casesPerInstallation: 10, cases: 6 });
    for (const number of [1, 2, 3]) await index.put(1, entry(number));
    for (const number of [4, 5, 6]) await index.put(2, entry(number));
    await index.put(2, entry(7));
    expect(await numbers(index, 1)).toEqual([2, 3]);
    expect(await numbers(index, 2)).toEqual([4, 5, 6, 7]);
    await index.put(2, entry(8));
    await index.put(2, entry(9));
    expect(await numbers(index, 1)).toEqual([]);
    expect(await numbers(index, 2)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it("forgets nothing while the installations together stay within the total (control)", async () => {
    const index = createInProcessCaseIndex({ casesPerInstallation: 10, cases: 6 });
    for (const number of [1, 2, 3]) await index.put(1, entry(number));
    for (const number of [4, 5, 6]) await index.put(2, entry(number));
    await index.put(2, entry(6, { outcome: "invalid" }));
    expect(await numbers(index, 1)).toEqual([1, 2, 3]);
    expect(await numbers(index, 2)).toEqual([4, 5, 6]);
  });
});

describeIfRedis("redis case index")("the Redis case index", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    server.stop();
  });
  indexContract("shared by replicas", () => {
    const client = new Redis(server.url);
    clients.push(client);
    return createRedisCaseIndex(client, `test:${Math.random()}:`);
  });
});
