import { describe, expect, it } from "@jest/globals";
import { runValidate } from "../../src/cli/validate-command.js";
import type { CliIo } from "../../src/cli/io.js";
import {
  MAX_CONFIG_ALIAS_COUNT,
  MAX_CONFIG_DEPTH,
  MAX_CONFIG_FILE_BYTES,
  MAX_CONFIG_SECTION_VALUES,
} from "../../src/config/config-document.js";
import { MAX_ASSET_PATTERN_ALTERNATIVES, MAX_ASSET_PATTERN_LENGTH } from "../../src/policy/scope.js";

async function validate(text: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (chunk) => (stdout += chunk),
    stderr: (chunk) => (stderr += chunk),
    readFile: async () => text,
    now: () => new Date("2026-11-16T09:00:00Z"),
  };
  const status = await runValidate(["disclosure.yml"], io);
  return { status, stdout, stderr };
}

const tracking = "tracking:\n  repository: octo-org/security-cases\n";
const aliasBomb = [
  "exclusions:",
  "  - id: laughs",
  "    match:",
  "      - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ...Array.from({ length: 8 }, (_, index) => `      - &l${index + 1} [${Array.from({ length: 9 }, () => `*l${index}`).join(", ")}]`),
  "",
].join("\n");

describe("disclosure-desk validate on a hostile config", () => {
  it.each([
    [
      "an alias bomb",
      `${tracking}${aliasBomb}`,
      `disclosure.yml:3:1 exclusions: its YAML aliases expand more than the limit of ${MAX_CONFIG_ALIAS_COUNT} allows`,
    ],
    ["nesting deeper than the limit", `${tracking}sla: ${"[".repeat(10_000)}\n`, `disclosure.yml:3:`],
    [
      "a file over the size limit",
      `${tracking}# ${"x".repeat(MAX_CONFIG_FILE_BYTES)}\n`,
      `disclosure.yml the file is 257 KiB, over the limit of ${MAX_CONFIG_FILE_BYTES / 1024} KiB for a config file`,
    ],
    [
      "a brace bomb",
      `${tracking}scope:\n  assets: ['${"{a,b}".repeat(40)}.example.org']\n`,
      `disclosure.yml:4:12 scope.assets[0]: asset "${"{a,b}".repeat(40)}.example.org": its { } groups expand to more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames, the limit for one pattern`,
    ],
    [
      "a pattern over the length limit",
      `${tracking}scope:\n  assets: ['${"a".repeat(300)}.nl']\n`,
      `over the limit of ${MAX_ASSET_PATTERN_LENGTH} for one pattern`,
    ],
    [
      "a section over the values limit",
      `${tracking}scope:\n  outOfScope: [${Array.from({ length: MAX_CONFIG_SECTION_VALUES }, () => "x").join(", ")}]\n`,
      `disclosure.yml:3:1 scope: its values expand to more than the limit of ${MAX_CONFIG_SECTION_VALUES}`,
    ],
  ])("exits 1 and names the limit for %s", async (_kind, text, line) => {
    const result = await validate(text);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(line);
  });

  it("names the depth limit on the line where nesting goes too deep", async () => {
    const result = await validate(`${tracking}sla: ${"[".repeat(10_000)}\n`);
    expect(result.stderr).toBe(
      `disclosure.yml:3:${5 + MAX_CONFIG_DEPTH} lists and maps are nested more than ${MAX_CONFIG_DEPTH} levels deep, over the limit for a config file\n`,
    );
  });

  it("accepts the same shapes within the limits (control)", async () => {
    const within = `${tracking}scope:\n  assets: &hosts ['${"{a,b}".repeat(6)}.example.org', '${"a*".repeat(12)}b.example.org']\n  codebases: [{ name: site, assets: *hosts }]\n`;
    const result = await validate(within);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("ok: disclosure.yml is a valid Disclosure Desk config\n");
  });
});
