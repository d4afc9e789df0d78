/**
 * Character classes of regular expressions, read by hand where a loop over a text's characters replaces expressions
 * run on each of its words.
 */

const NON_ASCII_SPACES = new Set([0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** Whether a code unit is one `\s` matches: ASCII's spaces, the no-break and byte-order spaces, the other Unicode spaces. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return NON_ASCII_SPACES.has(code) || (code >= 0x2000 && code <= 0x200a);
}

/** Whether a code point is a letter, as `\p{L}` reads it. */
export function isLetter(point: number): boolean {
  if (point < 128) return isAsciiLetter(point);
  return (classOf(point) & LETTER) !== 0;
}

/** Whether a code point is a letter or a number, as `[\p{L}\p{N}]` reads it. */
export function isLetterOrNumber(point: number): boolean {
  if (point < 128) return isAsciiLetter(point) || (point >= 0x30 && point <= 0x39);
  return (classOf(point) & (LETTER | NUMBER)) !== 0;
}

/** Per ASCII code, whether `\w` matches it without the u flag: a letter, a digit or `_`. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => (/\w/.test(String.fromCharCode(code)) ? 1 : 0));

/** Whether a code unit is one `\w` matches in an expression without the u flag: an ASCII letter, digit or `_`. */
export function isAsciiWordCharacter(code: number): boolean {
  return code < 128 && ASCII_WORD[code] === 1;
}

function isAsciiLetter(point: number): boolean {
  return (point | 0x20) >= 0x61 && (point | 0x20) <= 0x7a;
}

const LETTER = 1;
const NUMBER = 2;
const KNOWN = 4;
const LETTER_EXPRESSION = /^\p{L}$/u;
const NUMBER_EXPRESSION = /^\p{N}$/u;
/** Per code point, once asked, its classes: a fixed table, whatever texts a process reads. */
let classes: Uint8Array | undefined;

function classOf(point: number): number {
  classes ??= new Uint8Array(0x110000);
  let known = classes[point] ?? 0;
  if (known === 0) {
    const character = String.fromCodePoint(point);
    known = KNOWN | (LETTER_EXPRESSION.test(character) ? LETTER : 0) | (NUMBER_EXPRESSION.test(character) ? NUMBER : 0);
    classes[point] = known;
  }
  return known;
}
