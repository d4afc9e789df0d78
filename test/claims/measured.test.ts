import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { labelledReports } from "./labelled-reports.js";
import { claimsWorld, harnessProblems, type ClaimsWorld, type ReportedCase } from "./world.js";

/**
 * The labelled set through the real intake against the stand-in, each report on its own (a cold cache, as a report
 * that arrives alone): how many fabricated reports the code check labels `claims:unverified`, and how many genuine
 * ones it labels wrongly. The figures are printed; the goals (at least 90 % and none) are asserted.
 */

let world: ClaimsWorld;
const results = new Map<string, ReportedCase>();

beforeAll(async () => {
  world = await claimsWorld();
  for (const report of labelledReports) results.set(report.id, await world.report(report));
}, 60_000);

afterAll(async () => {
  const problems = harnessProblems(world.github);
  await world.close();
  expect(problems).toEqual([]);
});

function labelled(id: string): boolean {
  return results.get(id)?.labels.includes("claims:unverified") ?? false;
}

describe("the labelled set of genuine and fabricated reports about cJSON 1.7.18", () => {
  it("labels at least 90 % of the fabricated reports claims:unverified and no genuine one", () => {
    const fabricated = labelledReports.filter((report) => report.kind === "fabricated");
    const genuine = labelledReports.filter((report) => report.kind === "genuine");
    const caught = fabricated.filter((report) => labelled(report.id));
    const wronglyLabelled = genuine.filter((report) => labelled(report.id));
    const figures = {
      fabricated: fabricated.length,
      fabricatedLabelled: caught.length,
      fabricatedLabelledPercent: Math.round((caught.length / fabricated.length) * 1000) / 10,
      missed: fabricated.filter((report) => !labelled(report.id)).map((report) => report.id),
      genuine: genuine.length,
      genuineLabelled: wronglyLabelled.map((report) => report.id),
    };
    console.log(`code claims, measured: ${JSON.stringify(figures)}`);
    expect(figures.genuineLabelled).toEqual([]);
    expect(figures.fabricatedLabelledPercent).toBeGreaterThanOrEqual(90);
  });

  it("never makes more than two code reads for one report", () => {
    const reads = labelledReports.map((report) => ({ id: report.id, reads: results.get(report.id)?.codeReads.length ?? -1 }));
    expect(reads.filter(({ reads: count }) => count > 2 || count < 0)).toEqual([]);
    expect(reads.some(({ reads: count }) => count === 2)).toBe(true);
  });
});
