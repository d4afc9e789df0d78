import type { ProbotOctokit } from "probot";
import { hasStatus } from "./status.js";
import type { RepositoryRef } from "./refs.js";

/**
 * Pull requests that keep a published document true: Disclosure Desk never writes to a default branch, it proposes a
 * file on a branch of its own (`disclosure-desk/<name>`) and keeps one open pull request for it, found by its head
 * branch and carrying a hidden marker. Running a proposal twice opens one pull request and writes nothing the second
 * time; a proposal whose content the default branch already holds writes nothing at all.
 */

export const PROPOSAL_BRANCH_PREFIX = "disclosure-desk/";

export interface FileProposal {
  repository: RepositoryRef;
  /** Path of the file in the repository, e.g. `SECURITY.md`. */
  path: string;
  content: string;
  /** The full branch name; it must start with `disclosure-desk/`, since Disclosure Desk moves it as it sees fit. */
  branch: string;
  title: string;
  /** The pull request's body; `marker` is added when it is not in it. */
  body: string;
  /** A hidden HTML comment naming the proposal, e.g. `<!-- disclosure-desk:proposal security-md -->`. */
  marker: string;
}

export interface ProposedPullRequest {
  number: number;
  url: string;
}

export type ProposalOutcome =
  /** The default branch already holds this content: nothing written. */
  | { status: "unchanged" }
  /** A maintainer closed the pull request proposing this very content: it is not proposed again until it changes. */
  | { status: "declined"; pullRequest: ProposedPullRequest }
  | { status: "opened" | "updated" | "current"; pullRequest: ProposedPullRequest; committed: boolean };

/** Whether private vulnerability reporting is on; `unknown` when GitHub does not say (permission, platform). */
export type PrivateReportingState = "enabled" | "disabled" | "unknown";

interface FileOnBranch {
  sha: string;
  text: string;
}

interface PullSummary {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
}

export class ProposalsGateway {
  constructor(private readonly octokit: ProbotOctokit) {}

  /**
   * Proposes `content` at `path` through a pull request:
   * 1. read the default branch and the file on it; stop when the file already says this;
   * 2. create the proposal branch from the default branch, or, when it holds something else, move it onto the
   *    default branch again (it is Disclosure Desk's own branch: one commit on top of the default branch);
   * 3. write the file on the branch (with the file's blob SHA when it exists);
   * 4. update the open pull request of that branch, or open one.
   */
  async proposeFile(proposal: FileProposal): Promise<ProposalOutcome> {
    if (!proposal.branch.startsWith(PROPOSAL_BRANCH_PREFIX) || proposal.branch.length === PROPOSAL_BRANCH_PREFIX.length) {
      throw new Error(`proposal branches start with ${PROPOSAL_BRANCH_PREFIX}: ${proposal.branch}`);
    }
    const { repository, path, content, branch } = proposal;
    const body = proposal.body.includes(proposal.marker) ? proposal.body : `${proposal.body}\n\n${proposal.marker}`;

    // 1. The default branch and what it says now.
    const { data: repo } = await this.octokit.request("GET /repos/{owner}/{repo}", { ...repository });
    const base = repo.default_branch;
    const baseSha = await this.branchSha(repository, base);
    if (baseSha === null) throw new Error(`the default branch ${base} of ${repository.owner}/${repository.repo} has no commit`);
    const onBase = await this.readFile(repository, path, base);
    if (onBase?.text === content) return { status: "unchanged" };

    // 2. The proposal branch, holding this content already or rebuilt on the default branch.
    let branchSha = await this.branchSha(repository, branch);
    let committed = false;
    const onBranch = branchSha === null ? null : await this.readFile(repository, path, branch);
    if (onBranch?.text !== content) {
      if (branchSha === null) {
        branchSha = await this.createBranch(repository, branch, baseSha);
      }
      if (branchSha !== baseSha) {
        await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
          ...repository,
          ref: `heads/${branch}`,
          sha: baseSha,
          force: true,
        });
      }
      // 3. The file, on the branch.
      await this.octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
        ...repository,
        path,
        message: proposal.title,
        content: Buffer.from(content, "utf8").toString("base64"),
        branch,
        ...(onBase ? { sha: onBase.sha } : {}),
      });
      committed = true;
    }

    // 4. The pull request: the open one of the branch, else a new one (unless this content was declined).
    const open = await this.findPullRequest(repository, branch, "open");
    if (open) {
      const current = open.title === proposal.title && (open.body ?? "") === body;
      if (!current) {
        await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
          ...repository,
          pull_number: open.number,
          title: proposal.title,
          body,
        });
      }
      return { status: current ? "current" : "updated", pullRequest: view(open), committed };
    }
    if (!committed) {
      const closed = await this.findPullRequest(repository, branch, "closed");
      if (closed) return { status: "declined", pullRequest: view(closed) };
    }
    return {
      status: "opened",
      pullRequest: await this.openPullRequest(repository, { branch, base, title: proposal.title, body }),
      committed,
    };
  }

  /** Whether private vulnerability reporting is enabled on a repository (needs `administration: read`). */
  async privateReporting(repository: RepositoryRef): Promise<PrivateReportingState> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/private-vulnerability-reporting", { ...repository });
      return data.enabled ? "enabled" : "disabled";
    } catch (error) {
      if (hasStatus(error, 403, 404)) return "unknown";
      throw error;
    }
  }

  /**
   * A file's text on the default branch, or null, read without any cache: right after a push the config must be the
   * one just pushed. Shaped as the config loader's reader.
   */
  async readText(ref: RepositoryRef & { path: string }): Promise<string | null> {
    try {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...ref, mediaType: { format: "raw" } });
      return typeof response.data === "string" ? response.data : null;
    } catch (error) {
      if (hasStatus(error, 404)) return null;
      throw error;
    }
  }

  /** The file as the branch of an open proposal holds it; null when no pull request of that branch is open. */
  async readOpenProposal(repository: RepositoryRef, path: string, branch: string): Promise<string | null> {
    if (!(await this.findPullRequest(repository, branch, "open"))) return null;
    return (await this.readFile(repository, path, branch))?.text ?? null;
  }

  /** Closes the open pull request of a proposal's branch, when there is one: what it proposed is no longer wanted. */
  async closeProposal(repository: RepositoryRef, branch: string): Promise<ProposedPullRequest | null> {
    const open = await this.findPullRequest(repository, branch, "open");
    if (!open) return null;
    await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...repository,
      pull_number: open.number,
      state: "closed",
    });
    return view(open);
  }

  private async branchSha(repository: RepositoryRef, branch: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repository, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (error) {
      // 409: an empty repository has no branch at all.
      if (hasStatus(error, 404, 409)) return null;
      throw error;
    }
  }

  private async createBranch(repository: RepositoryRef, branch: string, sha: string): Promise<string> {
    try {
      await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", { ...repository, ref: `refs/heads/${branch}`, sha });
      return sha;
    } catch (error) {
      // Another delivery created it a moment ago: carry on from where it points.
      if (!hasStatus(error, 422)) throw error;
      const existing = await this.branchSha(repository, branch);
      if (existing === null) throw error;
      return existing;
    }
  }

  private async readFile(repository: RepositoryRef, path: string, ref: string): Promise<FileOnBranch | null> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repository, path, ref });
      if (Array.isArray(data) || data.type !== "file") throw new Error(`${path} in ${repository.owner}/${repository.repo} is not a file`);
      const file = data as { sha: string; content?: string; encoding?: string };
      return { sha: file.sha, text: Buffer.from(file.content ?? "", file.encoding === "base64" ? "base64" : "utf8").toString("utf8") };
    } catch (error) {
      if (hasStatus(error, 404)) return null;
      throw error;
    }
  }

  private async findPullRequest(repository: RepositoryRef, branch: string, state: "open" | "closed"): Promise<PullSummary | null> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
      ...repository,
      head: `${repository.owner}:${branch}`,
      state,
      per_page: 10,
    });
    const pulls = data as PullSummary[];
    return pulls[0] ?? null;
  }

  private async openPullRequest(
    repository: RepositoryRef,
    pull: { branch: string; base: string; title: string; body: string },
  ): Promise<ProposedPullRequest> {
    try {
      const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/pulls", {
        ...repository,
        head: pull.branch,
        base: pull.base,
        title: pull.title,
        body: pull.body,
      });
      return { number: data.number, url: data.html_url };
    } catch (error) {
      // "A pull request already exists": another delivery opened it a moment ago.
      if (!hasStatus(error, 422)) throw error;
      const open = await this.findPullRequest(repository, pull.branch, "open");
      if (!open) throw error;
      return view(open);
    }
  }
}

function view(pull: PullSummary): ProposedPullRequest {
  return { number: pull.number, url: pull.html_url };
}
