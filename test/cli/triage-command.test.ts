import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli, type MainIo } from "../../src/cli/run-cli.js";
import { parseReportMarkdown } from "../../src/cli/triage-command.js";

interface Captured {
  io: MainIo;
  stdout: () => string;
  stderr: () => string;
}

let files: Record<string, string> = {};

beforeAll(async () => {
  const example = (name: string) => readFile(new URL(`../../examples/${name}`, import.meta.url), "utf8");
  files = {
    "mpg.yml": await example("mijnpartnergroep.yml"),
    "openworx.yml": await example("openworx.yml"),
    "broken.yml": "sla:\n  respone: { businessDays: 3 }\n",
    "report.md":
      "Found while ordering.\n\n# Clickjacking on the news page\n\nAny site can load https://mijnpartnergroep.nl/nieuws in a frame.\n\n" +
      'Steps to reproduce: open a page with <iframe src="https://mijnpartnergroep.nl/nieuws"></iframe>.\n',
    "untitled.md": "Just some text without a title line.",
    "batch.jsonl": [
      JSON.stringify({
        id: "r-1",
        title: "Missing HSTS",
        body: "curl -I https://www.openworx.nl shows no Strict-Transport-Security header.",
      }),
      "",
      JSON.stringify({
        id: 2,
        title: "SQL injection",
        body: "https://www.openworx.nl/product.php?id=1' is injectable",
        receivedAt: "2026-04-24T10:00:00Z",
      }),
      "{ not json",
      JSON.stringify({ id: "r-4", title: "No body" }),
    ].join("\n"),
  };
});

function capture(stdin = ""): Captured {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readFile: async (path) => {
        const content = files[path];
        if (content === undefined) throw new Error(`ENOENT: no such file '${path}'`);
        return content;
      },
      readStdin: async () => stdin,
      now: () => new Date("2026-04-24T10:00:00Z"),
      env: {},
    },
    stdout: () => out,
    stderr: () => err,
  };
}

describe("disclosure-desk triage", () => {
  it("prints the decision and the SLA of a report file", async () => {
    const run = capture();
    expect(await runCli(["triage", "--policy", "mpg.yml", "--received-at", "2026-04-24T10:00:00Z", "report.md"], run.io)).toBe(0);
    const output = JSON.parse(run.stdout());
    expect(output.scope).toMatchObject({ status: "in", asset: "https://mijnpartnergroep.nl/nieuws" });
    expect(output.exclusions.map((exclusion: { id: string }) => exclusion.id)).toEqual(["clickjacking"]);
    expect(output.exclusions[0].policyText).toBe("Clickjacking on pages without sensitive actions.");
    expect(output.labels).toEqual(["disclosure", "state:triage", "scope:in", "excluded:clickjacking"]);
    // Friday 24 April; Monday 27 April is King's Day: three business days end on Thursday 30 April, 23:59:59.999 CEST.
    expect(output.sla).toEqual({ responseDue: "2026-04-30T21:59:59.999Z", resolutionDue: "2026-05-24T21:59:59.999Z" });
    expect(run.stderr()).toBe("");
  });

  it("reads a report from standard input and defaults the receipt time to now", async () => {
    const run = capture("# Logout CSRF\n\n<img src=https://www.openworx.nl/logout> logs anyone out.");
    expect(await runCli(["triage", "--policy", "openworx.yml", "-"], run.io)).toBe(0);
    const output = JSON.parse(run.stdout());
    expect(output.scope.status).toBe("unknown");
    expect(output.sla).toEqual({ responseDue: "2026-05-04T21:59:59.999Z", resolutionDue: null });
  });

  it("triages a batch, one output line per input line with its id", async () => {
    const run = capture();
    expect(await runCli(["triage", "--policy", "openworx.yml", "--batch", "batch.jsonl"], run.io)).toBe(1);
    const lines = run
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.exclusions.map((exclusion: { id: string }) => exclusion.id)])).toEqual([
      ["r-1", ["security-headers"]],
      ["2", []],
    ]);
    expect(lines[1].sla.responseDue).toBe("2026-05-04T21:59:59.999Z");
    expect(run.stderr()).toBe(
      "batch.jsonl:4: not a JSON object\nbatch.jsonl:5: body: Invalid input: expected string, received undefined\n",
    );
  });

  it("gives each line of a batch the deadlines of its own time of receipt, however often a time repeats", async () => {
    const line = (id: string, receivedAt: string) =>
      JSON.stringify({ id, title: "SQL injection", body: "product.php?id=1' is injectable", receivedAt });
    files["times.jsonl"] = [line("a", "2026-04-24T10:00:00Z"), line("b", "2026-06-02T10:00:00Z"), line("c", "2026-04-24T10:00:00Z")].join(
      "\n",
    );
    const run = capture();
    expect(await runCli(["triage", "--policy", "openworx.yml", "--batch", "times.jsonl"], run.io)).toBe(0);
    const due = run
      .stdout()
      .trim()
      .split("\n")
      .map((output) => JSON.parse(output).sla.responseDue);
    expect(due).toEqual(["2026-05-04T21:59:59.999Z", "2026-06-09T21:59:59.999Z", "2026-05-04T21:59:59.999Z"]);
  });

  it("reports an invalid config with its line and exits 1", async () => {
    const run = capture();
    expect(await runCli(["triage", "--policy", "broken.yml", "report.md"], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/^broken\.yml:2:3 sla\.respone: /);
    expect(run.stdout()).toBe("");
  });

  it("reports an invalid config before a missing batch file, and the missing file once the config is valid", async () => {
    const broken = capture();
    expect(await runCli(["triage", "--policy", "broken.yml", "--batch", "nowhere.jsonl"], broken.io)).toBe(1);
    expect(broken.stderr()).toMatch(/^broken\.yml:2:3 sla\.respone: /);
    expect(broken.stderr()).not.toContain("nowhere.jsonl");
    const missing = capture();
    expect(await runCli(["triage", "--policy", "mpg.yml", "--batch", "nowhere.jsonl"], missing.io)).toBe(1);
    expect(missing.stderr()).toBe("cannot read nowhere.jsonl: ENOENT: no such file 'nowhere.jsonl'\n");
    expect(missing.stdout()).toBe("");
  });

  it("exits 1 for a report without a title or a missing file", async () => {
    const untitled = capture();
    expect(await runCli(["triage", "--policy", "mpg.yml", "untitled.md"], untitled.io)).toBe(1);
    expect(untitled.stderr()).toBe('untitled.md: no title: the report needs a "# " line with its title\n');
    const missing = capture();
    expect(await runCli(["triage", "--policy", "mpg.yml", "nowhere.md"], missing.io)).toBe(1);
    expect(missing.stderr()).toBe("cannot read nowhere.md: ENOENT: no such file 'nowhere.md'\n");
  });

  it.each([
    [["triage", "report.md"], "--policy <config.yml> is required"],
    [["triage", "--policy", "mpg.yml"], "name one report file, or - for standard input"],
    [["triage", "--policy", "mpg.yml", "--received-at", "2026-04-24T10:00", "report.md"], 'not an ISO 8601 time: "2026-04-24T10:00"'],
    [["triage", "--policy", "mpg.yml", "--batch", "batch.jsonl", "report.md"], "--batch takes no report argument"],
    [["triage", "--policy", "mpg.yml", "--threads", "2", "report.md"], "--threads is for --batch"],
    [["triage", "--policy", "mpg.yml", "--batch", "batch.jsonl", "--threads", "0"], '--threads is not a whole number from 1 to 8: "0"'],
    [["triage", "--policy", "mpg.yml", "--batch", "batch.jsonl", "--threads", "2.5"], '--threads is not a whole number from 1 to 8: "2.5"'],
    [["triage", "--polcy", "mpg.yml", "report.md"], "Unknown option '--polcy'"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [[], "name a command"],
  ])("exits 2 on usage errors: %j", async (argv, message) => {
    const run = capture();
    expect(await runCli(argv, run.io)).toBe(2);
    expect(run.stderr()).toContain(message);
    expect(run.stderr()).toContain("usage: disclosure-desk");
  });

  it("prints help on stdout", async () => {
    const main = capture();
    expect(await runCli(["--help"], main.io)).toBe(0);
    expect(main.stdout()).toContain("triage --policy <config.yml> --batch <reports.jsonl>");
    const triage = capture();
    expect(await runCli(["triage", "--help"], triage.io)).toBe(0);
    expect(triage.stdout()).toContain("Exit codes: 0 ok, 1 invalid report or config, 2 usage.");
  });
});

describe("report files", () => {
  it("take the first '# ' line as the title and the rest as the body", () => {
    expect(parseReportMarkdown("intro\n# Title here\r\n\r\nBody line\n## Details\n# Second heading")).toEqual({
      title: "Title here",
      body: "intro\n\nBody line\n## Details\n# Second heading",
    });
    expect(parseReportMarkdown("## Only a subheading")).toBeUndefined();
  });
});
