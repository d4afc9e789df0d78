import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { validateConfig } from "../../src/config/validate.js";

/** A quoted policy sentence that says something its key does not enforce is a config problem, at the sentence's line. */
const mismatches: { name: string; yaml: string; path: string; line: number; message: string }[] = [
  {
    name: "a response time in words that is not sla.response",
    yaml: "sla: { response: { businessDays: 5 } }\nstatements:\n  promises:\n    - We will respond within three business days.\n",
    path: "statements.promises[0]",
    line: 4,
    message: 'says "within three business days", but sla.response.businessDays is 5',
  },
  {
    name: "a resolution time with no sla.resolution",
    yaml: "statements:\n  promises:\n    - The problem will be resolved within 30 days of the report.\n",
    path: "statements.promises[0]",
    line: 3,
    message: 'says "within 30 days of", but sla.resolution is not set',
  },
  {
    name: "a record limit that the conduct rule does not hold",
    yaml: "conduct: [{ id: excess-data-access, maxRecords: 5 }]\nstatements:\n  conduct:\n    - Read out a maximum of 1 record.\n",
    path: "statements.conduct[0]",
    line: 4,
    message: 'says "a maximum of 1 record", but conduct excess-data-access has maxRecords: 5',
  },
  {
    name: "a safe-harbour promise without policy.safeHarbor",
    yaml: "statements:\n  promises:\n    - We will not take any legal action against you.\n",
    path: "statements.promises[0]",
    line: 3,
    message: "promises no legal action, but policy.safeHarbor is false",
  },
  {
    name: "mutual consent the publication gate does not require",
    yaml: "publication: { consent: researcher-informed }\nstatements:\n  publication:\n    - A publication may only be placed with mutual consent.\n",
    path: "statements.publication[0]",
    line: 4,
    message: "names mutual consent, but publication.consent is researcher-informed",
  },
  {
    name: "a reporting address that is not policy.contact",
    yaml: "policy: { contact: 'mailto:security@example.org' }\nstatements:\n  reporting:\n    - E-mail your findings to info@example.org\n",
    path: "statements.reporting[0]",
    line: 4,
    message: "names info@example.org, but policy.contact is mailto:security@example.org",
  },
];

describe("statements against the keys that enforce them", () => {
  it.each(mismatches)("reports $name", ({ yaml, path, line, message }) => {
    const problems = validateConfig(yaml, "disclosure.yml");
    expect(problems).toContainEqual(expect.objectContaining({ path, line, message }));
  });

  it.each(["openworx", "mijnpartnergroep"])("finds nothing in examples/%s.yml, whose statements agree with its keys (control)", (name) => {
    const text = readFileSync(new URL(`../../examples/${name}.yml`, import.meta.url), "utf8");
    expect(validateConfig(text, `${name}.yml`)).toEqual([]);
  });

  it("accepts the same sentences when the keys agree (control)", () => {
    const yaml = [
      "policy: { contact: 'mailto:info@example.org', safeHarbor: true }",
      "sla: { response: { businessDays: 3 }, resolution: { days: 30 } }",
      "conduct: [{ id: excess-data-access, maxRecords: 1 }]",
      "publication: { consent: mutual }",
      "statements:",
      "  reporting: ['E-mail your findings to info@example.org']",
      "  conduct: ['Read out a maximum of 1 record.']",
      "  promises: ['We will respond within three business days.', 'The problem will be resolved within 30 days of the report.', 'We will not take any legal action against you.']",
      "  publication: ['A publication may only be placed with mutual consent.']",
    ].join("\n");
    expect(validateConfig(yaml, "disclosure.yml")).toEqual([]);
  });
});
