import type { CodeClaims, FileClaim } from "./claims.js";

/**
 * Checking a report's code claims against the repository, as a pure planner: the claims and what has been read so
 * far in, the next read (or none) out; then the findings from what was read. The reads themselves — the tag list,
 * one recursive tree per commit, a few files — are done by the caller within its budget of GitHub calls, so this
 * module never sees GitHub and a test can hand it any repository.
 *
 * A claim is `missing` only when what was read proves it: a path absent from a complete tree (or a file read that
 * says so at a commit known to exist), a symbol absent from a file read whole, a line past a file's end, a version
 * no tag names. Anything the reads could not settle is `not-verified`, with the reason.
 */

/** The ref the default branch is read at: GitHub resolves `HEAD` for trees and contents alike. */
export const DEFAULT_BRANCH = "HEAD";

export type CodeRead =
  | { kind: "tags" }
  /** `cachedOnly`: use a tree already read for this ref, and make no call for it. */
  | { kind: "tree"; ref: string; cachedOnly: boolean }
  | { kind: "file"; ref: string; path: string };

export type UnreadableReason = "forbidden" | "inaccessible" | "empty" | "failed";

export type ReadOutcome<T> =
  | { status: "found"; value: T }
  | { status: "not-found" }
  | { status: "unreadable"; reason: UnreadableReason }
  /** Not read: the budget of GitHub calls was spent (or, for a cached-only read, nothing was cached). */
  | { status: "skipped" };

export interface TreeEntry {
  type: "blob" | "tree" | "commit";
  size?: number;
}

export interface CodeTree {
  /** GitHub lists at most 100,000 entries (7 MB) of a recursive tree; a path missing from a truncated tree proves nothing. */
  truncated: boolean;
  entries: ReadonlyMap<string, TreeEntry>;
}

export type RepositoryFile =
  { kind: "file"; text: string } | { kind: "directory" } | { kind: "binary" } | { kind: "too-large"; size: number } | { kind: "other" };

export interface CodeFacts {
  tags?: ReadOutcome<readonly string[]>;
  trees: Map<string, ReadOutcome<CodeTree>>;
  files: Map<string, ReadOutcome<RepositoryFile>>;
  /** Every read asked for, by `readKey`, so none is asked twice. */
  asked: Set<string>;
}

export function emptyCodeFacts(): CodeFacts {
  return { trees: new Map(), files: new Map(), asked: new Set() };
}

export function readKey(read: CodeRead): string {
  if (read.kind === "tags") return "tags";
  if (read.kind === "tree") return `tree${read.cachedOnly ? "?" : ""}:${read.ref}`;
  return `file:${read.ref}:${read.path}`;
}

function fileKey(ref: string, path: string): string {
  return `${ref}\n${path}`;
}

/** Records what a read returned. A cached-only tree read that found nothing leaves the tree unknown. */
export function recordRead(facts: CodeFacts, read: CodeRead, outcome: ReadOutcome<unknown>): void {
  facts.asked.add(readKey(read));
  if (read.kind === "tags") facts.tags = outcome as ReadOutcome<readonly string[]>;
  else if (read.kind === "tree") {
    if (!(read.cachedOnly && outcome.status === "skipped")) facts.trees.set(read.ref, outcome as ReadOutcome<CodeTree>);
  } else facts.files.set(fileKey(read.ref, read.path), outcome as ReadOutcome<RepositoryFile>);
}

/** At most this many files are read for one report, whatever the budget. */
export const MAX_FILE_READS = 2;

interface RefChoice {
  ref: string;
  /** The tag the claimed version resolved to. */
  tag?: string;
}

/** The ref claims are checked at: the tag of the claimed version, else the default branch; undefined while unknown. */
function chooseRef(claims: CodeClaims, facts: CodeFacts): RefChoice | "unknown" | "unreadable" {
  if (claims.version === undefined) return { ref: DEFAULT_BRANCH };
  const tags = facts.tags;
  if (tags === undefined) return "unknown";
  if (tags.status === "unreadable" || tags.status === "not-found") return "unreadable";
  if (tags.status === "skipped") return { ref: DEFAULT_BRANCH };
  const tag = tagForVersion(claims.version, tags.value);
  return tag === undefined ? { ref: DEFAULT_BRANCH } : { ref: tag, tag };
}

export function nextCodeRead(claims: CodeClaims, facts: CodeFacts): CodeRead | undefined {
  if (claims.version !== undefined && facts.tags === undefined) return { kind: "tags" };
  // Symbols named without a file are looked for in the files the report names; without any, there is nothing to read.
  if (claims.files.length === 0) return undefined;
  const choice = chooseRef(claims, facts);
  if (typeof choice !== "object") return undefined;
  const { ref } = choice;
  const propose = (read: CodeRead): CodeRead | undefined => (facts.asked.has(readKey(read)) ? undefined : read);
  const cached = propose({ kind: "tree", ref, cachedOnly: true });
  if (cached) return cached;
  const tree = facts.trees.get(ref);
  if (tree?.status === "unreadable" || tree?.status === "not-found") return undefined;
  if ([...facts.files.values()].some((outcome) => outcome.status === "unreadable")) return undefined;

  const treeRead: CodeRead = { kind: "tree", ref, cachedOnly: false };
  const unsettled = claims.files.some((claim) => resolvePath(claim, facts, ref).status === "unknown");
  // A file that was not there proves nothing until the commit is known to exist; the tree settles every path at once.
  const fileNotFound = [...facts.files.entries()].some(([key, outcome]) => key.startsWith(`${ref}\n`) && outcome.status === "not-found");
  if (tree === undefined && unsettled && fileNotFound && !refExists(facts, ref)) return propose(treeRead);
  // A file read whole answers its own path as well as its symbols and lines, so files go first.
  const filesRead = [...facts.asked].filter((key) => key.startsWith("file:")).length;
  if (filesRead < MAX_FILE_READS) {
    for (const path of filesToRead(claims, facts, ref)) {
      const read = propose({ kind: "file", ref, path });
      if (read) return read;
    }
  }
  return tree === undefined && unsettled ? propose(treeRead) : undefined;
}

/** Files whose content settles a claim (a line, a symbol), most claims first; paths as the repository has them. */
function filesToRead(claims: CodeClaims, facts: CodeFacts, ref: string): string[] {
  const wanted = claims.files
    .filter((claim) => claim.lines.length > 0 || claim.symbols.length > 0 || (claims.symbols.length > 0 && claim.match !== "tail"))
    .map((claim) => ({ claim, resolved: resolvePath(claim, facts, ref) }))
    .filter(({ resolved }) => resolved.status === "exists" || resolved.status === "unknown")
    .sort((left, right) => weight(right.claim) - weight(left.claim));
  const paths = wanted.map(({ claim, resolved }) => (resolved.status === "exists" ? resolved.path : claim.path));
  return [...new Set(paths)];
}

function weight(claim: FileClaim): number {
  return claim.lines.length + claim.symbols.length;
}

type Resolution =
  { status: "exists"; path: string; entry?: TreeEntry } | { status: "missing" } | { status: "unknown"; reason: NotVerifiedReason };

function resolvePath(claim: FileClaim, facts: CodeFacts, ref: string): Resolution {
  const read = facts.files.get(fileKey(ref, claim.path));
  if (read?.status === "found") return { status: "exists", path: claim.path };
  const tree = facts.trees.get(ref);
  if (tree?.status === "found") {
    const path = findInTree(claim, tree.value);
    if (path !== undefined) {
      const entry = tree.value.entries.get(path);
      return { status: "exists", path, ...(entry ? { entry } : {}) };
    }
    return tree.value.truncated ? { status: "unknown", reason: "truncated-tree" } : { status: "missing" };
  }
  // A file read that found nothing proves the path missing only at a commit known to exist.
  if (claim.match === "exact" && read?.status === "not-found" && refExists(facts, ref)) return { status: "missing" };
  if (tree?.status === "unreadable" || read?.status === "unreadable") return { status: "unknown", reason: "unreadable" };
  return { status: "unknown", reason: "budget" };
}

function refExists(facts: CodeFacts, ref: string): boolean {
  // A tag listed exists; the default branch exists in any repository that answered.
  if (facts.tags?.status === "found" && (ref === DEFAULT_BRANCH || facts.tags.value.includes(ref))) return true;
  if (facts.trees.get(ref)?.status === "found") return true;
  return [...facts.files].some(([key, outcome]) => key.startsWith(`${ref}\n`) && outcome.status === "found");
}

function findInTree(claim: FileClaim, tree: CodeTree): string | undefined {
  if (claim.match === "exact") return tree.entries.has(claim.path) ? claim.path : undefined;
  const ending = `/${claim.path}`;
  let best: string | undefined;
  for (const path of tree.entries.keys()) {
    if (claim.match === "name" && (path === claim.path || path.endsWith(ending))) return path;
    // A trace path: the longest path of the repository the frame's path ends with.
    if (claim.match === "tail" && (claim.path === path || claim.path.endsWith(`/${path}`)) && path.length > (best?.length ?? 0))
      best = path;
  }
  return best;
}

export function tagForVersion(version: string, tags: readonly string[]): string | undefined {
  const wanted = versionNumbers(version);
  if (wanted === undefined) return undefined;
  const exact = tags.find((tag) => tag === version);
  if (exact !== undefined) return exact;
  // "1.7" names a series: any tag of it will do.
  return tags.find((tag) => {
    const numbers = versionNumbers(tag);
    return (
      numbers !== undefined &&
      wanted.every((part, index) => numbers[index] === part) &&
      (numbers.length === wanted.length || wanted.length === 2)
    );
  });
}

/** `v1.7.18`, `1.7.18`, `curl-8_11_0`, `release-2.0`, `pkg@1.2.3` → [1, 7, 18]; a pre-release part is kept. */
function versionNumbers(name: string): string[] | undefined {
  const match = /(\d{1,6}(?:[._]\d{1,6}){1,3})((?:-[0-9A-Za-z.]{1,30})?)$/.exec(name);
  if (!match?.[1]) return undefined;
  return [...match[1].split(/[._]/).map((part) => String(Number(part))), ...(match[2] ? [match[2]] : [])];
}

export type NotVerifiedReason = "budget" | "unreadable" | "truncated-tree" | "binary" | "too-large" | "no-tags" | "not-a-file" | "not-read";

export type ClaimFinding =
  | { kind: "version"; version: string; status: "holds"; tag: string }
  | { kind: "version"; version: string; status: "missing" }
  | { kind: "version"; version: string; status: "not-verified"; reason: NotVerifiedReason }
  | { kind: "path"; path: string; status: "holds"; foundAt: string }
  | { kind: "path"; path: string; status: "missing" | "not-verified"; reason?: NotVerifiedReason }
  | { kind: "symbol"; symbol: string; files: string[]; status: "holds" | "missing" | "not-verified"; reason?: NotVerifiedReason }
  | {
      kind: "line";
      path: string;
      line: number;
      status: "holds" | "missing" | "not-verified";
      lineCount?: number;
      reason?: NotVerifiedReason;
    };

export interface ClaimsCheck {
  /** The tag the claims were checked at, or undefined for the default branch. */
  tag?: string;
  findings: ClaimFinding[];
  /** Some claim is proven false: the case is labelled `claims:unverified`. */
  unverified: boolean;
  /** The repository could not be read at all: nothing was verified, nothing is held against the report. */
  unreadable?: UnreadableReason;
}

export const CLAIMS_UNVERIFIED_LABEL = "claims:unverified";

export function checkClaims(claims: CodeClaims, facts: CodeFacts): ClaimsCheck {
  const findings: ClaimFinding[] = [];
  const choice = chooseRef(claims, facts);
  const unreadable = unreadableReason(facts, choice);
  const ref = typeof choice === "object" ? choice.ref : DEFAULT_BRANCH;

  if (claims.version !== undefined) findings.push(versionFinding(claims.version, facts, choice));
  const texts: { path: string; text: string }[] = [];
  let everyNamedFileRead = true;
  for (const claim of claims.files) {
    const resolution = unreadable ? ({ status: "unknown", reason: "unreadable" } as const) : resolvePath(claim, facts, ref);
    if (resolution.status === "missing") {
      findings.push({ kind: "path", path: claim.path, status: "missing" });
      continue;
    }
    if (resolution.status === "unknown") {
      everyNamedFileRead = false;
      findings.push({ kind: "path", path: claim.path, status: "not-verified", reason: resolution.reason });
      for (const symbol of claim.symbols)
        findings.push({ kind: "symbol", symbol, files: [claim.path], status: "not-verified", reason: resolution.reason });
      for (const line of claim.lines)
        findings.push({ kind: "line", path: claim.path, line, status: "not-verified", reason: resolution.reason });
      continue;
    }
    findings.push({ kind: "path", path: claim.path, status: "holds", foundAt: resolution.path });
    const read = facts.files.get(fileKey(ref, resolution.path));
    const content = read?.status === "found" ? read.value : undefined;
    const notReadReason: NotVerifiedReason =
      content === undefined
        ? read?.status === "unreadable"
          ? "unreadable"
          : "budget"
        : content.kind === "file"
          ? "not-read"
          : contentReason(content);
    if (content?.kind === "file") {
      if (claim.match !== "tail") texts.push({ path: resolution.path, text: content.text });
    } else if (claim.match !== "tail") everyNamedFileRead = false;
    for (const symbol of claim.symbols) {
      findings.push(
        content?.kind === "file"
          ? { kind: "symbol", symbol, files: [resolution.path], status: occurs(content.text, symbol) ? "holds" : "missing" }
          : { kind: "symbol", symbol, files: [resolution.path], status: "not-verified", reason: notReadReason },
      );
    }
    for (const line of claim.lines) findings.push(lineFinding(resolution.path, line, content, resolution.entry, notReadReason));
  }
  for (const symbol of claims.symbols) {
    if (texts.some(({ text }) => occurs(text, symbol))) {
      findings.push({
        kind: "symbol",
        symbol,
        files: texts.filter(({ text }) => occurs(text, symbol)).map(({ path }) => path),
        status: "holds",
      });
    } else if (texts.length > 0 && everyNamedFileRead) {
      findings.push({ kind: "symbol", symbol, files: texts.map(({ path }) => path), status: "missing" });
    } else {
      findings.push({
        kind: "symbol",
        symbol,
        files: texts.map(({ path }) => path),
        status: "not-verified",
        reason: unreadable ? "unreadable" : "not-read",
      });
    }
  }
  const tag = typeof choice === "object" ? choice.tag : undefined;
  return {
    ...(tag === undefined ? {} : { tag }),
    findings,
    unverified: findings.some((finding) => finding.status === "missing"),
    ...(unreadable ? { unreadable } : {}),
  };
}

function unreadableReason(facts: CodeFacts, choice: ReturnType<typeof chooseRef>): UnreadableReason | undefined {
  if (choice === "unreadable") return facts.tags?.status === "unreadable" ? facts.tags.reason : "inaccessible";
  if (typeof choice !== "object") return undefined;
  const tree = facts.trees.get(choice.ref);
  if (tree?.status === "unreadable") return tree.reason;
  // The default branch always exists: a readable repository answers for it.
  if (tree?.status === "not-found") return "inaccessible";
  return undefined;
}

function versionFinding(version: string, facts: CodeFacts, choice: ReturnType<typeof chooseRef>): ClaimFinding {
  if (typeof choice === "object" && choice.tag !== undefined) return { kind: "version", version, status: "holds", tag: choice.tag };
  const tags = facts.tags;
  if (tags?.status !== "found")
    return { kind: "version", version, status: "not-verified", reason: tags?.status === "skipped" ? "budget" : "unreadable" };
  // A repository without tags publishes versions some other way: no tag proves nothing.
  if (tags.value.length === 0) return { kind: "version", version, status: "not-verified", reason: "no-tags" };
  return { kind: "version", version, status: "missing" };
}

function contentReason(content: RepositoryFile): NotVerifiedReason {
  return content.kind === "binary" ? "binary" : content.kind === "too-large" ? "too-large" : "not-a-file";
}

function lineFinding(
  path: string,
  line: number,
  content: RepositoryFile | undefined,
  entry: TreeEntry | undefined,
  reason: NotVerifiedReason,
): ClaimFinding {
  if (content?.kind === "file") {
    const lineCount = countLines(content.text);
    return { kind: "line", path, line, status: line <= lineCount ? "holds" : "missing", lineCount };
  }
  // Line N needs at least N - 1 line breaks: a file of fewer bytes cannot have it.
  if (entry?.type === "blob" && entry.size !== undefined && line - 1 > entry.size) return { kind: "line", path, line, status: "missing" };
  return { kind: "line", path, line, status: "not-verified", reason };
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines++;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/** The symbol as a whole word of the text: `parse` does not occur in `parse_string`. */
export function occurs(text: string, symbol: string): boolean {
  for (let index = text.indexOf(symbol); index !== -1; index = text.indexOf(symbol, index + 1)) {
    const before = text[index - 1];
    const after = text[index + symbol.length];
    if (!isWordCharacter(before) && !isWordCharacter(after)) return true;
  }
  return false;
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\w$]/.test(character);
}
