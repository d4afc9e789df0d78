import type { Context } from "probot";
import type { AdvisoryReport } from "../case/plan-intake.js";

type AdvisoryPayload = Context<"repository_advisory.reported">["payload"];

/** A reported advisory as intake reads it, from the webhook's payload (the sweep's reconciliation builds one too). */
export function advisoryFromPayload(payload: AdvisoryPayload, now: Date): AdvisoryReport {
  const advisory = payload.repository_advisory;
  // The webhook types mark `author` as always null (a known conversion bug); for a private report it is the researcher.
  const author = (advisory as { author?: { login?: string } | null }).author;
  const submittedAt = advisory.created_at ?? advisory.updated_at;
  return {
    ghsaId: advisory.ghsa_id,
    summary: advisory.summary,
    description: advisory.description ?? "",
    htmlUrl: advisory.html_url,
    repository: payload.repository.full_name,
    reporter: author?.login ?? payload.sender?.login ?? "the researcher",
    ...((author?.login ?? payload.sender?.login) ? { reporterLogin: author?.login ?? payload.sender?.login } : {}),
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
