import { Composer, CST, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, type Document, type Node as YamlNode } from "yaml";
import type { ConfigProblem, KeyPath, Locate } from "./config-problem.js";
import { configSchema } from "./schema.js";

/**
 * A `.github/disclosure.yml` is written by whoever can push to a repository, and one file's failure must never cost
 * another repository its reports: every way the text can be hostile is a problem for that file, never an exception.
 */

/** A config file larger than this is refused before it is parsed: a real policy is a few kilobytes. */
export const MAX_CONFIG_FILE_BYTES = 256 * 1024;
/** The `yaml` package's `maxAliasCount`: sharing a list through an alias is fine, an alias bomb is not. */
export const MAX_CONFIG_ALIAS_COUNT = 100;
/** Collections nested deeper than this are refused before YAML builds them: the deepest key a policy has is five levels down. */
export const MAX_CONFIG_DEPTH = 32;
/** Values one top-level key may hold, each use of an alias counted again: bounds the work of every later step. */
export const MAX_CONFIG_SECTION_VALUES = 20_000;

export interface ParsedConfigDocument {
  /** The file's top-level keys; a key whose value broke a limit is left out, an unreadable file gives none. */
  raw: Record<string, unknown>;
  locate: Locate;
  problems: ConfigProblem[];
}

const knownTopLevelKeys: ReadonlySet<string> = new Set(Object.keys(configSchema.shape));
const nowhere: Locate = () => undefined;

/** Parses YAML text without custom tags, within the limits above; `locate` maps a key path to where it is written. */
export function parseConfigDocument(text: string, file: string): ParsedConfigDocument {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_FILE_BYTES) {
    return unreadable({
      file,
      path: "",
      message: `the file is ${kibibytes(bytes)} KiB, over the limit of ${kibibytes(MAX_CONFIG_FILE_BYTES)} KiB for a config file`,
    });
  }

  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // Building nodes from tokens recurses (and crashes the process on deep enough input); the parser keeps its own stack.
  const tokens = parseTokensWithinDepth(text, lineCounter);
  if (!Array.isArray(tokens)) {
    return unreadable({
      file,
      path: "",
      ...position(tokens.tooDeepAt),
      message: `lists and maps are nested more than ${MAX_CONFIG_DEPTH} levels deep, over the limit for a config file`,
    });
  }

  const documents = [...new Composer({ customTags: [], uniqueKeys: true }).compose(tokens, true, text.length)];
  const [document, second] = documents;
  if (document === undefined) return { raw: {}, locate: nowhere, problems: [] };
  if (second !== undefined) {
    return unreadable({
      file,
      path: "",
      ...position(second.range[0]),
      message: "a config file holds one YAML document; found a second after ---",
    });
  }
  if (document.errors.length > 0) {
    return {
      raw: {},
      locate: nowhere,
      problems: document.errors.map((error) => ({
        file,
        path: "",
        ...position(error.pos[0]),
        message: `YAML syntax: ${error.message.split("\n")[0]}`,
      })),
    };
  }

  const locate: Locate = (path) => {
    const node = nodeAt(document.contents, path);
    return node?.range ? { file, ...position(node.range[0]) } : undefined;
  };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { raw: {}, locate, problems: [] };
  if (!isMap(contents)) {
    return unreadable({
      file,
      path: "",
      ...(contents.range ? position(contents.range[0]) : {}),
      message: `expected keys such as "tracking:" at the top level, found ${isSeq(contents) ? "a list" : "a single value"}`,
    });
  }

  // Collected as entries: a key such as "__proto__" becomes a key like any other, reported as unknown.
  const entries: [string, unknown][] = [];
  const problems: ConfigProblem[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    const at = keyNode?.range ? position(keyNode.range[0]) : {};
    if (typeof key !== "string") {
      problems.push({ file, path: "", ...at, message: "a top-level key must be a name such as tracking" });
      continue;
    }
    // An unknown key is reported by name alone, so its value is never built.
    if (!knownTopLevelKeys.has(key)) {
      entries.push([key, null]);
      continue;
    }
    const section = buildSection(document, pair.value as YamlNode | null);
    if (section.problem === undefined) entries.push([key, section.value]);
    else problems.push({ file, path: key, ...at, message: section.problem });
  }
  return { raw: Object.fromEntries(entries), locate, problems };
}

function unreadable(problem: ConfigProblem): ParsedConfigDocument {
  return { raw: {}, locate: nowhere, problems: [problem] };
}

/** One top-level key's value as plain data, or why it cannot be used. The rest of the file is unaffected. */
function buildSection(document: Document.Parsed, node: YamlNode | null): { value?: unknown; problem?: string } {
  if (node === null) return { value: null };
  let value: unknown;
  try {
    value = node.toJS(document, { maxAliasCount: MAX_CONFIG_ALIAS_COUNT });
  } catch (error) {
    // The yaml package throws a ReferenceError when aliases expand too often; anything else it throws is a problem too.
    const aliasLimit = error instanceof ReferenceError && /alias/i.test(error.message);
    return {
      problem: aliasLimit
        ? `its YAML aliases expand more than the limit of ${MAX_CONFIG_ALIAS_COUNT} allows (an alias bomb); write the values out`
        : `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const problem = sizeProblem(value);
  return problem === undefined ? { value } : { problem };
}

/** Walks the built value as later steps will, aliases expanded, stopping at the first limit it meets. */
function sizeProblem(value: unknown): string | undefined {
  // The section sits one level below the file's top-level map.
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 2 }];
  let values = 1;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    // An alias can place a collection inside itself or below another one: depth is measured again on the result.
    if (next.depth > MAX_CONFIG_DEPTH) {
      return `lists and maps are nested more than ${MAX_CONFIG_DEPTH} levels deep, over the limit for a config file`;
    }
    const children = Object.values(next.value);
    values += children.length;
    if (values > MAX_CONFIG_SECTION_VALUES) {
      return `its values expand to more than the limit of ${MAX_CONFIG_SECTION_VALUES} (YAML aliases count at every use)`;
    }
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
  return undefined;
}

/**
 * The parser's tokens, or the offset of the first list or map nested deeper than the limit. Parsing stops as soon as
 * the parser's stack of open nodes holds one collection too many, so a hostile file costs no more than its first
 * lines; the finished tokens are measured again, as that is the rule itself.
 */
function parseTokensWithinDepth(text: string, lineCounter: LineCounter): CST.Token[] | { tooDeepAt: number } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    tokens.push(...parser.next(lexeme));
    const open = parser.stack.filter((token) => CST.isCollection(token));
    const tooDeep = open[MAX_CONFIG_DEPTH];
    if (tooDeep !== undefined) return { tooDeepAt: tooDeep.offset };
  }
  tokens.push(...parser.end());
  const tooDeep = collectionBeyondDepth(tokens, MAX_CONFIG_DEPTH);
  return tooDeep === undefined ? tokens : { tooDeepAt: tooDeep.offset };
}

/** The first collection found nested deeper than `limit`, read from the parser's tokens without recursion. */
function collectionBeyondDepth(tokens: readonly CST.Token[], limit: number): CST.Token | undefined {
  const pending: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === "document") {
      if (token.value !== undefined) pending.push({ token: token.value, depth });
    } else if (CST.isCollection(token)) {
      if (depth + 1 > limit) return token;
      for (const item of token.items) {
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function nodeAt(root: unknown, path: KeyPath): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === part);
      if (!pair) return undefined;
      // The last step points at the key itself: that is where an unknown key or a wrong value is written.
      node = (part === path[path.length - 1] || !pair.value ? pair.key : pair.value) as YamlNode;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part] as YamlNode | undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

function kibibytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
