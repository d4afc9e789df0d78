import { RE2 } from "re2-wasm";

/**
 * Patterns written in a repository's config are untrusted: they run through RE2, whose matching time
 * is linear in the input, so a pattern such as `(a+)+b` cannot stall the process.
 */
export interface TextPattern {
  /** The matched text, or undefined. */
  find(text: string): string | undefined;
  /** The first match with its position, or undefined. */
  search(text: string): { matched: string; index: number } | undefined;
}

const CONFIG_PATTERN_MAX_LENGTH = 1_000;

/** Why a config pattern cannot be used, or undefined when it can. */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return "the pattern is empty";
  if (pattern.length > CONFIG_PATTERN_MAX_LENGTH) {
    return `the pattern is longer than ${CONFIG_PATTERN_MAX_LENGTH} characters`;
  }
  try {
    const compiled = new RE2(pattern, "iu");
    if (compiled.test("")) return "the pattern matches empty text, so it would match every report";
  } catch (error) {
    return `not valid RE2 syntax (${describeRe2Error(error)}); lookaround and backreferences are not supported`;
  }
  return undefined;
}

/** Compiles a config pattern (case-insensitive, RE2). Throws when `checkPattern` would report a problem. */
export function compileConfigPattern(pattern: string): TextPattern {
  const problem = checkPattern(pattern);
  if (problem !== undefined) throw new Error(`unusable pattern ${JSON.stringify(pattern)}: ${problem}`);
  const compiled = new RE2(pattern, "iu");
  return {
    find(text) {
      const match = compiled.exec(text);
      return match ? (match[0] ?? "") : undefined;
    },
    search(text) {
      const match = compiled.exec(text);
      return match ? { matched: match[0] ?? "", index: match.index } : undefined;
    },
  };
}

/** Wraps a built-in pattern; these are written without nested quantifiers and run in JavaScript's engine. */
export function builtInPattern(regex: RegExp): TextPattern {
  const flags = regex.flags.includes("i") ? regex.flags : `${regex.flags}i`;
  const compiled = new RegExp(regex.source, flags.replace("g", ""));
  return {
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
