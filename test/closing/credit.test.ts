import { describe, expect, it } from "@jest/globals";
import { creditName, desiredCredits, parseResearcherAnswers, researcherCreditState } from "../../src/closing/credit.js";

describe("the researcher's answers on the advisory", () => {
  it.each([
    ['credit: name "Jane Doe"', { credit: { choice: "name", name: "Jane Doe" } }],
    ["Credit: Name Jane Doe", { credit: { choice: "name", name: "Jane Doe" } }],
    ["credit: name", { credit: { choice: "name" } }],
    ["credit: handle", { credit: { choice: "handle" } }],
    ["`credit: anonymous`", { credit: { choice: "anonymous" } }],
    ["credit: anoniem", { credit: { choice: "anonymous" } }],
    ['credit: naam "Jan de Vries"', { credit: { choice: "name", name: "Jan de Vries" } }],
    ["consent: yes", { consent: "yes" }],
    ["toestemming: nee", { consent: "no" }],
    ["Thanks!\ncredit: handle\nconsent: yes", { credit: { choice: "handle" }, consent: "yes" }],
    ["consent: yes\nActually, consent: no\nconsent: no", { consent: "no" }],
  ])("%j", (body, expected) => {
    expect(parseResearcherAnswers(body)).toEqual(expected);
  });

  it("ignores quoted questions, fenced blocks and keywords in the middle of a sentence", () => {
    expect(
      parseResearcherAnswers('> reply `credit: name "Your Name"`\n> consent: yes\n```\nconsent: yes\n```\nI will say consent: yes later'),
    ).toEqual({});
  });

  it("keeps a credited name to one plain line without markup or mentions", () => {
    expect(creditName('"<img src=x> @octo-org/security [Jane](https://evil)"')).toBe("img src=x octo-org/security Janehttps://evil");
    expect(creditName("x".repeat(150))).toHaveLength(100);
    expect(creditName('""')).toBeUndefined();
  });
});

describe("the advisory's credits", () => {
  const rosa = { login: "rosa-researcher", type: "finder" as const, state: "accepted" as const };
  const name = { choice: "name" as const, login: "rosa-researcher", by: "researcher" as const, at: "2026-12-16T09:00:00.000Z" };

  it("leaves credits alone when they already say what was chosen", () => {
    expect(desiredCredits({ current: [rosa], researcher: "rosa-researcher", credit: name, others: [] })).toBeUndefined();
    expect(desiredCredits({ current: [rosa], researcher: "rosa-researcher", credit: undefined, others: [] })).toBeUndefined();
  });

  it("adds the researcher as finder when GitHub has no credit for them", () => {
    expect(desiredCredits({ current: [], researcher: "rosa-researcher", credit: { ...name, choice: "handle" }, others: [] })).toEqual([
      { login: "rosa-researcher", type: "finder" },
    ]);
  });

  it("removes the researcher for an anonymous credit and keeps everyone else", () => {
    const other = { login: "max-maintainer", type: "remediation_developer" as const };
    expect(
      desiredCredits({ current: [rosa, other], researcher: "rosa-researcher", credit: { ...name, choice: "anonymous" }, others: [] }),
    ).toEqual([other]);
  });

  it("adds analysts and remediation developers maintainers named, once", () => {
    const others = [
      { login: "ana-analyst", type: "analyst" as const },
      { login: "dev-fixer", type: "remediation_developer" as const },
    ];
    expect(desiredCredits({ current: [{ ...rosa, type: "reporter" }], researcher: "rosa-researcher", credit: name, others })).toEqual([
      { login: "rosa-researcher", type: "reporter" },
      ...others,
    ]);
    expect(
      desiredCredits({
        current: [rosa, { ...others[0]!, state: "pending" }, { ...others[1]!, state: "pending" }],
        researcher: "rosa-researcher",
        credit: name,
        others,
      }),
    ).toBeUndefined();
  });

  it("reads the researcher's credit state, whatever the case of their login", () => {
    expect(researcherCreditState([{ ...rosa, state: "declined" }], "Rosa-Researcher")).toBe("declined");
    expect(researcherCreditState([rosa], undefined)).toBeUndefined();
  });
});
