import type { ProbotOctokit } from "probot";
import { isAppIssue, readTrustedCase, type CaseReading } from "./case-trust.js";
import type { RepositoryRef } from "./refs.js";

/**
 * The GitHub calls of the dashboard: the tracking repository's cases with their titles, the app's own dashboard
 * issues, and creating, rewriting or closing one. Issues come through the app's trusted Octokit, so whether the app
 * opened one and whether its case block can be believed are GitHub's answers, never the issue's text.
 */

/** The label of the app's dashboard issue in a tracking repository. */
export const DASHBOARD_LABEL = "disclosure-dashboard";

export interface CaseIssue {
  number: number;
  title: string;
  open: boolean;
  reading: CaseReading;
}

export interface DashboardIssue {
  number: number;
  body: string;
}

export class DashboardGateway {
  constructor(private readonly octokit: ProbotOctokit) {}

  /** Every case issue, open or closed, oldest first. */
  async listCases(repository: RepositoryRef): Promise<CaseIssue[]> {
    const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      ...repository,
      state: "all",
      labels: "disclosure",
      sort: "created",
      direction: "asc",
      per_page: 100,
    });
    return issues
      .filter((issue) => !issue.pull_request)
      .map((issue) => ({ number: issue.number, title: issue.title, open: issue.state === "open", reading: readTrustedCase(issue) }));
  }

  /** The open dashboard issues the app opened, oldest first; one labelled so by anyone else is not the app's. */
  async listDashboards(repository: RepositoryRef): Promise<DashboardIssue[]> {
    const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      ...repository,
      state: "open",
      labels: DASHBOARD_LABEL,
      sort: "created",
      direction: "asc",
      per_page: 100,
    });
    return issues
      .filter((issue) => !issue.pull_request && isAppIssue(issue))
      .map((issue) => ({ number: issue.number, body: issue.body ?? "" }))
      .sort((left, right) => left.number - right.number);
  }

  async createDashboard(repository: RepositoryRef, title: string, body: string): Promise<number> {
    const { data } = await this.octokit.rest.issues.create({ ...repository, title, body, labels: [DASHBOARD_LABEL] });
    return data.number;
  }

  async updateDashboard(repository: RepositoryRef, issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.update({ ...repository, issue_number: issueNumber, body });
  }

  /** A second dashboard (two replicas without a shared lock, or one restored by hand) is closed as a duplicate. */
  async closeDashboard(repository: RepositoryRef, issueNumber: number): Promise<void> {
    await this.octokit.rest.issues.update({ ...repository, issue_number: issueNumber, state: "closed", state_reason: "duplicate" });
  }
}
