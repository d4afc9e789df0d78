import { describe, expect, it } from "@jest/globals";
import { checkPattern, compileConfigPattern, MAX_COMPILED_PATTERNS, MAX_MATCH_PATTERN_LENGTH } from "../../src/policy/pattern.js";

/**
 * re2-wasm's heap is a fixed 16 MiB that garbage collection never returns: compiled without being freed, about 1,100
 * patterns such as these (or 45,000 refused ones) filled it, and from then on every RE2 call in the process aborted.
 */
describe("config patterns over the life of a process", () => {
  it("compiles and matches 1,500 distinct patterns, more than fitted before, without exhausting RE2's memory", () => {
    const found = new Set<string | undefined>();
    for (let index = 0; index < 1_500; index++) {
      const pattern = compileConfigPattern(`staging-${index}\\.example`);
      found.add(pattern.find(`see https://staging-${index}.example.nl/login`)?.replace(String(index), "N"));
      found.add(pattern.find("nothing here"));
    }
    expect(found).toEqual(new Set(["staging-N.example", undefined]));
  });

  it("checks a refused pattern again and again without exhausting RE2's memory", () => {
    const problems = new Set<string | undefined>();
    for (let index = 0; index < 50_000; index++) problems.add(checkPattern("(?<=dev)\\.example"));
    expect([...problems]).toEqual([expect.stringMatching(/^not valid RE2 syntax/)]);
    expect(compileConfigPattern("dev\\.example").find("on dev.example.org")).toBe("dev.example");
  });

  it("still matches with a pattern whose compiled form was freed to make room (control)", () => {
    const kept = compileConfigPattern("admin[- ]panel");
    expect(kept.search("the admin panel at /admin")).toEqual({ matched: "admin panel", index: 4 });
    for (let index = 0; index <= MAX_COMPILED_PATTERNS; index++) compileConfigPattern(`filler-${index}`).find("x");
    expect(kept.search("the ADMIN-panel at /admin")).toEqual({ matched: "ADMIN-panel", index: 4 });
    expect(kept.find("no such thing")).toBeUndefined();
  });

  it("names the length limit", () => {
    expect(checkPattern("a".repeat(MAX_MATCH_PATTERN_LENGTH + 1))).toBe(
      `the pattern is longer than the limit of ${MAX_MATCH_PATTERN_LENGTH} characters`,
    );
    expect(checkPattern("a".repeat(MAX_MATCH_PATTERN_LENGTH))).toBeUndefined();
  });
});
