import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";

const root = fileURLToPath(new URL("../../", import.meta.url));
const binary = `${root}dist/cli/main.js`;
const sources = ["src/cli/main.ts", "src/cli/run-cli.ts", "src/cli/triage-command.ts", "src/policy/triage.ts"];

/** The binary is what `npm run build` produced; rebuild when it is missing or older than the sources it runs. */
beforeAll(() => {
  const builtAt = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (sources.some((source) => statSync(`${root}${source}`).mtimeMs > builtAt)) {
    spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  }
  expect(existsSync(binary)).toBe(true);
}, 180_000);

function run(args: string[], input = "") {
  return spawnSync(process.execPath, [binary, ...args], { cwd: root, input, encoding: "utf8" });
}

describe("the disclosure-desk binary", () => {
  it("starts with a node shebang", () => {
    const result = spawnSync("head", ["-1", binary], { encoding: "utf8" });
    expect(result.stdout).toBe("#!/usr/bin/env node\n");
  });

  it("triages a report from standard input against an example policy", () => {
    const result = run(
      ["triage", "--policy", "examples/mijnpartnergroep.yml", "--received-at", "2026-04-24T10:00:00+02:00", "-"],
      "# Logout CSRF\n\nAny site logs users out of https://mijnpartnergroep.nl: <img src=https://mijnpartnergroep.nl/logout>\n",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.labels).toEqual(["disclosure", "state:triage", "scope:in", "excluded:csrf-unauthenticated"]);
    expect(output.sla).toEqual({ responseDue: "2026-04-30T21:59:59.999Z", resolutionDue: "2026-05-24T21:59:59.999Z" });
  });

  it("exits 2 with usage on a bad command line", () => {
    const result = run(["triage"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--policy <config.yml> is required");
  });
});
