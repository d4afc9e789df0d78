import type { ProbotOctokit } from "probot";
import type { CaseRecord } from "../case/case-record.js";
import { asCaseRecord, isAppComment, isAppIssue, readTrustedCase, type CaseReading } from "./case-trust.js";
import { loadRepositoryConfig, type ConfigFileRef, type RepositoryConfig } from "../config/repository-config.js";
import { CodeGateway } from "./code-gateway.js";
import type { GatewayCache, PendingAcknowledgements } from "./gateway-cache.js";
import type { AdvisoryRef, RepositoryRef } from "./refs.js";
import { hasStatus } from "./status.js";
import { AdvisoryComments, type CommentResult } from "./advisory-comments.js";

/**
 * The one place that talks to GitHub. Retries and throttling come from Probot's Octokit plugins; this class adds
 * conditional requests, short-lived caches for what rarely changes (config files, repository visibility), the
 * expected-status handling (404, 410, 422) and the private-repository check.
 */

export interface TrackingIssue {
  number: number;
  url: string;
  body: string;
  record: CaseRecord;
}

const VISIBILITY_TTL_MS = 60_000;
const CONFIG_TTL_MS = 60_000;

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

  /** Reads of a repository's code for the claims check, each reader with its own budget of GitHub calls. */
  codeReader(repository: RepositoryRef): CodeGateway {
    return new CodeGateway(this.octokit, this.cache.code, this.installationId, repository);
  }

  /**
   * A repository's policy. It is resolved again only when a file it was made from reads differently: the same
   * object comes back otherwise, so its parse, validation, compiled patterns and business calendar are made once
   * per policy version instead of once per report.
   */
  async readPolicy(repository: RepositoryRef): Promise<RepositoryConfig> {
    const cacheKey = `${this.installationId}:${repository.owner}/${repository.repo}`.toLowerCase();
    const remembered = this.cache.policies.get(cacheKey);
    if (remembered && (await this.readsTheSame(remembered.reads))) return remembered.policy;
    const reads: { ref: ConfigFileRef; text: string | null }[] = [];
    const policy = await loadRepositoryConfig(async (ref) => {
      const text = await this.readConfigFile(ref);
      reads.push({ ref, text });
      return text;
    }, repository);
    this.cache.policies.set(cacheKey, { reads, policy });
    return policy;
  }

  /** Loading a policy is a function of the texts it reads, in order: the same texts make the same policy. */
  private async readsTheSame(reads: { ref: ConfigFileRef; text: string | null }[]): Promise<boolean> {
    for (const read of reads) {
      if ((await this.readConfigFile(read.ref)) !== read.text) return false;
    }
    return true;
  }

  /**
   * Whether a repository is private: `visibility: private`. An `internal` repository is also `private: true` to the
   * API, yet the whole enterprise can read it, so it is not private for report content. A positive answer is cached
   * for a minute; any other is never cached.
   */
  async isPrivateRepository(repository: RepositoryRef): Promise<boolean> {
    return (await this.repositoryVisibility(repository)) === "private";
  }

  async repositoryVisibility(repository: RepositoryRef): Promise<RepositoryVisibility> {
    const cacheKey = `${this.installationId}:${repository.owner}/${repository.repo}`.toLowerCase();
    const checkedAt = this.cache.privateRepositories.get(cacheKey);
    if (checkedAt !== undefined && this.now() - checkedAt < VISIBILITY_TTL_MS) return "private";
    const { data } = await this.octokit.rest.repos.get({ owner: repository.owner, repo: repository.repo });
    const visibility = visibilityOf(data);
    if (visibility === "private") this.cache.privateRepositories.set(cacheKey, this.now());
    else this.cache.privateRepositories.delete(cacheKey);
    return visibility;
  }

  /**
   * The tracking issue of a case. Recently opened cases are remembered, since GitHub's search index lags behind
   * issue creation by seconds; older ones are found through search and confirmed by their case block.
   */
  async findTrackingIssue(repository: RepositoryRef, caseKey: string): Promise<TrackingIssue | null> {
    const recentKey = `${repository.owner}/${repository.repo}#${caseKey}`.toLowerCase();
    const recentNumber = await this.cache.recentCases.recall(recentKey);
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
        await this.cache.recentCases.remember(recentKey, found.number);
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
      ...asCaseRecord,
    });
    await this.cache.recentCases.remember(`${repository.owner}/${repository.repo}#${caseKey}`.toLowerCase(), data.number);
    return { number: data.number, url: data.html_url };
  }

  async updateTrackingIssue(repository: RepositoryRef, issueNumber: number, changes: { body?: string; labels?: string[] }): Promise<void> {
    await this.octokit.rest.issues.update({ ...repository, issue_number: issueNumber, ...changes, ...asCaseRecord });
  }

  /**
   * The app's notice to maintainers, opened once: an issue the app opened with exactly `notice.title` is reused. One
   * with that title by anyone else is not the app's notice (in a public repository, anyone could open it first).
   */
  async ensureNotice(repository: RepositoryRef, notice: { title: string; body: string }): Promise<void> {
    const { data } = await this.octokit.rest.search.issuesAndPullRequests({
      q: `repo:${repository.owner}/${repository.repo} is:issue in:title "${notice.title}"`,
      per_page: 5,
    });
    if (!data.items.some((item) => item.title === notice.title && isAppIssue(item))) await this.createIssue(repository, notice);
  }

  async createIssue(repository: RepositoryRef, issue: { title: string; body: string }): Promise<number> {
    const { data } = await this.octokit.rest.issues.create({
      owner: repository.owner,
      repo: repository.repo,
      title: issue.title,
      body: issue.body,
    });
    return data.number;
  }

  /**
   * Whether the advisory already carries a comment with `marker`. GitHub's advisory comments API is in public
   * preview: when it does not answer (404), the caller falls back to relaying through a maintainer.
   */
  async findAdvisoryComment(advisory: AdvisoryRef, marker: string): Promise<{ id: number } | null | "unavailable"> {
    const comments = await this.advisoryComments().list(advisory);
    if (comments === "unavailable") return "unavailable";
    const found = comments.find((comment) => comment.writtenByTheApp && comment.body.includes(marker));
    return found ? { id: found.id } : null;
  }

  async addAdvisoryComment(advisory: AdvisoryRef, body: string): Promise<CommentResult> {
    const comments = this.advisoryComments();
    if (comments.unavailable()) return { status: "unavailable", reason: "comments-api-unavailable" };
    return comments.post(advisory, body);
  }

  /** Closes a repository advisory that will not be handled (a blocked reporter's report). */
  async closeAdvisory(advisory: AdvisoryRef): Promise<void> {
    await this.octokit.rest.securityAdvisories.updateRepositoryAdvisory({
      owner: advisory.owner,
      repo: advisory.repo,
      ghsa_id: advisory.ghsaId,
      state: "closed",
    });
  }

  async addLabels(repository: RepositoryRef, issueNumber: number, labels: string[]): Promise<void> {
    await this.octokit.rest.issues.addLabels({ ...repository, issue_number: issueNumber, labels });
  }

  /** Acknowledgements posted whose case is not open yet (intake acknowledges first). */
  pendingAcknowledgements(): PendingAcknowledgements {
    return this.cache.pendingAcknowledgements;
  }

  /** True while a recent 404 from the advisory comments API says this installation cannot use it. */
  knowsCommentsApiUnavailable(): boolean {
    return this.advisoryComments().unavailable();
  }

  private advisoryComments(): AdvisoryComments {
    return new AdvisoryComments(this.octokit, this.cache, this.installationId, this.now);
  }

  /** Counts every request this gateway's Octokit makes from now on, answered 304 or not: the sweep's budget and measure. */
  countRequests(): () => number {
    let count = 0;
    this.octokit.hook.before("request", () => {
      count += 1;
    });
    return () => count;
  }

  /**
   * Counts the requests GitHub answers 304 Not Modified from now on: conditional requests whose remembered answer was
   * still good, which GitHub does not count against the rate limit.
   */
  countConditionalHits(): () => number {
    let count = 0;
    this.octokit.hook.error("request", (error) => {
      if (hasStatus(error, 304)) count += 1;
      throw error;
    });
    return () => count;
  }

  /** The repositories this installation can see, 100 a page, each page revalidated with its ETag. */
  async listInstallationRepositories(): Promise<InstallationRepository[]> {
    const repositories = await this.listPages<{
      full_name: string;
      private: boolean;
      visibility?: string;
      archived?: boolean;
      owner: { login: string; type?: string };
    }>("GET /installation/repositories", {}, (data) => (data as { repositories: [] }).repositories);
    return repositories.map((repository) => ({
      fullName: repository.full_name,
      owner: repository.owner.login,
      ownerIsOrganization: repository.owner.type === "Organization",
      isPrivate: visibilityOf(repository) === "private",
      archived: repository.archived === true,
    }));
  }

  /**
   * The open tracking issues of a repository: issues labelled `disclosure`, 100 a page. Each page is a conditional
   * request, so a sweep over an unchanged repository spends no rate-limit quota on them.
   */
  async listOpenCases(repository: RepositoryRef): Promise<OpenCaseIssue[]> {
    return this.listCaseIssues(repository, "open");
  }

  /** Every tracking issue of a repository, open or closed, for the metrics report. */
  async listCases(repository: RepositoryRef): Promise<OpenCaseIssue[]> {
    return this.listCaseIssues(repository, "all");
  }

  private async listCaseIssues(repository: RepositoryRef, state: "open" | "all"): Promise<OpenCaseIssue[]> {
    const issues = await this.listPages<{
      number: number;
      html_url: string;
      body?: string | null;
      labels: (string | { name?: string })[];
      pull_request?: unknown;
    }>("GET /repos/{owner}/{repo}/issues", { ...repository, state, labels: "disclosure", sort: "created", direction: "asc" });
    return issues
      .filter((issue) => !issue.pull_request)
      .map((issue) => ({
        number: issue.number,
        url: issue.html_url,
        body: issue.body ?? "",
        labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
        reading: readTrustedCase(issue),
      }));
  }

  /** One tracking issue as it is now, read again under the case's lock before the sweep writes it. */
  async getOpenCase(repository: RepositoryRef, issueNumber: number): Promise<OpenCaseIssue & { open: boolean }> {
    const { data } = await this.octokit.rest.issues.get({ ...repository, issue_number: issueNumber });
    return {
      number: data.number,
      url: data.html_url,
      body: data.body ?? "",
      labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      reading: readTrustedCase(data),
      open: data.state === "open",
    };
  }

  /**
   * Repository security advisories in triage state (private reports not yet accepted), most recently updated first:
   * one listing for an organisation, or one per repository for a personal account.
   */
  async listTriageAdvisories(owner: { org: string } | RepositoryRef): Promise<TriageAdvisory[]> {
    const params = { state: "triage", sort: "updated", direction: "desc" };
    const advisories =
      "org" in owner
        ? await this.listPages<TriageAdvisory>("GET /orgs/{org}/security-advisories", { org: owner.org, ...params })
        : await this.listPages<TriageAdvisory>("GET /repos/{owner}/{repo}/security-advisories", { ...owner, ...params });
    return advisories.filter((advisory) => advisory.state === "triage");
  }

  /** Which of `markers` the app's own comments on the issue already carry: one listing, however many markers are asked about. */
  async findIssueCommentMarkers(repository: RepositoryRef, issueNumber: number, markers: string[]): Promise<Set<string>> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...repository,
      issue_number: issueNumber,
      per_page: 100,
    });
    return new Set(markers.filter((marker) => comments.some((comment) => isAppComment(comment) && comment.body?.includes(marker))));
  }

  /** The numbers of the repository's open case issues that GitHub's issue search finds for `where`, at most `max`. */
  async searchOpenCases(repository: RepositoryRef, where: string, max: number): Promise<number[]> {
    const q = `repo:${repository.owner}/${repository.repo} is:issue is:open label:disclosure ${where}`;
    const numbers: number[] = [];
    for await (const { data } of this.octokit.paginate.iterator(this.octokit.rest.search.issuesAndPullRequests, { q, per_page: 100 })) {
      for (const item of data)
        if (!item.pull_request && item.repository_url.toLowerCase().endsWith(`/repos/${repository.owner}/${repository.repo}`.toLowerCase()))
          numbers.push(item.number);
      if (numbers.length >= max) break;
    }
    return numbers.slice(0, max);
  }

  /** Every comment on an issue, oldest first, with who wrote it. */
  async listIssueComments(repository: RepositoryRef, issueNumber: number): Promise<IssueComment[]> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...repository,
      issue_number: issueNumber,
      per_page: 100,
    });
    return comments.map((comment) => ({ id: comment.id, url: comment.html_url, author: comment.user?.login, body: comment.body ?? "" }));
  }

  async updateIssueComment(repository: RepositoryRef, commentId: number, body: string): Promise<void> {
    await this.octokit.rest.issues.updateComment({ ...repository, comment_id: commentId, body });
  }

  async addIssueComment(repository: RepositoryRef, issueNumber: number, body: string): Promise<number> {
    const { data } = await this.octokit.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
    return data.id;
  }

  /** Removes a label; one that is already gone (404) is fine. */
  async removeLabel(repository: RepositoryRef, issueNumber: number, name: string): Promise<void> {
    try {
      await this.octokit.rest.issues.removeLabel({ ...repository, issue_number: issueNumber, name });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
    }
  }

  /** Writes the final body and closes the issue in one request, so the record and the closing cannot part. */
  async closeTrackingIssue(repository: RepositoryRef, issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.update({
      ...repository,
      issue_number: issueNumber,
      body,
      state: "closed",
      state_reason: "not_planned",
      ...asCaseRecord,
    });
  }

  /** The `updated_at` of a triage advisory when reconciliation last found nothing to do for it. */
  reconciledVersion(ghsaId: string): string | undefined {
    return this.cache.reconciledAdvisories.get(`${this.installationId}:${ghsaId}`);
  }

  rememberReconciled(ghsaId: string, updatedAt: string | null): void {
    if (updatedAt !== null) this.cache.reconciledAdvisories.set(`${this.installationId}:${ghsaId}`, updatedAt);
  }

  /**
   * Every page of a listing, following GitHub's `link: rel="next"` (page numbers and cursors alike). Each page is
   * asked with the ETag it had last time; a 304 reuses the remembered page, which GitHub does not count against
   * the rate limit.
   */
  private async listPages<T>(
    route: string,
    params: Record<string, unknown>,
    itemsOf: (data: unknown) => unknown[] = (data) => data as unknown[],
  ): Promise<T[]> {
    const items: T[] = [];
    const firstKey = `${this.installationId}:${route}:${JSON.stringify(params)}`;
    let next: string | undefined = route;
    for (let page = 1; next !== undefined; page += 1) {
      const cacheKey = `${firstKey}#${page}`;
      const cached = this.cache.listingPages.get(cacheKey);
      const conditional = cached ? { headers: { "if-none-match": cached.etag } } : {};
      try {
        const response =
          page === 1
            ? await this.octokit.request(route, { ...params, per_page: 100, ...conditional })
            : await this.octokit.request(`GET ${next}`, conditional);
        const pageItems = itemsOf(response.data);
        next = nextPageUrl(response.headers.link);
        if (response.headers.etag) this.cache.listingPages.set(cacheKey, { etag: response.headers.etag, items: pageItems, next });
        items.push(...(pageItems as T[]));
      } catch (error) {
        if (!(hasStatus(error, 304) && cached)) throw error;
        next = cached.next;
        items.push(...(cached.items as T[]));
      }
    }
    return items;
  }
}

export type RepositoryVisibility = "private" | "internal" | "public";

/** A repository's visibility as GitHub states it; where it does not (older servers), `private` decides. */
export function visibilityOf(repository: { visibility?: string; private: boolean }): RepositoryVisibility {
  if (repository.visibility === "private" || repository.visibility === "internal" || repository.visibility === "public")
    return repository.visibility;
  return repository.private ? "private" : "public";
}

export interface InstallationRepository {
  fullName: string;
  owner: string;
  ownerIsOrganization: boolean;
  isPrivate: boolean;
  archived: boolean;
}

export interface IssueComment {
  id: number;
  url: string;
  author: string | undefined;
  body: string;
}

export interface OpenCaseIssue {
  number: number;
  url: string;
  body: string;
  labels: string[];
  reading: CaseReading;
}

/** The fields of a repository advisory that reconciliation reads. */
export interface TriageAdvisory {
  ghsa_id: string;
  url: string;
  html_url: string;
  summary: string;
  description: string | null;
  state: string;
  severity: "critical" | "high" | "medium" | "low" | null;
  cvss?: { vector_string: string | null } | null;
  cwe_ids?: string[] | null;
  vulnerabilities?: { package: { ecosystem: string; name: string | null } | null; vulnerable_version_range: string | null }[] | null;
  author?: { login: string } | null;
  created_at: string | null;
  updated_at: string | null;
}

function nextPageUrl(link: string | undefined): string | undefined {
  return link
    ?.split(",")
    .map((part) => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1])
    .find((url) => url !== undefined);
}

function toTrackingIssue(
  issue: { number: number; html_url: string; body?: string | null; pull_request?: unknown },
  caseKey: string,
): TrackingIssue | null {
  if (issue.pull_request) return null;
  const reading = readTrustedCase(issue);
  if (reading.status !== "found" || reading.record.key !== caseKey) return null;
  return { number: issue.number, url: issue.html_url, body: issue.body ?? "", record: reading.record };
}
