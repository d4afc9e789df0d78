import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { renderAcknowledgements } from "../../src/closing/hall-of-fame.js";
import { closingConfig, days, resolvedAt, resolvedCase } from "./fixtures.js";

const config = closingConfig("mutual");
const at = (count: number) => days(resolvedAt, count).toISOString();

function credited(
  choice: "name" | "handle" | "anonymous",
  login: string,
  name?: string,
  changes: Partial<CaseRecord> = {},
  when = 0,
): CaseRecord {
  return resolvedCase(
    config,
    { credit: { choice, login, ...(name === undefined ? {} : { name }), by: "researcher", at: at(when) } },
    { resolvedAt: at(when), ...changes },
  );
}

describe("the acknowledgements page", () => {
  it("names each researcher as they chose, oldest first, counts repeat reporters (duplicates too) and anonymous ones", () => {
    const page = renderAcknowledgements(
      [
        { record: credited("handle", "rosa-researcher", undefined, { state: "published", key: "GHSA-rosa-0001-aaaa" }, 1) },
        { record: credited("name", "jan-j", "Jan Jansen", { state: "published", key: "GHSA-jans-0002-bbbb" }, 0) },
        { record: credited("anonymous", "quiet-one", undefined, { state: "published", key: "GHSA-quie-0003-cccc" }, 2) },
        {
          record: credited(
            "handle",
            "rosa-researcher",
            undefined,
            { state: "duplicate", key: "GHSA-rosa-0004-dddd", duplicateOf: "GHSA-jans-0002-bbbb" },
            3,
          ),
        },
        { record: { ...resolvedCase(config, {}), state: "published", key: "GHSA-none-0005-eeee" }, researcher: "no-answer" },
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

  it("names nobody before publication: a resolved case, and the duplicate of an unpublished one, are left out", () => {
    const page = renderAcknowledgements(
      [
        { record: credited("name", "rosa-researcher", "Rosa Visser", { key: "GHSA-rosa-0001-aaaa" }) },
        {
          record: credited("name", "jan-j", "Jan Jansen", {
            state: "duplicate",
            key: "GHSA-jans-0002-bbbb",
            duplicateOf: "GHSA-rosa-0001-aaaa",
          }),
        },
      ],
      "en",
    );
    expect(page).not.toContain("Rosa");
    expect(page).not.toContain("Jan");
    expect(page).toContain("No acknowledgements yet.");
  });

  it("leaves out cases that were not published, and does not name a researcher who declined the advisory credit", () => {
    const declined = credited("name", "rosa-researcher", "Rosa Visser", { state: "published" });
    const page = renderAcknowledgements(
      [
        {
          record: {
            ...declined,
            closing: { ...declined.closing, advisoryCredit: { login: "rosa-researcher", state: "declined", at: at(1) } },
          },
        },
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
    expect(
      renderAcknowledgements([{ record: credited("name", "z", "[Eve](https://evil) @octo-org/security", { state: "published" }) }], "en"),
    ).toContain("- \\[Eve\\]\\(https://evil\\) @\u200bocto-org/security");
    expect(renderAcknowledgements([], "en")).toContain("No acknowledgements yet.");
  });
});
