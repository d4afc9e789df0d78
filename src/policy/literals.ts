import { readFileSync } from "node:fs";
import { LruMap } from "../sla/lru.js";

/**
 * The words a regular expression cannot match without: a list of lower-case ASCII strings, one of which every text
 * it matches contains (after `lowerForLiterals`). Looking for a few plain words costs far less than running an expression
 * with many alternatives over a long report, and nearly every report contains none of a rule's words, so triage
 * checks these before it runs the expression (see `anyOf` in pattern.ts).
 *
 * The reading is conservative: whatever it does not understand (a class, a non-ASCII letter, an escape it does not
 * know) counts as "any character", which can only make the list shorter or undefined, never wrong. A backreference
 * makes the whole expression unreadable.
 */

/** Strings are kept this long at most: any part of a word that must be present must be present too. */
const MAX_LITERAL = 24;
/** Sets of alternatives larger than this are not multiplied out or joined further. */
const MAX_SET = 96;
/**
 * The most words an alternation's branches bring together. Each branch's list is up to `MAX_SET` long, and the
 * automaton looks for every word at once, so a few branches of many phrases each cost little; cut at `MAX_SET`, three
 * catalog patterns had no list at all and ran on every report (the CSRF wording of a form sent "from a different
 * site" on 2 texts a report: 15,500 of 880,000 instructions a report under MijnPartnerGroep).
 */
const MAX_REQUIRED = 256;
/** A word shorter than this is in nearly every report, so checking it first would only cost time. */
const MIN_USEFUL = 3;

/** What a piece of an expression is known to match. */
interface Known {
  /** Every string the piece can match, when few and all readable; "" when it can match nothing at all (an anchor). */
  exact?: readonly string[];
  /** One of these is inside every match. */
  required?: readonly string[];
}

const ANY_CHARACTER: Known = {};
const EMPTY: Known = { exact: [""] };

class Unreadable extends Error {}

/** How an expression is written: JavaScript's syntax (with or without the `u` flag) or RE2's. */
export type Syntax = "javascript" | "javascript-unicode" | "re2";

/** Where the build writes the lists of the built-in expressions, beside this module. */
export const BUILT_LISTS_FILE = "./required-literals.json";
/** Lists remembered beyond those of the build: every policy compiled for a repository's config reads its patterns again. */
const REMEMBERED_LISTS = 2_048;

/** Lists worked out in this process, by syntax and source (`keyOf`); null where no useful list exists. */
const workedOut = new LruMap<string, readonly string[] | null>(REMEMBERED_LISTS);

/**
 * The lists of the built-in expressions, worked out when the code was built (`npm run build` runs
 * scripts/required-literals.mjs and writes them beside this module): reading some 350 expressions anew took the
 * triage command 70 to 120 ms of its start. A list is found by its expression's exact source, so an expression
 * changed since the build is read anew; none are there when the code runs from its sources.
 */
const builtLists: ReadonlyMap<string, readonly string[] | null> = readBuiltLists();

function readBuiltLists(): ReadonlyMap<string, readonly string[] | null> {
  let text: string;
  try {
    text = readFileSync(new URL(BUILT_LISTS_FILE, import.meta.url), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return new Map(JSON.parse(text) as [string, readonly string[] | null][]);
}

function keyOf(source: string, syntax: Syntax): string {
  return `${syntax}\n${source}`;
}

/** One of these lower-case strings is in every text the expression matches; undefined when no useful list exists. */
export function requiredLiterals(source: string, syntax: Syntax): readonly string[] | undefined {
  const key = keyOf(source, syntax);
  const known = builtLists.get(key) ?? workedOut.get(key);
  if (known !== undefined) return known ?? undefined;
  const list = readRequiredLiterals(source, syntax);
  workedOut.set(key, list ?? null);
  return list;
}

/** Every list worked out in this process, by syntax and source: what the build ships (scripts/required-literals.mjs). */
export function workedOutLists(): [string, readonly string[] | null][] {
  return [...workedOut];
}

function readRequiredLiterals(source: string, syntax: Syntax): string[] | undefined {
  let known: Known;
  try {
    known = new Reader(source, syntax).read();
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
  const literals = requiredOf(known);
  if (literals === undefined || literals.some((literal) => literal.length < MIN_USEFUL)) return undefined;
  return withoutContainers(literals);
}

/**
 * The list without a string that holds another of its strings ("version number" beside "version"): a text that
 * holds the longer holds the shorter, so the list admits the same texts with fewer strings for the automaton that
 * looks for every list's strings at once (word-sets.ts).
 */
function withoutContainers(literals: readonly string[]): string[] {
  const shortestFirst = [...new Set(literals)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const literal of shortestFirst) if (!kept.some((shorter) => literal.includes(shorter))) kept.push(literal);
  return kept;
}

/**
 * A text as `requiredLiterals` compares with it: lower case, and with the long s that `/s/iu` also matches. The last
 * few texts are remembered: every rule reads a report's title, body and both, and each would lower them again. Triage
 * lowers both first, a title and body joined by a line break: where lowering kept every character in its place, the
 * parts before and after the line break are remembered lowered too, so that the title and body are not lowered again.
 */
export function lowerForLiterals(text: string): string {
  const known = recentlyLowered.find((entry) => entry.text === text);
  if (known !== undefined) return known.lower;
  const lowerCase = text.toLowerCase();
  const lower = lowerCase.includes("ſ") ? lowerCase.replaceAll("ſ", "s") : lowerCase;
  const junction = lower.length === text.length ? text.indexOf("\n") : -1;
  if (junction >= 0) {
    remember(text.slice(junction + 1), lower.slice(junction + 1));
    remember(text.slice(0, junction), lower.slice(0, junction));
  }
  remember(text, lower);
  return lower;
}

function remember(text: string, lower: string): void {
  recentlyLowered.unshift({ text, lower });
  recentlyLowered.length = Math.min(recentlyLowered.length, REMEMBERED_TEXTS);
}

const recentlyLowered: { text: string; lower: string }[] = [];
const REMEMBERED_TEXTS = 3;

function requiredOf(known: Known): readonly string[] | undefined {
  if (known.exact !== undefined && !known.exact.includes("")) return known.exact.map((text) => text.slice(0, MAX_LITERAL));
  return known.required;
}

/**
 * Words that more than one report in twelve holds (the training split of data/triage.jsonl): a list with one of them
 * admits most reports however long its other words are.
 */
const COMMON_WORDS = new Set([
  "user",
  "users",
  "code",
  "version",
  "auth",
  "access",
  "attacker",
  "data",
  "without",
  "inject",
  "page",
  "check",
  "control",
  "vulnerable",
  "arbitrary",
  "config",
  "login",
  "turn",
  "malicious",
  "script",
  "password",
  "port",
  "app",
  "curit",
  "open",
  "rce",
  "site",
  "xss",
  "content",
  "server",
  "service",
  "injection",
]);

/**
 * The better of two lists: one whose words are all long enough to look for, then one without a common word, then the
 * one whose shortest word is longer, then the shorter list.
 */
function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined || a.length === 0) return b;
  if (b === undefined || b.length === 0) return a;
  const [shortestOfA, shortestOfB] = [shortest(a), shortest(b)];
  const usableA = shortestOfA >= MIN_USEFUL;
  if (usableA !== shortestOfB >= MIN_USEFUL) return usableA ? a : b;
  const commonA = holdsCommonWord(a);
  if (commonA !== holdsCommonWord(b)) return commonA ? b : a;
  if (shortestOfA !== shortestOfB) return shortestOfA > shortestOfB ? a : b;
  return a.length <= b.length ? a : b;
}

function shortest(list: readonly string[]): number {
  let length = Infinity;
  for (const text of list) length = Math.min(length, text.length);
  return length;
}

function holdsCommonWord(list: readonly string[]): boolean {
  return list.some((text) => COMMON_WORDS.has(text.trim()));
}

function concatenate(items: readonly Known[]): Known {
  let best: readonly string[] | undefined;
  let run: readonly string[] = [""];
  let wholeIsExact = true;
  const closeRun = () => {
    if (!run.includes("")) best = better(best, run);
  };
  for (const item of items) {
    best = better(best, requiredOf(item));
    if (item.exact !== undefined) {
      const product: string[] | undefined = run.length * item.exact.length <= MAX_SET ? multiply(run, item.exact) : undefined;
      if (product !== undefined && product.every((text) => text.length <= MAX_LITERAL)) {
        run = product;
        continue;
      }
    }
    closeRun();
    wholeIsExact = false;
    run = item.exact ?? [""];
  }
  closeRun();
  return wholeIsExact ? { exact: run } : best === undefined ? {} : { required: best };
}

function multiply(left: readonly string[], right: readonly string[]): string[] {
  // Most items are one character of a word: the strings of a run are distinct, and so are they with one more.
  if (right.length === 1) {
    const suffix = right[0] ?? "";
    return left.map((text) => text + suffix);
  }
  const product = new Set<string>();
  for (const a of left) for (const b of right) product.add(a + b);
  return [...product];
}

function alternate(branches: readonly Known[]): Known {
  if (branches.length === 1) return branches[0] ?? {};
  let exact: string[] | undefined = [];
  let required: string[] | undefined = [];
  for (const branch of branches) {
    exact = exact !== undefined && branch.exact !== undefined ? [...exact, ...branch.exact] : undefined;
    const branchRequired = requiredOf(branch);
    required = required !== undefined && branchRequired !== undefined ? [...required, ...branchRequired] : undefined;
  }
  if (exact !== undefined && new Set(exact).size <= MAX_SET) return { exact: [...new Set(exact)] };
  return required !== undefined && required.length <= MAX_REQUIRED ? { required: [...new Set(required)] } : {};
}

function repeat(item: Known, min: number, max: number): Known {
  if (min === 0 && max === 1 && item.exact !== undefined) return { exact: [...new Set(["", ...item.exact])] };
  if (min === 0) return {};
  if (min === max && min <= 3 && item.exact !== undefined) return concatenate(Array.from({ length: min }, () => item));
  const once = requiredOf(item);
  return once === undefined ? {} : { required: once };
}

/**
 * A reader of the syntax both engines share. What only RE2 has is refused or read as any character: `\Q…\E`
 * (quoted text), flag groups (`(?i)`), `\pL` (a class named by one letter).
 */
class Reader {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly syntax: Syntax,
  ) {}

  read(): Known {
    const known = this.alternatives();
    if (this.at !== this.source.length) throw new Unreadable();
    return known;
  }

  private alternatives(): Known {
    const branches = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    return alternate(branches);
  }

  private sequence(): Known {
    const items: Known[] = [];
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return concatenate(items);
  }

  private quantified(atom: Known): Known {
    const next = this.source[this.at];
    let min: number;
    let max: number;
    if (next === "?" || next === "*" || next === "+") {
      this.at++;
      [min, max] = next === "?" ? [0, 1] : next === "*" ? [0, Infinity] : [1, Infinity];
    } else if (next === "{") {
      const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (bounds === null) throw new Unreadable();
      this.at += bounds[0].length;
      min = Number(bounds[1]);
      max = bounds[2] === undefined ? min : bounds[3] === "" ? Infinity : Number(bounds[3]);
    } else {
      return atom;
    }
    if (this.source[this.at] === "?") this.at++;
    return repeat(atom, min, max);
  }

  private atom(): Known {
    const character = this.source[this.at++] ?? "";
    switch (character) {
      case "(":
        return this.group();
      case "[":
        return this.characterClass();
      case "\\":
        return this.escape();
      case "^":
      case "$":
        return EMPTY;
      case ".":
        return ANY_CHARACTER;
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "]":
        throw new Unreadable();
      default:
        return literal(character);
    }
  }

  private group(): Known {
    let lookaround = false;
    if (this.source.startsWith("?:", this.at)) this.at += 2;
    else if (this.source.startsWith("?=", this.at) || this.source.startsWith("?!", this.at)) [this.at, lookaround] = [this.at + 2, true];
    else if (this.source.startsWith("?<=", this.at) || this.source.startsWith("?<!", this.at)) [this.at, lookaround] = [this.at + 3, true];
    else if (this.source.startsWith("?<", this.at)) {
      const end = this.source.indexOf(">", this.at);
      if (end < 0) throw new Unreadable();
      this.at = end + 1;
    } else if (this.source[this.at] === "?") throw new Unreadable();
    const inner = this.alternatives();
    if (this.source[this.at] !== ")") throw new Unreadable();
    this.at++;
    // A lookaround matches no characters of its own: what it looks at is not part of the match.
    return lookaround ? EMPTY : inner;
  }

  private escape(): Known {
    const character = this.source[this.at++] ?? "";
    if (character === "b" || character === "B") return EMPTY;
    if (/[1-9kQE]/.test(character)) throw new Unreadable();
    if (character === "p" || character === "P") {
      if (this.syntax === "javascript") return ANY_CHARACTER;
      if (this.source[this.at] !== "{") {
        if (this.syntax === "re2") this.at++;
        return ANY_CHARACTER;
      }
      const end = this.source.indexOf("}", this.at);
      if (end < 0) throw new Unreadable();
      this.at = end + 1;
      return ANY_CHARACTER;
    }
    if (character === "x" && this.source[this.at] === "{") throw new Unreadable();
    if (character === "x") this.at += 2;
    else if (character === "u") this.at += this.source[this.at] === "{" ? this.source.indexOf("}", this.at) + 1 - this.at : 4;
    else if (character === "c") this.at += 1;
    if (/[A-Za-z0-9]/.test(character)) return ANY_CHARACTER;
    return literal(character);
  }

  /** A class of a few plain characters (`[- ]`, `[sz]`) is their alternatives; any other is one unknown character. */
  private characterClass(): Known {
    const members: string[] = [];
    let readable = this.source[this.at] !== "^";
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      let member = this.source[this.at++] ?? "";
      if (member === "\\") {
        member = this.source[this.at++] ?? "";
        if (/[A-Za-z0-9]/.test(member)) readable = false;
      }
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]") readable = false;
      members.push(member);
    }
    if (this.source[this.at] !== "]") throw new Unreadable();
    this.at++;
    if (!readable || members.length === 0 || members.length > 6) return ANY_CHARACTER;
    const alternatives = members.map(literal);
    return alternatives.every((known) => known.exact !== undefined) ? alternate(alternatives) : ANY_CHARACTER;
  }
}

/** A character as the case-insensitive comparison sees it; a letter outside ASCII may fold in ways lower case does not. */
function literal(character: string): Known {
  const code = character.charCodeAt(0);
  if (character.length !== 1 || code >= 0x80 || code < 0x20) return ANY_CHARACTER;
  return { exact: [character.toLowerCase()] };
}
