import type { ProbotOctokit } from "probot";
import type { AdvisoryChanges } from "./advisories.js";
import { asCaseRecord, readTrustedCase, type CaseReading } from "./case-trust.js";
import type { GatewayCache } from "./gateway-cache.js";
import { AdvisoryComments, type AdvisoryComment, type CommentResult } from "./advisory-comments.js";
import { hasStatus } from "./status.js";
import { collaboratorRole, type RepositoryRole } from "./permissions.js";
import type { AdvisoryRef, RepositoryRef } from "./refs.js";

/**
 * The GitHub calls of the conversation between maintainers and researcher: who may give commands, the tracking
 * issue as it is now, replies in it, the advisory's severity and state, and the advisory's comments in both
 * directions. The advisory comments API is in public preview; a 404 marks it unavailable for this installation for
 * a while (shared with the intake through the cache), and the caller relays through a maintainer instead.
 */

export interface IssueNow {
  number: number;
  body: string;
  labels: string[];
  state: "open" | "closed";
  /** The case it holds, as far as the app believes it (see case-trust.ts). */
  reading: CaseReading;
}

export interface AdvisoryNow {
  author: string | undefined;
  htmlUrl: string;
  state: string;
}

export class ConversationGateway {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly cache: GatewayCache,
    private readonly installationId: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A user's role on a repository (src/github/permissions.ts). */
  async repositoryRole(repository: RepositoryRef, username: string): Promise<RepositoryRole | "none"> {
    return collaboratorRole(this.octokit, repository, username);
  }

  async readIssue(repository: RepositoryRef, issueNumber: number): Promise<IssueNow> {
    const { data } = await this.octokit.rest.issues.get({ ...repository, issue_number: issueNumber });
    return {
      number: data.number,
      body: data.body ?? "",
      labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))).filter(Boolean),
      state: data.state === "closed" ? "closed" : "open",
      reading: readTrustedCase(data),
    };
  }

  /** One write for the case's machine state, its labels and whether the issue is open. */
  async writeIssue(
    repository: RepositoryRef,
    issueNumber: number,
    changes: { body: string; labels?: string[]; state?: "open" | "closed" },
  ): Promise<void> {
    await this.octokit.rest.issues.update({
      ...repository,
      issue_number: issueNumber,
      body: changes.body,
      ...(changes.labels ? { labels: changes.labels } : {}),
      ...(changes.state === "closed"
        ? { state: "closed", state_reason: "not_planned" }
        : changes.state === "open"
          ? { state: "open" }
          : {}),
      ...asCaseRecord,
    });
  }

  async commentOnIssue(repository: RepositoryRef, issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
  }

  async addLabels(repository: RepositoryRef, issueNumber: number, labels: string[]): Promise<void> {
    await this.octokit.rest.issues.addLabels({ ...repository, issue_number: issueNumber, labels });
  }

  /** A file's text at a git blob SHA (a pinned policy version), or null when the blob is not there. */
  async readBlob(repository: RepositoryRef, sha: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.rest.git.getBlob({ owner: repository.owner, repo: repository.repo, file_sha: sha });
      return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8").toString("utf8");
    } catch (error) {
      if (hasStatus(error, 404, 409)) return null;
      throw error;
    }
  }

  /** The advisory's author and state, or null when it cannot be read (gone, or no access). */
  async readAdvisory(advisory: AdvisoryRef): Promise<AdvisoryNow | null> {
    try {
      const { data } = await this.octokit.rest.securityAdvisories.getRepositoryAdvisory({
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
      });
      return { author: data.author?.login, htmlUrl: data.html_url, state: data.state };
    } catch (error) {
      if (hasStatus(error, 403, 404)) return null;
      throw error;
    }
  }

  /** Updates severity, vector or state; a 422 (GitHub refusing the change) is returned, not thrown. */
  async updateAdvisory(
    advisory: AdvisoryRef,
    changes: AdvisoryChanges,
  ): Promise<{ status: "updated" } | { status: "refused"; message: string }> {
    try {
      await this.octokit.rest.securityAdvisories.updateRepositoryAdvisory({
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
        ...changes,
      });
      return { status: "updated" };
    } catch (error) {
      if (hasStatus(error, 422)) return { status: "refused", message: errorMessage(error) };
      throw error;
    }
  }

  /**
   * The advisory's comments updated at or after `since` (all when absent), oldest first, or "unavailable" when the
   * preview API does not answer.
   */
  async listAdvisoryComments(advisory: AdvisoryRef, since?: string): Promise<AdvisoryComment[] | "unavailable"> {
    return this.advisoryComments().list(advisory, since);
  }

  /**
   * Posts a message on the advisory unless a comment since `since` already carries its marker (a retry after a
   * crash between posting and recording).
   */
  async messageResearcher(advisory: AdvisoryRef, message: string, marker: string, since: string): Promise<CommentResult> {
    const comments = this.advisoryComments();
    const earlier = await comments.list(advisory, since);
    if (earlier === "unavailable") return { status: "unavailable", reason: "comments-api-unavailable" };
    const found = earlier.find((comment) => comment.writtenByTheApp && comment.body.includes(marker));
    if (found) return { status: "sent", id: found.id };
    return comments.post(advisory, message);
  }

  private advisoryComments(): AdvisoryComments {
    return new AdvisoryComments(this.octokit, this.cache, this.installationId, this.now);
  }
}

function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { message?: unknown } } }).response;
  return typeof response?.data?.message === "string" ? response.data.message : "GitHub refused the change";
}
