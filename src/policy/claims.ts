import type { ReportText } from "./report.js";

/**
 * What a report says about the code of the repository it was filed against: the files it names, the functions and
 * symbols it places in them, the line numbers it cites and the version it says is affected. Fabricated reports
 * are confident about code that does not exist; these claims are what the code check verifies.
 *
 * The text is hostile: it is read line by line and token by token (tokens and lines of bounded length), so the work
 * grows linearly with the text, and the number of claims kept is bounded.
 */

export interface FileClaim {
  /** As the report writes it, without a leading `./` or `../`. */
  path: string;
  /**
   * How the path is matched against the repository's files: `exact` (a path from the repository's root), `name`
   * (a bare file name, found anywhere) or `tail` (a path from a crash trace, whose start is the reporter's build
   * directory: the longest ending that is a path in the repository).
   */
  match: "exact" | "name" | "tail";
  lines: number[];
  /** Functions and symbols the report places in this file. */
  symbols: string[];
}

export interface CodeClaims {
  /** The version the report says is affected, as written ("v8.11.0", "1.7.18"). */
  version?: string;
  files: FileClaim[];
  /** Functions and symbols named without a file: looked for in the files the report names. */
  symbols: string[];
}

export const MAX_FILE_CLAIMS = 8;
export const MAX_SYMBOL_CLAIMS = 12;
const MAX_LINES_PER_FILE = 4;
const MAX_SYMBOLS_PER_FILE = 6;
const MAX_TOKEN = 300;
const MAX_TRACE_LINE = 600;

/** Extensions of source files, and of the configuration files a report may say holds a secret. */
const SOURCE_EXTENSIONS = new Set(
  (
    "c h cc cpp cxx hpp hh hxx m mm go rs py pyx rb php js mjs cjs ts mts cts tsx jsx java kt kts scala cs fs vb swift lua pl pm " +
    "sh bash zsh ps1 vue svelte ex exs erl hrl hs ml clj dart r jl zig nim sol groovy asm s"
  ).split(" "),
);
const CONFIG_EXTENSIONS = new Set("json yml yaml toml xml ini cfg conf properties gradle cmake mk env".split(" "));

/** Names of products that look like file names ("written in Node.js"). */
const PRODUCT_NAMES = /^(?:[A-Z][\w]*|node|vue|next|nuxt|react|angular|express|d3|three|chart|ember|backbone)\.js$/i;

const KEYWORDS = new Set(
  (
    "if for while switch return sizeof alignof typeof defined catch function func def fn new delete elif else do try with " +
    "assert print println printf main init self this super"
  ).split(" "),
);

/** Words that may stand before "version 1.2.3" without naming another product ("Python version 3.11" does). */
const VERSION_LEAD_INS = new Set(
  (
    "the in on of at affected vulnerable tested latest current since from to until up and or all with including before " +
    "after through release releases tag version versions versie de het van op in tot en getest kwetsbare"
  ).split(" "),
);
const VERSION_WORDS = new Set(["version", "versions", "versie", "release", "tag"]);
const LINE_WORDS = new Set(["line", "lines", "regel", "regels"]);
const FILE_LEAD_INS = new Set(["in", "file", "files", "of", "from", "inside", "within", "bestand", "source"]);

const FENCE = /^\s{0,3}(?:```|~~~)/;
const INDENTED = /^(?: {4}|\t)/;
const PATH_TOKEN =
  /^((?:[\w.+-]{1,100}\/){0,20}[\w+-][\w.+-]{0,99}\.([A-Za-z][A-Za-z0-9]{0,7}))(?::(\d{1,7})(?::\d{1,7})?|#L(\d{1,7})(?:-L?\d{1,7})?)?$/;
const CALL_TOKEN = /^([A-Za-z_][\w]{0,99}(?:(?:::|\.|->)[A-Za-z_~][\w]{0,99}){0,5})\(/;
const IDENTIFIER = /^[A-Za-z_][\w]{0,99}(?:(?:::|\.)[A-Za-z_][\w]{0,99}){0,5}$/;
const VERSION_TOKEN = /^(v?)(\d{1,4}(?:\.\d{1,5}){1,3}(?:-[0-9A-Za-z.]{1,30})?)$/;
const NUMBER = /^\(?L?(\d{1,7})(?:[-–]\d{1,7})?[),.:;]*$/;
const GITHUB_BLOB = /^https?:\/\/github\.com\/([\w.-]{1,100})\/([\w.-]{1,100})\/blob\/[^/\s]{1,100}\/([^\s#?]{1,500})(?:#L(\d{1,7}))?/i;

const ASAN_FRAME = /^\s*#\d{1,4}\s+0x[0-9a-fA-F]{1,16}\s+in\s+([\w:~.$]{1,200})\s+([^\s:()]{1,300}):(\d{1,7})(?::\d{1,7})?\s*$/;
const GDB_FRAME =
  /^\s*#\d{1,4}\s+(?:0x[0-9a-fA-F]{1,16}\s+in\s+)?([\w:~.$]{1,200})\s+\([^()]{0,300}\)\s+at\s+([^\s:()]{1,300}):(\d{1,7})\s*$/;
const RUNTIME_ERROR = /^\s*([^\s:()]{1,300}\.[A-Za-z]{1,8}):(\d{1,7}):\d{1,7}:\s+runtime error:/;
const PYTHON_FRAME = /^\s*File "([^"]{1,300})", line (\d{1,7}), in ([\w]{1,200})\s*$/;
/** Files of the toolchain and the system, not the repository's. */
const FOREIGN_TRACE_PATH =
  /^(?:\/usr\/|\/lib\d*\/|\/opt\/|\/rustc\/|\/build\/glibc|<)|(?:^|\/)(?:site-packages|dist-packages|node_modules|sysdeps|csu|nptl|libio|libsanitizer|compiler-rt)\//;

export interface ClaimContext {
  /** `owner/name` of the reported repository: its name (and the packages') introduce a version ("cJSON 1.7.18"). */
  repository?: string;
  packages?: readonly string[];
  /** The functions the researcher named in the advisory form's "vulnerable functions". */
  functions?: readonly string[];
}

export function extractCodeClaims(text: ReportText, context: ClaimContext = {}): CodeClaims {
  const names = repositoryNames(context);
  const collector = new ClaimCollector();
  for (const name of context.functions ?? []) if (IDENTIFIER.test(name)) collector.symbol(undefined, name);
  let inFence = false;
  for (const line of text.all.split("\n")) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (line.length <= MAX_TRACE_LINE && readTraceFrame(line, names, collector)) continue;
    // Code blocks hold the reporter's own code and commands: only their crash traces are claims about this code.
    if (inFence || INDENTED.test(line)) continue;
    readProse(line, names, collector, context.repository);
  }
  return collector.claims();
}

function repositoryNames(context: ClaimContext): Set<string> {
  const names = new Set<string>();
  const repositoryName = context.repository?.split("/")[1];
  if (repositoryName) names.add(repositoryName.toLowerCase());
  for (const name of context.packages ?? []) {
    const last = name.split("/").pop();
    if (last) names.add(last.toLowerCase());
  }
  return names;
}

class ClaimCollector {
  private readonly files = new Map<string, FileClaim>();
  private readonly symbols: string[] = [];
  private readonly looseLines: number[] = [];
  version: string | undefined;

  file(path: string, match: FileClaim["match"]): FileClaim | undefined {
    const key = `${match}:${path}`;
    const known = this.files.get(key);
    if (known) return known;
    if (this.files.size >= MAX_FILE_CLAIMS) return undefined;
    const claim: FileClaim = { path, match, lines: [], symbols: [] };
    this.files.set(key, claim);
    return claim;
  }

  line(claim: FileClaim | undefined, line: number): void {
    if (line < 1) return;
    if (!claim) {
      if (this.looseLines.length < MAX_LINES_PER_FILE && !this.looseLines.includes(line)) this.looseLines.push(line);
      return;
    }
    if (claim.lines.length < MAX_LINES_PER_FILE && !claim.lines.includes(line)) claim.lines.push(line);
  }

  symbol(claim: FileClaim | undefined, symbol: string): void {
    const name = lastSegment(symbol);
    if (name.length < 3 || KEYWORDS.has(name)) return;
    if (claim) {
      if (claim.symbols.length < MAX_SYMBOLS_PER_FILE && !claim.symbols.includes(name)) claim.symbols.push(name);
      return;
    }
    if (this.symbols.length < MAX_SYMBOL_CLAIMS && !this.symbols.includes(name)) this.symbols.push(name);
  }

  claims(): CodeClaims {
    const files = [...this.files.values()];
    // "at line 512" with one file named is a line of that file.
    const [only, ...others] = files.filter((claim) => claim.match !== "tail");
    if (only && others.length === 0) for (const line of this.looseLines) this.line(only, line);
    const attached = new Set(files.flatMap((claim) => claim.symbols));
    return {
      ...(this.version === undefined ? {} : { version: this.version }),
      files,
      symbols: this.symbols.filter((symbol) => !attached.has(symbol)),
    };
  }
}

const SEGMENT_SEPARATOR = /::|\.|->/;

function lastSegment(symbol: string): string {
  return symbol.split(SEGMENT_SEPARATOR).pop() ?? symbol;
}

function readTraceFrame(line: string, repositoryNames: ReadonlySet<string>, collector: ClaimCollector): boolean {
  // Each frame pattern needs its literal ("#1", 'File "', "runtime error:"): most lines are prose and have none.
  const asan = line.includes("#") ? (ASAN_FRAME.exec(line) ?? GDB_FRAME.exec(line)) : null;
  const python = asan || !line.includes('File "') ? null : PYTHON_FRAME.exec(line);
  const runtime = asan || python || !line.includes("runtime error:") ? null : RUNTIME_ERROR.exec(line);
  const [path, lineNumber, symbol] = asan
    ? [asan[2], asan[3], asan[1]]
    : python
      ? [python[1], python[2], python[3]]
      : runtime
        ? [runtime[1], runtime[2], undefined]
        : [];
  if (path === undefined || lineNumber === undefined) return false;
  // Frames of the C library and the sanitizers' runtime ("__libc_start_main", "__interceptor_memcpy").
  if (FOREIGN_TRACE_PATH.test(path) || symbol?.startsWith("__")) return true;
  const relative = withoutLeadingDots(path);
  if (!PATH_TOKEN.test(relative.replace(/^(?:[A-Za-z]:)?[\\/]+/, "").replace(/\\/g, "/"))) return true;
  // A build path outside the repository ("/src/libxml2/parser.c" in someone else's fuzzer) says nothing about it,
  // unless it runs through a directory named after the repository.
  const absolute = path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path);
  const throughRepository = absolute && path.split(/[\\/]/).some((part) => repositoryNames.has(part.toLowerCase()));
  if (absolute && !throughRepository) return true;
  const claim = collector.file(throughRepository ? pathAfterRepository(path, repositoryNames) : relative, "tail");
  collector.line(claim, Number(lineNumber));
  if (symbol !== undefined && symbol !== "<module>") collector.symbol(claim, symbol);
  return true;
}

function pathAfterRepository(path: string, repositoryNames: ReadonlySet<string>): string {
  const parts = path.split(/[\\/]/);
  const index = parts.findLastIndex((part) => repositoryNames.has(part.toLowerCase()));
  return parts.slice(index + 1).join("/");
}

function withoutLeadingDots(path: string): string {
  return path.replace(/^(?:\.{1,2}\/)+/, "");
}

interface Token {
  text: string;
  /** Written in backticks. */
  code: boolean;
}

const WHITESPACE = /\s+/;
const LEADING_PUNCTUATION = /^[("'“‘<*_[`]+/;
const TRAILING_PUNCTUATION = /[)\]"'”’>,;!?*_`.:]+$/;
const LEADING_PUNCTUATION_CHARACTERS = new Set("(\"'“‘<*_[`");
const TRAILING_PUNCTUATION_CHARACTERS = new Set(")]\"'”’>,;!?*_`.:");

function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of line.split(WHITESPACE)) {
    if (raw.length === 0 || raw.length > MAX_TOKEN) continue;
    // Most words carry no punctuation at either end: the patterns run only on those that do.
    let text = LEADING_PUNCTUATION_CHARACTERS.has(raw.charAt(0)) ? raw.replace(LEADING_PUNCTUATION, "") : raw;
    if (TRAILING_PUNCTUATION_CHARACTERS.has(text.charAt(text.length - 1))) text = text.replace(TRAILING_PUNCTUATION, "");
    if (text.length > 0) tokens.push({ text, code: raw.includes("`") });
  }
  return tokens;
}

function readProse(line: string, repositoryNames: ReadonlySet<string>, collector: ClaimCollector, repository: string | undefined): void {
  const tokens = tokensOf(line);
  const lower = tokens.map((token) => token.text.toLowerCase());
  const fileAt = new Map<number, FileClaim>();

  tokens.forEach((token, index) => {
    const claim = readFileToken(token, lower[index - 1], lower[index + 1], collector, repository);
    if (claim) fileAt.set(index, claim);
  });

  tokens.forEach((token, index) => {
    const previous = lower[index - 1];
    // "line 42 of lib/cookie.c", "lib/cookie.c line 42", "lib/cookie.c (line 42)", "at line 42".
    if (LINE_WORDS.has(lower[index] ?? "")) {
      const number = NUMBER.exec(tokens[index + 1]?.text ?? "")?.[1];
      if (number !== undefined) collector.line(nearestFile(fileAt, index, 4), Number(number));
    }
    const version = readVersionToken(token.text, previous, lower[index - 2], repositoryNames);
    if (version !== undefined && collector.version === undefined) collector.version = version;

    const call = readCall(token.text);
    const named =
      call ?? (token.code && isDistinctiveIdentifier(token.text) ? token.text : undefined) ?? namedFunction(tokens, lower, index);
    if (named !== undefined && !fileAt.has(index)) collector.symbol(fileFollowing(fileAt, lower, index), named);
  });
}

function readFileToken(
  token: Token,
  previous: string | undefined,
  next: string | undefined,
  collector: ClaimCollector,
  repository: string | undefined,
): FileClaim | undefined {
  if (token.text.includes("://")) {
    const blob = GITHUB_BLOB.exec(token.text);
    if (!blob || `${blob[1]}/${blob[2]}`.toLowerCase() !== repository?.toLowerCase()) return undefined;
    const claim = collector.file(decodeURIComponent(blob[3] ?? ""), "exact");
    if (blob[4] !== undefined) collector.line(claim, Number(blob[4]));
    return claim;
  }
  if (token.text.startsWith("/") || token.text.startsWith("~") || token.text.includes("\\")) return undefined;
  // A file name has an extension: a word without a dot is none.
  if (!token.text.includes(".")) return undefined;
  const relative = withoutLeadingDots(token.text);
  const match = PATH_TOKEN.exec(relative);
  if (!match?.[1] || !match[2]) return undefined;
  const [, path, extension] = match;
  const hasLine = match[3] !== undefined || match[4] !== undefined;
  const withDirectory = path.includes("/");
  // "example.org/index.php" is a web address, not a file of the repository.
  if (withDirectory && /^[\w-]+(?:\.[\w-]+)+$/.test(path.split("/")[0] ?? "")) return undefined;
  const source = SOURCE_EXTENSIONS.has(extension.toLowerCase());
  if (!source && !(withDirectory && CONFIG_EXTENSIONS.has(extension.toLowerCase()))) return undefined;
  if (!withDirectory) {
    const placed =
      token.code || hasLine || FILE_LEAD_INS.has(previous ?? "") || next === "file" || next === "bestand" || LINE_WORDS.has(next ?? "");
    if (!placed || PRODUCT_NAMES.test(path)) return undefined;
  }
  const claim = collector.file(path, withDirectory ? "exact" : "name");
  const line = match[3] ?? match[4];
  if (line !== undefined) collector.line(claim, Number(line));
  return claim;
}

/** `parse_string(buffer)`, `eval()`: a plain word counts only with empty parentheses ("value(s)" is prose). */
function readCall(text: string): string | undefined {
  if (!text.includes("(")) return undefined;
  const name = CALL_TOKEN.exec(text)?.[1];
  if (name === undefined) return undefined;
  // Token cleaning has taken a closing parenthesis off the end: `eval()` arrives as `eval(`.
  const rest = text.slice(name.length);
  return isDistinctiveIdentifier(name) || rest === "(" || rest.startsWith("()") ? name : undefined;
}

/**
 * `parse_string`, `cJSON_Parse`, `printBuffer`: names no prose word looks like. Macros in capitals and C's type
 * names (`size_t`, `uint8_t`), which the report may name without the file using them, are left out.
 */
function isDistinctiveIdentifier(text: string): boolean {
  if (!IDENTIFIER.test(text) || text === text.toUpperCase() || text.endsWith("_t")) return false;
  const name = lastSegment(text);
  return name.includes("_") || /[a-z][A-Z]/.test(name) || text.includes("::");
}

/** "the parse_string function", "function parse_string", "method printBuffer". */
function namedFunction(tokens: readonly Token[], lower: readonly (string | undefined)[], index: number): string | undefined {
  if (!FUNCTION_WORDS.has(lower[index - 1] ?? "") && !FUNCTION_WORDS.has(lower[index + 1] ?? "")) return undefined;
  const text = tokens[index]?.text ?? "";
  return isDistinctiveIdentifier(text) ? text : undefined;
}

const FUNCTION_WORDS = new Set(["function", "method", "functie", "macro"]);

function nearestFile(fileAt: ReadonlyMap<number, FileClaim>, index: number, reach: number): FileClaim | undefined {
  for (let distance = 1; distance <= reach; distance++) {
    const claim = fileAt.get(index + distance + 1) ?? fileAt.get(index - distance);
    if (claim) return claim;
  }
  return undefined;
}

/** "parse_string() in lib/json.c": a symbol followed within three words by a file belongs to that file. */
function fileFollowing(
  fileAt: ReadonlyMap<number, FileClaim>,
  lower: readonly (string | undefined)[],
  index: number,
): FileClaim | undefined {
  const next = lower[index + 1];
  if (next !== "in" && next !== "of" && next !== "at" && next !== "from" && next !== "(in") return undefined;
  for (let distance = 2; distance <= 3; distance++) {
    const claim = fileAt.get(index + distance);
    if (claim) return claim;
  }
  return undefined;
}

function readVersionToken(
  text: string,
  previous: string | undefined,
  beforePrevious: string | undefined,
  repositoryNames: ReadonlySet<string>,
): string | undefined {
  const atSign = text.lastIndexOf("@");
  if (atSign > 0 && repositoryNames.has(text.slice(0, atSign).split("/").pop()?.toLowerCase() ?? "")) {
    const version = VERSION_TOKEN.exec(text.slice(atSign + 1));
    return version ? text.slice(atSign + 1) : undefined;
  }
  // A version starts with "v" or a digit; most words do not.
  const first = text.charAt(0);
  if (first !== "v" && !(first >= "0" && first <= "9")) return undefined;
  const version = VERSION_TOKEN.exec(text);
  if (!version?.[2]) return undefined;
  // Four numbers without a "v" are as likely an IP address.
  if (version[1] === "" && version[2].split(".").length === 4) return undefined;
  if (previous !== undefined && repositoryNames.has(previous)) return text;
  if (previous !== undefined && VERSION_WORDS.has(previous)) {
    const leadIn = beforePrevious;
    return leadIn === undefined || VERSION_LEAD_INS.has(leadIn) || repositoryNames.has(leadIn) ? text : undefined;
  }
  if (version[1] === "v" && (previous === undefined || VERSION_LEAD_INS.has(previous))) return text;
  return undefined;
}
