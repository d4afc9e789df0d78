import { describe, expect, it } from "@jest/globals";
import { formatProblem } from "../../src/config/load.js";
import { validateConfig } from "../../src/config/validate.js";
import { MAX_ASSET_PATTERN_ALTERNATIVES, MAX_ASSET_PATTERN_LENGTH } from "../../src/policy/scope.js";

/** One broken config a case: the key path, line and a fragment of the message a user sees. */
interface BrokenConfig {
  name: string;
  yaml: string;
  path: string;
  line: number;
  message: string;
}

const brokenConfigs: BrokenConfig[] = [
  {
    name: "a misspelt catalog id",
    yaml: "exclusions:\n  - security-headers\n  - clickjackng\n",
    path: "exclusions[1]",
    line: 3,
    message:
      'unknown exclusion id "clickjackng" (a rule of your own needs match patterns: { id, title, match: [...] }); did you mean "clickjacking"?',
  },
  {
    name: "a custom exclusion without match patterns",
    yaml: "exclusions:\n  - id: staging-hosts\n    title: Staging environments\n",
    path: "exclusions[0].id",
    line: 2,
    message: 'unknown exclusion id "staging-hosts" (a rule of your own needs match patterns',
  },
  {
    name: "an unknown exception in unless",
    yaml: "exclusions:\n  - id: clickjacking\n    unless: [sensitive-actions]\n",
    path: "exclusions[0].unless[0]",
    line: 3,
    message: 'unknown exception "sensitive-actions" (known: sensitive-action,',
  },
  {
    name: "a pattern RE2 cannot compile",
    yaml: "exclusions:\n  - id: staging-hosts\n    match:\n      - 'staging\\.'\n      - '(?<=dev)\\.example'\n",
    path: "exclusions[0].match[1]",
    line: 5,
    message: 'pattern "(?<=dev)\\.example": not valid RE2 syntax',
  },
  {
    name: "a pattern that matches every report",
    yaml: "exclusions:\n  - id: anything\n    match: ['x*']\n",
    path: "exclusions[0].match[0]",
    line: 3,
    message: "matches empty text, so it would match every report",
  },
  {
    name: "the same exclusion twice",
    yaml: "exclusions:\n  - clickjacking\n  - dns-configuration\n  - { id: clickjacking, unless: [sensitive-action] }\n",
    path: "exclusions[2].id",
    line: 4,
    message: '"clickjacking" is already listed as exclusions[0]',
  },
  {
    name: "a custom exclusion named like a reason of /disclosure reject",
    yaml: "exclusions:\n  - id: no-reproduction\n    title: Reports without steps\n    match: ['no steps']\n",
    path: "exclusions[0].id",
    line: 2,
    message: '"no-reproduction" is also a reason of /disclosure reject, which comes first',
  },
  {
    name: "a misspelt conduct id",
    yaml: "conduct:\n  - social-engineering\n  - ddoss\n",
    path: "conduct[1]",
    line: 3,
    message: 'did you mean "ddos"?',
  },
  {
    name: "maxRecords on a conduct rule that counts no records",
    yaml: "conduct:\n  - id: automated-scanning\n    maxRecords: 1\n",
    path: "conduct[0].maxRecords",
    line: 3,
    message: "maxRecords applies only to excess-data-access",
  },
  {
    name: "a custom conduct pattern with a backreference",
    yaml: "conduct:\n  - id: repeated-words\n    match: ['(\\w+) \\1']\n",
    path: "conduct[0].match[0]",
    line: 3,
    message: "not valid RE2 syntax",
  },
  {
    name: "a misspelt time zone",
    yaml: "calendar:\n  timezone: Europe/Amsterdm\n  holidays: NL\n",
    path: "calendar.timezone",
    line: 2,
    message: 'unknown time zone "Europe/Amsterdm"; did you mean "Europe/Amsterdam"?',
  },
  {
    name: "a holiday region without data",
    yaml: "calendar:\n  timezone: Europe/Amsterdam\n  holidays: NL-ZZ\n",
    path: "calendar.holidays",
    line: 3,
    message: 'no public-holiday data for "NL-ZZ"',
  },
  {
    name: "a closure range written backwards",
    yaml: "calendar:\n  closed:\n    - 2025-12-24\n    - 2026-01-02/2025-12-27\n",
    path: "calendar.closed[1]",
    line: 4,
    message: "the closure ends (2025-12-27) before it starts (2026-01-02)",
  },
  {
    name: "a closure object that ends before it starts",
    yaml: "calendar:\n  closed:\n    - from: 2026-07-20\n      to: 2026-07-10\n      reason: summer\n",
    path: "calendar.closed[0].to",
    line: 4,
    message: "the closure ends (2026-07-10) before it starts (2026-07-20)",
  },
  {
    name: "a closure day that is not in the calendar",
    yaml: "calendar:\n  closed: [2026-02-30]\n",
    path: "calendar.closed[0]",
    line: 2,
    message: "2026-02-30 is not a date in the calendar",
  },
  {
    name: "reward bands without rewards",
    yaml: "rewards:\n  newOnly: true\n  bands:\n    critical: EUR 500\n    high: EUR 250\n    medium: EUR 100\n    low: swag\n",
    path: "rewards.bands",
    line: 3,
    message: "rewards.enabled is not true, so no reward is ever offered",
  },
  {
    name: "a reminder as early as the whole response time",
    yaml: "sla:\n  response: { businessDays: 3 }\n  remind: { businessDaysBefore: 3 }\n",
    path: "sla.remind.businessDaysBefore",
    line: 3,
    message: "use a number below 3",
  },
  {
    name: "a resolution deadline before the response deadline",
    yaml: "sla:\n  response:\n    businessDays: 5\n  resolution:\n    days: 2\n",
    path: "sla.resolution.days",
    line: 5,
    message: "a resolution deadline of 2 days would fall before the response deadline (5 business days)",
  },
  {
    name: "a bare e-mail address as contact",
    yaml: "policy:\n  name: Openworx Responsible Disclosure\n  contact: info@openworx.nl\n",
    path: "policy.contact",
    line: 3,
    message: 'write an e-mail address as "mailto:info@openworx.nl"',
  },
  {
    name: "a policy page over plain HTTP",
    yaml: "policy:\n  url: http://example.org/responsible-disclosure\n",
    path: "policy.url",
    line: 2,
    message: "must start with https://",
  },
  {
    name: "an asset pattern whose braces expand to more hostnames than the limit",
    yaml: "scope:\n  assets:\n    - example.org\n    - '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.example'\n",
    path: "scope.assets[1]",
    line: 4,
    message: `its { } groups expand to more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames, the limit for one pattern`,
  },
  {
    name: "an asset pattern longer than the limit",
    yaml: `scope:\n  outOfScope:\n    - ${"a".repeat(250)}.example.org\n`,
    path: "scope.outOfScope[0]",
    line: 3,
    message: `it is 262 characters long, over the limit of ${MAX_ASSET_PATTERN_LENGTH} for one pattern`,
  },
  {
    name: "an asset pattern with an unclosed brace",
    yaml: "scope:\n  codebases:\n    - name: partner-sites\n      assets: ['mijn*partner.{nl,be']\n",
    path: "scope.codebases[0].assets[0]",
    line: 4,
    message: "braces { } must be balanced",
  },
  {
    name: "a misspelt key (from the schema)",
    yaml: "publication:\n  consent: mutual\n  reveiwDays: 10\n",
    path: "publication.reveiwDays",
    line: 3,
    message: 'unknown key; did you mean "reviewDays"?',
  },
  {
    name: "a value of the wrong kind (from the schema)",
    yaml: "credit:\n  default: nickname\n",
    path: "credit.default",
    line: 2,
    message: "name",
  },
];

describe("validateConfig", () => {
  it.each(brokenConfigs)("reports $name at $path, line $line", ({ yaml, path, line, message }) => {
    const problems = validateConfig(yaml, "disclosure.yml");
    const problem = problems.find((candidate) => candidate.path === path);
    expect(problem).toMatchObject({ file: "disclosure.yml", path, line });
    expect(problem?.message).toContain(message);
    expect(problems).toHaveLength(1);
  });

  it("accepts a complete, valid config", () => {
    const yaml = [
      "language: nl",
      "policy:",
      "  name: MijnPartnerGroep Security Policy",
      "  contact: mailto:security@mijnpartnergroep.nl",
      "tracking:",
      "  repository: mijnpartnergroep/security-cases",
      "calendar:",
      "  timezone: Europe/Amsterdam",
      "  holidays: NL",
      "  closed: [2025-12-24/2026-01-02, { from: 2026-07-20, to: 2026-07-24, reason: zomersluiting }]",
      "sla:",
      "  response: { businessDays: 3 }",
      "  resolution: { days: 30 }",
      "scope:",
      "  assets: [mijnpartnergroep.nl, 'mijn*partner.{nl,be,de,eu}']",
      "exclusions:",
      "  - { id: clickjacking, unless: [sensitive-action] }",
      "  - { id: staging-hosts, title: Staging environments, match: ['staging\\.'] }",
      "conduct: [automated-scanning, { id: excess-data-access, maxRecords: 1 }]",
      "rewards: { enabled: true, bands: { critical: EUR 500, high: EUR 250, medium: EUR 100, low: none } }",
    ].join("\n");
    expect(validateConfig(yaml, "disclosure.yml", { repositoryIsPublic: () => false })).toEqual([]);
  });

  it("accepts a nested quantifier, because patterns run in RE2's linear time", () => {
    expect(validateConfig("exclusions:\n  - { id: repeated-a, match: ['(a+)+b'] }\n")).toEqual([]);
  });

  it("accepts many wildcards in one hostname, because hostnames are matched label by label in linear time", () => {
    expect(
      validateConfig("scope:\n  assets:\n    - example.org\n    - '*.a*b*c*d*e.example'\n    - 'a*a*a*a*a*a*a*a*a*a*a*a*b.example.org'\n"),
    ).toEqual([]);
  });

  it("accepts as many brace alternatives as the limit allows", () => {
    expect(validateConfig("scope:\n  assets: ['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.example']\n")).toEqual([]);
  });

  it("refuses a tracking repository the caller knows to be public", () => {
    const yaml = "tracking:\n  repository: octo-org/website\n";
    const problems = validateConfig(yaml, "disclosure.yml", {
      repositoryIsPublic: (fullName) => fullName === "octo-org/website",
    });
    expect(problems).toEqual([expect.objectContaining({ path: "tracking.repository", line: 2, column: 3 })]);
    expect(problems[0]?.message).toContain("octo-org/website is public");
    expect(validateConfig(yaml, "disclosure.yml", { repositoryIsPublic: () => undefined })).toEqual([]);
  });

  it("with today's date, flags closure days that push the response deadline weeks out", () => {
    const yaml = "calendar:\n  timezone: Europe/Amsterdam\n  closed: [2026-03-02/2026-04-30]\n";
    const now = new Date("2026-03-02T09:00:00Z");
    const problems = validateConfig(yaml, "disclosure.yml", { now });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "calendar.closed", line: 3 });
    expect(problems[0]?.message).toContain("from 2026-03-09 to 2026-05-07");
    expect(validateConfig(yaml, "disclosure.yml", { now: new Date("2026-06-01T09:00:00Z") })).toEqual([]);
    expect(validateConfig(yaml, "disclosure.yml")).toEqual([]);
  });

  it("lists schema and semantic problems together, in file order, one formatted line each", () => {
    const yaml = "calendar:\n  timezone: Mars/Olympus\nexclusions: [clickjackng]\nsla:\n  respone: {}\n";
    const lines = validateConfig(yaml, "disclosure.yml").map(formatProblem);
    expect(lines).toEqual([
      'disclosure.yml:2:3 calendar.timezone: unknown time zone "Mars/Olympus" (expected an IANA name such as Europe/Amsterdam)',
      expect.stringMatching(/^disclosure\.yml:3:14 exclusions\[0\]: unknown exclusion id "clickjackng"/),
      expect.stringMatching(/^disclosure\.yml:5:3 sla\.respone: unknown key; did you mean "response"\?/),
    ]);
  });

  it("reports a YAML syntax error alone, with its line", () => {
    const problems = validateConfig("language: en\nexclusions: [clickjacking\n", "disclosure.yml");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^YAML syntax/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });
});
