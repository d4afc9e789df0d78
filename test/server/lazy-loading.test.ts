import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";

/**
 * The built app in a fresh process: its modules loaded, one config parsed, a report triaged and its deadlines computed.
 * Says whether re2-wasm (a 16 MiB WebAssembly heap) and the holiday parser (calendars and a time-zone database of its
 * own) were loaded, as a process cannot unload a module once it has.
 */
function loadedFor(configText: string): { problems: number; re2: boolean; holidayParser: boolean; responseDue: string } {
  const script = `
    import { createRequire } from "node:module";
    await import("./dist/app.js");
    const { parseConfigText } = await import("./dist/config/load.js");
    const { triage } = await import("./dist/policy/triage.js");
    const { computeDeadlines } = await import("./dist/sla/index.js");
    const { config, errors } = parseConfigText(process.env.CONFIG_TEXT);
    triage({ report: { id: "r1", title: "Stored XSS in the comment field", body: "Post <script>alert(1)</script> as a comment: it runs for every visitor." }, config });
    const { responseDue } = computeDeadlines({ receivedAt: new Date("2026-12-24T10:00:00Z") }, config.sla, config.calendar);
    const loaded = Object.keys(createRequire(process.cwd() + "/").cache);
    console.log(JSON.stringify({
      problems: errors.length,
      re2: loaded.some((file) => file.includes("/node_modules/re2-wasm/")),
      holidayParser: loaded.some((file) => file.includes("/node_modules/date-holidays-parser/")),
      responseDue: responseDue.toISOString(),
    }));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "", CONFIG_TEXT: configText },
    encoding: "utf8",
  });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as ReturnType<typeof loadedFor>;
}

describe("what a config does not need is not loaded", () => {
  const withHolidays = readFileSync("examples/mijnpartnergroep.yml", "utf8");

  it("loads neither RE2 nor holiday data for a config without patterns of its own or a holiday region", () => {
    const plain = withHolidays.replace(/^ {2}holidays: NL\n/m, "");
    expect(plain).not.toBe(withHolidays);
    expect(plain).not.toMatch(/^\s+match:/m);
    const loaded = loadedFor(plain);
    expect(loaded).toEqual({ problems: 0, re2: false, holidayParser: false, responseDue: "2026-12-29T22:59:59.999Z" });
  });

  it("loads the holiday parser for a config that names a region, and RE2 for one with patterns", () => {
    // Both days of Christmas are Dutch public holidays: three business days after 24 December end on the 30th, not the 29th.
    expect(loadedFor(withHolidays)).toEqual({ problems: 0, re2: false, holidayParser: true, responseDue: "2026-12-30T22:59:59.999Z" });
    const openworx = loadedFor(readFileSync("examples/openworx.yml", "utf8"));
    expect(openworx.re2).toBe(true);
    expect(openworx.holidayParser).toBe(true);
  });
});
