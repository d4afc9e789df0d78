import type { ProbotOctokit } from "probot";
import { isWrittenByApp, type AppIdentity } from "../case/trust.js";
import { hasStatus } from "./status.js";
import { collaboratorRole, roleAtLeast, type RepositoryRole } from "./permissions.js";
import type { RepositoryRef } from "./refs.js";

/**
 * The GitHub calls containment needs beyond the shared gateway: the public issue and its comments, locking,
 * labels, draft repository advisories and a commenter's permission.
 *
 * A comment that discloses a vulnerability is hidden by editing its body, not by GraphQL's `minimizeComment`: a
 * minimised comment is still one click away from anyone, an edited one is not (GitHub keeps the earlier text in the
 * edit history, which the case tells maintainers to clear), and an edit can be undone byte for byte.
 *
 * Comments and draft advisories are read for the app's own markers (a copy's parts, the note to the reporter, the
 * advisory of a case) only where the app wrote them: the same marker typed by anyone else is just text.
 */

export interface PublicIssueState {
  title: string;
  body: string;
  locked: boolean;
  labels: string[];
}

export interface PublicComment {
  id: number;
  body: string;
  author: string;
  authorIsBot: boolean;
  authorAssociation: string;
  createdAt: string;
  url: string;
  /** API address of the issue the comment is on. */
  issueUrl: string;
}

export type DraftAdvisoryResult = { status: "draft"; ghsaId: string; url: string } | { status: "not-available"; reason: string };

export type PermissionLevel = RepositoryRole | "none";

export class ContainmentGateway {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly identity: AppIdentity,
  ) {}

  async getIssue(repository: RepositoryRef, issueNumber: number): Promise<PublicIssueState> {
    const { data } = await this.octokit.rest.issues.get({ ...repository, issue_number: issueNumber });
    return {
      title: data.title,
      body: data.body ?? "",
      locked: data.locked,
      labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
    };
  }

  /** A comment, or null when it does not exist (or is on a pull request of another repository). */
  async getComment(repository: RepositoryRef, commentId: number): Promise<PublicComment | null> {
    try {
      const { data } = await this.octokit.rest.issues.getComment({ ...repository, comment_id: commentId });
      return {
        id: data.id,
        body: data.body ?? "",
        author: data.user?.login ?? "",
        authorIsBot: data.user?.type === "Bot",
        authorAssociation: data.author_association,
        createdAt: data.created_at,
        url: data.html_url,
        issueUrl: data.issue_url,
      };
    } catch (error) {
      if (hasStatus(error, 404)) return null;
      throw error;
    }
  }

  /** A public issue's text, written exactly as given: the app's seal is never put on it. */
  async updateIssue(repository: RepositoryRef, issueNumber: number, changes: { title?: string; body?: string }): Promise<void> {
    await this.octokit.rest.issues.update({ ...repository, issue_number: issueNumber, ...changes });
  }

  /** The tracking issue's body with its case record, sealed on the way. */

  async updateCommentBody(repository: RepositoryRef, commentId: number, body: string): Promise<void> {
    await this.octokit.rest.issues.updateComment({ ...repository, comment_id: commentId, body });
  }

  /** Locks without a reason: GitHub shows the reason publicly, and none of its four fits. */
  async lock(repository: RepositoryRef, issueNumber: number): Promise<void> {
    await this.octokit.rest.issues.lock({ ...repository, issue_number: issueNumber });
  }

  async unlock(repository: RepositoryRef, issueNumber: number): Promise<void> {
    await this.octokit.rest.issues.unlock({ ...repository, issue_number: issueNumber });
  }

  async addLabels(repository: RepositoryRef, issueNumber: number, labels: string[]): Promise<void> {
    await this.octokit.rest.issues.addLabels({ ...repository, issue_number: issueNumber, labels });
  }

  /** Removing a label the issue no longer has is not an error. */
  async removeLabel(repository: RepositoryRef, issueNumber: number, label: string): Promise<void> {
    try {
      await this.octokit.rest.issues.removeLabel({ ...repository, issue_number: issueNumber, name: label });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
    }
  }

  async createComment(repository: RepositoryRef, issueNumber: number, body: string): Promise<number> {
    const { data } = await this.octokit.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
    return data.id;
  }

  /** The body of every comment the app itself wrote on an issue, oldest first. */
  async listAppCommentBodies(repository: RepositoryRef, issueNumber: number): Promise<{ id: number; body: string }[]> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...repository,
      issue_number: issueNumber,
      per_page: 100,
    });
    return comments
      .filter((comment) => isWrittenByApp(comment, this.identity))
      .map((comment) => ({ id: comment.id, body: comment.body ?? "" }));
  }

  /** The app's own comment carrying `marker`, if it wrote one on this issue. */
  async findAppComment(repository: RepositoryRef, issueNumber: number, marker: string): Promise<number | null> {
    const comments = await this.listAppCommentBodies(repository, issueNumber);
    return comments.find((comment) => comment.body.includes(marker))?.id ?? null;
  }

  /**
   * Opens a draft advisory crediting the reporter. Where the repository cannot have advisories (a private
   * repository, the feature off, the App without the permission) GitHub answers 403, 404 or 422: that is an answer,
   * not a failure, and the case says so.
   */
  async createDraftAdvisory(
    repository: RepositoryRef,
    advisory: { summary: string; description: string; reporter?: string },
  ): Promise<DraftAdvisoryResult> {
    try {
      const { data } = await this.octokit.rest.securityAdvisories.createRepositoryAdvisory({
        ...repository,
        summary: advisory.summary,
        description: advisory.description,
        vulnerabilities: [{ package: { ecosystem: "other", name: repository.repo } }],
        ...(advisory.reporter ? { credits: [{ login: advisory.reporter, type: "reporter" as const }] } : {}),
      });
      return { status: "draft", ghsaId: data.ghsa_id, url: data.html_url };
    } catch (error) {
      if (hasStatus(error, 403, 404, 422)) {
        return { status: "not-available", reason: `GitHub answered ${(error as { status: number }).status}` };
      }
      throw error;
    }
  }

  /**
   * A draft advisory the app opened earlier for this case, found by its marker, so a redelivery opens no second one.
   * A draft someone else wrote (a private vulnerability report a maintainer accepted, say) may carry the same marker
   * in its reporter's text: only the app's own count. While the app's bot login is not yet known, that means a
   * second draft at worst, never someone else's.
   */
  async findDraftAdvisory(repository: RepositoryRef, marker: string): Promise<{ ghsaId: string; url: string } | null> {
    try {
      const advisories = await this.octokit.paginate(this.octokit.rest.securityAdvisories.listRepositoryAdvisories, {
        ...repository,
        state: "draft",
        per_page: 100,
      });
      const found = advisories.find(
        (advisory) => advisory.description?.includes(marker) && isWrittenByApp({ user: advisory.author }, this.identity),
      );
      return found ? { ghsaId: found.ghsa_id, url: found.html_url } : null;
    } catch (error) {
      if (hasStatus(error, 403, 404)) return null;
      throw error;
    }
  }

  /** The commenter's role on the repository (src/github/permissions.ts). */
  async permissionOf(repository: RepositoryRef, username: string): Promise<PermissionLevel> {
    return collaboratorRole(this.octokit, repository, username);
  }
}

export function permits(level: PermissionLevel, required: PermissionLevel): boolean {
  return required === "none" || roleAtLeast(level, required);
}
