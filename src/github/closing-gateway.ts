import type { ProbotOctokit } from "probot";
import { hasStatus } from "./status.js";
import type { AdvisoryRef, RepositoryRef } from "./refs.js";
import { asCaseRecord } from "./case-trust.js";
import type { AdvisoryCredit, AdvisoryDraft } from "./advisories.js";

/**
 * The GitHub calls only the closing makes: the advisory in full (text, packages, credits with their state), a CVE
 * request, closing a tracking issue as completed, and the acknowledgements page. Everything the conversation
 * shares (comments, advisory updates, issue writes) goes through `ConversationGateway`.
 */
export class ClosingGateway {
  constructor(private readonly octokit: ProbotOctokit) {}

  /** The advisory as the closing needs it, or null when it cannot be read (gone, or no access). */
  async readAdvisoryDraft(advisory: AdvisoryRef): Promise<AdvisoryDraft | null> {
    try {
      const { data } = await this.octokit.rest.securityAdvisories.getRepositoryAdvisory({
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
      });
      const vector =
        data.cvss?.vector_string ??
        data.cvss_severities?.cvss_v4?.vector_string ??
        data.cvss_severities?.cvss_v3?.vector_string ??
        undefined;
      return {
        ghsaId: data.ghsa_id,
        htmlUrl: data.html_url,
        state: data.state,
        author: data.author?.login,
        summary: data.summary,
        description: data.description ?? "",
        severity: data.severity ?? undefined,
        cvssVector: vector ?? undefined,
        cveId: data.cve_id ?? undefined,
        vulnerabilities: (data.vulnerabilities ?? []).map((entry) => ({
          ecosystem: entry.package?.ecosystem,
          name: entry.package?.name ?? undefined,
          vulnerableVersions: entry.vulnerable_version_range ?? undefined,
          patchedVersions: entry.patched_versions ?? undefined,
        })),
        credits: (data.credits_detailed ?? []).map((credit): AdvisoryCredit => ({
          login: credit.user.login,
          type: credit.type,
          state: credit.state,
        })),
      };
    } catch (error) {
      if (hasStatus(error, 403, 404)) return null;
      throw error;
    }
  }

  /** Asks GitHub for a CVE id for a published advisory; a refusal (400, 422) is returned, not thrown. */
  async requestCve(advisory: AdvisoryRef): Promise<{ status: "requested" } | { status: "refused"; message: string }> {
    try {
      await this.octokit.rest.securityAdvisories.createRepositoryAdvisoryCveRequest({
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
      });
      return { status: "requested" };
    } catch (error) {
      if (hasStatus(error, 400, 422)) {
        const message = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
        return { status: "refused", message: typeof message === "string" ? message : "GitHub refused the CVE request" };
      }
      throw error;
    }
  }

  /** One write that records the case, its labels, and closes the tracking issue as completed. */
  async closeAsCompleted(repository: RepositoryRef, issueNumber: number, changes: { body: string; labels: string[] }): Promise<void> {
    await this.octokit.rest.issues.update({
      ...repository,
      issue_number: issueNumber,
      body: changes.body,
      labels: changes.labels,
      state: "closed",
      state_reason: "completed",
      ...asCaseRecord,
    });
  }
}
