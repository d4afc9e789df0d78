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
  // The seventh scoring's split holds 2,982 more hand-labelled public GitHub issues than the sixth's, so the floors
  // are what it measured; "before" is the previous rules and models on the same items. The advisories and Matomo
  // issues are the items the first floors were set on, and keep a floor of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(690);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(250);
    expect(figures.plain.of).toBeGreaterThanOrEqual(950);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(240);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(190);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(210);
  });

  it("contains at least 81 % of all public disclosures (measured: 81.4 %; before 81.8 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.81);
  });

  it("contains at least 87.5 % of the advisories and Matomo disclosures (measured: 88.0 %; before 90.2 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.875);
  });

  it("contains at least 68.5 % of the public GitHub issues that disclose a vulnerability (measured: 69.1 %; before 66.3 %)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.685);
  });

  it("contains at most 7 % of all security discussions that are not disclosures (measured: 6.6 %; before 7.0 %)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.07);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 0 of 64; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 9.5 % of the security-worded GitHub issues that are not disclosures (measured: 8.8 %; before 9.3 %)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.095);
  });

  it("contains at most 5 plain issues, 1 of them outside the GitHub issues (measured: 5 of 954, 4 of 215 GitHub issues; before the same)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(5);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(1);
  });
});

describe("containment on the held-out issues", () => {
  // 413 public GitHub issues labelled by hand after this round's rules and models were fixed, in no split and never
  // trained on (data/held-out-issues.jsonl; `npm run eval -- --split held-out`). "Before" is the previous rules and
  // models on the same issues.
  const items = jsonl<ContainmentItem & { id: string; label: string }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(100);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(140);
    expect(figures.plain.of).toBeGreaterThanOrEqual(140);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(400);
  });

  it("contains at least 70 % of the disclosures (measured: 77 of 109, 70.6 %; before 68.8 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.7);
  });

  it("contains at most 12.5 % of the hard negatives and 1 plain issue (measured: 12.2 % and 1 of 146; before 14.3 % and 3)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.125);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(1);
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
  // The seventh scoring's split holds 163 more public GitHub issues with a category than the sixth's; among them
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
      atLeast: 340,
      right: 0.935,
      wronglyExcluded: 0.01,
      measured: "93.9 % right, 1 of 282 (0.4 %) wrongly excluded; before 92.5 % and 2 of 282",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 340,
      right: 0.985,
      wronglyExcluded: 0.01,
      measured: "99.1 % right, 1 of 344 (0.3 %) wrongly excluded; before 99.1 % and 2 of 344",
    },
    {
      policy: "openworx",
      set: "advisories",
      items: advisories,
      atLeast: 135,
      right: 0.98,
      wronglyExcluded: 0.01,
      measured: "98.6 % right, 0 of 138 wrongly excluded; before 99.3 % and 0",
    },
    {
      policy: "mijnpartnergroep",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 200,
      right: 0.93,
      wronglyExcluded: 0.01,
      measured: "93.2 % right, 0 of 180 wrongly excluded; before 90.3 % and 1 of 180",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 200,
      right: 0.99,
      wronglyExcluded: 0.01,
      measured: "99.5 % right, 1 of 206 (0.5 %) wrongly excluded; before 99.0 % and 2 of 206",
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
    // Measured: recall 64.7 % (before 54.9 %), precision 97.1 %; the crashes above are most of what it misses.
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.64);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.9);
  });
});
