#!/usr/bin/env node
// Prints containment and triage accuracy on one split of data/*.jsonl (default: test), or on the held-out issues.
// usage: npm run eval [-- --split dev] [-- --split held-out] [-- --json]
// Triage is also scored on titles alone (the body dropped, reports with an exception left out), as a report list shows them,
// and on report titles written for each exclusion (data/written-titles.jsonl): the half marked "held-out" is scored only,
// and so only with the scoring splits (test, held-out): a run on train or dev, made while rules are written, leaves it out.
// The test split and the held-out issues are for scoring only: rules and thresholds are changed while looking at
// train and dev. The held-out issues (data/held-out-issues.jsonl) are in no split and never trained on.
import { parseArgs } from "node:util";
import { readdirSync, readFileSync } from "node:fs";
import { parseConfigText } from "../dist/config/load.js";
import { GOAL_DISCLOSURES_CONTAINED, containmentFigures, titlesAlone, triageFigures } from "../dist/policy/accuracy.js";
import { defaultClassifyPolicy } from "../dist/policy/classify.js";
import { githubIssueItems, labelsFile, readJsonl } from "./datasets.mjs";

const SPLITS = ["train", "dev", "test", "held-out"];
const USAGE = `usage: npm run eval [-- --split ${SPLITS.join("|")}] [-- --json]`;
let values;
try {
  ({ values } = parseArgs({ options: { split: { type: "string", default: "test" }, json: { type: "boolean", default: false } } }));
} catch (error) {
  process.stderr.write(`${error.message}\n${USAGE}\n`);
  process.exit(2);
}
const split = values.split;
if (!SPLITS.includes(split)) {
  process.stderr.write(`there is no split "${split}"\n${USAGE}\n`);
  process.exit(2);
}
const labels = labelsFile();

const heldOut = split === "held-out" ? readJsonl("data/held-out-issues.jsonl").map((issue) => githubIssueItems(issue, labels)) : undefined;
const containmentItems =
  heldOut?.map((items) => items.containment) ?? readJsonl("data/containment.jsonl").filter((item) => item.split === split);
const triageItems =
  heldOut?.flatMap((items) => (items.triage ? [items.triage] : [])) ??
  readJsonl("data/triage.jsonl").filter((item) => item.split === split);
const containment = containmentFigures(containmentItems);
const writtenTitles = readJsonl("data/written-titles.jsonl").map((item) => ({ ...item, body: "" }));
/** The splits rules are written from: only there are the items behind an error listed, and only the tuned half scored. */
const readWhileWriting = split === "train" || split === "dev";
const writtenHalves = readWhileWriting ? ["tuned"] : ["tuned", "held-out"];
const triage = {};
const triageTitles = {};
const triageWritten = {};
for (const file of readdirSync("examples")
  .filter((name) => name.endsWith(".yml") && name !== "sweep-workflow.yml")
  .sort()) {
  const { config, errors } = parseConfigText(readFileSync(`examples/${file}`, "utf8"), file);
  if (errors.length > 0) throw new Error(`examples/${file} does not validate`);
  const policy = file.replace(/\.yml$/, "");
  triage[policy] = triageFigures(triageItems, config, labels.categories);
  triageTitles[policy] = triageFigures(titlesAlone(triageItems), config, labels.categories);
  triageWritten[policy] = Object.fromEntries(
    writtenHalves.map((half) => [
      half,
      triageFigures(
        writtenTitles.filter((item) => item.split === half),
        config,
        labels.categories,
      ),
    ]),
  );
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ split, containment, triage, triageTitles, triageWritten }, null, 2)}\n`);
  process.exit(0);
}

const percent = (value) => `${(value * 100).toFixed(1)} %`;
const rate = (figure) => `${figure.count}/${figure.of} (${percent(figure.rate)})`;
const lines = [
  split === "held-out" ? "# Accuracy on the held-out issues" : `# Accuracy on the ${split} split`,
  "",
  "## Containment (classify)",
  "",
];
lines.push(`public disclosures contained: ${rate(containment.disclosures)}`);
for (const [source, figure] of Object.entries(containment.disclosuresBySource)) lines.push(`  ${source}: ${rate(figure)}`);
lines.push(`hard negatives contained: ${rate(containment.hardNegatives)}`);
lines.push(
  `plain issues contained: ${rate(containment.plain)}${readWhileWriting && containment.plainFlagged.length ? ` — ${containment.plainFlagged.join(", ")}` : ""}`,
);
lines.push(
  "",
  "What other values of `containment.threshold` contain (an item is contained when the classifier's confidence is at least it):",
  "",
  "| threshold | public disclosures | hard negatives | plain issues |",
  "|---|---:|---:|---:|",
);
const thresholdRow = (label, figures) =>
  `| ${label} | ${rate(figures.disclosures)} | ${rate(figures.hardNegatives)} | ${rate(figures.plain)} |`;
for (const figures of containment.byThreshold) {
  lines.push(thresholdRow(`${figures.threshold}${figures.threshold === defaultClassifyPolicy.threshold ? " (default)" : ""}`, figures));
}
if (containment.noPlainContained) {
  lines.push(
    thresholdRow(`${containment.noPlainContained.threshold}: the lowest that contains no plain issue`, containment.noPlainContained),
  );
}
if (containment.goalDisclosuresContained) {
  lines.push(
    thresholdRow(
      `${containment.goalDisclosuresContained.threshold}: the highest that contains ${GOAL_DISCLOSURES_CONTAINED * 100} % of the disclosures`,
      containment.goalDisclosuresContained,
    ),
  );
}
for (const [policy, figures] of Object.entries(triage)) {
  lines.push("", `## Triage under examples/${policy}.yml`, "");
  lines.push(`unambiguous reports triaged right: ${rate(figures.right)}`);
  lines.push(`kept-in-scope reports suggested as excluded: ${rate(figures.wronglyExcluded)}`);
  lines.push(`clear vulnerabilities suggested as excluded: ${rate(figures.clearVulnerabilitiesExcluded)}`);
  if (readWhileWriting && figures.wronglyExcludedIds.length) lines.push(`  ${figures.wronglyExcludedIds.join("\n  ")}`);
  const titles = triageTitles[policy];
  lines.push(
    `titles alone (reports without an exception): ${rate(titles.right)} right, ${rate(titles.wronglyExcluded)} suggested as excluded`,
  );
  for (const [half, written] of Object.entries(triageWritten[policy])) {
    lines.push(`written report titles, ${half} half: ${rate(written.right)} right, ${rate(written.wronglyExcluded)} suggested as excluded`);
  }
  lines.push("", "| exclusion | expected | suggested | correct | precision | recall |", "|---|---:|---:|---:|---:|---:|");
  for (const [id, figure] of Object.entries(figures.perExclusion)) {
    lines.push(
      `| ${id} | ${figure.expected} | ${figure.suggested} | ${figure.correct} | ${percent(figure.precision)} | ${percent(figure.recall)} |`,
    );
  }
  lines.push("", "| category | triaged right |", "|---|---:|");
  for (const [category, figure] of Object.entries(figures.perCategory)) lines.push(`| ${category} | ${rate(figure)} |`);
}
process.stdout.write(`${lines.join("\n")}\n`);
