import { mockGitHub, type GitHubMock } from "../harness/github-mock.js";
import { issueObject, repositoryObject } from "../fixtures/github-objects.js";
import { installation, maintainer, octoOrg } from "../fixtures/webhook-payloads.js";

/**
 * A small stateful GitHub behind nock for handler tests: config files, repository visibility, issues with labels,
 * search by title and the advisory comments preview API. Every request is also validated against GitHub's REST
 * description by `mockGitHub`, so a wrong path or field fails the test through `github.problems()`.
 */

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
}

export interface FakeGitHubOptions {
  configFiles?: Record<string, string>;
  privateRepositories?: string[];
  commentsApi?: "available" | "missing";
}

/** A comment on an advisory; without `user` it is one Disclosure Desk posted. */
export interface FakeAdvisoryComment {
  id: number;
  body: string;
  user?: typeof maintainer;
  createdAt?: string;
}

export interface FakeGitHub {
  mock: GitHubMock;
  issues: Map<string, FakeIssue[]>;
  advisoryComments: Map<string, FakeAdvisoryComment[]>;
  /** Writes (POST, PATCH, PUT, DELETE) per repository `owner/name`. */
  writesTo(repository: string): { method: string; path: string; body: unknown }[];
}

const appBot = { ...maintainer, login: "disclosure-desk[bot]", type: "Bot" as const };

export function fakeGitHub(options: FakeGitHubOptions = {}): FakeGitHub {
  const mock = mockGitHub();
  const { scope } = mock;
  const issues = new Map<string, FakeIssue[]>();
  const advisoryComments = new Map<string, FakeAdvisoryComment[]>();
  const privateRepositories = new Set(options.privateRepositories ?? []);
  let nextId = 1000;

  const issueResponse = (repository: string, issue: FakeIssue) => ({
    ...issueObject({
      repositoryFullName: repository,
      number: issue.number,
      id: 50_000 + issue.number,
      title: issue.title,
      body: issue.body,
      user: appBot,
      createdAt: "2026-11-16T08:31:00Z",
    }),
    labels: issue.labels.map((name, index) => ({ id: index + 1, node_id: `LA_${index}`, url: "", name, color: "ededed", default: false, description: null })),
  });

  scope
    .persist()
    .post(`/app/installations/${installation.id}/access_tokens`)
    .reply(201, { token: "ghs_installation_token", expires_at: "2099-01-01T00:00:00Z", permissions: {}, repository_selection: "all" });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/contents\/.+/)
    .reply((uri) => {
      const [, owner, repo, encodedPath] = /^\/repos\/([^/]+)\/([^/]+)\/contents\/([^?]+)/.exec(uri) ?? [];
      const text = options.configFiles?.[`${owner}/${repo}:${decodeURIComponent(encodedPath ?? "")}`];
      return text === undefined
        ? [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }]
        : [200, text, { "content-type": "application/vnd.github.raw; charset=utf-8", etag: `"${text.length}"` }];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+$/)
    .reply((uri) => {
      const [, owner, name] = /^\/repos\/([^/]+)\/([^/]+)$/.exec(uri) ?? [];
      const fullName = `${owner}/${name}`;
      return [200, repositoryObject({ owner: octoOrg, name: name ?? "", id: 7_400_000 + fullName.length, private: privateRepositories.has(fullName) })];
    });

  scope
    .persist()
    .get("/search/issues")
    .query(true)
    .reply((uri) => {
      const query = new URL(uri, "https://api.github.com").searchParams.get("q") ?? "";
      const repository = /repo:(\S+)/.exec(query)?.[1] ?? "";
      const term = /"([^"]+)"/.exec(query)?.[1] ?? "";
      const found = (issues.get(repository) ?? []).filter((issue) => issue.title.includes(term));
      return [200, { total_count: found.length, incomplete_results: false, items: found.map((issue) => ({ ...issueResponse(repository, issue), score: 1 })) }];
    });

  scope
    .persist()
    .post(/^\/repos\/[^/]+\/[^/]+\/issues$/)
    .reply((uri, body) => {
      const repository = uri.split("/").slice(2, 4).join("/");
      const request = body as { title: string; body?: string; labels?: string[] };
      const list = issues.get(repository) ?? [];
      const issue: FakeIssue = { number: list.length + 1, title: request.title, body: request.body ?? "", labels: request.labels ?? [] };
      issues.set(repository, [...list, issue]);
      return [201, issueResponse(repository, issue)];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/)
    .reply((uri) => {
      const parts = uri.split("/");
      const repository = parts.slice(2, 4).join("/");
      const issue = issues.get(repository)?.find((candidate) => candidate.number === Number(parts[5]));
      return issue ? [200, issueResponse(repository, issue)] : [404, { message: "Not Found" }];
    });

  scope
    .persist()
    .patch(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/)
    .reply((uri, body) => {
      const parts = uri.split("/");
      const repository = parts.slice(2, 4).join("/");
      const issue = issues.get(repository)?.find((candidate) => candidate.number === Number(parts[5]));
      if (!issue) return [404, { message: "Not Found" }];
      const changes = body as { body?: string; labels?: string[] };
      if (changes.body !== undefined) issue.body = changes.body;
      if (changes.labels !== undefined) issue.labels = changes.labels;
      return [200, issueResponse(repository, issue)];
    });

  scope
    .persist()
    .post(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels$/)
    .reply((uri, body) => {
      const parts = uri.split("/");
      const repository = parts.slice(2, 4).join("/");
      const issue = issues.get(repository)?.find((candidate) => candidate.number === Number(parts[5]));
      if (!issue) return [404, { message: "Not Found" }];
      issue.labels = [...new Set([...issue.labels, ...(body as { labels: string[] }).labels])];
      return [200, issueResponse(repository, issue).labels];
    });

  const commentsPath = /^\/repos\/[^/]+\/[^/]+\/security-advisories\/[^/]+\/comments(\?.*)?$/;
  const notFound = [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }] as const;
  scope
    .persist()
    .get(commentsPath)
    .reply((uri) => {
      if (options.commentsApi === "missing") return [...notFound];
      const ghsaId = uri.split("/")[5] ?? "";
      return [200, (advisoryComments.get(ghsaId) ?? []).map((comment) => advisoryCommentObject(comment))];
    });
  scope
    .persist()
    .post(commentsPath)
    .reply((uri, body) => {
      if (options.commentsApi === "missing") return [...notFound];
      const ghsaId = uri.split("/")[5] ?? "";
      const comment = { id: nextId++, body: (body as { body: string }).body };
      advisoryComments.set(ghsaId, [...(advisoryComments.get(ghsaId) ?? []), comment]);
      return [201, advisoryCommentObject(comment)];
    });

  return {
    mock,
    issues,
    advisoryComments,
    writesTo: (repository) =>
      mock.requests
        .filter((request) => request.method !== "GET" && request.path.startsWith(`/repos/${repository}/`))
        .map(({ method, path, body }) => ({ method, path, body })),
  };
}

function advisoryCommentObject(comment: FakeAdvisoryComment) {
  return {
    id: comment.id,
    node_id: `RSAC_${comment.id}`,
    body: comment.body,
    user: comment.user ?? appBot,
    created_at: comment.createdAt ?? "2026-11-16T08:31:00Z",
    updated_at: comment.createdAt ?? "2026-11-16T08:31:00Z",
    html_url: `https://github.com/octo-org/widgets/security/advisories#comment-${comment.id}`,
    author_association: "NONE",
  };
}
