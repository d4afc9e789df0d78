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
  // The eleventh scoring's split holds 791 more scored public GitHub issues than the tenth's (a natural sample in
  // 22 themes; 66 % of its disclosures contained, against 71 % of the tenth's), so the floors are what it measured;
  // "before" is the previous rules and models on the same items. The models were trained again on the larger set, with
  // plain issues counting twice against a disclosure: they contain 6 more GitHub disclosures and flag 11 fewer plain
  // issues than before, but 7 fewer Ruby advisories (on dev, trainings with other seeds moved the GitHub disclosures
  // contained by as much, 574 to 592 of 793). The advisories and Matomo issues are the items the first floors were set
  // on, and keep a floor of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_270);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(810);
    expect(figures.plain.of).toBeGreaterThanOrEqual(2_240);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(820);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(750);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(1_500);
  });

  it("contains at least 75.5 % of all public disclosures (measured: 75.8 %; before 75.9 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.755);
  });

  it("contains at least 87 % of the advisories and Matomo disclosures (measured: 87.1 %; before 88.6 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.87);
  });

  it("contains at least 69.5 % of the public GitHub issues that disclose a vulnerability (measured: 69.7 %; before 69.0 %)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.695);
  });

  it("contains at most 9.1 % of all security discussions that are not disclosures (measured: 9.1 %; before 9.2 %)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.091);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 1 of 64; before 0 of 64; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 9.75 % of the security-worded GitHub issues that are not disclosures (measured: 9.7 %; before 10.0 %)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.0975);
  });

  it("contains at most 18 plain issues, 2 of them outside the GitHub issues (measured: 18 of 2,244, 16 of 1,505 GitHub issues; before 29 and 27)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(18);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(2);
  });
});

describe("containment on the held-out issues", () => {
  // 2,338 public GitHub issues in no split and never trained on (data/held-out-issues.jsonl; `npm run eval -- --split
  // held-out`): 413 labelled after the seventh scoring's rules and models were fixed, 413 more, a natural sample,
  // after the eighth's, 935 more, a natural sample, labelled while the ninth's were made and scored only with them, and
  // 577 more, a natural sample, labelled in the eleventh round and scored with nothing but the previous build before it.
  // "Before" is the previous session's rules and models on the same issues.
  const items = jsonl<ContainmentItem & { id: string; label: string }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(525);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(530);
    expect(figures.plain.of).toBeGreaterThanOrEqual(1_190);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(1_990);
  });

  it("contains at least 61.5 % of the disclosures (measured: 328 of 531, 61.8 %; before 61.6 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.615);
  });

  it("contains at most 8.75 % of the hard negatives and 10 plain issues (measured: 8.7 % and 10 of 1,192; before 8.2 % and 14)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.0875);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(10);
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
  // The eleventh scoring's split holds 109 more public GitHub issues with a category than the tenth's; among them, as
  // before, memory-safety crashes the labelling guide calls a denial of service (a crash and nothing more), which
  // triage leaves in scope: the cheaper error, but one that lowers "right" under MijnPartnerGroep. The category model,
  // retrained on the larger set, rightly suggests 3 more denials of service under MijnPartnerGroep and wrongly 3 fewer,
  // which puts its wrongly excluded back under the 1 % goal. Floors are what it measured;
  // "before" is the previous rules and models on the same items.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 790,
      right: 0.945,
      wronglyExcluded: 0.0065,
      measured: "94.6 % right, 4 of 656 (0.6 %) wrongly excluded; before 93.8 % and 7 of 656",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 790,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "98.9 % right, 4 of 787 (0.5 %) wrongly excluded; before the same",
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
      atLeast: 650,
      right: 0.94,
      wronglyExcluded: 0.006,
      measured: "94.2 % right, 3 of 554 (0.5 %) wrongly excluded; before 93.5 % and 6 of 554",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 650,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "98.8 % right, 4 of 649 (0.6 %) wrongly excluded; before the same",
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
    // Measured: recall 71.7 % (before 69.0 %), precision 95.3 % (before 91.8 %); the crashes above are most of what it
    // misses. MITM: 13 of 16 (81.3 %; before the same; 9 of 11 on the tenth scoring's smaller split).
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.715);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.95);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.8);
  });
});
