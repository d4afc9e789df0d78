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
  // The public GitHub issues joined the sets after the first floors were set; the first floors keep holding the
  // sources they were measured on, and the issues have floors of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(490);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(90);
    expect(figures.plain.of).toBeGreaterThanOrEqual(700);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(45);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(28);
  });

  it("contains at least 89 % of all public disclosures (measured: 89.6 %; before 88.1 %)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.89);
  });

  it("contains at least 89.5 % of the advisories and Matomo disclosures (measured: 90.2 %; first floor 88 % at 90.0 %)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.895);
  });

  it("contains at least 82 % of the public GitHub issues that disclose a vulnerability (measured: 83.7 %; before 77.5 %)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.82);
  });

  it("contains at most 5 % of all security discussions that are not disclosures (measured: 4.2 %; before 5.7 %)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.05);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 0 of 64; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 15 % of the security-worded GitHub issues that are not disclosures (measured: 4 of 31; before 5 of 24)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.15);
  });

  it("contains at most 1 plain issue (measured: 1 of 739)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(1);
  });
});

describe("triage on the test split", () => {
  const items = testSplit(jsonl<TriageItem & { split: string; source: string }>("data/triage.jsonl"));
  // The fourth scoring added 43 public GitHub issues to the triage test split; under Openworx three of them, each
  // demonstrated on a project's public demo site, were suggested as "demo environment" (1.7 % of the whole split).
  // Since the fifth scoring a demo named only where a product flaw is shown is not (docs/accuracy.md), and Openworx
  // holds its whole-split floor again; the advisories and the GitHub issues keep floors of their own.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 180,
      right: 0.95,
      wronglyExcluded: 0.01,
      measured: "95.6 % right, 0.7 % wrongly excluded",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 180,
      right: 0.98,
      wronglyExcluded: 0.01,
      measured: "98.9 % right, 1 of 181 (0.55 %) wrongly excluded",
    },
    {
      policy: "openworx",
      set: "advisories",
      items: advisories,
      atLeast: 135,
      right: 0.98,
      wronglyExcluded: 0.01,
      measured: "99.3 % right, 0 of 138 wrongly excluded",
    },
    {
      policy: "mijnpartnergroep",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 40,
      right: 0.95,
      wronglyExcluded: 0.01,
      measured: "95.3 % right, 0 of 40 wrongly excluded",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 40,
      right: 0.97,
      wronglyExcluded: 0.03,
      measured: "97.7 % right, 1 of 43 wrongly excluded; before 93.0 % and 3 of 43",
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
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.75);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.9);
  });
});
