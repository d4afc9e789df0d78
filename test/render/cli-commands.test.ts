import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import type { CliIo } from "../../src/cli/io.js";
import { runRender } from "../../src/cli/render-command.js";
import { runValidate } from "../../src/cli/validate-command.js";

/** An in-memory CliIo: files by name, captured output, a fixed clock. */
function memoryIo(files: Record<string, string>) {
  const output = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (text) => (output.stdout += text),
    stderr: (text) => (output.stderr += text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    now: () => new Date("2026-03-02T09:00:00Z"),
  };
  return { io, output };
}

const openworx = await readFile(new URL("fixtures/openworx.yml", import.meta.url), "utf8");
const broken = "calendar:\n  timezone: Europe/Amsterdm\nexclusions: [clickjackng]\n";

describe("disclosure-desk validate", () => {
  it("prints ok and exits 0 for a valid config", async () => {
    const { io, output } = memoryIo({ ".github/disclosure.yml": openworx });
    expect(await runValidate([".github/disclosure.yml"], io)).toBe(0);
    expect(output).toEqual({ stdout: "ok: .github/disclosure.yml is a valid Disclosure Desk config\n", stderr: "" });
  });

  it("prints one file:line:col line per problem to stderr and exits 1", async () => {
    const { io, output } = memoryIo({ ".github/disclosure.yml": broken });
    expect(await runValidate([".github/disclosure.yml"], io)).toBe(1);
    expect(output.stdout).toBe("");
    expect(output.stderr.split("\n")).toEqual([
      '.github/disclosure.yml:2:3 calendar.timezone: unknown time zone "Europe/Amsterdm"; did you mean "Europe/Amsterdam"?',
      expect.stringMatching(
        /^\.github\/disclosure\.yml:3:14 exclusions\[0\]: unknown exclusion id "clickjackng" .*did you mean "clickjacking"\?$/,
      ),
      "",
    ]);
  });

  it("exits 2 with usage or a read error when it cannot check", async () => {
    const { io, output } = memoryIo({});
    expect(await runValidate([], io)).toBe(2);
    expect(output.stderr).toContain("usage: disclosure-desk validate <config.yml>");
    expect(await runValidate(["missing.yml"], io)).toBe(2);
    expect(output.stderr).toContain("cannot read missing.yml: ENOENT");
  });
});

describe("disclosure-desk render", () => {
  it("prints SECURITY.md in the config's language, or the one asked for", async () => {
    const { io, output } = memoryIo({ "disclosure.yml": openworx });
    expect(await runRender(["security.md", "--policy", "disclosure.yml", "--repository", "openworx/website"], io)).toBe(0);
    expect(output.stdout).toMatch(/^# Security policy\n/);
    expect(output.stdout).toContain("(https://github.com/openworx/website/security/advisories/new)");
    expect(await runRender(["security.md", "--policy", "disclosure.yml", "--language", "nl"], io)).toBe(0);
    expect(output.stdout).toContain("# Beveiligingsbeleid\n");
    expect(output.stderr).toBe("");
  });

  it("prints security.txt with Expires counted from --now, warnings to stderr", async () => {
    const { io, output } = memoryIo({ "disclosure.yml": openworx });
    const args = ["security.txt", "--policy", "disclosure.yml", "--now", "2026-01-15T12:00:00Z", "--expires-in-days", "20"];
    expect(await runRender(args, io)).toBe(0);
    expect(output.stdout).toBe(
      [
        "Contact: mailto:info@openworx.nl",
        "Expires: 2026-02-04T12:00:00Z",
        "Policy: https://www.openworx.nl/responsible-disclosure",
        "Preferred-Languages: en",
        "",
      ].join("\n"),
    );
    expect(output.stderr).toBe("warning: Expires 2026-02-04T12:00:00Z is within 30 days; publish a renewed file before then\n");
  });

  it("renders nothing from an invalid config and reports its problems", async () => {
    const { io, output } = memoryIo({ "disclosure.yml": broken });
    expect(await runRender(["security.md", "--policy", "disclosure.yml"], io)).toBe(1);
    expect(output.stdout).toBe("");
    expect(output.stderr).toContain("disclosure.yml:2:3 calendar.timezone: unknown time zone");
  });

  it("exits 2 on a wrong document, language, time or missing --policy", async () => {
    const { io, output } = memoryIo({ "disclosure.yml": openworx });
    expect(await runRender(["readme.md", "--policy", "disclosure.yml"], io)).toBe(2);
    expect(await runRender(["security.md"], io)).toBe(2);
    expect(await runRender(["security.md", "--policy", "disclosure.yml", "--language", "de"], io)).toBe(2);
    expect(await runRender(["security.txt", "--policy", "disclosure.yml", "--now", "tomorrow"], io)).toBe(2);
    expect(await runRender(["security.txt", "--policy", "disclosure.yml", "--colour"], io)).toBe(2);
    expect(output.stdout).toBe("");
    expect(output.stderr).toContain("name one document: security.md or security.txt");
    expect(output.stderr).toContain('--language must be en or nl, not "de"');
    expect(output.stderr).toContain('--now is not an ISO 8601 time: "tomorrow"');
  });
});
