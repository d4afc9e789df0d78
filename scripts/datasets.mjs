// Shared by the dataset builder, the trainer and the evaluation: the split rule and the labelling tables.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** train 60 %, dev 20 %, test 20 %, by a hash of the item id: an item never changes split when the set grows. */
export function splitOf(id) {
  const value = createHash("sha256").update(id).digest().readUInt16BE(0) / 65_536;
  return value < 0.6 ? "train" : value < 0.8 ? "dev" : "test";
}

/** Bodies are kept to this many characters, whitespace collapsed: enough for a model, not a copy of the text. */
const BODY_LIMIT = 1_200;

export function trimBody(text) {
  const clean = text
    .replace(/\r/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return clean.length > BODY_LIMIT ? `${clean.slice(0, BODY_LIMIT)}…` : clean;
}

/**
 * A hand-labelled public GitHub issue (data/github-issues.jsonl, data/held-out-issues.jsonl) as a containment item,
 * and as a triage item when it has a category; a memory-safety finding's category follows the labelling table.
 */
export function githubIssueItems(issue, labels) {
  const item = {
    id: issue.id,
    source: "github-issues",
    url: issue.url,
    title: issue.title,
    body: trimBody(issue.body),
    ...(issue.round === undefined ? {} : { round: issue.round }),
  };
  const category = issue.category === "memory-corruption" ? labels.categoryOfMemorySafety(`${issue.title}\n${issue.body}`) : issue.category;
  const triage =
    category === undefined ? undefined : { ...item, category, ...(issue.exception === undefined ? {} : { exception: issue.exception }) };
  return { containment: { ...item, label: issue.label }, triage };
}

export function readJsonl(path) {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** data/labels.json, with the functions that apply its tables (see data/LABELLING.md). */
export function labelsFile(path = "data/labels.json") {
  const file = JSON.parse(readFileSync(path, "utf8"));
  const cweCategory = new Map(Object.entries(file.cweCategories).flatMap(([category, ids]) => ids.map((id) => [id, category])));
  const denialOnly = new RegExp(file.memorySafetyDenialOnly.impact, "i");
  const beyondDenial = new RegExp(file.memorySafetyDenialOnly.unless, "i");
  const npmRules = file.npmTitleCategories.map(([pattern, category]) => [new RegExp(pattern, "i"), category]);
  return {
    categories: file.categories,
    matomo: file.matomo,
    categoryOfCwe(cwe, description) {
      const category = cweCategory.get(cwe) ?? "ambiguous";
      return category === "memory-corruption" ? this.categoryOfMemorySafety(description) : category;
    },
    /** A memory-safety finding is memory corruption, unless its text names only a crash or denial of service. */
    categoryOfMemorySafety(description) {
      return denialOnly.test(description) && !beyondDenial.test(description) ? "denial-of-service" : "memory-corruption";
    },
    categoryOfNpmTitle(title, id) {
      const corrected = file.npmIdCategories[String(id)];
      if (corrected !== undefined) return corrected;
      for (const [pattern, category] of npmRules) if (pattern.test(title)) return category;
      return "ambiguous";
    },
  };
}
