import { afterEach, describe, expect, it } from "@jest/globals";
import { createGatewayCache, createInProcessPendingAcknowledgements, createInProcessRecentCases } from "../../src/github/gateway-cache.js";
import { installation, repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

/**
 * What intake keeps between reports is bounded by configuration, not by the number of reports: over a long run the
 * caches hold one policy, one config file and one repository's visibility, the recent-case index stays at its limit,
 * and the ledger of pending acknowledgements is empty again once each case is open.
 */

const trackingRepository = "octo-org/security-cases";
const now = new Date("2026-11-16T08:31:00Z");
const reports = 120;
const recentCasesLimit = 40;

function ghsaId(index: number): string {
  return `GHSA-${String(index).padStart(4, "0")}-mmmm-${"abcdefghij"[index % 10]}bcd`;
}

afterEach(stopTestGitHubs);

describe("memory across a long run of intakes", () => {
  it("keeps every cache within its configured bound and the ledger of pending acknowledgements empty", async () => {
    const github = await startTestGitHub({ config: policyYaml(openworxShort(trackingRepository)) });
    const recentCases = createInProcessRecentCases(recentCasesLimit);
    const ledger = createInProcessPendingAcknowledgements(now.getTime() - 60 * 60_000);
    const dependencies = { ...testDependencies(now), cache: createGatewayCache({ recentCases, pendingAcknowledgements: ledger }) };
    const probot = createTestProbot(dependencies, github.url);

    for (let index = 0; index < reports; index++) {
      const payload = github.report(repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: ghsaId(index) } }));
      await probot.receive({ id: `delivery-${index}`, name: "repository_advisory", payload } as Parameters<typeof probot.receive>[0]);
    }

    expect(github.issues(trackingRepository)).toHaveLength(reports);
    expect(github.journal.problems()).toEqual([]);
    const { cache } = dependencies;
    expect(cache.policies.size).toBe(1);
    expect(cache.configFiles.size).toBe(1);
    expect(cache.privateRepositories.size).toBe(1);
    // Filled to its limit (so it was used) and no further.
    expect(recentCases.size).toBe(recentCasesLimit);
    const submittedAt = new Date("2026-11-16T08:30:00Z");
    for (let index = 0; index < reports; index++) expect(await ledger.lookUp(ghsaId(index), submittedAt)).toBe("none");
  }, 120_000); // 120 intakes of about five requests each, on a machine that may be busy

  it("resolves a policy once while its files read the same, and again when one changes", async () => {
    const github = await startTestGitHub({ config: policyYaml(openworxShort(trackingRepository)) });
    const files = github.state.repository("octo-org/widgets")?.files;
    if (!files) throw new Error("no reported repository");
    const clock = new Date(now);
    const dependencies = testDependencies(clock, new Date(now.getTime() - 60 * 60_000));
    const probot = createTestProbot(dependencies, github.url);
    const deliver = (index: number) =>
      probot.receive({
        id: `d-${index}`,
        name: "repository_advisory",
        payload: github.report(repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: ghsaId(index) } })),
      } as Parameters<typeof probot.receive>[0]);
    const remembered = () => dependencies.cache.policies.get(`${installation.id}:octo-org/widgets`)?.policy;

    await deliver(0);
    const first = remembered();
    await deliver(1);
    expect(first).toBeDefined();
    expect(remembered()).toBe(first);

    // The file changes; once the config cache asks again, the policy is resolved anew.
    files.set(".github/disclosure.yml", `${files.get(".github/disclosure.yml") ?? ""}\n# changed\n`);
    clock.setTime(clock.getTime() + 2 * 60_000);
    await deliver(2);
    expect(remembered()).not.toBe(first);
    expect(remembered()?.policyVersion).not.toBe(first?.policyVersion);
    expect(github.journal.problems()).toEqual([]);
  });
});

describe("the in-process ledger of pending acknowledgements", () => {
  const startedAt = Date.parse("2026-11-16T08:00:00Z");
  const after = new Date(startedAt + 5 * 60_000);

  it("vouches only for reports submitted after it began, and remembers an acknowledgement until the case opens", async () => {
    const ledger = createInProcessPendingAcknowledgements(startedAt);
    expect(await ledger.lookUp("GHSA-aaaa-bbbb-cccc", new Date(startedAt - 60_000))).toBe("unknown");
    expect(await ledger.lookUp("GHSA-aaaa-bbbb-cccc", after)).toBe("none");
    await ledger.record("GHSA-aaaa-bbbb-cccc", 17, after);
    expect(await ledger.lookUp("GHSA-aaaa-bbbb-cccc", after)).toEqual({ commentId: 17 });
    await ledger.settle("GHSA-aaaa-bbbb-cccc");
    expect(await ledger.lookUp("GHSA-aaaa-bbbb-cccc", after)).toBe("none");
  });

  it("stops vouching for reports older than an entry it had to drop", async () => {
    const ledger = createInProcessPendingAcknowledgements(startedAt, 2);
    const at = (minutes: number) => new Date(startedAt + minutes * 60_000);
    await ledger.record("GHSA-0001-aaaa-aaaa", 1, at(10));
    await ledger.record("GHSA-0002-aaaa-aaaa", 2, at(11));
    await ledger.record("GHSA-0003-aaaa-aaaa", 3, at(12));
    // The first entry was dropped: a report submitted before it was recorded may have been acknowledged.
    expect(await ledger.lookUp("GHSA-0001-aaaa-aaaa", at(9))).toBe("unknown");
    expect(await ledger.lookUp("GHSA-0004-aaaa-aaaa", at(11))).toBe("none");
    expect(await ledger.lookUp("GHSA-0003-aaaa-aaaa", at(12))).toEqual({ commentId: 3 });
  });
});
