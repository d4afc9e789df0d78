import { afterEach, describe, expect, it } from "@jest/globals";
import { runSweepCommand } from "../../src/cli/sweep-command.js";
import { commandWorld, trackingOf, type CommandWorld } from "../cli/command-world.js";

/**
 * The sweep's reconciliation opens a case for a report whose `repository_advisory.reported` webhook was missed. It
 * goes the webhook's way, screening included: a blocked reporter cannot get a case by their webhook going astray.
 */

const org = "octo-org";
const policy = `tracking:
  repository: ${trackingOf(org)}
reporters:
  blocked: ["Slop-Sender"]
  blockedMessage: "We no longer accept reports from accounts that sent us fabricated reports."
`;
const blockedReport = "GHSA-4v7x-pqr2-9c3m";
const researcherReport = "GHSA-9c3m-4v7x-pqr2";

let world: CommandWorld;
afterEach(() => world.close());

async function missedReportsOf(...reports: { ghsaId: string; login: string }[]): Promise<Awaited<ReturnType<CommandWorld["run"]>>> {
  world = await commandWorld();
  world.seedAccount(org, { policy });
  for (const report of reports) {
    world.github.state.seedAdvisory(`${org}/widgets`, {
      ghsaId: report.ghsaId,
      author: world.github.state.seedUser(report.login),
      summary: "SQL injection in the widget search endpoint",
      description: "The q parameter of /api/search is concatenated into SQL: `?q=' OR 1=1 --` returns every widget.",
    });
  }
  // No webhook arrives: the sweep is the first to see these reports.
  return world.run(runSweepCommand, []);
}

function advisory(ghsaId: string) {
  return world.github.state.repository(`${org}/widgets`)?.advisories.get(ghsaId);
}

function casesOf(ghsaId: string) {
  return [...(world.github.state.repository(trackingOf(org))?.issues.values() ?? [])].filter((issue) => issue.title.includes(ghsaId));
}

describe("the sweep's reconciliation screens a missed report as the webhook would", () => {
  it("closes a blocked reporter's missed report with the policy's message and opens no case", async () => {
    const run = await missedReportsOf({ ghsaId: blockedReport, login: "slop-sender" });

    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(casesOf(blockedReport)).toEqual([]);
    // The tracking repository holds no word of the report (the sweep's dashboard issue is there, with no case).
    expect(
      [...(world.github.state.repository(trackingOf(org))?.issues.values() ?? [])].filter((issue) => issue.body?.includes(blockedReport)),
    ).toEqual([]);
    expect(advisory(blockedReport)?.state).toBe("closed");
    const comments = world.github.state.repository(`${org}/widgets`)?.advisoryComments.get(blockedReport) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("> We no longer accept reports from accounts that sent us fabricated reports.");
    expect(comments[0]?.body).toContain(`<!-- disclosure-desk:blocked ${blockedReport} -->`);
    expect(run.out).toContain("0 missed reports opened");
    expect(world.refused()).toEqual([]);
  });

  it("control: under the same policy a reporter who is not blocked gets a case and the acknowledgement", async () => {
    const run = await missedReportsOf({ ghsaId: researcherReport, login: "rosa-researcher" });

    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const [opened, ...others] = casesOf(researcherReport);
    expect(others).toEqual([]);
    expect(opened?.labels.map((label) => label.name)).toContain("state:triage");
    expect(advisory(researcherReport)?.state).toBe("triage");
    const comments = world.github.state.repository(`${org}/widgets`)?.advisoryComments.get(researcherReport) ?? [];
    expect(comments[0]?.body).toContain(`<!-- disclosure-desk:acknowledgement ${researcherReport} -->`);
    expect(run.out).toContain("1 missed reports opened");
    expect(world.refused()).toEqual([]);
  });

  it("in one sweep, only the blocked reporter's report is refused a case", async () => {
    const run = await missedReportsOf(
      { ghsaId: blockedReport, login: "slop-sender" },
      { ghsaId: researcherReport, login: "rosa-researcher" },
    );

    expect(run.code).toBe(0);
    expect(casesOf(blockedReport)).toEqual([]);
    expect(casesOf(researcherReport)).toHaveLength(1);
    expect(advisory(blockedReport)?.state).toBe("closed");
    expect(advisory(researcherReport)?.state).toBe("triage");
    expect(world.refused()).toEqual([]);
  });
});
