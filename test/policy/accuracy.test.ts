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
  // The eighth scoring's split holds 3,530 more hand-labelled public GitHub issues than the seventh's, so the floors
  // are what it measured; "before" is the previous rules and models on the same items. The advisories and Matomo
  // issues are the items the first floors were set on, and keep a floor of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(860);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(460);
    expect(figures.plain.of).toBeGreaterThanOrEqual(1_200);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(410);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(400);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(470);
  });

  it("contains at least 77.5 % of all public disclosures (measured: 78.1 %; before 75.7 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.775);
  });

  it("contains at least 87 % of the advisories and Matomo disclosures (measured: 87.5 %; before 88.0 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.87);
  });

  it("contains at least 67.5 % of the public GitHub issues that disclose a vulnerability (measured: 67.9 %; before 62.4 %)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.675);
  });

  it("contains at most 7.5 % of all security discussions that are not disclosures (measured: 7.3 %; before the same)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.075);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 0 of 64; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 8.75 % of the security-worded GitHub issues that are not disclosures (measured: 8.4 %; before the same)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.0875);
  });

  it("contains at most 11 plain issues, 1 of them outside the GitHub issues (measured: 11 of 1,219, 10 of 480 GitHub issues; before 10 and 9)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(11);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(1);
  });
});

describe("containment on the held-out issues", () => {
  // 826 public GitHub issues in no split and never trained on (data/held-out-issues.jsonl; `npm run eval -- --split
  // held-out`): 413 labelled after the seventh scoring's rules and models were fixed, 413 more, a natural sample,
  // after the eighth's. "Before" is the previous session's rules and models on the same issues.
  const items = jsonl<ContainmentItem & { id: string; label: string }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(150);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(170);
    expect(figures.plain.of).toBeGreaterThanOrEqual(460);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(790);
  });

  it("contains at least 67.5 % of the disclosures (measured: 108 of 158, 68.3 %; before 63.9 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.675);
  });

  it("contains at most 9.5 % of the hard negatives and 5 plain issues (measured: 9.2 % and 5 of 466; before 12.1 % and 7)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.095);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(5);
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
  // The eighth scoring's split holds 134 more public GitHub issues with a category than the seventh's; among them
  // memory-safety crashes the labelling guide calls a denial of service (a crash and nothing more), which triage
  // leaves in scope: the cheaper error, but one that lowers "right" under MijnPartnerGroep. Floors are what it
  // measured; "before" is the previous rules and models on the same items.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 475,
      right: 0.935,
      wronglyExcluded: 0.01,
      measured: "94.0 % right, 2 of 390 (0.5 %) wrongly excluded; before 92.9 % and 2 of 390",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 475,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "99.0 % right, 2 of 476 (0.4 %) wrongly excluded; before 98.8 % and 2 of 476",
    },
    {
      policy: "openworx",
      set: "advisories",
      items: advisories,
      atLeast: 135,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "99.3 % right, 0 of 138 wrongly excluded; before 98.6 % and 0",
    },
    {
      policy: "mijnpartnergroep",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 335,
      right: 0.925,
      wronglyExcluded: 0.01,
      measured: "93.2 % right, 1 of 288 (0.4 %) wrongly excluded; before 92.1 % and 1 of 288",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 335,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "98.8 % right, 2 of 338 (0.6 %) wrongly excluded; before the same",
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
    // Measured: recall 67.1 % (before 61.8 %), precision 96.2 %; the crashes above are most of what it misses.
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.665);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.9);
  });
});
