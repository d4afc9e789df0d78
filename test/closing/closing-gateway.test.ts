import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { withCaseBlock } from "../../src/case/case-record.js";
import { ClosingGateway } from "../../src/github/closing-gateway.js";
import { followUpCase } from "../../src/closing/follow-up-case.js";
import { ConversationGateway } from "../../src/github/conversation-gateway.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { repositoryAdvisoryObject, userObject } from "../fixtures/github-objects.js";
import { installation, researcher } from "../fixtures/webhook-payloads.js";
import { mockGitHub } from "../harness/github-mock.js";
import { TestOctokit } from "../helpers/probot.js";
import { caseKey } from "../commands/fixtures.js";
import { closingConfig, days, resolvedAt, resolvedCase } from "./fixtures.js";

const advisoryPath = `/repos/octo-org/widgets/security-advisories/${caseKey}`;
const now = days(resolvedAt, 12);

function advisoryObject(state: "draft" | "published") {
  return repositoryAdvisoryObject({
    repositoryFullName: "octo-org/widgets",
    ghsaId: caseKey,
    summary: "SQL injection in the widget search endpoint",
    description: "The q parameter of /api/search is concatenated into SQL.",
    severity: null,
    cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    cvssScore: 9.8,
    state,
    author: researcher,
    vulnerabilities: [{ package: { ecosystem: "npm", name: "widgets" }, vulnerable_version_range: "< 2.4.1", patched_versions: "2.4.1", vulnerable_functions: [] }],
    cweIds: [],
    credits: [{ user: researcher, type: "finder", state: "pending" }],
    submissionAccepted: null,
    createdAt: "2026-11-16T08:30:00Z",
  });
}

describe("publishing with a CVE request, at the HTTP boundary", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reads the advisory, publishes it, requests the CVE, thanks the researcher and closes the case as completed", async () => {
    const github = mockGitHub();
    const config = closingConfig("maintainer-only");
    const record = resolvedCase(config, { publication: { requestedAt: now.toISOString(), by: "max-maintainer", cve: true } });
    let state: "draft" | "published" = "draft";
    github.scope.persist().get(advisoryPath).reply(() => [200, advisoryObject(state)]);
    github.scope.persist().get(`${advisoryPath}/comments`).query(true).reply(200, []);
    github.scope.patch(advisoryPath).reply(200, () => {
      state = "published";
      return advisoryObject(state);
    });
    github.scope.post(`${advisoryPath}/cve`).reply(202, {});
    github.scope.post(`${advisoryPath}/comments`).reply(201, (_uri, body) => ({
      id: 901, node_id: "RAC_901", body: (body as { body: string }).body, user: userObject("disclosure-desk[bot]", 9_300_001, "Bot"),
      created_at: "2026-12-27T09:00:00Z", updated_at: "2026-12-27T09:00:00Z", html_url: `https://github.com/octo-org/widgets/security/advisories/${caseKey}#advisory-comment-901`, author_association: "NONE",
    }));
    github.scope.post("/repos/octo-org/security-cases/issues/7/comments").reply(201, { id: 77 });
    github.scope.patch("/repos/octo-org/security-cases/issues/7").reply(200, {});

    const octokit = new TestOctokit({ auth: "ghs_installation_token" });
    const gateways = { conversation: new ConversationGateway(octokit, createGatewayCache(), installation.id, () => now.getTime()), closing: new ClosingGateway(octokit) };
    const outcome = await followUpCase(gateways, { tracking: { owner: "octo-org", repo: "security-cases" }, number: 7, body: withCaseBlock("## Case", record), labels: ["disclosure", "state:resolved"], record, config }, now);

    expect(github.problems()).toEqual([]);
    expect(outcome.steps).toEqual(["publishAdvisory", "messageResearcher", "recordClosing"]);
    const sent = github.requests.filter((request) => request.method !== "GET").map((request) => [request.method, request.path, request.body]);
    expect(sent[0]).toEqual(["PATCH", advisoryPath, { state: "published" }]);
    expect(sent[1]).toEqual(["POST", `${advisoryPath}/cve`, undefined]);
    expect(sent[2]?.[1]).toBe(`${advisoryPath}/comments`);
    expect(sent[3]?.[1]).toBe("/repos/octo-org/security-cases/issues/7/comments");
    expect((sent[3]?.[2] as { body: string }).body).toContain("a CVE id has been requested from GitHub");
    expect(sent[4]?.[2]).toMatchObject({ state: "closed", state_reason: "completed", labels: ["disclosure", "state:published"] });
  });

  it("GitHub refusing the publication after all leaves the case resolved and says why", async () => {
    const github = mockGitHub();
    const config = closingConfig("maintainer-only");
    const record = resolvedCase(config, { publication: { requestedAt: now.toISOString(), by: "max-maintainer", cve: false } });
    github.scope.persist().get(advisoryPath).reply(200, advisoryObject("draft"));
    github.scope.persist().get(`${advisoryPath}/comments`).query(true).reply(200, []);
    github.scope.patch(advisoryPath).reply(422, { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" });
    let note = "";
    github.scope.post("/repos/octo-org/security-cases/issues/7/comments").reply(201, (_uri, body) => {
      note = (body as { body: string }).body;
      return { id: 78 };
    });
    let written: { body?: string; state?: string } = {};
    github.scope.patch("/repos/octo-org/security-cases/issues/7").reply(200, (_uri, body) => {
      written = body as typeof written;
      return {};
    });

    const octokit = new TestOctokit({ auth: "ghs_installation_token" });
    const gateways = { conversation: new ConversationGateway(octokit, createGatewayCache(), installation.id, () => now.getTime()), closing: new ClosingGateway(octokit) };
    await followUpCase(gateways, { tracking: { owner: "octo-org", repo: "security-cases" }, number: 7, body: withCaseBlock("## Case", record), labels: ["disclosure", "state:resolved"], record, config }, now);

    expect(github.problems()).toEqual([]);
    expect(note).toContain("⛔ GitHub refused to publish [the advisory]");
    expect(note).toContain("Validation Failed");
    expect(written.state).toBeUndefined();
    expect(written.body).toContain('"state":"resolved"');
    expect(written.body).not.toContain('"publication"');
    expect(github.requests.some((request) => request.method === "POST" && request.path.endsWith("/comments") && request.path.includes("security-advisories"))).toBe(false);
  });
});
