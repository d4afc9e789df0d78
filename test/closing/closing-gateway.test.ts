import { afterEach, describe, expect, it } from "@jest/globals";
import { withCaseBlock } from "../../src/case/case-record.js";
import { ClosingGateway } from "../../src/github/closing-gateway.js";
import { followUpCase } from "../../src/closing/follow-up-case.js";
import { ConversationGateway } from "../../src/github/conversation-gateway.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { repositoryAdvisoryObject } from "../fixtures/github-objects.js";
import { installation, researcher } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";
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
    vulnerabilities: [
      {
        package: { ecosystem: "npm", name: "widgets" },
        vulnerable_version_range: "< 2.4.1",
        patched_versions: "2.4.1",
        vulnerable_functions: [],
      },
    ],
    cweIds: [],
    credits: [{ user: researcher, type: "finder", state: "pending" }],
    submissionAccepted: null,
    createdAt: "2026-11-16T08:30:00Z",
  });
}

describe("publishing with a CVE request, at the HTTP boundary", () => {
  afterEach(stopTestGitHubs);

  /** GitHub with the draft advisory and the resolved case's tracking issue #7. */
  async function closingGitHub(body: string): Promise<TestGitHub> {
    const github = await startTestGitHub();
    github.state.adoptAdvisory("octo-org/widgets", advisoryObject("draft"));
    github.seedIssue("octo-org/security-cases", {
      number: 7,
      title: `${caseKey}: SQL injection in the widget search endpoint`,
      body,
      labels: ["disclosure", "state:resolved"],
    });
    return github;
  }

  it("reads the advisory, publishes it, requests the CVE, thanks the researcher and closes the case as completed", async () => {
    const config = closingConfig("maintainer-only");
    const record = resolvedCase(config, { publication: { requestedAt: now.toISOString(), by: "max-maintainer", cve: true } });
    const github = await closingGitHub(withCaseBlock("## Case", record));

    const octokit = new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url });
    const gateways = {
      conversation: new ConversationGateway(octokit, createGatewayCache(), installation.id, () => now.getTime()),
      closing: new ClosingGateway(octokit),
    };
    const outcome = await followUpCase(
      gateways,
      {
        tracking: { owner: "octo-org", repo: "security-cases" },
        number: 7,
        body: withCaseBlock("## Case", record),
        labels: ["disclosure", "state:resolved"],
        record,
        config,
      },
      now,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(outcome.steps).toEqual(["publishAdvisory", "messageResearcher", "recordClosing"]);
    const sent = github.journal.entries
      .filter((request) => request.method !== "GET")
      .map((request) => [request.method, request.path, request.body]);
    expect(sent[0]).toEqual(["PATCH", advisoryPath, { state: "published" }]);
    expect(sent[1]).toEqual(["POST", `${advisoryPath}/cve`, undefined]);
    expect(sent[2]?.[1]).toBe(`${advisoryPath}/comments`);
    expect(sent[3]?.[1]).toBe("/repos/octo-org/security-cases/issues/7/comments");
    expect((sent[3]?.[2] as { body: string }).body).toContain("a CVE id has been requested from GitHub");
    expect(sent[4]?.[2]).toMatchObject({ state: "closed", state_reason: "completed", labels: ["disclosure", "state:published"] });
  });

  it("GitHub refusing the publication after all leaves the case resolved and says why", async () => {
    const config = closingConfig("maintainer-only");
    const record = resolvedCase(config, { publication: { requestedAt: now.toISOString(), by: "max-maintainer", cve: false } });
    const github = await closingGitHub(withCaseBlock("## Case", record));
    github.faults.inject(
      { method: "PATCH", operationId: "security-advisories/update-repository-advisory" },
      { kind: "status", status: 422 },
    );

    const octokit = new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url });
    const gateways = {
      conversation: new ConversationGateway(octokit, createGatewayCache(), installation.id, () => now.getTime()),
      closing: new ClosingGateway(octokit),
    };
    await followUpCase(
      gateways,
      {
        tracking: { owner: "octo-org", repo: "security-cases" },
        number: 7,
        body: withCaseBlock("## Case", record),
        labels: ["disclosure", "state:resolved"],
        record,
        config,
      },
      now,
    );

    expect(github.journal.problems()).toEqual([]);
    const note = github.commentBodies("octo-org/security-cases", 7).join("\n");
    const written = (github.journal.of("issues/update").at(-1)?.body ?? {}) as { body?: string; state?: string };
    expect(note).toContain("⛔ GitHub refused to publish [the advisory]");
    expect(note).toContain("Validation Failed");
    expect(written.state).toBeUndefined();
    expect(written.body).toContain('"state":"resolved"');
    expect(written.body).not.toContain('"publication"');
    expect(
      github.journal.entries.some(
        (request) => request.method === "POST" && request.path.endsWith("/comments") && request.path.includes("security-advisories"),
      ),
    ).toBe(false);
  });
});
