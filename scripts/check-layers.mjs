// Checks the layers of docs/architecture.md (rules in .dependency-cruiser.cjs) over src/ and fails on any
// violation not listed below. An exception that no longer occurs also fails, so the list only shrinks.
// Usage: node scripts/check-layers.mjs [folder]   (default: this repository; a folder holding its own src/ tree
// is checked with the same rules, which is how test/architecture proves the check fails on a violation).
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { cruise } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const repository = resolve(import.meta.dirname, "..");
const baseDir = resolve(process.argv[2] ?? repository);

/** Imports that still cross a layer, each with why it is not moved yet. Keep this list short. */
const exceptions = [];

const { forbidden, options } = createRequire(import.meta.url)(resolve(repository, ".dependency-cruiser.cjs"));
const ownTsConfig = resolve(baseDir, "tsconfig.json");
const tsConfigFile = existsSync(ownTsConfig) ? ownTsConfig : resolve(repository, "tsconfig.json");
const previousDirectory = process.cwd();
process.chdir(baseDir);
const result = await cruise(
  ["src"],
  { ...options, ruleSet: { forbidden, options }, validate: true, baseDir, tsConfig: { fileName: tsConfigFile } },
  { tsConfig: tsConfigFile },
  { tsConfig: extractTSConfig(tsConfigFile) },
);
process.chdir(previousDirectory);

const matches = (exception, violation) =>
  exception.rule === violation.rule.name && exception.from === violation.from && exception.to === violation.to;
const violations = result.output.summary.violations.filter((violation) => violation.rule.severity === "error");
const unexpected = violations.filter((violation) => !exceptions.some((exception) => matches(exception, violation)));
const stale =
  baseDir === repository ? exceptions.filter((exception) => !violations.some((violation) => matches(exception, violation))) : [];

for (const violation of unexpected) {
  const cycle = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name ?? step).join(" → ")})` : "";
  console.error(`${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`);
}
for (const exception of stale)
  console.error(`no longer happens, remove the exception: ${exception.rule}: ${exception.from} → ${exception.to}`);
console.log(
  `layers: ${result.output.summary.totalCruised} modules, ${unexpected.length} violations, ${violations.length - unexpected.length} known exceptions`,
);
process.exit(unexpected.length > 0 || stale.length > 0 ? 1 : 0);
