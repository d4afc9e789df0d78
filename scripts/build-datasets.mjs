#!/usr/bin/env node
// Builds data/*.jsonl from local git clones of the public sources named in data/README.md.
// usage: node scripts/build-datasets.mjs <sources-dir>
//   <sources-dir> holds one clone per source, named owner+name (e.g. nodejs+security-wg); each is read at HEAD.
//        node scripts/build-datasets.mjs --github-issues-only
//   rebuilds only the items of data/github-issues.jsonl, keeping every other item of data/*.jsonl as it is: the same
//   output as a full build, without the clones, when only the hand-labelled issues changed.
// The output is deterministic: items are sampled by a hash of their id, never by chance.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { githubIssueItems, labelsFile, readJsonl, splitOf, trimBody as trim } from "./datasets.mjs";

const [sourcesDir] = process.argv.slice(2);
if (!sourcesDir) {
  process.stderr.write("usage: node scripts/build-datasets.mjs <sources-dir> | --github-issues-only\n");
  process.exit(2);
}
const githubIssuesOnly = sourcesDir === "--github-issues-only";

function gitDir(name) {
  for (const candidate of [join(sourcesDir, name, "repo", ".git"), join(sourcesDir, name, "repo"), join(sourcesDir, name)]) {
    try {
      execFileSync("git", ["--git-dir", candidate, "rev-parse", "HEAD"], { stdio: "pipe" });
      return candidate;
    } catch {
      // not a git directory; try the next layout
    }
  }
  throw new Error(`no git clone of ${name} under the sources directory`);
}

function listFiles(dir, prefix) {
  return execFileSync("git", ["--git-dir", dir, "ls-tree", "-r", "--name-only", "HEAD", prefix], { maxBuffer: 1 << 28 })
    .toString()
    .split("\n")
    .filter(Boolean);
}

function show(dir, path) {
  return execFileSync("git", ["--git-dir", dir, "show", `HEAD:${path}`], { maxBuffer: 1 << 28 }).toString();
}

/** A stable pseudo-random rank in [0, 1) for deterministic sampling. */
function rank(id, salt) {
  return createHash("sha256").update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32;
}

function sample(items, count, salt) {
  return [...items].sort((a, b) => rank(a.id, salt) - rank(b.id, salt)).slice(0, count);
}

/** The advisory's first sentence stands in for a title, as a reporter's summary line would. */
function titleAndBody(description) {
  const text = description.replace(/\s+/g, " ").trim();
  const end = text.search(/[.!?](?:\s|$)/);
  const sentence = end > 0 ? text.slice(0, end) : text;
  const title = sentence.length > 120 ? `${sentence.slice(0, sentence.lastIndexOf(" ", 117))}…` : sentence;
  return { title, body: trim(text) };
}

const labels = labelsFile();
const containment = [];
const triage = [];

if (githubIssuesOnly) {
  // Every item that does not come from the hand-labelled issues, exactly as the last full build wrote it.
  containment.push(...readJsonl("data/containment.jsonl").filter((item) => item.source !== "github-issues"));
  triage.push(...readJsonl("data/triage.jsonl").filter((item) => item.source !== "github-issues"));
} else {
  // 1. NVD descriptions with their CWE, as collected in kn0wm4d/cwe-ai (only the CVE id, NVD text and CWE are kept).
  {
    const dir = gitDir("kn0wm4d+cwe-ai");
    const rows = show(dir, "tagged_cve_cwe.txt").split("\n").slice(1).filter(Boolean);
    const seen = new Set();
    for (const row of rows) {
      const [, cve, description, cwe] = row.split("\t");
      if (!cve || !description || seen.has(cve)) continue;
      seen.add(cve);
      const item = { id: `nvd:${cve}`, source: "nvd", url: `https://nvd.nist.gov/vuln/detail/${cve}`, ...titleAndBody(description) };
      containment.push({ ...item, label: "disclosure" });
      triage.push({ ...item, cwe: `CWE-${cwe.trim()}`, category: labels.categoryOfCwe(`CWE-${cwe.trim()}`, description) });
    }
  }

  // 2. Node.js Security WG advisories (npm ecosystem): the advisory's title names its type.
  {
    const dir = gitDir("nodejs+security-wg");
    for (const path of listFiles(dir, "vuln/npm")) {
      if (!path.endsWith(".json")) continue;
      const advisory = JSON.parse(show(dir, path));
      if (!advisory.overview) continue;
      const item = {
        id: `npm-wg:${advisory.id}`,
        source: "nodejs-security-wg",
        url: `https://github.com/nodejs/security-wg/blob/main/${path}`,
        title: `${advisory.module_name}: ${advisory.title}`,
        body: trim(advisory.overview),
      };
      const category = labels.categoryOfNpmTitle(advisory.title, advisory.id);
      // 142 advisories share one template ("downloads resources over HTTP"); a third of them keeps the set varied.
      if (category === "mitm" && rank(item.id, "npm-http") >= 1 / 3) continue;
      containment.push({ ...item, label: "disclosure" });
      triage.push({ ...item, category });
    }
  }

  // 3. Ruby advisories (public domain): every entry is a vulnerability; only containment uses them.
  {
    const dir = gitDir("rubysec+ruby-advisory-db");
    for (const path of listFiles(dir, "gems")) {
      if (!path.endsWith(".yml")) continue;
      const advisory = parse(show(dir, path));
      if (!advisory?.title || !advisory.description) continue;
      const name = path.replace(/^gems\//, "").replace(/\.yml$/, "");
      containment.push({
        id: `rubysec:${name}`,
        source: "ruby-advisory-db",
        url: `https://github.com/rubysec/ruby-advisory-db/blob/master/${path}`,
        title: String(advisory.title).replace(/\s+/g, " "),
        body: trim(String(advisory.description)),
        label: "disclosure",
      });
    }
  }

  // 4. Matomo's public GitHub issues, as collected by TeamPML/GuthubSecurityIssues. Issues the maintainers labelled
  //    "c: Security" or "c: Privacy" are labelled by hand (data/labels.json); a sample of the rest are plain issues.
  {
    const dir = gitDir("TeamPML+GuthubSecurityIssues");
    const plain = [];
    for (const path of listFiles(dir, "data/matomo-org/matomo")) {
      if (!path.endsWith(".json")) continue;
      for (const issue of JSON.parse(show(dir, path))) {
        if (issue.pull_request) continue;
        const names = issue.labels.map((label) => label.name);
        const item = {
          id: `matomo:${issue.number}`,
          source: "matomo-issues",
          url: issue.html_url,
          title: issue.title,
          body: trim(issue.body ?? ""),
        };
        const hand = labels.matomo[issue.number];
        if (hand !== undefined) {
          containment.push({ ...item, label: hand.label });
          if (hand.category) triage.push({ ...item, category: hand.category });
        } else if (names.includes("c: Security") || names.includes("c: Privacy")) {
          containment.push({ ...item, label: "hard-negative" });
        } else {
          plain.push({ ...item, label: "plain" });
        }
      }
    }
    containment.push(...sample(plain, 2_000, "matomo-plain"));
  }

  // 5. FARSEC (Peters et al., TSE 2017): bug reports of Ambari, Camel, Derby, Wicket and Chromium that are not
  //    security bug reports, as plain issues.
  {
    const dir = gitDir("fayola21+farsec");
    const plain = [];
    for (const path of listFiles(dir, "resources/data1")) {
      const match = /data1\/(\w+)\/\w+-nsbr-new\/(\d+)\.txt$/.exec(path);
      if (!match) continue;
      plain.push({ id: `farsec:${match[1]}-${match[2]}`, path, project: match[1] });
    }
    const perProject = new Map();
    for (const item of plain) perProject.set(item.project, [...(perProject.get(item.project) ?? []), item]);
    for (const [project, items] of perProject) {
      for (const item of sample(items, project === "chromium" ? 600 : 300, "farsec-plain")) {
        const raw = show(dir, item.path);
        const title = (/<title>([^<]*)<\/title>/.exec(raw)?.[1] ?? "")
          .replace(/^Issue \d+ -\s+chromium -\s+/, "")
          .replace(/ - Project Hosting on Google Code$/, "")
          .replace(/\s+/g, " ")
          .trim();
        const body = raw
          .replace(/<title>[^<]*<\/title>/, "")
          .replace(/<\/?pre>/g, "")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&");
        containment.push({
          id: item.id,
          source: "farsec",
          url: `https://github.com/fayola21/farsec/blob/master/${item.path}`,
          title: title || trim(body).slice(0, 80),
          body: trim(body),
          label: "plain",
        });
      }
    }
  }
}

// 6. Public GitHub issues of many projects, labelled by hand (data/github-issues.jsonl, data/LABELLING.md): disclosures
//    in the shape researchers file them, and security-worded issues that are not disclosures. The file is the source:
//    each line keeps the issue's URL, so it needs no clone.
for (const issue of readJsonl("data/github-issues.jsonl")) {
  const items = githubIssueItems(issue, labels);
  containment.push(items.containment);
  if (items.triage) triage.push(items.triage);
}

function write(name, items) {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(join("data", name), sorted.map((item) => JSON.stringify({ ...item, split: splitOf(item.id) })).join("\n") + "\n");
  const counts = {};
  for (const item of sorted) {
    const key = `${item.label ?? item.category}/${splitOf(item.id)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  process.stdout.write(`${name}: ${sorted.length} items ${JSON.stringify(counts)}\n`);
}

write("containment.jsonl", containment);
write("triage.jsonl", triage);
