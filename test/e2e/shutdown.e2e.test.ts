import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { startApp } from "./support/app-process.js";
import { startWorld, WEBHOOK_SECRET, type World } from "./support/world.js";

jest.setTimeout(120_000);

/** The server's own bound on shutdown (src/server.ts). */
const SHUTDOWN_BOUND_MS = 25_000;
/** How long the stand-in holds the tracking issue's creation: the intake is in flight when SIGTERM arrives. */
const SLOW_CREATE_MS = 4_000;

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("graceful shutdown", () => {
  it("finishes an intake in flight on SIGTERM within the bound, and a redelivery to a fresh process changes nothing", async () => {
    // The node process itself, so that its own exit code is seen (npm would report the signal instead).
    world = await startWorld({ command: [process.execPath, "dist/server.js"] });
    const { github, fixture } = world;
    const first = world.apps[0]!;
    github.faults.inject({ operationId: "issues/create" }, { kind: "delay", milliseconds: SLOW_CREATE_MS });
    const payload = world.newReport(1);
    const ghsaId = payload.repository_advisory.ghsa_id;

    const delivery = first.sendWebhook("repository_advisory", payload, { deliveryId: "slow-intake" });
    await waitFor(() => github.journal.of("issues/create").length > 0, "the intake to reach issues/create");
    const signalledAt = Date.now();
    const exitCode = await first.stop("SIGTERM");
    const shutdownMs = Date.now() - signalledAt;
    const response = await delivery;

    expect(github.journal.of("issues/create")[0]?.fault).toBe("delay");
    expect(exitCode).toBe(0);
    expect(shutdownMs).toBeLessThan(SHUTDOWN_BOUND_MS);
    // The webhook in flight was answered (not cut off), after the slow creation finished.
    expect(response.status).toBe(200);
    expect(shutdownMs).toBeGreaterThan(SLOW_CREATE_MS / 2);

    const fresh = await startApp({
      appId: fixture.app.id,
      privateKey: fixture.app.keys.privateKey,
      webhookSecret: WEBHOOK_SECRET,
      gitHubHost: new URL(github.url).host,
      command: [process.execPath, "dist/server.js"],
    });
    world.apps.push(fresh);
    const redelivery = await fresh.sendWebhook("repository_advisory", payload, { deliveryId: "slow-intake" });

    expect(redelivery.status).toBe(200);
    const trackingIssues = [...github.state.repository(fixture.trackingRepository)!.issues.values()].filter((issue) =>
      issue.title.includes(ghsaId),
    );
    expect(trackingIssues).toHaveLength(1);
    const acknowledgements = github.state.repository(fixture.advisoryRepository)!.advisoryComments.get(ghsaId) ?? [];
    expect(acknowledgements).toHaveLength(1);
    expect(github.journal.of("issues/create")).toHaveLength(1);
    expect(github.journal.entries.flatMap((entry) => entry.problems)).toEqual([]);
  });
});
