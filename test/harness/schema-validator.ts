/** The ajv set-up and error wording shared by the REST and webhook validators. */
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * An ajv for one of GitHub's descriptions, registered under `id` so `id#/components/...` references resolve.
 * Not strict: the descriptions carry OpenAPI keywords (`example`, `readOnly`, `x-github`) ajv does not know.
 */
export function schemaValidatorFor(id: string, components: unknown): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false });
  addFormats(ajv);
  // GitHub's own format for "owner/name" (used by pull request bodies' head_repo).
  ajv.addFormat("repo.nwo", /^[\w.-]+\/[\w.-]+$/);
  ajv.addSchema({ $id: id, components });
  return ajv;
}

/**
 * One line per problem, naming the field by its dotted path under `root` (`body.credits.0.type: ...`):
 * unknown fields, missing required fields and enum values spelt out, duplicates (from `anyOf` branches) dropped.
 */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined, root: string): string[] {
  const described = new Set<string>();
  for (const error of errors ?? []) {
    const fields = error.instancePath
      .split("/")
      .slice(1)
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    const path = [root, ...fields].filter(Boolean).join(".");
    const subject = path ? `${path}: ` : "";
    switch (error.keyword) {
      case "additionalProperties":
        described.add(`${subject}unknown field "${String(error.params.additionalProperty)}"`);
        break;
      case "required":
        described.add(`${subject}missing required field "${String(error.params.missingProperty)}"`);
        break;
      case "enum":
        described.add(`${subject}must be one of ${JSON.stringify(error.params.allowedValues)}`);
        break;
      default:
        described.add(`${subject}${error.message ?? error.keyword}`);
    }
  }
  return [...described];
}

/** A query string's parameters; a repeated name gives an array. */
export function queryParameters(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}
