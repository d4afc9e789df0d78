import { describe, expect, it } from "@jest/globals";
import { userObject } from "../fixtures/github-objects.js";
import { findRestOperation, restDescription, validateRestRequest, validateRestResponse } from "./openapi.js";
import { cpuMillisOf } from "../helpers/cost.js";

const advisoryPath = "/repos/octo-org/widgets/security-advisories/GHSA-abcd-efgh-ijkl";

describe("validateRestRequest", () => {
  it("accepts a well-formed issue creation and names the operation", () => {
    const result = validateRestRequest({
      method: "POST",
      path: "/repos/octo-org/security-cases/issues",
      body: { title: "[GHSA-abcd-efgh-ijkl] SQL injection", body: "Case", labels: ["disclosure:triage"] },
    });
    expect(result).toEqual({ operationId: "issues/create", problems: [] });
  });

  it("rejects a misspelt body field that GitHub would silently drop", () => {
    const result = validateRestRequest({
      method: "POST",
      path: "/repos/octo-org/security-cases/issues",
      body: { title: "Case", lables: ["disclosure:triage"] },
    });
    expect(result.problems).toEqual(['issues/create: body: unknown field "lables"']);
  });

  it("accepts an allowlisted undocumented field and nothing else", () => {
    const request = { method: "POST", path: "/repos/o/r/issues", body: { title: "Case", extra: 1 } };
    expect(validateRestRequest(request, { undocumentedBodyFields: { "issues/create": ["extra"] } }).problems).toEqual([]);
    expect(validateRestRequest(request, { undocumentedBodyFields: { "issues/update": ["extra"] } }).problems).toHaveLength(1);
  });

  it("reports missing required fields and wrong types", () => {
    expect(validateRestRequest({ method: "POST", path: "/repos/o/r/issues", body: { body: "no title" } }).problems).toEqual([
      'issues/create: body: missing required field "title"',
    ]);
    const wrongType = validateRestRequest({ method: "POST", path: "/repos/o/r/issues/1/comments", body: { body: 42 } });
    expect(wrongType.problems).toEqual(["issues/create-comment: body.body: must be string"]);
    expect(validateRestRequest({ method: "POST", path: "/repos/o/r/issues" }).problems).toEqual([
      "issues/create: request body is required",
    ]);
  });

  it("checks nested body fields, enums and nullable fields fixed for ajv", () => {
    const ok = validateRestRequest({
      method: "PATCH",
      path: advisoryPath,
      body: { credits: [{ login: "researcher", type: "finder" }], cve_id: null, severity: "high" },
    });
    expect(ok.problems).toEqual([]);
    const bad = validateRestRequest({
      method: "PATCH",
      path: advisoryPath,
      body: { credits: [{ login: "researcher", type: "discoverer" }], state: "triage" },
    });
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("body.credits.0.type: must be one of"),
        'security-advisories/update-repository-advisory: body.state: must be one of ["published","closed","draft"]',
      ]),
    );
  });

  it("answers 'no such endpoint' for an unknown path or method", () => {
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/isues" })).toEqual({
      operationId: undefined,
      problems: ["no such endpoint: GET /repos/o/r/isues"],
    });
    expect(validateRestRequest({ method: "POST", path: "/repos/o/r/issues/1" }).problems).toEqual([
      "no such endpoint: POST /repos/o/r/issues/1",
    ]);
  });

  it("accepts the same request under GitHub Enterprise Server's /api/v3 prefix", () => {
    const result = validateRestRequest({ method: "GET", path: `/api/v3${advisoryPath}` });
    expect(result).toEqual({ operationId: "security-advisories/get-repository-advisory", problems: [] });
  });

  it("validates path and query parameters against their schemas, strings coerced", () => {
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/issues/abc" }).problems).toEqual([
      'issues/get: path parameter "issue_number": must be integer',
    ]);
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/issues?state=open&labels=a,b&per_page=100&page=2" }).problems).toEqual(
      [],
    );
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/issues", query: { state: "pending" } }).problems).toEqual([
      'issues/list-for-repo: query parameter "state": must be one of ["open","closed","all"]',
    ]);
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/issues", query: { lables: "x" } }).problems).toEqual([
      'issues/list-for-repo: unknown query parameter "lables"',
    ]);
    expect(validateRestRequest({ method: "GET", path: "/search/issues" }).problems).toEqual([
      'search/issues-and-pull-requests: missing required query parameter "q"',
    ]);
  });

  it("matches file paths and branch names that span several segments", () => {
    const content = findRestOperation("GET", "/repos/octo-org/.github/contents/.github/disclosure.yml");
    expect(content?.operation.operationId).toBe("repos/get-content");
    expect(content?.params).toEqual({ owner: "octo-org", repo: ".github", path: ".github/disclosure.yml" });
    const encoded = findRestOperation("GET", "/repos/octo-org/.github/contents/.github%2Fdisclosure.yml");
    expect(encoded?.params.path).toBe(".github/disclosure.yml");
    const protection = findRestOperation("GET", "/repos/o/r/branches/release/2.x/protection");
    expect(protection?.operation.operationId).toBe("repos/get-branch-protection");
    expect(protection?.params.branch).toBe("release/2.x");
  });

  it("prefers a literal segment over a parameter", () => {
    expect(findRestOperation("GET", "/repos/o/r/issues/comments")?.operation.operationId).toBe("issues/list-comments-for-repo");
    expect(findRestOperation("GET", "/repos/o/r/issues/12")?.operation.operationId).toBe("issues/get");
  });

  it("refuses operations GitHub Apps cannot call with an installation token, but not with the app JWT", () => {
    const installation = validateRestRequest({
      method: "GET",
      path: "/repos/o/r/installation",
      headers: { authorization: "token ghs_abc" },
    });
    expect(installation.problems).toEqual([
      "apps/get-repo-installation: apps/get-repo-installation is not available to GitHub App installations (x-github.enabledForGitHubApps: false)",
    ]);
    const app = validateRestRequest({ method: "GET", path: "/repos/o/r/installation", headers: { authorization: "bearer aaa.bbb.ccc" } });
    expect(app.problems).toEqual([]);
  });

  it("refuses a body on an operation that takes none", () => {
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r", body: { name: "x" } }).problems).toEqual([
      "repos/get: this operation takes no request body",
    ]);
  });
});

describe("hand-written prose rules", () => {
  it("refuses severity and cvss_vector_string together, citing GitHub's sentence", () => {
    const result = validateRestRequest({
      method: "POST",
      path: "/repos/o/r/security-advisories",
      body: {
        summary: "XSS",
        description: "Stored XSS in comments",
        vulnerabilities: [{ package: { ecosystem: "npm", name: "widgets" } }],
        severity: "high",
        cvss_vector_string: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N",
      },
    });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain("severity and cvss_vector_string are both set");
    expect(result.problems[0]).toContain("You must choose between setting this field or `cvss_vector_string`.");
  });

  it("enforces the documented per_page maximum and label rules", () => {
    expect(validateRestRequest({ method: "GET", path: "/repos/o/r/issues?per_page=101" }).problems).toEqual([
      expect.stringContaining("per_page is 101, above the maximum of 100"),
    ]);
    expect(
      validateRestRequest({ method: "POST", path: "/repos/o/r/labels", body: { name: "disclosure:triage", color: "#ff0000" } }).problems,
    ).toEqual([expect.stringContaining('color "#ff0000" is not a six-digit hexadecimal colour code')]);
  });

  it("flags an issue update whose state_reason GitHub would ignore", () => {
    expect(validateRestRequest({ method: "PATCH", path: "/repos/o/r/issues/3", body: { state_reason: "completed" } }).problems).toEqual([
      expect.stringContaining("state_reason is sent without state"),
    ]);
    expect(
      validateRestRequest({ method: "PATCH", path: "/repos/o/r/issues/3", body: { state: "closed", state_reason: "completed" } }).problems,
    ).toEqual([]);
  });
});

describe("the advisory comments preview fragment", () => {
  const comments = `${advisoryPath}/comments`;

  it("is part of the description, marked as preview", () => {
    const found = findRestOperation("POST", comments);
    expect(found?.operation.operationId).toBe("security-advisories/create-repository-advisory-comment");
    expect(found?.operation.preview).toBe(true);
    expect(findRestOperation("POST", "/repos/o/r/issues")?.operation.preview).toBe(false);
  });

  it("validates the list query, the comment body and the comment id", () => {
    expect(validateRestRequest({ method: "GET", path: `${comments}?since=2026-10-02T10:00:00Z&per_page=50&page=1` }).problems).toEqual([]);
    expect(validateRestRequest({ method: "GET", path: `${comments}?since=yesterday` }).problems).toEqual([
      'security-advisories/list-repository-advisory-comments: query parameter "since": must match format "date-time"',
    ]);
    expect(validateRestRequest({ method: "POST", path: comments, body: { body: "Thanks for the report" } }).problems).toEqual([]);
    expect(validateRestRequest({ method: "POST", path: comments, body: { body: "Hi", internal: true } }).problems).toEqual([
      'security-advisories/create-repository-advisory-comment: body: unknown field "internal"',
    ]);
    expect(validateRestRequest({ method: "POST", path: comments, body: {} }).problems).toEqual([
      'security-advisories/create-repository-advisory-comment: body: missing required field "body"',
    ]);
    expect(validateRestRequest({ method: "PATCH", path: `${comments}/17`, body: { body: "Edited" } }).problems).toEqual([]);
    expect(validateRestRequest({ method: "GET", path: `${comments}/first` }).problems).toEqual([
      'security-advisories/get-repository-advisory-comment: path parameter "comment_id": must be integer',
    ]);
  });

  it("resolves its comment schema against GitHub's components", () => {
    const validate = restDescription().ajv.compile({
      $ref: "https://api.github.com/openapi.json#/components/schemas/repository-advisory-comment",
    });
    expect(validate({ id: 1 })).toBe(false);
  });
});

describe("validateRestResponse", () => {
  const user = userObject("rosa-researcher", 9_200_002);

  it("holds an answer to the documented schema of its status", () => {
    const comment = {
      id: 17,
      node_id: "RAC_kwDOAAAB",
      body: "Thanks",
      user,
      created_at: "2026-11-16T08:30:00Z",
      updated_at: "2026-11-16T08:30:00Z",
      html_url: "https://github.com/octo-org/widgets/security/advisories/GHSA-4v7x-pqr2-9c3m#advisory-comment-17",
      author_association: "MEMBER",
    };
    const path = "/repos/octo-org/widgets/security-advisories/GHSA-4v7x-pqr2-9c3m/comments";
    expect(validateRestResponse({ method: "POST", path, status: 201, body: comment })).toEqual([]);
    expect(validateRestResponse({ method: "POST", path, status: 201, body: { ...comment, id: "17" } })).toEqual([
      "security-advisories/create-repository-advisory-comment 201 response: body.id: must be integer",
    ]);
    expect(validateRestResponse({ method: "POST", path, status: 200, body: comment })).toEqual([
      "security-advisories/create-repository-advisory-comment: status 200 is not a documented response",
    ]);
  });

  it("accepts a user account on an inlined installation, which GitHub's description asks to be an enterprise too", () => {
    const installation = {
      id: 1,
      account: user,
      repository_selection: "all",
      access_tokens_url: "https://api.github.com/app/installations/1/access_tokens",
      repositories_url: "https://api.github.com/installation/repositories",
      html_url: "https://github.com/settings/installations/1",
      app_id: 4242,
      target_id: user.id,
      target_type: "User",
      permissions: {},
      events: [],
      created_at: "2026-01-05T10:00:00Z",
      updated_at: "2026-01-05T10:00:00Z",
      single_file_name: null,
      app_slug: "disclosure-desk",
      suspended_by: null,
      suspended_at: null,
    };
    expect(validateRestResponse({ method: "GET", path: "/app/installations", status: 200, body: [installation] })).toEqual([]);
  });
});

describe("speed", () => {
  it("validates a request in well under a millisecond once loaded", () => {
    const request = { method: "POST", path: "/repos/o/r/issues", body: { title: "Case", labels: ["a"] } };
    validateRestRequest(request);
    const rounds = 2000;
    const microseconds =
      (cpuMillisOf(() => {
        for (let round = 0; round < rounds; round++) validateRestRequest(request);
      }) *
        1000) /
      rounds;
    expect(microseconds).toBeLessThan(200);
  });
});
