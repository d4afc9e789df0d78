import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The layer rule of docs/architecture.md as `npm run lint` runs it (scripts/check-layers.mjs with
 * .dependency-cruiser.cjs), on small src/ trees that each break it in one way, and on this repository.
 */

const repository = fileURLToPath(new URL("../..", import.meta.url));

function checkLayers(fixture?: string): { status: number | null; output: string } {
  const folder = fixture === undefined ? [] : [fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url))];
  const run = spawnSync(process.execPath, ["scripts/check-layers.mjs", ...folder], { cwd: repository, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the layer rule", () => {
  it("fails when the pure layer imports src/github, even for a type only", () => {
    const result = checkLayers("type-only-upward");
    expect(result.status).toBe(1);
    expect(result.output).toContain("pure-imports-pure: src/policy/rule.ts → src/github/client.ts");
  }, 60_000);

  it("fails on an import cycle inside one layer", () => {
    const result = checkLayers("cycle");
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/no-cycle: src\/case\/(first|second)\.ts → src\/case\/(first|second)\.ts/);
  }, 60_000);

  it("fails when a feature imports a feature of its own tier", () => {
    const result = checkLayers("sideways-feature");
    expect(result.status).toBe(1);
    expect(result.output).toContain("features-import-lower-tiers: src/commands/command.ts → src/intake/opening.ts");
  }, 60_000);

  it("passes a tree whose imports all point down: policy ← github ← closing ← commands", () => {
    const result = checkLayers("downward");
    expect(result.output).toContain("layers: 4 modules, 0 violations");
    expect(result.status).toBe(0);
  }, 60_000);

  it("passes this repository's src/ with no violation beyond the listed exceptions", () => {
    const result = checkLayers();
    expect(result.output).toMatch(/layers: \d+ modules, 0 violations/);
    expect(result.status).toBe(0);
  }, 60_000);
});
