import { createHash } from "node:crypto";
import { pino } from "pino";
import { renderCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { createGatewayCache, type GatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import type { SweepOptions } from "../../src/sweep/run.js";
import { issueCommentObject, issueObject, repositoryAdvisoryObject, repositoryObject } from "../fixtures/github-objects.js";
import { installation, maintainer, octoOrg, researcher } from "../fixtures/webhook-payloads.js";
import { fakeGitHub, type FakeGitHub, type FakeIssue } from "../helpers/fake-github.js";
import { sealedForTest, TestOctokit } from "../helpers/probot.js";

/**
 * The fake GitHub of the handler tests, plus what a sweep reads: the installation's repositories, open issues by
 * label (with ETags, answering 304 to an unchanged page), issue comments, label removal and triage advisories.
 */

export const trackingRepository = "octo-org/security-cases";
export const sourceRepository = "octo-org/widgets";

export const openworxConfig = `
language: en
policy:
  name: Openworx Responsible Disclosure
  url: https://example.org/responsible-disclosure
tracking:
  repository: ${trackingRepository}
  team: octo-org/security
calendar:
  timezone: Europe/Amsterdam
  holidays: NL
sla:
  response: { businessDays: 5 }
  resolution: { days: 30 }
  updates: { everyDays: 14 }
  remind: { businessDaysBefore: 1 }
  needsInfo: { pauseClock: true, closeAfterDays: 30 }
`;

export interface SweepWorld {
  github: FakeGitHub;
  comments: Map<number, { id: number; body: string }[]>;
  triageAdvisories: ReturnType<typeof repositoryAdvisoryObject>[];
  closed: Set<number>;
  addCase(record: CaseRecord, labels?: string[]): FakeIssue;
  gateway(now: Date, cache?: GatewayCache): GitHubGateway;
  options(now: Date, changes?: Partial<SweepOptions>): SweepOptions;
}

const appBot = { ...maintainer, login: "disclosure-desk[bot]", type: "Bot" as const };

function etagOf(value: unknown): string {
  return `"${createHash("sha1").update(JSON.stringify(value)).digest("hex")}"`;
}

export interface SweepWorldOptions {
  /** More repositories of the organisation's installation by name, listed before the others, each with its `.github/disclosure.yml`. */
  moreRepositories?: Record<string, string>;
  /** "missing": the advisory comments API answers 404, so messages to the researcher are relayed. */
  commentsApi?: "available" | "missing";
}

export function sweepWorld({ moreRepositories = {}, commentsApi = "available" }: SweepWorldOptions = {}): SweepWorld {
  const moreConfigFiles = Object.fromEntries(Object.entries(moreRepositories).map(([name, text]) => [`octo-org/${name}:.github/disclosure.yml`, text]));
  const github = fakeGitHub({
    configFiles: { [`${sourceRepository}:.github/disclosure.yml`]: openworxConfig, ...moreConfigFiles },
    privateRepositories: [trackingRepository],
    commentsApi,
  });
  const { scope } = github.mock;
  const comments = new Map<number, { id: number; body: string }[]>();
  const triageAdvisories: SweepWorld["triageAdvisories"] = [];
  const closed = new Set<number>();
  let nextCommentId = 70_000;

  /** A 200 with an ETag, or a 304 when the client already has this exact page. */
  const conditional = (headers: Record<string, string | string[] | undefined>, data: unknown, link?: string) => {
    const etag = etagOf(data);
    if (headers["if-none-match"] === etag) return [304, "", { etag }] as const;
    return [200, data, { etag, ...(link ? { link } : {}) }] as const;
  };

  scope
    .persist()
    .get(/^\/installation\/repositories(\?.*)?$/)
    .reply(function reply() {
      const repositories = [
        ...Object.keys(moreRepositories).map((name, index) => repositoryObject({ owner: octoOrg, name, id: 7_300_100 + index, private: false })),
        repositoryObject({ owner: octoOrg, name: "widgets", id: 7_300_001, private: false }),
        repositoryObject({ owner: octoOrg, name: "security-cases", id: 7_300_002, private: true }),
      ];
      return [...conditional(this.req.headers, { total_count: repositories.length, repositories })];
    });

  scope
    .persist()
    .get(/^\/repos\/octo-org\/security-cases\/issues(\?.*)?$/)
    .reply(function reply(uri) {
      const url = new URL(uri, "https://api.github.com");
      const page = Number(url.searchParams.get("page") ?? "1");
      const open = (github.issues.get(trackingRepository) ?? []).filter((issue) => issue.labels.includes("disclosure") && !closed.has(issue.number));
      const items = open.slice((page - 1) * 100, page * 100).map((issue) => issueResponse(issue));
      const link = page * 100 < open.length
        ? `<https://api.github.com/repos/octo-org/security-cases/issues?state=open&labels=disclosure&sort=created&direction=asc&per_page=100&page=${page + 1}>; rel="next"`
        : undefined;
      return [...conditional(this.req.headers, items, link)];
    });
  scope
    .persist()
    .get(/^\/repos\/octo-org\/security-cases\/issues\/\d+\/comments(\?.*)?$/)
    .reply((uri) => {
      const issueNumber = Number(uri.split("/")[5]);
      return [
        200,
        (comments.get(issueNumber) ?? []).map((comment) =>
          issueCommentObject({ repositoryFullName: trackingRepository, issueNumber, id: comment.id, body: comment.body, user: appBot, createdAt: "2026-11-27T08:00:00Z" }),
        ),
      ];
    });
  scope
    .persist()
    .post(/^\/repos\/octo-org\/security-cases\/issues\/\d+\/comments$/)
    .reply((uri, body) => {
      const issueNumber = Number(uri.split("/")[5]);
      const comment = { id: nextCommentId++, body: (body as { body: string }).body };
      comments.set(issueNumber, [...(comments.get(issueNumber) ?? []), comment]);
      return [201, issueCommentObject({ repositoryFullName: trackingRepository, issueNumber, id: comment.id, body: comment.body, user: appBot, createdAt: "2026-11-27T08:00:00Z" })];
    });
  scope
    .persist()
    .delete(/^\/repos\/octo-org\/security-cases\/issues\/\d+\/labels\/.+$/)
    .reply((uri) => {
      const parts = uri.split("/");
      const issue = github.issues.get(trackingRepository)?.find((candidate) => candidate.number === Number(parts[5]));
      const name = decodeURIComponent(parts[7] ?? "");
      if (!issue?.labels.includes(name)) return [404, { message: "Label does not exist" }];
      issue.labels = issue.labels.filter((label) => label !== name);
      return [200, []];
    });

  scope
    .persist()
    .get(/^\/orgs\/octo-org\/security-advisories(\?.*)?$/)
    .reply(function reply() {
      return [...conditional(this.req.headers, triageAdvisories)];
    });

  function issueResponse(issue: FakeIssue) {
    return {
      ...issueObject({
        repositoryFullName: trackingRepository,
        number: issue.number,
        id: 50_000 + issue.number,
        title: issue.title,
        body: issue.body,
        user: appBot,
        createdAt: "2026-11-16T08:31:00Z",
      }),
      labels: issue.labels.map((name, index) => ({ id: index + 1, node_id: `LA_${index}`, url: "", name, color: "ededed", default: false, description: null })),
    };
  }

  return {
    github,
    comments,
    triageAdvisories,
    closed,
    addCase(record, labels = ["disclosure", "state:triage"]) {
      const list = github.issues.get(trackingRepository) ?? [];
      const number = list.length + 1;
      const issue: FakeIssue = { number, title: `${record.key}: a report`, body: sealedForTest(`Case ${record.key}\n\n${renderCaseBlock(record)}\n`, trackingRepository, number), labels };
      github.issues.set(trackingRepository, [...list, issue]);
      return issue;
    },
    gateway(now, cache = createGatewayCache()) {
      return new GitHubGateway(new TestOctokit({ auth: "ghs_installation_token" }), cache, installation.id, () => now.getTime());
    },
    options(now, changes = {}) {
      return { now, dryRun: false, maxRequests: 5_000, locks: createInProcessLocks(), log: pino({ level: process.env.LOG_LEVEL ?? "silent" }), ...changes };
    },
  };
}

/** A private report still in triage, as the organisation's advisory listing returns it. */
export function triageAdvisory(ghsaId: string, createdAt: string) {
  return repositoryAdvisoryObject({
    repositoryFullName: sourceRepository,
    ghsaId,
    summary: "Stored XSS in the widget title",
    description: "## Summary\nThe widget title on https://widgets.example.org is rendered unescaped.\n\n## Steps to reproduce\n1. Create a widget titled <script>alert(1)</script>\n2. Open it.",
    severity: "medium",
    cvssVector: null,
    cvssScore: null,
    state: "triage",
    author: researcher,
    vulnerabilities: [],
    cweIds: [],
    credits: [],
    submissionAccepted: false,
    createdAt,
  });
}
