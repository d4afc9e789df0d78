import type { ProbotOctokit } from "probot";
import { readCaseBlock, type CaseRecord } from "../case/case-record.js";
import type { ConfigFileRef } from "../config/repository-config.js";
import type { GatewayCache } from "./gateway-cache.js";

/**
 * The one place that talks to GitHub. Retries and throttling come from Probot's Octokit plugins; this class adds
 * conditional requests, short-lived caches for what rarely changes (config files, repository visibility), the
 * expected-status handling (404, 410, 422) and the private-repository check.
 */

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface AdvisoryRef extends RepositoryRef {
  ghsaId: string;
}

export interface TrackingIssue {
  number: number;
  url: string;
  body: string;
  record: CaseRecord;
}

export type CommentResult = { status: "sent"; id: number } | { status: "unavailable"; reason: string };

const VISIBILITY_TTL_MS = 60_000;
const CONFIG_TTL_MS = 60_000;
const COMMENTS_API_RETRY_MS = 10 * 60_000;

export function parseRepository(fullName: string): RepositoryRef {
  const [owner, repo] = fullName.split("/");
  if (!owner || !repo) throw new Error(`not a repository name: ${fullName}`);
  return { owner, repo };
}

export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return typeof error === "object" && error !== null && statuses.includes((error as { status?: number }).status ?? 0);
}

export class GitHubGateway {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly cache: GatewayCache,
    private readonly installationId: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A config file's raw text on the default branch, or null. An answer is reused for a minute without asking; after
   * that it is revalidated with its ETag, so an unchanged file costs no rate-limit quota.
   */
  async readConfigFile(ref: ConfigFileRef): Promise<string | null> {
    const cacheKey = `${this.installationId}:${ref.owner}/${ref.repo}:${ref.path}`.toLowerCase();
    const cached = this.cache.configFiles.get(cacheKey);
    if (cached && this.now() - cached.checkedAt < CONFIG_TTL_MS) return cached.text;
    try {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        ...ref,
        mediaType: { format: "raw" },
        ...(cached?.etag ? { headers: { "if-none-match": cached.etag } } : {}),
      });
      const text = typeof response.data === "string" ? response.data : null;
      this.cache.configFiles.set(cacheKey, { etag: response.headers.etag, text, checkedAt: this.now() });
      return text;
    } catch (error) {
      if (hasStatus(error, 304) && cached) {
        this.cache.configFiles.set(cacheKey, { ...cached, checkedAt: this.now() });
        return cached.text;
      }
      if (hasStatus(error, 404)) {
        this.cache.configFiles.set(cacheKey, { text: null, checkedAt: this.now() });
        return null;
      }
      throw error;
    }
  }

  /** Whether a repository is private. A positive answer is cached for a minute; a public one is never cached. */
  async isPrivateRepository(repository: RepositoryRef): Promise<boolean> {
    const cacheKey = `${this.installationId}:${repository.owner}/${repository.repo}`.toLowerCase();
    const checkedAt = this.cache.privateRepositories.get(cacheKey);
    if (checkedAt !== undefined && this.now() - checkedAt < VISIBILITY_TTL_MS) return true;
    const { data } = await this.octokit.rest.repos.get({ owner: repository.owner, repo: repository.repo });
    if (data.private) this.cache.privateRepositories.set(cacheKey, this.now());
    else this.cache.privateRepositories.delete(cacheKey);
    return data.private;
  }

  /**
   * The tracking issue of a case. Recently opened cases are remembered, since GitHub's search index lags behind
   * issue creation by seconds; older ones are found through search and confirmed by their case block.
   */
  async findTrackingIssue(repository: RepositoryRef, caseKey: string): Promise<TrackingIssue | null> {
    const recentKey = `${repository.owner}/${repository.repo}#${caseKey}`.toLowerCase();
    const recentNumber = this.cache.recentCases.get(recentKey);
    if (recentNumber !== undefined) {
      const { data } = await this.octokit.rest.issues.get({ ...repository, issue_number: recentNumber });
      const found = toTrackingIssue(data, caseKey);
      if (found) return found;
    }
    const { data } = await this.octokit.rest.search.issuesAndPullRequests({
      q: `repo:${repository.owner}/${repository.repo} is:issue in:title "${caseKey}"`,
      per_page: 20,
    });
    for (const item of data.items) {
      const found = toTrackingIssue(item, caseKey);
      if (found) {
        this.cache.recentCases.set(recentKey, found.number);
        return found;
      }
    }
    return null;
  }

  async createTrackingIssue(
    repository: RepositoryRef,
    issue: { title: string; body: string; labels: string[] },
    caseKey: string,
  ): Promise<{ number: number; url: string }> {
    const { data } = await this.octokit.rest.issues.create({
      owner: repository.owner,
      repo: repository.repo,
      title: issue.title,
      body: issue.body,
      labels: issue.labels,
    });
    this.cache.recentCases.set(`${repository.owner}/${repository.repo}#${caseKey}`.toLowerCase(), data.number);
    return { number: data.number, url: data.html_url };
  }

  async updateTrackingIssue(
    repository: RepositoryRef,
    issueNumber: number,
    changes: { body?: string; labels?: string[] },
  ): Promise<void> {
    await this.octokit.rest.issues.update({ ...repository, issue_number: issueNumber, ...changes });
  }

  /** An issue whose title is exactly `title`, used for the app's own notices to maintainers. */
  async findIssueByTitle(repository: RepositoryRef, title: string): Promise<number | null> {
    const { data } = await this.octokit.rest.search.issuesAndPullRequests({
      q: `repo:${repository.owner}/${repository.repo} is:issue in:title "${title}"`,
      per_page: 5,
    });
    return data.items.find((item) => item.title === title)?.number ?? null;
  }

  async createIssue(repository: RepositoryRef, issue: { title: string; body: string }): Promise<number> {
    const { data } = await this.octokit.rest.issues.create({ owner: repository.owner, repo: repository.repo, title: issue.title, body: issue.body });
    return data.number;
  }

  /**
   * Whether the advisory already carries a comment with `marker`. GitHub's advisory comments API is in public
   * preview: when it does not answer (404), the caller falls back to relaying through a maintainer.
   */
  async findAdvisoryComment(advisory: AdvisoryRef, marker: string): Promise<{ id: number } | null | "unavailable"> {
    if (this.commentsApiUnavailable()) return "unavailable";
    try {
      const comments = await this.octokit.paginate<{ id: number; body?: string | null }>(
        "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments",
        { owner: advisory.owner, repo: advisory.repo, ghsa_id: advisory.ghsaId, per_page: 100 },
      );
      const found = comments.find((comment) => comment.body?.includes(marker));
      return found ? { id: found.id } : null;
    } catch (error) {
      if (hasStatus(error, 404)) {
        this.markCommentsApiUnavailable();
        return "unavailable";
      }
      throw error;
    }
  }

  async addAdvisoryComment(advisory: AdvisoryRef, body: string): Promise<CommentResult> {
    if (this.commentsApiUnavailable()) return { status: "unavailable", reason: "the advisory comments API is not available" };
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
        this.markCommentsApiUnavailable();
        return { status: "unavailable", reason: "the advisory comments API answered 404" };
      }
      throw error;
    }
  }

  async addLabels(repository: RepositoryRef, issueNumber: number, labels: string[]): Promise<void> {
    await this.octokit.rest.issues.addLabels({ ...repository, issue_number: issueNumber, labels });
  }

  /** True while a recent 404 from the advisory comments API says this installation cannot use it. */
  knowsCommentsApiUnavailable(): boolean {
    return this.commentsApiUnavailable();
  }

  private commentsApiUnavailable(): boolean {
    const until = this.cache.commentsApiUnavailableUntil.get(this.installationId);
    return until !== undefined && this.now() < until;
  }

  private markCommentsApiUnavailable(): void {
    this.cache.commentsApiUnavailableUntil.set(this.installationId, this.now() + COMMENTS_API_RETRY_MS);
  }
}

function toTrackingIssue(
  issue: { number: number; html_url: string; body?: string | null; pull_request?: unknown },
  caseKey: string,
): TrackingIssue | null {
  if (issue.pull_request) return null;
  const reading = readCaseBlock(issue.body);
  if (reading.status !== "found" || reading.record.key !== caseKey) return null;
  return { number: issue.number, url: issue.html_url, body: issue.body ?? "", record: reading.record };
}
