import { catalogIds, exceptionIds } from "../policy/catalog.js";
import { conductIds } from "../policy/conduct.js";
import { checkPattern } from "../policy/pattern.js";
import { checkAssetPattern, isTopicEntry } from "../policy/scope.js";
import { closest } from "./closest.js";
import type { KeyPath } from "./load.js";
import type { DisclosureConfig } from "./schema.js";

export interface UnusableEntry {
  /** Starts with the top-level key of the section that holds the entry. */
  path: KeyPath;
  message: string;
}

/**
 * Every entry the policy engine could not compile: an asset pattern over a limit, a match pattern RE2 cannot run, an
 * exclusion, exception or conduct id that is unknown and has no patterns of its own. Loading leaves the sections that
 * hold one at their defaults, so that triage never meets an entry it would have to refuse.
 */
export function unusableEntries({ scope, exclusions, conduct }: Pick<DisclosureConfig, "scope" | "exclusions" | "conduct">): UnusableEntry[] {
  const found: UnusableEntry[] = [];
  const asset = (pattern: string, path: KeyPath) => {
    const problem = checkAssetPattern(pattern);
    if (problem !== undefined) found.push({ path, message: `asset "${pattern}": ${problem}` });
  };
  const patterns = (list: readonly string[] | undefined, path: KeyPath) =>
    list?.forEach((pattern, index) => {
      const problem = checkPattern(pattern);
      if (problem !== undefined) found.push({ path: [...path, index], message: `pattern "${pattern}": ${problem}` });
    });

  scope.assets.forEach((pattern, index) => asset(pattern, ["scope", "assets", index]));
  scope.outOfScope.forEach((entry, index) => {
    if (!isTopicEntry(entry)) asset(entry, ["scope", "outOfScope", index]);
  });
  scope.codebases.forEach((codebase, codebaseIndex) =>
    codebase.assets.forEach((pattern, index) => asset(pattern, ["scope", "codebases", codebaseIndex, "assets", index])),
  );

  const knownExclusions = catalogIds();
  const knownExceptions = exceptionIds();
  exclusions.forEach((entry, index) => {
    const rule = typeof entry === "string" ? { id: entry } : entry;
    const idPath: KeyPath = typeof entry === "string" ? ["exclusions", index] : ["exclusions", index, "id"];
    if (!knownExclusions.includes(rule.id) && (rule.match === undefined || rule.match.length === 0)) {
      found.push({
        path: idPath,
        message:
          `unknown exclusion id "${rule.id}" (a rule of your own needs match patterns: { id, title, match: [...] })` +
          didYouMean(rule.id, knownExclusions),
      });
    }
    if (typeof entry === "string") return;
    entry.unless?.forEach((exception, exceptionIndex) => {
      if ((knownExceptions as readonly string[]).includes(exception)) return;
      found.push({
        path: ["exclusions", index, "unless", exceptionIndex],
        message: `unknown exception "${exception}" (known: ${knownExceptions.join(", ")})${didYouMean(exception, knownExceptions)}`,
      });
    });
    patterns(entry.match, ["exclusions", index, "match"]);
  });

  const knownConduct: readonly string[] = conductIds();
  conduct.forEach((entry, index) => {
    const rule = typeof entry === "string" ? { id: entry } : entry;
    const idPath: KeyPath = typeof entry === "string" ? ["conduct", index] : ["conduct", index, "id"];
    if (!knownConduct.includes(rule.id) && (rule.match === undefined || rule.match.length === 0)) {
      found.push({
        path: idPath,
        message:
          `unknown conduct id "${rule.id}" (known: ${knownConduct.join(", ")}; a rule of your own needs match patterns)` +
          didYouMean(rule.id, knownConduct),
      });
    }
    if (typeof entry !== "string") patterns(entry.match, ["conduct", index, "match"]);
  });
  return found;
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}
