import { afterEach, describe, expect, it } from "@jest/globals";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { sweepInstallation } from "../../src/sweep/run.js";
import { openedCase, sweepConfig } from "./fixtures.js";
import { sweepWorld } from "./sweep-world.js";
import { stopTestGitHubs } from "../helpers/github.js";

/**
 * What an idle sweep costs in GitHub requests (every case far from its deadlines), cold and with a warm cache as
 * the server's timer has it. The listings are conditional, so on the warm runs every page answers 304, which
 * GitHub does not count against the rate limit.
 */

const config = sweepConfig();
const now = new Date("2026-11-24T12:00:00Z");

afterEach(stopTestGitHubs);

async function measure(openCases: number) {
  const world = await sweepWorld();
  for (let index = 0; index < openCases; index += 1)
    world.addCase(openedCase(config, {}, `GHSA-${String(index).padStart(4, "0")}-test-case`));
  const cache = createGatewayCache();
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const cold = await sweepInstallation(world.gateway(at(0), cache), world.options(at(0)));
  const requestsBefore = world.github.journal.entries.length;
  const warm = await sweepInstallation(world.gateway(at(30_000), cache), world.options(at(30_000)));
  const notModified = world.github.journal.entries
    .slice(requestsBefore)
    .filter((request) => request.headers["if-none-match"] !== undefined).length;
  const revalidated = await sweepInstallation(world.gateway(at(3_600_000), cache), world.options(at(3_600_000)));
  expect(world.github.writesTo("octo-org/security-cases")).toEqual([]);
  expect(world.github.journal.problems()).toEqual([]);
  return {
    cold: cold.githubRequests,
    warm: warm.githubRequests,
    warmConditional: notModified,
    hourLater: revalidated.githubRequests,
    seen: warm.openCases,
  };
}

describe("requests per idle sweep", () => {
  // cold: repositories 1 + config reads 3 (widgets; security-cases and the org's .github, both absent)
  //       + visibility 1 + one page per 100 open cases (at least one) + triage advisories 1
  // warm: config and visibility cached for a minute; the listings asked again, conditionally
  // an hour later: the config files revalidated too (the absent ones are asked again), visibility re-checked
  it.each([
    [0, { cold: 7, warm: 3, warmConditional: 3, hourLater: 7, seen: 0 }],
    [100, { cold: 7, warm: 3, warmConditional: 3, hourLater: 7, seen: 100 }],
    [1_000, { cold: 16, warm: 12, warmConditional: 12, hourLater: 16, seen: 1_000 }],
  ])("with %i open cases", async (openCases, expected) => {
    expect(await measure(openCases)).toEqual(expected);
  });
});
