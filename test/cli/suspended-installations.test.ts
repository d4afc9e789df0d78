import { afterEach, describe, expect, it } from "@jest/globals";
import { runExportCommand, runForgetCommand } from "../../src/cli/forget-command.js";
import { runReportCommand } from "../../src/cli/report-command.js";
import { runSweepCommand } from "../../src/cli/sweep-command.js";
import { commandWorld, researcherLogin, trackingOf, type CommandWorld } from "./command-world.js";

/**
 * Every command over all installations leaves a suspended installation alone: its owner has said the app is not to
 * act there, and GitHub refuses its tokens. The control: the same account, not suspended, is acted on.
 */

const active = "octo-org";
const paused = "paused-org";

type Run = Awaited<ReturnType<CommandWorld["run"]>>;

const commands: {
  name: string;
  run: (world: CommandWorld) => Promise<Run>;
  actedOn: (world: CommandWorld, run: Run, org: string) => boolean;
}[] = [
  {
    name: "sweep",
    run: (world) => world.run(runSweepCommand, ["--dry-run"]),
    actedOn: (_world, run, org) => run.out.includes(`(${org}): 2 repositories, 1 tracking, 1 open cases`),
  },
  {
    name: "report",
    run: (world) => world.run(runReportCommand, ["--format", "csv"]),
    actedOn: (_world, run, org) => run.out.includes(`repository,${org}/widgets,1,`),
  },
  {
    name: "export",
    run: (world) => world.run(runExportCommand, [researcherLogin]),
    actedOn: (_world, run, org) => run.out.includes(`"repository": "${trackingOf(org)}"`),
  },
  {
    name: "forget",
    run: (world) => world.run(runForgetCommand, [researcherLogin]),
    actedOn: (world, _run, org) =>
      !(world.github.state.repository(trackingOf(org))?.issues.get(1)?.body ?? researcherLogin).includes(researcherLogin),
  },
];

let world: CommandWorld;
afterEach(() => world.close());

async function twoAccounts(pausedSuspendedAt: string | undefined): Promise<number> {
  world = await commandWorld();
  world.seedAccount(active);
  const installation = world.seedAccount(paused, pausedSuspendedAt ? { suspendedAt: pausedSuspendedAt } : {});
  world.seedCase(active, "GHSA-4v7x-pqr2-9c3m");
  world.seedCase(paused, "GHSA-9c3m-4v7x-pqr2");
  return installation.id;
}

function tokenRequestsFor(installationId: number): number {
  return world.github.journal
    .of("apps/create-installation-access-token")
    .filter((entry) => entry.path.endsWith(`/app/installations/${installationId}/access_tokens`)).length;
}

describe.each(commands)("disclosure-desk $name over every installation", (command) => {
  it("skips a suspended installation and acts on the others", async () => {
    const pausedId = await twoAccounts("2026-11-20T09:00:00Z");

    const run = await command.run(world);

    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(command.actedOn(world, run, active)).toBe(true);
    expect(command.actedOn(world, run, paused)).toBe(false);
    expect(tokenRequestsFor(pausedId)).toBe(0);
    expect(world.refused()).toEqual([]);
  });

  it("control: the same account, not suspended, is acted on", async () => {
    const pausedId = await twoAccounts(undefined);

    const run = await command.run(world);

    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(command.actedOn(world, run, active)).toBe(true);
    expect(command.actedOn(world, run, paused)).toBe(true);
    expect(tokenRequestsFor(pausedId)).toBeGreaterThan(0);
    expect(world.refused()).toEqual([]);
  });
});
