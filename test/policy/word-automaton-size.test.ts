import { describe, expect, it } from "@jest/globals";
import { wordAutomatonStates, wordSet, wordSetRefusals } from "../../src/policy/word-sets.js";
import { randomSource } from "../helpers/random.js";

/**
 * The word automaton keeps two bytes a state while its states fit them, and four beyond. Jest gives this file a module
 * registry of its own, so the words registered here fill an automaton no other test reads.
 */

describe("a word automaton past two bytes a state", () => {
  it("finds each set's words, and no other set's, once its states outgrow 65,536", () => {
    const random = randomSource(17);
    const letter = () => String.fromCharCode(97 + Math.floor(random() * 26));
    // 4,000 sets of two words of 20 letters: 160,000 characters, under the automaton's limit, nearly all of them states.
    const sets = Array.from({ length: 4_000 }, () => Array.from({ length: 2 }, () => Array.from({ length: 20 }, letter).join("")));
    const scanners = sets.map((words) => wordSet(words));
    expect(wordSetRefusals()).toBe(0);
    expect(wordAutomatonStates()).toBeGreaterThan(65_536);
    sets.forEach((words, index) => {
      const [first = "", second = ""] = words;
      expect(scanners[index]?.contains(`x ${second} y`)).toBe(true);
      // The word without its last letter, then an earlier set's word: neither is this set's.
      expect(scanners[index]?.contains(`x ${first.slice(0, -1)} y`)).toBe(false);
      if (index > 0) expect(scanners[index]?.contains(sets[index - 1]?.[0] ?? "")).toBe(false);
    });
  });
});
