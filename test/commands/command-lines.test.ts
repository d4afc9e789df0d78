import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { COMMENT_LENGTH_READ, READ_DEADLINE_MS } from "../../src/commands/command-lines.js";
import { parseComment } from "../../src/commands/parse.js";
import { cpuMillisOf, expectAtMostLinearGrowth } from "../helpers/cost.js";

/**
 * A command counts only where GitHub renders it as a paragraph. Each hidden or shown-not-given form below has its
 * control: the same command in a paragraph of its own, in the same comment, does act.
 */

const publish = "/disclosure publish";
const nothing = { commands: [], problems: [] };
const commandTexts = (body: string) => parseComment(body).commands.map(({ line, text }) => [line, text]);

describe("commands GitHub does not show as a paragraph", () => {
  it.each([
    ["a fence of four backticks around a shorter one", "````\n```js\n/disclosure publish\n```\n````"],
    ["a tilde fence", "~~~\n/disclosure publish\n~~~"],
    ["a tilde fence with an info string, closed by a longer one", "~~~~ shell\n/disclosure publish\n~~~~~~"],
    ["a backtick fence that is never closed", "```\n/disclosure publish"],
    ["an indented fence", "   ```\n/disclosure publish\n   ```"],
    ["indented code", "    /disclosure publish"],
    ["indented code with a tab", "\t/disclosure publish"],
    ["indented code after a paragraph and a blank line", "See:\n\n    /disclosure publish"],
    ["an HTML comment", "<!--\n/disclosure publish\n-->"],
    ["an HTML comment in a paragraph", "Thanks <!--\n/disclosure publish\n-->"],
    ["<pre>", "<pre>\n/disclosure publish\n</pre>"],
    ["<pre> with blank lines", "<pre>\n\n/disclosure publish\n\n</pre>"],
    ["<details>", "<details>\n/disclosure publish\n</details>"],
    ["<details> with Markdown inside", "<details><summary>Proof</summary>\n\n/disclosure publish\n\n</details>"],
    ["<details> opened in a paragraph", "Proof: <details>\n/disclosure publish"],
    ["<details> never closed", "<details>\n\nFull log\n\n/disclosure publish"],
    ["<div>", "<div>\n\n/disclosure publish\n\n</div>"],
    ["a custom element", "<x-note>\n/disclosure publish\n</x-note>"],
    ["<script>", "<script>\n/disclosure publish\n</script>"],
    ["a processing instruction", "<?php\n/disclosure publish\n?>"],
    ["a declaration", "<!DOCTYPE\n/disclosure publish\n>"],
    ["CDATA", "<![CDATA[\n/disclosure publish\n]]>"],
    ["an attribute", '<a title="\n/disclosure publish\n">x</a>'],
    ["a block quote", "> /disclosure publish"],
    ["a block quote's lazy line", "> As the researcher wrote:\n/disclosure publish"],
    ["a deep block quote", ">>>> /disclosure publish"],
    ["a GitHub alert", "> [!NOTE]\n> /disclosure publish"],
    ["a list item", "- /disclosure publish"],
    ["an ordered list item's lazy line", "1. First step\n/disclosure publish"],
    ["a task list item", "- [ ] /disclosure publish"],
    ["a list in a quote", "> - steps:\n>   /disclosure publish"],
    ["a quote in a list", "- > /disclosure publish"],
    ["an ATX heading", "# /disclosure publish"],
    ["a setext heading", "/disclosure publish\n==="],
    ["a setext heading of dashes", "/disclosure publish\n---"],
    ["a table row", "| step |\n| --- |\n/disclosure publish"],
    ["a footnote", "Done.[^1]\n\n[^1]: /disclosure publish"],
    ["a footnote's next line", "Done.[^1]\n\n[^1]: Note\n    /disclosure publish"],
    ["a link reference definition's title", "[x]: https://example.org\n'\n/disclosure publish\n'"],
    ["inline code across lines", "Run `\n/disclosure publish\n` later"],
    ["a link's text", "[\n/disclosure publish\n](https://example.org)"],
    ["a link's title", '[x](https://example.org "\n/disclosure publish\n")'],
    ["an image's description", "![\n/disclosure publish\n](https://example.org/a.png)"],
    ["a reference's label", "[x][\n/disclosure publish\n]\n\n[/disclosure publish]: https://example.org"],
    ["struck-through text", "~~Not yet:\n/disclosure publish~~"],
  ])("%s", (_form, body) => {
    expect(parseComment(body)).toEqual(nothing);
    expect(commandTexts(`/disclosure publish\n\n${body}`)).toEqual([[1, publish]]);
  });

  it("reads a command after HTML that closes what it opens", () => {
    expect(commandTexts("<details><summary>Log</summary>\n\nlong log\n\n</details>\n\n/disclosure publish")).toEqual([[7, publish]]);
    expect(commandTexts("Press <kbd>Ctrl</kbd>, then:\n/disclosure publish")).toEqual([[2, publish]]);
    expect(commandTexts("A line<br>\n/disclosure publish")).toEqual([[2, publish]]);
  });

  it("reads a command in a paragraph among other blocks, with the line number in the comment", () => {
    const body = [
      "# Triage",
      "",
      "```",
      "/disclosure reject clickjacking",
      "```",
      "Confirmed: see `q`, *bold* and https://example.org.",
      "/disclosure accept resolve-by:2026-12-18",
      "",
      "> /disclosure withdraw",
    ].join("\n");
    expect(commandTexts(body)).toEqual([[7, "/disclosure accept resolve-by:2026-12-18"]]);
    expect(commandTexts("😀 emoji first 👍🏽\r\n/disclosure publish\r/disclosure resolved")).toEqual([
      [2, publish],
      [3, "/disclosure resolved"],
    ]);
    expect(commandTexts("*Decision:\n/disclosure publish\nnow*")).toEqual([[2, publish]]);
  });

  it("takes the arguments exactly as written", () => {
    expect(parseComment('/disclosure credit name "Jane Doe"').commands.map(({ value }) => value)).toEqual([
      { name: "credit", choice: "name", creditName: "Jane Doe" },
    ]);
    expect(parseComment("/disclosure update The `q` parameter is fixed in *2.1*").commands.map(({ value }) => value)).toEqual([
      { name: "update", text: "The `q` parameter is fixed in *2.1*" },
    ]);
  });

  it("reads only GitHub's maximum comment length", () => {
    const filler = "x".repeat(COMMENT_LENGTH_READ - "/disclosure resolved\n".length);
    expect(commandTexts(`/disclosure resolved\n${filler}\n/disclosure publish`)).toEqual([[1, "/disclosure resolved"]]);
  });
});

describe("hostile comments are bounded", () => {
  const fill = (unit: string) => unit.repeat(Math.ceil(COMMENT_LENGTH_READ / unit.length)).slice(0, COMMENT_LENGTH_READ - 30);
  it.each([
    ["deeply nested quotes", fill(">")],
    ["lists nested in quotes", fill("> - ")],
    ["backticks", fill("`a``b```")],
    ["angle brackets", fill("<a ")],
    ["strike-through", fill("~a")],
  ])("%s: answered within the deadline", (_form, pathology) => {
    let parsed: ReturnType<typeof parseComment> | undefined;
    expect(cpuMillisOf(() => (parsed = parseComment(`${pathology}\n\n/disclosure publish`)))).toBeLessThan(READ_DEADLINE_MS + 1_000);
    const line = pathology.split("\n").length + 2;
    expect([
      { commands: [{ line, text: publish, value: { name: "publish", cve: false } }], problems: [] },
      { commands: [], problems: [{ line, text: publish, value: { kind: "unreadable" } }] },
    ]).toContainEqual(parsed);
  });

  it("does not parse a comment without a command line at all", () => {
    expect(parseComment(fill(">"))).toEqual(nothing);
    expectAtMostLinearGrowth((length) => parseComment(fill(">").slice(0, length)), {
      sizes: [COMMENT_LENGTH_READ / 10, COMMENT_LENGTH_READ - 30],
    });
  });
});

/** Command lines whose arguments cannot end a wrapper early (no `>`, `<`, backtick, tilde or line break). */
const commandLine = fc
  .tuple(
    fc.constantFrom("/disclosure", "/Disclosure", "/DISCLOSURE"),
    fc.oneof(
      fc.constantFrom(
        "accept",
        "resolved",
        "withdraw",
        "reopen",
        "help",
        "publish",
        "publish cve",
        "relayed",
        "accept resolve-by:2026-12-18",
        "embargo none",
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).map((id) => `reject ${id}`),
      fc.array(fc.stringMatching(/^[A-Za-z0-9.,'":-]{1,10}$/), { minLength: 1, maxLength: 6 }).map((words) => `update ${words.join(" ")}`),
      fc.array(fc.stringMatching(/^[A-Za-z]{1,10}$/), { minLength: 1, maxLength: 3 }).map((words) => `credit name "${words.join(" ")}"`),
    ),
  )
  .map(([word, rest]) => `${word} ${rest}`);

const infoString = fc.stringMatching(/^[a-z0-9+-]{0,8}$/);
const indentation = fc.integer({ min: 0, max: 3 }).map((spaces) => " ".repeat(spaces));
const htmlBlockTag = fc.constantFrom(
  "div",
  "table",
  "section",
  "p",
  "ul",
  "details",
  "center",
  "x-note",
  "span",
  "custom-element",
  "textarea",
  "style",
  "script",
);

type Wrapper = (line: string) => string;
const named = (name: string, wrap: Wrapper): [string, Wrapper] => [name, wrap];
const wrapper: fc.Arbitrary<[string, Wrapper]> = fc.oneof(
  fc
    .tuple(fc.constantFrom("`", "~"), fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 4 }), infoString, indentation, fc.boolean())
    .map(([char, length, extra, info, indent, closed]) => {
      const fence = char.repeat(length);
      const decoy = length > 3 ? `${char.repeat(length - 1)}js\n` : "";
      return named(
        `fence ${fence}${info}`,
        (line) => `${indent}${fence}${info}\n${decoy}${line}\n${closed ? `${indent}${fence}${char.repeat(extra)}` : ""}`,
      );
    }),
  fc
    .tuple(fc.constantFrom("    ", "\t", "     ", "  \t"), fc.constantFrom("", "Earlier text.\n\n"))
    .map(([indent, before]) => named("indented code", (line) => `${before}${indent}${line}`)),
  fc
    .tuple(fc.array(fc.constantFrom(">", "> ", " >"), { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([markers, lazy]) =>
      named("block quote", (line) => (lazy ? `${markers.join("")} Quoted:\n${line}` : `${markers.join("")}${line}`)),
    ),
  fc.constantFrom<[string, Wrapper]>(
    ["HTML comment", (line) => `<!--\n${line}\n-->`],
    ["HTML comment after text", (line) => `Thanks <!-- note\n${line}\n-->`],
    ["pre", (line) => `<pre>\n${line}\n</pre>`],
    ["pre with blank lines", (line) => `<pre>\n\n${line}\n\n</pre>`],
    ["details", (line) => `<details>\n${line}\n</details>`],
    ["details with Markdown", (line) => `<details>\n<summary>Log</summary>\n\n${line}\n\n</details>`],
  ),
  fc
    .tuple(htmlBlockTag, fc.boolean())
    .map(([tag, blank]) => named(`<${tag}>`, (line) => `<${tag}>\n${blank ? "\n" : ""}${line}\n${blank ? "\n" : ""}</${tag}>`)),
  fc
    .tuple(
      fc.array(fc.constantFrom("- ", "* ", "+ ", "1. ", "2) ", "- [ ] ", "- [x] ", "> "), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([markers, lazy]) => {
      const prefix = `- ${markers.join("")}`;
      return named(`list item ${prefix}`, (line) => (lazy ? `${prefix}Steps:\n${line}` : `${prefix}${line}`));
    }),
);

describe("properties", () => {
  it("a command inside code, a quote, HTML or a list is no command", () => {
    fc.assert(
      fc.property(commandLine, wrapper, (line, [, wrap]) => {
        expect(parseComment(wrap(line))).toEqual(nothing);
      }),
      { numRuns: 500 },
    );
  });

  it("control: the same command as a paragraph of its own, before the wrapped one, is exactly that command", () => {
    fc.assert(
      fc.property(commandLine, wrapper, (line, [, wrap]) => {
        const parsed = parseComment(`${line}\n\n${wrap(line)}`);
        expect(parsed.problems).toEqual([]);
        expect(parsed.commands.map(({ line: number, text }) => [number, text])).toEqual([[1, line]]);
        expect(parsed.commands.map(({ value }) => value)).toEqual(parseComment(line).commands.map(({ value }) => value));
      }),
      { numRuns: 500 },
    );
  });
});
