import type { AdvisoryDraft } from "../github/advisories.js";

/**
 * The advisory as the closing needs it — its text for the researcher's review, its credits, and whether GitHub
 * would accept publishing it — and the check itself. GitHub refuses to publish an advisory without a severity or a
 * CVSS vector, a description, or an affected package; Disclosure Desk says so instead of sending the update.
 */

export type ReadinessProblem = "severity" | "description" | "vulnerabilities";

export function publicationReadiness(advisory: AdvisoryDraft): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (advisory.severity === undefined && advisory.cvssVector === undefined) problems.push("severity");
  if (advisory.description.trim() === "") problems.push("description");
  const named = advisory.vulnerabilities.filter((entry) => entry.ecosystem !== undefined && entry.name !== undefined && entry.name !== "");
  if (named.length === 0) problems.push("vulnerabilities");
  return problems;
}
