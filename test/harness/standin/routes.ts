/**
 * The stand-in's behaviour, one handler per operation id of GitHub's REST description. Requests reach a handler
 * only after they passed validation against the description, so handlers deal with state, not with shapes.
 */
import { createHash } from "node:crypto";
import {
  repositoryAdvisoryObject,
  type AdvisorySeverity,
  type AdvisoryVulnerability,
  type CreditType,
  type IssueObject,
  type UserObject,
} from "../../fixtures/github-objects.js";
import { newInstallationToken } from "./app-auth.js";
import {
  blobSha,
  type InstallationState,
  type Permission,
  type PullRequestState,
  type RepositoryState,
  type StandInState,
} from "./state.js";

export type Caller = { kind: "app" } | { kind: "installation"; installation: InstallationState };

export interface RouteContext {
  state: StandInState;
  params: Record<string, string>;
  /** Query values as sent (strings). */
  query: Record<string, string>;
  body: Record<string, unknown>;
  caller: Caller;
  accept: string;
  /** The URL of this request with `page` replaced, for Link headers. */
  pageUrl(page: number): string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A body sent as it is, not as JSON (raw file contents). */
  raw?: string;
  headers?: Record<string, string>;
}

/** An error answered in GitHub's shape: `{ message, documentation_url, status }`. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: { resource: string; code: string; field?: string; message?: string }[],
  ) {
    super(message);
  }
}

type Handler = (context: RouteContext) => RouteResult;

const permissionOrder: readonly Permission[] = ["admin", "maintain", "write", "triage", "read", "none"];

const notFound = (): GitHubError => new GitHubError(404, "Not Found");
const notAccessible = (): GitHubError => new GitHubError(403, "Resource not accessible by integration");

/** Operations the app JWT may call; everything else needs an installation token. */
export const appJwtOperations = new Set([
  "apps/get-authenticated",
  "apps/list-installations",
  "apps/get-installation",
  "apps/create-installation-access-token",
  "apps/get-repo-installation",
  "apps/get-org-installation",
]);

function installationView(state: StandInState, installation: InstallationState) {
  return {
    id: installation.id,
    account: installation.account,
    repository_selection: "all",
    access_tokens_url: `https://api.github.com/app/installations/${installation.id}/access_tokens`,
    repositories_url: "https://api.github.com/installation/repositories",
    html_url: `https://github.com/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: state.app?.id,
    app_slug: state.app?.slug,
    target_id: installation.account.id,
    target_type: installation.account.type === "Organization" ? "Organization" : "User",
    permissions: installation.permissions,
    events: installation.events,
    created_at: "2026-01-05T10:00:00Z",
    updated_at: "2026-01-05T10:00:00Z",
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: installation.suspendedAt ? installation.account : null,
    suspended_at: installation.suspendedAt ?? null,
  };
}

function installationFor(state: StandInState, ownerLogin: string): InstallationState | undefined {
  return [...state.installations.values()].find((installation) => installation.account.login.toLowerCase() === ownerLogin.toLowerCase());
}

/** The repository in the path, if the caller may see it (404 otherwise, as GitHub hides what it will not show). */
function repositoryOf(context: RouteContext): RepositoryState {
  const repository = context.state.repository(`${context.params.owner}/${context.params.repo}`);
  if (!repository) throw notFound();
  if (context.caller.kind === "installation") {
    const account = context.caller.installation.account.login.toLowerCase();
    if (repository.repository.owner.login.toLowerCase() !== account) throw notFound();
  }
  return repository;
}

function requirePermission(context: RouteContext, permission: string, level: "read" | "write"): void {
  if (context.caller.kind !== "installation") return;
  const granted = context.caller.installation.permissions[permission];
  if (!granted || (level === "write" && granted !== "write")) throw notAccessible();
}

function actor(context: RouteContext): UserObject {
  const bot = context.state.app?.bot;
  if (!bot) throw new Error("Seed the app before serving installation requests");
  return bot;
}

function issueOf(context: RouteContext, repository: RepositoryState): IssueObject {
  const issue = repository.issues.get(Number(context.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}

function touch(context: RouteContext, issue: IssueObject): void {
  issue.updated_at = context.state.timestamp();
}

function paginate<T>(context: RouteContext, items: T[]): RouteResult {
  const perPage = Number(context.query.per_page ?? 30);
  const page = Number(context.query.page ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  if (page > 1) links.push(`<${context.pageUrl(page - 1)}>; rel="prev"`, `<${context.pageUrl(1)}>; rel="first"`);
  if (page < last) links.push(`<${context.pageUrl(page + 1)}>; rel="next"`, `<${context.pageUrl(last)}>; rel="last"`);
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : String((item as { name?: unknown }).name))) : [];
}

const advisoryTransitions: Record<string, readonly string[]> = {
  triage: ["draft", "closed"],
  draft: ["published", "closed"],
  closed: ["draft"],
  published: [],
  withdrawn: [],
};

function advisoryOf(context: RouteContext, repository: RepositoryState) {
  const advisory = repository.advisories.get(context.params.ghsa_id ?? "");
  if (!advisory) throw notFound();
  return advisory;
}

/** The files at a ref: the default branch (`HEAD`, its name or no ref), a tag, or the SHA of either's tree. */
function snapshotAt(repository: RepositoryState, ref: string | undefined): Map<string, string> | undefined {
  const defaultBranch = repository.repository.default_branch;
  if (
    ref === undefined ||
    ref === "HEAD" ||
    ref === defaultBranch ||
    ref === `refs/heads/${defaultBranch}` ||
    ref === `heads/${defaultBranch}`
  ) {
    return repository.files;
  }
  const tag = repository.tags.get(ref.replace(/^(?:refs\/)?tags\//, ""));
  if (tag) return tag;
  const branch = repository.branches.get(ref.replace(/^(?:refs\/)?heads\//, ""));
  if (branch) return branch;
  return snapshots(repository).find((files) => treeShaOf(files) === ref || commitShaOf(files) === ref);
}

function snapshots(repository: RepositoryState): Map<string, string>[] {
  return [repository.files, ...repository.branches.values(), ...repository.tags.values()];
}

/** The commit a branch or tag points at: one per distinct set of files. */
export function commitShaOf(files: ReadonlyMap<string, string>): string {
  return createHash("sha1")
    .update(`commit ${treeShaOf(files)}`)
    .digest("hex");
}

/** A ref (`heads/main`, `tags/v1`) and the files it points at, if it exists. */
function refOf(repository: RepositoryState, ref: string): Map<string, string> | undefined {
  const [kind, ...rest] = ref.replace(/^refs\//, "").split("/");
  const name = rest.join("/");
  if (kind === "heads") return name === repository.repository.default_branch ? repository.files : repository.branches.get(name);
  if (kind === "tags") return repository.tags.get(name);
  return undefined;
}

function gitRefObject(repository: RepositoryState, ref: string, files: ReadonlyMap<string, string>) {
  const name = `refs/${ref.replace(/^refs\//, "")}`;
  const sha = commitShaOf(files);
  const base = `https://api.github.com/repos/${repository.repository.full_name}/git`;
  return { ref: name, node_id: nodeIdOf(name), url: `${base}/${name}`, object: { type: "commit", sha, url: `${base}/commits/${sha}` } };
}

function pullRequestObject(repository: RepositoryState, pull: PullRequestState, full: boolean) {
  const fullName = repository.repository.full_name;
  const api = `https://api.github.com/repos/${fullName}`;
  const html = `https://github.com/${fullName}/pull/${pull.number}`;
  const side = (branch: string) => {
    const files =
      (branch === repository.repository.default_branch ? repository.files : repository.branches.get(branch)) ?? new Map<string, string>();
    return {
      label: `${repository.repository.owner.login}:${branch}`,
      ref: branch,
      repo: repository.repository,
      sha: commitShaOf(files),
      user: repository.repository.owner,
    };
  };
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${side(pull.head).sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: pull.user,
    body: pull.body,
    labels: [],
    milestone: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closed_at,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    draft: false,
    head: side(pull.head),
    base: side(pull.base),
    _links: {
      self: link(`${api}/pulls/${pull.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pull.number}`),
      comments: link(`${api}/issues/${pull.number}/comments`),
      review_comments: link(`${api}/pulls/${pull.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pull.number}/commits`),
      statuses: link(`${api}/statuses/${side(pull.head).sha}`),
    },
    author_association: "NONE",
    auto_merge: null,
    ...(full
      ? {
          merged: false,
          mergeable: null,
          mergeable_state: "unknown",
          merged_by: null,
          comments: 0,
          review_comments: 0,
          maintainer_can_modify: false,
          commits: 1,
          additions: 1,
          deletions: 0,
          changed_files: 1,
        }
      : {}),
  };
}

function pullOf(context: RouteContext, repository: RepositoryState): PullRequestState {
  const pull = repository.pulls.find((candidate) => candidate.number === Number(context.params.pull_number));
  if (!pull) throw notFound();
  return pull;
}

function treeShaOf(files: ReadonlyMap<string, string>): string {
  const hash = createHash("sha1");
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${blobSha(files.get(path) ?? "")}\n`);
  return hash.digest("hex");
}

function nodeIdOf(name: string): string {
  return `REF_${Buffer.from(name).toString("base64url")}`;
}

function contentItem(repository: RepositoryState, path: string, content: string, ref: string) {
  const url = `https://api.github.com/repos/${repository.repository.full_name}/contents/${path}`;
  const sha = blobSha(content);
  const htmlUrl = `https://github.com/${repository.repository.full_name}/blob/${ref}/${path}`;
  const gitUrl = `https://api.github.com/repos/${repository.repository.full_name}/git/blobs/${sha}`;
  return {
    type: "file" as const,
    size: Buffer.byteLength(content),
    name: path.split("/").pop() ?? path,
    path,
    sha,
    url: `${url}?ref=${ref}`,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: `https://raw.githubusercontent.com/${repository.repository.full_name}/${ref}/${path}`,
    _links: { self: `${url}?ref=${ref}`, git: gitUrl, html: htmlUrl },
  };
}

/** A directory as the contents API lists it: its files and subdirectories, one level deep. */
function directoryListing(repository: RepositoryState, files: ReadonlyMap<string, string>, path: string, ref: string) {
  const prefix = path === "" ? "" : `${path}/`;
  const children = new Map<string, ReturnType<typeof contentItem> | { type: "dir"; name: string; path: string }>();
  for (const [filePath, content] of files) {
    if (!filePath.startsWith(prefix)) continue;
    const rest = filePath.slice(prefix.length);
    const name = rest.split("/")[0] ?? rest;
    if (rest.includes("/")) children.set(name, { type: "dir", name, path: `${prefix}${name}` });
    else children.set(name, contentItem(repository, filePath, content, ref));
  }
  return [...children.values()].map((child) => {
    if (child.type !== "dir") return child;
    const sha = createHash("sha1").update(`tree ${child.path}`).digest("hex");
    const url = `https://api.github.com/repos/${repository.repository.full_name}/contents/${child.path}`;
    const gitUrl = `https://api.github.com/repos/${repository.repository.full_name}/git/trees/${sha}`;
    const htmlUrl = `https://github.com/${repository.repository.full_name}/tree/${ref}/${child.path}`;
    return {
      ...child,
      size: 0,
      sha,
      url: `${url}?ref=${ref}`,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url: null,
      _links: { self: `${url}?ref=${ref}`, git: gitUrl, html: htmlUrl },
    };
  });
}

export const handlers: Record<string, Handler> = {
  "apps/get-authenticated": (context) => {
    const app = context.state.app;
    if (!app) throw notFound();
    const owner = [...context.state.organizations.values()][0] ?? app.bot;
    const timestamp = "2026-01-05T10:00:00Z";
    return {
      status: 200,
      body: {
        id: app.id,
        slug: app.slug,
        node_id: `A_${app.id}`,
        client_id: `Iv1.${app.id}`,
        owner,
        name: "Disclosure Desk",
        description: "Coordinated vulnerability disclosure",
        external_url: "https://example.org/disclosure-desk",
        html_url: `https://github.com/apps/${app.slug}`,
        created_at: timestamp,
        updated_at: timestamp,
        permissions: { repository_advisories: "write", issues: "write", metadata: "read" },
        events: ["repository_advisory", "issues", "issue_comment"],
        installations_count: context.state.installations.size,
      },
    };
  },

  "apps/list-repos-accessible-to-installation": (context) => {
    if (context.caller.kind !== "installation") throw notAccessible();
    const owner = context.caller.installation.account.login.toLowerCase();
    const repositories = [...context.state.repositories.values()]
      .map((repository) => repository.repository)
      .filter((repository) => repository.owner.login.toLowerCase() === owner);
    const page = paginate(context, repositories);
    return { ...page, body: { total_count: repositories.length, repositories: page.body } };
  },

  "apps/list-installations": (context) =>
    paginate(
      context,
      [...context.state.installations.values()].map((installation) => installationView(context.state, installation)),
    ),

  "apps/get-installation": (context) => {
    const installation = context.state.installations.get(Number(context.params.installation_id));
    if (!installation) throw notFound();
    return { status: 200, body: installationView(context.state, installation) };
  },

  "apps/create-installation-access-token": (context) => {
    const installation = context.state.installations.get(Number(context.params.installation_id));
    if (!installation) throw notFound();
    if (installation.suspendedAt) throw new GitHubError(403, "This installation has been suspended");
    const token = newInstallationToken();
    const expiresAt = context.state.now().getTime() + 60 * 60 * 1000;
    context.state.tokens.set(token, { installationId: installation.id, expiresAt });
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: installation.permissions,
        repository_selection: "all",
      },
    };
  },

  "apps/get-repo-installation": (context) => {
    const repository = context.state.repository(`${context.params.owner}/${context.params.repo}`);
    const installation = repository && installationFor(context.state, repository.repository.owner.login);
    if (!installation) throw notFound();
    return { status: 200, body: installationView(context.state, installation) };
  },

  "apps/get-org-installation": (context) => {
    const installation = installationFor(context.state, context.params.org ?? "");
    if (!installation) throw notFound();
    return { status: 200, body: installationView(context.state, installation) };
  },

  "repos/get": (context) => ({
    status: 200,
    body: { ...repositoryOf(context).repository, network_count: 0, subscribers_count: 1 },
  }),

  "repos/get-content": (context) => {
    const repository = repositoryOf(context);
    const path = context.params.path ?? "";
    const ref = context.query.ref;
    const files = snapshotAt(repository, ref);
    if (!files) throw new GitHubError(404, `No commit found for the ref ${ref ?? ""}`);
    const content = files.get(path);
    const refName = ref ?? repository.repository.default_branch;
    if (content === undefined) {
      const listing = directoryListing(repository, files, path, refName);
      if (listing.length === 0) throw notFound();
      if (/application\/vnd\.github(\.v3)?\.raw/.test(context.accept)) throw notFound();
      return { status: 200, body: listing };
    }
    if (/application\/vnd\.github(\.v3)?\.raw/.test(context.accept)) {
      return { status: 200, raw: content, headers: { "content-type": "text/plain; charset=utf-8" } };
    }
    const item = contentItem(repository, path, content, refName);
    // GitHub's contents API leaves out the content of files over 1 MB.
    const tooLarge = item.size > 1_000_000;
    return {
      status: 200,
      body: {
        ...item,
        encoding: tooLarge ? "none" : "base64",
        // GitHub wraps base64 content at 60 characters.
        content: tooLarge ? "" : Buffer.from(content).toString("base64").replace(/.{60}/g, "$&\n"),
      },
    };
  },

  "git/get-tree": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "contents", "read");
    const files = snapshotAt(repository, context.params.tree_sha);
    if (!files) throw notFound();
    const recursive = context.query.recursive !== undefined;
    const directories = new Set<string>();
    for (const path of files.keys()) {
      const parts = path.split("/");
      for (let depth = 1; depth < parts.length; depth++) directories.add(parts.slice(0, depth).join("/"));
    }
    const gitUrl = (kind: string, sha: string) => `https://api.github.com/repos/${repository.repository.full_name}/git/${kind}/${sha}`;
    const entries = [
      ...[...directories].map((path) => {
        const sha = createHash("sha1")
          .update(`tree ${treeShaOf(files)} ${path}`)
          .digest("hex");
        return { path, mode: "040000", type: "tree", sha, url: gitUrl("trees", sha) };
      }),
      ...[...files].map(([path, content]) => {
        const sha = blobSha(content);
        return { path, mode: "100644", type: "blob", sha, size: Buffer.byteLength(content), url: gitUrl("blobs", sha) };
      }),
    ]
      .filter((entry) => recursive || !entry.path.includes("/"))
      .sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
    const limit = context.state.features.treeEntryLimit;
    const sha = treeShaOf(files);
    return { status: 200, body: { sha, url: gitUrl("trees", sha), tree: entries.slice(0, limit), truncated: entries.length > limit } };
  },

  "git/get-blob": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "contents", "read");
    const sha = context.params.file_sha ?? "";
    const content = snapshots(repository)
      .flatMap((files) => [...files.values()])
      .find((text) => blobSha(text) === sha);
    if (content === undefined) throw notFound();
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${sha.slice(0, 12)}`,
        size: Buffer.byteLength(content),
        url: `https://api.github.com/repos/${repository.repository.full_name}/git/blobs/${sha}`,
        content: Buffer.from(content).toString("base64").replace(/.{60}/g, "$&\n"),
        encoding: "base64",
      },
    };
  },

  "git/get-ref": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "contents", "read");
    const ref = context.params.ref ?? "";
    const files = refOf(repository, ref);
    if (!files) throw notFound();
    return { status: 200, body: gitRefObject(repository, ref, files) };
  },

  "git/create-ref": (context) => {
    requirePermission(context, "contents", "write");
    const repository = repositoryOf(context);
    const ref = String(context.body.ref);
    if (!/^refs\/heads\/./.test(ref)) throw new GitHubError(422, "Reference name is invalid");
    if (refOf(repository, ref)) throw new GitHubError(422, "Reference already exists");
    const target = snapshots(repository).find((files) => commitShaOf(files) === context.body.sha);
    if (!target) throw new GitHubError(422, "Object does not exist");
    const files = new Map(target);
    repository.branches.set(ref.replace(/^refs\/heads\//, ""), files);
    return { status: 201, body: gitRefObject(repository, ref, files) };
  },

  "git/update-ref": (context) => {
    requirePermission(context, "contents", "write");
    const repository = repositoryOf(context);
    const ref = context.params.ref ?? "";
    const branch = ref.replace(/^(?:refs\/)?heads\//, "");
    if (!ref.replace(/^refs\//, "").startsWith("heads/") || !repository.branches.has(branch)) {
      throw new GitHubError(422, "Reference does not exist");
    }
    const target = snapshots(repository).find((files) => commitShaOf(files) === context.body.sha);
    if (!target) throw new GitHubError(422, "Object does not exist");
    const files = new Map(target);
    repository.branches.set(branch, files);
    return { status: 200, body: gitRefObject(repository, ref, files) };
  },

  "repos/create-or-update-file-contents": (context) => {
    requirePermission(context, "contents", "write");
    const repository = repositoryOf(context);
    const path = context.params.path ?? "";
    const branch = typeof context.body.branch === "string" ? context.body.branch : repository.repository.default_branch;
    const files = refOf(repository, `heads/${branch}`);
    if (!files) throw new GitHubError(404, `Branch ${branch} not found`);
    const existing = files.get(path);
    if (existing !== undefined && context.body.sha === undefined) throw new GitHubError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing !== undefined && context.body.sha !== blobSha(existing))
      throw new GitHubError(409, `${path} does not match ${String(context.body.sha)}`);
    const text = Buffer.from(String(context.body.content), "base64").toString("utf8");
    files.set(path, text);
    const sha = commitShaOf(files);
    const when = context.state.timestamp();
    const bot = actor(context);
    const person = { name: bot.login, email: `${bot.id}+${bot.login}@users.noreply.github.com`, date: when };
    const api = `https://api.github.com/repos/${repository.repository.full_name}`;
    return {
      status: existing === undefined ? 201 : 200,
      body: {
        content: contentItem(repository, path, text, branch),
        commit: {
          sha,
          node_id: `C_${sha.slice(0, 12)}`,
          url: `${api}/git/commits/${sha}`,
          html_url: `https://github.com/${repository.repository.full_name}/commit/${sha}`,
          author: person,
          committer: person,
          message: String(context.body.message),
          tree: { url: `${api}/git/trees/${treeShaOf(files)}`, sha: treeShaOf(files) },
          parents: [],
          verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
        },
      },
    };
  },

  "repos/check-private-vulnerability-reporting": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "administration", "read");
    return { status: 200, body: { enabled: repository.privateVulnerabilityReporting } };
  },

  "pulls/list": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "pull_requests", "read");
    const state = context.query.state ?? "open";
    const head = context.query.head;
    const pulls = repository.pulls
      .filter((pull) => state === "all" || pull.state === state)
      .filter((pull) => !head || `${repository.repository.owner.login}:${pull.head}`.toLowerCase() === head.toLowerCase())
      .filter((pull) => !context.query.base || pull.base === context.query.base)
      .sort((a, b) => b.number - a.number);
    const page = paginate(context, pulls);
    return { ...page, body: (page.body as PullRequestState[]).map((pull) => pullRequestObject(repository, pull, false)) };
  },

  "pulls/create": (context) => {
    requirePermission(context, "pull_requests", "write");
    const repository = repositoryOf(context);
    const head = String(context.body.head).replace(/^[^:]+:/, "");
    const base = String(context.body.base);
    if (!repository.branches.has(head) || !refOf(repository, `heads/${base}`)) {
      throw new GitHubError(422, "Validation Failed", [{ resource: "PullRequest", code: "invalid", field: "head" }]);
    }
    if (repository.pulls.some((pull) => pull.state === "open" && pull.head === head && pull.base === base)) {
      throw new GitHubError(422, "Validation Failed", [
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${repository.repository.owner.login}:${head}.`,
        },
      ]);
    }
    const now = context.state.timestamp();
    const pull: PullRequestState = {
      id: context.state.id(),
      number: repository.nextIssueNumber++,
      head,
      base,
      title: String(context.body.title),
      body: typeof context.body.body === "string" ? context.body.body : null,
      state: "open",
      user: actor(context),
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    repository.pulls.push(pull);
    return { status: 201, body: pullRequestObject(repository, pull, true) };
  },

  "pulls/update": (context) => {
    requirePermission(context, "pull_requests", "write");
    const repository = repositoryOf(context);
    const pull = pullOf(context, repository);
    if (typeof context.body.title === "string") pull.title = context.body.title;
    if (typeof context.body.body === "string") pull.body = context.body.body;
    if (context.body.state === "open" || context.body.state === "closed") {
      pull.state = context.body.state;
      pull.closed_at = context.body.state === "closed" ? context.state.timestamp() : null;
    }
    pull.updated_at = context.state.timestamp();
    return { status: 200, body: pullRequestObject(repository, pull, true) };
  },

  "git/list-matching-refs": (context) => {
    const repository = repositoryOf(context);
    requirePermission(context, "contents", "read");
    const prefix = `refs/${context.params.ref ?? ""}`;
    const refs = [
      [`refs/heads/${repository.repository.default_branch}`, repository.files] as const,
      ...[...repository.tags].map(([tag, files]) => [`refs/tags/${tag}`, files] as const),
    ];
    return {
      status: 200,
      body: refs
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, files]) => {
          const sha = commitShaOf(files);
          const url = `https://api.github.com/repos/${repository.repository.full_name}/git/${name}`;
          return {
            ref: name,
            node_id: nodeIdOf(name),
            url,
            object: { type: "commit", sha, url: `https://api.github.com/repos/${repository.repository.full_name}/git/commits/${sha}` },
          };
        }),
    };
  },

  "repos/get-collaborator-permission-level": (context) => {
    const repository = repositoryOf(context);
    const login = context.params.username ?? "";
    const user = context.state.users.get(login.toLowerCase());
    const permission = repository.permissions.get(login.toLowerCase());
    if (!user || !permission) throw new GitHubError(404, `${login} is not a user`);
    const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
    const at = (level: Permission) => permissionOrder.indexOf(permission) <= permissionOrder.indexOf(level);
    const permissions = { admin: at("admin"), maintain: at("maintain"), push: at("write"), triage: at("triage"), pull: at("read") };
    return { status: 200, body: { permission: legacy, role_name: permission, user: { ...user, permissions, role_name: permission } } };
  },

  "issues/create": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const issue = context.state.createIssue(repository, {
      title: String(context.body.title),
      body: typeof context.body.body === "string" ? context.body.body : null,
      labels: stringArray(context.body.labels),
      user: actor(context),
    });
    context.state.searchableFrom.set(issue.id, Date.now() + context.state.features.searchIndexLagMs);
    return { status: 201, body: issue };
  },

  "issues/get": (context) => ({ status: 200, body: issueOf(context, repositoryOf(context)) }),

  "issues/update": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const issue = issueOf(context, repository);
    const { title, body, state, state_reason: stateReason, labels } = context.body;
    if (typeof title === "string") issue.title = title;
    if (body !== undefined) issue.body = typeof body === "string" ? body : null;
    if (state === "open" || state === "closed") {
      issue.state = state;
      issue.closed_at = state === "closed" ? context.state.timestamp() : null;
      const reason = stateReason as IssueObject["state_reason"] | undefined;
      issue.state_reason = state === "closed" ? (reason ?? "completed") : reason === "reopened" ? "reopened" : null;
    }
    if (labels !== undefined) issue.labels = stringArray(labels).map((name) => context.state.label(repository, name));
    touch(context, issue);
    return { status: 200, body: issue };
  },

  "issues/list-for-repo": (context) => {
    const repository = repositoryOf(context);
    const state = context.query.state ?? "open";
    const wanted = (context.query.labels ?? "")
      .split(",")
      .filter(Boolean)
      .map((name) => name.toLowerCase());
    const sort = context.query.sort ?? "created";
    const direction = context.query.direction ?? "desc";
    const issues = [...repository.issues.values()]
      .filter((issue) => state === "all" || issue.state === state)
      .filter((issue) => wanted.every((name) => issue.labels.some((label) => label.name.toLowerCase() === name)))
      .sort((a, b) => {
        const key = sort === "updated" ? "updated_at" : "created_at";
        const order = sort === "comments" ? a.comments - b.comments : a[key].localeCompare(b[key]) || a.number - b.number;
        return direction === "asc" ? order : -order;
      });
    return paginate(context, issues);
  },

  "issues/lock": (context) => {
    requirePermission(context, "issues", "write");
    const issue = issueOf(context, repositoryOf(context));
    issue.locked = true;
    issue.active_lock_reason = (context.body.lock_reason as IssueObject["active_lock_reason"] | undefined) ?? null;
    return { status: 204 };
  },

  "issues/unlock": (context) => {
    requirePermission(context, "issues", "write");
    const issue = issueOf(context, repositoryOf(context));
    issue.locked = false;
    issue.active_lock_reason = null;
    return { status: 204 };
  },

  "issues/list-labels-for-repo": (context) => paginate(context, [...repositoryOf(context).labels.values()]),

  "issues/get-label": (context) => {
    const label = repositoryOf(context).labels.get((context.params.name ?? "").toLowerCase());
    if (!label) throw notFound();
    return { status: 200, body: label };
  },

  "issues/create-label": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const name = String(context.body.name);
    if (repository.labels.has(name.toLowerCase())) {
      throw new GitHubError(422, "Validation Failed", [{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const label = context.state.label(repository, name);
    if (typeof context.body.color === "string") label.color = context.body.color.toLowerCase();
    if (typeof context.body.description === "string") label.description = context.body.description;
    return { status: 201, body: label };
  },

  "issues/add-labels": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const issue = issueOf(context, repository);
    const names = Array.isArray(context.body.labels) ? stringArray(context.body.labels) : stringArray(context.body);
    for (const name of names) {
      if (!issue.labels.some((label) => label.name.toLowerCase() === name.toLowerCase())) {
        issue.labels.push(context.state.label(repository, name));
      }
    }
    touch(context, issue);
    return { status: 200, body: issue.labels };
  },

  "issues/remove-label": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const issue = issueOf(context, repository);
    const name = (context.params.name ?? "").toLowerCase();
    const before = issue.labels.length;
    issue.labels = issue.labels.filter((label) => label.name.toLowerCase() !== name);
    if (issue.labels.length === before) throw new GitHubError(404, "Label does not exist");
    touch(context, issue);
    return { status: 200, body: issue.labels };
  },

  "issues/create-comment": (context) => {
    requirePermission(context, "issues", "write");
    const repository = repositoryOf(context);
    const issue = issueOf(context, repository);
    // A locked issue still takes comments from those with write access to issues, as the App has here (checked above):
    // GitHub refuses only readers ("Unable to create comment because issue is locked.").
    const comment = context.state.createComment(repository, issue, String(context.body.body), actor(context));
    touch(context, issue);
    return { status: 201, body: comment };
  },

  "issues/list-comments": (context) => {
    const repository = repositoryOf(context);
    const issue = issueOf(context, repository);
    const since = context.query.since;
    const comments = [...repository.comments.values()]
      .filter((comment) => comment.issue_url === issue.url)
      .filter((comment) => !since || comment.updated_at >= since);
    return paginate(context, comments);
  },

  "issues/get-comment": (context) => {
    const comment = repositoryOf(context).comments.get(Number(context.params.comment_id));
    if (!comment) throw notFound();
    return { status: 200, body: comment };
  },

  "issues/update-comment": (context) => {
    requirePermission(context, "issues", "write");
    const comment = repositoryOf(context).comments.get(Number(context.params.comment_id));
    if (!comment) throw notFound();
    comment.body = String(context.body.body);
    comment.updated_at = context.state.timestamp();
    return { status: 200, body: comment };
  },

  "search/issues-and-pull-requests": (context) => {
    const query = parseSearchQuery(context.query.q ?? "");
    const visible = [...context.state.repositories.values()].filter((repository) => {
      if (query.repo && repository.repository.full_name.toLowerCase() !== query.repo) return false;
      return (
        context.caller.kind !== "installation" ||
        repository.repository.owner.login.toLowerCase() === context.caller.installation.account.login.toLowerCase()
      );
    });
    const items = visible
      .flatMap((repository) => [...repository.issues.values()])
      .filter((issue) => (context.state.searchableFrom.get(issue.id) ?? 0) <= Date.now())
      .filter((issue) => !query.state || issue.state === query.state)
      .filter((issue) => {
        const indexed = context.state.searchIndexedLabels.get(issue.id) ?? issue.labels.map((label) => label.name);
        return query.labels.every((name) => indexed.some((label) => label.toLowerCase() === name));
      })
      .filter((issue) => {
        const haystack = (query.inTitleOnly ? issue.title : `${issue.title}\n${issue.body ?? ""}`).toLowerCase();
        return query.terms.every((term) => haystack.includes(term));
      })
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const result = paginate(
      context,
      items.map((issue) => ({ ...issue, score: 1 })),
    );
    // In GitHub's order: Octokit's paginate takes the first key after the counts as the list.
    return { ...result, body: { total_count: items.length, incomplete_results: false, items: result.body, search_type: "lexical" } };
  },

  "security-advisories/list-repository-advisories": (context) => {
    requirePermission(context, "repository_advisories", "read");
    return paginate(context, filterAdvisories(context, [...advisoriesOf(context).advisories.values()]));
  },

  "security-advisories/create-repository-advisory": (context) => {
    requirePermission(context, "repository_advisories", "write");
    const repository = advisoriesOf(context);
    const body = context.body;
    const vector = typeof body.cvss_vector_string === "string" ? body.cvss_vector_string : null;
    const credits = (Array.isArray(body.credits) ? body.credits : []) as { login: string; type: CreditType }[];
    const advisory = repositoryAdvisoryObject({
      repositoryFullName: repository.repository.full_name,
      ghsaId: context.state.nextGhsaId(),
      summary: String(body.summary),
      description: String(body.description),
      severity: (body.severity as AdvisorySeverity | null | undefined) ?? null,
      cvssVector: vector,
      cvssScore: null,
      // GitHub opens an advisory made through the API as a draft, written by whoever made it.
      state: "draft",
      author: actor(context),
      vulnerabilities: (Array.isArray(body.vulnerabilities) ? body.vulnerabilities : []).map((vulnerability: Record<string, unknown>) => ({
        package: vulnerability.package as AdvisoryVulnerability["package"],
        vulnerable_version_range: (vulnerability.vulnerable_version_range as string | null | undefined) ?? null,
        patched_versions: (vulnerability.patched_versions as string | null | undefined) ?? null,
        vulnerable_functions: (vulnerability.vulnerable_functions as string[] | null | undefined) ?? null,
      })),
      cweIds: (Array.isArray(body.cwe_ids) ? (body.cwe_ids as string[]) : []).map((id) => ({ id, name: id })),
      credits: credits.map((credit) => ({ user: context.state.seedUser(credit.login), type: credit.type, state: "pending" as const })),
      submissionAccepted: null,
      createdAt: context.state.timestamp(),
    });
    repository.advisories.set(advisory.ghsa_id, advisory);
    return { status: 201, body: advisory };
  },

  "security-advisories/list-org-repository-advisories": (context) => {
    requirePermission(context, "repository_advisories", "read");
    const org = (context.params.org ?? "").toLowerCase();
    if (context.caller.kind === "installation" && context.caller.installation.account.login.toLowerCase() !== org) {
      throw notFound();
    }
    const advisories = [...context.state.repositories.values()]
      .filter((repository) => repository.repository.owner.login.toLowerCase() === org)
      .flatMap((repository) => [...repository.advisories.values()]);
    return paginate(context, filterAdvisories(context, advisories));
  },

  "security-advisories/get-repository-advisory": (context) => {
    requirePermission(context, "repository_advisories", "read");
    return { status: 200, body: advisoryOf(context, repositoryOf(context)) };
  },

  "security-advisories/create-repository-advisory-cve-request": (context) => {
    requirePermission(context, "repository_advisories", "write");
    const repository = repositoryOf(context);
    // "You may request a CVE for public repositories, but cannot do so for private repositories."
    if (repository.repository.private) throw new GitHubError(422, "CVE requests are not available for private repositories");
    advisoryOf(context, repository);
    return { status: 202, body: {} };
  },

  "security-advisories/update-repository-advisory": (context) => {
    requirePermission(context, "repository_advisories", "write");
    const repository = repositoryOf(context);
    const advisory = advisoryOf(context, repository);
    const body = context.body;
    const state = body.state as string | undefined;
    if (state && state !== advisory.state && !advisoryTransitions[advisory.state]?.includes(state)) {
      // GitHub documents this 422: "Invalid state transition from `published` to `draft`."
      throw new GitHubError(422, `Invalid state transition from \`${advisory.state}\` to \`${state}\`.`);
    }
    if (body.severity !== undefined && body.severity !== null && advisory.cvss?.vector_string && body.cvss_vector_string !== null) {
      // GitHub documents this 422: "Cannot update severity value when CVSS is set."
      throw new GitHubError(422, "Cannot update severity value when CVSS is set.");
    }
    if (typeof body.summary === "string") advisory.summary = body.summary;
    if (typeof body.description === "string") advisory.description = body.description;
    if (body.cvss_vector_string !== undefined) {
      const vector = body.cvss_vector_string as string | null;
      advisory.cvss = vector ? { vector_string: vector, score: null } : null;
    }
    if (body.severity !== undefined) advisory.severity = body.severity as typeof advisory.severity;
    if (body.cve_id !== undefined) advisory.cve_id = body.cve_id as string | null;
    if (Array.isArray(body.cwe_ids)) {
      advisory.cwe_ids = body.cwe_ids as string[];
      advisory.cwes = advisory.cwe_ids.map((id) => ({ cwe_id: id, name: id }));
    }
    if (Array.isArray(body.vulnerabilities)) advisory.vulnerabilities = body.vulnerabilities as typeof advisory.vulnerabilities;
    if (Array.isArray(body.credits)) {
      const credits = body.credits as { login: string; type: (typeof advisory.credits)[number]["type"] }[];
      const previous = advisory.credits_detailed;
      advisory.credits = credits.map((credit) => ({ login: credit.login, type: credit.type }));
      advisory.credits_detailed = credits.map((credit) => {
        const user = context.state.seedUser(credit.login);
        const kept = previous.find((existing) => existing.user.login.toLowerCase() === credit.login.toLowerCase());
        return { user, type: credit.type, state: kept?.state ?? "pending" };
      });
    }
    if (state && state !== advisory.state) {
      const now = context.state.timestamp();
      if (advisory.state === "triage" && advisory.submission) advisory.submission = { accepted: state === "draft" };
      advisory.state = state as typeof advisory.state;
      if (state === "published") {
        advisory.published_at = now;
        advisory.publisher = actor(context);
      }
      advisory.closed_at = state === "closed" ? now : null;
    }
    advisory.updated_at = context.state.timestamp();
    return { status: 200, body: advisory };
  },

  "security-advisories/list-repository-advisory-comments": (context) => {
    requirePermission(context, "repository_advisories", "read");
    const repository = repositoryOf(context);
    advisoryOf(context, repository);
    const since = context.query.since;
    const comments = (repository.advisoryComments.get(context.params.ghsa_id ?? "") ?? []).filter(
      (comment) => !since || comment.updated_at >= since,
    );
    return paginate(context, comments);
  },

  "security-advisories/create-repository-advisory-comment": (context) => {
    requirePermission(context, "repository_advisories", "write");
    const repository = repositoryOf(context);
    const advisory = advisoryOf(context, repository);
    const comment = context.state.createAdvisoryComment(repository, advisory.ghsa_id, String(context.body.body), actor(context));
    return { status: 201, body: comment };
  },

  "security-advisories/get-repository-advisory-comment": (context) => {
    requirePermission(context, "repository_advisories", "read");
    return { status: 200, body: advisoryCommentOf(context) };
  },

  "security-advisories/update-repository-advisory-comment": (context) => {
    requirePermission(context, "repository_advisories", "write");
    const comment = advisoryCommentOf(context);
    comment.body = String(context.body.body);
    comment.updated_at = context.state.timestamp();
    return { status: 200, body: comment };
  },
};

/** A repository whose advisories the app may use; 403 where GitHub refuses them, as for one without them. */
function advisoriesOf(context: RouteContext): RepositoryState {
  const repository = repositoryOf(context);
  if (!repository.advisoriesEnabled) throw new GitHubError(403, "Advisories are not available for this repository");
  return repository;
}

function advisoryCommentOf(context: RouteContext) {
  const repository = repositoryOf(context);
  advisoryOf(context, repository);
  const comment = repository.advisoryComments
    .get(context.params.ghsa_id ?? "")
    ?.find((candidate) => candidate.id === Number(context.params.comment_id));
  if (!comment) throw notFound();
  return comment;
}

function filterAdvisories<T extends { state: string; created_at: string | null; updated_at: string | null; published_at: string | null }>(
  context: RouteContext,
  advisories: T[],
): T[] {
  const state = context.query.state;
  const sort = context.query.sort ?? "created";
  const key = sort === "updated" ? "updated_at" : sort === "published" ? "published_at" : "created_at";
  const direction = context.query.direction ?? "desc";
  return advisories
    .filter((advisory) => !state || advisory.state === state)
    .sort((a, b) => {
      const order = (a[key] ?? "").localeCompare(b[key] ?? "");
      return direction === "asc" ? order : -order;
    });
}

interface SearchQuery {
  repo?: string;
  state?: string;
  labels: string[];
  inTitleOnly: boolean;
  terms: string[];
}

/** Enough of GitHub's issue search syntax for a case look-up: `repo:`, `is:`/`state:`, `label:`, `in:title`, terms. */
export function parseSearchQuery(q: string): SearchQuery {
  const query: SearchQuery = { labels: [], inTitleOnly: false, terms: [] };
  for (const [, quoted, word] of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (quoted !== undefined) {
      query.terms.push(quoted.toLowerCase());
      continue;
    }
    const token = word!;
    const [qualifier, value] = token.includes(":")
      ? [token.slice(0, token.indexOf(":")), token.slice(token.indexOf(":") + 1)]
      : [undefined, token];
    switch (qualifier?.toLowerCase()) {
      case "repo":
        query.repo = value.toLowerCase();
        break;
      case "is":
        if (value === "open" || value === "closed") query.state = value;
        break;
      case "state":
        query.state = value;
        break;
      case "label":
        query.labels.push(value.replace(/^"|"$/g, "").toLowerCase());
        break;
      case "in":
        query.inTitleOnly = value === "title";
        break;
      case "type":
        break;
      default:
        query.terms.push(token.toLowerCase());
    }
  }
  return query;
}
