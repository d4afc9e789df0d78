import { describe, expect, it } from "@jest/globals";
import { renderTriageSection } from "../../src/case/tracking-view.js";
import type { Language } from "../../src/config/schema.js";
import { evidenceKinds } from "../../src/policy/evidence.js";
import type { TriageDecision } from "../../src/policy/triage.js";

/** A decision whose report brings every kind of evidence, each with the text that showed it. */
const everyKindOfEvidence: TriageDecision = {
  scope: { status: "in", asset: "octo-org/widgets", basis: "own-repository", reason: "filed against its own repository" },
  exclusions: [],
  exceptionsApplied: [],
  conduct: [],
  needsInfo: { missing: [] },
  evidence: {
    present: evidenceKinds.map((kind) => ({ kind, matched: `*${kind}*` })),
    missing: [],
    reproducer: true,
    aiDisclosure: true,
  },
  labels: [],
  assets: [],
};

const evidenceLines: Record<Language, string> = {
  en:
    "Evidence: reproduction steps (“\\*steps\\*”); a request or command (“\\*request\\*”); proof-of-concept code (“\\*proof-of-concept\\*”); " +
    "crash output or a sanitizer trace (“\\*trace\\*”); an affected version (“\\*version\\*”); impact (“\\*impact\\*”). Use of AI tools stated.",
  nl:
    "Bewijs: stappen om te reproduceren (“\\*steps\\*”); een verzoek of commando (“\\*request\\*”); proof-of-concept-code (“\\*proof-of-concept\\*”); " +
    "crash-uitvoer of een sanitizer-trace (“\\*trace\\*”); een getroffen versie (“\\*version\\*”); impact (“\\*impact\\*”). Gebruik van AI-hulpmiddelen vermeld.",
};

describe("the triage section's evidence", () => {
  it.each(["en", "nl"] as const)("words every kind of evidence a report brings, each with its escaped quote (%s)", (language) => {
    const rendered = renderTriageSection(language, everyKindOfEvidence, { evidenceQuestion: undefined, claims: undefined });
    expect(rendered.split("\n").filter((line) => /^(Evidence|Bewijs):/.test(line))).toEqual([evidenceLines[language]]);
  });
});
