import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { catalogIds } from "../../src/policy/catalog.js";
import { conductIds } from "../../src/policy/conduct.js";
import { compilePolicy, triageWith } from "../../src/policy/triage.js";
import { conductReports, incompleteReports } from "./corpus/conduct-and-information.js";
import { exceptionReports } from "./corpus/exceptions.js";
import { excludedReports } from "./corpus/excluded.js";
import { realVulnerabilityReports } from "./corpus/real-vulnerabilities.js";
import type { CorpusItem } from "./corpus/types.js";

/** Every catalog rule with its default exceptions, every conduct rule, and a scope covering the corpus' hosts. */
const corpusConfig = configSchema.parse({
  scope: {
    assets: ["openworx.nl", "*.openworx.nl", "mijnpartnergroep.nl", "mijn*partner.{nl,be,de,eu}", "192.0.2.0/24"],
    outOfScope: ["customer-hosted content", "third-party programs and plug-ins"],
  },
  exclusions: catalogIds().map((id) => (id === "clickjacking" ? { id, unless: ["sensitive-action"] } : id)),
  conduct: conductIds().map((id) => (id === "excess-data-access" ? { id, maxRecords: 1 } : id)),
});
const policy = compilePolicy(corpusConfig);

const corpus: CorpusItem[] = [
  ...excludedReports,
  ...exceptionReports,
  ...realVulnerabilityReports,
  ...conductReports,
  ...incompleteReports,
];

function observed(item: CorpusItem) {
  const decision = triageWith(policy, { title: item.title, body: item.body });
  return { decision, summary: summarise(decision) };
}

function summarise(decision: ReturnType<typeof triageWith>) {
  return {
    excluded: decision.exclusions.map((exclusion) => exclusion.id).sort(),
    exceptions: decision.exceptionsApplied.map((applied) => `${applied.id}/${applied.exception}`).sort(),
    conduct: decision.conduct.map((flag) => flag.id).sort(),
    missing: [...decision.needsInfo.missing].sort(),
    scope: decision.scope.status,
  };
}

function expected(item: CorpusItem) {
  return {
    excluded: [...(item.excluded ?? [])].sort(),
    exceptions: [...(item.exceptions ?? [])].sort(),
    conduct: [...(item.conduct ?? [])].sort(),
    missing: [...(item.missing ?? [])].sort(),
    scope: item.scope ?? "in",
  };
}

describe("the report corpus", () => {
  it("is large and varied enough to mean something", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(realVulnerabilityReports.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((item) => item.lang === "nl").length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((item) => item.name)).size).toBe(corpus.length);
  });

  it("covers every catalog id, every exception and every conduct id", () => {
    const excluded = new Set(corpus.flatMap((item) => item.excluded ?? []));
    const exceptions = new Set(corpus.flatMap((item) => (item.exceptions ?? []).map((pair) => pair.split("/")[1])));
    const conduct = new Set(corpus.flatMap((item) => item.conduct ?? []));
    expect(catalogIds().filter((id) => !excluded.has(id))).toEqual([]);
    expect(
      [
        "sensitive-action",
        "sensitive-cookie",
        "sensitive-data",
        "clear-impact",
        "working-poc",
        "demonstrated-exploit",
        "attack-vector",
      ].filter((id) => !exceptions.has(id)),
    ).toEqual([]);
    expect(conductIds().filter((id) => !conduct.has(id))).toEqual([]);
  });

  it.each(corpus.map((item) => [item.name, item] as const))("%s", (_name, item) => {
    const { decision, summary } = observed(item);
    expect(summary).toEqual(expected(item));
    if (item.strongest !== undefined) expect(decision.exclusions[0]?.id).toBe(item.strongest);
    const labels = decision.labels;
    for (const id of item.excluded ?? []) expect(labels).toContain(`excluded:${id}`);
    for (const id of item.conduct ?? []) expect(labels).toContain(`conduct:${id}`);
    expect(labels.includes("needs-info")).toBe((item.missing ?? []).length > 0);
    for (const exclusion of decision.exclusions) {
      expect(exclusion.matched.length).toBeGreaterThan(0);
      expect(`${item.title}\n${item.body}`.toLowerCase().replace(/\s+/g, " ")).toContain(exclusion.matched.toLowerCase());
    }
  });

  it("reports precision and recall per rule", () => {
    const rows: Record<string, { expected: number; found: number; precision: string; recall: string }> = {};
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const id of [...catalogIds(), ...conductIds().map((conduct) => `conduct:${conduct}`)]) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const item of corpus) {
        const { summary } = observed(item);
        const isConduct = id.startsWith("conduct:");
        const plain = isConduct ? id.slice("conduct:".length) : id;
        const wanted = (isConduct ? (item.conduct ?? []) : (item.excluded ?? [])).includes(plain);
        const got = (isConduct ? summary.conduct : summary.excluded).includes(plain);
        if (wanted && got) tp += 1;
        else if (got) fp += 1;
        else if (wanted) fn += 1;
      }
      truePositives += tp;
      falsePositives += fp;
      falseNegatives += fn;
      rows[id] = {
        expected: tp + fn,
        found: tp + fp,
        precision: tp + fp === 0 ? "-" : (tp / (tp + fp)).toFixed(2),
        recall: tp + fn === 0 ? "-" : (tp / (tp + fn)).toFixed(2),
      };
    }
    console.table(rows);
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(`corpus: ${corpus.length} reports; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });
});
