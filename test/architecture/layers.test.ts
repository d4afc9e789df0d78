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
  it.each<[string, string, RegExp]>([
    [
      "the pure layer imports src/github, even for a type only",
      "type-only-upward",
      /pure-imports-pure: src\/policy\/rule\.ts → src\/github\/client\.ts/,
    ],
    ["there is an import cycle inside one layer", "cycle", /no-cycle: src\/case\/(first|second)\.ts → src\/case\/(first|second)\.ts/],
    [
      "a feature imports a feature of its own tier",
      "sideways-feature",
      /features-import-lower-tiers: src\/commands\/command\.ts → src\/containment\/hiding\.ts/,
    ],
  ])(
    "fails when %s",
    (_case, fixture, violation) => {
      const result = checkLayers(fixture);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(violation);
    },
    60_000,
  );

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
