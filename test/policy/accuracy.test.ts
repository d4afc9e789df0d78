import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseConfigText } from "../../src/config/load.js";
import { containmentFigures, triageFigures, type CategoryKinds, type ContainmentItem, type TriageItem } from "../../src/policy/accuracy.js";

/**
 * The figures of docs/accuracy.md on the test split of data/, held as floors a little under what was measured
 * (`npm run eval` prints them). The test split is scored, never used to change rules or models: a floor that fails
 * after a change means the change made things worse on data nobody tuned to.
 */

function jsonl<T>(path: string): T[] {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

const testSplit = <T extends { split: string }>(items: T[]): T[] => items.filter((item) => item.split === "test");
const kinds = (JSON.parse(readFileSync(new URL("../../data/labels.json", import.meta.url), "utf8")) as { categories: CategoryKinds })
  .categories;

function example(name: string) {
  const { config, errors } = parseConfigText(readFileSync(new URL(`../../examples/${name}.yml`, import.meta.url), "utf8"), `${name}.yml`);
  expect(errors).toEqual([]);
  return config;
}

describe("containment on the test split", () => {
  const items = testSplit(jsonl<ContainmentItem & { split: string }>("data/containment.jsonl"));
  const figures = containmentFigures(items);
  // The ninth scoring's split holds 1,015 more hand-labelled public GitHub issues than the eighth's (a natural sample,
  // harder than the earlier ones), so the floors are what it measured; "before" is the previous rules and models on the
  // same items. The models were trained again on the larger set: on the items the eighth scoring already had, they
  // contain 6 fewer GitHub disclosures and 6 more advisories than before, and flag one more plain Wicket issue (on dev,
  // four trainings with other seeds moved the GitHub disclosures contained by as much, 339 to 346 of 464). The
  // advisories and Matomo issues are the items the first floors were set on, and keep a floor of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_130);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(670);
    expect(figures.plain.of).toBeGreaterThanOrEqual(1_730);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(680);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(610);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(990);
  });

  it("contains at least 77 % of all public disclosures (measured: 77.3 %; before 75.5 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.77);
  });

  it("contains at least 88.5 % of the advisories and Matomo disclosures (measured: 88.6 %; before 88.9 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.885);
  });

  it("contains at least 69.5 % of the public GitHub issues that disclose a vulnerability (measured: 69.9 %; before 66.7 %)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.695);
  });

  it("contains at most 9 % of all security discussions that are not disclosures (measured: 8.9 %; before 9.2 %)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.09);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 0 of 64; before 1 of 64; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 10 % of the security-worded GitHub issues that are not disclosures (measured: 9.8 %; before 10.0 %)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.1);
  });

  it("contains at most 21 plain issues, 2 of them outside the GitHub issues (measured: 21 of 1,733, 19 of 994 GitHub issues; before 17 and 15)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(21);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(2);
  });
});

describe("containment on the held-out issues", () => {
  // 1,761 public GitHub issues in no split and never trained on (data/held-out-issues.jsonl; `npm run eval -- --split
  // held-out`): 413 labelled after the seventh scoring's rules and models were fixed, 413 more, a natural sample,
  // after the eighth's, and 935 more, a natural sample, labelled while the ninth's were made and scored only with them.
  // "Before" is the previous session's rules and models on the same issues.
  const items = jsonl<ContainmentItem & { id: string; label: string }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(410);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(415);
    expect(figures.plain.of).toBeGreaterThanOrEqual(860);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(1_580);
  });

  it("contains at least 59.5 % of the disclosures (measured: 250 of 417, 60.0 %; before 56.4 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.595);
  });

  it("contains at most 8.5 % of the hard negatives and 7 plain issues (measured: 8.3 % and 7 of 865; before 9.3 % and 9)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.085);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(7);
  });

  it("stores each body as the evaluation reads it, so npm run eval and these floors score the same text", () => {
    for (const item of items) {
      expect(item.body).toBe(item.body.trim());
      expect(item.body).not.toMatch(/\r|[ \t]{2}|\n{3}/);
      expect(item.body.length).toBeLessThanOrEqual(1_200);
    }
  });

  it("shares no issue with the labelled sets, so nothing in it was trained on", () => {
    const labelled = new Set(jsonl<{ id: string }>("data/github-issues.jsonl").map((issue) => issue.id));
    expect(items.filter((item) => labelled.has(item.id))).toEqual([]);
  });
});

describe("triage on the test split", () => {
  const items = testSplit(jsonl<TriageItem & { split: string; source: string }>("data/triage.jsonl"));
  // The tenth scoring's split holds 153 more public GitHub issues with a category than the ninth's; among them, as
  // before, memory-safety crashes the labelling guide calls a denial of service (a crash and nothing more), which
  // triage leaves in scope: the cheaper error, but one that lowers "right" under MijnPartnerGroep. The retrained
  // category model suggests more of those crashes as a denial of service, rightly for most, but 2 more memory-safety
  // findings too, which puts MijnPartnerGroep's wrongly excluded just over the 1 % goal. Floors are what it measured;
  // "before" is the previous rules and models on the same items.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 680,
      right: 0.935,
      wronglyExcluded: 0.011,
      measured: "93.7 % right, 6 of 565 (1.1 %) wrongly excluded; before 93.0 % and 4 of 565",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 680,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "98.8 % right, 3 of 678 (0.4 %) wrongly excluded; before 98.7 % and 3 of 678",
    },
    {
      policy: "openworx",
      set: "advisories",
      items: advisories,
      atLeast: 140,
      right: 0.99,
      wronglyExcluded: 0.01,
      measured: "99.3 % right, 0 of 138 wrongly excluded; before the same",
    },
    {
      policy: "mijnpartnergroep",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 545,
      right: 0.93,
      wronglyExcluded: 0.011,
      measured: "93.2 % right, 5 of 463 (1.1 %) wrongly excluded; before 92.3 % and 3 of 463",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 545,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "98.7 % right, 3 of 540 (0.6 %) wrongly excluded; before 98.5 % and 3 of 540",
    },
  ];

  it.each(floors)("under $policy holds its floor on $set ($measured)", ({ policy, items: scored, atLeast, right, wronglyExcluded }) => {
    const figures = triageFigures(scored, example(policy), kinds);
    expect(figures.unambiguous).toBeGreaterThanOrEqual(atLeast);
    expect(figures.right.rate).toBeGreaterThanOrEqual(right);
    expect(figures.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
  });

  it("suggests denial of service where MijnPartnerGroep excludes it, and MITM attacks likewise", () => {
    const figures = triageFigures(items, example("mijnpartnergroep"), kinds);
    // Measured: recall 69.0 % (before 62.0 %), precision 92.0 % (before 93.9 %); the crashes above are most of what it
    // misses. MITM: 9 of 11 (81.8 %; before the same; 9 of 10 on the ninth scoring's smaller split).
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.685);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.8);
  });
});
