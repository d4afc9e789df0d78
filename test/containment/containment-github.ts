import { mockGitHub, type GitHubMock } from "../harness/github-mock.js";
import {
  issueCommentObject,
  issueObject,
  repositoryAdvisoryObject,
  repositoryObject,
  userObject,
  type AuthorAssociation,
  type UserObject,
} from "../fixtures/github-objects.js";
import { octoOrg } from "../fixtures/webhook-payloads.js";

/**
 * A stateful GitHub for containment tests: repositories with visibility, issues (body, labels, lock, state), issue
 * comments, draft repository advisories, collaborator permissions and config files — behind nock, every request
 * validated against GitHub's REST description by `mockGitHub`. `failOn` makes one kind of request fail, to prove
 * that a failure at any step leaves the report intact and alerts the maintainers.
 */

export const appBot = userObject("disclosure-desk[bot]", 9_300_001, "Bot");

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  locked: boolean;
  state: "open" | "closed";
  user: UserObject;
  authorAssociation: AuthorAssociation;
  createdAt: string;
}

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
  request: Record<string, unknown>;
  /** Who wrote it: the app when left out; a researcher for a privately reported one. */
  author?: UserObject;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  /** How many matching requests fail; all when left out. */
  times?: number;
}

export interface ContainmentGitHubOptions {
  configFiles?: Record<string, string>;
  privateRepositories?: string[];
  /** Repositories where GitHub refuses advisories (403), as in a private repository. */
  advisoriesDisabled?: string[];
  permissions?: Record<string, "admin" | "maintain" | "write" | "triage" | "read" | "none">;
}

export interface ContainmentGitHub {
  mock: GitHubMock;
  issues: Map<string, StoredIssue[]>;
  comments: StoredComment[];
  advisories: StoredAdvisory[];
  addIssue(repository: string, issue: Omit<StoredIssue, "labels" | "locked" | "state"> & Partial<StoredIssue>): StoredIssue;
  addComment(comment: StoredComment): StoredComment;
  issue(repository: string, number: number): StoredIssue | undefined;
  commentsOn(repository: string, number: number): StoredComment[];
  failOn(failure: Failure): void;
  writes(): string[];
}

export function containmentGitHub(options: ContainmentGitHubOptions = {}): ContainmentGitHub {
  const mock = mockGitHub();
  const issues = new Map<string, StoredIssue[]>();
  const comments: StoredComment[] = [];
  const advisories: StoredAdvisory[] = [];
  const failures: Failure[] = [];
  const privateRepositories = new Set(options.privateRepositories ?? []);
  let nextCommentId = 2_400_100_000;

  const issueResponse = (repository: string, issue: StoredIssue) => ({
    ...issueObject({
      repositoryFullName: repository,
      number: issue.number,
      id: 3_200_000_000 + issue.number,
      title: issue.title,
      body: issue.body,
      user: issue.user,
      state: issue.state,
      locked: issue.locked,
      createdAt: issue.createdAt,
      authorAssociation: issue.authorAssociation,
    }),
    labels: issue.labels.map((name, index) => ({ id: index + 1, node_id: `LA_${index}`, url: "", name, color: "ededed", default: false, description: null })),
  });
  const commentResponse = (comment: StoredComment) =>
    issueCommentObject({
      repositoryFullName: comment.repository,
      issueNumber: comment.issueNumber,
      id: comment.id,
      body: comment.body,
      user: comment.user,
      createdAt: comment.createdAt,
      authorAssociation: comment.authorAssociation,
    });
  const findIssue = (repository: string, number: number) => issues.get(repository)?.find((issue) => issue.number === number);
  const notFound = [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }] as const;

  type Reply = readonly [number, unknown] | readonly [number, unknown, Record<string, string>];
  const route = (method: string, uri: string, body: unknown): Reply => {
    const url = new URL(uri, "https://api.github.com");
    const path = url.pathname;
    const failure = failures.find((candidate) => candidate.method === method && candidate.path.test(path) && candidate.times !== 0);
    if (failure) {
      if (failure.times !== undefined) failure.times -= 1;
      return [failure.status, { message: "Injected failure", documentation_url: "https://docs.github.com/rest" }];
    }
    const request = (body ?? {}) as Record<string, unknown>;
    let match: RegExpExecArray | null;

    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: "ghs_installation_token", expires_at: "2099-01-01T00:00:00Z", permissions: {}, repository_selection: "all" }];
    }
    if (method === "GET" && (match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path))) {
      const text = options.configFiles?.[`${match[1]}/${match[2]}:${decodeURIComponent(match[3] ?? "")}`];
      return text === undefined ? notFound : [200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" }];
    }
    if (method === "GET" && (match = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path))) {
      const fullName = `${match[1]}/${match[2]}`;
      return [200, repositoryObject({ owner: octoOrg, name: match[2] ?? "", id: 7_400_000 + fullName.length, private: privateRepositories.has(fullName) })];
    }
    if (method === "GET" && path === "/search/issues") {
      const query = url.searchParams.get("q") ?? "";
      const repository = /repo:(\S+)/.exec(query)?.[1] ?? "";
      const term = /"([^"]+)"/.exec(query)?.[1] ?? "";
      const found = (issues.get(repository) ?? []).filter((issue) => issue.title.includes(term));
      return [200, { total_count: found.length, incomplete_results: false, items: found.map((issue) => ({ ...issueResponse(repository, issue), score: 1 })) }];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues$/.exec(path)) && method === "POST") {
      const repository = match[1] ?? "";
      const list = issues.get(repository) ?? [];
      const issue: StoredIssue = {
        number: list.length + 1,
        title: String(request.title),
        body: typeof request.body === "string" ? request.body : "",
        labels: (request.labels as string[] | undefined) ?? [],
        locked: false,
        state: "open",
        user: appBot,
        authorAssociation: "NONE",
        createdAt: "2026-11-16T09:05:00Z",
      };
      issues.set(repository, [...list, issue]);
      return [201, issueResponse(repository, issue)];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(path))) {
      const repository = match[1] ?? "";
      const issue = findIssue(repository, Number(match[2]));
      if (!issue) return notFound;
      if (method === "PATCH") {
        if (typeof request.title === "string") issue.title = request.title;
        if (typeof request.body === "string") issue.body = request.body;
        if (Array.isArray(request.labels)) issue.labels = request.labels as string[];
        if (request.state === "open" || request.state === "closed") issue.state = request.state;
      }
      return [200, issueResponse(repository, issue)];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/lock$/.exec(path))) {
      const issue = findIssue(match[1] ?? "", Number(match[2]));
      if (!issue) return notFound;
      issue.locked = method === "PUT";
      return [204, ""];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/labels(?:\/(.+))?$/.exec(path))) {
      const repository = match[1] ?? "";
      const issue = findIssue(repository, Number(match[2]));
      if (!issue) return notFound;
      if (method === "POST") issue.labels = [...new Set([...issue.labels, ...(request.labels as string[])])];
      if (method === "DELETE") {
        const name = decodeURIComponent(match[3] ?? "");
        if (!issue.labels.includes(name)) return notFound;
        issue.labels = issue.labels.filter((label) => label !== name);
      }
      return [200, issueResponse(repository, issue).labels];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const repository = match[1] ?? "";
      const issueNumber = Number(match[2]);
      if (!findIssue(repository, issueNumber)) return notFound;
      if (method === "POST") {
        const comment: StoredComment = {
          id: nextCommentId++,
          repository,
          issueNumber,
          body: String(request.body),
          user: appBot,
          authorAssociation: "NONE",
          createdAt: "2026-11-16T09:05:00Z",
        };
        comments.push(comment);
        return [201, commentResponse(comment)];
      }
      return [200, comments.filter((comment) => comment.repository === repository && comment.issueNumber === issueNumber).map(commentResponse)];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = comments.find((candidate) => candidate.repository === match?.[1] && candidate.id === Number(match[2]));
      if (!comment) return notFound;
      if (method === "PATCH") comment.body = String(request.body);
      return [200, commentResponse(comment)];
    }
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/security-advisories$/.exec(path))) {
      const repository = match[1] ?? "";
      if ((options.advisoriesDisabled ?? []).includes(repository)) return [403, { message: "Advisories are not available for this repository" }];
      if (method === "POST") {
        const advisory = { repository, ghsaId: `GHSA-c0nt-${String(advisories.length + 1).padStart(4, "0")}-ab12`, request };
        advisories.push(advisory);
        return [201, advisoryResponse(advisory)];
      }
      return [200, advisories.filter((advisory) => advisory.repository === repository).map(advisoryResponse)];
    }
    if (method === "GET" && (match = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(path))) {
      const login = decodeURIComponent(match[1] ?? "");
      const role = options.permissions?.[login] ?? "read";
      const legacy = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return [200, { permission: legacy, role_name: role, user: { ...userObject(login, 9_400_000 + login.length), permissions: { admin: role === "admin", maintain: false, push: legacy === "write" || legacy === "admin", triage: false, pull: true } } }];
    }
    return notFound;
  };

  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
    mock.scope
      .persist()
      .intercept(/.*/, method)
      .reply((uri, body) => {
        const [status, payload, headers] = route(method, uri, typeof body === "string" && body !== "" ? JSON.parse(body) : body);
        return headers ? [status, payload as string, headers] : [status, payload as string];
      });
  }

  return {
    mock,
    issues,
    comments,
    advisories,
    addIssue(repository, issue) {
      const stored: StoredIssue = { labels: [], locked: false, state: "open", ...issue };
      issues.set(repository, [...(issues.get(repository) ?? []), stored]);
      return stored;
    },
    addComment(comment) {
      comments.push(comment);
      return comment;
    },
    issue: findIssue,
    commentsOn: (repository, number) => comments.filter((comment) => comment.repository === repository && comment.issueNumber === number),
    failOn(failure) {
      failures.push(failure);
    },
    writes: () =>
      mock.requests
        .filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens"))
        .map((request) => `${request.method} ${request.path}`),
  };
}

function advisoryResponse(advisory: StoredAdvisory) {
  return repositoryAdvisoryObject({
    repositoryFullName: advisory.repository,
    ghsaId: advisory.ghsaId,
    summary: String(advisory.request.summary),
    description: String(advisory.request.description),
    severity: null,
    cvssVector: null,
    cvssScore: null,
    state: "draft",
    author: advisory.author ?? appBot,
    vulnerabilities: [],
    cweIds: [],
    credits: [],
    submissionAccepted: null,
    createdAt: "2026-11-16T09:05:00Z",
  });
}
