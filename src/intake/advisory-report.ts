import type { Context } from "probot";
import type { AdvisoryReport } from "../case/plan-intake.js";
import type { AdvisorySeverity } from "../policy/report.js";

type AdvisoryPayload = Context<"repository_advisory.reported">["payload"];

/** The fields intake reads of a repository advisory, as the webhook's payload and the REST listing both give them. */
export interface ReportedAdvisory {
  ghsa_id: string;
  summary: string;
  description?: string | null;
  html_url: string;
  severity?: AdvisorySeverity | null;
  cvss?: { vector_string?: string | null } | null;
  cwe_ids?: string[] | null;
  vulnerabilities?:
    | {
        package?: { ecosystem: string; name?: string | null } | null;
        vulnerable_version_range?: string | null;
        vulnerable_functions?: string[] | null;
      }[]
    | null;
  created_at?: string | null;
  updated_at?: string | null;
}

/** A reported advisory as intake reads it, from the webhook's payload. */
export function advisoryFromPayload(payload: AdvisoryPayload, now: Date): AdvisoryReport {
  return advisoryReport(payload.repository_advisory, payload.repository.full_name, payload.sender?.login, now);
}

/**
 * A reported advisory as intake reads it, from the advisory itself: the sweep's reconciliation reads it from the REST
 * listing, which names no sender.
 */
export function advisoryReport(advisory: ReportedAdvisory, repository: string, sender: string | undefined, now: Date): AdvisoryReport {
  // The webhook types mark `author` as always null (a known conversion bug); for a private report it is the researcher.
  const author = (advisory as { author?: { login?: string } | null }).author;
  const login = author?.login ?? sender;
  const submittedAt = advisory.created_at ?? advisory.updated_at;
  return {
    ghsaId: advisory.ghsa_id,
    summary: advisory.summary,
    description: advisory.description ?? "",
    htmlUrl: advisory.html_url,
    repository,
    reporter: login ?? "the researcher",
    ...(login ? { reporterLogin: login } : {}),
    ...(advisory.severity ? { severity: advisory.severity } : {}),
    ...(advisory.cvss?.vector_string ? { cvssVector: advisory.cvss.vector_string } : {}),
    packages: (advisory.vulnerabilities ?? []).flatMap((vulnerability) =>
      vulnerability.package
        ? [
            {
              ecosystem: vulnerability.package.ecosystem,
              name: vulnerability.package.name ?? "",
              ...(vulnerability.vulnerable_version_range ? { versions: vulnerability.vulnerable_version_range } : {}),
              ...(vulnerability.vulnerable_functions?.length ? { functions: vulnerability.vulnerable_functions } : {}),
            },
          ]
        : [],
    ),
    cweIds: advisory.cwe_ids ?? [],
    submittedAt: submittedAt ? new Date(submittedAt) : now,
  };
}
