import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { encodeOriginal, readOriginal, sha256 } from "../../src/containment/original-copy.js";

describe("the exact copy of a contained report", () => {
  it("restores any text byte for byte, however it is split", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 4, max: 64 }), (text, size) => {
        const encoded = encodeOriginal(text, size - (size % 4));
        expect(readOriginal([...encoded.parts].reverse(), encoded.sha256)).toBe(text);
      }),
    );
  });

  it("keeps carriage returns, control characters, mentions and backticks as they were", () => {
    const text = "line one\r\n@someone #12 ```\u0000\ttabs\u200b and emoji 🔐 -->";
    const encoded = encodeOriginal(text);
    expect(encoded.parts).toHaveLength(1);
    expect(encoded.parts[0]).not.toContain("someone");
    expect(readOriginal([`before ${encoded.parts[0]} after`], sha256(text))).toBe(text);
  });

  it("refuses a copy with a missing or altered part", () => {
    const encoded = encodeOriginal("x".repeat(100), 8);
    expect(readOriginal(encoded.parts.slice(1), encoded.sha256)).toBeNull();
    const altered = encoded.parts.map((part, index) => (index === 0 ? part.replace("eHh4", "eXh4") : part));
    expect(readOriginal(altered, encoded.sha256)).toBeNull();
    expect(readOriginal(encoded.parts, sha256("something else"))).toBeNull();
  });

  it("splits a body at GitHub's size limit into parts that each fit", () => {
    const encoded = encodeOriginal("é".repeat(65_536));
    expect(encoded.parts.length).toBeGreaterThan(1);
    for (const part of encoded.parts) expect(part.length).toBeLessThan(65_536);
    expect(readOriginal(encoded.parts, encoded.sha256)).toBe("é".repeat(65_536));
  });
});
