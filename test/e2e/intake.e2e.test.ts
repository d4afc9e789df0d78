import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { invalidRequests, startWorld, type World } from "./support/world.js";

/**
 * The real server (`npm start`) against the strict GitHub stand-in, with signed webhooks. Every request the app
 * makes is validated by the stand-in against GitHub's REST description; `refused()` lists any it had to refuse.
 */

jest.setTimeout(90_000);

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

function refused(current: World): string[] {
  return invalidRequests(current.github);
}

function trackingIssues(current: World) {
  return [...(current.github.state.repositories.get(current.fixture.trackingRepository)?.issues.values() ?? [])];
}

function advisoryComments(current: World, ghsaId: string) {
  return current.github.state.repositories.get(current.fixture.advisoryRepository)?.advisoryComments.get(ghsaId) ?? [];
}

describe("intake end to end", () => {
  it("turns a signed repository_advisory.reported webhook into a private case and an acknowledgement", async () => {
    world = await startWorld();
    const response = await world.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload());

    expect(response.status).toBe(200);
    expect(refused(world)).toEqual([]);
    const issues = trackingIssues(world);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.labels.map((label) => label.name)).toEqual(expect.arrayContaining(["disclosure", "state:triage", "severity:high"]));
    const block = readCaseBlock(issues[0]?.body);
    expect(block.status === "found" && block.record.acknowledgement.status).toBe("sent");
    const comments = advisoryComments(world, world.fixture.ghsaId);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("We will respond by Monday 23 November 2026, 23:59 CET");
    expect(comments[0]?.user.login).toBe("disclosure-desk[bot]");
  });

  it("answers a webhook with a bad signature with an error and does nothing", async () => {
    world = await startWorld();
    const response = await world.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload(), {
      secret: "not-the-secret",
    });

    expect([400, 401]).toContain(response.status);
    expect(world.github.journal.entries.filter((entry) => entry.method !== "GET")).toEqual([]);
    expect(trackingIssues(world)).toHaveLength(0);
  });

  it("opens one case when the same delivery arrives five times at once, even while search lags", async () => {
    world = await startWorld({ searchIndexLagMs: 30_000 });
    const app = world.apps[0]!;
    const payload = repositoryAdvisoryReportedPayload();
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map(() => app.sendWebhook("repository_advisory", payload, { deliveryId: "same-delivery" })),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(trackingIssues(world)).toHaveLength(1);
    expect(advisoryComments(world, world.fixture.ghsaId)).toHaveLength(1);
    expect(refused(world)).toEqual([]);
  });

  it("writes no report content to a public tracking repository", async () => {
    world = await startWorld({ trackingPrivate: false });
    const response = await world.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload());

    expect(response.status).toBe(200);
    const writes = world.github.journal.entries.filter(
      (entry) => entry.method !== "GET" && entry.path.includes(world!.fixture.trackingRepository),
    );
    expect(writes).toHaveLength(1);
    expect(JSON.stringify(writes[0]?.body)).not.toContain("SQL injection");
    expect(JSON.stringify(writes[0]?.body)).not.toContain(world.fixture.ghsaId);
    expect(advisoryComments(world, world.fixture.ghsaId)).toHaveLength(1);
    expect(world.apps[0]!.output()).toContain("tracking repository is public");
  });

  it("survives a fault storm: every case exactly once, one acknowledgement each, after redelivery of what failed", async () => {
    world = await startWorld();
    const { github } = world;
    const app = world.apps[0]!;
    const reports = [0, 1, 2, 3, 4, 5].map((index) => world!.newReport(index));
    // Each intake step fails once somewhere in the storm: 5xx, a reset connection, a slow answer.
    github.faults.inject({ operationId: "repos/get-content" }, { kind: "status", status: 502 }, 1);
    github.faults.inject({ operationId: "search/issues-and-pull-requests" }, { kind: "status", status: 500 }, 2);
    github.faults.inject({ operationId: "issues/create" }, { kind: "reset" }, 1);
    github.faults.inject({ operationId: "issues/create" }, { kind: "delay", milliseconds: 1_500 }, 1);
    github.faults.inject({ method: "POST", path: /\/security-advisories\/[^/]+\/comments$/ }, { kind: "status", status: 503 }, 2);
    github.faults.inject({ operationId: "issues/update" }, { kind: "status", status: 500 }, 1);

    const firstRound = await Promise.all(
      reports.map((payload, index) => app.sendWebhook("repository_advisory", payload, { deliveryId: `storm-${index}` })),
    );
    // GitHub does not retry a failed delivery by itself; an operator (or the sweep) redelivers it.
    for (const [index, response] of firstRound.entries()) {
      if (response.status !== 200) {
        const again = await app.sendWebhook("repository_advisory", reports[index], { deliveryId: `storm-${index}` });
        expect(again.status).toBe(200);
      }
    }
    // And a late duplicate of every delivery.
    await Promise.all(reports.map((payload, index) => app.sendWebhook("repository_advisory", payload, { deliveryId: `storm-${index}` })));

    const issues = trackingIssues(world);
    for (const payload of reports) {
      const ghsaId = payload.repository_advisory.ghsa_id;
      expect(issues.filter((issue) => issue.title.startsWith(ghsaId))).toHaveLength(1);
      expect(advisoryComments(world, ghsaId)).toHaveLength(1);
    }
    expect(refused(world)).toEqual([]);
  });
});
