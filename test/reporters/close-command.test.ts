import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { readCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { parseCloseArguments, runCloseCommand } from "../../src/cli/close-command.js";
import { runCli } from "../../src/cli/run-cli.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import { TestOctokit, testPrivateKey } from "../helpers/probot.js";
import { openedCase } from "../commands/fixtures.js";
import { sweepWorld, trackingRepository, type SweepWorld } from "../sweep/sweep-world.js";
import { openworx, policyConfig } from "../fixtures/policies.js";
import { stopTestGitHubs } from "../helpers/github.js";

/**
 * `disclosure-desk close` over a backlog in the sweep's fake GitHub: the dry run lists what it would close and writes
 * nothing; the real run closes exactly those cases with the reject message; cases the query or the cut-off excludes,
 * and cases past triage, stay open.
 */

const overrides = { Octokit: TestOctokit, log: pino({ level: "silent" }) };
const now = new Date("2026-12-10T09:00:00Z");

function io(host: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: SweepCommandIo = {
    env: { APP_ID: "123", PRIVATE_KEY_PATH: "/keys/app.pem", ...host },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async () => testPrivateKey(),
    now: () => now,
  };
  return { io: value, out, err };
}

function caseRecord(ghsaId: string, changes: Partial<CaseRecord> = {}): CaseRecord {
  return openedCase(policyConfig(openworx), {
    key: ghsaId,
    source: { repository: "octo-org/widgets", ghsaId, url: `https://github.com/octo-org/widgets/security/advisories/${ghsaId}` },
    ...changes,
  });
}

/** Four cases: an old one without evidence (closed), a recent one (too new), an old one with evidence, an accepted one. */
async function backlog(): Promise<{ world: SweepWorld; advisoryUpdates: () => unknown[] }> {
  const world = await sweepWorld();
  world.addCase(caseRecord("GHSA-2222-3333-4442"), ["disclosure", "state:triage", "evidence:none"]);
  world.addCase(caseRecord("GHSA-2222-3333-4443", { receivedAt: "2026-12-05T08:00:00.000Z" }), [
    "disclosure",
    "state:triage",
    "evidence:none",
  ]);
  const relabelled = world.addCase(caseRecord("GHSA-2222-3333-4445"), ["disclosure", "state:triage"]);
  // Its evidence:none label was removed a moment ago; GitHub's search index has not caught up.
  const relabelledId = world.github.state.repository(trackingRepository)?.issues.get(relabelled.number)?.id ?? 0;
  world.github.state.searchIndexedLabels.set(relabelledId, ["disclosure", "state:triage", "evidence:none"]);
  world.addCase(caseRecord("GHSA-2222-3333-4446", { state: "accepted" }), ["disclosure", "state:accepted", "evidence:none"]);
  const advisoryUpdates = () =>
    world.github.journal
      .of("security-advisories/update-repository-advisory")
      .map((entry) => ({ ghsaId: entry.path.split("/").at(-1), ...(entry.body as object) }));
  return { world, advisoryUpdates };
}

const states = (world: SweepWorld) =>
  (world.github.issues(trackingRepository) ?? []).map((issue) => {
    const reading = readCaseBlock(issue.body);
    return reading.status === "found" ? `${reading.record.key} ${reading.record.state}` : "unreadable";
  });

afterEach(stopTestGitHubs);

describe("disclosure-desk close", () => {
  it("is a command of the entry point, with a usage line for a missing --where", async () => {
    const { io: commandIo, err } = io();
    expect(await runCli(["close", "--dry-run"], { ...commandIo, readStdin: async () => "" })).toBe(2);
    expect(err.join("")).toContain("usage: disclosure-desk close --where <search qualifiers>");
  });

  it("parses the contract and refuses a missing --where", () => {
    expect(parseCloseArguments(["--where", "label:evidence:none", "--older-than", "14d", "--dry-run"])).toEqual({
      where: "label:evidence:none",
      olderThanDays: 14,
      reason: "no-reproduction",
      dryRun: true,
    });
    expect(parseCloseArguments(["--older-than", "14d"])).toMatch(/--where/);
    expect(parseCloseArguments(["--where", "label:x", "--older-than", "two weeks"])).toMatch(/--older-than/);
  });

  it("--dry-run lists what it would close and changes nothing", async () => {
    const { world, advisoryUpdates } = await backlog();
    const { io: commandIo, out, err } = io(world.env);
    expect(await runCloseCommand(["--where", "label:evidence:none", "--older-than", "14d", "--dry-run"], commandIo, overrides)).toBe(0);
    expect(out).toContain(`${trackingRepository}#1 (GHSA-2222-3333-4442): would close as no-reproduction\n`);
    expect(out.join("")).toContain("GHSA-2222-3333-4443): left open: received less than 14 days ago");
    expect(out.join("")).toContain("GHSA-2222-3333-4445): left open: not labelled evidence:none");
    expect(out.join("")).toContain("GHSA-2222-3333-4446): left open: in state accepted");
    expect(out.at(-1)).toBe(
      "close (dry run, nothing changed): would close 1 cases as no-reproduction; 3 found by the search left open; 0 installations failed\n",
    );
    expect(err.join("")).toContain("] 4/4\n");
    expect(world.github.writesTo(trackingRepository)).toEqual([]);
    expect([...(world.github.state.repository("octo-org/widgets")?.advisoryComments.values() ?? [])].flat()).toEqual([]);
    expect(advisoryUpdates()).toEqual([]);
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("closes the same cases for real with the reject message, and only those", async () => {
    const { world, advisoryUpdates } = await backlog();
    const { io: commandIo, out } = io(world.env);
    expect(await runCloseCommand(["--where", "label:evidence:none", "--older-than", "14d"], commandIo, overrides)).toBe(0);
    expect(out.at(-1)).toMatch(/^close: closed 1 cases as no-reproduction; 3 found/);
    expect(states(world)).toEqual([
      "GHSA-2222-3333-4442 rejected",
      "GHSA-2222-3333-4443 triage",
      "GHSA-2222-3333-4445 triage",
      "GHSA-2222-3333-4446 accepted",
    ]);
    expect(advisoryUpdates()).toEqual([expect.objectContaining({ ghsaId: "GHSA-2222-3333-4442", state: "closed" })]);
    const [message, ...others] = world.github.advisoryComments("GHSA-2222-3333-4442") ?? [];
    expect(others).toEqual([]);
    expect(message?.body).toContain("it does not give us a way to reproduce the problem");
    expect(world.github.journal.problems()).toEqual([]);
  });
});
