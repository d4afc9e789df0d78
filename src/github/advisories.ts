/**
 * Repository security advisories as GitHub's REST API takes them: the fields commands and the closing change.
 */

/** The credit types GitHub accepts on an advisory. */
export type AdvisoryCreditType =
  | "analyst"
  | "finder"
  | "reporter"
  | "coordinator"
  | "remediation_developer"
  | "remediation_reviewer"
  | "remediation_verifier"
  | "tool"
  | "sponsor"
  | "other";

/** What GitHub's advisory update accepts for the fields commands change: severity or a vector, and the state. */
export interface AdvisoryChanges {
  severity?: "critical" | "high" | "medium" | "low" | null;
  cvss_vector_string?: string | null;
  state?: "draft" | "closed" | "published";
  /** The advisory's credits, all of them (GitHub replaces the list); set by the closing. */
  credits?: { login: string; type: AdvisoryCreditType }[];
}
