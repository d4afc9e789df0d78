import { createRequire } from "node:module";
import type { RE2 } from "re2-wasm";
import { lowerForLiterals, requiredLiterals, type Syntax } from "./literals.js";
import { MAX_GROUP, wordSet, wordSetGroup } from "./word-sets.js";

/**
 * Patterns written in a repository's config are untrusted: they run through RE2, whose matching time
 * is linear in the input, so a pattern such as `(a+)+b` cannot stall the process.
 */
export interface TextPattern {
  /** The matched text, or undefined. */
  find(text: string): string | undefined;
  /** The first match with its position, or undefined. */
  search(text: string): { matched: string; index: number } | undefined;
  /** What the pattern was written as, so that `anyOf` can join patterns of the same engine into one. */
  readonly written: WrittenPattern;
}

type WrittenPattern = { readonly engine: "javascript"; readonly regex: RegExp } | { readonly engine: "re2"; readonly pattern: string };

/** Whether any of a list of patterns matches a text, in as few scans as the patterns allow. */
export interface PatternSet {
  matchesAny(text: string): boolean;
}

/** A pattern from a config longer than this is refused: RE2 compiles in time and memory that grow with the length. */
export const MAX_MATCH_PATTERN_LENGTH = 1_000;
/**
 * How many compiled config patterns are kept. re2-wasm compiles into a fixed 16 MiB WebAssembly heap that garbage
 * collection never returns and that, once full, aborts every later RE2 call in the process; so a compiled pattern is
 * shared by everyone using the same text, and the least recently used is freed beyond this many.
 */
export const MAX_COMPILED_PATTERNS = 256;
/** How many refused patterns are remembered: a compile RE2 refuses is never freed, so each is compiled only once. */
const MAX_REMEMBERED_REFUSALS = 4_096;

const require = createRequire(import.meta.url);
let re2Class: typeof RE2 | undefined;

/** re2-wasm reserves its WebAssembly heap when loaded: loaded on the first pattern a config writes, not at start. */
function re2(): typeof RE2 {
  re2Class ??= (require("re2-wasm") as { RE2: typeof RE2 }).RE2;
  return re2Class;
}

/** By pattern text, least recently used first. */
const compiledPatterns = new Map<string, RE2>();
const refusedPatterns = new Map<string, string>();

/** Why a config pattern cannot be used, or undefined when it can. */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return "the pattern is empty";
  if (pattern.length > MAX_MATCH_PATTERN_LENGTH) {
    return `the pattern is longer than the limit of ${MAX_MATCH_PATTERN_LENGTH} characters`;
  }
  if (compiledPatterns.has(pattern)) return undefined;
  const refusal = refusedPatterns.get(pattern);
  if (refusal !== undefined) return refusal;
  let compiled: RE2;
  try {
    compiled = new (re2())(pattern, "iu");
  } catch (error) {
    return refuse(pattern, `not valid RE2 syntax (${describeRe2Error(error)}); lookaround and backreferences are not supported`);
  }
  if (compiled.test("")) {
    free(compiled);
    return refuse(pattern, "the pattern matches empty text, so it would match every report");
  }
  keep(pattern, compiled);
  return undefined;
}

/** Compiles a config pattern (case-insensitive, RE2). Throws when `checkPattern` would report a problem. */
export function compileConfigPattern(pattern: string): TextPattern {
  const problem = checkPattern(pattern);
  if (problem !== undefined) throw new Error(`unusable pattern ${JSON.stringify(pattern)}: ${problem}`);
  return {
    written: { engine: "re2", pattern },
    find(text) {
      const match = compiledPattern(pattern).exec(text);
      return match ? (match[0] ?? "") : undefined;
    },
    search(text) {
      const match = compiledPattern(pattern).exec(text);
      return match ? { matched: match[0] ?? "", index: match.index } : undefined;
    },
  };
}

/** The compiled form of a pattern `checkPattern` accepted, compiled again if it was freed in the meantime. */
function compiledPattern(pattern: string): RE2 {
  const compiled = compiledPatterns.get(pattern) ?? new (re2())(pattern, "iu");
  keep(pattern, compiled);
  return compiled;
}

function keep(pattern: string, compiled: RE2): void {
  compiledPatterns.delete(pattern);
  compiledPatterns.set(pattern, compiled);
  for (const [oldestPattern, oldest] of compiledPatterns) {
    if (compiledPatterns.size <= MAX_COMPILED_PATTERNS) break;
    compiledPatterns.delete(oldestPattern);
    free(oldest);
  }
}

function refuse(pattern: string, problem: string): string {
  refusedPatterns.set(pattern, problem);
  for (const oldestPattern of refusedPatterns.keys()) {
    if (refusedPatterns.size <= MAX_REMEMBERED_REFUSALS) break;
    refusedPatterns.delete(oldestPattern);
  }
  return problem;
}

/** Returns a compiled pattern's WebAssembly memory, which re2-wasm only gives back through its wrapper's `delete()`. */
function free(compiled: RE2): void {
  (compiled as unknown as { wrapper: { delete(): void } }).wrapper.delete();
}

/** Wraps a built-in pattern; these are written without nested quantifiers and run in JavaScript's engine. */
export function builtInPattern(regex: RegExp): TextPattern {
  const flags = regex.flags.includes("i") ? regex.flags : `${regex.flags}i`;
  const compiled = new RegExp(regex.source, flags.replace("g", ""));
  return {
    written: { engine: "javascript", regex: compiled },
    find(text) {
      const match = compiled.exec(text);
      return match ? match[0] : undefined;
    },
    search(text) {
      const match = compiled.exec(text);
      return match ? { matched: match[0], index: match.index } : undefined;
    },
  };
}

/**
 * The patterns as few scans as possible: nearly every report uses the terms of none of a rule's patterns. Before a
 * built-in pattern runs, the words it cannot match without (`requiredLiterals`) are looked for in the lowered text
 * (`wordSetGroup`, one pass for every rule's words), and only the patterns whose words are there run. A config's RE2
 * patterns are gated the same way and run as compiled when the config was checked: compiling them joined cost a
 * process some 20 ms at start, for texts that seldom hold a word of two of them. Patterns without such words are
 * joined into one expression per engine. A pattern with a backreference (joining would shift group numbers) or a
 * named group (joined names could clash) stays alone.
 */
export function anyOf(patterns: readonly TextPattern[]): PatternSet {
  const scans: ((text: string) => boolean)[] = [];
  const joinable = new Map<string, WrittenPattern[]>();
  for (const pattern of patterns) {
    const { written } = pattern;
    if (written.engine === "javascript" && GROUP_REFERENCE_OR_NAME.test(written.regex.source)) {
      scans.push((text) => pattern.find(text) !== undefined);
      continue;
    }
    const key = written.engine === "re2" ? "re2" : written.regex.flags;
    joinable.set(key, [...(joinable.get(key) ?? []), written]);
  }
  for (const [key, written] of joinable) scans.push(...joinedScans(key, written));
  return { matchesAny: (text) => scans.some((scan) => scan(text)) };
}

/**
 * Scans for patterns of one engine and the same flags: those with words every match contains after a check for those
 * words, and the rest (a pattern written only in Chinese, say) joined, so that one pattern without such words does
 * not leave every other to be run on every report.
 */
function joinedScans(key: string, written: readonly WrittenPattern[]): ((text: string) => boolean)[] {
  const sources = written.map((pattern) => (pattern.engine === "re2" ? pattern.pattern : pattern.regex.source));
  const syntax = key === "re2" ? "re2" : syntaxOfFlags(key);
  const words = sources.map((source) => (syntax === undefined ? undefined : requiredLiterals(source, syntax)));
  const withWords = sources.flatMap((source, index) => {
    const list = words[index];
    return list === undefined ? [] : [{ source, words: list }];
  });
  const withoutWords = sources.filter((_, index) => words[index] === undefined);
  const scans: ((text: string) => boolean)[] = [];
  if (withWords.length > 0) scans.push(...scansOfPresent(key, withWords));
  if (withoutWords.length > 0) scans.push(...joinedScan(key, withoutWords));
  return scans;
}

/**
 * A scan that runs only the patterns whose words the text holds, each on its own: one pattern written with a common
 * word ("http", "version") would otherwise have every pattern of its rule run over every report that holds the word,
 * and an expression joined for each combination of patterns would be compiled for each and seldom run enough to be
 * made fast.
 */
function scansOfPresent(key: string, patterns: readonly GatedPattern[]): ((text: string) => boolean)[] {
  const scans: ((text: string) => boolean)[] = [];
  for (let from = 0; from < patterns.length; from += MAX_GROUP) scans.push(scanOfPresent(key, patterns.slice(from, from + MAX_GROUP)));
  return scans;
}

interface GatedPattern {
  source: string;
  /** Words one of which every match holds (`requiredLiterals`). */
  words: readonly string[];
}

function scanOfPresent(key: string, patterns: readonly GatedPattern[]): (text: string) => boolean {
  const sets = wordSetGroup(patterns.map((pattern) => pattern.words));
  const tests = patterns.map(({ source }) => {
    if (key === "re2") return (text: string) => compiledPattern(source).test(text);
    const expression = new RegExp(source, key);
    return (text: string) => expression.test(text);
  });
  return (text) => {
    const present = sets.holdingIn(lowerForLiterals(text));
    if (present === 0) return false;
    for (let index = 0; index < patterns.length; index++) {
      if ((present & (1 << index)) !== 0 && tests[index]?.(text) === true) return true;
    }
    return false;
  };
}

/** One scan for the patterns joined, or one each where RE2 refuses the join (too long, or too large once compiled). */
function joinedScan(key: string, sources: readonly string[]): ((text: string) => boolean)[] {
  const joinedSource = sources.map((source) => `(?:${source})`).join("|");
  if (key === "re2") {
    if (checkPattern(joinedSource) !== undefined) return sources.map((source) => (text: string) => compiledPattern(source).test(text));
    return [(text) => compiledPattern(joinedSource).test(text)];
  }
  const joined = new RegExp(joinedSource, key);
  return [(text) => joined.test(text)];
}

/** How `requiredLiterals` reads an expression of these flags: the v flag's nested classes and set operations are beyond it. */
function syntaxOfFlags(flags: string): Syntax | undefined {
  return flags.includes("v") ? undefined : flags.includes("u") ? "javascript-unicode" : "javascript";
}

/** Whether a text, lowered, holds any of the words: `wordSet` answers for a report's title, body and both at once. */
function holdsAnyOf(words: readonly string[]): (text: string) => boolean {
  const anyWord = wordSet(words);
  return (text) => anyWord.contains(lowerForLiterals(text));
}

const GROUP_REFERENCE_OR_NAME = /\\(?:[1-9]|k<)|\(\?<[^=!]/;

const gated: RegExp[] = [];

/** The expressions `mayMatch` checks for, so that a test can hold their words against them. */
export function gatedExpressions(): readonly RegExp[] {
  return gated;
}

/**
 * Whether a built-in expression run on its own may match a text: false when the lowered text holds none of the words
 * every match contains (`requiredLiterals`), which `wordSet` answers for a report's title, body and both without
 * reading them again. An expression without such words may always match.
 */
export function mayMatch(regex: RegExp): (text: string) => boolean {
  gated.push(regex);
  const syntax = syntaxOfFlags(regex.flags);
  const words = syntax === undefined ? undefined : requiredLiterals(regex.source, syntax);
  return words === undefined ? () => true : holdsAnyOf(words);
}

/** The text matched by the first pattern that matches, or undefined. */
export function firstMatch(patterns: readonly TextPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    const matched = pattern.find(text);
    if (matched !== undefined) return matched;
  }
  return undefined;
}

function describeRe2Error(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /^Invalid regular expression: \/.*\/[a-z]*: (.*)$/s.exec(message)?.[1];
  return reason ?? message;
}
