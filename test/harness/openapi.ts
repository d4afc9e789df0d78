/**
 * Holds requests to GitHub's own REST description (`@octokit/openapi`, api.github.com) plus Disclosure Desk's
 * preview fragment, strictly: unknown endpoints, unknown body or query fields, wrong types, missing required fields,
 * operations an installation token cannot call, and the prose-only rules GitHub documents.
 *
 * The 13 MB description is read once per process on first use (~0.5 s); each operation's validators are compiled on
 * first use, after which a request validates in microseconds.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { fixOpenApi30Nullable } from "./json-schema-fixes.js";
import { createPathMatcher, type PathMatcher } from "./path-matcher.js";
import { advisoryCommentsPreview } from "./preview-openapi.js";
import { proseRuleProblems } from "./prose-rules.js";
import { describeSchemaErrors, queryParameters, schemaValidatorFor } from "./schema-validator.js";

export interface RestRequest {
  method: string;
  /** Path with or without the `/api/v3` prefix of GitHub Enterprise Server; a query string is allowed. */
  path: string;
  query?: Record<string, unknown>;
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface RestValidation {
  operationId: string | undefined;
  problems: string[];
}

export interface RestValidationOptions {
  /** Undocumented body fields GitHub accepts, by operation id; reviewed additions only. */
  undocumentedBodyFields?: Readonly<Record<string, readonly string[]>>;
}

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}

export interface RestOperation {
  operationId: string | undefined;
  method: string;
  template: string;
  preview: boolean;
  enabledForGitHubApps: boolean;
  parameters: Parameter[];
  requestBody?: { required: boolean; jsonSchema?: Schema };
  compiled?: { path: ValidateFunction; query: ValidateFunction; body?: ValidateFunction };
  /** Response objects by status code (or `default`), as described. */
  responses: Record<string, Schema>;
  compiledResponses?: Map<string, ValidateFunction | undefined>;
}

export interface RestDescription {
  /** GitHub's description (fixed for ajv) with the preview fragment merged in. */
  document: { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };
  matcher: PathMatcher<Map<string, RestOperation>>;
  ajv: Ajv;
  /** Resolves a `#/components/...` reference within the document. */
  resolve(ref: string): Schema;
}

const componentsId = "https://api.github.com/openapi.json";
const enterprisePrefix = "/api/v3";
const httpMethods = ["get", "put", "post", "patch", "delete", "head", "options"] as const;

let cached: RestDescription | undefined;

/** The fixed, indexed description; loaded on first call and kept for the life of the process. */
export function restDescription(): RestDescription {
  cached ??= loadRestDescription();
  return cached;
}

function loadRestDescription(): RestDescription {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const document = JSON.parse(readFileSync(file, "utf8")) as RestDescription["document"];
  mergePreview(document);
  fixOpenApi30Nullable(document.components);
  fixOpenApi30Nullable(document.paths);
  fixInstallationAccount(document.paths);

  const ajv = schemaValidatorFor(componentsId, document.components);

  const resolve = (ref: string): Schema => {
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = section && name ? document.components[section]?.[name] : undefined;
    if (!target) throw new Error(`Unresolvable reference ${ref}`);
    return target as Schema;
  };

  const matcher = createPathMatcher<Map<string, RestOperation>>();
  const preview = new Set(Object.keys(advisoryCommentsPreview.paths));
  for (const [template, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as Schema[] | undefined) ?? [];
    const operations = new Map<string, RestOperation>();
    const multiSegment = new Set<string>();
    for (const method of httpMethods) {
      const operation = item[method] as Schema | undefined;
      if (!operation) continue;
      const parameters = [...shared, ...((operation.parameters as Schema[] | undefined) ?? [])].map((parameter) =>
        typeof parameter.$ref === "string" ? resolve(parameter.$ref) : parameter,
      ) as unknown as Parameter[];
      for (const parameter of parameters) {
        if ((parameter as unknown as Schema)["x-multi-segment"] === true) multiSegment.add(parameter.name);
      }
      operations.set(method.toUpperCase(), {
        operationId: operation.operationId as string | undefined,
        method: method.toUpperCase(),
        template,
        preview: preview.has(template),
        enabledForGitHubApps: (operation["x-github"] as Schema | undefined)?.enabledForGitHubApps !== false,
        parameters,
        requestBody: readRequestBody(operation.requestBody as Schema | undefined, resolve),
        responses: (operation.responses as Record<string, Schema> | undefined) ?? {},
      });
    }
    matcher.add(template, operations, multiSegment);
  }
  return { document, matcher, ajv, resolve };
}

/**
 * Where the description inlines an installation, its `account` is `allOf: [Simple User, Enterprise]` — no account
 * is both — while the `installation` component says `anyOf`. GitHub sends one or the other, so make it `anyOf`.
 */
function fixInstallationAccount(paths: RestDescription["document"]["paths"]): void {
  const stack: unknown[] = [paths];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const record = node as Schema;
    const parts = record.allOf;
    if (
      Array.isArray(parts) &&
      parts.length === 2 &&
      (parts[0] as Schema | undefined)?.title === "Simple User" &&
      (parts[1] as Schema | undefined)?.title === "Enterprise"
    ) {
      record.anyOf = parts;
      delete record.allOf;
    }
    stack.push(...Object.values(record));
  }
}

function mergePreview(document: RestDescription["document"]): void {
  const fragment = structuredClone(advisoryCommentsPreview) as unknown as RestDescription["document"];
  for (const [template, item] of Object.entries(fragment.paths)) {
    if (document.paths[template]) throw new Error(`GitHub now describes ${template}: retire the preview fragment`);
    document.paths[template] = item;
  }
  for (const [name, schema] of Object.entries(fragment.components.schemas ?? {})) {
    if (document.components.schemas?.[name]) throw new Error(`GitHub now describes the schema ${name}`);
    document.components.schemas![name] = schema;
  }
}

function readRequestBody(requestBody: Schema | undefined, resolve: RestDescription["resolve"]): RestOperation["requestBody"] {
  if (!requestBody) return undefined;
  const body = typeof requestBody.$ref === "string" ? resolve(requestBody.$ref) : requestBody;
  const content = body.content as Record<string, { schema?: Schema }> | undefined;
  const jsonSchema = content?.["application/json"]?.schema;
  return { required: body.required === true, jsonSchema };
}

/**
 * A copy of a request body schema that rejects unknown fields: GitHub publishes `additionalProperties: false` on
 * few bodies, and Octokit sends unknown parameters straight into the body. The top-level reference is inlined so
 * it can be made strict too; deeper references stay shared. `allOf` parts are left alone (each part sees only
 * some of the fields).
 */
function strictBodySchema(schema: Schema, resolve: RestDescription["resolve"]): Schema {
  const inlined = typeof schema.$ref === "string" ? resolve(schema.$ref) : schema;
  return strictCopy(inlined);
}

function strictCopy(schema: Schema): Schema {
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
      copy.$ref = componentsId + value;
    } else if (key === "properties" && isSchema(value)) {
      copy.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, isSchema(property) ? strictCopy(property) : property]),
      );
    } else if ((key === "items" || key === "additionalProperties") && isSchema(value)) {
      copy[key] = strictCopy(value);
    } else if ((key === "oneOf" || key === "anyOf") && Array.isArray(value)) {
      copy[key] = value.map((part: unknown) => (isSchema(part) ? strictCopy(part) : part));
    } else if (key === "allOf" && Array.isArray(value)) {
      copy[key] = value.map((part: unknown) => (isSchema(part) ? absoluteRefs(part) : part));
    } else {
      copy[key] = value;
    }
  }
  if (isSchema(copy.properties) && copy.additionalProperties === undefined && copy.allOf === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

/** Deep copy with `#/components/...` references pointed at the document registered with ajv. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (!isSchema(value)) return value;
  const copy: Schema = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = key === "$ref" && typeof inner === "string" && inner.startsWith("#/") ? componentsId + inner : absoluteRefs(inner);
  }
  return copy;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compileOperation(operation: RestOperation, description: RestDescription): NonNullable<RestOperation["compiled"]> {
  const parameterSchema = (location: "path" | "query"): Schema => {
    const selected = operation.parameters.filter((parameter) => parameter.in === location);
    return {
      type: "object",
      properties: Object.fromEntries(selected.map((parameter) => [parameter.name, absoluteRefs(parameter.schema ?? {})])),
      required: selected.filter((parameter) => parameter.required || location === "path").map((parameter) => parameter.name),
      additionalProperties: false,
    };
  };
  const bodySchema = operation.requestBody?.jsonSchema;
  return {
    path: description.ajv.compile(parameterSchema("path")),
    query: description.ajv.compile(parameterSchema("query")),
    body: bodySchema ? description.ajv.compile(strictBodySchema(bodySchema, description.resolve)) : undefined,
  };
}

/** Finds the operation a request is for, with its decoded path parameters. */
export function findRestOperation(method: string, path: string): { operation: RestOperation; params: Record<string, string> } | undefined {
  const bare = stripEnterprisePrefix(path.split("?")[0]!);
  const match = restDescription().matcher.match(bare);
  const operation = match?.route.get(method.toUpperCase());
  return match && operation ? { operation, params: match.params } : undefined;
}

/** `/api/v3/repos/...` (GitHub Enterprise Server) → `/repos/...`. */
export function stripEnterprisePrefix(path: string): string {
  return path === enterprisePrefix || path.startsWith(`${enterprisePrefix}/`) ? path.slice(enterprisePrefix.length) || "/" : path;
}

/** Validates one request against GitHub's REST description; `problems` is empty when GitHub would accept it. */
export function validateRestRequest(request: RestRequest, options: RestValidationOptions = {}): RestValidation {
  const description = restDescription();
  const [pathOnly, queryString] = request.path.split("?", 2) as [string, string | undefined];
  const found = findRestOperation(request.method, pathOnly);
  if (!found) {
    return { operationId: undefined, problems: [`no such endpoint: ${request.method.toUpperCase()} ${pathOnly}`] };
  }
  const { operation, params } = found;
  const label = operation.operationId ?? `${operation.method} ${operation.template}`;
  const problems: string[] = [];

  if (!operation.enabledForGitHubApps && !isAppJwt(request.headers)) {
    problems.push(`${label} is not available to GitHub App installations (x-github.enabledForGitHubApps: false)`);
  }

  operation.compiled ??= compileOperation(operation, description);
  const { compiled } = operation;

  const pathValues = coerceParameters(params, operation.parameters, "path");
  if (!compiled.path(pathValues)) problems.push(...describeParameterErrors(compiled.path.errors, "path parameter"));

  const rawQuery = { ...queryParameters(new URLSearchParams(queryString)), ...(request.query ?? {}) };
  const queryValues = coerceParameters(rawQuery, operation.parameters, "query");
  if (!compiled.query(queryValues)) problems.push(...describeParameterErrors(compiled.query.errors, "query parameter"));

  problems.push(...bodyProblems(operation, request.body, options));
  if (operation.operationId) {
    problems.push(...proseRuleProblems({ operationId: operation.operationId, query: queryValues, body: request.body }));
  }
  return { operationId: operation.operationId, problems: problems.map((problem) => `${label}: ${problem}`) };
}

function bodyProblems(operation: RestOperation, body: unknown, options: RestValidationOptions): string[] {
  const empty = body === undefined || body === null || body === "";
  const declared = operation.requestBody;
  if (!declared) return empty ? [] : ["this operation takes no request body"];
  if (empty) return declared.required ? ["request body is required"] : [];
  const validate = operation.compiled?.body;
  if (!validate || validate(body)) return [];
  const allowed = new Set(options.undocumentedBodyFields?.[operation.operationId ?? ""] ?? []);
  const errors = (validate.errors ?? []).filter(
    (error) =>
      !(error.keyword === "additionalProperties" && error.instancePath === "" && allowed.has(String(error.params.additionalProperty))),
  );
  return describeSchemaErrors(errors, "body");
}

/** Path and query values arrive as strings; turn them into what their schemas describe before validating. */
function coerceParameters(values: Record<string, unknown>, parameters: Parameter[], location: "path" | "query"): Record<string, unknown> {
  const coerced: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const schema = parameters.find((parameter) => parameter.in === location && parameter.name === name)?.schema;
    coerced[name] = coerceValue(value, schema);
  }
  return coerced;
}

function coerceValue(value: unknown, schema: Schema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (Array.isArray(value)) {
    return type === "array" ? value.map((item) => coerceValue(item, schema?.items as Schema | undefined)) : value;
  }
  if (typeof value !== "string") return value;
  switch (type) {
    case "integer":
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case "number":
      return value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    case "array":
      // Octokit joins array query parameters with commas.
      return value.split(",").map((item) => coerceValue(item, schema?.items as Schema | undefined));
    default:
      return value;
  }
}

/** An app JWT (header.payload.signature) rather than an installation token. */
function isAppJwt(headers: RestRequest["headers"]): boolean {
  const raw = headers?.authorization ?? headers?.Authorization;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && /^bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i.test(value.trim());
}

/** Parameters are validated as one object per location; word the problems per parameter. */
function describeParameterErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return describeSchemaErrors(errors, "").map((problem) => {
    const unknownOrMissing = /^(unknown|missing required) field "(.+)"$/.exec(problem);
    if (unknownOrMissing) return `${unknownOrMissing[1]} ${where} "${unknownOrMissing[2]}"`;
    const [field, ...message] = problem.split(": ");
    const name = field!.split(".")[0];
    return `${where} "${name}"${field!.includes(".") ? ` (${field})` : ""}: ${message.join(": ")}`;
  });
}

export interface RestResponse {
  method: string;
  path: string;
  status: number;
  /** Parsed JSON body; `undefined` for an empty body. */
  body: unknown;
}

/**
 * Problems with a response against the description's schema for that status, so a stand-in answers with the shapes
 * the app will meet on GitHub. The schema is used as published (no added strictness): GitHub may send more fields.
 */
export function validateRestResponse(response: RestResponse): string[] {
  const found = findRestOperation(response.method, response.path);
  if (!found) return [`no such endpoint: ${response.method.toUpperCase()} ${response.path}`];
  const { operation } = found;
  const label = operation.operationId ?? `${operation.method} ${operation.template}`;
  const status = String(response.status);
  const described = operation.responses[status] ?? operation.responses.default;
  if (!described) return [`${label}: status ${status} is not a documented response`];
  operation.compiledResponses ??= new Map();
  if (!operation.compiledResponses.has(status)) {
    const resolved = typeof described.$ref === "string" ? restDescription().resolve(described.$ref) : described;
    const schema = (resolved.content as Record<string, { schema?: Schema }> | undefined)?.["application/json"]?.schema;
    operation.compiledResponses.set(status, schema ? restDescription().ajv.compile(absoluteRefs(schema) as Schema) : undefined);
  }
  const validate = operation.compiledResponses.get(status);
  if (!validate || validate(response.body)) return [];
  return describeSchemaErrors(validate.errors, "body").map((problem) => `${label} ${status} response: ${problem}`);
}
