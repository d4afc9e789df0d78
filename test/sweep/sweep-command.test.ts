import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { runReportCommand } from "../../src/cli/report-command.js";
import { runSweepCommand, type SweepCommandIo } from "../../src/cli/sweep-command.js";
import { installation } from "../fixtures/webhook-payloads.js";
import { TestOctokit, testPrivateKey, testTrust } from "../helpers/probot.js";
import { describeIfRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { openedCase, sweepConfig } from "./fixtures.js";
import { sourceRepository, sweepWorld, trackingRepository } from "./sweep-world.js";
import { stopTestGitHubs } from "../helpers/github.js";
import { stripEnterprisePrefix } from "../harness/openapi.js";

function io(env: Record<string, string | undefined>, files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: SweepCommandIo = {
    env,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    now: () => new Date("2026-11-24T12:00:00Z"),
  };
  return { io: value, out, err };
}

const overrides = { Octokit: TestOctokit, log: pino({ level: "silent" }) };

afterEach(stopTestGitHubs);

describe("disclosure-desk sweep", () => {
  it("sweeps every installation as the app and prints a line per installation and a summary", async () => {
    const world = await sweepWorld();
    world.addCase(openedCase(sweepConfig()));
    const {
      io: commandIo,
      out,
      err,
    } = io({ APP_ID: "123", PRIVATE_KEY_PATH: "/keys/app.pem", ...world.env }, { "/keys/app.pem": testPrivateKey() });

    const code = await runSweepCommand(["--now", "2026-12-01T08:00:00Z", "--dry-run"], commandIo, overrides);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `installation ${installation.id} (octo-org): 2 repositories, 1 tracking, 1 open cases, 1 with planned actions (escalate 1, setSlaLabel 1, recordSweep 1), 0 missed reports opened, 0 deferred, 8 GitHub requests (0 conditional hits)\n`,
      "sweep (dry run) at 2026-12-01T08:00:00.000Z: 1 installations (0 failed), 1 open cases, 1 with actions, 0 messages posted, 0 missed reports opened, 0 deferred to the next run, 9 GitHub requests, 0 of them conditional hits (304)\n",
    ]);
    expect(world.github.writesTo(trackingRepository)).toEqual([]);
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("refuses to start without the app's credentials or with a bad argument", async () => {
    const missing = io({});
    expect(await runSweepCommand([], missing.io, overrides)).toBe(2);
    expect(missing.err).toEqual(["disclosure-desk sweep: APP_ID must be set to the GitHub App's id\n"]);

    const badNow = io({ APP_ID: "123", PRIVATE_KEY: "key" });
    expect(await runSweepCommand(["--now", "yesterday"], badNow.io, overrides)).toBe(2);
    expect(badNow.err[0]).toBe(
      "--now needs an ISO 8601 time such as 2026-11-27T09:00:00Z\nusage: disclosure-desk sweep [--now <ISO time>] [--dry-run] [--max-requests <n per installation>]\n",
    );
  });
});

describeIfRedis("the sweep command's memory in Redis")("disclosure-desk sweep with REDIS_URL", () => {
  let redis: RedisServer | undefined;
  afterEach(() => redis?.stop());

  it("asks conditionally in the next run, and the cases it restores are judged as GitHub's answer was", async () => {
    redis = await startRedisServer();
    const world = await sweepWorld();
    world.addCase(openedCase(sweepConfig()));
    const env = { APP_ID: "123", PRIVATE_KEY_PATH: "/keys/app.pem", REDIS_URL: redis.url, ...world.env };
    const first = io(env, { "/keys/app.pem": testPrivateKey() });
    const second = io(env, { "/keys/app.pem": testPrivateKey() });
    const withTrust = { ...overrides, trust: testTrust };

    expect(await runSweepCommand(["--now", "2026-12-01T08:00:00Z", "--dry-run"], first.io, withTrust)).toBe(0);
    // Between the runs someone pushes to the source repository (not its config): the repository listing changes.
    const source = world.github.state.repository(sourceRepository)?.repository;
    if (source) source.pushed_at = "2026-12-01T08:05:00Z";
    expect(await runSweepCommand(["--now", "2026-12-01T08:00:00Z", "--dry-run"], second.io, withTrust)).toBe(0);

    expect(first.out[1]).toContain("0 of them conditional hits (304)");
    // The config file and both listings (cases, triage advisories) were unchanged: three 304s.
    expect(second.out[1]).toContain("3 of them conditional hits (304)");
    // The case restored from Redis is still the app's sealed case: planned exactly as in the first run.
    expect(second.out[0]).toContain("1 open cases, 1 with planned actions (escalate 1, setSlaLabel 1, recordSweep 1)");
    expect(second.err).toEqual([]);
    expect(world.github.journal.problems()).toEqual([]);
  });
});

describe("disclosure-desk report", () => {
  it("reports the metrics of every installation's cases as CSV", async () => {
    const world = await sweepWorld();
    world.addCase(openedCase(sweepConfig(), { state: "accepted", firstResponseAt: "2026-11-24T10:00:00.000Z" }));
    const { io: commandIo, out, err } = io({ APP_ID: "123", PRIVATE_KEY: testPrivateKey().replace(/\n/g, "\\n"), ...world.env });

    const code = await runReportCommand(["--format", "csv", "--now", "2026-12-01T08:00:00Z"], commandIo, overrides);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join("").split("\n").slice(1, 3)).toEqual([
      "all,all,1,0.0,0.0,24.0,24.0,24.0,24.0,,,1,0,0,1,0,0,0,0,1,0,0,1",
      "repository,octo-org/widgets,1,0.0,0.0,24.0,24.0,24.0,24.0,,,1,0,0,1,0,0,0,0,1,0,0,1",
    ]);
    expect(
      world.github.journal.entries.find((request) => stripEnterprisePrefix(request.path) === `/repos/${trackingRepository}/issues`)?.query,
    ).toMatchObject({ state: "all", labels: "disclosure" });
    expect(world.github.journal.problems()).toEqual([]);
  });
});
