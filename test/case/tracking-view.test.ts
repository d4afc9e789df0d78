import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { planIntake, type IntakeFacts } from "../../src/case/plan-intake.js";
import { configSchema, type Language } from "../../src/config/schema.js";
import { planContainment, type ContainmentFacts } from "../../src/containment/plan-containment.js";

/**
 * A tracking issue speaks the policy's language throughout: every phrase a maintainer reads comes from that language's
 * templates. The check: no phrase of the English tracking-issue templates appears in a Dutch tracking issue — with,
 * as the control, the English issue built from the same facts showing those phrases.
 */

const templateDirectory = new URL("../../templates/", import.meta.url);

/** What reads the same in every language: the app's commands. */
const commandWords = ["disclosure needs-info"];

/** The English templates' own phrases of two words or more. */
function englishPhrases(): string[] {
  const phrases = readFileSync(new URL("en/tracking-issue.hbs", templateDirectory), "utf8")
    .concat("\n", readFileSync(new URL("en/triage-suggestions.hbs", templateDirectory), "utf8"))
    .replace(/\{\{[^}]*\}\}\}?/g, "|")
    .split(/[|.,;:()[\]"“”*`—\n#<>\\/]+/)
    .map((phrase) => phrase.trim())
    .filter((phrase) => /^[A-Za-z']+(?: [A-Za-z'-]+)+$/.test(phrase) && !commandWords.includes(phrase));
  return [...new Set(phrases)];
}

const policy = (language: Language) => ({
  config: configSchema.parse({
    language,
    policy: { name: "Openworx Responsible Disclosure", url: "https://example.org/responsible-disclosure" },
    tracking: { repository: "octo-org/security-cases" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    scope: { assets: ["widgets.example.org", "octo-org/api"], outOfScope: ["third-party programs and plug-ins"] },
    conduct: ["social-engineering", "automated-scanning", { id: "excess-data-access", maxRecords: 1 }],
    exclusions: [{ id: "staging-hosts", title: "Staging", match: ["staging\\."], policyText: "Staging." }, "clickjacking"],
  }),
  errors: [],
  files: [],
  policyVersion: null,
});

const reports = [
  {
    summary: "Clickjacking op staging",
    description:
      "https://staging.widgets.example.org/login laat zich in een iframe laden; ik belde de helpdesk en deed me voor als beheerder.",
  },
  {
    summary: "Lek in een plug-in",
    description:
      "De third-party plug-in op https://widgets.example.org/plugin lekt gegevens; sqlmap vond ze. 1. open de pagina 2. stuur het verzoek.",
  },
  {
    summary: "XSS in het zoekveld",
    description: "https://widgets.example.org/search?q=<script>alert(1)</script> voert script uit; I downloaded 300 records to confirm.",
  },
  { summary: "Onbekende host", description: "https://andere.example.net/login zet het sessietoken in de URL." },
  { summary: "Fout", description: "kapot" },
];

function advisoryIssue(language: Language, report: (typeof reports)[number], commentsApiKnownUnavailable: boolean): string {
  const facts: IntakeFacts = {
    advisory: {
      ghsaId: "GHSA-4v7x-pqr2-9c3m",
      htmlUrl: "https://github.com/octo-org/widgets/security/advisories/GHSA-4v7x-pqr2-9c3m",
      repository: "octo-org/widgets",
      reporter: "rosa-researcher",
      packages: [{ ecosystem: "npm", name: "widgets", versions: "< 2.4.1" }],
      cweIds: [],
      severity: "high",
      submittedAt: new Date("2026-11-16T08:30:00Z"),
      ...report,
    },
    policy: policy(language),
    tracking: { repository: "octo-org/security-cases", isPrivate: true },
    existingCase: null,
    earlierAcknowledgement: "none",
    commentsApiKnownUnavailable,
    now: new Date("2026-11-16T08:31:00Z"),
  };
  const opening = planIntake(facts).actions.find((action) => action.type === "openTrackingIssue");
  if (opening?.type !== "openTrackingIssue") throw new Error("the report opens a case");
  return opening.body;
}

function containedIssue(language: Language, report: (typeof reports)[number]): string {
  const facts: ContainmentFacts = {
    text: {
      kind: "issue",
      repository: "octo-org/widgets",
      issueNumber: 7,
      issueTitle: report.summary,
      url: "https://github.com/octo-org/widgets/issues/7",
      author: "rosa-researcher",
      authorIsBot: false,
      authorAssociation: "NONE",
      postedAt: new Date("2026-11-16T09:00:00Z"),
      body: report.description,
    },
    trigger: { type: "command", maintainer: "max-maintainer" },
    policy: policy(language),
    tracking: { repository: "octo-org/security-cases", isPrivate: true },
    existingCase: null,
    issueLocked: false,
    issueLabels: [],
    now: new Date("2026-11-16T09:01:00Z"),
  };
  const opening = planContainment(facts).actions.find((action) => action.type === "openCase");
  if (opening?.type !== "openCase") throw new Error("the text is contained in a new case");
  return opening.body;
}

function issuesIn(language: Language): string[] {
  return reports.flatMap((report) => [
    advisoryIssue(language, report, false),
    advisoryIssue(language, report, true),
    containedIssue(language, report),
  ]);
}

const found = (issues: string[], phrases: string[]) => phrases.filter((phrase) => issues.some((issue) => issue.includes(phrase)));

describe("the tracking-issue view", () => {
  const phrases = englishPhrases();

  it("builds a Dutch tracking issue without a phrase of the English templates", () => {
    expect(found(issuesIn("nl"), phrases)).toEqual([]);
  });

  it("control: the English tracking issues built from the same facts show those phrases", () => {
    const shown = found(issuesIn("en"), phrases);
    expect(shown).toEqual(
      expect.arrayContaining([
        "posted on the advisory by Disclosure Desk",
        "to be relayed by a maintainer",
        "the reporter is pointed to the private channel on the public issue",
        "which the policy lists as out of scope",
        "The report concerns",
        "matches the scope entry",
        "is not listed in the scope",
        "The report describes",
        "A maintainer should check this against the policy",
        "records read",
        "the policy allows at most",
        "Catalog rule",
        "Policy rule",
        "the policy allows no exception",
        "Missing information",
        "Report as submitted",
      ]),
    );
    expect(shown.length).toBeGreaterThanOrEqual(phrases.length / 2);
  });
});
