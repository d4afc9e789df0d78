import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { CASE_RECORD_VERSION, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { runExportCommand, runForgetCommand } from "../../src/cli/forget-command.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import { FORGOTTEN_RESEARCHER } from "../../src/privacy/forget.js";
import { installation, octoOrg } from "../fixtures/webhook-payloads.js";
import { stripEnterprisePrefix } from "../harness/openapi.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
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
  closing: {
    credit: { choice: "name", name: "Rosa de Vries", login: "rosa-researcher", by: "researcher", at: "2026-11-30T10:00:00.000Z" },
  },
};
const issueBody = withCaseBlock(
  "## SQL injection in the widget search endpoint\n\n| Reported by | rosa-researcher on Monday 16 November 2026 |\n\n```text\nReach me at rosa@\u200bmailbox.example\n```",
  record,
);
const appComment = {
  id: 9001,
  body: "Researcher's reply (@\u200brosa-researcher): credit me as Rosa de Vries please",
  login: "disclosure-desk[bot]",
};
const maintainerComment = { id: 9002, body: "Thanks to rosa-researcher for the quick retest.", login: "max-maintainer" };

function io(env: Record<string, string | undefined>) {
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

/** The app's credentials, with GitHub at the stand-in as GHE_HOST points an operator's commands at their GitHub. */
const credentialsFor = (github: StandIn) => ({
  APP_ID: "123",
  PRIVATE_KEY: testPrivateKey(),
  GHE_HOST: new URL(github.url).host,
  GHE_PROTOCOL: "http",
});

const started: StandIn[] = [];

/** One installation with a public code repository and a private tracking repository holding one case. */
async function githubWithOneCase(): Promise<StandIn> {
  const github = await startStandIn();
  const { state } = github;
  const app = state.seedApp({ id: 123, privateKey: testPrivateKey() });
  state.seedOrganization(octoOrg.login, octoOrg.id);
  state.seedRepository("octo-org/widgets", { files: { ".github/disclosure.yml": `tracking:\n  repository: ${tracking}\n` } });
  const trackingRepository = state.seedRepository(tracking, { private: true });
  state.seedInstallation(octoOrg.login, { id: installation.id });
  // The tracking issue as the app opened it, with its sealed case block; the case is resolved and closed.
  trackingRepository.nextIssueNumber = 7;
  const issue = state.createIssue(trackingRepository, {
    title: "GHSA-4v7x-pqr2-9c3m: SQL injection in the widget search endpoint",
    body: sealedForTest(issueBody, tracking, 7),
    labels: ["disclosure"],
    user: app.bot,
  });
  issue.state = "closed";
  const maintainer = state.seedUser(maintainerComment.login);
  state.createComment(trackingRepository, issue, appComment.body, app.bot, { id: appComment.id });
  state.createComment(trackingRepository, issue, maintainerComment.body, maintainer, {
    id: maintainerComment.id,
    authorAssociation: "MEMBER",
  });
  started.push(github);
  return github;
}

const writes = (github: StandIn) =>
  github.journal.entries
    .map((entry) => ({ ...entry, path: stripEnterprisePrefix(entry.path) }))
    .filter((request) => request.method !== "GET" && !request.path.endsWith("/access_tokens"));

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith("127.0.0.1:"));
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await Promise.all(started.splice(0).map((github) => github.close()));
});

// nock patches Node's http for the whole Jest worker: the files that run after this one get it as Node made it.
afterAll(() => {
  nock.restore();
});

describe("disclosure-desk forget", () => {
  it("replaces the researcher in the issue body and the app's comments, keeping the case block and maintainers' words", async () => {
    const github = await githubWithOneCase();
    const { io: commandIo, out, err } = io(credentialsFor(github));

    const code = await runForgetCommand(["rosa-researcher", "Rosa de Vries", "rosa@mailbox.example"], commandIo, overrides);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(github.journal.problems()).toEqual([]);
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
    expect(commentUpdate?.body).toEqual({
      body: `Researcher's reply (${FORGOTTEN_RESEARCHER}): credit me as ${FORGOTTEN_RESEARCHER} please`,
    });
    expect(out).toEqual([
      `${tracking}#7 (GHSA-4v7x-pqr2-9c3m): issue body 2, comment 9001 2; 2 kept in the case block, 1 in maintainers' comments not changed\n`,
      "forget: 4 replacements in 1 cases; 2 mentions kept in case blocks, 1 in maintainers' comments not changed\n",
    ]);
  });

  it("changes nothing in a dry run and says what it would change", async () => {
    const github = await githubWithOneCase();
    const { io: commandIo, out } = io(credentialsFor(github));

    expect(await runForgetCommand(["rosa-researcher", "Rosa de Vries", "rosa@mailbox.example", "--dry-run"], commandIo, overrides)).toBe(0);

    expect(writes(github)).toEqual([]);
    expect(github.journal.problems()).toEqual([]);
    expect(out[0]).toBe(
      `${tracking}#7 (GHSA-4v7x-pqr2-9c3m): issue body 2, comment 9001 2; 2 kept in the case block, 1 in maintainers' comments not changed\n`,
    );
    expect(out[1]).toMatch(/^forget \(dry run, nothing changed\): 4 replacements in 1 cases;/);
  });

  it("refuses an identifier too short to find safely, and missing credentials", async () => {
    const short = io({ APP_ID: "123", PRIVATE_KEY: testPrivateKey() });
    expect(await runForgetCommand(["ro"], short.io, overrides)).toBe(2);
    expect(short.err).toEqual([
      '"ro" is too short to find safely (at least 3 characters)\nusage: disclosure-desk forget <login | name | e-mail>... [--dry-run]\n',
    ]);

    const missing = io({});
    expect(await runForgetCommand(["rosa-researcher"], missing.io, overrides)).toBe(2);
    expect(missing.err).toEqual(["disclosure-desk forget: APP_ID must be set to the GitHub App's id\n"]);
  });
});

describe("disclosure-desk export", () => {
  it("lists every case that mentions the researcher and where, as JSON, and writes nothing", async () => {
    const github = await githubWithOneCase();
    const { io: commandIo, out, err } = io(credentialsFor(github));

    expect(await runExportCommand(["@rosa-researcher", "rosa@mailbox.example"], commandIo, overrides)).toBe(0);

    expect(err).toEqual([]);
    expect(writes(github)).toEqual([]);
    expect(github.journal.problems()).toEqual([]);
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
            {
              id: maintainerComment.id,
              url: `https://github.com/${tracking}/issues/7#issuecomment-${maintainerComment.id}`,
              byApp: false,
              mentions: 1,
            },
          ],
        },
      ],
    });
  });
});
