import { describe, expect, it, jest } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { catalog, exceptionCatalog } from "../../src/policy/catalog.js";
import { compileConduct, conductIds } from "../../src/policy/conduct.js";
import { compileExclusions } from "../../src/policy/exclusions.js";
import { BUILT_LISTS_FILE, lowerForLiterals, requiredLiterals, type Syntax } from "../../src/policy/literals.js";
// Loaded for the expressions they run on their own once their words are found (`mayMatch`).
import "../../src/policy/duplicates.js";
import "../../src/policy/evidence.js";
import { STRONG_IMPACT } from "../../src/policy/impact.js";
import { anyOf, builtInPattern, compileConfigPattern, gatedExpressions, type TextPattern } from "../../src/policy/pattern.js";
import { wordSetGroupCount } from "../../src/policy/word-sets.js";

/**
 * Triage passes over a rule when a report holds none of the words its expressions cannot match without. A wrong word
 * list would silently drop an exclusion or a conduct flag, so each list is held against the expressions themselves,
 * on every built-in pattern and on thousands of real report texts.
 */

function literalsOf(regex: RegExp): string[] | undefined {
  const list = requiredLiterals(regex.source, regex.flags.includes("u") ? "javascript-unicode" : "javascript");
  return list === undefined ? undefined : [...list];
}

describe("the words an expression cannot match without", () => {
  it("reads alternatives, optional pieces and small classes into the words every match holds", () => {
    expect(literalsOf(/\b(?:xss|cross[- ]site scripting)\b/i)?.sort()).toEqual(["cross site scripting", "cross-site scripting", "xss"]);
    expect(literalsOf(/\bclick[- ]?jack\w*/i)?.sort()).toEqual(["click jack", "click-jack", "clickjack"]);
    expect(literalsOf(/\b(?:missing|no)\b[^.\n]{0,40}\brate[- ]?limit/i)?.sort()).toEqual(["rate limit", "rate-limit", "ratelimit"]);
    expect(literalsOf(/Segmentation fault/)).toEqual(["segmentation fault"]);
    expect(literalsOf(/\bx-powered-by\b/i)).toEqual(["x-powered-by"]);
  });

  it("keeps the part of a long word that every match holds", () => {
    expect(literalsOf(/strict-transport-security-header-missing-entirely/i)).toEqual(["strict-transport-securit"]);
  });

  it("looks for a word most reports lack before a longer one most reports hold, but never for one too short", () => {
    expect(literalsOf(/\bversion\b[^.\n]{0,20}\bleak/i)).toEqual(["leak"]);
    expect(literalsOf(/\bleak\w*\b[^.\n]{0,20}\bframing\b/i)).toEqual(["framing"]);
    expect(literalsOf(/\b(?:40[0-9]|50[0-9])\b[^.\n]{0,20}\bpage\b/i)).toEqual(["page"]);
  });

  it("leaves out a word that holds another of the list: a text with the longer has the shorter", () => {
    expect(literalsOf(/\bversion(?: number| info)?s?\b/i)).toEqual(["version"]);
    expect(literalsOf(/\b(?:log ?in|login page|sign in)\b/i)).toEqual(["login", "log in", "sign in"]);
    expect(literalsOf(/\b(?:csrf|xsrf) token\b/i)).toEqual(["csrf token", "xsrf token"]);
  });

  it("gives no list when a match can do without any word, or only with a short one", () => {
    expect(literalsOf(/\b(?:admin|)panel/i)).toEqual(["panel"]);
    expect(literalsOf(/(?:admin)?/i)).toBeUndefined();
    expect(literalsOf(/\d+ records/i)).toEqual([" records"]);
    expect(literalsOf(/\w+@\w+/i)).toBeUndefined();
    expect(literalsOf(/\b(?:no|on)\b/i)).toBeUndefined();
    expect(literalsOf(/[a-z]{5}/i)).toBeUndefined();
  });

  it("joins the phrases of alternatives that each bring many, up to a limit", () => {
    const manyPhrases = String.raw`\b(?:from|via|vanaf|door) (?:a |een )?(?:different|other|another|andere|bad|evil|malicious|kwaadwillende) site\b`;
    const twoBranches = literalsOf(new RegExp(`${manyPhrases}|\\bon behalf of\\b`, "i"));
    expect(twoBranches).toHaveLength(97);
    expect(twoBranches).toContain("on behalf of");
    expect(twoBranches).toContain("via a bad ");
    const threeBranches = [manyPhrases, manyPhrases.replace("site", "page"), manyPhrases.replace("site", "app")];
    expect(literalsOf(new RegExp(threeBranches.join("|"), "i"))).toBeUndefined();
  });

  it("refuses what it cannot read safely: backreferences, RE2's quoted text and flag groups", () => {
    expect(literalsOf(/(token)=\1/i)).toBeUndefined();
    expect(requiredLiterals("\\Qab?c\\E", "re2")).toBeUndefined();
    expect(requiredLiterals("(?i)secret", "re2")).toBeUndefined();
    expect(requiredLiterals("\\pLsecret", "re2")).toEqual(["secret"]);
    expect(requiredLiterals("\\pLsecret", "javascript")).toEqual(["lsecret"]);
  });

  it("reads a letter outside ASCII as any character, since case folding may reach it from another", () => {
    expect(literalsOf(/lek in één pagina/i)).toEqual(["n pagina"]);
  });

  it("compares with text lowered the way case-insensitive matching folds it (the Kelvin sign, the long s)", () => {
    const regex = /\bsql injection\b/iu;
    const text = "ſQL injection in the \u212Aeyword search";
    expect(regex.test(text)).toBe(true);
    expect(literalsOf(regex)?.some((word) => lowerForLiterals(text).includes(word))).toBe(true);
  });
});

const reportTexts: string[] = ["data/triage.jsonl", "data/github-issues.jsonl"].flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .slice(0, 2_500)
    .flatMap((line) => {
      const item = JSON.parse(line) as { title: string; body?: string };
      return [item.title, item.body ?? "", `${item.title}\n${item.body ?? ""}`.toUpperCase()];
    }),
);

function builtInExpressions(): RegExp[] {
  const patterns: TextPattern[] = [
    ...catalog
      .flatMap((entry) => [...entry.match, ...(entry.indirect ?? []), ...(entry.inBody ?? []), ...entry.notWhen])
      .map(builtInPattern),
    ...exceptionCatalog.flatMap((exception) => exception.match).map(builtInPattern),
    ...compileConduct(conductIds()).flatMap((rule) => rule.match),
    ...STRONG_IMPACT.flatMap((fragment) => fragment.patterns),
  ];
  return [...patterns.flatMap(({ written }) => (written.engine === "javascript" ? [written.regex] : [])), ...gatedExpressions()];
}

describe("word lists against the built-in patterns they stand for", () => {
  const expressions = builtInExpressions();

  it("holds the expressions checked on their own among them: the steps heading, impact and vulnerability classes", () => {
    const lists = gatedExpressions().map((regex) => literalsOf(regex) ?? []);
    for (const word of ["xss", "step to reproduce", "impact"])
      expect([word, lists.some((list) => list.includes(word))]).toEqual([word, true]);
  });

  it(`finds a list for most of the ${expressions.length} built-in patterns (control: the check below checks something)`, () => {
    const listed = expressions.filter((regex) => literalsOf(regex) !== undefined);
    expect(listed.length).toBeGreaterThan(expressions.length / 2);
  });

  it(`never leaves out a word that a matching text holds, over ${reportTexts.length} report texts`, () => {
    const missed: string[] = [];
    let matches = 0;
    for (const regex of expressions) {
      const words = literalsOf(regex);
      if (words === undefined) continue;
      for (const text of reportTexts) {
        if (!regex.test(text)) continue;
        matches++;
        const lower = lowerForLiterals(text);
        if (!words.some((word) => lower.includes(word))) missed.push(`${regex.source} on ${text.slice(0, 80)}`);
      }
    }
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(1_000);
  });
});

/** The sources of the expressions `action` runs, in order. */
function expressionsRun(action: () => void): string[] {
  const run: string[] = [];
  const test = RegExp.prototype.test;
  const spy = jest.spyOn(RegExp.prototype, "test").mockImplementation(function (this: RegExp, text: string) {
    run.push(this.source);
    return test.call(this, text);
  });
  try {
    action();
  } finally {
    spy.mockRestore();
  }
  return run;
}

describe("the lists the build works out for the built-in expressions", () => {
  // `npm run build` (which `npm test` runs first) writes them beside the compiled code, where a process reads them
  // instead of reading each expression at its start.
  const shipped = new URL(`../../dist/policy/${BUILT_LISTS_FILE.replace("./", "")}`, import.meta.url);

  it("are what reading each expression gives, for every built-in expression a config can ask for", () => {
    if (!existsSync(shipped)) throw new Error(`${shipped.pathname} is missing: run npm run build first`);
    const lists = JSON.parse(readFileSync(shipped, "utf8")) as [string, string[] | null][];
    const sources = new Set(lists.map(([key]) => key.slice(key.indexOf("\n") + 1)));
    // The control: every catalog and conduct expression is there, so a build that wrote nothing fails here.
    expect(lists.length).toBeGreaterThan(400);
    for (const pattern of [
      ...catalog.flatMap((entry) => [...entry.match, ...(entry.indirect ?? []), ...(entry.inBody ?? [])]),
      ...gatedExpressions(),
    ]) {
      expect([pattern.source, sources.has(pattern.source)]).toEqual([pattern.source, true]);
    }
    for (const [key, list] of lists) {
      const syntax = key.slice(0, key.indexOf("\n")) as Syntax;
      expect([key, requiredLiterals(key.slice(key.indexOf("\n") + 1), syntax) ?? null]).toEqual([key, list]);
    }
  });
});

describe("a rule's patterns as one scan", () => {
  it("matches exactly where one of the patterns does, for every catalog exclusion and conduct rule", () => {
    const rules = [
      ...compileExclusions(catalog.map((entry) => entry.id)),
      ...compileConduct(conductIds()),
      ...STRONG_IMPACT.map((fragment, index) => ({ id: `strong impact ${index}`, match: fragment.patterns })),
    ];
    const disagreements: string[] = [];
    for (const rule of rules) {
      const patterns = "indirect" in rule ? [...rule.match, ...rule.indirect] : rule.match;
      const set = anyOf(patterns);
      for (const text of reportTexts) {
        const expected = patterns.some((pattern) => pattern.find(text) !== undefined);
        if (set.matchesAny(text) !== expected) disagreements.push(`${rule.id} on ${text.slice(0, 80)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("runs a config's RE2 patterns, each once the text holds its words, and matches where any one does", () => {
    const set = anyOf([
      compileConfigPattern("(content spoofing|text injecti(on|ng)).{0,60}(404|not found)"),
      compileConfigPattern("^staging$"),
    ]);
    expect(set.matchesAny("Content spoofing on the 404 page")).toBe(true);
    expect(set.matchesAny("staging")).toBe(true);
    expect(set.matchesAny("staging server")).toBe(false);
    expect(set.matchesAny("content spoofing on the home page")).toBe(false);
  });

  it("joins a config's RE2 patterns without words, or scans them one by one when joined they would be longer than RE2 takes", () => {
    // Each class of two letters, 99 times: no word every match holds, and 595 characters a pattern.
    const long = (ending: string) => `${"[ab] ".repeat(99)}${ending}`;
    const text = (ending: string) => `${"a ".repeat(99)}${ending}`;
    const joined = anyOf([compileConfigPattern("^[0-9]{4}$"), compileConfigPattern("^[xy]{3}$")]);
    expect(joined.matchesAny("2026")).toBe(true);
    expect(joined.matchesAny("XYX")).toBe(true);
    expect(joined.matchesAny("20266")).toBe(false);
    const apart = anyOf([compileConfigPattern(long("[0-9]")), compileConfigPattern(long("[xy]"))]);
    expect(apart.matchesAny(`before ${text("x")}`)).toBe(true);
    expect(apart.matchesAny(text("7").toUpperCase())).toBe(true);
    expect(apart.matchesAny(text("z"))).toBe(false);
  });

  it("keeps a pattern with a backreference or a named group apart, so joining shifts no group", () => {
    const set = anyOf([builtInPattern(/(a)b\1/), builtInPattern(/(?<word>cd)e/), builtInPattern(/(x)y/)]);
    expect(set.matchesAny("aba")).toBe(true);
    expect(set.matchesAny("abx")).toBe(false);
    expect(set.matchesAny("cde")).toBe(true);
    expect(set.matchesAny("xy")).toBe(true);
  });

  it("checks for the words of the patterns that have some even when another has none, and runs only the others on a text without them", () => {
    const set = anyOf([builtInPattern(/\buser enumeration\b/i), builtInPattern(/ユーザー列挙|用户枚举/)]);
    const run = expressionsRun(() => {
      expect(set.matchesAny("The login form answers the same for every name.")).toBe(false);
      expect(set.matchesAny("登录接口存在用户枚举")).toBe(true);
      expect(set.matchesAny("User enumeration on the login form")).toBe(true);
    });
    expect(run.filter((source) => source.includes("user enumeration"))).toEqual(["\\buser enumeration\\b"]);
  });

  it("runs only the patterns whose words a text holds, so a pattern with a common word does not run the rule's others", () => {
    const patterns = [
      /\bdownloads? (?:binaries|installers) over http\b/i,
      /\bpasswords? sent in the clear\b/i,
      /\bman[- ]in[- ]the[- ]middle\b/i,
    ];
    const set = anyOf(patterns.map(builtInPattern));
    const run = expressionsRun(() => {
      expect(set.matchesAny("Passwords sent in the clear on the login form")).toBe(true);
      expect(set.matchesAny("Nothing here but a password")).toBe(false);
      expect(set.matchesAny("A man-in-the-middle can read it")).toBe(true);
    });
    expect(run.filter((source) => patterns.some((pattern) => pattern.source === source))).toEqual([
      patterns[1]?.source,
      patterns[2]?.source,
    ]);
  });

  it("shares the word-set groups of rules compiled again, as each repository's config compiles the built-in rules", () => {
    const patterns = [/\bserved over plain http\b/i, /\bsent in the clear\b/i].map(builtInPattern);
    anyOf(patterns);
    const groups = wordSetGroupCount();
    for (let compile = 0; compile < 10; compile++) expect(anyOf(patterns).matchesAny("Passwords are sent in the clear")).toBe(true);
    expect(wordSetGroupCount()).toBe(groups);
  });

  it("matches where any of more patterns than one check holds does", () => {
    const patterns = Array.from({ length: 70 }, (_, index) => builtInPattern(new RegExp(`\\bword${index}x\\b`, "i")));
    const set = anyOf(patterns);
    expect(set.matchesAny("only word69x here")).toBe(true);
    expect(set.matchesAny("and WORD0X")).toBe(true);
    expect(set.matchesAny("word31x")).toBe(true);
    expect(set.matchesAny("word70x and word1y")).toBe(false);
  });

  it("joins patterns only with others of the same flags", () => {
    const set = anyOf([builtInPattern(/^second line$/m), builtInPattern(/only here/)]);
    expect(set.matchesAny("first line\nsecond line\nthird")).toBe(true);
    expect(set.matchesAny("ONLY HERE")).toBe(true);
    expect(set.matchesAny("first line\nsecond line, third")).toBe(false);
  });
});
