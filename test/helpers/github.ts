/**
 * The GitHub of the unit tests: the stand-in (stateful, every request checked against GitHub's REST description,
 * journalled) on an ephemeral 127.0.0.1 port, seeded with the world the webhook fixtures describe: `octo-org`, its
 * public `octo-org/widgets` with a policy, the private tracking repository `octo-org/security-cases`, the app's
 * installation and the reported advisory. The app is the test Probot's (id 123, its key), so a test Probot only
 * needs the stand-in's URL as its `baseUrl`.
 *
 *   const github = await startTestGitHub({ config: policyYaml(openworx) });
 *   await createTestProbot(testDependencies(now), github.url).receive(...);
 *   expect(github.issues("octo-org/security-cases")).toHaveLength(1);
 *   expect(github.journal.problems()).toEqual([]);
 *
 * Stop them all after each test with `stopTestGitHubs`.
 */
import type { AuthorAssociation, IssueObject, RepositoryAdvisoryObject, UserObject } from "../fixtures/github-objects.js";
import { octoOrg } from "../fixtures/webhook-payloads.js";
import { seedFixtureWorld, type FixtureWorld } from "../harness/standin/fixture-world.js";
import { stripEnterprisePrefix } from "../harness/openapi.js";
import { commitShaOf } from "../harness/standin/routes.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import type { AdvisoryComment, Permission, PullRequestState, RepositoryState } from "../harness/standin/state.js";
import { testPrivateKey, testTrust } from "./probot.js";

export interface TestGitHubOptions {
  /** The reported repository's `.github/disclosure.yml`: the fixture world's minimal one unless given; null: none. */
  config?: string | null;
  /** Whether the tracking repository is private (it is unless told). */
  trackingPrivate?: boolean;
  /** More repositories of `octo-org` by name, public, each with this `.github/disclosure.yml`. */
  repositories?: Record<string, string>;
  /** "missing": the advisory comments preview answers 404, as where GitHub does not offer it. */
  commentsApi?: "available" | "missing";
  /** Who holds which role on the tracking repository, instead of the fixture's maintainer alone; users are seeded. */
  roles?: Record<string, Permission>;
}

/** An issue as GitHub holds it now: reading or setting its title, body or labels reads or changes GitHub's. */
export interface IssueView {
  number: number;
  title: string;
  body: string;
  /** Label names, in the order the issue holds them. */
  labels: string[];
  readonly locked: boolean;
  readonly state: "open" | "closed";
  readonly user: UserObject;
  readonly authorAssociation: AuthorAssociation;
  readonly createdAt: string;
}

export interface CommentView {
  id: number;
  /** The issue's number. */
  issue: number;
  body: string;
  user: UserObject;
}

export interface TestGitHub extends StandIn {
  fixture: FixtureWorld;
  /** An installation token for `octo-org` that is valid all test long, for clients made without Probot. */
  installationToken: string;
  /** An issue as the app (or `user`) opened it, numbered `number` when given. */
  seedIssue(repository: string, issue: { number?: number; title: string; body: string; labels?: string[]; user?: UserObject }): IssueObject;
  /** A repository's issues in the order they were opened. */
  issues(repository: string): IssueView[];
  /** The comments on a repository's issues, in order. */
  issueComments(repository: string): CommentView[];
  /** The bodies of the comments on one issue, in order. */
  commentBodies(repository: string, issue: number): string[];
  /** The comments on an advisory, in order; undefined when it has none. */
  advisoryComments(ghsaId: string): AdvisoryComment[] | undefined;
  /** A file's text on a branch (the default branch unless named), or undefined. */
  file(repository: string, path: string, branch?: string): string | undefined;
  /** The commit a branch points at, or undefined when there is no such branch. */
  branchSha(repository: string, branch: string): string | undefined;
  /** A maintainer merges an open pull request: the default branch takes the head branch's files. */
  mergePull(repository: string, number: number): void;
  /** A maintainer closes a pull request without merging it. */
  closePull(repository: string, number: number): void;
  /** The bodies of the advisory updates GitHub was sent, in order. */
  advisoryUpdates(): unknown[];
  /** The writes (POST, PATCH, PUT, DELETE) to a repository `owner/name`, in order, paths without any `/api/v3`. */
  writesTo(repository: string): { method: string; path: string; body: unknown }[];
  /** Makes the advisory a `repository_advisory` webhook announces known, as private vulnerability reporting would have. */
  report<T extends { repository_advisory: unknown; repository: { full_name: string } }>(payload: T): T;
}

const started = new Set<StandIn>();

export async function startTestGitHub(options: TestGitHubOptions = {}): Promise<TestGitHub> {
  const standIn = await startStandIn();
  started.add(standIn);
  const { state } = standIn;
  const fixture = seedFixtureWorld(state, {
    app: { id: testTrust.identity.appId, privateKey: testPrivateKey() },
    ...(typeof options.config === "string" ? { config: options.config } : {}),
    trackingRepository: { name: "security-cases", private: options.trackingPrivate ?? true },
  });
  if (options.config === null) state.repository(fixture.advisoryRepository)?.files.delete(".github/disclosure.yml");
  for (const [name, config] of Object.entries(options.repositories ?? {})) {
    state.seedRepository(`${octoOrg.login}/${name}`, { files: { ".github/disclosure.yml": config } });
  }
  state.features.advisoryComments = options.commentsApi !== "missing";
  if (options.roles) {
    const permissions = state.repository(fixture.trackingRepository)?.permissions;
    permissions?.clear();
    for (const [login, role] of Object.entries(options.roles)) {
      state.seedUser(login);
      permissions?.set(login.toLowerCase(), role);
    }
  }
  const installationToken = "ghs_installation_token";
  state.tokens.set(installationToken, { installationId: fixture.installationId, expiresAt: Number.MAX_SAFE_INTEGER });
  const repositoryState = (repository: string) => {
    const found = state.repository(repository);
    if (!found) throw new Error(`Seed the repository ${repository} first`);
    return found;
  };
  return {
    ...standIn,
    fixture,
    installationToken,
    seedIssue(repository, { number, title, body, labels = [], user = fixture.app.bot }) {
      const tracked = repositoryState(repository);
      if (number !== undefined) tracked.nextIssueNumber = number;
      return state.createIssue(tracked, { title, body, labels, user });
    },
    issueComments: (repository) =>
      [...(state.repository(repository)?.comments.values() ?? [])].map((comment) => ({
        id: comment.id,
        issue: Number(comment.issue_url.split("/").at(-1)),
        body: comment.body ?? "",
        user: comment.user,
      })),
    issues: (repository) =>
      [...(state.repository(repository)?.issues.values() ?? [])].map((issue) => ({
        number: issue.number,
        get title() {
          return issue.title;
        },
        set title(text: string) {
          issue.title = text;
        },
        get body() {
          return issue.body ?? "";
        },
        set body(text: string) {
          issue.body = text;
        },
        get labels() {
          return issue.labels.map((label) => label.name);
        },
        set labels(names: string[]) {
          issue.labels = names.map((name) => state.label(repositoryState(repository), name));
        },
        get locked() {
          return issue.locked;
        },
        get state() {
          return issue.state;
        },
        user: issue.user,
        get authorAssociation() {
          return issue.author_association;
        },
        createdAt: issue.created_at,
      })),
    commentBodies: (repository, issue) =>
      [...(state.repository(repository)?.comments.values() ?? [])]
        .filter((comment) => comment.issue_url.endsWith(`/issues/${issue}`))
        .map((comment) => comment.body ?? ""),
    advisoryComments(ghsaId) {
      const comments = [...state.repositories.values()].flatMap((repository) => repository.advisoryComments.get(ghsaId) ?? []);
      return comments.length > 0 ? comments : undefined;
    },
    file(repository, path, branch) {
      const held = repositoryState(repository);
      return filesOn(held, branch ?? held.repository.default_branch)?.get(path);
    },
    branchSha(repository, branch) {
      const files = filesOn(repositoryState(repository), branch);
      return files && commitShaOf(files);
    },
    mergePull(repository, number) {
      const held = repositoryState(repository);
      const pull = pullOf(held, number);
      const head = held.branches.get(pull.head) ?? new Map<string, string>();
      held.files.clear();
      for (const [path, text] of head) held.files.set(path, text);
      pull.state = "closed";
    },
    closePull(repository, number) {
      pullOf(repositoryState(repository), number).state = "closed";
    },
    advisoryUpdates: () => standIn.journal.of("security-advisories/update-repository-advisory").map((entry) => entry.body),
    writesTo: (repository) =>
      standIn.journal.entries
        .map(({ method, path, body }) => ({ method, path: stripEnterprisePrefix(path), body }))
        .filter((write) => write.method !== "GET" && write.path.startsWith(`/repos/${repository}/`)),
    report(payload) {
      const advisory = payload.repository_advisory as RepositoryAdvisoryObject;
      if (!state.repository(payload.repository.full_name)?.advisories.has(advisory.ghsa_id)) {
        state.adoptAdvisory(payload.repository.full_name, advisory);
      }
      return payload;
    },
  };
}

function filesOn(repository: RepositoryState, branch: string): Map<string, string> | undefined {
  return branch === repository.repository.default_branch ? repository.files : repository.branches.get(branch);
}

function pullOf(repository: RepositoryState, number: number): PullRequestState {
  const pull = repository.pulls.find((candidate) => candidate.number === number);
  if (!pull) throw new Error(`no pull request ${repository.repository.full_name}#${number}`);
  return pull;
}

/** Closes every test GitHub started since the last call. */
export async function stopTestGitHubs(): Promise<void> {
  const closing = [...started].map((standIn) => standIn.close());
  started.clear();
  await Promise.all(closing);
}
