/**
 * What the stand-in knows: the app, organisations, repositories with their files, issues, labels, comments,
 * advisories and advisory comments. Tests seed it with the helpers below and assert on it directly.
 */
import { createHash, createPublicKey } from "node:crypto";
import type { KeyObject } from "node:crypto";
import {
  issueCommentObject,
  issueObject,
  labelObject,
  nodeId,
  repositoryAdvisoryObject,
  repositoryObject,
  userObject,
  type AdvisoryOptions,
  type IssueCommentObject,
  type IssueObject,
  type LabelObject,
  type RepositoryAdvisoryObject,
  type RepositoryObject,
  type UserObject,
} from "../../fixtures/github-objects.js";
import { generateAppKeyPair, type AppKeyPair } from "./app-auth.js";

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface AdvisoryComment {
  id: number;
  node_id: string;
  body: string;
  user: UserObject;
  created_at: string;
  updated_at: string;
  html_url: string;
  author_association: "OWNER" | "MEMBER" | "COLLABORATOR" | "NONE";
}

export interface PullRequestState {
  id: number;
  number: number;
  /** The branch it proposes, in this repository. */
  head: string;
  base: string;
  title: string;
  body: string | null;
  state: "open" | "closed";
  user: UserObject;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RepositoryState {
  repository: RepositoryObject;
  /** The default branch's files, by path. */
  files: Map<string, string>;
  /** The other branches and the files on each, by branch name. */
  branches: Map<string, Map<string, string>>;
  /** Pull requests, numbered with the issues as GitHub numbers them. */
  pulls: PullRequestState[];
  /** Private vulnerability reporting: on, as on the repositories that take reports. */
  privateVulnerabilityReporting: boolean;
  /** Whether GitHub lets the app create advisories here; off: it answers 403, as for a repository without them. */
  advisoriesEnabled: boolean;
  /** Tags and the files at each, by tag name. */
  tags: Map<string, Map<string, string>>;
  issues: Map<number, IssueObject>;
  comments: Map<number, IssueCommentObject>;
  labels: Map<string, LabelObject>;
  advisories: Map<string, RepositoryAdvisoryObject>;
  advisoryComments: Map<string, AdvisoryComment[]>;
  permissions: Map<string, Permission>;
  nextIssueNumber: number;
}

export interface InstallationState {
  id: number;
  account: UserObject;
  permissions: Record<string, "read" | "write">;
  events: string[];
  /** When the account's owner suspended the app there; GitHub then refuses the installation's tokens. */
  suspendedAt?: string;
}

export interface AppState {
  id: number;
  slug: string;
  keys: AppKeyPair;
  publicKey: KeyObject;
  bot: UserObject;
}

export interface StandInFeatures {
  /** Repository security advisories: off to play GitHub Enterprise Server, which has none. */
  advisories: boolean;
  /** The advisory comments API in public preview. */
  advisoryComments: boolean;
  /** GitHub's search index lags behind writes by seconds; a new issue is not found by search for this long. */
  searchIndexLagMs: number;
  /** The `X-GitHub-Enterprise-Version` header GitHub Enterprise Server sends on every REST response; null plays github.com. */
  enterpriseServerVersion: string | null;
  /** A recursive tree lists at most this many entries and says `truncated` (GitHub: 100,000 entries or 7 MB). */
  treeEntryLimit: number;
}

export class StandInState {
  readonly features: StandInFeatures = {
    advisories: true,
    advisoryComments: true,
    searchIndexLagMs: 0,
    enterpriseServerVersion: null,
    treeEntryLimit: 100_000,
  };
  /** When each issue (by id) becomes visible to search, in wall-clock milliseconds. */
  readonly searchableFrom = new Map<number, number>();
  /** Labels the search index still holds for an issue (by id) whose labels changed after it last indexed it. */
  readonly searchIndexedLabels = new Map<number, string[]>();
  readonly users = new Map<string, UserObject>();
  readonly organizations = new Map<string, UserObject>();
  readonly repositories = new Map<string, RepositoryState>();
  readonly installations = new Map<number, InstallationState>();
  /** Installation tokens handed out, with the installation each belongs to. */
  readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  app: AppState | undefined;
  private nextId = 100_000;
  private advisoriesCreated = 0;
  /** The GHSA id of the next advisory created through the API; tests may replace it to name the ids they assert. */
  nextGhsaId: () => string = () => `GHSA-st4n-${String(++this.advisoriesCreated).padStart(4, "0")}-d1n0`;
  /** The clock every timestamp comes from; tests may replace it. */
  now: () => Date = () => new Date();

  id(): number {
    return this.nextId++;
  }

  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  /** The app, with a new key pair unless given its private key (PKCS#1 PEM). */
  seedApp(options: { id?: number; slug?: string; privateKey?: string } = {}): AppState {
    const keys = options.privateKey
      ? { privateKey: options.privateKey, publicKey: createPublicKey(options.privateKey) }
      : generateAppKeyPair();
    const slug = options.slug ?? "disclosure-desk";
    this.app = {
      id: options.id ?? 4_242,
      slug,
      keys,
      publicKey: keys.publicKey,
      bot: this.seedUser(`${slug}[bot]`, "Bot"),
    };
    return this.app;
  }

  seedUser(login: string, type: UserObject["type"] = "User", id = this.id()): UserObject {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const user = userObject(login, id, type);
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  seedOrganization(login: string, id?: number): UserObject {
    const organization = this.seedUser(login, "Organization", id);
    this.organizations.set(login.toLowerCase(), organization);
    return organization;
  }

  seedRepository(
    fullName: string,
    options: { id?: number; private?: boolean; files?: Record<string, string>; permissions?: Record<string, Permission> } = {},
  ): RepositoryState {
    const [ownerLogin, name] = fullName.split("/") as [string, string];
    const owner = this.organizations.get(ownerLogin.toLowerCase()) ?? this.seedUser(ownerLogin);
    const repository = repositoryObject({
      owner,
      name,
      id: options.id ?? this.id(),
      private: options.private ?? false,
      createdAt: this.timestamp(),
    });
    const state: RepositoryState = {
      repository,
      files: new Map(Object.entries(options.files ?? {})),
      branches: new Map(),
      pulls: [],
      privateVulnerabilityReporting: true,
      advisoriesEnabled: true,
      tags: new Map(),
      issues: new Map(),
      comments: new Map(),
      labels: new Map(),
      advisories: new Map(),
      advisoryComments: new Map(),
      permissions: new Map(Object.entries(options.permissions ?? {}).map(([login, level]) => [login.toLowerCase(), level])),
      nextIssueNumber: 1,
    };
    this.repositories.set(fullName.toLowerCase(), state);
    return state;
  }

  seedInstallation(
    accountLogin: string,
    options: { id?: number; permissions?: InstallationState["permissions"]; suspendedAt?: string } = {},
  ): InstallationState {
    const account = this.organizations.get(accountLogin.toLowerCase()) ?? this.seedUser(accountLogin);
    const installation: InstallationState = {
      id: options.id ?? this.id(),
      account,
      // As app.yml asks for them.
      permissions: options.permissions ?? {
        issues: "write",
        contents: "write",
        pull_requests: "write",
        metadata: "read",
        administration: "read",
        repository_advisories: "write",
        members: "read",
      },
      events: ["issues", "issue_comment", "repository_advisory"],
      ...(options.suspendedAt ? { suspendedAt: options.suspendedAt } : {}),
    };
    this.installations.set(installation.id, installation);
    return installation;
  }

  /** An advisory as private vulnerability reporting creates it: `triage`, authored by the researcher. */
  seedAdvisory(
    fullName: string,
    options: Partial<Omit<AdvisoryOptions, "repositoryFullName">> & { ghsaId: string; author: UserObject },
  ): RepositoryAdvisoryObject {
    const repositoryFullName = this.repository(fullName)?.repository.full_name ?? fullName;
    const advisory = repositoryAdvisoryObject({
      repositoryFullName,
      summary: "A vulnerability report",
      description: "Details of the report",
      severity: null,
      cvssVector: null,
      cvssScore: null,
      state: "triage",
      vulnerabilities: [],
      cweIds: [],
      credits: [{ user: options.author, type: "finder", state: "accepted" }],
      submissionAccepted: false,
      createdAt: this.timestamp(),
      ...options,
    });
    return this.adoptAdvisory(fullName, advisory);
  }

  /** Stores a copy of an advisory built elsewhere, e.g. the one in a `repository_advisory` webhook fixture. */
  adoptAdvisory(fullName: string, advisory: RepositoryAdvisoryObject): RepositoryAdvisoryObject {
    const repository = this.repository(fullName);
    if (!repository) throw new Error(`Seed the repository ${fullName} first`);
    const copy = structuredClone(advisory);
    repository.advisories.set(copy.ghsa_id, copy);
    return copy;
  }

  /** A tag with its files; without them, the default branch's files as they are now. */
  /**
   * Forgets all but the newest `keep` issues (with their comments) and advisories (with theirs) of every repository,
   * as if they had been deleted: a benchmark of tens of thousands of reports that never reads the old ones again
   * then costs the stand-in as much per request at its end as at its start.
   */
  forgetAllBut(keep: number): void {
    const oldest = <K, V>(map: Map<K, V>) => [...map.keys()].slice(0, Math.max(0, map.size - keep));
    for (const repository of this.repositories.values()) {
      const forgotten = new Set<string>();
      for (const number of oldest(repository.issues)) {
        const issue = repository.issues.get(number)!;
        repository.issues.delete(number);
        forgotten.add(issue.url);
        this.searchableFrom.delete(issue.id);
        this.searchIndexedLabels.delete(issue.id);
      }
      for (const [id, comment] of repository.comments) if (forgotten.has(comment.issue_url)) repository.comments.delete(id);
      for (const ghsaId of oldest(repository.advisories)) {
        repository.advisories.delete(ghsaId);
        repository.advisoryComments.delete(ghsaId);
      }
    }
  }

  seedTag(fullName: string, tag: string, files?: Record<string, string>): void {
    const repository = this.repository(fullName);
    if (!repository) throw new Error(`Seed the repository ${fullName} first`);
    repository.tags.set(tag, files ? new Map(Object.entries(files)) : new Map(repository.files));
  }

  repository(fullName: string): RepositoryState | undefined {
    return this.repositories.get(fullName.toLowerCase());
  }

  /** Finds a label, creating it as GitHub does when an issue is labelled with an unknown name. */
  label(repository: RepositoryState, name: string): LabelObject {
    const existing = repository.labels.get(name.toLowerCase());
    if (existing) return existing;
    const label = labelObject(repository.repository.full_name, name, this.id());
    repository.labels.set(name.toLowerCase(), label);
    return label;
  }

  createIssue(
    repository: RepositoryState,
    fields: { title: string; body: string | null; labels: string[]; user: UserObject },
  ): IssueObject {
    const number = repository.nextIssueNumber++;
    const issue = issueObject({
      repositoryFullName: repository.repository.full_name,
      number,
      id: this.id(),
      title: fields.title,
      body: fields.body,
      user: fields.user,
      labels: fields.labels.map((name) => this.label(repository, name)),
      createdAt: this.timestamp(),
    });
    repository.issues.set(number, issue);
    repository.repository.open_issues_count += 1;
    repository.repository.open_issues += 1;
    return issue;
  }

  /** A comment; `seeded` names its id, time and author association as a test's fixture needs them. */
  createComment(
    repository: RepositoryState,
    issue: IssueObject,
    body: string,
    user: UserObject,
    seeded: { id?: number; createdAt?: string; authorAssociation?: IssueCommentObject["author_association"] } = {},
  ): IssueCommentObject {
    const comment = issueCommentObject({
      repositoryFullName: repository.repository.full_name,
      issueNumber: issue.number,
      id: seeded.id ?? this.id(),
      body,
      user,
      createdAt: seeded.createdAt ?? this.timestamp(),
      ...(seeded.authorAssociation ? { authorAssociation: seeded.authorAssociation } : {}),
    });
    repository.comments.set(comment.id, comment);
    issue.comments += 1;
    return comment;
  }

  createAdvisoryComment(repository: RepositoryState, ghsaId: string, body: string, user: UserObject): AdvisoryComment {
    const id = this.id();
    const created = this.timestamp();
    const comment: AdvisoryComment = {
      id,
      node_id: nodeId("RAC_kwDO", id),
      body,
      user,
      created_at: created,
      updated_at: created,
      html_url: `https://github.com/${repository.repository.full_name}/security/advisories/${ghsaId}#advisory-comment-${id}`,
      author_association: user.type === "Bot" ? "NONE" : "MEMBER",
    };
    const list = repository.advisoryComments.get(ghsaId) ?? [];
    list.push(comment);
    repository.advisoryComments.set(ghsaId, list);
    return comment;
  }
}

/** A file's blob SHA as git computes it, which GitHub returns as `sha`. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
