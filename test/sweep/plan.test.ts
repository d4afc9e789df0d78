import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { planCaseSweep, sweepMarker, type SweepAction } from "../../src/sweep/plan-sweep.js";
import { withStateChange } from "../../src/case/state-change.js";
import { openedCase, sweepConfig } from "./fixtures.js";

const config = sweepConfig();
const RESPONSE_DUE = "2026-11-30T22:59:59.999Z"; // Monday 30 November, end of day in Amsterdam
const RESOLUTION_DUE = "2026-12-23T22:59:59.999Z"; // 23 November + 30 days
const FIRST_UPDATE_DUE = "2026-12-07T22:59:59.999Z"; // 23 November + 14 days

/** A tracking issue as the sweep sees it: its record and labels, changed only by what the plans say. */
interface TrackedCase {
  record: CaseRecord;
  labels: string[];
  closed: boolean;
  /** Every message posted, by idempotency key, in order. */
  posted: string[];
  labelHistory: string[];
}

function track(record: CaseRecord): TrackedCase {
  return { record, labels: ["disclosure", "state:triage"], closed: false, posted: [], labelHistory: [] };
}

function apply(tracked: TrackedCase, actions: SweepAction[]): void {
  for (const action of actions) {
    switch (action.type) {
      case "remindMaintainers":
      case "escalate":
      case "updateDue":
      case "closeSilentCase":
      case "tellNewDates":
        tracked.posted.push(action.key);
        break;
      case "setSlaLabel":
        tracked.labels = tracked.labels.filter((label) => !action.remove.includes(label as never));
        if (action.add) tracked.labels.push(action.add);
        tracked.labelHistory.push(action.add ?? "none");
        break;
      case "recordSweep":
        tracked.record = action.record;
        tracked.closed ||= action.close;
        break;
    }
  }
}

function sweep(tracked: TrackedCase, now: string, policy: DisclosureConfig = config): SweepAction[] {
  const { actions } = planCaseSweep({ record: tracked.record, labels: tracked.labels, config: policy, now: new Date(now) });
  apply(tracked, actions);
  return actions;
}

/** Sweeps every hour from `from` to `to`, as the scheduled workflow does. */
function sweepHourly(tracked: TrackedCase, from: string, to: string, policy: DisclosureConfig = config): void {
  for (let at = Date.parse(from); at <= Date.parse(to); at += 3_600_000) sweep(tracked, new Date(at).toISOString(), policy);
}

describe("planCaseSweep", () => {
  it("uses the deadlines intake recorded", () => {
    expect(openedCase(config).deadlines).toEqual({
      responseDue: RESPONSE_DUE,
      resolutionDue: RESOLUTION_DUE,
      firstUpdateDue: FIRST_UPDATE_DUE,
    });
  });

  it("does nothing, and writes nothing, while every deadline is far away", () => {
    const plan = planCaseSweep({ record: openedCase(config), labels: ["disclosure"], config, now: new Date("2026-11-24T12:00:00Z") });
    expect(plan).toEqual({ reasons: [], actions: [] });
  });

  it("reminds maintainers once, the business day before the response deadline, mentioning the team", () => {
    const tracked = track(openedCase(config));
    const actions = sweep(tracked, "2026-11-27T08:00:00Z"); // Friday 09:00 in Amsterdam
    expect(actions.map((action) => action.type)).toEqual(["remindMaintainers", "setSlaLabel", "recordSweep"]);
    const reminder = actions[0] as Extract<SweepAction, { type: "remindMaintainers" }>;
    expect(reminder).toMatchObject({
      key: `response:${RESPONSE_DUE}:remind`,
      deadline: "response",
      due: RESPONSE_DUE,
      businessDaysLeft: 1,
      mention: "octo-org/security",
      marker: `<!-- disclosure-desk:sweep response:${RESPONSE_DUE}:remind -->`,
    });
    expect(reminder.body).toContain(
      "@octo-org/security **Reminder: the response deadline of GHSA-4v7x-pqr2-9c3m is Monday 30 November 2026, 23:59 CET** (1 business day(s) left)",
    );
    expect(reminder.body).toContain(reminder.marker);
    expect(actions[1]).toEqual({ type: "setSlaLabel", add: "sla:due-soon", remove: [] });
    expect(tracked.record.reminders).toEqual([{ key: `response:${RESPONSE_DUE}:remind`, at: "2026-11-27T08:00:00.000Z" }]);
    expect(tracked.record.sla).toEqual({ status: "due-soon", broken: [] });

    expect(sweep(tracked, "2026-11-27T08:00:00Z")).toEqual([]);
    expect(sweep(tracked, "2026-11-30T15:00:00Z")).toEqual([]);
  });

  it("goes due-soon, then breached, and escalates the breach exactly once over days of hourly sweeps", () => {
    const tracked = track(openedCase(config));
    sweepHourly(tracked, "2026-11-23T10:00:00Z", "2026-12-03T10:00:00Z");
    expect(tracked.posted).toEqual([`response:${RESPONSE_DUE}:remind`, `response:${RESPONSE_DUE}:breach`]);
    expect(tracked.labelHistory).toEqual(["sla:due-soon", "sla:breached"]);
    expect(tracked.labels).toEqual(["disclosure", "state:triage", "sla:breached"]);
    expect(tracked.record.sla).toEqual({ status: "breached", broken: ["response"] });
  });

  it("escalates at the first sweep after the deadline, not a millisecond before", () => {
    const before = planCaseSweep({ record: openedCase(config), labels: [], config, now: new Date(RESPONSE_DUE) });
    expect(before.actions.map((action) => action.type)).not.toContain("escalate");
    const after = planCaseSweep({ record: openedCase(config), labels: [], config, now: new Date(Date.parse(RESPONSE_DUE) + 1) });
    const escalation = after.actions.find((action) => action.type === "escalate");
    expect(escalation).toMatchObject({ key: `response:${RESPONSE_DUE}:breach`, deadline: "response" });
    expect(after.actions.map((action) => action.type)).not.toContain("remindMaintainers");
  });

  it("plans the same keyed message again after a crash before the record was written, so the executor can find it", () => {
    const record = openedCase(config);
    const now = new Date("2026-12-01T08:00:00Z");
    const first = planCaseSweep({ record, labels: [], config, now });
    // The escalation was posted and the label set, then the process died before the record was written.
    const rerun = planCaseSweep({ record, labels: ["sla:breached"], config, now: new Date("2026-12-01T09:00:00Z") });
    const escalation = (plan: typeof first) => plan.actions.find((action) => action.type === "escalate");
    expect(escalation(rerun)).toMatchObject({
      key: `response:${RESPONSE_DUE}:breach`,
      marker: sweepMarker(`response:${RESPONSE_DUE}:breach`),
    });
    expect((escalation(rerun) as { marker: string }).marker).toBe((escalation(first) as { marker: string }).marker);
    expect(rerun.actions.map((action) => action.type)).toEqual(["escalate", "recordSweep"]);
  });

  it("stops the response clock at the first response and infers it when a state change did not record it", () => {
    const accepted = openedCase(config, { state: "accepted" });
    const now = new Date("2026-12-02T08:00:00Z"); // after the response deadline
    const plan = planCaseSweep({ record: accepted, labels: [], config, now });
    expect(plan.actions).toEqual([
      { type: "recordSweep", record: { ...accepted, firstResponseAt: now.toISOString(), triagedAt: now.toISOString() }, close: false },
    ]);
    expect(plan.reasons).toEqual(["clock fields missing for state accepted: recorded as of this sweep"]);
  });

  it("does not breach while paused in needs-info, and resumes with deadlines moved by the whole paused days", () => {
    const askedAt = new Date("2026-11-25T09:00:00Z");
    const answeredAt = new Date("2026-12-05T12:00:00Z"); // 10 days and 3 hours later
    const waiting = withStateChange(openedCase(config), "needs-info", askedAt, config.sla);
    expect(waiting.pause).toEqual({ since: askedAt.toISOString(), pausedMs: 0 });

    const tracked = track(waiting);
    sweepHourly(tracked, "2026-11-25T10:00:00Z", "2026-12-05T11:00:00Z");
    expect(tracked.posted).toEqual([]);
    expect(tracked.labelHistory).toEqual([]);

    tracked.record = withStateChange(tracked.record, "accepted", answeredAt, config.sla);
    expect(tracked.record.pause).toEqual({ pausedMs: 10 * 86_400_000 + 3 * 3_600_000 });
    sweepHourly(tracked, "2026-12-05T13:00:00Z", "2026-12-24T12:00:00Z"); // past the unpaused resolution deadline
    expect(tracked.posted).not.toContainEqual(expect.stringMatching(/^resolution:.*:breach$/));
    expect(tracked.labels).not.toContain("sla:breached");

    sweepHourly(tracked, "2026-12-24T13:00:00Z", "2027-01-04T12:00:00Z");
    expect(tracked.posted.filter((key) => key.startsWith("resolution:"))).toEqual([
      "resolution:2027-01-02T22:59:59.999Z:remind",
      "resolution:2027-01-02T22:59:59.999Z:breach",
    ]);
    // No "keep informed" update went out in the six weeks either: the first one was due 14 + 10 days after receipt.
    expect(tracked.posted).toContain("update:2026-12-17T22:59:59.999Z:draft");
    expect(tracked.record.sla?.broken).toEqual(["resolution", "update"]);
  });

  it("never pauses when the policy keeps the clock running in needs-info", () => {
    const running = sweepConfig({ sla: { resolution: { days: 30 }, needsInfo: { pauseClock: false } } });
    const waiting = withStateChange(openedCase(running), "needs-info", new Date("2026-11-25T09:00:00Z"), running.sla);
    expect(waiting.pause).toBeUndefined();
    const plan = planCaseSweep({ record: waiting, labels: [], config: running, now: new Date("2026-12-24T08:00:00Z") });
    // The question is no evaluation: with the clock running, the evaluation deadline is breached as well.
    expect(plan.actions.map((action) => action.type)).toEqual(["escalate", "escalate", "setSlaLabel", "recordSweep"]);
    expect(plan.actions.flatMap((action) => (action.type === "escalate" ? [action.key] : []))).toEqual([
      `response:${RESPONSE_DUE}:breach`,
      "resolution:2026-12-23T22:59:59.999Z:breach",
    ]);
  });

  it("closes a needs-info case once after the configured silence, with a polite message and the clock stopped", () => {
    const askedAt = new Date("2026-11-26T09:00:00Z");
    const tracked = track(withStateChange(openedCase(config), "needs-info", askedAt, config.sla));
    sweepHourly(tracked, "2026-11-26T10:00:00Z", "2026-12-26T08:00:00Z");
    expect(tracked.posted).toEqual([]);

    const actions = sweep(tracked, "2026-12-26T09:00:00Z"); // 30 days after the question
    expect(actions.map((action) => action.type)).toEqual(["closeSilentCase", "recordSweep"]);
    const closing = actions[0] as Extract<SweepAction, { type: "closeSilentCase" }>;
    expect(closing).toMatchObject({
      key: `needs-info:${askedAt.toISOString()}:close`,
      silentDays: 30,
      marker: "<!-- disclosure-desk:closing GHSA-4v7x-pqr2-9c3m -->",
    });
    expect(closing.message).toContain("We asked you for more information about this report 30 days ago and have not heard back");
    expect(closing.message).toContain("[Openworx Responsible Disclosure](https://example.org/responsible-disclosure)");
    expect(tracked.closed).toBe(true);
    expect(tracked.record).toMatchObject({
      state: "withdrawn",
      closedReason: "researcher-silent",
      closedAt: "2026-12-26T09:00:00.000Z",
      pause: { pausedMs: 30 * 86_400_000 },
    });

    sweepHourly(tracked, "2026-12-26T10:00:00Z", "2027-01-10T10:00:00Z");
    expect(tracked.posted).toEqual([`needs-info:${askedAt.toISOString()}:close`]);
  });

  it("counts the silence from the researcher's last message", () => {
    const waiting = withStateChange(openedCase(config), "needs-info", new Date("2026-11-26T09:00:00Z"), config.sla);
    const replied = { ...waiting, researcherActivityAt: "2026-12-10T09:00:00.000Z" };
    const types = (now: string) =>
      planCaseSweep({ record: replied, labels: [], config, now: new Date(now) }).actions.map((action) => action.type);
    expect(types("2027-01-08T09:00:00Z")).toEqual([]);
    expect(types("2027-01-09T09:00:00Z")).toEqual(["closeSilentCase", "recordSweep"]);
  });

  it("drafts a keep-informed update for maintainers before it is due, once per due date", () => {
    const tracked = track(openedCase(config, { state: "accepted", firstResponseAt: "2026-11-25T10:00:00.000Z" }));
    sweepHourly(tracked, "2026-11-25T11:00:00Z", "2026-12-04T12:00:00Z");
    expect(tracked.posted).toEqual([`update:${FIRST_UPDATE_DUE}:draft`]);
    expect(tracked.labels).not.toContain("sla:due-soon");

    const plan = planCaseSweep({
      record: openedCase(config, { state: "accepted", firstResponseAt: "2026-11-25T10:00:00.000Z" }),
      labels: [],
      config,
      now: new Date("2026-12-04T08:00:00Z"),
    });
    const draft = plan.actions[0] as Extract<SweepAction, { type: "updateDue" }>;
    expect(draft.body).toContain("**An update to the researcher on GHSA-4v7x-pqr2-9c3m is due Monday 7 December 2026, 23:59 CET.**");
    expect(draft.body).toContain("at least every 14 days");

    // Maintainers sent the update on 5 December: the next one is due 14 days later.
    tracked.record = { ...tracked.record, lastUpdateAt: "2026-12-05T10:00:00.000Z" };
    sweepHourly(tracked, "2026-12-05T11:00:00Z", "2026-12-18T12:00:00Z");
    expect(tracked.posted).toEqual([`update:${FIRST_UPDATE_DUE}:draft`, "update:2026-12-19T22:59:59.999Z:draft"]);
  });

  it("drops the SLA label when the case leaves the clock", () => {
    const plan = planCaseSweep({
      record: openedCase(config, {
        state: "resolved",
        firstResponseAt: "2026-11-25T10:00:00.000Z",
        resolvedAt: "2026-12-20T10:00:00.000Z",
        sla: { status: "due-soon", broken: [] },
      }),
      labels: ["disclosure", "sla:due-soon"],
      config,
      now: new Date("2026-12-21T10:00:00Z"),
    });
    expect(plan.actions.map((action) => action.type)).toEqual(["setSlaLabel", "recordSweep"]);
    expect(plan.actions[0]).toEqual({ type: "setSlaLabel", add: undefined, remove: ["sla:due-soon"] });
  });

  it("writes to maintainers in the policy's language", () => {
    const dutch = sweepConfig({ language: "nl" });
    const plan = planCaseSweep({ record: openedCase(dutch), labels: [], config: dutch, now: new Date("2026-11-27T08:00:00Z") });
    const reminder = plan.actions[0] as Extract<SweepAction, { type: "remindMaintainers" }>;
    expect(reminder.body).toContain(
      "**Herinnering: de reactietermijn van GHSA-4v7x-pqr2-9c3m verloopt maandag 30 november 2026, 23:59 CET** (nog 1 werkdag(en))",
    );
  });
});
