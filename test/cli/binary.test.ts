import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";

const root = fileURLToPath(new URL("../../", import.meta.url));
const binary = `${root}dist/cli/main.js`;
const sources = [
  "src/cli/main.ts",
  "src/cli/run-cli.ts",
  "src/cli/triage-command.ts",
  "src/cli/triage-batch.ts",
  "src/cli/triage-threads.ts",
  "src/cli/triage-worker.ts",
  "src/policy/triage.ts",
];

/** The binary is what `npm run build` produced; rebuild when it is missing or older than the sources it runs. */
beforeAll(() => {
  const builtAt = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (sources.some((source) => statSync(`${root}${source}`).mtimeMs > builtAt)) {
    spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  }
  expect(existsSync(binary)).toBe(true);
}, 180_000);

function run(args: string[], input = "") {
  return spawnSync(process.execPath, [binary, ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
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

  it("stops quietly when its reader closes the output early", () => {
    const stored = readFileSync(`${root}data/triage.jsonl`, "utf8").split("\n").filter(Boolean).slice(0, 2_000);
    const folder = mkdtempSync(join(tmpdir(), "triage-pipe-"));
    try {
      // Some 2 MB of decisions, far beyond what a pipe holds, so that writing goes on after the reader has gone.
      writeFileSync(join(folder, "reports.jsonl"), `${stored.join("\n")}\n`);
      const command = `"${process.execPath}" "${binary}" triage --policy examples/openworx.yml --batch "${join(folder, "reports.jsonl")}"`;
      const result = spawnSync("bash", ["-c", `${command} | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`], {
        cwd: root,
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe("status 0\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("exits 2 with usage on a bad command line", () => {
    const result = run(["triage"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--policy <config.yml> is required");
  });

  it("gives a batch shared among threads the output of one thread, line errors in their place", () => {
    const stored = readFileSync(`${root}data/triage.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { title: string; body?: string });
    const lines = Array.from({ length: 2_500 }, (_, index) => {
      if (index % 400 === 7) return "{ not json";
      const report = stored[index % stored.length]!;
      const receivedAt = index % 3 === 0 ? { receivedAt: `2026-04-${String(1 + (index % 28)).padStart(2, "0")}T10:00:00Z` } : {};
      return JSON.stringify({ id: `r${index}`, title: report.title, body: report.body ?? "", ...receivedAt });
    });
    const folder = mkdtempSync(join(tmpdir(), "triage-batch-"));
    try {
      writeFileSync(join(folder, "reports.jsonl"), `${lines.join("\n")}\n`);
      const batch = (threads: string) =>
        run(["triage", "--policy", "examples/mijnpartnergroep.yml", "--batch", join(folder, "reports.jsonl"), "--threads", threads]);
      const one = batch("1");
      const two = batch("2");
      expect(existsSync(`${root}dist/cli/triage-worker.js`)).toBe(true);
      expect(two.status).toBe(1);
      expect(two.stderr).not.toContain("one thread only");
      expect(two.stderr.split("\n").filter(Boolean)).toHaveLength(7);
      expect(two.stderr).toContain("reports.jsonl:8: not a JSON object\n");
      expect(two.stderr).toBe(one.stderr);
      // Lines without a time of receipt get the batch's start, which differs between the two runs but not within one.
      const withoutTime = (stdout: string) =>
        stdout
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { id: string; sla: unknown })
          .filter((output) => Number(output.id.slice(1)) % 3 !== 0);
      expect(new Set(withoutTime(two.stdout).map((output) => JSON.stringify(output.sla))).size).toBe(1);
      const sameStart = (stdout: string) => stdout.replaceAll(JSON.stringify(withoutTime(stdout)[0]?.sla), '"start"');
      expect(sameStart(two.stdout).split("\n")).toHaveLength(2_500 - 7 + 1);
      expect(sameStart(two.stdout)).toBe(sameStart(one.stdout));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("reports an invalid policy once, without the workers started for the batch", () => {
    const folder = mkdtempSync(join(tmpdir(), "triage-policy-"));
    try {
      writeFileSync(join(folder, "broken.yml"), "sla:\n  respone: { businessDays: 3 }\n");
      const line = JSON.stringify({ id: "r", title: "SQL injection", body: "product.php?id=1' is injectable" });
      writeFileSync(join(folder, "reports.jsonl"), `${Array.from({ length: 600 }, () => line).join("\n")}\n`);
      const result = run(["triage", "--policy", join(folder, "broken.yml"), "--batch", join(folder, "reports.jsonl"), "--threads", "2"]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/broken\.yml:2:3 sla\.respone: /);
      expect(result.stderr).not.toContain("worker");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
