import { runInNewContext } from "node:vm";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * The lines of a comment that GitHub shows as a command: a line starting with `/disclosure`, as plain text, in one
 * of the comment's own paragraphs (not one inside a quote, list or HTML element). Everything else GitHub renders
 * differently, or not at all — code (fenced, indented, inline), block quotes, lists, tables, headings, footnotes,
 * HTML blocks and inline HTML, link titles and labels, struck-through text — so a command there is someone showing,
 * quoting or hiding one, not giving one. The comment is read as GitHub-flavoured Markdown, the way GitHub reads it.
 */

/** GitHub's own limit for a comment; nothing after it is read. */
export const COMMENT_LENGTH_READ = 65_536;
/** Markdown parsing is not linear for every input: a comment that takes longer than this is not read at all. */
export const READ_DEADLINE_MS = 2_000;

export interface CommandLine {
  /** 1-based line number in the comment. */
  line: number;
  /** The line as written, trimmed. */
  text: string;
}

export type CommandLines = { status: "read"; lines: CommandLine[] } | { status: "unreadable"; first: CommandLine };

type Root = ReturnType<typeof fromMarkdown>;
type Paragraph = Extract<Root["children"][number], { type: "paragraph" }>;
type Html = Extract<Root["children"][number], { type: "html" }>;
type Node = Root | Root["children"][number];

interface SourceLine extends CommandLine {
  /** Where the line's text starts, after its indentation. */
  textStart: number;
}

const COMMAND_START = /^\/disclosure(?:\s|$)/i;

export function commandLines(body: string): CommandLines {
  const source = body.slice(0, COMMENT_LENGTH_READ);
  const candidates = candidateLines(source);
  const [first] = candidates.values();
  if (first === undefined) return { status: "read", lines: [] };
  const tree = readMarkdown(source);
  if (tree === undefined) return { status: "unreadable", first: { line: first.line, text: first.text } };
  const openElements = new OpenElements(htmlInOrder(tree));
  const lines: CommandLine[] = [];
  for (const node of tree.children) {
    if (node.type !== "paragraph" || node.position === undefined) continue;
    const inText = new PlainText(node);
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      const candidate = candidates.get(line);
      if (candidate !== undefined && inText.at(candidate.textStart) && !openElements.before(candidate.textStart)) {
        lines.push({ line, text: candidate.text });
      }
    }
  }
  return { status: "read", lines };
}

/** Lines whose text starts with `/disclosure`, by line number: the only ones worth parsing the comment for. */
function candidateLines(source: string): Map<number, SourceLine> {
  const candidates = new Map<number, SourceLine>();
  const lineEnding = /\r\n|\r|\n/g;
  let start = 0;
  let line = 1;
  for (;;) {
    const ending = lineEnding.exec(source);
    const end = ending?.index ?? source.length;
    const raw = source.slice(start, end);
    const text = raw.trim();
    if (COMMAND_START.test(text)) candidates.set(line, { line, text, textStart: start + raw.length - raw.trimStart().length });
    if (ending === null) return candidates;
    start = ending.index + ending[0].length;
    line++;
  }
}

/**
 * Whether a place lies in plain text of the paragraph itself, not inside code, a link, struck-through text or HTML:
 * a line starting there shows the command word GitHub renders. Its arguments are read as written.
 */
class PlainText {
  private next = 0;

  constructor(private readonly paragraph: Paragraph) {}

  /** Asked for places in increasing order. */
  at(offset: number): boolean {
    const { children } = this.paragraph;
    for (let child = children[this.next]; child !== undefined; child = children[++this.next]) {
      const end = child.position?.end.offset;
      if (end === undefined || end > offset) return child.type === "text" && (child.position?.start.offset ?? Infinity) <= offset;
    }
    return false;
  }
}

/** Every HTML node of the tree (blocks and inline), in the order they appear in the comment. */
function htmlInOrder(tree: Root): Html[] {
  const found: Html[] = [];
  const pending: Node[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "html") found.push(node as Html);
    const children: Node[] = "children" in node ? node.children : [];
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as Node);
  }
  return found;
}

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** An opening tag is any `<` and a letter; a closing tag counts only when it is complete, so a doubt keeps it open. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(\s*>)?/g;

/**
 * Whether an HTML element is still open at a place in the comment. Markdown after `<details>` and a blank line is a
 * paragraph to a Markdown parser, but GitHub renders it inside the (folded) element; the same goes for any element
 * left open. Counted over the HTML of the whole comment as a browser would nest it, erring towards "open".
 */
class OpenElements {
  private readonly open: string[] = [];
  private readonly openByName = new Map<string, number>();
  private next = 0;

  constructor(private readonly html: readonly Html[]) {}

  /** Asked for places in increasing order. */
  before(offset: number): boolean {
    for (let node = this.html[this.next]; node !== undefined && (node.position?.end.offset ?? 0) <= offset; node = this.html[++this.next]) {
      this.read(node.value);
    }
    return this.open.length > 0;
  }

  private read(html: string): void {
    for (const [, closing, tagName = "", complete] of html.replace(HTML_COMMENT, "").matchAll(TAG)) {
      const name = tagName.toLowerCase();
      if (closing === "" && !VOID_ELEMENTS.has(name)) {
        this.open.push(name);
        this.openByName.set(name, (this.openByName.get(name) ?? 0) + 1);
      } else if (closing === "/" && complete !== undefined && (this.openByName.get(name) ?? 0) > 0) {
        // Like a browser: closing an element closes everything opened inside it.
        for (let closed = this.open.pop(); closed !== undefined; closed = this.open.pop()) {
          this.openByName.set(closed, (this.openByName.get(closed) ?? 1) - 1);
          if (closed === name) break;
        }
      }
    }
  }
}

/**
 * The comment as a Markdown tree, or undefined when it cannot be read within the deadline or nests too deeply for
 * the stack. Emphasis is left out: it never hides text nor changes what is code, HTML or a link (those bind more
 * tightly), and resolving it takes quadratic time on hostile input. The deadline stops the parser mid-way (the
 * context's timeout interrupts whatever runs inside it), so one comment cannot hold the process.
 */
function readMarkdown(source: string): Root | undefined {
  const parse = () =>
    fromMarkdown(source, { extensions: [gfm(), { disable: { null: ["attention"] } }], mdastExtensions: [gfmFromMarkdown()] });
  try {
    return runInNewContext("parse()", { parse }, { timeout: READ_DEADLINE_MS }) as Root;
  } catch (error) {
    if (errorField(error, "code") === "ERR_SCRIPT_EXECUTION_TIMEOUT" || errorField(error, "name") === "RangeError") return undefined;
    throw error;
  }
}

function errorField(error: unknown, field: "code" | "name"): unknown {
  return typeof error === "object" && error !== null && field in error ? (error as Record<string, unknown>)[field] : undefined;
}
