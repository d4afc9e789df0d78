import type { DisclosureConfig } from "../config/schema.js";
import { catalogEntry } from "../policy/catalog.js";

/**
 * Why a report is not eligible, in the policy's own words, for `/disclosure reject <id>`: the sentence the
 * exclusion comes from and the exceptions that would bring the report back in. The policy's tuned entry wins over
 * the catalog's default wording; an id the policy does not list explains nothing, so a report is never rejected
 * under a rule its policy does not have. `out-of-scope` explains the scope itself.
 */

export const OUT_OF_SCOPE = "out-of-scope";

export interface ExclusionExplanation {
  id: string;
  kind: "exclusion" | "out-of-scope";
  title: string;
  /** The policy's sentence, quoted to the researcher. */
  policyText: string;
  /** Exception ids: what the researcher can show to have the report evaluated again. */
  comeBackIn: string[];
  /** For out-of-scope: what the policy covers, and what it names as not covered. */
  assets: string[];
  outOfScope: string[];
}

export function explainExclusion(id: string, config: Pick<DisclosureConfig, "exclusions" | "scope">): ExclusionExplanation | undefined {
  if (id === OUT_OF_SCOPE) {
    return {
      id,
      kind: "out-of-scope",
      title: "Out of scope",
      policyText: "",
      comeBackIn: [],
      assets: config.scope.assets,
      outOfScope: config.scope.outOfScope,
    };
  }
  const entry = config.exclusions.find((candidate) => (typeof candidate === "string" ? candidate : candidate.id) === id);
  if (entry === undefined) return undefined;
  const tuned = typeof entry === "string" ? { id: entry } : entry;
  const builtIn = catalogEntry(id);
  const title = tuned.title ?? builtIn?.title ?? id;
  return {
    id,
    kind: "exclusion",
    title,
    policyText: tuned.policyText ?? builtIn?.policyText ?? title,
    comeBackIn: [...(tuned.unless ?? builtIn?.exceptions ?? [])],
    assets: [],
    outOfScope: [],
  };
}
