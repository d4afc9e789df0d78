import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { freePort } from "./support/app-process.js";
import { startWorld, type World } from "./support/world.js";

/**
 * `/metrics` through the real server (`npm start`): the metrics name repositories with open reports, private ones
 * included, so the webhook port — which faces the internet — answers them only to the bearer token, or not at all
 * when they have a listener of their own.
 */

jest.setTimeout(90_000);

const METRICS_TOKEN = "metrics-token-for-the-e2e-suite-0123456789";
/** The repository the fixture's report is filed against; any metrics line naming it would leak it. */
const REPOSITORY = "octo-org/widgets";

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function get(url: string, token?: string) {
  const response = await fetch(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, challenge: response.headers.get("www-authenticate"), body: await response.text() };
}

async function worldWithOneCase(appEnv: Record<string, string>): Promise<World> {
  const started = await startWorld({ appEnv });
  const delivery = await started.apps[0]!.sendWebhook("repository_advisory", started.newReport(1));
  expect(delivery.status).toBe(200);
  return started;
}

describe("/metrics on the webhook port with METRICS_TOKEN", () => {
  it("refuses anonymous and wrong-token callers with 401 and no repository names, and serves the token holder", async () => {
    world = await worldWithOneCase({ METRICS_TOKEN });
    const app = world.apps[0]!;

    const anonymous = await get(`${app.url}/metrics`);
    expect(anonymous).toMatchObject({ status: 401, challenge: 'Bearer realm="metrics"' });
    expect(anonymous.body).not.toContain(REPOSITORY);
    expect(anonymous.body).not.toContain("octo-org");

    const wrong = await get(`${app.url}/metrics`, `${METRICS_TOKEN.slice(0, -1)}x`);
    expect(wrong).toMatchObject({ status: 401, challenge: 'Bearer realm="metrics", error="invalid_token"' });
    expect(wrong.body).not.toContain("octo-org");
    const prefix = await get(`${app.url}/metrics`, METRICS_TOKEN.slice(0, 32));
    expect(prefix.status).toBe(401);

    // Control: the token holder gets the metrics, repository names and all.
    const authorised = await get(`${app.url}/metrics`, METRICS_TOKEN);
    expect(authorised.status).toBe(200);
    expect(authorised.body).toMatch(/^# HELP /m);
    expect(authorised.body).toContain(REPOSITORY);

    // Health and readiness stay open to probes.
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
    expect((await get(`${app.url}/readyz`)).status).toBe(200);

    expect(app.output()).toContain("metrics are served at /metrics on this port to requests with the METRICS_TOKEN bearer token");
    // The access log records every request, headers included: the token must not be among them.
    expect(app.output()).toContain("GET /metrics 200");
    expect(app.output()).toContain('"authorization":"[redacted: credential]"');
    expect(app.output()).not.toContain(METRICS_TOKEN);
  });
});

describe("/metrics with METRICS_PORT", () => {
  it("serves the metrics on their own 127.0.0.1 listener and not at all on the webhook port", async () => {
    const metricsPort = await freePort();
    world = await worldWithOneCase({ METRICS_PORT: String(metricsPort) });
    const app = world.apps[0]!;

    const onWebhookPort = await get(`${app.url}/metrics`);
    expect(onWebhookPort.status).toBe(404);
    expect(onWebhookPort.body).not.toContain("octo-org");

    // Control: the same request on the metrics listener is answered with the metrics.
    const onMetricsPort = await get(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(onMetricsPort.status).toBe(200);
    expect(onMetricsPort.body).toContain(REPOSITORY);
    // The metrics listener answers nothing else.
    expect((await get(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
    expect(app.output()).toContain(`metrics are served at http://127.0.0.1:${metricsPort}/metrics only, not on the webhook port`);
  });

  it("asks for METRICS_TOKEN on the metrics listener too when both are set", async () => {
    const metricsPort = await freePort();
    world = await worldWithOneCase({ METRICS_PORT: String(metricsPort), METRICS_TOKEN });
    const app = world.apps[0]!;
    expect((await get(`${app.url}/metrics`, METRICS_TOKEN)).status).toBe(404);
    const anonymous = await get(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).not.toContain("octo-org");
    const authorised = await get(`http://127.0.0.1:${metricsPort}/metrics`, METRICS_TOKEN);
    expect(authorised.status).toBe(200);
    expect(authorised.body).toContain(REPOSITORY);
  });
});

describe("/metrics with neither METRICS_TOKEN nor METRICS_PORT", () => {
  it("is off, and the start-up log says so in one line", async () => {
    world = await worldWithOneCase({});
    const app = world.apps[0]!;
    const response = await get(`${app.url}/metrics`);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("octo-org");
    const offLines = app
      .output()
      .split("\n")
      .filter((line) => line.includes("metrics are off"));
    expect(offLines).toHaveLength(1);
    expect(offLines[0]).toContain(
      "set METRICS_TOKEN (bearer token on this port) or METRICS_PORT (a listener of their own) to serve /metrics",
    );
  });
});
