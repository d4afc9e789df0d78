import { afterEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { parseComment } from "../../src/commands/parse.js";
import { issueCommentCreatedPayload, maintainer } from "../fixtures/webhook-payloads.js";
import { userObject } from "../fixtures/github-objects.js";
import { createTestProbot, sealedForTest, testDependencies } from "../helpers/probot.js";
import { caseKey, commandAt, intakeLabels, openedCase } from "../commands/fixtures.js";
import { openworx, policyConfig, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

/**
 * Closing junk through the real comment handler: the new reject reasons, not-security, and block/unblock keeping
 * `reporters.blocked` in the organisation's config through a pull request. Each refusal has its control.
 */

const trackingRepository = "octo-org/security-cases";
const reportingSentence =
  "Do provide sufficient information to reproduce the problem, so we will be able to resolve it as quickly as possible.";
const policyText = `${policyYaml(openworx)}statements:
  reporting:
    - "${reportingSentence}"
`;
const writer = userObject("wendy-writer", 9_200_060);
let nextComment = 2_400_001_000;

function seedCase(
  github: TestGitHub,
  record: CaseRecord = openedCase(policyConfig(openworx), {
    source: { repository: "octo-org/widgets", ghsaId: caseKey, url: `https://github.com/octo-org/widgets/security/advisories/${caseKey}` },
  }),
): void {
  github.seedIssue(trackingRepository, {
    number: 7,
    title: `${caseKey}: SQL injection in the widget search endpoint`,
    body: sealedForTest(withCaseBlock("## Case\n\nReport details.", record), trackingRepository, 7),
    labels: [...intakeLabels],
  });
}

async function comment(probot: Probot, github: TestGitHub, body: string, user = maintainer): Promise<void> {
  const payload = issueCommentCreatedPayload({
    comment: { body, id: nextComment++, user },
    sender: user,
    repository: { private: true, visibility: "private" },
  });
  payload.issue.body = github.issues(trackingRepository)?.[0]?.body ?? "";
  await probot.receive({ id: `delivery-${nextComment}`, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}

function currentRecord(github: TestGitHub): CaseRecord {
  const reading = readCaseBlock(github.issues(trackingRepository)?.[0]?.body);
  if (reading.status !== "found") throw new Error(`case block ${reading.status}`);
  return reading.record;
}

const researcherMessages = (github: TestGitHub) => (github.advisoryComments(caseKey) ?? []).map((entry) => entry.body);
const replies = (github: TestGitHub) => github.commentBodies(trackingRepository, 7);

afterEach(stopTestGitHubs);

describe("/disclosure reject with a junk reason", () => {
  it("keeps the existing syntax: an exclusion id and a sentence still parse as before", () => {
    expect(parseComment("/disclosure reject security-headers").commands[0]?.value).toEqual({
      name: "reject",
      exclusionId: "security-headers",
    });
    expect(parseComment("/disclosure reject not reproducible at all").commands[0]?.value).toEqual({
      name: "reject",
      reason: "not reproducible at all",
    });
    expect(parseComment("/disclosure reject No-Reproduction").commands[0]?.value).toEqual({ name: "reject", invalid: "no-reproduction" });
  });

  it.each([
    ["invalid", "it does not describe a security vulnerability"],
    ["unverified-claims", "file paths, functions, line numbers and versions that exist in the repository"],
    ["no-reproduction", "it does not give us a way to reproduce the problem"],
  ])("reject %s closes the case, quotes the policy and says what a valid report needs", async (reason, says) => {
    const github = await startTestGitHub({ config: policyText, roles: { "max-maintainer": "admin" } });
    seedCase(github);
    await comment(createTestProbot(testDependencies(commandAt), github.url), github, `/disclosure reject ${reason}`);

    expect(currentRecord(github)).toMatchObject({ state: "rejected", rejectedAs: reason });
    const [message] = researcherMessages(github);
    expect(message).toContain(says);
    expect(message).toContain(`> ${reportingSentence}`);
    expect(message).toContain("the steps, request or command that reproduce the problem, or proof-of-concept code");
    expect(github.advisoryUpdates()).toEqual([expect.objectContaining({ state: "closed" })]);
    expect(replies(github)[0]).toContain(`as \`${reason}\``);
    expect(github.journal.problems()).toEqual([]);
  });

  it("refuses a junk rejection from someone without the policy's permission, and sends nothing", async () => {
    const github = await startTestGitHub({ config: policyText, roles: { "max-maintainer": "admin", "wendy-writer": "read" } });
    seedCase(github);
    await comment(createTestProbot(testDependencies(commandAt), github.url), github, "/disclosure reject invalid", writer);
    expect(currentRecord(github).state).toBe("triage");
    expect(researcherMessages(github)).toEqual([]);
    expect(github.advisoryUpdates()).toEqual([]);
  });
});

describe("/disclosure not-security", () => {
  it("closes the advisory with an explanation and an invitation to file a public issue, copying no report text", async () => {
    const github = await startTestGitHub({ config: policyText, roles: { "max-maintainer": "admin" } });
    seedCase(github);
    await comment(createTestProbot(testDependencies(commandAt), github.url), github, "/disclosure not-security");

    expect(currentRecord(github)).toMatchObject({ state: "rejected", rejectedAs: "not-security" });
    const [message] = researcherMessages(github);
    expect(message).toContain("describes a bug rather than a security vulnerability");
    expect(message).toContain("https://github.com/octo-org/widgets/issues/new");
    expect(message).not.toContain("SQL injection");
    expect(github.advisoryUpdates()).toEqual([expect.objectContaining({ state: "closed" })]);
    // Nothing is written outside the advisory and the private tracking repository.
    const publicWrites = github.journal.entries.filter(
      (request) =>
        request.method !== "GET" &&
        !request.path.startsWith("/app/") &&
        !request.path.startsWith(`/repos/${trackingRepository}/`) &&
        !request.path.includes("/security-advisories/"),
    );
    expect(publicWrites).toEqual([]);
  });
});

describe("/disclosure block and unblock", () => {
  const orgPolicy = "# Organisation defaults\ncredit:\n  default: name # as the policy says\n";

  /** The organisation's `.github` repository: its pull requests, and its policy file on a branch (the default one unless named). */
  function organizationRepository(github: TestGitHub) {
    const repository = github.state.repository("octo-org/.github");
    if (!repository) throw new Error("no .github repository");
    const branchFiles = (branch: string) =>
      branch === repository.repository.default_branch ? repository.files : repository.branches.get(branch);
    return {
      pulls: repository.pulls,
      file: (branch = repository.repository.default_branch) => branchFiles(branch)?.get(".github/disclosure.yml"),
    };
  }

  async function worlds() {
    const github = await startTestGitHub({
      config: policyText,
      repositories: { ".github": orgPolicy },
      roles: { "max-maintainer": "admin", "wendy-writer": "read" },
    });
    seedCase(github);
    return { org: organizationRepository(github), github };
  }

  it("block opens a pull request adding the reporter to reporters.blocked, keeping the file's comments; unblock while it is open withdraws it", async () => {
    const { org, github } = await worlds();
    const probot = createTestProbot(testDependencies(commandAt), github.url);
    await comment(probot, github, "/disclosure block");

    expect(org.pulls).toHaveLength(1);
    const branch = org.pulls[0]?.head ?? "";
    expect(branch).toBe("disclosure-desk/reporters-blocked");
    const proposed = org.file(branch) ?? "";
    expect(proposed).toContain("# Organisation defaults");
    expect(proposed).toContain("default: name # as the policy says");
    expect(proposed).toMatch(/reporters:\n {2}blocked:\n {4}- rosa-researcher\n/);
    expect(org.pulls[0]?.body).not.toContain(caseKey);
    expect(org.pulls[0]?.body).not.toContain("SQL injection");
    expect(replies(github).join("\n")).toContain("https://github.com/octo-org/.github/pull/1");
    expect(currentRecord(github).state).toBe("triage");

    // The pull request is still open and proposed only this block: unblock withdraws it.
    await comment(probot, github, "/disclosure unblock");
    expect(org.pulls).toHaveLength(1);
    expect(org.pulls[0]?.state).toBe("closed");
    expect(replies(github).join("\n")).toContain("so it is closed");
    expect(github.journal.problems()).toEqual([]);
  });

  it("unblock of a reporter on the merged list opens a pull request removing them", async () => {
    const github = await startTestGitHub({
      config: policyText,
      repositories: { ".github": `${orgPolicy}reporters:\n  blocked:\n    - someone@example.org\n    - Rosa-Researcher\n` },
      roles: { "max-maintainer": "admin" },
    });
    const org = organizationRepository(github);
    seedCase(github);
    await comment(createTestProbot(testDependencies(commandAt), github.url), github, "/disclosure unblock");
    expect(org.pulls).toHaveLength(1);
    const proposed = org.file(org.pulls[0]?.head) ?? "";
    expect(proposed).toContain("- someone@example.org");
    expect(proposed).not.toMatch(/rosa-researcher/i);
    expect(github.journal.problems()).toEqual([]);
  });

  it("refuses block from someone without the policy's permission: no pull request", async () => {
    const { org, github } = await worlds();
    await comment(createTestProbot(testDependencies(commandAt), github.url), github, "/disclosure block", writer);
    expect(org.pulls).toEqual([]);
    expect(replies(github).join("\n")).toContain("Only people with at least **write** access");
  });
});
