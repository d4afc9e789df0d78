import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { planSecurityMd, pushChangesPolicy, type PushFacts } from "../../src/proposals/security-md.js";
import { renderSecurityMd } from "../../src/messages/security-md.js";

const push: PushFacts = {
  repository: { owner: "octo-org", repo: "widgets" },
  ref: "refs/heads/main",
  defaultBranch: "main",
  after: "5f2c1a9e0b7d4c3a2f1e0d9c8b7a6f5e4d3c2b1a",
  deleted: false,
  changedPaths: [".github/disclosure.yml"],
};

const config = (documents: string, language = "en") =>
  parseConfigText(
    `language: ${language}\npolicy: { name: Beleid, contact: "mailto:security@example.org" }\ndocuments:\n  securityMd: ${documents}\n`,
  ).config;

describe("pushChangesPolicy", () => {
  it.each([
    [".github/disclosure.yml changed on main", push, true],
    ["refs/heads/feature is not the default branch", { ...push, ref: "refs/heads/feature" }, false],
    ["the branch was deleted", { ...push, deleted: true }, false],
    ["the push does not change .github/disclosure.yml", { ...push, changedPaths: ["docs/disclosure.yml", "SECURITY.md"] }, false],
  ])("%s", (reason, facts, changes) => {
    expect(pushChangesPolicy(facts)).toEqual({ changes, reason });
  });
});

describe("planSecurityMd", () => {
  const input = { push, errors: [], policyVersion: "abc123", privateReporting: "enabled" as const, advisories: true };

  it("proposes nothing unless the policy opted in, or while the policy has problems", () => {
    expect(planSecurityMd({ ...input, config: config("{ enabled: false }") })).toEqual({
      reasons: ["documents.securityMd is not enabled"],
      actions: [],
    });
    const plan = planSecurityMd({
      ...input,
      config: config("{ enabled: true }"),
      errors: [{ path: "sla.respone", message: "unknown key" }],
    });
    expect(plan.actions).toEqual([]);
    expect(plan.reasons).toEqual(["the policy has 1 problem(s): SECURITY.md is not proposed until it is valid"]);
  });

  it("renders the page in its own language at its own path, and writes to maintainers in the policy's language", () => {
    const chosen = config("{ enabled: true, path: docs/SECURITY.md, language: en }", "nl");
    const [action] = planSecurityMd({ ...input, config: chosen }).actions;
    expect(action?.path).toBe("docs/SECURITY.md");
    expect(action?.branch).toBe("disclosure-desk/security-md-docs-security-md");
    expect(action?.content).toBe(renderSecurityMd(chosen, "en", { repository: "octo-org/widgets" }));
    expect(action?.title).toBe("docs/SECURITY.md bijwerken vanuit het disclosurebeleid");
    expect(action?.body).toContain("Privé kwetsbaarheden melden staat aan");
    expect(action?.body).toContain("beleidsversie `abc123`");
  });

  it("links no reporting form where GitHub has none, and says so", () => {
    const chosen = config("{ enabled: true }");
    const [action] = planSecurityMd({ ...input, config: chosen, privateReporting: "unknown", advisories: false }).actions;
    expect(action?.content).toBe(renderSecurityMd(chosen, "en"));
    expect(action?.body).toContain("Private vulnerability reporting does not exist on this GitHub Enterprise Server");
  });

  it("asks a maintainer to check when the setting could not be read", () => {
    const [action] = planSecurityMd({ ...input, config: config("{ enabled: true }"), privateReporting: "unknown" }).actions;
    expect(action?.body).toContain("could not check whether private vulnerability reporting is enabled");
    expect(action?.content).toContain("https://github.com/octo-org/widgets/security/advisories/new");
  });
});
