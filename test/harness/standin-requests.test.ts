import { afterEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/** What the stand-in records of each request, how it holds every request to GitHub's REST description, and what it makes of them. */

function octokit(github: TestGitHub, baseUrl = github.url) {
  const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { enabled: false },
    retry: { enabled: false },
  }));
  return new Octokit({ auth: { token: github.installationToken }, baseUrl });
}

/** GitHub refuses what these tests send on purpose; the refusal is what they look at. */
async function refused(request: Promise<unknown>): Promise<void> {
  await request.then(
    () => {
      throw new Error("GitHub accepted it");
    },
    () => undefined,
  );
}

afterEach(stopTestGitHubs);

describe("the stand-in's request journal", () => {
  it("records what was sent and finds nothing wrong with a valid request", async () => {
    const github = await startTestGitHub();
    await octokit(github).rest.issues.create({
      owner: "octo-org",
      repo: "security-cases",
      title: "[GHSA-4v7x-pqr2-9c3m] SQL injection",
      labels: ["disclosure:triage"],
    });
    expect(github.journal.entries).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/repos/octo-org/security-cases/issues",
        operationId: "issues/create",
        body: { title: "[GHSA-4v7x-pqr2-9c3m] SQL injection", labels: ["disclosure:triage"] },
      }),
    ]);
    expect(github.journal.problems()).toEqual([]);
  });

  it("catches a misspelt field that GitHub would silently drop", async () => {
    const github = await startTestGitHub();
    await refused(
      octokit(github).rest.issues.create({
        owner: "octo-org",
        repo: "security-cases",
        title: "Case",
        lables: ["disclosure:triage"],
      } as never),
    );
    expect(github.journal.problems()).toEqual([
      'POST /repos/octo-org/security-cases/issues 422: issues/create: body: unknown field "lables"',
    ]);
  });

  it("catches a path GitHub does not have", async () => {
    const github = await startTestGitHub();
    await refused(
      octokit(github).request("GET /repos/{owner}/{repo}/security-advisory/{ghsa_id}", {
        owner: "octo-org",
        repo: "widgets",
        ghsa_id: "GHSA-4v7x-pqr2-9c3m",
      }),
    );
    expect(github.journal.problems()).toEqual([
      "GET /repos/octo-org/widgets/security-advisory/GHSA-4v7x-pqr2-9c3m 404: no such endpoint: GET /repos/octo-org/widgets/security-advisory/GHSA-4v7x-pqr2-9c3m",
    ]);
  });

  it("validates query parameters and GitHub Enterprise Server paths", async () => {
    const github = await startTestGitHub();
    await octokit(github, `${github.url}/api/v3`).rest.issues.listForRepo({
      owner: "octo-org",
      repo: "security-cases",
      labels: "disclosure:triage,severity:high",
      state: "all",
      per_page: 100,
    });
    expect(github.journal.entries[0]?.path).toBe("/api/v3/repos/octo-org/security-cases/issues");
    expect(github.journal.entries[0]?.query).toEqual({ labels: "disclosure:triage,severity:high", state: "all", per_page: "100" });
    expect(github.journal.problems()).toEqual([]);
  });

  it("validates a call to the advisory comments preview made with octokit.request", async () => {
    const github = await startTestGitHub();
    const path = `/repos/octo-org/widgets/security-advisories/${github.fixture.ghsaId}/comments`;
    const client = octokit(github);
    const route = "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments";
    const params = { owner: "octo-org", repo: "widgets", ghsa_id: github.fixture.ghsaId };
    await client.request(route, { ...params, body: "Thank you for the report." });
    await refused(client.request(route, { ...params, message: "Thank you for the report." }));
    expect(github.journal.problems()).toEqual([
      `POST ${path} 422: security-advisories/create-repository-advisory-comment: body: missing required field "body"; security-advisories/create-repository-advisory-comment: body: unknown field "message"`,
    ]);
  });
});

describe("repository advisories the app creates", () => {
  const draft = {
    owner: "octo-org",
    repo: "widgets",
    summary: "Search endpoint returns other tenants' widgets",
    description: "Contained from a public issue.",
    vulnerabilities: [{ package: { ecosystem: "other" as const, name: "widgets" } }],
    credits: [{ login: "rosa-researcher", type: "reporter" as const }],
  };

  it("are drafts by the app, with the id the test names, in GitHub's shape; a request GitHub would refuse is refused", async () => {
    const github = await startTestGitHub();
    github.state.nextGhsaId = () => "GHSA-t3st-0001-ab12";
    const { data, status } = await octokit(github).rest.securityAdvisories.createRepositoryAdvisory(draft);
    expect(status).toBe(201);
    expect(data).toMatchObject({
      ghsa_id: "GHSA-t3st-0001-ab12",
      state: "draft",
      author: { login: "disclosure-desk[bot]" },
      credits: draft.credits,
    });
    expect(github.state.repository("octo-org/widgets")?.advisories.get("GHSA-t3st-0001-ab12")?.summary).toBe(draft.summary);
    expect(github.journal.problems()).toEqual([]);

    await refused(octokit(github).rest.securityAdvisories.createRepositoryAdvisory({ ...draft, summary: undefined } as never));
    expect(github.journal.problems()).toHaveLength(1);
    expect(github.state.repository("octo-org/widgets")?.advisories.size).toBe(2);
  });

  it("are refused with 403, listing included, where the repository does not take them; elsewhere they are made", async () => {
    const github = await startTestGitHub();
    const widgets = github.state.repository("octo-org/widgets");
    if (!widgets) throw new Error("no widgets repository");
    widgets.advisoriesEnabled = false;
    const client = octokit(github);
    await expect(client.rest.securityAdvisories.createRepositoryAdvisory(draft)).rejects.toMatchObject({ status: 403 });
    await expect(client.rest.securityAdvisories.listRepositoryAdvisories({ owner: "octo-org", repo: "widgets" })).rejects.toMatchObject({
      status: 403,
    });
    expect(widgets.advisories.size).toBe(1);

    widgets.advisoriesEnabled = true;
    await expect(client.rest.securityAdvisories.createRepositoryAdvisory(draft)).resolves.toMatchObject({ status: 201 });
    expect(widgets.advisories.size).toBe(2);
    expect(github.journal.problems()).toEqual([]);
  });
});

describe("comments a test seeds", () => {
  it("keep the id, time and author association the test names", async () => {
    const github = await startTestGitHub();
    const issue = github.seedIssue("octo-org/widgets", { number: 42, title: "Export is slow", body: "takes a minute" });
    const repository = github.state.repository("octo-org/widgets");
    if (!repository) throw new Error("no widgets repository");
    const researcher = github.state.seedUser("rosa-researcher");
    github.state.createComment(repository, issue, "an IDOR", researcher, {
      id: 950,
      createdAt: "2026-11-16T09:30:00Z",
      authorAssociation: "NONE",
    });
    const { data } = await octokit(github).rest.issues.getComment({ owner: "octo-org", repo: "widgets", comment_id: 950 });
    expect(data).toMatchObject({
      id: 950,
      body: "an IDOR",
      created_at: "2026-11-16T09:30:00Z",
      author_association: "NONE",
      user: { login: "rosa-researcher" },
    });
    expect(github.journal.problems()).toEqual([]);
  });
});
