import { describe, expect, it } from "@jest/globals";
import { formatProblem, parseConfigText, resolveConfig } from "../../src/config/load.js";
import { configSchema, MAX_CONFIG_DAYS } from "../../src/config/schema.js";
import { computeDeadlines } from "../../src/sla/index.js";
import { compilePolicy, triage } from "../../src/policy/triage.js";

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

describe("entries the policy engine cannot use", () => {
  const report = {
    id: "GHSA-1111-2222-3333",
    title: "Clickjacking on the login page",
    body: "The login page at https://portal.example.nl can be framed.",
  };

  it("are config errors that leave their section at its defaults, so triage never throws on them", () => {
    const text =
      "tracking:\n  repository: octo-org/cases\nexclusions: [clickjackng]\nconduct: [ddoss]\nscope:\n  assets: ['*.example.nl', '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.nl']\n";
    const { config, errors } = parseConfigText(text, "disclosure.yml");
    expect(errors.map((error) => [error.path, error.line])).toEqual([
      ["scope.assets[1]", 6],
      ["exclusions[0]", 3],
      ["conduct[0]", 4],
    ]);
    expect(errors[1]?.message).toContain('did you mean "clickjacking"?');
    expect(config.exclusions).toEqual([]);
    expect(config.conduct).toEqual([]);
    expect(config.scope.assets).toEqual([]);
    expect(config.tracking.repository).toBe("octo-org/cases");
    expect(triage({ report, config }).labels).toContain("state:triage");
  });

  it("would make triage throw if they reached it (control)", () => {
    expect(() => compilePolicy(configSchema.parse({ exclusions: ["clickjackng"] }))).toThrow("not in the catalog");
    expect(() => compilePolicy(configSchema.parse({ conduct: ["ddoss"] }))).toThrow("not a known conduct id");
    expect(() => compilePolicy(configSchema.parse({ exclusions: [{ id: "clickjacking", unless: ["nope"] }] }))).toThrow(
      'unknown exception "nope"',
    );
    expect(() => compilePolicy(configSchema.parse({ scope: { assets: ["{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.nl"] } }))).toThrow(
      "64 hostnames",
    );
    const { config } = parseConfigText("exclusions: [clickjacking]\n");
    expect(triage({ report, config }).labels).toContain("excluded:clickjacking");
  });
});

describe("a calendar or a number of days that deadlines cannot be counted with", () => {
  const receivedAt = new Date("2026-03-02T09:00:00Z");

  it.each([
    ["an unknown time zone", "calendar:\n  timezone: Europe/Amsterdm\n", "calendar.timezone", 'did you mean "Europe/Amsterdam"?'],
    ["a holiday region without data", "calendar:\n  holidays: NL-ZZ\n", "calendar.holidays", 'no public-holiday data for "NL-ZZ"'],
    [
      "a closure day not in the calendar",
      "calendar:\n  closed: [2026-02-30]\n",
      "calendar.closed[0]",
      "2026-02-30 is not a date in the calendar",
    ],
    [
      "a closure that ends before it starts",
      "calendar:\n  closed: [2026-03-10/2026-03-01]\n",
      "calendar.closed[0]",
      "the closure ends (2026-03-01) before it starts (2026-03-10)",
    ],
    [
      "closures over the limit in total",
      "calendar:\n  closed: [0001-01-01/9999-12-31]\n",
      "calendar.closed",
      `over the limit of ${MAX_CONFIG_DAYS} days`,
    ],
    [
      "a response time over the limit",
      "sla:\n  response: { businessDays: 100000000 }\n",
      "sla.response.businessDays",
      `<=${MAX_CONFIG_DAYS}`,
    ],
    ["a review period over the limit", "publication:\n  reviewDays: 36500\n", "publication.reviewDays", `<=${MAX_CONFIG_DAYS}`],
  ])("reports %s as a config error and counts deadlines with the defaults", (_kind, text, path, message) => {
    const { config, errors } = parseConfigText(`tracking:\n  repository: octo-org/cases\n${text}`);
    expect(errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })]);
    expect(config.tracking.repository).toBe("octo-org/cases");
    expect(computeDeadlines({ receivedAt }, config.sla, config.calendar).responseDue.toISOString()).toBe("2026-03-09T23:59:59.999Z");
  });

  it("would make counting deadlines throw if such a calendar reached it (control)", () => {
    for (const calendar of [
      { timezone: "Europe/Amsterdm" },
      { holidays: "NL-ZZ" },
      { closed: ["2026-02-30"] },
      { closed: ["2026-03-10/2026-03-01"] },
    ]) {
      const config = configSchema.parse({ calendar });
      expect(() => computeDeadlines({ receivedAt }, config.sla, config.calendar)).toThrow();
    }
  });

  it("accepts closures and numbers of days within the limits (control)", () => {
    const { config, errors } = parseConfigText(
      `sla:\n  response: { businessDays: ${MAX_CONFIG_DAYS} }\ncalendar:\n  closed: [2026-03-02/2026-12-31]\n`,
    );
    expect(errors).toEqual([]);
    expect(computeDeadlines({ receivedAt }, config.sla, config.calendar).responseDue.getUTCFullYear()).toBe(2040);
  });
});
