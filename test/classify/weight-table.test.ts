import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { weightTable } from "../../src/policy/weight-table.js";
import { randomSource } from "../helpers/random.js";

/** The plain sum the vectors must give: per class, the listed rows' weights added one by one. */
function plainSums(table: Int16Array, classes: number, starts: readonly number[]): number[] {
  return Array.from({ length: classes }, (_, index) => starts.reduce((sum, start) => sum + (table[start + index] ?? 0), 0));
}

describe("the weight table", () => {
  it("runs weight-sums.wat as it compiles now (run `npm run build:wasm` when this fails)", () => {
    // The script that writes the module checks it, so the module is compiled one way only.
    const repository = fileURLToPath(new URL("../..", import.meta.url));
    const check = spawnSync(process.execPath, ["scripts/build-wasm.mjs", "--check"], { cwd: repository, encoding: "utf8" });
    expect(`${check.stdout}${check.stderr}`).toMatch(
      /^src\/policy\/weight-sums-module\.ts is src\/policy\/weight-sums\.wat compiled \(\d+ bytes\)\n$/,
    );
    expect(check.status).toBe(0);
  });

  it("sums the listed rows as adding one weight at a time does, for every class count from 1 to 40", () => {
    const random = randomSource(4242);
    for (let classes = 1; classes <= 40; classes++) {
      const rows = 50 + Math.floor(random() * 50);
      const weights = weightTable(rows, classes, 1_000);
      for (let index = 0; index < rows * classes; index++) {
        // The extremes a weight can take come up too, so that a sum that overflowed a lane of two bytes would show.
        const draw = random();
        weights.table[index] = draw < 0.1 ? 32_767 : draw < 0.2 ? -32_767 : Math.floor(random() * 65_535) - 32_767;
      }
      for (let report = 0; report < 20; report++) {
        // The last row is listed often: a vector read at its start reaches past the table's end.
        const starts = Array.from({ length: Math.floor(random() * 300) }, () =>
          random() < 0.2 ? (rows - 1) * classes : Math.floor(random() * rows) * classes,
        );
        for (const start of starts) weights.list(start);
        expect([...weights.sumListed().subarray(0, classes)]).toEqual(plainSums(weights.table, classes, starts));
      }
    }
  });

  it("refuses a row beyond the most it may list, and sums the next report's rows from an empty list", () => {
    const weights = weightTable(3, 2, 4);
    weights.table.set([1, 2, 10, 20, 100, 200]);
    for (let listed = 0; listed < 4; listed++) weights.list(0);
    expect(() => weights.list(2)).toThrow("a sum takes at most 4 rows");
    weights.list(2);
    weights.list(4);
    expect([...weights.sumListed().subarray(0, 2)]).toEqual([110, 220]);
    // The control: a sum empties the list, so the next sum is of nothing.
    expect([...weights.sumListed().subarray(0, 2)]).toEqual([0, 0]);
  });
});
