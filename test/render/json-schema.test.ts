import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { configJsonSchema, configJsonSchemaText } from "../../src/config/json-schema.js";

// ajv-formats is CommonJS: under ESM its default import is the plugin function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const committedSchema = new URL("../../schema/disclosure.schema.json", import.meta.url);

describe("the JSON Schema for editors", () => {
  it("is committed exactly as the config contract generates it (run `npm run schema` when this fails)", async () => {
    expect(await readFile(committedSchema, "utf8")).toBe(configJsonSchemaText());
  });

  it("names itself and describes what a user may write", () => {
    const schema = configJsonSchema();
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "urn:disclosure-desk:config",
      title: "Disclosure Desk configuration",
      type: "object",
      additionalProperties: false,
    });
    // io: "input": keys with defaults may be left out.
    expect(schema).not.toHaveProperty("required");
  });

  it("accepts a config a user writes and rejects a misspelt key, as an editor would", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(configJsonSchema());
    const config = parse(
      [
        "language: nl",
        "policy: { name: Security Policy, url: 'https://example.org/security', contact: 'mailto:security@example.org' }",
        "calendar: { timezone: Europe/Amsterdam, holidays: NL, closed: [2025-12-24/2026-01-02] }",
        "sla: { response: { businessDays: 3 }, resolution: { days: 30 } }",
        "exclusions: [clickjacking, { id: staging-hosts, match: ['staging\\.'] }]",
        "publication: { consent: mutual }",
      ].join("\n"),
    ) as unknown;
    expect(validate(config)).toBe(true);
    expect(validate({ sla: { respone: { businessDays: 3 } } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: "/sla",
      keyword: "additionalProperties",
      params: { additionalProperty: "respone" },
    });
  });
});
