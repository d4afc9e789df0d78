import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { renderAcknowledgements } from "../../src/closing/acknowledgements.js";
import { closingConfig, days, resolvedAt, resolvedCase } from "./fixtures.js";

const config = closingConfig("mutual");
const at = (count: number) => days(resolvedAt, count).toISOString();

function credited(choice: "name" | "handle" | "anonymous", login: string, name?: string, changes: Partial<CaseRecord> = {}, when = 0): CaseRecord {
  return resolvedCase(config, { credit: { choice, login, ...(name === undefined ? {} : { name }), by: "researcher", at: at(when) } }, { resolvedAt: at(when), ...changes });
}

describe("the acknowledgements page", () => {
  it("names each researcher as they chose, oldest first, counts repeat reporters (duplicates too) and anonymous ones", () => {
    const page = renderAcknowledgements(
      [
        { record: credited("handle", "rosa-researcher", undefined, {}, 1) },
        { record: credited("name", "jan-j", "Jan Jansen", { state: "published" }, 0) },
        { record: credited("anonymous", "quiet-one", undefined, {}, 2) },
        { record: credited("handle", "rosa-researcher", undefined, { state: "duplicate" }, 3) },
        { record: resolvedCase(config, {}), researcher: "no-answer" },
      ],
      "en",
    );
    expect(page).toBe(
      [
        "# Security acknowledgements",
        "",
        "We thank the security researchers who reported vulnerabilities to us responsibly and helped protect our users.",
        "",
        "- Jan Jansen",
        "- [@rosa-researcher](https://github.com/rosa-researcher) (2 reports)",
        "",
        "And 2 researchers who preferred not to be named.",
        "",
      ].join("\n"),
    );
  });

  it("leaves out cases that were not resolved, and does not name a researcher who declined the advisory credit", () => {
    const declined = credited("name", "rosa-researcher", "Rosa Visser");
    const page = renderAcknowledgements(
      [
        { record: { ...declined, closing: { ...declined.closing, advisoryCredit: { login: "rosa-researcher", state: "declined", at: at(1) } } } },
        { record: credited("name", "x", "Rejected Reporter", { state: "rejected" }) },
        { record: credited("name", "y", "Withdrawn Reporter", { state: "withdrawn" }) },
      ],
      "nl",
    );
    expect(page).not.toContain("Rosa");
    expect(page).not.toContain("Reporter");
    expect(page).toContain("En 1 onderzoeker die liever niet genoemd wordt.");
  });

  it("escapes a chosen name and says so when there is nobody yet", () => {
    expect(renderAcknowledgements([{ record: credited("name", "z", "[Eve](https://evil) @octo-org/security") }], "en")).toContain("- \\[Eve\\]\\(https://evil\\) @\u200bocto-org/security");
    expect(renderAcknowledgements([], "en")).toContain("No acknowledgements yet.");
  });
});
