import { describe, expect, it } from "@jest/globals";
import { parseComment } from "../../src/commands/parse.js";

const commandsOf = (body: string) => parseComment(body).commands.map((parsed) => parsed.value);
const problemsOf = (body: string) => parseComment(body).problems.map((parsed) => parsed.value);

describe("parseComment", () => {
  it.each([
    ["/disclosure accept", { name: "accept" }],
    ["/disclosure accept severity:high resolve-by:2026-12-18", { name: "accept", severity: { level: "high" }, resolveBy: "2026-12-18" }],
    ["/Disclosure ACCEPT resolve-by:2026-12-18", { name: "accept", resolveBy: "2026-12-18" }],
    ["/disclosure reject outdated-software", { name: "reject", exclusionId: "outdated-software" }],
    [
      "/disclosure reject The behaviour is documented and intended.",
      { name: "reject", reason: "The behaviour is documented and intended." },
    ],
    ["/disclosure needs-info Which URL did you test?", { name: "needs-info", question: "Which URL did you test?" }],
    ["/disclosure duplicate #12", { name: "duplicate", of: "#12" }],
    ["/disclosure duplicate ghsa-2qm3-9xhw-c8v4", { name: "duplicate", of: "GHSA-2qm3-9xhw-c8v4" }],
    ["/disclosure severity critical", { name: "severity", severity: { level: "critical" } }],
    ["/disclosure resolve-by 2026-12-18", { name: "resolve-by", date: "2026-12-18" }],
    ["/disclosure resolved", { name: "resolved" }],
    ["/disclosure reward EUR 250", { name: "reward", amount: "EUR 250" }],
    ["/disclosure update The fix is in review.", { name: "update", text: "The fix is in review." }],
    ["/disclosure withdraw", { name: "withdraw" }],
    ["/disclosure reopen", { name: "reopen" }],
    ["/disclosure help", { name: "help" }],
    ["/disclosure", { name: "help" }],
  ])("%s", (body, expected) => {
    expect(commandsOf(body)).toEqual([expected]);
  });

  it("scores a CVSS vector and takes its rating", () => {
    expect(commandsOf("/disclosure severity CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).toEqual([
      { name: "severity", severity: { level: "critical", score: 9.8, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" } },
    ]);
  });

  it("finds one command per line anywhere in the comment, with its line number", () => {
    const parsed = parseComment("Looks real to me.\n\n/disclosure severity high\nThanks!\n  /disclosure accept resolve-by:2026-12-18\n");
    expect(parsed.commands.map(({ line, value }) => [line, value.name])).toEqual([
      [3, "severity"],
      [5, "accept"],
    ]);
  });

  it("ignores commands shown in code blocks or quoted from an earlier comment", () => {
    expect(parseComment("```\n/disclosure accept\n```\n> /disclosure reject clickjacking\nuse `/disclosure accept` to accept")).toEqual({
      commands: [],
      problems: [],
    });
  });

  it("reports malformed commands with what was wrong", () => {
    expect(problemsOf("/disclosure acept")).toEqual([{ kind: "unknown-command", word: "acept", suggestion: "accept" }]);
    expect(problemsOf("/disclosure frobnicate")).toEqual([{ kind: "unknown-command", word: "frobnicate" }]);
    expect(problemsOf("/disclosure resolve-by 2026-02-30")).toEqual([
      { kind: "invalid-argument", command: "resolve-by", value: "2026-02-30" },
    ]);
    expect(problemsOf("/disclosure resolve-by next week")).toEqual([
      { kind: "invalid-argument", command: "resolve-by", value: "next week" },
    ]);
    expect(problemsOf("/disclosure severity severe")).toEqual([{ kind: "invalid-argument", command: "severity", value: "severe" }]);
    expect(problemsOf("/disclosure severity CVSS:3.1/AV:N")).toEqual([
      { kind: "invalid-argument", command: "severity", value: "CVSS:3.1/AV:N" },
    ]);
    expect(problemsOf("/disclosure needs-info")).toEqual([{ kind: "missing-argument", command: "needs-info" }]);
    expect(problemsOf("/disclosure resolved today")).toEqual([{ kind: "unexpected-argument", command: "resolved", value: "today" }]);
    expect(problemsOf("/disclosure accept severity:bad")).toEqual([{ kind: "invalid-argument", command: "accept", value: "severity:bad" }]);
    expect(problemsOf("/disclosure accept soon")).toEqual([{ kind: "unexpected-argument", command: "accept", value: "soon" }]);
    expect(problemsOf("/disclosure duplicate that other one")).toEqual([
      { kind: "invalid-argument", command: "duplicate", value: "that other one" },
    ]);
    expect(problemsOf("/disclosure reward lots")).toEqual([{ kind: "invalid-argument", command: "reward", value: "lots" }]);
  });

  it("does not take a longer word for the command", () => {
    expect(parseComment("/disclosures accept")).toEqual({ commands: [], problems: [] });
  });
});
