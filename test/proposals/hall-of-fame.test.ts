import { afterEach, describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { renderAcknowledgements } from "../../src/closing/hall-of-fame.js";
import type { RepositoryConfig } from "../../src/config/repository-config.js";
import { ProposalsGateway } from "../../src/github/proposals-gateway.js";
import { planAcknowledgements } from "../../src/proposals/hall-of-fame-proposal.js";
import { proposeHallOfFame } from "../../src/proposals/hall-of-fame-step.js";
import { TestOctokit } from "../helpers/probot.js";
import { closingConfig, resolvedAt, resolvedCase } from "../closing/fixtures.js";
import { repositoriesGitHub } from "./repositories.js";
import { stopTestGitHubs } from "../helpers/github.js";

const target = { repository: "octo-org/.github", path: "ACKNOWLEDGEMENTS.md" };
const config = closingConfig("mutual", { publication: { consent: "mutual", reviewDays: 10, acknowledgements: target } });
const silent = { info: () => undefined };

function credited(key: string, login: string, state: CaseRecord["state"]): CaseRecord {
  return resolvedCase(config, { credit: { choice: "handle", login, by: "researcher", at: resolvedAt } }, { key, state });
}

const policy = (value = config): RepositoryConfig => ({ config: value, errors: [], files: [], policyVersion: null });

afterEach(stopTestGitHubs);

describe("planAcknowledgements", () => {
  it("proposes nothing before a case is published, and nothing for a policy that names no page", () => {
    expect(planAcknowledgements([{ record: credited("GHSA-aaaa-bbbb-cccc", "rosa-researcher", "resolved"), config }])).toEqual({
      reasons: ["octo-org/.github:ACKNOWLEDGEMENTS.md: no case published yet"],
      actions: [],
    });
    const plain = closingConfig("mutual");
    expect(
      planAcknowledgements([{ record: credited("GHSA-aaaa-bbbb-cccc", "rosa-researcher", "published"), config: plain }]).actions,
    ).toEqual([]);
  });

  it("renders one page per target from the cases filed under it, each case once, in a stable order", () => {
    const first = credited("GHSA-aaaa-bbbb-cccc", "rosa-researcher", "published");
    const second = credited("GHSA-dddd-eeee-ffff", "jan-j", "resolved");
    const plan = planAcknowledgements([
      { record: second, config },
      { record: first, config },
      { record: first, config },
    ]);
    expect(plan.actions).toEqual([
      {
        type: "proposeFile",
        name: "acknowledgements",
        repository: { owner: "octo-org", repo: ".github" },
        path: "ACKNOWLEDGEMENTS.md",
        content: renderAcknowledgements([{ record: first }, { record: second }], "en"),
        branch: "disclosure-desk/acknowledgements",
        title: "Update ACKNOWLEDGEMENTS.md: security acknowledgements",
        body: expect.stringContaining("Published cases so far: 1."),
        marker: "<!-- disclosure-desk:proposal acknowledgements ACKNOWLEDGEMENTS.md -->",
      },
    ]);
  });
});

describe("the sweep's hall of fame step", () => {
  it("lists the tracking repository's cases and opens one pull request for the page, once", async () => {
    const github = await repositoriesGitHub({ "octo-org/.github": {} });
    const records = [credited("GHSA-aaaa-bbbb-cccc", "rosa-researcher", "published")];
    const scope = {
      gateway: {
        listCases: async () =>
          records.map((record, index) => ({
            number: index + 1,
            url: "",
            body: "",
            labels: [],
            reading: { status: "found" as const, record, sealed: true },
          })),
      },
      policies: new Map([["octo-org/widgets", policy()]]),
      trackingPolicies: new Map([["octo-org/security-cases", policy()]]),
      trackingRepositories: ["octo-org/security-cases"],
      log: silent,
    };
    const proposals = new ProposalsGateway(new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }));

    const [first] = await proposeHallOfFame(proposals, scope);
    const [second] = await proposeHallOfFame(proposals, scope);

    expect(github.journal.problems()).toEqual([]);
    expect(first?.outcome.status).toBe("opened");
    expect(second?.outcome.status).toBe("current");
    expect(github.state.repository("octo-org/.github")?.pulls).toHaveLength(1);
    expect(github.file("octo-org/.github", "ACKNOWLEDGEMENTS.md", "disclosure-desk/acknowledgements")).toContain(
      "[@rosa-researcher](https://github.com/rosa-researcher)",
    );
  });

  it("asks GitHub nothing when no policy names a page", async () => {
    const github = await repositoriesGitHub({});
    const plain = policy(closingConfig("mutual"));
    let listed = 0;
    const executed = await proposeHallOfFame(
      new ProposalsGateway(new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url })),
      {
        gateway: {
          listCases: async () => {
            listed += 1;
            return [];
          },
        },
        policies: new Map([["octo-org/widgets", plain]]),
        trackingPolicies: new Map([["octo-org/security-cases", plain]]),
        trackingRepositories: ["octo-org/security-cases"],
        log: silent,
      },
    );
    expect(executed).toEqual([]);
    expect(listed).toBe(0);
    expect(github.journal.entries).toEqual([]);
  });
});
