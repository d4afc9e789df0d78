import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { computeDeadlines } from "../../src/sla/index.js";
import { awaitsEvaluation, caseClock, evaluatedAt, movedDates } from "../../src/case/case-clock.js";
import { planCaseSweep, type SweepAction } from "../../src/sweep/plan-sweep.js";
import { withStateChange } from "../../src/case/state-change.js";
import { openedCase, sweepConfig } from "./fixtures.js";

const config = sweepConfig();
const DAY = 86_400_000;

/** A case received at `receivedAt`, asked a question at `askedAt` and answered at `answeredAt`. */
function answeredCase(policy: DisclosureConfig, receivedAt: string, askedAt: string, answeredAt: string): CaseRecord {
  const deadlines = computeDeadlines({ receivedAt: new Date(receivedAt) }, policy.sla, policy.calendar);
  const received = openedCase(policy, {
    receivedAt,
    openedAt: receivedAt,
    acknowledgement: { status: "sent", at: receivedAt },
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
      ...(deadlines.firstUpdateDue ? { firstUpdateDue: deadlines.firstUpdateDue.toISOString() } : {}),
    },
  });
  const asked = withStateChange(received, "needs-info", new Date(askedAt), policy.sla);
  return withStateChange(asked, "triage", new Date(answeredAt), policy.sla);
}

const running = (record: CaseRecord, now: string, policy = config) =>
  caseClock(record, policy, new Date(now)).running.map((deadline) => deadline.kind);

describe("the evaluation promise", () => {
  it("is owed until the case is accepted, rejected or marked duplicate, whatever was said before", () => {
    const updated = openedCase(config, { firstResponseAt: "2026-11-24T10:00:00.000Z", lastUpdateAt: "2026-11-24T10:00:00.000Z" });
    expect(awaitsEvaluation(updated)).toBe(true);
    expect(running(updated, "2026-11-25T10:00:00Z")).toEqual(["response", "resolution", "update"]);

    for (const state of ["accepted", "rejected", "duplicate"] as const) {
      const evaluated = withStateChange(updated, state, new Date("2026-11-26T10:00:00Z"), config.sla);
      expect(evaluatedAt(evaluated)).toBe("2026-11-26T10:00:00.000Z");
      expect(awaitsEvaluation(evaluated)).toBe(false);
      expect(running(evaluated, "2026-11-27T10:00:00Z")).not.toContain("response");
    }
  });

  it("keeps running in needs-info when the policy does not pause the clock", () => {
    const runningPolicy = sweepConfig({ sla: { resolution: { days: 30 }, needsInfo: { pauseClock: false } } });
    const asked = withStateChange(openedCase(runningPolicy), "needs-info", new Date("2026-11-24T10:00:00Z"), runningPolicy.sla);
    expect(running(asked, "2026-11-25T10:00:00Z", runningPolicy)).toEqual(["response", "resolution"]);
    const paused = withStateChange(openedCase(config), "needs-info", new Date("2026-11-24T10:00:00Z"), config.sla);
    expect(caseClock(paused, config, new Date("2026-11-25T10:00:00Z"))).toMatchObject({ paused: true, running: [] });
  });

  it("reads an old record by its triage time, and a record in an evaluated state without one by its first response", () => {
    expect(
      evaluatedAt(
        openedCase(config, { state: "rejected", firstResponseAt: "2026-11-24T10:00:00.000Z", triagedAt: "2026-11-25T10:00:00.000Z" }),
      ),
    ).toBe("2026-11-25T10:00:00.000Z");
    expect(evaluatedAt(openedCase(config, { state: "resolved", firstResponseAt: "2026-11-24T10:00:00.000Z" }))).toBe(
      "2026-11-24T10:00:00.000Z",
    );
    // An old record whose first response was an update or a question: not evaluated, the deadline still runs.
    const questioned = openedCase(config, { state: "triage", firstResponseAt: "2026-11-24T10:00:00.000Z", pause: { pausedMs: 0 } });
    expect(evaluatedAt(questioned)).toBeUndefined();
    expect(running(questioned, "2026-11-25T10:00:00Z")).toContain("response");
  });
});

describe("movedDates", () => {
  const received = "2026-11-23T10:00:00.000Z";

  it("gives the evaluation deadline and the derived resolution date moved by the whole paused days", () => {
    const record = answeredCase(config, received, "2026-11-24T09:00:00Z", "2026-12-01T12:00:00Z");
    expect(movedDates(record, config)).toEqual({
      pausedDays: 7,
      evaluationDue: new Date("2026-12-09T22:59:59.999Z"),
      resolutionDue: new Date("2026-12-30T22:59:59.999Z"),
    });
  });

  it("leaves out a resolution date a maintainer gave, which the pause does not move", () => {
    const record = { ...answeredCase(config, received, "2026-11-24T09:00:00Z", "2026-12-01T12:00:00Z"), resolveBy: "2027-01-15" };
    expect(movedDates(record, config)).toEqual({ pausedDays: 7, evaluationDue: new Date("2026-12-09T22:59:59.999Z") });
  });

  it("is nothing for a pause under a day, a running pause, an evaluated case, or a policy that never pauses", () => {
    expect(movedDates(answeredCase(config, received, "2026-11-24T09:00:00Z", "2026-11-25T08:59:59Z"), config)).toBeUndefined();
    expect(
      movedDates(withStateChange(openedCase(config), "needs-info", new Date("2026-11-24T09:00:00Z"), config.sla), config),
    ).toBeUndefined();
    const answered = answeredCase(config, received, "2026-11-24T09:00:00Z", "2026-12-01T12:00:00Z");
    expect(movedDates(withStateChange(answered, "accepted", new Date("2026-12-01T13:00:00Z"), config.sla), config)).toBeUndefined();
    const neverPauses = sweepConfig({ sla: { resolution: { days: 30 }, needsInfo: { pauseClock: false } } });
    expect(movedDates({ ...answered, pause: { pausedMs: 7 * DAY } }, neverPauses)).toBeUndefined();
  });
});

describe("telling the researcher", () => {
  it("does not announce a moved deadline that has already passed (a sweep that ran late): the maintainers are escalated instead", () => {
    const record = answeredCase(config, "2026-11-23T10:00:00.000Z", "2026-11-24T09:00:00Z", "2026-12-01T12:00:00Z");
    const types = (now: string) => planCaseSweep({ record, labels: [], config, now: new Date(now) }).actions.map((action) => action.type);
    expect(types("2026-12-09T22:59:59.999Z")).toContain("tellNewDates");
    expect(types("2026-12-09T23:00:00.000Z")).toEqual(["escalate", "setSlaLabel", "recordSweep"]);
  });
});

describe("a moved deadline at a holiday and a clock change", () => {
  const sweep = (record: CaseRecord, now: string, policy = config) =>
    planCaseSweep({ record, labels: [], config: policy, now: new Date(now) });
  const keys = (actions: SweepAction[]) => actions.flatMap((action) => ("key" in action ? [action.key] : []));

  it("skips Christmas Day when it moves the deadline by business days", () => {
    // Received Monday 14 December 2026: due Monday 21 December. Four paused days: 22, 23, 24 and 28 December.
    const record = answeredCase(config, "2026-12-14T10:00:00.000Z", "2026-12-15T09:00:00Z", "2026-12-19T10:00:00Z");
    expect(movedDates(record, config)?.evaluationDue).toEqual(new Date("2026-12-28T22:59:59.999Z"));
    const told = sweep(record, "2026-12-19T11:00:00Z").actions[0] as Extract<SweepAction, { type: "tellNewDates" }>;
    expect(told.message).toContain("**We will respond by Monday 28 December 2026, 23:59 CET**");
  });

  it("moves across Easter Monday and into summer time, and breaches at the local end of the day, not an hour later", () => {
    const dutch = sweepConfig({ language: "nl" });
    // Received Thursday 18 March 2027: due Thursday 25 March, 23:59 CET. Three paused days: 26 March, then (Easter
    // Monday 29 March is a holiday, and clocks go forward on 28 March) 30 and 31 March.
    const record = answeredCase(dutch, "2027-03-18T10:00:00.000Z", "2027-03-19T08:00:00Z", "2027-03-22T10:00:00Z");
    const moved = movedDates(record, dutch);
    expect(moved?.evaluationDue).toEqual(new Date("2027-03-31T21:59:59.999Z"));
    expect(moved?.resolutionDue).toEqual(new Date("2027-04-20T21:59:59.999Z"));

    const told = sweep(record, "2027-03-22T11:00:00Z", dutch).actions[0] as Extract<SweepAction, { type: "tellNewDates" }>;
    expect(told.message).toContain("**Wij reageren uiterlijk woensdag 31 maart 2027, 23:59 CEST**");
    expect(told.message).toContain("lossen wij het probleem uiterlijk dinsdag 20 april 2027, 23:59 CEST op");

    const sent = { ...record, reminders: [{ key: told.key, at: "2027-03-22T11:00:00.000Z" }] };
    expect(keys(sweep(sent, "2027-03-29T21:59:59Z", dutch).actions)).toEqual([]); // still Easter Monday in Amsterdam
    expect(keys(sweep(sent, "2027-03-29T22:00:00Z", dutch).actions)).toEqual(["response:2027-03-31T21:59:59.999Z:remind"]);
    expect(keys(sweep(sent, "2027-03-31T21:59:59.999Z", dutch).actions)).not.toContain("response:2027-03-31T21:59:59.999Z:breach");
    expect(keys(sweep(sent, "2027-03-31T22:00:00.000Z", dutch).actions)).toContain("response:2027-03-31T21:59:59.999Z:breach");
  });
});
