import { afterEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { mockGitHub } from "./github-mock.js";

function octokit(baseUrl?: string) {
  const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { enabled: false },
    retry: { enabled: false },
  }));
  return new Octokit({ auth: "ghs_installation_token", ...(baseUrl ? { baseUrl } : {}) });
}

afterEach(() => {
  nock.cleanAll();
});

describe("mockGitHub", () => {
  it("records what was sent and finds nothing wrong with a valid request", async () => {
    const github = mockGitHub();
    github.scope.post("/repos/octo-org/security-cases/issues").reply(201, { number: 7 });
    await octokit().rest.issues.create({
      owner: "octo-org",
      repo: "security-cases",
      title: "[GHSA-4v7x-pqr2-9c3m] SQL injection",
      labels: ["disclosure:triage"],
    });
    expect(github.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/repos/octo-org/security-cases/issues",
        operationId: "issues/create",
        body: { title: "[GHSA-4v7x-pqr2-9c3m] SQL injection", labels: ["disclosure:triage"] },
      }),
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("catches a misspelt field that GitHub would silently drop", async () => {
    const github = mockGitHub();
    github.scope.post("/repos/octo-org/security-cases/issues").reply(201, { number: 7 });
    await octokit().rest.issues.create({
      owner: "octo-org",
      repo: "security-cases",
      title: "Case",
      lables: ["disclosure:triage"],
    } as never);
    expect(github.problems()).toEqual([
      'POST /repos/octo-org/security-cases/issues: issues/create: body: unknown field "lables"',
    ]);
  });

  it("catches a path GitHub does not have, even when the test mocked it", async () => {
    const github = mockGitHub();
    github.scope.get("/repos/octo-org/widgets/security-advisory/GHSA-4v7x-pqr2-9c3m").reply(200, {});
    await octokit().request("GET /repos/{owner}/{repo}/security-advisory/{ghsa_id}", {
      owner: "octo-org",
      repo: "widgets",
      ghsa_id: "GHSA-4v7x-pqr2-9c3m",
    });
    expect(github.problems()).toEqual([
      "GET /repos/octo-org/widgets/security-advisory/GHSA-4v7x-pqr2-9c3m: no such endpoint: GET /repos/octo-org/widgets/security-advisory/GHSA-4v7x-pqr2-9c3m",
    ]);
  });

  it("validates query parameters and GitHub Enterprise Server paths", async () => {
    const github = mockGitHub("https://ghe.example.com/api/v3");
    github.scope.get("/repos/octo-org/security-cases/issues").query(true).reply(200, []);
    await octokit("https://ghe.example.com/api/v3").rest.issues.listForRepo({
      owner: "octo-org",
      repo: "security-cases",
      labels: "disclosure:triage,severity:high",
      state: "all",
      per_page: 100,
    });
    expect(github.requests[0]?.path).toBe("/api/v3/repos/octo-org/security-cases/issues");
    expect(github.requests[0]?.query).toEqual({ labels: "disclosure:triage,severity:high", state: "all", per_page: "100" });
    expect(github.problems()).toEqual([]);
  });

  it("validates a call to the advisory comments preview made with octokit.request", async () => {
    const github = mockGitHub();
    const path = "/repos/octo-org/widgets/security-advisories/GHSA-4v7x-pqr2-9c3m/comments";
    github.scope.post(path).reply(201, {}).post(path).reply(201, {});
    const client = octokit();
    const route = "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments";
    const params = { owner: "octo-org", repo: "widgets", ghsa_id: "GHSA-4v7x-pqr2-9c3m" };
    await client.request(route, { ...params, body: "Thank you for the report." });
    await client.request(route, { ...params, message: "Thank you for the report." });
    expect(github.problems()).toEqual([
      `POST ${path}: security-advisories/create-repository-advisory-comment: body: missing required field "body"`,
      `POST ${path}: security-advisories/create-repository-advisory-comment: body: unknown field "message"`,
    ]);
  });
});
