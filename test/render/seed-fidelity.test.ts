import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import type { DisclosureConfig, Language } from "../../src/config/schema.js";
import { renderSecurityMd } from "../../src/messages/security-md.js";

/**
 * SECURITY.md against the seed policy it is rendered for (docs/policies/*.txt, the policies as published): every
 * clause of the seed appears, and every sentence of the document is either a sentence of the seed or one of the
 * template sentences below, each tagged with the config key that backs it. A sentence nobody wrote fails.
 */

type Seed = "openworx" | "mijnpartnergroep";

function seedText(name: Seed): string {
  return readFileSync(new URL(`../../docs/policies/${name}.txt`, import.meta.url), "utf8");
}

function example(name: Seed): DisclosureConfig {
  const { config, errors } = parseConfigText(readFileSync(new URL(`../../examples/${name}.yml`, import.meta.url), "utf8"));
  expect(errors).toEqual([]);
  return config;
}

/** The seed's headings: SECURITY.md has its own section headings in their place. */
const seedHeadings: Record<Seed, readonly string[]> = {
  openworx: ["Responsible Disclosure", "Please do the following:", "Out of scope:", "What we promise:"],
  mijnpartnergroep: [
    "Security Policy",
    "We ask you to:",
    "What we promise:",
    "Vulnerabilities beyond the scope of this policy:",
    "Communication (Publishing)",
    "Scope of this policy:",
  ],
};

const ABBREVIATIONS = ["e.g.", "i.e.", "etc."];

/** Sentences of a block of prose; a list item's own punctuation (",", ", and", ";") ends nothing. */
function sentences(block: string): string[] {
  let protectedText = block;
  ABBREVIATIONS.forEach((abbreviation, index) => {
    protectedText = protectedText.split(abbreviation).join(`§${index}§`);
  });
  return protectedText
    .split(/(?<=[.!?])\s+(?=[A-Z'"`([])|;\s+/)
    .map((part) => part.replace(/§(\d)§/g, (_match, index: string) => ABBREVIATIONS[Number(index)] ?? ""))
    .map(normalise)
    .filter((part) => part !== "");
}

function normalise(sentence: string): string {
  return sentence
    .replace(/`/g, "")
    .trim()
    .replace(/(?:,\s*and|,|\.|:|;)$/, "")
    .trim();
}

/** The seed's clauses: one a line, bullets unwrapped, a nested list joined to the line that introduces it. */
function seedClauses(name: Seed): string[] {
  const lines = seedText(name).split("\n");
  const clauses: string[] = [];
  for (const raw of lines) {
    const nested = /^\s{3,}•\s*/.test(raw);
    const line = raw.replace(/^\s*(?:•|-)\s*/, "").trim();
    if (line === "") continue;
    const last = clauses.length - 1;
    if (nested && last >= 0) {
      clauses[last] = clauses[last]?.endsWith(":") ? `${clauses[last]} ${line}` : `${clauses[last]}, ${line}`;
      continue;
    }
    clauses.push(line);
  }
  return clauses.filter((clause) => !seedHeadings[name].includes(clause));
}

/** Sentences of a rendered SECURITY.md: headings and table rules are structure, bullets and paragraphs are prose. */
function renderedSentences(markdown: string): string[] {
  return markdown
    .split(/\n{2,}|\n(?=- )/)
    .map((block) => block.replace(/^- /, "").replace(/\n/g, " ").trim())
    .filter((block) => block !== "" && !block.startsWith("#"))
    .flatMap(sentences);
}

/** Sentences Disclosure Desk writes itself, each with the key (or app behaviour) that backs it. */
function templateSentences(config: DisclosureConfig, language: Language, repository: string): Map<string, string> {
  const advisory = `[Report a vulnerability](https://github.com/${repository}/security/advisories/new)`;
  const english: [string, string][] = [
    [`This is our ${config.policy.name}`, "policy.name"],
    [`Report it privately on GitHub: ${advisory}`, "GitHub private vulnerability reporting on the repository"],
    ["Please never report a vulnerability in a public issue", "containment.enabled"],
    ["This policy covers", "scope.assets"],
    ...config.scope.assets.map((asset): [string, string] => [asset, "scope.assets"]),
    [
      "Business days are Monday to Friday in the Europe/Amsterdam time zone, except public holidays (Netherlands)",
      "calendar.timezone, calendar.holidays",
    ],
  ];
  const dutch: [string, string][] = [
    [`Dit is ons ${config.policy.name}`, "policy.name"],
    [`Meld het vertrouwelijk via GitHub: ${advisory}`, "GitHub private vulnerability reporting on the repository"],
    ["Meld een kwetsbaarheid nooit in een openbare issue", "containment.enabled"],
    ["Dit beleid geldt voor", "scope.assets"],
    ...config.scope.assets.map((asset): [string, string] => [asset, "scope.assets"]),
    [
      "Werkdagen zijn maandag tot en met vrijdag in de tijdzone Europe/Amsterdam, behalve op feestdagen (Nederland)",
      "calendar.timezone, calendar.holidays",
    ],
  ];
  return new Map((language === "en" ? english : dutch).map(([sentence, key]) => [normalise(sentence), key]));
}

describe.each<[Seed, Language]>([
  ["openworx", "en"],
  ["mijnpartnergroep", "en"],
  ["openworx", "nl"],
  ["mijnpartnergroep", "nl"],
])("SECURITY.md for %s (%s) against the seed", (name, language) => {
  const config = example(name);
  const repository = `${name}/website`;
  const markdown = renderSecurityMd(config, language, { repository });
  const rendered = renderedSentences(markdown);
  const seed = new Set(seedClauses(name).flatMap(sentences));
  const template = templateSentences(config, language, repository);

  it("has every sentence of the seed", () => {
    expect([...seed].filter((sentence) => !rendered.includes(sentence))).toEqual([]);
  });

  it("has no sentence that neither the seed nor a key backs", () => {
    expect(rendered.filter((sentence) => !seed.has(sentence) && !template.has(sentence))).toEqual([]);
  });

  it("repeats no bullet and no sentence", () => {
    const bullets = markdown.split("\n").filter((line) => line.startsWith("- "));
    expect(bullets.filter((bullet, index) => bullets.indexOf(bullet) !== index)).toEqual([]);
    expect(rendered.filter((sentence, index) => rendered.indexOf(sentence) !== index)).toEqual([]);
  });
});

describe("the seed check itself", () => {
  it("finds a sentence no clause or key backs, and a clause left out", () => {
    const config = example("mijnpartnergroep");
    const invented = renderSecurityMd(
      { ...config, sla: { ...config.sla }, statements: { ...config.statements, promises: undefined } },
      "en",
      { repository: "mijnpartnergroep/website" },
    );
    const rendered = renderedSentences(invented);
    const seed = new Set(seedClauses("mijnpartnergroep").flatMap(sentences));
    const template = templateSentences(config, "en", "mijnpartnergroep/website");
    expect(rendered.filter((sentence) => !seed.has(sentence) && !template.has(sentence))).toContain(
      "We will keep you informed of the progress towards resolving the problem, at least every 14 days",
    );
    expect([...seed].filter((sentence) => !rendered.includes(sentence))).toContain(
      "An exception to this is the police and judicial authorities, in case of a report or if data is being claimed",
    );
  });

  it("reads every clause of both seeds", () => {
    expect(seedClauses("openworx")).toHaveLength(30);
    expect(seedClauses("mijnpartnergroep")).toHaveLength(35);
  });
});
