import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Probot, ProbotOctokit } from "probot";
import { generateAppKeyPair, signAppJwt } from "./standin/app-auth.js";
import { seedFixtureWorld } from "./standin/fixture-world.js";
import { parseSearchQuery } from "./standin/routes.js";
import { startStandIn, type StandIn } from "./standin/server.js";
import { repositoryAdvisoryReportedPayload } from "./webhooks.js";

const config = "language: en\ntracking:\n  repository: octo-org/security-cases\n";
const ghsaId = "GHSA-4v7x-pqr2-9c3m";

let github: StandIn;
let probot: Probot;
let installationId: number;

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { enabled: false },
  retry: { enabled: false },
}));

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; headers: Record<string, string | undefined> }> {
  try {
    await promise;
    return { status: 200, headers: {} };
  } catch (error) {
    const { status, response } = error as { status?: number; response?: { headers: Record<string, string | undefined> } };
    return { status: status ?? 0, headers: response?.headers ?? {} };
  }
}

beforeAll(async () => {
  github = await startStandIn();
  const app = github.state.seedApp({ id: 4242 });
  github.state.seedOrganization("octo-org");
  github.state.seedRepository("octo-org/widgets", { files: { ".github/disclosure.yml": config } });
  github.state.seedRepository("octo-org/security-cases", { private: true, permissions: { "max-maintainer": "maintain" } });
  github.state.seedUser("max-maintainer");
  installationId = github.state.seedInstallation("octo-org").id;
  github.state.seedAdvisory("octo-org/widgets", {
    ghsaId,
    author: github.state.seedUser("rosa-researcher"),
    summary: "SQL injection in the widget search endpoint",
    severity: "high",
  });
  probot = new Probot({ appId: app.id, privateKey: app.keys.privateKey, baseUrl: github.url, Octokit: TestOctokit });
});

afterAll(async () => {
  const strayAnswers = github.journal.entries.flatMap((entry) => entry.responseProblems);
  await github.close();
  // Every answer the stand-in gave during this file must match GitHub's own response schemas.
  expect(strayAnswers).toEqual([]);
});

describe("the GitHub stand-in driven by Probot's Octokit", () => {
  it("serves an intake: installations, config, privacy check, look-up by key, case issue, acknowledgement", async () => {
    const appOctokit = await probot.auth();
    const { data: installations } = await appOctokit.rest.apps.listInstallations();
    expect(installations.map((installation) => installation.account?.login)).toEqual(["octo-org"]);
    const { data: repoInstallation } = await appOctokit.rest.apps.getRepoInstallation({ owner: "octo-org", repo: "widgets" });
    expect(repoInstallation.id).toBe(installationId);

    const octokit = await probot.auth(installationId);
    const encoded = await octokit.rest.repos.getContent({ owner: "octo-org", repo: "widgets", path: ".github/disclosure.yml" });
    expect(Buffer.from((encoded.data as { content: string }).content, "base64").toString("utf8")).toBe(config);
    const raw = await octokit.rest.repos.getContent({
      owner: "octo-org",
      repo: "widgets",
      path: ".github/disclosure.yml",
      mediaType: { format: "raw" },
    });
    expect(raw.data).toBe(config);

    const tracking = await octokit.rest.repos.get({ owner: "octo-org", repo: "security-cases" });
    expect(tracking.data.private).toBe(true);

    const key = `repo:octo-org/security-cases in:title "${ghsaId}"`;
    expect((await octokit.rest.search.issuesAndPullRequests({ q: key })).data.total_count).toBe(0);

    const { data: issue } = await octokit.rest.issues.create({
      owner: "octo-org",
      repo: "security-cases",
      title: `[${ghsaId}] SQL injection in the widget search endpoint`,
      body: '<!-- disclosure-desk:case {"v":1} -->',
      labels: ["disclosure:triage", "severity:high"],
    });
    expect(issue.number).toBe(1);
    expect(issue.user?.login).toBe("disclosure-desk[bot]");
    const found = await octokit.rest.search.issuesAndPullRequests({ q: key });
    expect(found.data.items.map((item) => item.number)).toEqual([1]);

    const advisory = await octokit.rest.securityAdvisories.getRepositoryAdvisory({ owner: "octo-org", repo: "widgets", ghsa_id: ghsaId });
    expect(advisory.data.state).toBe("triage");

    const commentRoute = "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments";
    const params = { owner: "octo-org", repo: "widgets", ghsa_id: ghsaId, body: "Thank you. We will respond by 2026-11-23." };
    github.faults.inject({ operationId: "security-advisories/create-repository-advisory-comment" }, { kind: "status", status: 502 });
    expect((await statusOf(octokit.request(commentRoute, params))).status).toBe(502);
    const acknowledgement = await octokit.request(commentRoute, params);
    expect(acknowledgement.status).toBe(201);
    expect(
      github.state
        .repository("octo-org/widgets")
        ?.advisoryComments.get(ghsaId)
        ?.map((comment) => comment.body),
    ).toEqual([params.body]);

    await octokit.rest.securityAdvisories.updateRepositoryAdvisory({
      owner: "octo-org",
      repo: "widgets",
      ghsa_id: ghsaId,
      state: "draft",
      credits: [{ login: "rosa-researcher", type: "finder" }],
    });
    const updated = github.state.repository("octo-org/widgets")?.advisories.get(ghsaId);
    expect(updated?.state).toBe("draft");
    expect(updated?.submission).toEqual({ accepted: true });
    expect(updated?.credits_detailed.map((credit) => [credit.user.login, credit.state])).toEqual([["rosa-researcher", "accepted"]]);

    const permission = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: "octo-org",
      repo: "security-cases",
      username: "max-maintainer",
    });
    expect(permission.data.role_name).toBe("maintain");

    const refusedOrAnswered = github.journal.entries.filter((entry) => entry.status >= 400 && !entry.fault);
    expect(refusedOrAnswered).toEqual([]);
    expect(github.journal.of("issues/create")[0]?.body).toEqual(
      expect.objectContaining({ labels: ["disclosure:triage", "severity:high"] }),
    );
  });

  it("answers a repeated GET with 304 when the ETag still matches, and 200 after a change", async () => {
    const octokit = await probot.auth(installationId);
    const first = await octokit.rest.issues.get({ owner: "octo-org", repo: "security-cases", issue_number: 1 });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const conditional = { owner: "octo-org", repo: "security-cases", issue_number: 1, headers: { "if-none-match": etag } };
    expect((await statusOf(octokit.rest.issues.get(conditional))).status).toBe(304);
    await octokit.rest.issues.lock({ owner: "octo-org", repo: "security-cases", issue_number: 1, lock_reason: "resolved" });
    const changed = await octokit.rest.issues.get(conditional);
    expect(changed.status).toBe(200);
    expect(changed.data.locked).toBe(true);
    await octokit.rest.issues.unlock({ owner: "octo-org", repo: "security-cases", issue_number: 1 });
  });

  it("lists issues by label with Link headers that Octokit's paginate follows", async () => {
    const octokit = await probot.auth(installationId);
    for (let index = 0; index < 4; index++) {
      await octokit.rest.issues.create({
        owner: "octo-org",
        repo: "security-cases",
        title: `Case ${index}`,
        labels: ["disclosure:triage"],
      });
    }
    const page = await octokit.rest.issues.listForRepo({
      owner: "octo-org",
      repo: "security-cases",
      labels: "disclosure:triage",
      per_page: 2,
    });
    expect(page.data).toHaveLength(2);
    expect(page.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: "octo-org",
      repo: "security-cases",
      labels: "disclosure:triage",
      sort: "created",
      direction: "asc",
      per_page: 2,
    });
    expect(all.map((issue) => issue.title)).toEqual([
      `[${ghsaId}] SQL injection in the widget search endpoint`,
      "Case 0",
      "Case 1",
      "Case 2",
      "Case 3",
    ]);
  });

  it("keeps labels and comments", async () => {
    const octokit = await probot.auth(installationId);
    const repo = { owner: "octo-org", repo: "security-cases" };
    await octokit.rest.issues.createLabel({ ...repo, name: "disclosure:accepted", color: "0e8a16" });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ["disclosure:accepted"] });
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: "disclosure:triage" });
    const { data: comment } = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "Accepted by @max-maintainer" });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "Accepted." });
    const comments = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });
    expect(comments.data.map((item) => item.body)).toEqual(["Accepted."]);
    const issue = await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    expect(issue.data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual([
      "severity:high",
      "disclosure:accepted",
    ]);

    const closed = await octokit.rest.issues.update({ ...repo, issue_number: 2, state: "closed", state_reason: "not_planned" });
    expect([closed.data.state, closed.data.state_reason, closed.data.closed_at]).toEqual(["closed", "not_planned", expect.any(String)]);
    const open = await octokit.rest.issues.listForRepo({ ...repo, state: "open", per_page: 100 });
    expect(open.data.map((item) => item.number)).not.toContain(2);
  });

  it("refuses what GitHub refuses, in GitHub's error shapes", async () => {
    const octokit = await probot.auth(installationId);
    const misspelt = await statusOf(
      octokit.rest.issues.create({ owner: "octo-org", repo: "security-cases", title: "x", lables: ["a"] } as never),
    );
    expect(misspelt.status).toBe(422);
    expect(github.journal.entries.at(-1)?.problems).toEqual(['issues/create: body: unknown field "lables"']);

    expect(
      (await statusOf(octokit.request("GET /repos/{owner}/{repo}/security-advisory", { owner: "octo-org", repo: "widgets" }))).status,
    ).toBe(404);
    expect((await statusOf(octokit.rest.repos.get({ owner: "someone-else", repo: "widgets" }))).status).toBe(404);

    const backwards = await statusOf(
      octokit.rest.securityAdvisories
        .updateRepositoryAdvisory({ owner: "octo-org", repo: "widgets", ghsa_id: ghsaId, state: "published" })
        .then(() =>
          octokit.rest.securityAdvisories.updateRepositoryAdvisory({ owner: "octo-org", repo: "widgets", ghsa_id: ghsaId, state: "draft" }),
        ),
    );
    expect(backwards.status).toBe(422);
    expect(github.journal.entries.at(-1)?.problems).toEqual(["Invalid state transition from `published` to `draft`."]);

    const appJwt = signAppJwt(4242, github.state.app!.keys.privateKey);
    const withJwt = await fetch(`${github.url}/repos/octo-org/widgets`, { headers: { authorization: `bearer ${appJwt}` } });
    expect(withJwt.status).toBe(403);
    const forged = signAppJwt(4242, generateAppKeyPair().privateKey);
    const unsigned = await fetch(`${github.url}/app/installations`, { headers: { authorization: `bearer ${forged}` } });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({
      message: "A JSON web token could not be decoded",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
  });

  it("injects a secondary rate limit with retry-after, a delay and a connection reset, each by matcher and count", async () => {
    const octokit = await probot.auth(installationId);
    const repo = { owner: "octo-org", repo: "security-cases" };
    github.faults.inject({ method: "POST", path: /\/issues\/\d+\/comments$/ }, { kind: "secondary-rate-limit", retryAfterSeconds: 60 }, 2);
    for (let attempt = 0; attempt < 2; attempt++) {
      const limited = await statusOf(octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "Reminder" }));
      expect(limited).toEqual({ status: 403, headers: expect.objectContaining({ "retry-after": "60" }) });
    }
    expect((await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "Reminder" })).status).toBe(201);

    github.faults.inject({ operationId: "issues/get" }, { kind: "delay", milliseconds: 150 });
    const started = Date.now();
    await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    github.faults.inject({ operationId: "repos/get" }, { kind: "reset" });
    expect((await statusOf(octokit.rest.repos.get(repo))).status).toBe(500);
    expect(github.journal.entries.at(-1)?.fault).toBe("reset");
    expect(github.faults.pending()).toEqual([]);
  });

  it("plays GitHub Enterprise Server under /api/v3, with the advisory endpoints switched off", async () => {
    const app = github.state.app!;
    const enterprise = new Probot({
      appId: app.id,
      privateKey: app.keys.privateKey,
      baseUrl: `${github.url}/api/v3`,
      Octokit: TestOctokit,
    });
    const octokit = await enterprise.auth(installationId);
    expect((await octokit.rest.repos.get({ owner: "octo-org", repo: "widgets" })).data.full_name).toBe("octo-org/widgets");
    github.state.features.advisories = false;
    try {
      const advisory = octokit.rest.securityAdvisories.getRepositoryAdvisory({ owner: "octo-org", repo: "widgets", ghsa_id: ghsaId });
      expect((await statusOf(advisory)).status).toBe(404);
      expect(github.journal.entries.at(-1)?.path).toBe(`/api/v3/repos/octo-org/widgets/security-advisories/${ghsaId}`);
    } finally {
      github.state.features.advisories = true;
    }
    github.state.features.advisoryComments = false;
    try {
      const comments = octokit.request("GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments", {
        owner: "octo-org",
        repo: "widgets",
        ghsa_id: ghsaId,
      });
      expect((await statusOf(comments)).status).toBe(404);
    } finally {
      github.state.features.advisoryComments = true;
    }
  });
});

describe("parseSearchQuery", () => {
  it("reads the qualifiers a case look-up uses", () => {
    expect(parseSearchQuery('repo:Octo-Org/security-cases in:title is:open label:disclosure:triage "GHSA-4v7x-pqr2-9c3m"')).toEqual({
      repo: "octo-org/security-cases",
      state: "open",
      labels: ["disclosure:triage"],
      inTitleOnly: true,
      terms: ["ghsa-4v7x-pqr2-9c3m"],
    });
  });
});

describe("seedFixtureWorld", () => {
  it("makes the stand-in agree with the webhook fixtures", async () => {
    const standIn = await startStandIn();
    try {
      const world = seedFixtureWorld(standIn.state);
      const payload = repositoryAdvisoryReportedPayload();
      expect(world.installationId).toBe(payload.installation?.id);
      const fixtureProbot = new Probot({
        appId: world.app.id,
        privateKey: world.app.keys.privateKey,
        baseUrl: standIn.url,
        Octokit: TestOctokit,
      });
      const octokit = await fixtureProbot.auth(world.installationId);
      const [owner, repo] = payload.repository.full_name.split("/") as [string, string];
      const advisory = await octokit.rest.securityAdvisories.getRepositoryAdvisory({
        owner,
        repo,
        ghsa_id: payload.repository_advisory.ghsa_id,
      });
      expect(advisory.data.summary).toBe(payload.repository_advisory.summary);
      expect(advisory.data.author?.login).toBe("rosa-researcher");
      const repository = await octokit.rest.repos.get({ owner, repo });
      expect(repository.data.id).toBe(payload.repository.id);
      const tracking = await octokit.rest.repos.get({ owner, repo: "security-cases" });
      expect(tracking.data.private).toBe(true);
      expect(standIn.journal.entries.flatMap((entry) => [...entry.problems, ...entry.responseProblems])).toEqual([]);
    } finally {
      await standIn.close();
    }
  });
});
