import { afterEach, describe, expect, it } from "@jest/globals";
import { sweepInstallation } from "../../src/sweep/run.js";
import { openedCase, sweepConfig } from "./fixtures.js";
import { sweepWorld, trackingRepository } from "./sweep-world.js";
import { stopTestGitHubs } from "../helpers/github.js";

const config = sweepConfig();
const afterBreach = new Date("2026-12-01T08:00:00Z");

/** "Billion laughs": nine levels of nine aliases, used where the schema reads `exclusions`. */
const aliasBomb = [
  "bomb0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ...Array.from(
    { length: 8 },
    (_, index) => `bomb${index + 1}: &l${index + 1} [${Array.from({ length: 9 }, () => `*l${index}`).join(", ")}]`,
  ),
  "exclusions: [*l8]",
  "",
].join("\n");

afterEach(stopTestGitHubs);

describe("sweepInstallation with a hostile config in one repository", () => {
  it("escalates the next repository's breached case as it does when every config is fine", async () => {
    const control = await sweepWorld({ moreRepositories: { aardvark: "language: nl\n", beetle: "language: nl\n" } });
    control.addCase(openedCase(config));
    const controlSummary = await sweepInstallation(control.gateway(afterBreach), control.options(afterBreach));
    const controlWrites = control.github.writesTo(trackingRepository).map(({ method, path }) => `${method} ${path}`);

    const hostile = await sweepWorld({ moreRepositories: { aardvark: aliasBomb, beetle: `scope: ${"[".repeat(100_000)}\n` } });
    const issue = hostile.addCase(openedCase(config));
    const summary = await sweepInstallation(hostile.gateway(afterBreach), hostile.options(afterBreach));

    expect(hostile.github.journal.problems()).toEqual([]);
    expect(hostile.github.writesTo(trackingRepository).map(({ method, path }) => `${method} ${path}`)).toEqual([
      `POST /repos/${trackingRepository}/issues/${issue.number}/comments`,
      `POST /repos/${trackingRepository}/issues/${issue.number}/labels`,
      `PATCH /repos/${trackingRepository}/issues/${issue.number}`,
    ]);
    expect(controlWrites).toHaveLength(3);
    expect(hostile.github.writesTo(trackingRepository).map(({ method, path }) => `${method} ${path}`)).toEqual(controlWrites);
    expect(summary).toMatchObject({
      repositories: 4,
      trackingRepositories: [trackingRepository],
      openCases: 1,
      casesWithActions: 1,
      posted: 1,
    });
    expect(summary.actions).toEqual(controlSummary.actions);
    expect(hostile.github.journal.entries.map((request) => request.path)).toEqual(
      expect.arrayContaining([
        "/repos/octo-org/aardvark/contents/.github%2Fdisclosure.yml",
        "/repos/octo-org/beetle/contents/.github%2Fdisclosure.yml",
      ]),
    );
  });
});
