import { afterEach, describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { renderSecurityMd } from "../../src/messages/security-md.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { repositoriesGitHub, writes } from "./repositories.js";
import { stopTestGitHubs, type TestGitHub } from "../helpers/github.js";
import { pushPayload } from "./push-payload.js";

const now = new Date("2026-11-16T08:31:00Z");

const policy = (enabled: boolean) => `
language: en
policy:
  name: Openworx Responsible Disclosure
  contact: mailto:security@example.org
  safeHarbor: true
sla:
  response: { businessDays: 5 }
documents:
  securityMd: { enabled: ${enabled} }
`;

function deliver(github: TestGitHub, payload: ReturnType<typeof pushPayload>, id = "push-1") {
  const probot = createTestProbot(testDependencies(now), github.url);
  return probot.receive({ id, name: "push", payload } as unknown as Parameters<typeof probot.receive>[0]);
}

afterEach(stopTestGitHubs);

describe("push: SECURITY.md refreshed from the policy", () => {
  it("opens one pull request with SECURITY.md rendered from the pushed policy, however often the push is delivered", async () => {
    const github = await repositoriesGitHub({
      "octo-org/widgets": { files: { ".github/disclosure.yml": policy(true), "SECURITY.md": "# Old\n" } },
    });
    const payload = pushPayload();
    expect(validateWebhookPayload("push", payload)).toEqual([]);

    await deliver(github, payload, "push-1");
    await deliver(github, payload, "push-2");

    expect(github.journal.problems()).toEqual([]);
    const widgets = github.state.repository("octo-org/widgets");
    expect(widgets?.pulls).toHaveLength(1);
    const expected = renderSecurityMd(parseConfigText(policy(true)).config, "en", { repository: "octo-org/widgets" });
    expect(github.file("octo-org/widgets", "SECURITY.md", "disclosure-desk/security-md")).toBe(expected);
    expect(expected).toContain("https://github.com/octo-org/widgets/security/advisories/new");
    expect(github.file("octo-org/widgets", "SECURITY.md")).toBe("# Old\n");
    const [pull] = widgets?.pulls ?? [];
    expect(pull?.title).toBe("Update SECURITY.md from the disclosure policy");
    expect(pull?.body).toContain("Private vulnerability reporting is enabled");
    expect(pull?.body).toContain("Policy changed in 5f2c1a9");
    expect(pull?.body).toContain("<!-- disclosure-desk:proposal security-md SECURITY.md -->");
  });

  it("says in the pull request that private vulnerability reporting is off, and links no form that does not work", async () => {
    const github = await repositoriesGitHub({
      "octo-org/widgets": { files: { ".github/disclosure.yml": policy(true) }, privateReporting: false },
    });

    await deliver(github, pushPayload());

    expect(github.journal.problems()).toEqual([]);
    expect(writes(github).filter((write) => write.includes("private-vulnerability-reporting"))).toEqual([]);
    const [pull] = github.state.repository("octo-org/widgets")?.pulls ?? [];
    expect(pull?.body).toContain("**Private vulnerability reporting is off** on this repository");
    expect(github.file("octo-org/widgets", "SECURITY.md", "disclosure-desk/security-md")).not.toContain("/security/advisories/new");
  });

  it.each([
    ["a policy that did not opt in", { files: { ".github/disclosure.yml": policy(false) } }, pushPayload()],
    ["a push to another branch", { files: { ".github/disclosure.yml": policy(true) } }, pushPayload({ ref: "refs/heads/feature" })],
    ["a push that does not touch the policy", { files: { ".github/disclosure.yml": policy(true) } }, pushPayload({ paths: ["README.md"] })],
  ])("writes nothing for %s", async (_name, seed, payload) => {
    const github = await repositoriesGitHub({ "octo-org/widgets": seed });

    await deliver(github, payload);

    expect(github.journal.problems()).toEqual([]);
    expect(writes(github)).toEqual([]);
  });

  it("gives the organisation's .github repository a page for every repository, linking no single reporting form", async () => {
    const github = await repositoriesGitHub({ "octo-org/.github": { files: { ".github/disclosure.yml": policy(true) } } });

    await deliver(github, pushPayload({ repo: ".github" }));

    expect(github.journal.problems()).toEqual([]);
    const [pull] = github.state.repository("octo-org/.github")?.pulls ?? [];
    expect(pull?.body).toContain("This is the organisation's `.github` repository");
    expect(github.file("octo-org/.github", "SECURITY.md", "disclosure-desk/security-md")).toBe(
      renderSecurityMd(parseConfigText(policy(true)).config, "en"),
    );
  });
});
