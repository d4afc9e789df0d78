import type { ProbotOctokit } from "probot";
import type { RelayReason } from "../case/relay.js";
import { isAppComment } from "./case-trust.js";
import type { GatewayCache } from "./gateway-cache.js";
import type { AdvisoryRef } from "./refs.js";
import { hasStatus } from "./status.js";

/**
 * A repository advisory's comments, the one way to write to its researcher on GitHub. The API is in public preview:
 * a 404 marks it unavailable for this installation for a while, shared by every gateway through the cache, and the
 * caller relays through a maintainer instead.
 */

const COMMENTS_API_RETRY_MS = 10 * 60_000;

export type CommentResult = { status: "sent"; id: number } | { status: "unavailable"; reason: RelayReason };

export interface AdvisoryComment {
  id: number;
  body: string;
  author: string;
  authorType: string;
  /** GitHub says the app itself wrote it: only then does a marker in it count. */
  writtenByTheApp: boolean;
  createdAt: string;
  updatedAt: string;
}

export class AdvisoryComments {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly cache: GatewayCache,
    private readonly installationId: number,
    private readonly now: () => number,
  ) {}

  /** True while a recent 404 says this installation cannot use the advisory comments API. */
  unavailable(): boolean {
    const until = this.cache.commentsApiUnavailableUntil.get(this.installationId);
    return until !== undefined && this.now() < until;
  }

  /** The advisory's comments updated at or after `since` (all when absent), oldest first, or "unavailable". */
  async list(advisory: AdvisoryRef, since?: string): Promise<AdvisoryComment[] | "unavailable"> {
    if (this.unavailable()) return "unavailable";
    try {
      const comments = await this.octokit.paginate<{
        id: number;
        body?: string | null;
        user?: { login: string; type?: string } | null;
        created_at: string;
        updated_at: string;
      }>("GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments", {
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
        per_page: 100,
        ...(since === undefined ? {} : { since }),
      });
      return comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? "",
        author: comment.user?.login ?? "ghost",
        authorType: comment.user?.type ?? "User",
        writtenByTheApp: isAppComment(comment),
        createdAt: comment.created_at,
        updatedAt: comment.updated_at,
      }));
    } catch (error) {
      if (hasStatus(error, 404)) {
        this.markUnavailable();
        return "unavailable";
      }
      throw error;
    }
  }

  /** Posts a comment; a 404 or 410 marks the API unavailable and says so instead of throwing. */
  async post(advisory: AdvisoryRef, body: string): Promise<CommentResult> {
    try {
      const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments", {
        owner: advisory.owner,
        repo: advisory.repo,
        ghsa_id: advisory.ghsaId,
        body,
      });
      return { status: "sent", id: (data as { id: number }).id };
    } catch (error) {
      if (hasStatus(error, 404, 410)) {
        this.markUnavailable();
        return { status: "unavailable", reason: "comments-api-not-found" };
      }
      throw error;
    }
  }

  private markUnavailable(): void {
    this.cache.commentsApiUnavailableUntil.set(this.installationId, this.now() + COMMENTS_API_RETRY_MS);
  }
}
