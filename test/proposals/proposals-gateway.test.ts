import { afterEach, describe, expect, it } from "@jest/globals";
import { ProposalsGateway, type FileProposal } from "../../src/github/proposals-gateway.js";
import { TestOctokit } from "../helpers/probot.js";
import { repositoriesGitHub, writes as writesOf } from "./repositories.js";
import { stopTestGitHubs, type TestGitHub } from "../helpers/github.js";

const repository = { owner: "octo-org", repo: "widgets" };
const marker = "<!-- disclosure-desk:proposal security-md SECURITY.md -->";

function proposal(content: string, changes: Partial<FileProposal> = {}): FileProposal {
  return {
    repository,
    path: "SECURITY.md",
    content,
    branch: "disclosure-desk/security-md",
    title: "Update SECURITY.md",
    body: "Rendered from the policy.",
    marker,
    ...changes,
  };
}

function gateway(github: TestGitHub): ProposalsGateway {
  return new ProposalsGateway(new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }));
}

afterEach(stopTestGitHubs);

describe("proposeFile", () => {
  it("opens one pull request from its own branch with the file written there, leaving the default branch alone", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { files: { "SECURITY.md": "old policy\n" } } });

    const outcome = await gateway(github).proposeFile(proposal("new policy\n"));

    expect(github.journal.problems()).toEqual([]);
    expect(outcome).toEqual({
      status: "opened",
      pullRequest: { number: 1, url: "https://github.com/octo-org/widgets/pull/1" },
      committed: true,
    });
    expect(github.file("octo-org/widgets", "SECURITY.md")).toBe("old policy\n");
    expect(github.file("octo-org/widgets", "SECURITY.md", "disclosure-desk/security-md")).toBe("new policy\n");
    expect(writesOf(github)).toEqual([
      "POST /repos/octo-org/widgets/git/refs",
      "PUT /repos/octo-org/widgets/contents/SECURITY.md",
      "POST /repos/octo-org/widgets/pulls",
    ]);
    const put = github.journal.entries.find((request) => request.method === "PUT");
    expect(put?.body).toEqual({
      message: "Update SECURITY.md",
      content: Buffer.from("new policy\n").toString("base64"),
      branch: "disclosure-desk/security-md",
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const [pull] = (github.state.repository("octo-org/widgets")?.pulls ?? []).map(({ number, head, base, title, body, state }) => ({
      number,
      head,
      base,
      title,
      body,
      state,
    }));
    expect(pull).toEqual({
      number: 1,
      head: "disclosure-desk/security-md",
      base: "main",
      title: "Update SECURITY.md",
      body: `Rendered from the policy.\n\n${marker}`,
      state: "open",
    });
  });

  it("writes nothing the second time: one pull request, however often it runs", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { files: { "SECURITY.md": "old policy\n" } } });
    await gateway(github).proposeFile(proposal("new policy\n"));
    const writes = writesOf(github).length;

    const again = await gateway(github).proposeFile(proposal("new policy\n"));

    expect(github.journal.problems()).toEqual([]);
    expect(again).toEqual({
      status: "current",
      pullRequest: { number: 1, url: "https://github.com/octo-org/widgets/pull/1" },
      committed: false,
    });
    expect(writesOf(github)).toHaveLength(writes);
    expect(github.state.repository("octo-org/widgets")?.pulls).toHaveLength(1);
  });

  it("proposes nothing when the default branch already says it", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { files: { "SECURITY.md": "same policy\n" } } });

    expect(await gateway(github).proposeFile(proposal("same policy\n"))).toEqual({ status: "unchanged" });
    expect(github.journal.problems()).toEqual([]);
    expect(writesOf(github)).toEqual([]);
  });

  it("creates a file that does not exist yet, without a blob SHA", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": {} });

    const outcome = await gateway(github).proposeFile(proposal("first policy\n"));

    expect(github.journal.problems()).toEqual([]);
    expect(outcome.status).toBe("opened");
    expect(github.journal.entries.find((request) => request.method === "PUT")?.body).not.toHaveProperty("sha");
    expect(github.file("octo-org/widgets", "SECURITY.md", "disclosure-desk/security-md")).toBe("first policy\n");
  });

  it("moves its branch onto the default branch again for new content and updates the same pull request", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { files: { "SECURITY.md": "old policy\n", "README.md": "readme\n" } } });
    await gateway(github).proposeFile(proposal("second policy\n"));
    const widgets = github.state.repository("octo-org/widgets");
    // Meanwhile someone changes the default branch.
    github.mergePull("octo-org/widgets", 1);
    widgets?.pulls.splice(0);
    await gateway(github).proposeFile(proposal("third policy\n"));
    const before = writesOf(github).length;

    const outcome = await gateway(github).proposeFile(
      proposal("fourth policy\n", { title: "Update SECURITY.md again", body: "Changed twice." }),
    );

    expect(github.journal.problems()).toEqual([]);
    expect(outcome).toEqual({
      status: "updated",
      pullRequest: { number: 2, url: "https://github.com/octo-org/widgets/pull/2" },
      committed: true,
    });
    expect(writesOf(github).slice(before)).toEqual([
      "PATCH /repos/octo-org/widgets/git/refs/heads/disclosure-desk/security-md",
      "PUT /repos/octo-org/widgets/contents/SECURITY.md",
      "PATCH /repos/octo-org/widgets/pulls/2",
    ]);
    const reset = github.journal.entries
      .filter((request) => decodeURIComponent(request.path).endsWith("/git/refs/heads/disclosure-desk/security-md"))
      .at(-1);
    expect(reset?.body).toEqual({ sha: github.branchSha("octo-org/widgets", "main") ?? "", force: true });
    expect(github.file("octo-org/widgets", "SECURITY.md", "disclosure-desk/security-md")).toBe("fourth policy\n");
    expect(github.file("octo-org/widgets", "README.md", "disclosure-desk/security-md")).toBe("readme\n");
    expect(widgets?.pulls).toEqual([
      expect.objectContaining({ number: 2, state: "open", title: "Update SECURITY.md again", body: `Changed twice.\n\n${marker}` }),
    ]);
  });

  it("does not open the pull request again once a maintainer closed it, until the content changes", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { files: { "SECURITY.md": "old policy\n" } } });
    await gateway(github).proposeFile(proposal("new policy\n"));
    github.closePull("octo-org/widgets", 1);

    expect(await gateway(github).proposeFile(proposal("new policy\n"))).toEqual({
      status: "declined",
      pullRequest: { number: 1, url: "https://github.com/octo-org/widgets/pull/1" },
    });
    const reopened = await gateway(github).proposeFile(proposal("newer policy\n"));

    expect(github.journal.problems()).toEqual([]);
    expect(reopened).toEqual(expect.objectContaining({ status: "opened", pullRequest: expect.objectContaining({ number: 2 }) }));
    expect(github.state.repository("octo-org/widgets")?.pulls.map((pull) => pull.state)).toEqual(["closed", "open"]);
  });

  it("never moves a branch that is not its own", async () => {
    const github = await repositoriesGitHub({ "octo-org/widgets": {} });
    await expect(gateway(github).proposeFile(proposal("x", { branch: "main" }))).rejects.toThrow(
      "proposal branches start with disclosure-desk/",
    );
    await expect(gateway(github).proposeFile(proposal("x", { branch: "disclosure-desk/" }))).rejects.toThrow(
      "proposal branches start with disclosure-desk/",
    );
    expect(github.journal.entries).toEqual([]);
  });
});

describe("privateReporting", () => {
  it.each([
    [true, "enabled"],
    [false, "disabled"],
    ["forbidden", "unknown"],
  ] as const)("reads the setting %s as %s", async (setting, expected) => {
    const github = await repositoriesGitHub({ "octo-org/widgets": { privateReporting: setting } });
    expect(await gateway(github).privateReporting(repository)).toBe(expected);
    expect(github.journal.problems()).toEqual([]);
  });
});
