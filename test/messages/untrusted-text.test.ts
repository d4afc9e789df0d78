import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { fencedText, inlineText, neutraliseReferences, truncate } from "../../src/messages/untrusted-text.js";

describe("untrusted text", () => {
  it.each([
    ["@octo-org/security-team please look", "@\u200bocto-org/security-team please look"],
    ["see #12 and GH#3", "see \\#\u200b12 and GH\\#\u200b3"],
    ["<script>alert(1)</script>", "&#60;script&#62;alert\\(1\\)&#60;/script&#62;"],
    ["**bold** [link](https://evil.example)", "\\*\\*bold\\*\\* \\[link\\]\\(https://evil.example\\)"],
    ["line one\nline two", "line one line two"],
    ["a & b", "a &#38; b"],
  ])("renders %j inline as %j", (input, expected) => {
    expect(inlineText(input)).toBe(expected);
  });

  it("bounds inline text", () => {
    expect(Array.from(inlineText("x".repeat(1_000))).length).toBe(300);
  });

  it("fences a block with a fence its own backticks cannot close", () => {
    const text = "before\n````\nnot the end\n````\nafter @someone";
    expect(fencedText(text)).toBe("`````text\nbefore\n````\nnot the end\n````\nafter @\u200bsomeone\n`````");
  });

  it("never lets a fenced text escape its fence (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("`", "a", "\n", "@", "<", "#", "1") }), (text) => {
        const block = fencedText(text);
        const fence = /^(`+)text\n/.exec(block)?.[1] ?? "";
        const inside = block.slice(fence.length + 5, block.length - fence.length - 1);
        expect(inside.includes(fence)).toBe(false);
        expect(block.endsWith(`\n${fence}`)).toBe(true);
      }),
    );
  });

  it("truncates to the characters splitting the whole text into characters keeps (property)", () => {
    const byCharacters = (text: string, limit: number) => {
      const characters = Array.from(text);
      return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join("")}…`;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "é", "🎉", "\ud800", "\n"), maxLength: 40 }),
        fc.integer({ min: 1, max: 45 }),
        (text, limit) => {
          expect(truncate(text, limit)).toBe(byCharacters(text, limit));
        },
      ),
      { numRuns: 500, seed: 21 },
    );
  });

  it("leaves ordinary words alone", () => {
    expect(neutraliseReferences("e-mail me at name@example.org")).toBe("e-mail me at name@\u200bexample.org");
    expect(truncate("kort", 10)).toBe("kort");
  });
});
