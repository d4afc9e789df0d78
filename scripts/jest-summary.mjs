// Runs jest and ends with a plain "N passed, N failed" line, keeping jest's exit code.
// Arguments are passed through to jest (for example a config file or a test path).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const resultDir = mkdtempSync(join(tmpdir(), "disclosure-desk-jest-"));
const resultFile = join(resultDir, "result.json");
const jest = spawnSync(
  process.execPath,
  [
    "--experimental-vm-modules",
    // For the growth checks of test/helpers/cost.ts, which collect the heap before they measure.
    "--expose-gc",
    "node_modules/jest/bin/jest.js",
    "--json",
    `--outputFile=${resultFile}`,
    "--silent=false",
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
);
let summary = "0 passed, 0 failed";
try {
  const result = JSON.parse(readFileSync(resultFile, "utf8"));
  summary = `${result.numPassedTests} passed, ${result.numFailedTests} failed`;
  if (result.numPendingTests > 0) summary += `, ${result.numPendingTests} skipped`;
} catch {
  summary = "0 passed, 1 failed";
}
rmSync(resultDir, { recursive: true, force: true });
console.log(summary);
process.exit(jest.status ?? 1);
