/**
 * A report's text fingerprint: a MinHash signature over its word shingles and the locations it cites (paths, URLs,
 * `file:line`). Two reports' signatures agree in about the share of positions that their shingle sets share (their
 * Jaccard similarity), so a near-copy is found by comparing 64 numbers, never by keeping or reading the text.
 * Linear in the text, which is cut at `MAX_FINGERPRINT_TEXT` characters first.
 */

export const SIGNATURE_LENGTH = 64;
/** Only this much of a report is fingerprinted: a pasted log does not make the work grow without end. */
export const MAX_FINGERPRINT_TEXT = 64 * 1024;
/** Fewer shingles than this say too little to call anything a copy of it. */
export const MIN_SHINGLES = 8;
const SHINGLE_WORDS = 3;

/** Fixed odd multipliers and offsets: the same text gives the same signature in every process and release. */
const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, index) => ({
  multiply: (Math.imul(index + 1, 0x9e3779b1) | 1) >>> 0,
  add: Math.imul(index + 7, 0x85ebca6b) >>> 0,
}));

const LOCATION = /(?:https?:\/\/[^\s)>\]"'`]+|(?:[\w.-]+\/)+[\w.-]+\.\w+(?::\d+)?)/g;

/** The words and cited locations of a title and body, lower case; `null` when there are too few to compare. */
export function shinglesOf(text: string): Set<string> | null {
  const bounded = text.slice(0, MAX_FINGERPRINT_TEXT).toLowerCase();
  const words = bounded.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const shingles = new Set<string>();
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index++) shingles.add(words.slice(index, index + SHINGLE_WORDS).join(" "));
  for (const location of bounded.match(LOCATION) ?? []) shingles.add(`@${location}`);
  return shingles.size < MIN_SHINGLES ? null : shingles;
}

/** The MinHash signature of a report, base64 (344 characters); `undefined` for a text too short to compare. */
export function fingerprintOf(title: string, body: string): string | undefined {
  const shingles = shinglesOf(`${title}\n${body}`);
  if (shingles === null) return undefined;
  const minimum = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    const base = fnv1a(shingle);
    for (let index = 0; index < SIGNATURE_LENGTH; index++) {
      const seed = SEEDS[index] as { multiply: number; add: number };
      const value = mix((Math.imul(base, seed.multiply) + seed.add) >>> 0);
      if (value < (minimum[index] as number)) minimum[index] = value;
    }
  }
  return Buffer.from(minimum.buffer).toString("base64");
}

/**
 * The estimated Jaccard similarity (0..1; 0 when either is unreadable) to one fingerprint, decoded once: a new report
 * is compared with up to thousands of indexed cases.
 */
export function similarityTo(fingerprint: string): (other: string) => number {
  const signature = signatureOf(fingerprint);
  return (other) => signatureSimilarity(signature, signature === undefined ? undefined : signatureOf(other));
}

/** The estimated Jaccard similarity of two decoded fingerprints; 0 when either is unreadable. */
export function signatureSimilarity(a: Uint32Array | undefined, b: Uint32Array | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let equal = 0;
  for (let index = 0; index < SIGNATURE_LENGTH; index++) if (a[index] === b[index]) equal += 1;
  return equal / SIGNATURE_LENGTH;
}

/** A fingerprint's signature, decoded; undefined when the text is not one. */
export function signatureOf(fingerprint: string): Uint32Array | undefined {
  const bytes = Buffer.from(fingerprint, "base64");
  if (bytes.length !== SIGNATURE_LENGTH * 4) return undefined;
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: spreads the bits, so the minimum of each position behaves like an independent permutation. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
