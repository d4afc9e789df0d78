import type { z } from "zod";
import { closest } from "./closest.js";
import { parseConfigDocument } from "./config-document.js";
import { configSchema, type DisclosureConfig } from "./schema.js";
import { applyPresets } from "./presets.js";
import { unusableEntries } from "./unusable-entries.js";
import type { ConfigProblem, KeyPath, Locate } from "./config-problem.js";

export { parseConfigDocument, type ParsedConfigDocument } from "./config-document.js";

export interface ResolvedConfig {
  config: DisclosureConfig;
  /** Empty when the file is valid. When not, `config` holds every valid section and safe defaults for the rest. */
  errors: ConfigProblem[];
}

const topLevelKeys = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

/**
 * Validates an already-parsed config object. An invalid section falls back to its defaults while the valid
 * sections are kept, so a typo in `sla` never sends a report to a different tracking repository. A section holding
 * an entry the policy engine cannot use (see `unusableEntries`) is invalid too, so triage never has to refuse one.
 */
export function resolveConfig(raw: unknown, options: { file?: string; locate?: Locate } = {}): ResolvedConfig {
  const { config, errors } = resolveSchema(raw, options);
  const unusable = unusableEntries(config);
  if (unusable.length === 0) return { config, errors };
  const sections: Record<string, unknown> = { ...config };
  for (const { path } of unusable) {
    const key = path[0] as keyof typeof configSchema.shape;
    sections[key] = configSchema.shape[key].parse(undefined);
  }
  return {
    config: sections as DisclosureConfig,
    errors: [...errors, ...unusable.map(({ path, message }) => withPosition({ path: formatPath(path), message }, path, options))],
  };
}

function resolveSchema(raw: unknown, options: { file?: string; locate?: Locate }): ResolvedConfig {
  const input = isPlainObject(raw) ? applyPresets(raw) : (raw ?? {});
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { config: parsed.data, errors: [] };

  const errors = parsed.error.issues.flatMap((issue) => describeIssue(issue, options));
  if (!isPlainObject(input)) return { config: configSchema.parse({}), errors };

  const salvaged: Record<string, unknown> = {};
  for (const key of topLevelKeys) {
    const section = configSchema.shape[key].safeParse(input[key]);
    salvaged[key] = section.success ? section.data : configSchema.shape[key].parse(undefined);
  }
  return { config: salvaged as DisclosureConfig, errors };
}

/** Parses and validates one file, with file, line and column on every problem. Never throws: see `parseConfigDocument`. */
export function parseConfigText(text: string, file = "disclosure.yml"): ResolvedConfig {
  const document = parseConfigDocument(text, file);
  const resolved = resolveConfig(document.raw, { file, locate: document.locate });
  return { config: resolved.config, errors: [...document.problems, ...resolved.errors] };
}

/** One line a problem: `disclosure.yml:4:3 sla.respone: unknown key; did you mean "response"?` */
export function formatProblem(problem: ConfigProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  const prefix = where ? `${where} ` : "";
  return `${prefix}${problem.path ? `${problem.path}: ` : ""}${problem.message}`;
}

function describeIssue(issue: z.core.$ZodIssue, options: { file?: string; locate?: Locate }): ConfigProblem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(path);
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const suggestion = closest(key, known);
      return withPosition(
        {
          path: formatPath(keyPath),
          message: `unknown key${suggestion ? `; did you mean "${suggestion}"?` : ""} (known: ${known.join(", ")})`,
        },
        keyPath,
        options,
      );
    });
  }
  return [withPosition({ path: formatPath(path), message: issue.message }, path, options)];
}

function withPosition(
  problem: Pick<ConfigProblem, "path" | "message">,
  path: KeyPath,
  options: { file?: string; locate?: Locate },
): ConfigProblem {
  // A missing key has no position of its own: point at the closest enclosing key that is written.
  let position: ReturnType<Locate>;
  for (let length = path.length; !position && length >= 0 && options.locate; length--) {
    position = options.locate(path.slice(0, length));
  }
  const file = position?.file ?? options.file;
  return {
    ...(file ? { file } : {}),
    ...problem,
    ...(position ? { line: position.line, column: position.column } : {}),
  };
}

/** `["exclusions", 2, "id"]` → `exclusions[2].id`, the form every problem's `path` takes. */
export function formatPath(path: KeyPath): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
}

/** The keys an object in the schema accepts at `path`, looking through defaults, optionals, arrays and unions. */
function knownKeysAt(path: KeyPath): string[] {
  let candidates: z.core.$ZodType[] = [configSchema];
  for (const part of path) {
    candidates = candidates.flatMap((schema) => childSchemas(unwrap(schema), part));
  }
  const keys = new Set<string>();
  for (const schema of candidates) {
    const def = unwrap(schema)._zod.def;
    if (def.type === "object") Object.keys((def as z.core.$ZodObjectDef).shape).forEach((key) => keys.add(key));
    if (def.type === "union") {
      for (const option of (def as z.core.$ZodUnionDef).options) {
        const optionDef = unwrap(option)._zod.def;
        if (optionDef.type === "object") {
          Object.keys((optionDef as z.core.$ZodObjectDef).shape).forEach((key) => keys.add(key));
        }
      }
    }
  }
  return [...keys];
}

function childSchemas(schema: z.core.$ZodType, part: string | number): z.core.$ZodType[] {
  const def = schema._zod.def;
  if (def.type === "object" && typeof part === "string") {
    const child = (def as z.core.$ZodObjectDef).shape[part];
    return child ? [child] : [];
  }
  if (def.type === "array" && typeof part === "number") return [(def as z.core.$ZodArrayDef).element];
  if (def.type === "union") {
    return (def as z.core.$ZodUnionDef).options.flatMap((option) => childSchemas(unwrap(option), part));
  }
  return [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType };
    if ((def.type === "default" || def.type === "optional" || def.type === "prefault") && def.innerType) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
