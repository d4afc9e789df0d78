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
  const items = testSplit(jsonl<ContainmentItem & { split: string; round?: number }>("data/containment.jsonl"));
  const figures = containmentFigures(items);
  // The thirteenth scoring's split holds 187 more scored public GitHub issues than the twelfth's: its round looked for
  // the low-severity findings policies exclude (77 disclosures, 76 hard negatives, 34 plain issues), which the
  // containment model was not trained on (scripts/train.mjs) and contains far less often than other disclosures. The
  // floors are what it measured; "before" is the previous session's rules and models on the same items, the same
  // figures since the containment model did not change. The earlier rounds' GitHub issues and the advisories and
  // Matomo issues (the items the first floors were set on) keep floors of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));
  const earlierGithubIssues = containmentFigures(items.filter((item) => item.source === "github-issues" && item.round !== 13));
  const lowSeverityFindings = containmentFigures(items.filter((item) => item.round === 13));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_375);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(915);
    expect(figures.plain.of).toBeGreaterThanOrEqual(2_445);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(925);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(850);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(1_705);
    expect(lowSeverityFindings.disclosures.of).toBeGreaterThanOrEqual(75);
  });

  it("contains at least 73.5 % of all public disclosures (measured: 73.9 %; before the same)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.735);
  });

  it("contains at least 87.5 % of the advisories and Matomo disclosures (measured: 87.8 %; before 87.1 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.875);
  });

  it("contains at least 67 % of the public GitHub issues that disclose a vulnerability (measured: 67.2 %; before the same)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.67);
    // The earlier rounds' issues: 597 of 853 (70.0 %), as the twelfth scoring measured; the low-severity findings 28 of 77.
    expect(earlierGithubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.695);
    expect(lowSeverityFindings.disclosures.rate).toBeGreaterThanOrEqual(0.36);
  });

  it("contains at most 9 % of all security discussions that are not disclosures (measured: 8.9 %; before the same)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.09);
  });

  it("contains at most 2 % of Matomo's security discussions (measured: 1 of 64; before the same; first ceiling 3 % at 1.6 %)", () => {
    expect(firstSources.hardNegatives.rate).toBeLessThanOrEqual(0.02);
  });

  it("contains at most 9.5 % of the security-worded GitHub issues that are not disclosures (measured: 9.5 %; before the same)", () => {
    expect(githubIssues.hardNegatives.rate).toBeLessThanOrEqual(0.095);
  });

  it("contains at most 18 plain issues, 2 of them outside the GitHub issues (measured: 18 of 2,451, 16 of 1,712 GitHub issues; before the same)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(18);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(2);
  });
});

describe("containment on the held-out issues", () => {
  // 5,182 public GitHub issues in no split and never trained on (data/held-out-issues.jsonl; `npm run eval -- --split
  // held-out`): 413 labelled after the seventh scoring's rules and models were fixed, 413 more, a natural sample,
  // after the eighth's, 935 more, a natural sample, labelled while the ninth's were made and scored only with them,
  // 577 more, a natural sample, labelled in the eleventh round and scored with nothing but the previous build before
  // it, 2,296 more, natural samples in 24 themes, labelled in the twelfth round, and 548 more (field `round`: 13) found
  // by searches for the low-severity findings policies exclude, labelled after the thirteenth round's rules and models
  // were fixed. "Before" is the previous session's rules and models on the same issues; the containment model is the
  // same, so its figures are too.
  const items = jsonl<ContainmentItem & { id: string; label: string; round?: number }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);
  const earlier = containmentFigures(items.filter((item) => item.round !== 13));
  const lowSeverityFindings = containmentFigures(items.filter((item) => item.round === 13));

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_010);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(1_030);
    expect(figures.plain.of).toBeGreaterThanOrEqual(2_975);
    expect(lowSeverityFindings.disclosures.of).toBeGreaterThanOrEqual(200);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(4_060);
  });

  it("contains at least 58 % of the disclosures (measured: 592 of 1,013, 58.4 %; 514 of 810 of the earlier rounds, 78 of 203 low-severity findings)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.58);
    expect(earlier.disclosures.rate).toBeGreaterThanOrEqual(0.63);
    expect(lowSeverityFindings.disclosures.rate).toBeGreaterThanOrEqual(0.38);
  });

  it("contains at most 10.85 % of the hard negatives and 34 plain issues (measured: 10.8 % and 34 of 2,981; the earlier rounds' 11.5 % and 32 of 2,810)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.1085);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(34);
    expect(earlier.hardNegatives.rate).toBeLessThanOrEqual(0.1155);
  });

  it.each([
    {
      policy: "mijnpartnergroep",
      right: 0.7,
      wronglyExcluded: 0.065,
      measured: "134 of 190 right, 5 of 81 wrongly excluded; before 128 and 5",
    },
    { policy: "openworx", right: 0.81, wronglyExcluded: 0.02, measured: "155 of 190 right, 2 of 112 wrongly excluded; before 147 and 2" },
  ])("triages the held-out low-severity findings under $policy ($measured)", ({ policy, right, wronglyExcluded }) => {
    const reports = jsonl<{ round?: number; id: string; title: string; body: string; category?: string; exception?: string }>(
      "data/held-out-issues.jsonl",
    ).flatMap((issue) =>
      issue.round === 13 && issue.category !== undefined
        ? [
            {
              id: issue.id,
              title: issue.title,
              body: issue.body,
              category: issue.category,
              ...(issue.exception === undefined ? {} : { exception: issue.exception }),
            },
          ]
        : [],
    );
    const triaged = triageFigures(reports, example(policy), kinds);
    expect(triaged.unambiguous).toBeGreaterThanOrEqual(185);
    expect(triaged.right.rate).toBeGreaterThanOrEqual(right);
    expect(triaged.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
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
  const items = testSplit(jsonl<TriageItem & { split: string; source: string; round?: number }>("data/triage.jsonl"));
  // The thirteenth scoring's split holds 73 reports of low-severity findings (clickjacking, cookie flags, headers, TLS,
  // DNS and mail records, enumeration, rate limits, ...), labelled with their catalog ids, which the earlier splits
  // barely had: on them triage is right far less often than on the rest. As before, memory-safety crashes the
  // labelling guide calls a denial of service stay in scope under MijnPartnerGroep: the cheaper error, but one that
  // lowers "right". Floors are what it measured; "before" is the previous session's rules and models on the same
  // items, scored the same way.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const lowSeverityFindings = items.filter((item) => item.round === 13);
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 880,
      right: 0.94,
      wronglyExcluded: 0.01,
      measured: "94.1 % right, 7 of 712 (1.0 %) wrongly excluded; before 93.6 % and the same",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 880,
      right: 0.97,
      wronglyExcluded: 0.0075,
      measured: "97.2 % right, 6 of 838 (0.7 %) wrongly excluded; before 96.7 % and the same",
    },
    {
      policy: "openworx",
      set: "advisories",
      items: advisories,
      atLeast: 140,
      right: 0.99,
      wronglyExcluded: 0.0075,
      measured: "99.3 % right, 1 of 139 wrongly excluded; before the same",
    },
    {
      policy: "mijnpartnergroep",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 745,
      right: 0.935,
      wronglyExcluded: 0.01,
      measured: "93.6 % right, 6 of 610 (1.0 %) wrongly excluded; before 92.9 % and the same",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 745,
      right: 0.965,
      wronglyExcluded: 0.0075,
      measured: "96.8 % right, 5 of 699 (0.7 %) wrongly excluded; before 96.3 % and the same",
    },
    {
      policy: "mijnpartnergroep",
      set: "low-severity findings",
      items: lowSeverityFindings,
      atLeast: 73,
      right: 0.79,
      wronglyExcluded: 0.075,
      measured: "79.5 % right, 3 of 41 wrongly excluded; before 78.1 % and 2 of 41",
    },
    {
      policy: "openworx",
      set: "low-severity findings",
      items: lowSeverityFindings,
      atLeast: 73,
      right: 0.78,
      wronglyExcluded: 0.031,
      measured: "78.1 % right, 1 of 33 wrongly excluded; before 75.3 % and the same",
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
    // Measured: recall 77.6 %, precision 94.7 % (before 73.3 % and 94.4 %); the crashes above are most of what it
    // misses. MITM: 15 of 20 (75 %; before the same; 13 of 16 on the twelfth scoring's split, without the low-severity
    // round).
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.77);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.94);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.75);
  });
});

describe("how a report of an exclusion category is scored under a policy", () => {
  const categories: CategoryKinds = {
    clickjacking: { kind: "exclusion", exclusion: "clickjacking" },
    "tls-configuration": { kind: "exclusion", exclusion: "tls-configuration", alsoExcludedAs: ["server-configuration"] },
    "content-spoofing": { kind: "exclusion", exclusion: "content-spoofing" },
  };
  const framed = {
    id: "framed",
    title: "Clickjacking on the account page",
    body: "The account page https://portal.example.nl/account can be framed: it sends no X-Frame-Options header.",
    category: "clickjacking",
  };
  const tls = {
    id: "tls",
    title: "TLS 1.0 enabled on the web server",
    body: "The server at portal.example.nl accepts TLS 1.0 and TLS 1.1 connections.",
    category: "tls-configuration",
  };
  const spoofed = {
    id: "spoofed",
    title: "Content spoofing in the search page",
    body: "Text in the q parameter of https://portal.example.nl/search is shown on the page as written.",
    category: "content-spoofing",
  };

  it("expects the exclusion a policy lists, and none once the report shows an exception the policy makes", () => {
    // MijnPartnerGroep excludes clickjacking unless a sensitive action is exposed; Openworx excludes all of it.
    const withAction = { ...framed, exception: "sensitive-action" };
    expect(triageFigures([framed], example("mijnpartnergroep"), categories).perExclusion["clickjacking"]?.expected).toBe(1);
    expect(triageFigures([withAction], example("mijnpartnergroep"), categories).perExclusion["clickjacking"]?.expected ?? 0).toBe(0);
    expect(triageFigures([withAction], example("openworx"), categories).perExclusion["clickjacking"]?.expected).toBe(1);
  });

  it("counts a category covered by two catalog ids as excluded by either", () => {
    const openworx = example("openworx");
    const idOf = (entry: (typeof openworx.exclusions)[number]) => (typeof entry === "string" ? entry : entry.id);
    // TLS versions are named by tls-configuration and by server-configuration: a policy listing either excludes them.
    const serverOnly = {
      ...openworx,
      exclusions: [...openworx.exclusions.filter((entry) => idOf(entry) !== "tls-configuration"), "server-configuration" as const],
    };
    expect(triageFigures([tls], openworx, categories).perExclusion["tls-configuration"]?.expected).toBe(1);
    expect(triageFigures([tls], serverOnly, categories).perExclusion["server-configuration"]?.expected).toBe(1);
    expect(triageFigures([tls], serverOnly, categories).wronglyExcluded.of).toBe(0);
  });

  it("does not count an id the policy narrows with its own patterns as listing the whole category", () => {
    // Openworx lists content-spoofing only for error pages (its own match patterns), MijnPartnerGroep the catalog's.
    expect(triageFigures([spoofed], example("openworx"), categories).wronglyExcluded.of).toBe(1);
    expect(triageFigures([spoofed], example("mijnpartnergroep"), categories).perExclusion["content-spoofing"]?.expected).toBe(1);
  });
});
