import { afterEach, describe, expect, it } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { sweepMarker } from "../../src/sweep/plan-sweep.js";
import { sweepInstallation } from "../../src/sweep/run.js";
import { withStateChange } from "../../src/case/state-change.js";
import { openedCase, sweepConfig } from "./fixtures.js";
import { sourceRepository, sweepWorld, trackingRepository, triageAdvisory } from "./sweep-world.js";
import { stopTestGitHubs } from "../helpers/github.js";

const config = sweepConfig();
const RESPONSE_DUE = "2026-11-30T22:59:59.999Z";
const afterBreach = new Date("2026-12-01T08:00:00Z");
const escalationKey = `response:${RESPONSE_DUE}:breach`;

afterEach(stopTestGitHubs);

describe("sweepInstallation", () => {
  it("escalates a breached case: a comment with its marker, the label, and the record, in that order", async () => {
    const world = await sweepWorld();
    const issue = world.addCase(openedCase(config));

    const summary = await sweepInstallation(world.gateway(afterBreach), world.options(afterBreach));

    expect(world.github.journal.problems()).toEqual([]);
    const writes = world.github.writesTo(trackingRepository);
    expect(writes.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `POST /repos/${trackingRepository}/issues/${issue.number}/comments`,
      `POST /repos/${trackingRepository}/issues/${issue.number}/labels`,
      `PATCH /repos/${trackingRepository}/issues/${issue.number}`,
    ]);
    const [comment, labels, update] = writes.map((write) => write.body) as [{ body: string }, unknown, { body: string }];
    expect(comment.body).toContain(
      "@octo-org/security **The response deadline of GHSA-4v7x-pqr2-9c3m has passed** (Monday 30 November 2026, 23:59 CET)",
    );
    expect(comment.body).toContain(sweepMarker(escalationKey));
    expect(labels).toEqual({ labels: ["sla:breached"] });
    expect(update.body.startsWith("Case GHSA-4v7x-pqr2-9c3m\n\n")).toBe(true);
    const reading = readCaseBlock(update.body);
    expect(reading.status === "found" && reading.record.reminders).toEqual([{ key: escalationKey, at: afterBreach.toISOString() }]);
    expect(reading.status === "found" && reading.record.sla).toEqual({ status: "breached", broken: ["response"] });
    expect(summary).toMatchObject({
      repositories: 2,
      trackingRepositories: [trackingRepository],
      openCases: 1,
      casesWithActions: 1,
      posted: 1,
      alreadyPosted: 0,
    });
    expect(summary.actions).toEqual({ escalate: 1, setSlaLabel: 1, recordSweep: 1 });
  });

  it("sends nothing new when it runs twice", async () => {
    const world = await sweepWorld();
    world.addCase(openedCase(config));
    await sweepInstallation(world.gateway(afterBreach), world.options(afterBreach));
    const writesAfterFirst = world.github.writesTo(trackingRepository).length;

    const later = new Date(afterBreach.getTime() + 3_600_000);
    const second = await sweepInstallation(world.gateway(later), world.options(later));

    expect(world.github.writesTo(trackingRepository)).toHaveLength(writesAfterFirst);
    expect(second.casesWithActions).toBe(0);
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("converges after a crash between the comment and the record: the marker is found, nothing is posted twice", async () => {
    const world = await sweepWorld();
    const issue = world.addCase(openedCase(config));
    // A previous run posted the escalation and died before it wrote the label and the record.
    const tracking = world.github.state.repository(trackingRepository);
    const tracked = tracking?.issues.get(issue.number);
    if (!tracking || !tracked) throw new Error("no tracking issue");
    world.github.state.createComment(
      tracking,
      tracked,
      `The deadline has passed.\n\n${sweepMarker(escalationKey)}`,
      world.github.fixture.app.bot,
    );

    const summary = await sweepInstallation(world.gateway(afterBreach), world.options(afterBreach));

    const writes = world.github.writesTo(trackingRepository).map(({ method, path }) => `${method} ${path}`);
    expect(writes).toEqual([
      `POST /repos/${trackingRepository}/issues/${issue.number}/labels`,
      `PATCH /repos/${trackingRepository}/issues/${issue.number}`,
    ]);
    expect(world.github.commentBodies(trackingRepository, issue.number)).toHaveLength(1);
    expect(summary).toMatchObject({ posted: 0, alreadyPosted: 1 });
    const reading = readCaseBlock(world.github.issues(trackingRepository)?.[0]?.body);
    expect(reading.status === "found" && reading.record.reminders?.map((reminder) => reminder.key)).toEqual([escalationKey]);
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("only logs the plan in a dry run", async () => {
    const world = await sweepWorld();
    world.addCase(openedCase(config));
    const summary = await sweepInstallation(world.gateway(afterBreach), world.options(afterBreach, { dryRun: true }));
    expect(world.github.writesTo(trackingRepository)).toEqual([]);
    expect(summary.actions).toEqual({ escalate: 1, setSlaLabel: 1, recordSweep: 1 });
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("stops at the request budget, most urgent case first, and leaves the rest for the next run", async () => {
    const world = await sweepWorld();
    const reminderDue = openedCase(
      config,
      { receivedAt: "2026-11-24T10:00:00.000Z", deadlines: { responseDue: "2026-12-01T22:59:59.999Z" } },
      "GHSA-aaaa-bbbb-cccc",
    );
    world.addCase(reminderDue);
    const breached = world.addCase(openedCase(config));
    const summary = await sweepInstallation(world.gateway(afterBreach), world.options(afterBreach, { maxRequests: 9 }));
    expect(summary.deferred).toBe(1);
    expect(world.github.writesTo(trackingRepository).map(({ path }) => path)).toEqual([
      `/repos/${trackingRepository}/issues/${breached.number}/comments`,
      `/repos/${trackingRepository}/issues/${breached.number}/labels`,
      `/repos/${trackingRepository}/issues/${breached.number}`,
    ]);
  });

  it("closes a silent needs-info case: the researcher is told on the advisory, the record written and the issue closed in one request", async () => {
    const world = await sweepWorld();
    const askedAt = new Date("2026-11-26T09:00:00Z");
    const issue = world.addCase(withStateChange(openedCase(config), "needs-info", askedAt, config.sla), ["disclosure", "state:needs-info"]);
    const now = new Date("2026-12-26T10:00:00Z");

    await sweepInstallation(world.gateway(now), world.options(now));

    expect(world.github.journal.problems()).toEqual([]);
    const [closing, ...others] = world.github.advisoryComments("GHSA-4v7x-pqr2-9c3m") ?? [];
    expect(others).toEqual([]);
    expect(closing?.body).toContain("We asked you for more information about this report 30 days ago");
    const writes = world.github.writesTo(trackingRepository);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      method: "PATCH",
      path: `/repos/${trackingRepository}/issues/${issue.number}`,
      body: { state: "closed", state_reason: "not_planned" },
    });
    const reading = readCaseBlock((writes[0]?.body as { body: string }).body);
    expect(reading.status === "found" && reading.record).toMatchObject({ state: "withdrawn", closedReason: "researcher-silent" });
  });

  it("does not tell the researcher twice when a crash came between the closing message and the closing", async () => {
    const world = await sweepWorld();
    const askedAt = new Date("2026-11-26T09:00:00Z");
    world.addCase(withStateChange(openedCase(config), "needs-info", askedAt, config.sla), ["disclosure", "state:needs-info"]);
    const source = world.github.state.repository(sourceRepository);
    if (!source) throw new Error("no source repository");
    world.github.state.createAdvisoryComment(
      source,
      "GHSA-4v7x-pqr2-9c3m",
      "We are closing this report.\n\n<!-- disclosure-desk:closing GHSA-4v7x-pqr2-9c3m -->",
      world.github.fixture.app.bot,
    );
    const now = new Date("2026-12-26T10:00:00Z");

    const summary = await sweepInstallation(world.gateway(now), world.options(now));

    expect(world.github.advisoryComments("GHSA-4v7x-pqr2-9c3m")).toHaveLength(1);
    expect(summary).toMatchObject({ posted: 0, alreadyPosted: 1 });
    expect(world.github.writesTo(trackingRepository)).toEqual([
      expect.objectContaining({ method: "PATCH", body: expect.objectContaining({ state: "closed" }) }),
    ]);
    expect(world.github.journal.problems()).toEqual([]);
  });

  it("reconciles a missed report: exactly one case, acknowledged late, deadlines from the submission", async () => {
    const world = await sweepWorld();
    const ghsaId = "GHSA-9q8w-7e6r-5t4y";
    world.github.state.adoptAdvisory(sourceRepository, triageAdvisory(ghsaId, "2026-11-16T08:30:00Z"));
    const now = new Date("2026-11-18T09:00:00Z"); // two days after the report, its webhook lost
    const cache = createGatewayCache();

    const first = await sweepInstallation(world.gateway(now, cache), world.options(now));
    const second = await sweepInstallation(
      world.gateway(new Date(now.getTime() + 3_600_000), cache),
      world.options(new Date(now.getTime() + 3_600_000)),
    );
    const third = await sweepInstallation(
      world.gateway(new Date(now.getTime() + 7_200_000)),
      world.options(new Date(now.getTime() + 7_200_000)),
    );

    expect(world.github.journal.problems()).toEqual([]);
    const cases = world.github.issues(trackingRepository) ?? [];
    expect(cases.map((issue) => issue.title)).toEqual([`${ghsaId}: Stored XSS in the widget title`]);
    const reading = readCaseBlock(cases[0]?.body);
    expect(reading.status === "found" && reading.record).toMatchObject({
      key: ghsaId,
      receivedAt: "2026-11-16T08:30:00.000Z",
      openedAt: now.toISOString(),
      deadlines: { responseDue: "2026-11-23T22:59:59.999Z" },
      acknowledgement: { status: "sent" },
    });
    const acknowledgements = world.github.advisoryComments(ghsaId) ?? [];
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]?.body).toContain("We are sorry that this acknowledgement comes late: your report reached us on");
    expect([first.reconciliation, second.reconciliation, third.reconciliation]).toEqual([
      { triageAdvisories: 1, casesOpened: 1 },
      { triageAdvisories: 1, casesOpened: 0 },
      { triageAdvisories: 1, casesOpened: 0 },
    ]);
  });
});
