import { describe, expect, it } from "@jest/globals";
import { classify, defaultClassifyPolicy } from "../../src/policy/classify.js";
import { corpus } from "./corpus.js";
import { heldOut, secondSet, thirdSet } from "./later-sets.js";

describe("classify on the corpus", () => {
  const results = corpus.map((issue) => ({ issue, result: classify(issue) }));
  const falsePositives = results.filter(({ issue, result }) => issue.kind !== "report" && result.vulnerabilityReport);
  const falseNegatives = results.filter(({ issue, result }) => issue.kind === "report" && !result.vulnerabilityReport);

  it("holds at least 40 issues of each kind", () => {
    for (const kind of ["report", "ordinary", "discussion"] as const) {
      expect(corpus.filter((issue) => issue.kind === kind).length).toBeGreaterThanOrEqual(40);
    }
  });

  it("contains every report and leaves every bug, feature request and security discussion alone", () => {
    process.stdout.write(
      `classify corpus: ${corpus.length} issues, ${falsePositives.length} false positives, ${falseNegatives.length} false negatives\n`,
    );
    expect(falsePositives.map(({ issue, result }) => `${issue.id} ${result.confidence}`)).toEqual([]);
    expect(falseNegatives.map(({ issue, result }) => `${issue.id} ${result.confidence}`)).toEqual([]);
  });

  it("explains every report it contains by naming what matched", () => {
    for (const { issue, result } of results.filter(({ result }) => result.vulnerabilityReport)) {
      expect(result.reasons.length).toBeGreaterThanOrEqual(2);
      const text = `${issue.title}\n${issue.body}`.toLowerCase().replace(/\s+/g, " ");
      for (const reason of result.reasons) {
        const quoted = reason.matched.toLowerCase().replace(/…$/, "");
        // The harm vocabulary quotes its distinct terms as a list; every other rule quotes one stretch of text.
        for (const part of reason.rule === "harm-vocabulary" ? quoted.split(", ").filter(Boolean) : [quoted]) expect(text).toContain(part);
      }
    }
  });
});

describe("classify on the sets written after the rules", () => {
  // The most reports each set may miss today: a regression bound, and the honest size of the gap.
  const sets = [
    { name: "heldOut", issues: heldOut, mostMissed: 0 },
    { name: "secondSet", issues: secondSet, mostMissed: 5 },
    { name: "thirdSet", issues: thirdSet, mostMissed: 2 },
  ];

  it.each(sets)("never contains an ordinary issue or discussion of $name, and misses at most $mostMissed reports", ({ name, issues, mostMissed }) => {
    const falsePositives = issues.filter((issue) => issue.kind !== "report" && classify(issue).vulnerabilityReport);
    const falseNegatives = issues.filter((issue) => issue.kind === "report" && !classify(issue).vulnerabilityReport);
    process.stdout.write(`classify ${name}: ${issues.length} issues, ${falsePositives.length} false positives, ${falseNegatives.length} false negatives\n`);
    expect(falsePositives.map((issue) => issue.id)).toEqual([]);
    expect(falseNegatives.length).toBeLessThanOrEqual(mostMissed);
  });
});

describe("classify", () => {
  const report = {
    title: "SQL injection in the search endpoint",
    body: "GET https://shop.example.org/search?q=' OR 1=1-- returns every customer's orders. An attacker can read all orders.",
  };

  it("says why, rule by rule, with the matched text", () => {
    const result = classify(report);
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).toEqual(["vulnerability-class", "exploit-payload", "attacker-impact", "concrete-target", "corroborated", "harm-vocabulary"]);
    expect(result.reasons[0]?.matched).toBe("SQL injection");
    expect(result.reasons[1]?.matched).toBe("' OR 1=1");
    // The impact is backed by the payload, and the decision quotes that payload as the evidence.
    expect(result.reasons[4]).toMatchObject({ rule: "corroborated", matched: "' OR 1=1", weight: 0.5 });
  });

  it("does not act on the repository's own people unless configured", () => {
    for (const authorAssociation of ["OWNER", "MEMBER", "COLLABORATOR"]) {
      const result = classify({ ...report, authorAssociation });
      expect(result.vulnerabilityReport).toBe(false);
      expect(result.reasons.at(-1)).toMatchObject({ rule: "maintainer-author", matched: authorAssociation });
      expect(classify({ ...report, authorAssociation }, { ...defaultClassifyPolicy, includeMaintainers: true }).vulnerabilityReport).toBe(true);
    }
    expect(classify({ ...report, authorAssociation: "CONTRIBUTOR" }).vulnerabilityReport).toBe(true);
    expect(classify({ ...report, authorAssociation: "NONE" }).vulnerabilityReport).toBe(true);
  });

  it("reads typographic quotes, capitals and line breaks the same way", () => {
    const written = classify({
      title: "sql INJECTION in search",
      body: "Searching for \u2018 OR 1=1-- shows all customers\u2019 orders.\nAn   attacker\ncan read them.",
    });
    expect(written.reasons.map((reason) => reason.rule)).toEqual(expect.arrayContaining(["vulnerability-class", "exploit-payload"]));
    expect(written.vulnerabilityReport).toBe(true);
  });

  it("follows the configured threshold", () => {
    const { confidence } = classify(report);
    expect(classify(report, { threshold: confidence, includeMaintainers: false }).vulnerabilityReport).toBe(true);
    expect(classify(report, { threshold: confidence + 0.001, includeMaintainers: false }).vulnerabilityReport).toBe(false);
  });

  it("keeps a lone mention of a vulnerability class well below the threshold", () => {
    const result = classify({ title: "How do you prevent XSS in the editor?", body: "Just curious how the editor sanitises HTML." });
    expect(result.vulnerabilityReport).toBe(false);
    expect(result.confidence).toBeLessThan(0.2);
  });

  it.each(["../", "a ", "i found ", "an attacker who ", "' or ", "GET /a", "when i change ", "http://x.example.org/"])(
    "reads 100,000 characters of %j in linear time",
    (unit) => {
      const body = unit.repeat(Math.ceil(100_000 / unit.length));
      const start = performance.now();
      classify({ title: unit.repeat(50), body });
      expect(performance.now() - start).toBeLessThan(400);
    },
  );

  it("returns a confidence between 0 and 1 and no reasons for an empty issue", () => {
    expect(classify({ title: "", body: "" })).toEqual({ vulnerabilityReport: false, confidence: expect.any(Number), reasons: [] });
    const huge = classify({ title: "x", body: "<script>".repeat(100_000) });
    expect(huge.confidence).toBeGreaterThanOrEqual(0);
    expect(huge.confidence).toBeLessThanOrEqual(1);
  });
});
