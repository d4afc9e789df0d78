import { describe, expect, it } from "@jest/globals";
import {
  acknowledgementOutcome,
  computeMetrics,
  renderMetricsCsv,
  renderMetricsMarkdown,
  renderPrometheusMetrics,
  responseOutcome,
  updateOutcome,
  type MeasuredCase,
} from "../../src/dashboard/metrics.js";
import { withStateChange } from "../../src/case/state-change.js";
import { openedCase, sweepConfig } from "./fixtures.js";

const config = sweepConfig();
const clock = { sla: config.sla, calendar: config.calendar };
const now = new Date("2027-01-15T12:00:00Z");
const hoursAfterReceipt = (hours: number) => new Date(Date.parse("2026-11-23T10:00:00Z") + hours * 3_600_000);

function measured(
  changes: Parameters<typeof openedCase>[1],
  key: string,
  policy = "Openworx Responsible Disclosure",
  repository = "octo-org/widgets",
): MeasuredCase {
  const record = openedCase(config, changes, key);
  return { record: { ...record, source: { ...record.source, repository } }, policy, clock };
}

// Received Monday 23 November 2026; response due 30 November, resolution due 23 December.
const answeredAndFixed = withStateChange(
  withStateChange(openedCase(config, {}, "GHSA-0001"), "accepted", hoursAfterReceipt(24), config.sla),
  "resolved",
  hoursAfterReceipt(24 * 20),
  config.sla,
);
const cases: MeasuredCase[] = [
  { record: answeredAndFixed, policy: "Openworx Responsible Disclosure", clock },
  measured(
    { state: "accepted", firstResponseAt: hoursAfterReceipt(24 * 9).toISOString(), triagedAt: hoursAfterReceipt(24 * 9).toISOString() },
    "GHSA-0002",
  ),
  measured(
    { state: "rejected", firstResponseAt: hoursAfterReceipt(48).toISOString(), triagedAt: hoursAfterReceipt(48).toISOString() },
    "GHSA-0003",
    "Mijnpartnergroep",
    "octo-org/partner-site",
  ),
];

describe("computeMetrics", () => {
  const report = computeMetrics(cases, now);
  const all = report.rows[0];

  it("measures time to first response, triage and resolution", () => {
    expect(all).toMatchObject({ dimension: "all", cases: 3, states: { resolved: 1, accepted: 1, rejected: 1 } });
    expect(all?.firstResponse).toEqual({ count: 3, medianHours: 48, p90Hours: 216, sumHours: 24 + 216 + 48 });
    expect(all?.resolution).toEqual({ count: 1, medianHours: 480, p90Hours: 480, sumHours: 480 });
  });

  it("counts deadlines kept and broken, including a resolution deadline an open case has passed", () => {
    expect(all?.deadlines).toEqual({
      acknowledgement: { kept: 3, broken: 0, pending: 0 },
      response: { kept: 2, broken: 1, pending: 0 },
      resolution: { kept: 1, broken: 1, pending: 0 },
      // GHSA-0002 is open and its researcher has heard nothing since the acceptance: the first update was due 7 December.
      update: { kept: 2, broken: 1, pending: 0 },
    });
  });

  it("breaks the numbers down per repository and per policy", () => {
    expect(report.rows.map((row) => `${row.dimension}:${row.name}:${row.cases}`)).toEqual([
      "all:all:3",
      "repository:octo-org/partner-site:1",
      "repository:octo-org/widgets:2",
      "policy:Mijnpartnergroep:1",
      "policy:Openworx Responsible Disclosure:2",
    ]);
  });

  it("moves the deadlines by the time paused before judging them", () => {
    const paused = measured(
      {
        state: "accepted",
        firstResponseAt: hoursAfterReceipt(24).toISOString(),
        resolvedAt: undefined,
        pause: { pausedMs: 60 * 86_400_000 },
      },
      "GHSA-0004",
    );
    expect(computeMetrics([paused], now).rows[0]?.deadlines.resolution).toEqual({ kept: 0, broken: 0, pending: 1 });
  });

  it("judges each promise on its own: only an evaluation meets the response deadline, and a pause keeps it pending", () => {
    const beforeDue = new Date("2026-11-30T12:00:00Z");
    const afterDue = new Date("2026-12-01T12:00:00Z");
    const unacknowledged = measured({ acknowledgement: { status: "pending" } }, "GHSA-0006");
    expect([acknowledgementOutcome(unacknowledged, beforeDue), acknowledgementOutcome(unacknowledged, afterDue)]).toEqual([
      "pending",
      "broken",
    ]);
    const relayed = measured({ acknowledgement: { status: "relay-needed", at: hoursAfterReceipt(1).toISOString() } }, "GHSA-0007");
    expect(acknowledgementOutcome(relayed, afterDue)).toBe("kept");

    const updatedOnly = measured(
      { firstResponseAt: hoursAfterReceipt(24).toISOString(), lastUpdateAt: hoursAfterReceipt(24).toISOString() },
      "GHSA-0008",
    );
    expect([responseOutcome(updatedOnly, beforeDue), responseOutcome(updatedOnly, afterDue)]).toEqual(["pending", "broken"]);
    const waiting = measured(
      {
        state: "needs-info",
        firstResponseAt: hoursAfterReceipt(24).toISOString(),
        pause: { since: hoursAfterReceipt(24).toISOString(), pausedMs: 0 },
      },
      "GHSA-0009",
    );
    expect(responseOutcome(waiting, afterDue)).toBe("pending");
    expect(
      responseOutcome(measured({ state: "withdrawn", firstResponseAt: hoursAfterReceipt(24).toISOString() }, "GHSA-0010"), afterDue),
    ).toBe("not-applicable");

    expect(updateOutcome(updatedOnly, new Date("2026-12-08T12:00:00Z"))).toBe("pending"); // next update 24 November + 14 days
    expect(updateOutcome(updatedOnly, new Date("2026-12-09T12:00:00Z"))).toBe("broken");
    const noCadence = { ...updatedOnly, clock: { ...clock, sla: { ...config.sla, updates: undefined } } };
    expect(updateOutcome(noCadence, new Date("2027-01-09T12:00:00Z"))).toBe("not-applicable");
  });

  it("renders Markdown, CSV and Prometheus text", () => {
    const markdown = renderMetricsMarkdown(report);
    expect(markdown).toContain(
      "| **all cases** | 3 | 0.0 / 0.0 | 48.0 / 216.0 | 48.0 / 216.0 | 480.0 / 480.0 | 3 / 0 / 0 (100% kept) | 2 / 1 / 0 (67% kept) | 1 / 1 / 0 (50% kept) | 2 / 1 / 0 (67% kept) |",
    );
    const csv = renderMetricsCsv(report).split("\n");
    expect(csv[0]).toBe(
      "dimension,name,cases,acknowledgement_median_hours,acknowledgement_p90_hours,first_response_median_hours,first_response_p90_hours,evaluation_median_hours,evaluation_p90_hours,resolution_median_hours,resolution_p90_hours,acknowledgement_kept,acknowledgement_broken,acknowledgement_pending,response_kept,response_broken,response_pending,resolution_kept,resolution_broken,resolution_pending,update_kept,update_broken,update_pending",
    );
    expect(csv[1]).toBe("all,all,3,0.0,0.0,48.0,216.0,48.0,216.0,480.0,480.0,3,0,0,2,1,0,1,1,0,2,1,0");
    const prometheus = renderPrometheusMetrics(report);
    expect(prometheus).toContain(
      'disclosure_desk_deadlines{repository="octo-org/widgets",policy="Openworx Responsible Disclosure",kind="response",outcome="broken"} 1',
    );
    expect(prometheus).toContain(
      'disclosure_desk_time_to_first_response_hours{repository="octo-org/widgets",policy="Openworx Responsible Disclosure",quantile="0.5"} 24',
    );
    expect(prometheus).toContain("# TYPE disclosure_desk_time_to_resolution_hours summary");
    expect(prometheus).toContain(
      'disclosure_desk_time_to_evaluation_hours{repository="octo-org/widgets",policy="Openworx Responsible Disclosure",quantile="0.9"} 216',
    );
    expect(prometheus).toContain(
      'disclosure_desk_time_to_acknowledgement_hours_count{repository="octo-org/widgets",policy="Openworx Responsible Disclosure"} 2',
    );
    expect(prometheus).toContain(
      'disclosure_desk_deadlines{repository="octo-org/widgets",policy="Openworx Responsible Disclosure",kind="update",outcome="broken"} 1',
    );
  });

  it("escapes names in every format", () => {
    const odd = computeMetrics([measured({}, "GHSA-0005", 'Policy "A", b|c')], now);
    expect(renderMetricsCsv(odd)).toContain('policy,"Policy ""A"", b|c",1');
    expect(renderMetricsMarkdown(odd)).toContain('| policy Policy "A", b\\|c |');
    expect(renderPrometheusMetrics(odd)).toContain('policy="Policy \\"A\\", b|c"');
  });
});
