import { describe, expect, it } from "@jest/globals";
import { batchLineSchema, parseBatchLine } from "../../src/cli/triage-batch.js";
import { randomSource } from "../helpers/random.js";

/** A batch line as the schema alone reads it: the output, or the first problem as the command prints it. */
function bySchema(line: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return "not a JSON object";
  }
  const result = batchLineSchema.safeParse(json);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  return `${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}`;
}

describe("batch lines", () => {
  it("are read as the schema reads them, whether or not they take the shortcut for plain reports", () => {
    // Values of every JSON type and the edges of each field's rule, drawn with a fixed seed.
    // "1e400" is written into the line as a number, which JSON reads as Infinity.
    const ids = ["r1", "r2", 7, 0, -0, 1.5, "", "1e400", null, true, [], {}];
    const texts = ["Title", "", "Body", 3, null, false, ["x"]];
    const optional: Record<string, readonly unknown[]> = {
      receivedAt: ["2026-04-24T10:00:00Z", "2026-04-24T10:00", null, 5],
      severity: ["high", "severe", null],
      cvssVector: ["CVSS:3.1/AV:N", 9, null],
      repository: ["octo-org/widgets", false],
      source: ["github-issues"],
    };
    // The same lines on every run.
    const random = randomSource(17);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    let plain = 0;
    for (let run = 0; run < 3_000; run++) {
      const fields: Record<string, unknown> = {};
      if (pick([true, true, true, false])) fields.id = pick([...ids.slice(0, 3), ...ids]);
      if (pick([true, true, true, false])) fields.title = pick([...texts.slice(0, 3), ...texts]);
      if (pick([true, true, true, false])) fields.body = pick([...texts.slice(0, 3), ...texts]);
      for (const [key, values] of Object.entries(optional)) if (pick([true, false, false, false, false, false])) fields[key] = pick(values);
      const line =
        pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) === 0
          ? pick(["[1]", '"x"', "null", "{", "12"])
          : JSON.stringify(fields).replace('"1e400"', "1e400");
      const expected = bySchema(line);
      expect(parseBatchLine(line)).toEqual(expected);
      if (typeof expected === "object" && Object.keys(expected as object).length === 3) plain += 1;
    }
    // The control: many lines were plain reports, and many were not.
    expect(plain).toBeGreaterThan(50);
    expect(plain).toBeLessThan(2_700);
  });
});
