import { describe, expect, it } from "@jest/globals";
import { caseOutcomes, type CaseOutcome } from "../../src/case/case-outcome.js";
import { renderReporterHistory, SHOWN_HISTORY, type ReportScreening } from "../../src/case/screening-view.js";
import type { Language } from "../../src/config/schema.js";

function screeningWith(cases: number): ReportScreening {
  const history = Array.from({ length: cases }, (_, index) => ({
    reference: `octo-org/security-cases#${cases - index}`,
    key: `GHSA-hist-${String(cases - index).padStart(4, "0")}-ab12`,
    outcome: "invalid" as const,
    receivedAt: new Date(Date.UTC(2026, 10, 30) - index * 86_400_000).toISOString(),
  }));
  return { blocked: false, history, historyTotal: cases, historyComplete: true, duplicates: [], labels: [], reasons: [] };
}

describe("the reporter history on a tracking issue", () => {
  it("lists a prolific reporter's newest cases and counts the rest", () => {
    const rendered = renderReporterHistory("en", "Europe/Amsterdam", screeningWith(SHOWN_HISTORY + 190));
    const listed = rendered.split("\n").filter((line) => line.startsWith("- `"));
    expect(listed).toHaveLength(SHOWN_HISTORY);
    expect(listed[0]).toContain(`octo-org/security-cases#${SHOWN_HISTORY + 190}`);
    expect(rendered).toContain("- … and 190 earlier cases of this reporter, not listed here.");
    expect(renderReporterHistory("nl", "Europe/Amsterdam", screeningWith(SHOWN_HISTORY + 1))).toContain(
      "- … en 1 eerdere zaak van deze melder, hier niet opgesomd.",
    );
  });

  it("counts every earlier case the index holds, beyond the newest it gave", () => {
    const rendered = renderReporterHistory("en", "Europe/Amsterdam", { ...screeningWith(200), historyTotal: 450 });
    expect(rendered).toContain("- … and 440 earlier cases of this reporter, not listed here.");
  });

  it("control: a history that fits is listed whole, with no count of earlier cases", () => {
    const rendered = renderReporterHistory("en", "Europe/Amsterdam", screeningWith(SHOWN_HISTORY));
    expect(rendered.split("\n").filter((line) => line.startsWith("- `"))).toHaveLength(SHOWN_HISTORY);
    expect(rendered).not.toContain("earlier case");
  });

  const outcomeWordings: Record<Language, Record<CaseOutcome, string>> = {
    en: {
      open: "open",
      accepted: "accepted",
      invalid: "closed as invalid",
      rejected: "rejected under an exclusion",
      "not-security": "closed as not a security problem",
      duplicate: "duplicate",
    },
    nl: {
      open: "open",
      accepted: "geaccepteerd",
      invalid: "gesloten als ongeldig",
      rejected: "afgewezen onder een uitsluiting",
      "not-security": "gesloten als geen beveiligingsprobleem",
      duplicate: "dubbel",
    },
  };
  const received: Record<Language, string> = { en: "received 30 November 2026", nl: "ontvangen 30 november 2026" };

  it.each(["en", "nl"] as const)("words the outcome of each earlier case on its line, the case key escaped (%s)", (language) => {
    const history = caseOutcomes.map((outcome, index) => ({
      reference: `octo-org/security-cases#${index + 1}`,
      key: `GHSA-*${outcome}*`,
      outcome,
      receivedAt: "2026-11-30T12:00:00.000Z",
    }));
    const rendered = renderReporterHistory(language, "Europe/Amsterdam", { ...screeningWith(0), history, historyTotal: history.length });
    expect(rendered.split("\n").filter((line) => line.startsWith("- `"))).toEqual(
      caseOutcomes.map(
        (outcome, index) =>
          `- \`octo-org/security-cases#${index + 1}\` (GHSA-\\*${outcome}\\*), ${received[language]}: ${outcomeWordings[language][outcome]}`,
      ),
    );
  });
});
