import { createHash } from "node:crypto";

/**
 * The exact text of a contained report, kept in the private tracking issue so that nothing is lost and a release
 * restores it byte for byte. The readable copy in the tracking issue is escaped, neutralised and size-limited; this
 * one is the UTF-8 bytes in base64 inside hidden markers, split into parts that each fit in an issue body or
 * comment, and identified by the SHA-256 of the text. Base64 cannot contain `-->`, so a marker cannot end early.
 */

/** Characters of base64 per part: with the marker around it, a part fits in GitHub's 65,536-character limit. */
export const PART_SIZE = 60_000;

const PART_PATTERN = /<!-- disclosure-desk:original sha256=([0-9a-f]{64}) part=(\d+)\/(\d+) ([A-Za-z0-9+/=]*) -->/g;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface EncodedOriginal {
  sha256: string;
  /** Hidden markers, in order; one per issue body or comment. */
  parts: string[];
}

export function encodeOriginal(text: string, partSize = PART_SIZE): EncodedOriginal {
  const hash = sha256(text);
  const encoded = Buffer.from(text, "utf8").toString("base64");
  const chunks: string[] = [];
  for (let start = 0; start < encoded.length || chunks.length === 0; start += partSize) {
    chunks.push(encoded.slice(start, start + partSize));
  }
  return {
    sha256: hash,
    parts: chunks.map((chunk, index) => `<!-- disclosure-desk:original sha256=${hash} part=${index + 1}/${chunks.length} ${chunk} -->`),
  };
}

/**
 * Reassembles the text with this hash from the tracking issue's body and comments, wherever its parts are. Null when
 * a part is missing or the result does not hash to `hash`: a copy is trusted only when it is exactly right.
 */
export function readOriginal(texts: readonly string[], hash: string): string | null {
  const parts = new Map<number, string>();
  let total: number | undefined;
  for (const text of texts) {
    for (const match of text.matchAll(PART_PATTERN)) {
      if (match[1] !== hash) continue;
      parts.set(Number(match[2]), match[4] ?? "");
      total = Number(match[3]);
    }
  }
  if (total === undefined) return null;
  const chunks: string[] = [];
  for (let index = 1; index <= total; index += 1) {
    const chunk = parts.get(index);
    if (chunk === undefined) return null;
    chunks.push(chunk);
  }
  const text = Buffer.from(chunks.join(""), "base64").toString("utf8");
  return sha256(text) === hash ? text : null;
}
