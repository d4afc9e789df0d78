import { describe, expect, it } from "@jest/globals";
import {
  countMentions,
  FORGOTTEN_RESEARCHER,
  forgetInText,
  forgetInTrackingIssueBody,
  identifierProblem,
  mentionsInTrackingIssueBody,
} from "../../src/privacy/forget.js";

const rosa = { identifiers: ["rosa-researcher", "Rosa de Vries", "rosa@mailbox.example"] };
const caseBlock =
  '<!-- disclosure-desk:case {"v":1,"key":"GHSA-4v7x-pqr2-9c3m","closing":{"credit":{"name":"Rosa de Vries","login":"rosa-researcher"}}} -->';

describe("forgetInText", () => {
  it.each([
    ["a login", "Reported by rosa-researcher on Monday", `Reported by ${FORGOTTEN_RESEARCHER} on Monday`],
    ["a mention with its zero-width space", "Hello @\u200brosa-researcher,", `Hello ${FORGOTTEN_RESEARCHER},`],
    ["a plain mention", "cc @rosa-researcher", `cc ${FORGOTTEN_RESEARCHER}`],
    ["another letter case", "ROSA-RESEARCHER wrote", `${FORGOTTEN_RESEARCHER} wrote`],
    ["a name across a line break", "Credit: Rosa de\nVries", `Credit: ${FORGOTTEN_RESEARCHER}`],
    ["an address neutralised in a fence", "Reach me at rosa@\u200bmailbox.example.", `Reach me at ${FORGOTTEN_RESEARCHER}.`],
  ])("replaces %s", (_name, text, expected) => {
    expect(forgetInText(text, rosa)).toEqual({ text: expected, replacements: 1 });
  });

  it("replaces a name escaped for a Markdown table cell", () => {
    const researcher = { identifiers: ["Rosa_Researcher (NL)"] };
    expect(forgetInText("| Reported by | Rosa\\_Researcher \\(NL\\) |", researcher).text).toBe(`| Reported by | ${FORGOTTEN_RESEARCHER} |`);
  });

  it.each([
    ["a longer login", "rosa-researcher-2 reported it"],
    ["a login inside an address of someone else", "mail ops.rosa-researcher@example.org"],
    ["a word that merely contains the name", "the rosa-researchers team"],
  ])("leaves %s alone", (_name, text) => {
    expect(forgetInText(text, rosa)).toEqual({ text, replacements: 0 });
  });

  it("counts every mention", () => {
    expect(countMentions("rosa-researcher, Rosa de Vries <rosa@mailbox.example>", rosa)).toBe(3);
  });
});

describe("forgetInTrackingIssueBody", () => {
  it("keeps the case block byte for byte and forgets the researcher around it", () => {
    const body = `| Reported by | rosa-researcher |\n\nReach me at rosa@\u200bmailbox.example\n\n${caseBlock}\n`;
    const result = forgetInTrackingIssueBody(body, rosa);
    expect(result.replacements).toBe(2);
    expect(result.text).toBe(`| Reported by | ${FORGOTTEN_RESEARCHER} |\n\nReach me at ${FORGOTTEN_RESEARCHER}\n\n${caseBlock}\n`);
    expect(mentionsInTrackingIssueBody(result.text, rosa)).toEqual({ outsideCaseBlock: 0, inCaseBlock: 2 });
  });

  it("works on a body without a case block", () => {
    expect(forgetInTrackingIssueBody("Rosa de Vries", rosa)).toEqual({ text: FORGOTTEN_RESEARCHER, replacements: 1 });
  });
});

describe("identifierProblem", () => {
  it("refuses no identifier and identifiers too short to find safely", () => {
    expect(identifierProblem([])).toBe("name the researcher: a login, a name or an e-mail address");
    expect(identifierProblem(["@ro"])).toBe('"@ro" is too short to find safely (at least 3 characters)');
    expect(identifierProblem(rosa.identifiers)).toBeNull();
  });
});
