import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseConfigText } from "../../src/config/load.js";
import {
  containmentFigures,
  titlesAlone,
  triageFigures,
  type CategoryKinds,
  type ContainmentItem,
  type TriageItem,
} from "../../src/policy/accuracy.js";
import { defaultClassifyPolicy } from "../../src/policy/classify.js";

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
  // The split holds the scored public GitHub issues of two rounds that looked for the low-severity findings policies
  // exclude: the thirteenth's (77 disclosures, 76 hard negatives, 34 plain issues) and, since the fourteenth scoring,
  // the fourteenth's (68, 66 and 66), which the containment model was not trained on (scripts/train.mjs) and contains
  // far less often than other disclosures. The floors are what the fourteenth scoring measured; "before" is the
  // previous session's rules and models on the same items, the same figures since the containment model did not
  // change. The earlier rounds' GitHub issues and the advisories and Matomo issues (the items the first floors were set
  // on) keep floors of their own.
  const firstSources = containmentFigures(items.filter((item) => item.source !== "github-issues"));
  const githubIssues = containmentFigures(items.filter((item) => item.source === "github-issues"));
  const earlierGithubIssues = containmentFigures(items.filter((item) => item.source === "github-issues" && item.round === undefined));
  const lowSeverityFindings = containmentFigures(items.filter((item) => item.round === 13 || item.round === 14));

  it("is measured on sets large enough to mean something", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_445);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(980);
    expect(figures.plain.of).toBeGreaterThanOrEqual(2_515);
    expect(githubIssues.disclosures.of).toBeGreaterThanOrEqual(995);
    expect(githubIssues.hardNegatives.of).toBeGreaterThanOrEqual(915);
    expect(githubIssues.plain.of).toBeGreaterThanOrEqual(1_775);
    expect(lowSeverityFindings.disclosures.of).toBeGreaterThanOrEqual(145);
  });

  it("contains at least 72.5 % of all public disclosures (measured: 72.6 %; before the same)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.725);
  });

  it("contains at least 87.5 % of the advisories and Matomo disclosures (measured: 87.8 %; before 87.1 %, see docs/accuracy.md)", () => {
    expect(firstSources.disclosures.rate).toBeGreaterThanOrEqual(0.875);
  });

  it("contains at least 65.5 % of the public GitHub issues that disclose a vulnerability (measured: 65.7 %; before the same)", () => {
    expect(githubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.655);
    // The earlier rounds' issues: 597 of 853 (70.0 %), as the twelfth scoring measured; the low-severity findings 59 of
    // 145 (28 of 77 and 31 of 68).
    expect(earlierGithubIssues.disclosures.rate).toBeGreaterThanOrEqual(0.695);
    expect(lowSeverityFindings.disclosures.rate).toBeGreaterThanOrEqual(0.4);
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

  it("contains at most 18 plain issues, 2 of them outside the GitHub issues (measured: 18 of 2,517, 16 of 1,778 GitHub issues; before the same)", () => {
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(18);
    expect(firstSources.plainFlagged.length).toBeLessThanOrEqual(2);
  });

  it("shows at the default threshold exactly what classify decides, so that the other thresholds' figures describe the same decision", () => {
    const atDefault = figures.byThreshold.find((point) => point.threshold === defaultClassifyPolicy.threshold);
    expect(atDefault).toEqual({
      threshold: defaultClassifyPolicy.threshold,
      disclosures: figures.disclosures,
      hardNegatives: figures.hardNegatives,
      plain: figures.plain,
    });
  });

  it("contains at least 16.5 % of the disclosures at the lowest threshold that contains no plain issue (measured: 245 of 1,447 at 0.984, with 10 of 984 hard negatives)", () => {
    expect(figures.noPlainContained?.plain.count).toBe(0);
    expect(figures.noPlainContained?.disclosures.rate).toBeGreaterThanOrEqual(0.165);
  });
});

describe("containment on the held-out issues", () => {
  // 5,934 public GitHub issues in no split and never trained on (data/held-out-issues.jsonl; `npm run eval -- --split
  // held-out`): 413 labelled after the seventh scoring's rules and models were fixed, 413 more, a natural sample,
  // after the eighth's, 935 more, a natural sample, labelled while the ninth's were made and scored only with them,
  // 577 more, a natural sample, labelled in the eleventh round and scored with nothing but the previous build before
  // it, 2,296 more, natural samples in 24 themes, labelled in the twelfth round, and 548 and 752 more (field `round`: 13
  // and 14) found by searches for the low-severity findings policies exclude, each labelled after that round's rules
  // and models were fixed. "Before" is the previous session's rules and models on the same issues; the containment
  // model is the same, so its figures are too.
  const items = jsonl<ContainmentItem & { id: string; label: string; round?: number }>("data/held-out-issues.jsonl").map((issue) => ({
    ...issue,
    source: "github-issues",
  }));
  const figures = containmentFigures(items);
  const earlier = containmentFigures(items.filter((item) => item.round === undefined));
  const lowSeverityFindings = containmentFigures(items.filter((item) => item.round === 13 || item.round === 14));

  it("holds disclosures, hard negatives and plain issues from hundreds of repositories", () => {
    expect(figures.disclosures.of).toBeGreaterThanOrEqual(1_225);
    expect(figures.hardNegatives.of).toBeGreaterThanOrEqual(1_235);
    expect(figures.plain.of).toBeGreaterThanOrEqual(3_275);
    expect(lowSeverityFindings.disclosures.of).toBeGreaterThanOrEqual(415);
    expect(new Set(items.map((item) => item.id.replace(/#\d+$/, ""))).size).toBeGreaterThanOrEqual(4_620);
  });

  it("contains at least 53 % of the disclosures (measured: 656 of 1,228, 53.4 %; 514 of 810 of the earlier rounds, 142 of 418 low-severity findings)", () => {
    expect(figures.disclosures.rate).toBeGreaterThanOrEqual(0.53);
    expect(earlier.disclosures.rate).toBeGreaterThanOrEqual(0.63);
    expect(lowSeverityFindings.disclosures.rate).toBeGreaterThanOrEqual(0.335);
  });

  it("contains at most 9.9 % of the hard negatives and 34 plain issues (measured: 9.8 % and 34 of 3,278; the earlier rounds' 11.5 % and 32 of 2,810)", () => {
    expect(figures.hardNegatives.rate).toBeLessThanOrEqual(0.099);
    expect(figures.plainFlagged.length).toBeLessThanOrEqual(34);
    expect(earlier.hardNegatives.rate).toBeLessThanOrEqual(0.1155);
  });

  it.each([
    {
      policy: "mijnpartnergroep",
      right: 0.803,
      wronglyExcluded: 0.058,
      measured: "310 of 386 right, 10 of 173 wrongly excluded; before 308 and 11, and 308 and 12 the round before",
    },
    {
      policy: "openworx",
      right: 0.867,
      wronglyExcluded: 0.028,
      measured:
        "335 of 386 right, 6 of 221 wrongly excluded; before 336 and 6 (334 with the vulnerability classes together, an exposed-metadata and an outdated-software report kept in scope; 335 with the category model's 20,000 buckets)",
    },
  ])("triages the held-out low-severity findings under $policy ($measured)", ({ policy, right, wronglyExcluded }) => {
    const reports = jsonl<{ round?: number; id: string; title: string; body: string; category?: string; exception?: string }>(
      "data/held-out-issues.jsonl",
    ).flatMap((issue) =>
      (issue.round === 13 || issue.round === 14) && issue.category !== undefined
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
    expect(triaged.unambiguous).toBeGreaterThanOrEqual(380);
    expect(triaged.right.rate).toBeGreaterThanOrEqual(right);
    expect(triaged.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
  });

  /** The held-out issues with a triage category, as `npm run eval` reads them (scripts/datasets.mjs): a memory-safety
   * report whose text names only a crash is a denial of service, by the table in data/labels.json. Read once for the
   * floors below. */
  const heldOutReports = (() => {
    const { memorySafetyDenialOnly } = JSON.parse(readFileSync(new URL("../../data/labels.json", import.meta.url), "utf8")) as {
      memorySafetyDenialOnly: { impact: string; unless: string };
    };
    const denialOnly = (text: string) =>
      new RegExp(memorySafetyDenialOnly.impact, "i").test(text) && !new RegExp(memorySafetyDenialOnly.unless, "i").test(text);
    return jsonl<{ id: string; title: string; body: string; category?: string; exception?: string }>("data/held-out-issues.jsonl").flatMap(
      ({ id, title, body, category, exception }) => {
        if (category === undefined) return [];
        const read = category === "memory-corruption" && denialOnly(`${title}\n${body}`) ? "denial-of-service" : category;
        return [{ id, title, body, category: read, ...(exception === undefined ? {} : { exception }) }];
      },
    );
  })();

  it.each([
    {
      policy: "mijnpartnergroep",
      right: 0.891,
      wronglyExcluded: 0.0174,
      measured: "876 of 983 right, 12 of 690 wrongly excluded; before 873 and 13 (874 and 11 with the vulnerability classes together)",
    },
    {
      policy: "openworx",
      right: 0.937,
      wronglyExcluded: 0.015,
      measured: "922 of 983 right, 12 of 809 wrongly excluded; before 923 and 12 (921 with the vulnerability classes together)",
    },
  ])("triages the held-out reports under $policy ($measured)", ({ policy, right, wronglyExcluded }) => {
    const figures = triageFigures(heldOutReports, example(policy), kinds);
    expect(figures.unambiguous).toBeGreaterThanOrEqual(980);
    expect(figures.right.rate).toBeGreaterThanOrEqual(right);
    expect(figures.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
  });

  it.each([
    {
      policy: "mijnpartnergroep",
      right: 0.825,
      wronglyExcluded: 0.003,
      measured: "772 of 932 right, 1 of 639 wrongly excluded; before 771 and 1",
    },
    { policy: "openworx", right: 0.924, wronglyExcluded: 0.005, measured: "862 of 932 right, 3 of 758 wrongly excluded; before 863 and 3" },
  ])("triages the held-out reports on their titles alone under $policy ($measured)", ({ policy, right, wronglyExcluded }) => {
    const figures = triageFigures(titlesAlone(heldOutReports), example(policy), kinds);
    expect(figures.unambiguous).toBeGreaterThanOrEqual(925);
    expect(figures.right.rate).toBeGreaterThanOrEqual(right);
    expect(figures.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
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
  // Since the thirteenth scoring the split holds reports of low-severity findings (clickjacking, cookie flags, headers,
  // TLS, DNS and mail records, enumeration, rate limits, ...), labelled with their catalog ids, which the earlier splits
  // barely had: 73 of the thirteenth round and, since the fourteenth scoring, 62 of the fourteenth. On them triage is
  // right far less often than on the rest. Since the eighteenth round a memory-safety flaw whose report speaks of a
  // crash and of nothing beyond it is a denial of service, as the labelling guide's table has it; one whose sanitizer
  // output shows memory written or read stays in scope as a strong impact. Floors are what was measured; "before" is
  // the previous session's rules and models on the same items, scored the same way.
  const advisories = items.filter((item) => item.source !== "github-issues");
  const githubIssues = items.filter((item) => item.source === "github-issues");
  const lowSeverityFindings = items.filter((item) => item.round === 13 || item.round === 14);
  const floors = [
    {
      policy: "mijnpartnergroep",
      set: "all",
      items,
      atLeast: 945,
      right: 0.953,
      wronglyExcluded: 0.0095,
      measured:
        "95.4 % right (905 of 949), 7 of 740 (0.9 %) wrongly excluded; before 901 and 8 (900 and 8 with the vulnerability classes together, a denial of service kept in scope; 905 and 7 with the category model's 20,000 buckets)",
    },
    {
      policy: "openworx",
      set: "all",
      items,
      atLeast: 945,
      right: 0.969,
      wronglyExcluded: 0.0095,
      measured: "96.9 % right, 8 of 875 (0.9 %) wrongly excluded; before 96.5 % and the same",
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
      atLeast: 805,
      right: 0.949,
      wronglyExcluded: 0.011,
      measured: "94.9 % right (768 of 809), 7 of 638 (1.1 %) wrongly excluded; before 766 and 8",
    },
    {
      policy: "openworx",
      set: "GitHub issues",
      items: githubIssues,
      atLeast: 805,
      right: 0.965,
      wronglyExcluded: 0.0096,
      measured: "96.5 % right, 7 of 736 (1.0 %) wrongly excluded; before 96.0 % and the same",
    },
    {
      policy: "mijnpartnergroep",
      set: "low-severity findings",
      items: lowSeverityFindings,
      atLeast: 135,
      right: 0.851,
      wronglyExcluded: 0.044,
      measured: "85.2 % right, 3 of 69 wrongly excluded; before 84.4 % and 4",
    },
    {
      policy: "openworx",
      set: "low-severity findings",
      items: lowSeverityFindings,
      atLeast: 135,
      right: 0.844,
      wronglyExcluded: 0.029,
      measured: "84.4 % right, 2 of 69 wrongly excluded; before 82.2 % and the same",
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
    // Measured: recall 82.9 %, precision 96.2 % (before 76.4 % and 95.0 %, then 84.5 % and 97.2 % until the twentieth
    // round's category model, 84.6 % and 96.3 % until the twenty-first's): memory-safety crashes, read by the labelling
    // guide's table, were most of what it missed.
    // In the twenty-fourth round 82.1 % and 96.2 % with the model's vulnerability classes together (one denial of
    // service kept in scope), then 85.4 % and 96.3 % with the category model's 20,000 buckets.
    // MITM: 21 of 25 (84 %; before 19 of 24, and one report relabelled from TLS configuration since).
    expect(figures.perExclusion["denial-of-service"]?.recall).toBeGreaterThanOrEqual(0.853);
    expect(figures.perExclusion["denial-of-service"]?.precision).toBeGreaterThanOrEqual(0.963);
    expect(figures.perExclusion["mitm-physical-access"]?.recall).toBeGreaterThanOrEqual(0.83);
  });

  // A report list shows titles: scored on them alone (`titlesAlone`: the body dropped, the reports whose label rests on
  // an exception left out), as a title-only collection of reports would be. MijnPartnerGroep loses most here on the
  // memory-safety crashes the guide calls a denial of service from their bodies, which their titles do not say.
  it.each([
    {
      policy: "mijnpartnergroep",
      right: 0.885,
      wronglyExcluded: 0.007,
      measured: "824 of 931 right, 5 of 722 wrongly excluded; before 825 and 4",
    },
    {
      policy: "openworx",
      right: 0.966,
      wronglyExcluded: 0.002,
      measured: "900 of 931 right, 1 of 857 wrongly excluded; before 901 and 1",
    },
  ])("under $policy holds its floor on titles alone ($measured)", ({ policy, right, wronglyExcluded }) => {
    const figures = triageFigures(titlesAlone(items), example(policy), kinds);
    expect(figures.unambiguous).toBeGreaterThanOrEqual(925);
    expect(figures.right.rate).toBeGreaterThanOrEqual(right);
    expect(figures.wronglyExcluded.rate).toBeLessThanOrEqual(wronglyExcluded);
  });
});

describe("triage on report titles written for each exclusion", () => {
  // data/written-titles.jsonl: 21,720 report titles, as a report list shows them, written for each exclusion of the
  // catalog and for real vulnerabilities worded like them, by the developers (243) and by forty-four writers who saw
  // neither the rules nor the data (718, 803, 729, 805, 721, 605, 605, 624, 439, 416, 431, 588, 567, 564, 580, 585, 598,
  // 600, 599, 600, 600, 600, 600 and 600, and 400, 400, 400, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 400
  // and 400, and 400, 400, 400 and 400 real vulnerabilities only, each worded like an exclusion). The "tuned"
  // half (the developers' titles and half of each writer's) was read while the seventeenth to nineteenth rounds'
  // wordings were written, and since the twentieth round the category model is trained on it; its floors are what they
  // reach: a rule or a training that loses one of them fails here. The "held-out" half (chosen by a hash of the title)
  // was scored only; "before" is the previous session's rules and models.
  const items = jsonl<TriageItem & { split: string }>("data/written-titles.jsonl").map((item) => ({ ...item, body: "" }));
  const half = (split: string) => items.filter((item) => item.split === split);

  it("holds titles of every exclusion in each half", () => {
    expect(half("tuned")).toHaveLength(10_944);
    expect(half("held-out")).toHaveLength(10_776);
    for (const category of Object.keys(kinds).filter((name) => kinds[name]?.kind === "exclusion")) {
      expect([category, half("held-out").filter((item) => item.category === category).length]).not.toEqual([category, 0]);
    }
  });

  it.each([
    {
      policy: "mijnpartnergroep",
      split: "tuned",
      right: 10_460,
      wronglyExcluded: 112,
      measured:
        "10,460 of 10,944 right, 112 of 7,390 wrongly excluded; before 10,414 and 145 (writers 41 to 44's 816: 762 and 54, now 782 and 34)",
    },
    {
      policy: "openworx",
      split: "tuned",
      right: 10_532,
      wronglyExcluded: 90,
      measured:
        "10,532 of 10,944 right, 90 of 7,786 wrongly excluded; before 10,484 and 125 (writers 41 to 44's 816: 775 and 41, now 795 and 21)",
    },
    {
      policy: "mijnpartnergroep",
      split: "held-out",
      right: 9_684,
      wronglyExcluded: 191,
      measured:
        "9,684 of 10,776 right, 191 of 7,221 wrongly excluded; before 9,626 and 231 (writers 41 to 44's 784: 733 and 51, now 745 and 39; the earlier 9,992: 8,893 and 180, now 8,939 and 152)",
    },
    {
      policy: "openworx",
      split: "held-out",
      right: 9_982,
      wronglyExcluded: 205,
      measured:
        "9,982 of 10,776 right, 205 of 7,765 wrongly excluded; before 9,924 and 250 (writers 41 to 44's 784: 735 and 49, now 748 and 36; the earlier 9,992: 9,189 and 201, now 9,234 and 169)",
    },
  ])("under $policy holds its floor on the $split half ($measured)", ({ policy, split, right, wronglyExcluded }) => {
    const figures = triageFigures(half(split), example(policy), kinds);
    expect(figures.right.count).toBeGreaterThanOrEqual(right);
    expect(figures.wronglyExcluded.count).toBeLessThanOrEqual(wronglyExcluded);
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
