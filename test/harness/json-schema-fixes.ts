/**
 * GitHub's descriptions are not quite JSON Schema, and ajv is strict about the difference. These rewrites are
 * applied once, in place, to a freshly parsed document before any schema is compiled from it.
 */

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 `nullable: true` → JSON Schema: `type: [t, "null"]`, `null` added to an `enum`, and an `anyOf`
 * with `{ type: "null" }` where there is no `type` (a bare `nullable` next to `oneOf`/`allOf`/`$ref` makes ajv throw).
 */
export function fixOpenApi30Nullable(root: unknown): void {
  walk(root, (node) => {
    if (!("nullable" in node)) return;
    const nullable = node.nullable === true;
    delete node.nullable;
    if (!nullable) return;
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
    if (typeof node.type === "string") {
      node.type = [node.type, "null"];
      return;
    }
    if (Array.isArray(node.type)) {
      if (!node.type.includes("null")) node.type = [...node.type, "null"];
      return;
    }
    const inner: SchemaNode = {};
    for (const key of Object.keys(node)) {
      if (key === "description" || key === "title") continue;
      inner[key] = node[key];
      delete node[key];
    }
    node.anyOf = [inner, { type: "null" }];
  });
}

/**
 * The webhooks description (OpenAPI 3.1) turns some nullable references into `allOf: [X]` with `type: ["null"]`,
 * which only `null` satisfies (`repository_advisory.author`, `publisher`, `private_fork` among them).
 * GitHub sends the object there, so the field becomes `anyOf: [X, null]`.
 */
export function fixNullOnlyReferences(root: unknown): void {
  walk(root, (node) => {
    const type = node.type;
    if (!Array.isArray(type) || type.length !== 1 || type[0] !== "null") return;
    if (!Array.isArray(node.allOf) && typeof node.$ref !== "string") return;
    const inner: SchemaNode = {};
    if (node.allOf) inner.allOf = node.allOf;
    if (node.$ref) inner.$ref = node.$ref;
    delete node.allOf;
    delete node.$ref;
    delete node.type;
    node.anyOf = [inner, { type: "null" }];
  });
}

/** Keywords whose value maps names to schemas: the map itself is not a schema, even with a key named `nullable`. */
const schemaMapKeywords = new Set(["properties", "patternProperties", "definitions", "$defs", "schemas"]);

function walk(value: unknown, visit: (node: SchemaNode) => void): void {
  const stack: { value: unknown; isSchemaMap: boolean }[] = [{ value, isSchemaMap: false }];
  while (stack.length > 0) {
    const { value: current, isSchemaMap } = stack.pop()!;
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, isSchemaMap: false });
    } else if (isNode(current)) {
      if (!isSchemaMap) visit(current);
      for (const key of Object.keys(current)) {
        // Examples are data, not schemas: a `nullable` key inside one must stay as it is.
        if (!isSchemaMap && (key === "example" || key === "examples")) continue;
        stack.push({ value: current[key], isSchemaMap: !isSchemaMap && schemaMapKeywords.has(key) });
      }
    }
  }
}
