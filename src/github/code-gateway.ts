import type { ProbotOctokit } from "probot";
import {
  DEFAULT_BRANCH,
  type CodeRead,
  type CodeTree,
  type ReadOutcome,
  type RepositoryFile,
  type TreeEntry,
} from "../policy/claim-check.js";
import type { CodeCache } from "./code-cache.js";
import type { RepositoryRef } from "./refs.js";

/**
 * The code check's reads of the reported repository — its tag names, a recursive tree, a few files — within a budget
 * of GitHub calls per report. Answers from the shared cache cost nothing; every call is counted, and once the
 * budget is spent a read is answered `skipped` without a call.
 */

/** GitHub calls one report's code check may make: the intake stays within two more calls when a report names code. */
export const MAX_CODE_CALLS_PER_INTAKE = 2;
/** GitHub's contents API returns file content up to 1 MB; larger files are not read. */
const MAX_FILE_BYTES = 1_000_000;
/** Git calls a file binary when its first 8,000 bytes hold a NUL. */
const BINARY_PROBE_BYTES = 8_000;
const MAX_TAGS = 20_000;
const TAGS_TTL_SECONDS = 10 * 60;
const DEFAULT_BRANCH_TTL_SECONDS = 5 * 60;
const TAG_TTL_SECONDS = 24 * 60 * 60;
const TREE_TTL_SECONDS = 7 * 24 * 60 * 60;

export class CodeGateway {
  private callsMade = 0;

  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly cache: CodeCache,
    private readonly installationId: number,
    private readonly repository: RepositoryRef,
    private readonly budget: number = MAX_CODE_CALLS_PER_INTAKE,
  ) {}

  /** GitHub calls made so far. */
  get calls(): number {
    return this.callsMade;
  }

  async read(read: CodeRead): Promise<ReadOutcome<unknown>> {
    switch (read.kind) {
      case "tags":
        return this.tags();
      case "tree":
        return this.tree(read.ref, read.cachedOnly);
      case "file":
        return this.file(read.ref, read.path);
      default: {
        const unknown: never = read;
        throw new Error(`unknown code read ${JSON.stringify(unknown)}`);
      }
    }
  }

  private get repositoryKey(): string {
    return `${this.installationId}:${this.repository.owner}/${this.repository.repo}`.toLowerCase();
  }

  private async tags(): Promise<ReadOutcome<readonly string[]>> {
    const key = `tags:${this.repositoryKey}`;
    const cached = await this.cache.recall(key);
    if (cached !== undefined) return { status: "found", value: JSON.parse(cached) as string[] };
    return this.call(async () => {
      const { data } = await this.octokit.rest.git.listMatchingRefs({ ...this.repository, ref: "tags" });
      const names = data.slice(0, MAX_TAGS).map((ref) => ref.ref.replace(/^refs\/tags\//, ""));
      await this.cache.remember(key, JSON.stringify(names), TAGS_TTL_SECONDS);
      return names;
    });
  }

  private async tree(ref: string, cachedOnly: boolean): Promise<ReadOutcome<CodeTree>> {
    const refKey = `ref:${this.repositoryKey}@${ref}`;
    const sha = await this.cache.recall(refKey);
    const cached = sha === undefined ? undefined : await this.cache.recall(`tree:${sha}`);
    if (cached !== undefined) return { status: "found", value: parseTree(cached) };
    if (cachedOnly) return { status: "skipped" };
    return this.call(async () => {
      const { data } = await this.octokit.rest.git.getTree({ ...this.repository, tree_sha: ref, recursive: "true" });
      const compact = compactTree(data.truncated, data.tree);
      await this.cache.remember(`tree:${data.sha}`, compact, TREE_TTL_SECONDS);
      await this.cache.remember(refKey, data.sha, ref === DEFAULT_BRANCH ? DEFAULT_BRANCH_TTL_SECONDS : TAG_TTL_SECONDS);
      return parseTree(compact);
    });
  }

  private async file(ref: string, path: string): Promise<ReadOutcome<RepositoryFile>> {
    return this.call(async () => {
      const { data } = await this.octokit.rest.repos.getContent({ ...this.repository, path, ...(ref === DEFAULT_BRANCH ? {} : { ref }) });
      if (Array.isArray(data)) return { kind: "directory" };
      if (data.type !== "file") return { kind: "other" };
      const content = "content" in data ? data.content : "";
      if (data.size > MAX_FILE_BYTES || ("encoding" in data && data.encoding !== "base64")) return { kind: "too-large", size: data.size };
      const bytes = Buffer.from(content, "base64");
      if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { kind: "binary" };
      return { kind: "file", text: bytes.toString("utf8") };
    });
  }

  /** One counted GitHub call, or `skipped` once the budget is spent; the statuses GitHub documents become outcomes. */
  private async call<T>(request: () => Promise<T>): Promise<ReadOutcome<T>> {
    if (this.callsMade >= this.budget) return { status: "skipped" };
    this.callsMade++;
    try {
      return { status: "found", value: await request() };
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      if (typeof status !== "number") throw error;
      if (status === 404 || status === 422) return { status: "not-found" };
      if (status === 403 || status === 451) return { status: "unreadable", reason: "forbidden" };
      if (status === 409) return { status: "unreadable", reason: "empty" };
      // The check only adds to a case: a GitHub failure leaves its claims not verified instead of losing the report.
      return { status: "unreadable", reason: "failed" };
    }
  }
}

/** A tree as the cache keeps it: a header line, then `b<size>\t<path>`, `t\t<path>` or `c\t<path>` per entry. */
function compactTree(truncated: boolean, entries: readonly { path?: string; type?: string; size?: number }[]): string {
  const lines = [truncated ? "truncated" : "complete"];
  for (const entry of entries) {
    if (!entry.path || /[\t\n]/.test(entry.path)) continue;
    const type = entry.type === "tree" ? "t" : entry.type === "commit" ? "c" : "b";
    lines.push(`${type}${type === "b" && entry.size !== undefined ? entry.size : ""}\t${entry.path}`);
  }
  return lines.join("\n");
}

function parseTree(compact: string): CodeTree {
  const [header, ...lines] = compact.split("\n");
  const entries = new Map<string, TreeEntry>();
  for (const line of lines) {
    const tab = line.indexOf("\t");
    const kind = line[0];
    const type = kind === "t" ? "tree" : kind === "c" ? "commit" : "blob";
    const size = line.slice(1, tab);
    entries.set(line.slice(tab + 1), { type, ...(type === "blob" && size !== "" ? { size: Number(size) } : {}) });
  }
  return { truncated: header === "truncated", entries };
}
