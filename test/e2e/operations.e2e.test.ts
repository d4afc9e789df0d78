import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { startWorld, type World } from "./support/world.js";

jest.setTimeout(90_000);

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe("operating the server", () => {
  it("answers /healthz and /readyz, and /readyz really asks GitHub", async () => {
    world = await startWorld();
    const app = world.apps[0]!;
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: "ok" });
    // At start-up the server asks once, for its bot account's login; /readyz asks again, each time it is called.
    const askedAtStartUp = world.github.journal.of("apps/get-authenticated").length;
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: ["github"] });
    expect(askedAtStartUp).toBe(1);
    expect(world.github.journal.of("apps/get-authenticated")).toHaveLength(askedAtStartUp + 1);
  });

  it("serves Prometheus metrics computed from the cases", async () => {
    const token = "operations-metrics-token-0123456789abcdef";
    world = await startWorld({ appEnv: { METRICS_TOKEN: token } });
    const app = world.apps[0]!;
    await app.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload());
    const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const metrics = await response.text();
    expect(metrics).toMatch(/^# HELP /m);
    expect(metrics).toContain("octo-org/widgets");
  });

  it("stops cleanly on SIGTERM", async () => {
    // The node process itself, so that its own exit code is seen (npm would report the signal instead).
    world = await startWorld({ command: [process.execPath, "dist/server.js"] });
    const code = await world.apps[0]!.stop("SIGTERM");
    expect(code).toBe(0);
  });
});
