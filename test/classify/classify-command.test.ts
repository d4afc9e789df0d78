import { describe, expect, it } from "@jest/globals";
import { issueFromMarkdown, runClassify } from "../../src/cli/classify-command.js";
import type { CliIo } from "../../src/cli/io.js";

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    now: () => new Date("2026-11-16T09:00:00Z"),
  };
  return { io, out, err };
}

const report =
  "# XSS in profile display name\n\nSet your name to `<img src=x onerror=alert(document.cookie)>`; an attacker can steal admins' session cookies.\n";

describe("disclosure-desk classify", () => {
  it("prints one decision for one issue, reading the title from its heading", async () => {
    const { io, out, err } = memoryIo({ "issue.md": report });
    expect(await runClassify(["issue.md"], io)).toBe(0);
    expect(err).toEqual([]);
    const printed = JSON.parse(out.join("")) as { vulnerabilityReport: boolean; confidence: number; reasons: { rule: string }[] };
    expect(Object.keys(printed)).toEqual(["vulnerabilityReport", "confidence", "reasons"]);
    expect(printed.vulnerabilityReport).toBe(true);
    expect(printed.confidence).toBeGreaterThan(0.6);
    expect(printed.reasons.map((reason) => reason.rule)).toContain("exploit-payload");
  });

  it("reads standard input for -", async () => {
    const { io, out } = memoryIo({ "-": "# Dark mode resets\n\nAfter a reload the theme is light again." });
    expect(await runClassify(["-"], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toMatchObject({ vulnerabilityReport: false });
  });

  it("prints JSON Lines with each input's id in batch mode, and reports bad lines with their line number", async () => {
    const lines = [
      JSON.stringify({ id: "a", title: "Typo in README", body: "instal → install" }),
      "",
      "{not json",
      JSON.stringify({
        id: 7,
        title: "SSRF via avatar URL",
        body: "Fetching http://169.254.169.254/latest/meta-data/ returns the role credentials. An attacker can read them.",
      }),
      JSON.stringify({
        id: "m",
        title: "SSRF via avatar URL",
        body: "Fetching http://169.254.169.254/latest/meta-data/ returns the role credentials. An attacker can read them.",
        authorAssociation: "MEMBER",
      }),
      JSON.stringify({ title: "no id", body: "" }),
    ].join("\n");
    const { io, out, err } = memoryIo({ "issues.jsonl": lines });
    expect(await runClassify(["--batch", "issues.jsonl"], io)).toBe(1);
    const printed = out
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: unknown; vulnerabilityReport: boolean });
    expect(printed.map(({ id, vulnerabilityReport }) => [id, vulnerabilityReport])).toEqual([
      ["a", false],
      [7, true],
      ["m", false],
    ]);
    expect(err.join("")).toContain("issues.jsonl:3: not a JSON object");
    expect(err.join("")).toContain("issues.jsonl:6:");
  });

  it("answers a usage error with exit code 2", async () => {
    const { io, err } = memoryIo({});
    expect(await runClassify([], io)).toBe(2);
    expect(await runClassify(["--threshold", "x.md"], io)).toBe(2);
    expect(err.join("")).toContain("usage: disclosure-desk classify");
  });

  it("takes all text as body when there is no heading", () => {
    expect(issueFromMarkdown("no heading\nhere")).toEqual({ title: "", body: "no heading\nhere" });
    expect(issueFromMarkdown("#  Title \r\nbody")).toEqual({ title: "Title", body: "body" });
  });
});
