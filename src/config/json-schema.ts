import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * The JSON Schema editors use to complete and check `.github/disclosure.yml`. It describes what a user may
 * write (`io: "input"`: keys with defaults are optional), straight from the zod contract, so the two cannot
 * drift; `npm run schema` writes it to `schema/disclosure.schema.json` and a test fails when that is stale.
 */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(configSchema, { io: "input" });
  return {
    $schema,
    $id: "urn:disclosure-desk:config",
    title: "Disclosure Desk configuration",
    description:
      "The coordinated vulnerability disclosure policy Disclosure Desk runs: .github/disclosure.yml in a " +
      "repository, or in the organisation's .github repository for every repository at once.",
    ...generated,
  };
}

/** The committed file's exact text: two-space indentation and a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
