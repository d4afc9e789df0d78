/**
 * Validates webhook payloads against GitHub's webhook schemas (`@octokit/openapi-webhooks`, api.github.com), with
 * the null-only `author`/`publisher`/`private_fork` of `repository_advisory` repaired. Loaded once, on first use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ValidateFunction } from "ajv";
import { fixNullOnlyReferences } from "./json-schema-fixes.js";
import { describeSchemaErrors, schemaValidatorFor } from "./schema-validator.js";

export {
  installation,
  issueCommentCreatedPayload,
  issuesOpenedPayload,
  maintainer,
  octoOrg,
  publicRepository,
  reportedGhsaId,
  repositoryAdvisoryReportedPayload,
  researcher,
  type WebhookPayload,
} from "../fixtures/webhook-payloads.js";

const schemasId = "https://api.github.com/webhooks.json";

interface WebhookSchemas {
  ajv: Ajv;
  webhooks: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }>;
  validators: Map<string, ValidateFunction>;
}

let cached: WebhookSchemas | undefined;

function webhookSchemas(): WebhookSchemas {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi-webhooks/generated/api.github.com.json");
  const document = JSON.parse(readFileSync(file, "utf8")) as {
    webhooks: WebhookSchemas["webhooks"];
    components: Record<string, unknown>;
  };
  fixNullOnlyReferences(document.components);
  cached = { ajv: schemaValidatorFor(schemasId, document.components), webhooks: document.webhooks, validators: new Map() };
  return cached;
}

/** The description's key for an event and action: `repository_advisory` + `reported` → `repository-advisory-reported`. */
function webhookKey(event: string, payload: unknown): string {
  const action = typeof payload === "object" && payload !== null ? (payload as { action?: unknown }).action : undefined;
  const base = event.replace(/_/g, "-");
  return typeof action === "string" ? `${base}-${action.replace(/_/g, "-")}` : base;
}

/** Problems with a webhook payload for `event` (the `X-GitHub-Event` name); empty when GitHub could send it. */
export function validateWebhookPayload(event: string, payload: unknown): string[] {
  const schemas = webhookSchemas();
  const key = webhookKey(event, payload);
  let validate = schemas.validators.get(key);
  if (!validate) {
    const ref = schemas.webhooks[key]?.post?.requestBody?.content?.["application/json"]?.schema?.$ref;
    if (!ref) return [`no webhook schema for ${key} (event "${event}")`];
    validate = schemas.ajv.compile({ $ref: schemasId + ref });
    schemas.validators.set(key, validate);
  }
  if (validate(payload)) return [];
  return describeSchemaErrors(validate.errors, "").map((problem) => `${key}: ${problem}`);
}
