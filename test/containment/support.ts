import type { Probot } from "probot";
import {
  issueCommentObject,
  issueObject,
  labelObject,
  organizationObject,
  userObject,
  type AuthorAssociation,
  type UserObject,
} from "../fixtures/github-objects.js";
import {
  installation,
  issuesOpenedPayload,
  maintainer,
  octoOrg,
  publicRepository,
  researcher,
  type WebhookPayload,
} from "../fixtures/webhook-payloads.js";
import { openworx, policyYaml } from "../fixtures/policies.js";
import { stripEnterprisePrefix } from "../harness/openapi.js";
import type { JournalEntry } from "../harness/standin/server.js";
import type { Permission } from "../harness/standin/state.js";
import { startTestGitHub, type IssueView, type TestGitHub } from "../helpers/github.js";

export const trackingRepository = "octo-org/security-cases";
export const publicName = publicRepository.full_name;
export const now = new Date("2026-11-16T09:01:00Z");

export const reportTitle = "Search endpoint returns other tenants' widgets";
/** Carriage returns, a mention, an issue reference, backticks, an attachment and non-ASCII: all must survive. */
export const reportBody = [
  "Requesting `/api/widgets/search?q=' OR 1=1--` on https://widgets.example.org/api/widgets/search?q=x returns every tenant's widgets.\r",
  "cc @octo-org/security — same root cause as #12? ```",
  "",
  "![poc](https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab)",
  "Groeten, Zoë 🔐",
].join("\n");

export const policyText = policyYaml(openworx, {
  policy: { contact: "mailto:security@example.org", safeHarbor: undefined },
  tracking: { repository: trackingRepository },
  sla: undefined,
  exclusions: undefined,
});

/** The app's bot account as GitHub names it in what the app wrote. */
export const appBot = userObject("disclosure-desk[bot]", 9_300_001, "Bot");

/** An issue as the stand-in holds it now: reading or setting its title, body or labels reads or changes GitHub's. */
export type StoredIssue = IssueView;

export interface StoredComment {
  id: number;
  repository: string;
  issueNumber: number;
  body: string;
  user: UserObject;
  authorAssociation: AuthorAssociation;
  createdAt: string;
}

export interface StoredAdvisory {
  repository: string;
  ghsaId: string;
  /** The advisory as GitHub holds it: what the app sent, in GitHub's shape. */
  request: Record<string, unknown>;
  author: UserObject | null;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: 422 | 500 | 502 | 503;
  /** How many matching requests fail; all when left out. */
  times?: number;
}

export interface ContainmentGitHubOptions {
  configFiles?: Record<string, string>;
  privateRepositories?: string[];
  /** Repositories where GitHub refuses advisories (403). */
  advisoriesDisabled?: string[];
  permissions?: Record<string, Permission>;
}

/** The stand-in, read and seeded the way the containment suites look at GitHub. */
export interface ContainmentGitHub {
  standIn: TestGitHub;
  url: string;
  mock: { requests: JournalEntry[]; problems(): string[] };
  issues: { get(repository: string): StoredIssue[] | undefined };
  readonly comments: StoredComment[];
  readonly advisories: StoredAdvisory[];
  addIssue(
    repository: string,
    issue: Pick<StoredIssue, "number" | "title" | "body" | "user" | "authorAssociation" | "createdAt"> & {
      labels?: string[];
      locked?: boolean;
      state?: "open" | "closed";
    },
  ): StoredIssue;
  addComment(comment: StoredComment): StoredComment;
  /** A draft advisory someone else wrote, e.g. a private report a maintainer accepted. */
  addAdvisory(advisory: { repository: string; ghsaId: string; summary: string; description: string; author: UserObject }): void;
  issue(repository: string, number: number): StoredIssue | undefined;
  commentsOn(repository: string, number: number): StoredComment[];
  failOn(failure: Failure): void;
  writes(): string[];
}

export async function setUp(
  options: ContainmentGitHubOptions & { body?: string; title?: string; authorAssociation?: AuthorAssociation; author?: UserObject } = {},
): Promise<ContainmentGitHub> {
  const standIn = await startTestGitHub({
    config: null,
    trackingPrivate: (options.privateRepositories ?? [trackingRepository]).includes(trackingRepository),
  });
  const { state } = standIn;
  const held = (repository: string) => {
    const found = state.repository(repository);
    if (!found) throw new Error(`no repository ${repository}`);
    return found;
  };
  // Containment starts from a repository without advisories: the fixture world's reported one is not part of it.
  held(publicName).advisories.clear();
  // The ids the suites assert: GHSA-c0nt-0001-ab12 for the first advisory the repository holds, and so on.
  state.nextGhsaId = () => {
    const count = [...state.repositories.values()].reduce((sum, repository) => sum + repository.advisories.size, 0);
    return `GHSA-c0nt-${String(count + 1).padStart(4, "0")}-ab12`;
  };
  for (const [key, text] of Object.entries(options.configFiles ?? { [`${publicName}:.github/disclosure.yml`]: policyText })) {
    const [repository, path] = key.split(":") as [string, string];
    held(repository).files.set(path, text);
  }
  for (const repository of options.advisoriesDisabled ?? []) held(repository).advisoriesEnabled = false;
  state.users.set(appBot.login.toLowerCase(), appBot);
  // Who may do what, on the reported repository and the tracking one alike.
  const roles: Record<string, Permission> = options.permissions ?? { [maintainer.login]: "write", [researcher.login]: "read" };
  for (const repository of [publicName, trackingRepository]) {
    const permissions = held(repository).permissions;
    permissions.clear();
    for (const [login, role] of Object.entries(roles)) permissions.set(login.toLowerCase(), role);
  }

  const issueView = (repository: string, number: number): StoredIssue | undefined =>
    standIn.issues(repository).find((issue) => issue.number === number);
  const commentViews = (repository: string): StoredComment[] =>
    [...(state.repository(repository)?.comments.values() ?? [])].map((comment) => ({
      id: comment.id,
      repository,
      issueNumber: Number(comment.issue_url.split("/").at(-1)),
      body: comment.body ?? "",
      user: comment.user,
      authorAssociation: comment.author_association as AuthorAssociation,
      createdAt: comment.created_at,
    }));
  const requests = () => standIn.journal.entries.map((entry) => ({ ...entry, path: stripEnterprisePrefix(entry.path) }));

  const github: ContainmentGitHub = {
    standIn,
    url: standIn.url,
    mock: {
      get requests() {
        return requests();
      },
      problems: () => standIn.journal.problems(),
    },
    issues: {
      get(repository) {
        const issues = standIn.issues(repository);
        return issues.length > 0 ? issues : undefined;
      },
    },
    get comments() {
      return [...state.repositories.values()].flatMap((repository) => commentViews(repository.repository.full_name));
    },
    get advisories() {
      return [...state.repositories.values()].flatMap((repository) =>
        [...repository.advisories.values()].map((advisory) => ({
          repository: repository.repository.full_name,
          ghsaId: advisory.ghsa_id,
          request: advisory as unknown as Record<string, unknown>,
          author: advisory.author,
        })),
      );
    },
    addIssue(repository, fields) {
      const target = held(repository);
      target.nextIssueNumber = fields.number;
      const issue = state.createIssue(target, { title: fields.title, body: fields.body, labels: fields.labels ?? [], user: fields.user });
      issue.author_association = fields.authorAssociation;
      issue.created_at = fields.createdAt;
      issue.updated_at = fields.createdAt;
      if (fields.locked) issue.locked = true;
      if (fields.state) issue.state = fields.state;
      return issueView(repository, fields.number) as StoredIssue;
    },
    addComment(comment) {
      const target = held(comment.repository);
      const issue = target.issues.get(comment.issueNumber);
      if (!issue) throw new Error(`no issue ${comment.repository}#${comment.issueNumber}`);
      state.createComment(target, issue, comment.body, comment.user, {
        id: comment.id,
        createdAt: comment.createdAt,
        authorAssociation: comment.authorAssociation,
      });
      return comment;
    },
    addAdvisory({ repository, ghsaId, summary, description, author }) {
      state.seedAdvisory(repository, { ghsaId, summary, description, author, state: "draft", submissionAccepted: true });
    },
    issue: issueView,
    commentsOn: (repository, number) => commentViews(repository).filter((comment) => comment.issueNumber === number),
    failOn({ method, path, status, times }) {
      standIn.faults.inject({ method, path }, { kind: "status", status }, times ?? 1000);
    },
    writes: () =>
      requests()
        .filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens"))
        .map((request) => `${request.method} ${request.path}`),
  };
  github.addIssue(publicName, {
    number: 42,
    title: options.title ?? reportTitle,
    body: options.body ?? reportBody,
    user: options.author ?? researcher,
    authorAssociation: options.authorAssociation ?? "NONE",
    createdAt: "2026-11-16T09:00:00Z",
  });
  return github;
}

export function issuePayload(
  github: ContainmentGitHub,
  action: "opened" | "edited" = "opened",
  number = 42,
): WebhookPayload<"issues.opened"> {
  const stored = github.issue(publicName, number);
  if (!stored) throw new Error("no public issue");
  const issue = issueObject({
    repositoryFullName: publicName,
    number,
    id: 3_100_000_000 + number,
    title: stored.title,
    body: stored.body,
    user: stored.user,
    labels: stored.labels.map((name, index) => labelObject(publicName, name, 8_100 + index)),
    locked: stored.locked,
    createdAt: stored.createdAt,
    authorAssociation: stored.authorAssociation,
  });
  const payload = issuesOpenedPayload({ issue });
  return (
    action === "opened" ? payload : { ...payload, action: "edited", changes: { body: { from: "" } } }
  ) as WebhookPayload<"issues.opened">;
}

export function commentPayload(
  github: ContainmentGitHub,
  comment: { id: number; body: string; login?: string; association?: AuthorAssociation },
): WebhookPayload<"issue_comment.created"> {
  const stored = github.issue(publicName, 42);
  if (!stored) throw new Error("no public issue");
  const user = comment.login === maintainer.login ? maintainer : researcher;
  const payload = {
    action: "created",
    issue: issueObject({
      repositoryFullName: publicName,
      number: 42,
      id: 3_100_000_042,
      title: stored.title,
      body: stored.body,
      user: stored.user,
      locked: stored.locked,
      createdAt: stored.createdAt,
      authorAssociation: stored.authorAssociation,
      comments: 1,
    }),
    comment: issueCommentObject({
      repositoryFullName: publicName,
      issueNumber: 42,
      id: comment.id,
      body: comment.body,
      user,
      createdAt: "2026-11-16T09:30:00Z",
      authorAssociation: comment.association ?? "NONE",
    }),
    repository: publicRepository,
    organization: organizationObject(octoOrg.login, octoOrg.id),
    installation,
    sender: user,
  };
  return payload as unknown as WebhookPayload<"issue_comment.created">;
}

export function deliverIssue(probot: Probot, payload: WebhookPayload<"issues.opened">, id = "delivery-1") {
  return probot.receive({ id, name: "issues", payload } as Parameters<Probot["receive"]>[0]);
}

export function deliverComment(probot: Probot, payload: WebhookPayload<"issue_comment.created">, id = "delivery-c1") {
  return probot.receive({ id, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}
