import { describe, expect, it } from "@jest/globals";
import { computeChartFigures, monthsUpTo } from "../../src/dashboard/charts.js";
import { planDashboard, type DashboardCase } from "../../src/dashboard/dashboard-view.js";
import { dashboardHashOf, renderDashboard } from "../../src/dashboard/render-dashboard.js";
import { caseRecord, policy } from "./world.js";

const now = new Date("2026-12-01T09:00:00Z");
const clock = { sla: policy.sla, calendar: policy.calendar };

function item(number: number, receivedAt: string, changes: Parameters<typeof caseRecord>[2] = {}): DashboardCase {
  return {
    number,
    title: `[GHSA-${number}] case ${number}`,
    record: caseRecord(`GHSA-aaaa-bbbb-${String(number).padStart(4, "0")}`, receivedAt, changes),
    config: policy,
  };
}

describe("chart figures", () => {
  it.each([
    ["2026-12-01T09:00:00Z", ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]],
    ["2027-02-10T09:00:00Z", ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]],
    // 23:30 UTC on 31 December is already January in Amsterdam.
    ["2026-12-31T23:30:00Z", ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01"]],
  ])("counts the six months up to %s in the policy's zone", (at, months) => {
    expect(monthsUpTo(new Date(at), "Europe/Amsterdam", 6)).toEqual(months);
  });

  it("puts a case in the month of its receipt in the policy's zone, medians and worst per month, and the promise", () => {
    const cases = [
      caseRecord("GHSA-1", "2026-11-30T23:30:00.000Z", { state: "accepted", triagedAt: "2026-12-01T05:30:00.000Z" }),
      caseRecord("GHSA-2", "2026-11-02T09:00:00.000Z", { state: "accepted", triagedAt: "2026-11-03T09:00:00.000Z" }),
      caseRecord("GHSA-3", "2026-11-04T09:00:00.000Z", { state: "accepted", triagedAt: "2026-11-07T09:00:00.000Z" }),
      caseRecord("GHSA-4", "2026-11-05T09:00:00.000Z", { state: "withdrawn", triagedAt: "2026-11-06T09:00:00.000Z" }),
    ].map((record) => ({ record, policy: "Openworx", clock }));
    const figures = computeChartFigures(cases, "Europe/Amsterdam", now);
    expect(figures.opened).toEqual([0, 0, 0, 0, 3, 1]);
    expect(figures.closed).toEqual([0, 0, 0, 0, 1, 0]);
    const evaluation = figures.durations.find((series) => series.measure === "evaluation")!;
    expect(evaluation.median.slice(4)).toEqual([1, 0.3]);
    expect(evaluation.worst.slice(4)).toEqual([3, 0.3]);
    expect(evaluation.promise[4]).toBeGreaterThan(6);
    expect(figures.durations.find((series) => series.measure === "acknowledgement")!.promise).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("planning the dashboard", () => {
  it("groups open cases most urgent first and leaves closed ones to the counts", () => {
    const view = planDashboard(
      [
        item(1, "2026-11-10T09:00:00.000Z", { state: "accepted", firstResponseAt: "2026-11-11T09:00:00.000Z" }),
        item(2, "2026-11-20T09:00:00.000Z", {
          state: "needs-info",
          firstResponseAt: "2026-11-21T09:00:00.000Z",
          pause: { since: "2026-11-21T09:00:00.000Z", pausedMs: 0 },
        }),
        item(3, "2026-11-30T09:00:00.000Z"),
        item(4, "2026-11-20T09:00:00.000Z"),
        item(5, "2026-10-20T09:00:00.000Z", { state: "accepted", firstResponseAt: "2026-10-21T09:00:00.000Z" }),
        item(6, "2026-10-01T09:00:00.000Z", { state: "resolved", resolvedAt: "2026-11-01T09:00:00.000Z" }),
        item(7, "2026-10-01T09:00:00.000Z", { state: "withdrawn" }),
        item(8, "2026-11-24T09:00:00.000Z"),
      ],
      policy,
      now,
    );
    expect(view.groups.map((group) => [group.name, group.rows.map((row) => row.number)])).toEqual([
      ["breached", [5, 4]],
      ["due-soon", [8]],
      ["triage", [3]],
      ["needs-info", [2]],
      ["accepted", [1]],
      ["awaiting-publication", [6]],
    ]);
    expect(view.counts).toEqual([
      { state: "triage", count: 3 },
      { state: "needs-info", count: 1 },
      { state: "accepted", count: 2 },
      { state: "resolved", count: 1 },
      { state: "withdrawn", count: 1 },
    ]);
  });

  it.each([
    [6, false],
    [7, true],
  ])("flags a CVE request without an id after %i day(s): %s", (days, overdue) => {
    const requestedAt = new Date(now.getTime() - days * 86_400_000).toISOString();
    const view = planDashboard([item(1, "2026-10-01T09:00:00.000Z", { state: "published", cve: { requestedAt } })], policy, now);
    expect(view.cveRequests.map((row) => [row.waitingDays, row.overdue])).toEqual([[days, overdue]]);
  });
});

describe("rendering the dashboard", () => {
  it("carries the hash of what it shows, the same for the same view, in both languages", () => {
    const view = planDashboard([item(1, "2026-11-30T09:00:00.000Z")], policy, now);
    const english = renderDashboard(view, "en");
    expect(renderDashboard(view, "en")).toEqual(english);
    expect(dashboardHashOf(english.body)).toBe(english.hash);
    const dutch = renderDashboard(planDashboard([item(1, "2026-11-30T09:00:00.000Z")], { ...policy, language: "nl" }, now), "nl");
    expect(dutch.body).toContain("## In triage, op tijd");
    expect(dutch.body).toContain("beoordeling uiterlijk maandag 7 december 2026, 23:59 CET");
    expect(dutch.hash).not.toBe(english.hash);
    expect(dashboardHashOf("a body without the marker")).toBeUndefined();
  });

  it("says so instead of drawing a duration chart no case has reached", () => {
    const view = planDashboard([item(1, "2026-11-30T09:00:00.000Z", { acknowledgement: { status: "pending" } })], policy, now);
    const { body } = renderDashboard(view, "en");
    expect(body.match(/```mermaid\n/g)).toHaveLength(1);
    expect(body).toContain("No case has got this far in the last six months.");
    expect(body).toContain("No response or resolution deadline has come due yet.");
  });
});
