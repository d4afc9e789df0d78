import { describe, expect, it } from "@jest/globals";
import { formatProblem, parseConfigText, resolveConfig } from "../../src/config/load.js";

describe("parseConfigText", () => {
  it("accepts a valid file", () => {
    const { config, errors } = parseConfigText("language: nl\ntracking:\n  repository: octo-org/security-cases\n");
    expect(errors).toEqual([]);
    expect(config.language).toBe("nl");
    expect(config.tracking.repository).toBe("octo-org/security-cases");
  });

  it("points at the line of a misspelt key and suggests the right one", () => {
    const text = "tracking:\n  repository: octo-org/cases\nsla:\n  respone:\n    businessDays: 3\n";
    const { errors } = parseConfigText(text, "disclosure.yml");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: "sla.respone", line: 4, column: 3 });
    expect(formatProblem(errors[0]!)).toMatch(/^disclosure\.yml:4:3 sla\.respone: unknown key; did you mean "response"\?/);
  });

  it("keeps the valid sections of an invalid file and defaults the broken one", () => {
    const text = "tracking:\n  repository: octo-org/cases\nsla:\n  response:\n    businessDays: three\n";
    const { config, errors } = parseConfigText(text);
    expect(errors.map((error) => error.path)).toEqual(["sla.response.businessDays"]);
    expect(errors[0]?.line).toBe(5);
    expect(config.tracking.repository).toBe("octo-org/cases");
    expect(config.sla.response.businessDays).toBe(5);
  });

  it("reports YAML syntax errors with their line", () => {
    const { errors } = parseConfigText("language: en\ntracking: [unclosed\n");
    expect(errors[0]?.message).toMatch(/^YAML syntax/);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("lists every unknown key of one object", () => {
    const { errors } = resolveConfig({ policy: { nmae: "x", contcat: "y" } });
    expect(errors.map((error) => error.path)).toEqual(["policy.nmae", "policy.contcat"]);
    expect(errors[1]?.message).toContain('did you mean "contact"');
  });

  it("treats an empty file as all defaults", () => {
    expect(parseConfigText("").errors).toEqual([]);
  });
});
