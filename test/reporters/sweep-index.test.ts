import { afterEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import type { CaseRecord } from "../../src/case/case-record.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { reporterKey } from "../../src/reporters/reporter-key.js";
import { caseIndexStep } from "../../src/sweep/case-index-step.js";
import { sweepInstallation } from "../../src/sweep/run.js";
import { repositoryAdvisoryReportedPayload, installation } from "../fixtures/webhook-payloads.js";
import { userObject } from "../fixtures/github-objects.js";
import { createTestProbot, testDependencies, testTrust } from "../helpers/probot.js";
import { openedCase } from "../commands/fixtures.js";
import { sweepWorld, trackingRepository, type SweepWorld } from "../sweep/sweep-world.js";
import { openworx, policyConfig } from "../fixtures/policies.js";
import { stopTestGitHubs } from "../helpers/github.js";

/**
 * The sweep builds the case index from the app's sealed cases only: a hand-edited record claiming an invalid report
 * counts for nothing, and once the index is built the tracking issue no longer warns that history may be incomplete.
 */

const now = new Date("2026-12-01T08:00:00Z");
const junkAuthor = userObject("slop-sender", 9_200_050);

function invalidCase(ghsaId: string): CaseRecord {
  return openedCase(policyConfig(openworx), {
    key: ghsaId,
    source: { repository: "octo-org/widgets", ghsaId, url: `https://github.com/octo-org/widgets/security/advisories/${ghsaId}` },
    state: "rejected",
    rejectedAs: "invalid",
    reporter: reporterKey(testTrust.secret, "slop-sender"),
  });
}

async function sweepThenReport(world: SweepWorld): Promise<string | undefined> {
  const dependencies = { ...testDependencies(now), cache: createGatewayCache() };
  await sweepInstallation(
    world.gateway(now, dependencies.cache),
    world.options(now, { caseIndex: caseIndexStep(dependencies.cache.caseIndex, installation.id) }),
  );
  const payload = repositoryAdvisoryReportedPayload({
    repository_advisory: {
      ghsa_id: "GHSA-2222-3333-4449",
      description: "A confident write-up of a heap overflow in a function that does not exist, with no steps at all.",
    },
    sender: junkAuthor,
  });
  (payload.repository_advisory as { author: unknown }).author = junkAuthor;
  const probot: Probot = createTestProbot(dependencies, world.github.url);
  await probot.receive({ id: "report", name: "repository_advisory", payload: world.github.report(payload) } as Parameters<
    Probot["receive"]
  >[0]);
  const issue = world.github.issues(trackingRepository)?.find((candidate) => candidate.title.startsWith("GHSA-2222-3333-4449"));
  expect(issue).toBeDefined();
  return issue ? `${issue.labels.join(",")}\n${issue.body}` : undefined;
}

afterEach(stopTestGitHubs);

describe("the sweep's case index", () => {
  it("counts two sealed invalid cases: the next report is labelled reporter:repeat-invalid and the history is complete", async () => {
    const world = await sweepWorld();
    world.addCase(invalidCase("GHSA-2222-3333-4442"), ["disclosure", "state:rejected"]);
    world.addCase(invalidCase("GHSA-2222-3333-4443"), ["disclosure", "state:rejected"]);
    const issue = await sweepThenReport(world);
    expect(issue).toContain("reporter:repeat-invalid");
    expect(issue).toContain("`octo-org/security-cases#1` (GHSA-2222-3333-4442)");
    expect(issue).not.toContain("has not been built by a sweep yet");
  });

  it("ignores a hand-edited case block that claims an invalid report: one sealed invalid case is not a repeat", async () => {
    const world = await sweepWorld();
    world.addCase(invalidCase("GHSA-2222-3333-4442"), ["disclosure", "state:rejected"]);
    // Someone with write access edits a triage case of another reporter to look like this reporter's invalid one.
    const forged = world.addCase(
      openedCase(policyConfig(openworx), { key: "GHSA-2222-3333-4443", reporter: reporterKey(testTrust.secret, "careful-carla") }),
    );
    forged.body = forged.body
      .replace('"state":"triage"', '"state":"rejected","rejectedAs":"invalid"')
      .replace(reporterKey(testTrust.secret, "careful-carla"), reporterKey(testTrust.secret, "slop-sender"));
    const issue = await sweepThenReport(world);
    expect(issue).not.toContain("reporter:repeat-invalid");
    expect(issue).toContain("`octo-org/security-cases#1` (GHSA-2222-3333-4442)");
    expect(issue).not.toContain("GHSA-2222-3333-4443");
  });
});
