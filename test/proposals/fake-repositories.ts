import { createHash } from "node:crypto";
import { mockGitHub, type GitHubMock } from "../harness/github-mock.js";
import { installation } from "../fixtures/webhook-payloads.js";

/**
 * Repositories with branches, files, pull requests and the private vulnerability reporting setting behind nock,
 * every request validated against GitHub's REST description by `mockGitHub`. Commits are file snapshots: enough to
 * see what a branch holds after Disclosure Desk wrote to it.
 */

export interface FakePull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: "open" | "closed";
}

export interface FakeRepository {
  defaultBranch: string;
  branches: Map<string, string>;
  pulls: FakePull[];
  privateReporting: boolean | "forbidden";
}

export interface FakeRepositories {
  mock: GitHubMock;
  repositories: Map<string, FakeRepository>;
  /** A file's text on a branch (the default branch when none is named), or undefined. */
  file(repository: string, path: string, branch?: string): string | undefined;
  /** Writes (POST, PATCH, PUT, DELETE), as `METHOD path` with the path decoded (Octokit sends `heads%2Fbranch`). */
  writes(): string[];
  /** A maintainer merges the open pull request: the default branch takes the head's files. */
  merge(repository: string, number: number): void;
  close(repository: string, number: number): void;
}

type Files = Map<string, string>;

const notFound = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };

export function fakeRepositories(seed: Record<string, { files?: Record<string, string>; privateReporting?: boolean | "forbidden"; defaultBranch?: string }>): FakeRepositories {
  const mock = mockGitHub();
  const { scope } = mock;
  const commits = new Map<string, Files>();
  const repositories = new Map<string, FakeRepository>();
  let nextCommit = 1;
  let nextPull = 1;

  const commit = (files: Files): string => {
    const sha = createHash("sha1").update(`commit ${nextCommit++}`).digest("hex");
    commits.set(sha, files);
    return sha;
  };
  for (const [name, { files = {}, privateReporting = true, defaultBranch = "main" }] of Object.entries(seed)) {
    repositories.set(name, { defaultBranch, branches: new Map([[defaultBranch, commit(new Map(Object.entries(files)))]]), pulls: [], privateReporting });
  }
  const repositoryOf = (owner: string | undefined, repo: string | undefined) => repositories.get(`${owner}/${repo}`);
  const filesOf = (repository: FakeRepository, branch: string): Files | undefined => {
    const sha = repository.branches.get(branch);
    return sha === undefined ? undefined : commits.get(sha);
  };
  const blobSha = (text: string) => createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest("hex");
  const pullView = (name: string, pull: FakePull) => ({
    number: pull.number,
    html_url: `https://github.com/${name}/pull/${pull.number}`,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    head: { ref: pull.head },
    base: { ref: pull.base },
  });
  const body = (raw: unknown): Record<string, unknown> => (typeof raw === "string" ? (JSON.parse(raw) as Record<string, unknown>) : ((raw ?? {}) as Record<string, unknown>));

  scope
    .persist()
    .post(`/app/installations/${installation.id}/access_tokens`)
    .reply(201, { token: "ghs_installation_token", expires_at: "2099-01-01T00:00:00Z", permissions: {}, repository_selection: "all" });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+$/)
    .reply((uri) => {
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)$/.exec(uri) ?? [];
      const repository = repositoryOf(owner, repo);
      return repository ? [200, { full_name: `${owner}/${repo}`, name: repo, private: false, default_branch: repository.defaultBranch }] : [404, notFound];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/private-vulnerability-reporting$/)
    .reply((uri) => {
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)\//.exec(uri) ?? [];
      const repository = repositoryOf(owner, repo);
      if (!repository) return [404, notFound];
      if (repository.privateReporting === "forbidden") return [403, { message: "Resource not accessible by integration" }];
      return [200, { enabled: repository.privateReporting }];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads(\/|%2F).+$/i)
    .reply((uri) => {
      const [, owner, repo, branch] = /^\/repos\/([^/]+)\/([^/]+)\/git\/ref\/heads\/(.+)$/.exec(decodeURIComponent(uri)) ?? [];
      const sha = repositoryOf(owner, repo)?.branches.get(decodeURIComponent(branch ?? ""));
      return sha === undefined ? [404, notFound] : [200, { ref: `refs/heads/${decodeURIComponent(branch ?? "")}`, object: { sha, type: "commit" } }];
    });

  scope
    .persist()
    .post(/^\/repos\/[^/]+\/[^/]+\/git\/refs$/)
    .reply((uri, raw) => {
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)\//.exec(uri) ?? [];
      const repository = repositoryOf(owner, repo);
      const { ref, sha } = body(raw) as { ref: string; sha: string };
      const branch = ref.replace(/^refs\/heads\//, "");
      if (!repository) return [404, notFound];
      if (repository.branches.has(branch)) return [422, { message: "Reference already exists" }];
      repository.branches.set(branch, sha);
      return [201, { ref, object: { sha, type: "commit" } }];
    });

  scope
    .persist()
    .patch(/^\/repos\/[^/]+\/[^/]+\/git\/refs\/heads(\/|%2F).+$/i)
    .reply((uri, raw) => {
      const [, owner, repo, branch] = /^\/repos\/([^/]+)\/([^/]+)\/git\/refs\/heads\/(.+)$/.exec(decodeURIComponent(uri)) ?? [];
      const repository = repositoryOf(owner, repo);
      const name = decodeURIComponent(branch ?? "");
      const { sha } = body(raw) as { sha: string };
      if (!repository?.branches.has(name)) return [422, { message: "Reference does not exist" }];
      repository.branches.set(name, sha);
      return [200, { ref: `refs/heads/${name}`, object: { sha, type: "commit" } }];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/contents\/.+/)
    .reply(function (uri) {
      const url = new URL(uri, "https://api.github.com");
      const [, owner, repo, path] = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname) ?? [];
      const repository = repositoryOf(owner, repo);
      if (!repository) return [404, notFound];
      const files = filesOf(repository, url.searchParams.get("ref") ?? repository.defaultBranch);
      const text = files?.get(decodeURIComponent(path ?? ""));
      if (text === undefined) return [404, notFound];
      const accept = String(this.req.headers.accept ?? "");
      if (accept.includes("raw")) return [200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" }];
      return [200, { type: "file", path: decodeURIComponent(path ?? ""), sha: blobSha(text), encoding: "base64", content: Buffer.from(text).toString("base64") }];
    });

  scope
    .persist()
    .put(/^\/repos\/[^/]+\/[^/]+\/contents\/.+/)
    .reply((uri, raw) => {
      const [, owner, repo, path] = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(uri) ?? [];
      const repository = repositoryOf(owner, repo);
      const { content, branch, sha } = body(raw) as { content: string; branch: string; sha?: string };
      const files = repository ? filesOf(repository, branch) : undefined;
      if (!repository || !files) return [404, notFound];
      const filePath = decodeURIComponent(path ?? "");
      const existing = files.get(filePath);
      if (existing !== undefined && sha !== blobSha(existing)) return [409, { message: `${filePath} does not match ${sha}` }];
      if (existing === undefined && sha !== undefined) return [422, { message: "sha wasn't supplied" }];
      const text = Buffer.from(content, "base64").toString("utf8");
      const next = new Map(files).set(filePath, text);
      const commitSha = commit(next);
      repository.branches.set(branch, commitSha);
      return [existing === undefined ? 201 : 200, { content: { path: filePath, sha: blobSha(text) }, commit: { sha: commitSha } }];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/pulls(\?.*)?$/)
    .reply((uri) => {
      const url = new URL(uri, "https://api.github.com");
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)\//.exec(url.pathname) ?? [];
      const repository = repositoryOf(owner, repo);
      if (!repository) return [404, notFound];
      const head = url.searchParams.get("head");
      const state = url.searchParams.get("state") ?? "open";
      const pulls = repository.pulls.filter((pull) => (head === null || `${owner}:${pull.head}` === head) && (state === "all" || pull.state === state));
      return [200, pulls.reverse().map((pull) => pullView(`${owner}/${repo}`, pull))];
    });

  scope
    .persist()
    .post(/^\/repos\/[^/]+\/[^/]+\/pulls$/)
    .reply((uri, raw) => {
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)\//.exec(uri) ?? [];
      const repository = repositoryOf(owner, repo);
      const { head, base, title, body: text } = body(raw) as { head: string; base: string; title: string; body: string };
      if (!repository) return [404, notFound];
      if (repository.pulls.some((pull) => pull.head === head && pull.state === "open")) {
        return [422, { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${owner}:${head}.` }] }];
      }
      const pull: FakePull = { number: nextPull++, head, base, title, body: text, state: "open" };
      repository.pulls.push(pull);
      return [201, pullView(`${owner}/${repo}`, pull)];
    });

  scope
    .persist()
    .patch(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/)
    .reply((uri, raw) => {
      const [, owner, repo, number] = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(uri) ?? [];
      const pull = repositoryOf(owner, repo)?.pulls.find((candidate) => candidate.number === Number(number));
      if (!pull) return [404, notFound];
      Object.assign(pull, body(raw));
      return [200, pullView(`${owner}/${repo}`, pull)];
    });

  return {
    mock,
    repositories,
    file(name, path, branch) {
      const repository = repositories.get(name);
      return repository ? filesOf(repository, branch ?? repository.defaultBranch)?.get(path) : undefined;
    },
    writes: () => mock.requests.filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens")).map((request) => `${request.method} ${decodeURIComponent(request.path)}`),
    merge(name, number) {
      const repository = repositories.get(name);
      const pull = repository?.pulls.find((candidate) => candidate.number === number);
      if (!repository || !pull) throw new Error(`no pull request ${name}#${number}`);
      const files = filesOf(repository, pull.head) ?? new Map();
      repository.branches.set(repository.defaultBranch, commit(new Map(files)));
      pull.state = "closed";
    },
    close(name, number) {
      const pull = repositories.get(name)?.pulls.find((candidate) => candidate.number === number);
      if (!pull) throw new Error(`no pull request ${name}#${number}`);
      pull.state = "closed";
    },
  };
}
