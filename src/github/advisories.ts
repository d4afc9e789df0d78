/**
 * Repository security advisories as GitHub's REST API gives and takes them: the fields commands and the closing
 * read and change.
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

export interface AdvisoryCredit {
  login: string;
  type: AdvisoryCreditType;
  state?: "accepted" | "declined" | "pending";
}

export interface AffectedPackage {
  ecosystem: string | undefined;
  name: string | undefined;
  vulnerableVersions: string | undefined;
  patchedVersions: string | undefined;
}

/** An advisory as the closing reads it: its text for the researcher's review, its packages and credits. */
export interface AdvisoryDraft {
  ghsaId: string;
  htmlUrl: string;
  state: string;
  author: string | undefined;
  summary: string;
  description: string;
  severity: string | undefined;
  cvssVector: string | undefined;
  cveId: string | undefined;
  vulnerabilities: AffectedPackage[];
  credits: AdvisoryCredit[];
}

/** What GitHub's advisory update accepts for the fields commands change: severity or a vector, and the state. */
export interface AdvisoryChanges {
  severity?: "critical" | "high" | "medium" | "low" | null;
  cvss_vector_string?: string | null;
  state?: "draft" | "closed" | "published";
  /** The advisory's credits, all of them (GitHub replaces the list); set by the closing. */
  credits?: { login: string; type: AdvisoryCreditType }[];
}
