import { describe, expect, it } from "@jest/globals";
import { renderReporterHistory, SHOWN_HISTORY, type ReportScreening } from "../../src/case/screening-view.js";

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
});
