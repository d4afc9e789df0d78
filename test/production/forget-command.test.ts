import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { CASE_RECORD_VERSION, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { runExportCommand, runForgetCommand } from "../../src/cli/forget-command.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import { FORGOTTEN_RESEARCHER } from "../../src/privacy/forget.js";
import { installation, octoOrg } from "../fixtures/webhook-payloads.js";
import { mockGitHub, type GitHubMock } from "../harness/github-mock.js";
import { sealedForTest, TestOctokit, testPrivateKey } from "../helpers/probot.js";

const tracking = "octo-org/security-cases";
const overrides = { Octokit: TestOctokit, log: pino({ level: "silent" }) };
const record: CaseRecord = {
  v: CASE_RECORD_VERSION,
  key: "GHSA-4v7x-pqr2-9c3m",
  channel: "advisory",
  source: { repository: "octo-org/widgets", ghsaId: "GHSA-4v7x-pqr2-9c3m" },
  state: "resolved",
  receivedAt: "2026-11-16T08:30:00.000Z",
  openedAt: "2026-11-16T08:31:00.000Z",
  policyVersion: null,
  configError: false,
  deadlines: { responseDue: "2026-11-23T23:59:59.999Z" },
  acknowledgement: { status: "sent", at: "2026-11-16T08:31:00.000Z" },
  closing: { credit: { choice: "name", name: "Rosa de Vries", login: "rosa-researcher", by: "researcher", at: "2026-11-30T10:00:00.000Z" } },
};
const issueBody = withCaseBlock(
  "## SQL injection in the widget search endpoint\n\n| Reported by | rosa-researcher on Monday 16 November 2026 |\n\n```text\nReach me at rosa@\u200bmailbox.example\n```",
  record,
);
/** The tracking issue as GitHub describes it: opened by the app, with its sealed case block. */
const trackingIssue = {
  number: 7,
  html_url: `https://github.com/${tracking}/issues/7`,
  repository_url: `https://api.github.com/repos/${tracking}`,
  user: { login: "disclosure-desk[bot]", type: "Bot" },
  created_at: "2026-11-16T08:31:00Z",
  body: sealedForTest(issueBody, tracking, 7),
  labels: [{ name: "disclosure" }],
};
const appComment = { id: 9001, body: "Researcher's reply (@\u200brosa-researcher): credit me as Rosa de Vries please", login: "disclosure-desk[bot]" };
const maintainerComment = { id: 9002, body: "Thanks to rosa-researcher for the quick retest.", login: "max-maintainer" };

function io(env: Record<string, string | undefined> = { APP_ID: "123", PRIVATE_KEY: testPrivateKey() }) {
  const out: string[] = [];
  const err: string[] = [];
  const value: SweepCommandIo = {
    env,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      throw new Error(`ENOENT: ${path}`);
    },
    now: () => new Date("2026-12-01T12:00:00Z"),
  };
  return { io: value, out, err };
}

/** One installation with a public code repository and a private tracking repository holding one case. */
function githubWithOneCase(): GitHubMock {
  const github = mockGitHub();
  const repositoryOwner = { login: octoOrg.login, type: "Organization" };
  github.scope.persist()
    .post(`/app/installations/${installation.id}/access_tokens`)
    .reply(201, { token: "ghs_installation_token", expires_at: "2099-01-01T00:00:00Z", permissions: {}, repository_selection: "all" });
  github.scope.get("/app").reply(200, { id: 123, slug: "disclosure-desk", name: "Disclosure Desk" });
  github.scope.get("/app/installations").query({ per_page: "100" })
    .reply(200, [{ id: installation.id, account: { login: octoOrg.login, id: octoOrg.id, type: "Organization" }, suspended_at: null }]);
  github.scope.get("/installation/repositories").query({ per_page: "100" }).reply(200, {
    total_count: 2,
    repositories: [
      { full_name: "octo-org/widgets", private: false, archived: false, owner: repositoryOwner },
      { full_name: tracking, private: true, archived: false, owner: repositoryOwner },
    ],
  });
  github.scope.persist().get(/^\/repos\/octo-org\/[^/]+\/contents\//).reply((uri) =>
    uri.startsWith("/repos/octo-org/widgets/")
      ? [200, `tracking:\n  repository: ${tracking}\n`, { "content-type": "application/vnd.github.raw; charset=utf-8" }]
      : [404, { message: "Not Found" }],
  );
  github.scope.persist().get(`/repos/${tracking}`).reply(200, { full_name: tracking, private: true });
  github.scope.get(`/repos/${tracking}/issues`).query(true).reply(200, [{ ...trackingIssue, state: "open" }]);
  github.scope.persist().get(`/repos/${tracking}/issues/7`).reply(200, { ...trackingIssue, state: "closed" });
  github.scope.persist().get(`/repos/${tracking}/issues/7/comments`).query(true).reply(200, [appComment, maintainerComment].map((comment) => ({
    id: comment.id,
    html_url: `https://github.com/${tracking}/issues/7#issuecomment-${comment.id}`,
    body: comment.body,
    user: { login: comment.login },
  })));
  return github;
}

const writes = (github: GitHubMock) => github.requests.filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens"));

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("disclosure-desk forget", () => {
  it("replaces the researcher in the issue body and the app's comments, keeping the case block and maintainers' words", async () => {
    const github = githubWithOneCase();
    github.scope.patch(`/repos/${tracking}/issues/7`).reply(200, { number: 7 });
    github.scope.patch(`/repos/${tracking}/issues/comments/${appComment.id}`).reply(200, { id: appComment.id });
    const { io: commandIo, out, err } = io();

    const code = await runForgetCommand(["rosa-researcher", "Rosa de Vries", "rosa@mailbox.example"], commandIo, overrides);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(github.problems()).toEqual([]);
    const [bodyUpdate, commentUpdate, ...others] = writes(github);
    expect(others).toEqual([]);
    expect(bodyUpdate?.path).toBe(`/repos/${tracking}/issues/7`);
    expect(bodyUpdate?.body).toEqual({
      body: sealedForTest(
        withCaseBlock(
          `## SQL injection in the widget search endpoint\n\n| Reported by | ${FORGOTTEN_RESEARCHER} on Monday 16 November 2026 |\n\n\`\`\`text\nReach me at ${FORGOTTEN_RESEARCHER}\n\`\`\``,
          record,
        ),
        tracking,
        7,
      ),
    });
    expect(commentUpdate?.path).toBe(`/repos/${tracking}/issues/comments/${appComment.id}`);
    expect(commentUpdate?.body).toEqual({ body: `Researcher's reply (${FORGOTTEN_RESEARCHER}): credit me as ${FORGOTTEN_RESEARCHER} please` });
    expect(out).toEqual([
      `${tracking}#7 (GHSA-4v7x-pqr2-9c3m): issue body 2, comment 9001 2; 2 kept in the case block, 1 in maintainers' comments not changed\n`,
      "forget: 4 replacements in 1 cases; 2 mentions kept in case blocks, 1 in maintainers' comments not changed\n",
    ]);
  });

  it("changes nothing in a dry run and says what it would change", async () => {
    const github = githubWithOneCase();
    const { io: commandIo, out } = io();

    expect(await runForgetCommand(["rosa-researcher", "Rosa de Vries", "rosa@mailbox.example", "--dry-run"], commandIo, overrides)).toBe(0);

    expect(writes(github)).toEqual([]);
    expect(github.problems()).toEqual([]);
    expect(out[0]).toBe(`${tracking}#7 (GHSA-4v7x-pqr2-9c3m): issue body 2, comment 9001 2; 2 kept in the case block, 1 in maintainers' comments not changed\n`);
    expect(out[1]).toMatch(/^forget \(dry run, nothing changed\): 4 replacements in 1 cases;/);
  });

  it("refuses an identifier too short to find safely, and missing credentials", async () => {
    const short = io();
    expect(await runForgetCommand(["ro"], short.io, overrides)).toBe(2);
    expect(short.err).toEqual(['"ro" is too short to find safely (at least 3 characters)\nusage: disclosure-desk forget <login | name | e-mail>... [--dry-run]\n']);

    const missing = io({});
    expect(await runForgetCommand(["rosa-researcher"], missing.io, overrides)).toBe(2);
    expect(missing.err).toEqual(["disclosure-desk forget: APP_ID must be set to the GitHub App's id\n"]);
  });
});

describe("disclosure-desk export", () => {
  it("lists every case that mentions the researcher and where, as JSON, and writes nothing", async () => {
    const github = githubWithOneCase();
    const { io: commandIo, out, err } = io();

    expect(await runExportCommand(["@rosa-researcher", "rosa@mailbox.example"], commandIo, overrides)).toBe(0);

    expect(err).toEqual([]);
    expect(writes(github)).toEqual([]);
    expect(github.problems()).toEqual([]);
    expect(JSON.parse(out.join(""))).toEqual({
      researcher: ["@rosa-researcher", "rosa@mailbox.example"],
      cases: [
        {
          installation: installation.id,
          repository: tracking,
          issue: 7,
          url: `https://github.com/${tracking}/issues/7`,
          caseKey: "GHSA-4v7x-pqr2-9c3m",
          body: 2,
          caseBlock: 1,
          comments: [
            { id: appComment.id, url: `https://github.com/${tracking}/issues/7#issuecomment-${appComment.id}`, byApp: true, mentions: 1 },
            { id: maintainerComment.id, url: `https://github.com/${tracking}/issues/7#issuecomment-${maintainerComment.id}`, byApp: false, mentions: 1 },
          ],
        },
      ],
    });
  });
});
