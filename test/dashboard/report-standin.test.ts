import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { runReportCommand } from "../../src/cli/report-command.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import { TestOctokit } from "../helpers/probot.js";
import { dashboardWorld, type DashboardWorld } from "./world.js";

/** `disclosure-desk report` against the stand-in: the metrics, then every installation's tracking repositories with the dashboard's figures. */

let world: DashboardWorld;

afterEach(async () => {
  await world.close();
});

async function report(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: SweepCommandIo = {
    env: {
      APP_ID: "123",
      PRIVATE_KEY: world.github.state.app!.keys.privateKey,
      GHE_HOST: new URL(world.github.url).host,
      GHE_PROTOCOL: "http",
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async () => Promise.reject(new Error("no files")),
    now: () => new Date("2026-12-01T09:00:00Z"),
  };
  const code = await runReportCommand(args, io, { Octokit: TestOctokit, log: pino({ level: "silent" }) });
  return { code, out: out.join(""), err };
}

describe("disclosure-desk report, against the stand-in", () => {
  it("lists each installation's tracking repositories with their counts and monthly figures", async () => {
    world = await dashboardWorld();
    world.seedCase("GHSA-aaaa-bbbb-0002", "[GHSA-aaaa-bbbb-0002] SQL injection", "2026-11-10T09:00:00.000Z", {
      state: "accepted",
      firstResponseAt: "2026-11-12T09:00:00.000Z",
      triagedAt: "2026-11-12T09:00:00.000Z",
    });
    world.seedCase(
      "GHSA-aaaa-bbbb-0003",
      "[GHSA-aaaa-bbbb-0003] Stored XSS",
      "2026-10-03T09:00:00.000Z",
      {
        state: "published",
        firstResponseAt: "2026-10-04T09:00:00.000Z",
        triagedAt: "2026-10-06T09:00:00.000Z",
        resolvedAt: "2026-10-28T09:00:00.000Z",
        closing: { publishedAt: "2026-11-02T09:00:00.000Z" },
      },
      false,
    );

    const { code, out, err } = await report(["--format", "md"]);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain("## Tracking repositories");
    expect(out).toContain("### octo-org/security-cases (octo-org)");
    expect(out).toContain("**1** accepted · **1** published");
    expect(out).toContain("Promises kept: 5, broken: 0 (100% kept)");
    expect(out).toContain("| 2026-10 | 1 | 0 | 0.0 / 0.0 /  | 3.0 / 3.0 / 6.5 | 25.0 / 25.0 / 30.6 |");
    expect(out).toContain("| 2026-11 | 1 | 1 | 0.0 / 0.0 /  | 2.0 / 2.0 / 7.6 |  /  / 30.6 |");
  });

  it("refuses an unknown format or language", async () => {
    world = await dashboardWorld();
    expect((await report(["--format", "pdf"])).code).toBe(2);
    expect((await report(["--language", "de"])).code).toBe(2);
  });
});
