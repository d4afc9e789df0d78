import { afterEach, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { readCaseBlock } from "../../src/case/case-record.js";
import { createRedisLocks } from "../../src/runtime/redis-locks.js";
import { dashboardWorld, type DashboardWorld } from "./world.js";

/**
 * The dashboard against the stateful stand-in for GitHub, every request checked against GitHub's REST description:
 * one issue per tracking repository, rows in urgency order, a Mermaid block per chart, no write when nothing
 * changed, and only the app's own dashboard ever believed.
 */

const now = new Date("2026-12-01T09:00:00Z");
const later = new Date("2026-12-11T09:00:00Z");

let world: DashboardWorld;

afterEach(async () => {
  await world.close();
});

/** Three cases in different states: waiting on the researcher, accepted, resolved and awaiting publication. */
function seedThreeCases(): { waiting: number; accepted: number; resolved: number } {
  const waiting = world.seedCase("GHSA-aaaa-bbbb-0001", "[GHSA-aaaa-bbbb-0001] Open redirect on login", "2026-11-25T09:00:00.000Z", {
    state: "needs-info",
    firstResponseAt: "2026-11-26T10:00:00.000Z",
    pause: { since: "2026-11-26T10:00:00.000Z", pausedMs: 0 },
  });
  const accepted = world.seedCase(
    "GHSA-aaaa-bbbb-0002",
    "[GHSA-aaaa-bbbb-0002] SQL injection in @octo-org search #3",
    "2026-11-10T09:00:00.000Z",
    {
      state: "accepted",
      firstResponseAt: "2026-11-12T09:00:00.000Z",
      triagedAt: "2026-11-12T09:00:00.000Z",
    },
  );
  const resolved = world.seedCase("GHSA-aaaa-bbbb-0003", "[GHSA-aaaa-bbbb-0003] Stored XSS in widget titles", "2026-11-03T09:00:00.000Z", {
    state: "resolved",
    firstResponseAt: "2026-11-04T09:00:00.000Z",
    triagedAt: "2026-11-05T09:00:00.000Z",
    resolvedAt: "2026-11-28T09:00:00.000Z",
    closing: { askedAt: "2026-11-28T09:00:00.000Z" },
  });
  return { waiting: waiting.number, accepted: accepted.number, resolved: resolved.number };
}

function headingsOf(body: string): string[] {
  return [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1] ?? "");
}

describe("the dashboard issue, against the stand-in", () => {
  it("opens one dashboard with counts, rows most urgent first, a Mermaid block per chart and no report content", async () => {
    world = await dashboardWorld();
    const cases = seedThreeCases();
    await world.sweep(now);

    const dashboards = world.dashboards();
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0]?.body ?? "";
    expect(dashboards[0]?.title).toBe("Disclosure dashboard");
    expect(dashboards[0]?.labels.map((label) => label.name)).toEqual(["disclosure-dashboard"]);
    expect(body).toContain("**1** needs-info · **1** accepted · **1** resolved");
    expect(headingsOf(body).slice(0, 3)).toEqual(["Waiting on the researcher", "Accepted", "Resolved, awaiting publication"]);
    const rows = body.split("\n").filter((line) => /^\| #\d/.test(line));
    expect(rows.map((row) => Number(/^\| #(\d+)/.exec(row)?.[1]))).toEqual([cases.waiting, cases.accepted, cases.resolved]);
    expect(rows[0]).toContain("waiting 4 day(s)");
    expect(rows[1]).toContain("resolution by Thursday 10 December 2026, 23:59 CET");
    expect(rows[1]).toContain("resolution date Thursday 10 December 2026, 23:59 CET");
    expect(rows[2]).toContain("still needs: the draft sent for review, the researcher's consent");
    // The title is the app's, with the researcher's mentions and references neutralised.
    expect(rows[1]).toContain("@\u200bocto-org search \\#\u200b3");
    expect(body.match(/```mermaid\n/g)).toHaveLength(5);
    expect(body).toContain("## Cases opened and closed per month");
    expect(body).toContain('x-axis ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]');
    expect(body).toContain("bar [0, 0, 0, 0, 3, 0]");
    expect(body).toContain("## Time to evaluation per month (days)");
    expect(body).toMatch(/<!-- disclosure-desk:dashboard sha256:[0-9a-f]{64} -->\n$/);
  });

  it("writes nothing on a second sweep when nothing changed, and one edit when something did", async () => {
    world = await dashboardWorld();
    seedThreeCases();
    await world.sweep(now);
    const dashboard = world.dashboards()[0]!;
    world.github.journal.clear();

    await world.sweep(new Date(now.getTime() + 60_000));
    expect(world.writes()).toEqual([]);

    // Another case arrives: one edit of the same issue, no second dashboard.
    world.seedCase("GHSA-aaaa-bbbb-0004", "[GHSA-aaaa-bbbb-0004] Path traversal in exports", "2026-11-30T09:00:00.000Z");
    world.github.journal.clear();
    await world.sweep(new Date(now.getTime() + 120_000));
    const dashboardWrites = world
      .writes()
      .filter((write) => write.path.endsWith(`/issues/${dashboard.number}`) || write.path.endsWith("/issues"));
    expect(dashboardWrites).toHaveLength(1);
    expect(dashboardWrites[0]?.method).toBe("PATCH");
    expect(world.dashboards()).toHaveLength(1);
    expect(headingsOf(world.dashboards()[0]?.body ?? "")[0]).toBe("In triage, on time");
  });

  it("moves a case whose deadline breaks to the top", async () => {
    world = await dashboardWorld();
    const cases = seedThreeCases();
    await world.sweep(now);
    await world.sweep(later);

    const body = world.dashboards()[0]?.body ?? "";
    expect(headingsOf(body)[0]).toBe("🔴 Deadline broken");
    const rows = body.split("\n").filter((line) => /^\| #\d/.test(line));
    expect(Number(/^\| #(\d+)/.exec(rows[0] ?? "")?.[1])).toBe(cases.accepted);
    expect(world.dashboards()).toHaveLength(1);
  });

  it("ignores a look-alike dashboard someone else opened, and reuses its own", async () => {
    world = await dashboardWorld();
    seedThreeCases();
    const mallory = world.github.state.seedUser("mallory");
    const lookAlike = world.github.state.createIssue(world.tracking, {
      title: "Disclosure dashboard",
      body: "All clear, nothing to see.\n\n<!-- disclosure-desk:dashboard sha256:" + "0".repeat(64) + " -->\n",
      labels: ["disclosure-dashboard"],
      user: mallory,
    });
    await world.sweep(now);

    expect(lookAlike.body).toContain("All clear");
    expect(
      world.github.journal.entries.filter((entry) => entry.method === "PATCH" && entry.path.endsWith(`/issues/${lookAlike.number}`)),
    ).toEqual([]);
    const own = world.dashboards();
    expect(own).toHaveLength(1);
    expect(own[0]?.number).not.toBe(lookAlike.number);

    // Control: the app's own dashboard, gone stale, is rewritten in place rather than opened again.
    own[0]!.body = "stale";
    world.github.journal.clear();
    await world.sweep(now);
    expect(world.github.journal.of("issues/create")).toEqual([]);
    expect(world.github.journal.of("issues/update").map((entry) => entry.path)).toEqual([
      `/repos/octo-org/security-cases/issues/${own[0]!.number}`,
    ]);
    expect(world.dashboards()[0]?.body).toContain("## Waiting on the researcher");
  });

  it("closes a second dashboard of its own as a duplicate and keeps the oldest", async () => {
    world = await dashboardWorld();
    seedThreeCases();
    const bot = world.github.state.app!.bot;
    const oldest = world.github.state.createIssue(world.tracking, {
      title: "Disclosure dashboard",
      body: "old",
      labels: ["disclosure-dashboard"],
      user: bot,
    });
    const second = world.github.state.createIssue(world.tracking, {
      title: "Disclosure dashboard",
      body: "old",
      labels: ["disclosure-dashboard"],
      user: bot,
    });
    await world.sweep(now);
    expect(world.dashboards().map((issue) => issue.number)).toEqual([oldest.number]);
    expect(second).toMatchObject({ state: "closed", state_reason: "duplicate" });
    expect(oldest.body).toContain("## Waiting on the researcher");
  });

  it("costs two reads and no write for an unchanged refresh, and one write for a changed one", async () => {
    world = await dashboardWorld();
    seedThreeCases();
    await world.sweep(now);
    expect(await world.refreshCalls(now)).toEqual(["issues/list-for-repo", "issues/list-for-repo"]);
    expect(await world.refreshCalls(later)).toEqual(["issues/list-for-repo", "issues/list-for-repo", "issues/update"]);
  });
});

const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!haveRedis) console.warn("dashboard replica test skipped: redis-server is not on PATH (apt-get install -y redis-server)");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

(haveRedis ? describe : describe.skip)("the dashboard with two replicas", () => {
  it("two replicas sweeping at once open one dashboard, never two", async () => {
    world = await dashboardWorld();
    seedThreeCases();
    const port = await freePort();
    const server: ChildProcess = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    const clients = [
      new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: () => 50 }),
      new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: () => 50 }),
    ];
    try {
      await Promise.all(clients.map((client) => client.ping()));
      const keyPrefix = `dashboard-test:${Math.random()}:`;
      const [one, two] = clients.map((client) => createRedisLocks(client, { keyPrefix }));
      await Promise.all([world.sweep(now, one), world.sweep(now, two)]);
      expect(world.dashboards()).toHaveLength(1);
      expect(world.github.journal.of("issues/create")).toHaveLength(1);
      expect(readCaseBlock(world.dashboards()[0]?.body).status).toBe("missing");
    } finally {
      await Promise.all(clients.map((client) => client.quit()));
      server.kill();
    }
  });
});
