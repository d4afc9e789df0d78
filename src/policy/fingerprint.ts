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

/**
 * Fixed odd multipliers and offsets: the same text gives the same signature in every process and release. Kept as
 * int32 bits: a position's value is reduced modulo 2^32 before it is mixed, so signed and unsigned offsets agree.
 */
const SEED_MULTIPLY = Int32Array.from({ length: SIGNATURE_LENGTH }, (_, index) => Math.imul(index + 1, 0x9e3779b1) | 1);
const SEED_ADD = Int32Array.from({ length: SIGNATURE_LENGTH }, (_, index) => Math.imul(index + 7, 0x85ebca6b));

const LOCATION = /(?:https?:\/\/[^\s)>\]"'`]+|(?:[\w.-]+\/)+[\w.-]+\.\w+(?::\d+)?)/g;

/** The MinHash signature of a report, base64 (344 characters); `undefined` for a text too short to compare. */
export function fingerprintOf(title: string, body: string): string | undefined {
  const signature = textSignatureOf(title, body);
  return signature === undefined ? undefined : encodedSignature(signature);
}

/**
 * The MinHash signature of a report's title and body, undecoded: what `fingerprintOf` encodes, for a caller that also
 * compares it. Each distinct shingle is hashed into the signature as it is first seen; a repeated one would leave every
 * minimum as it is.
 */
export function textSignatureOf(title: string, body: string): Uint32Array | undefined {
  const bounded = `${title}\n${body}`.slice(0, MAX_FINGERPRINT_TEXT).toLowerCase();
  const words = bounded.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const shingles = new Set<string>();
  const minimum = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const include = (shingle: string) => {
    const size = shingles.size;
    shingles.add(shingle);
    if (shingles.size !== size) lowerMinimums(minimum, fnv1a(shingle));
  };
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index++) include(words.slice(index, index + SHINGLE_WORDS).join(" "));
  // Every location has a slash: a text without one is not searched for them.
  if (bounded.includes("/")) for (const location of bounded.match(LOCATION) ?? []) include(`@${location}`);
  return shingles.size < MIN_SHINGLES ? undefined : minimum;
}

/** A decoded signature as the fingerprint a case record keeps. */
export function encodedSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64");
}

function lowerMinimums(minimum: Uint32Array, base: number): void {
  for (let index = 0; index < SIGNATURE_LENGTH; index++) {
    const value = mix((Math.imul(base, SEED_MULTIPLY[index]!) + SEED_ADD[index]!) | 0);
    if (value < minimum[index]!) minimum[index] = value;
  }
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

/**
 * A fingerprint's signature, decoded; undefined when the text is not one. Decoded straight into the signature's own
 * memory, one word longer than a signature so that a longer text fills it and is told apart.
 */
export function signatureOf(fingerprint: string): Uint32Array | undefined {
  const words = new Uint32Array(SIGNATURE_LENGTH + 1);
  const written = Buffer.from(words.buffer).write(fingerprint, "base64");
  return written === SIGNATURE_LENGTH * 4 ? words.subarray(0, SIGNATURE_LENGTH) : undefined;
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
