import { createHash } from "node:crypto";
import { parseConfigDocument, resolveConfig, type ResolvedConfig } from "./load.js";
import type { ConfigProblem, Locate } from "./config-problem.js";

/**
 * Finds a repository's `.github/disclosure.yml` the way Probot apps do: the repository's own file, else the one in
 * the organisation's `.github` repository, following `_extends: repo`, `owner/repo` or `owner/repo:path.yml`.
 * It reads raw text (through an injected reader) rather than using Probot's loader because Disclosure Desk needs
 * the text itself: to pin the exact policy a report was submitted under as git blob SHAs, and to point every
 * config error at its file and line. Objects merge deeply, the extending file winning; lists are replaced whole.
 */

export const CONFIG_PATH = ".github/disclosure.yml";

export interface ConfigFileRef {
  owner: string;
  repo: string;
  path: string;
}

/** Returns the file's text from the default branch, or null when it does not exist. */
export type ReadConfigFile = (ref: ConfigFileRef) => Promise<string | null>;

export interface RepositoryConfig extends ResolvedConfig {
  /** The files that made the config, most specific first, each with its git blob SHA. */
  files: (ConfigFileRef & { blobSha: string })[];
  /** The pinned policy version: the blob SHA of the one file, or the SHAs of the chain joined by `+`. */
  policyVersion: string | null;
}

const EXTENDS_PATTERN = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/i;
const MAX_EXTENDS_DEPTH = 5;

export function gitBlobSha(text: string): string {
  const content = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

export async function loadRepositoryConfig(read: ReadConfigFile, repository: { owner: string; repo: string }): Promise<RepositoryConfig> {
  const files: RepositoryConfig["files"] = [];
  const layers: { raw: Record<string, unknown>; locate: Locate }[] = [];
  const errors: ConfigProblem[] = [];

  let next: ConfigFileRef | undefined = { ...repository, path: CONFIG_PATH };
  let text = await read(next);
  if (text === null && repository.repo !== ".github") {
    next = { owner: repository.owner, repo: ".github", path: CONFIG_PATH };
    text = await read(next);
  }

  while (next && text !== null) {
    const current: ConfigFileRef = next;
    const fileName = `${current.owner}/${current.repo}:${current.path}`;
    files.push({ ...current, blobSha: gitBlobSha(text) });
    const document = parseConfigDocument(text, fileName);
    errors.push(...document.problems);
    const raw = { ...document.raw };
    const extendsValue = raw._extends;
    delete raw._extends;
    layers.push({ raw, locate: document.locate });

    next = undefined;
    if (extendsValue !== undefined) {
      const target = typeof extendsValue === "string" ? EXTENDS_PATTERN.exec(extendsValue) : null;
      if (!target?.[2]) {
        errors.push({
          file: fileName,
          path: "_extends",
          message: `cannot extend ${JSON.stringify(extendsValue)}: expected repo, owner/repo or owner/repo:path.yml`,
        });
      } else {
        const candidate: ConfigFileRef = { owner: target[1] ?? current.owner, repo: target[2], path: target[3] ?? CONFIG_PATH };
        if (files.some((file) => sameFile(file, candidate))) {
          errors.push({ file: fileName, path: "_extends", message: `${extendsValue} is already part of this config (a loop)` });
        } else if (files.length >= MAX_EXTENDS_DEPTH) {
          errors.push({ file: fileName, path: "_extends", message: `more than ${MAX_EXTENDS_DEPTH} files extend each other` });
        } else {
          next = candidate;
          text = await read(candidate);
          if (text === null) {
            errors.push({ file: fileName, path: "_extends", message: `${extendsValue} has no ${candidate.path}` });
          }
        }
      }
    }
  }

  const merged = layers.reduceRight<Record<string, unknown>>((base, layer) => deepMerge(base, layer.raw), {});
  const locate: Locate = (path) => {
    for (const layer of layers) {
      const position = layer.locate(path);
      if (position) return position;
    }
    return undefined;
  };
  const resolved = resolveConfig(merged, { locate, ...(files[0] ? { file: fileLabel(files[0]) } : {}) });
  return {
    config: resolved.config,
    errors: [...errors, ...resolved.errors],
    files,
    policyVersion: files.length > 0 ? files.map((file) => file.blobSha).join("+") : null,
  };
}

function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  // A Map, not assignment: a key such as "__proto__" stays a key (reported as unknown) instead of setting a prototype.
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(override)) {
    const existing = merged.get(key);
    merged.set(key, isObject(existing) && isObject(value) ? deepMerge(existing, value) : value);
  }
  return Object.fromEntries(merged);
}

function sameFile(a: ConfigFileRef, b: ConfigFileRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase() && a.path === b.path;
}

function fileLabel(ref: ConfigFileRef): string {
  return `${ref.owner}/${ref.repo}:${ref.path}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
