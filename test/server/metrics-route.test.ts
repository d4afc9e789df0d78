import { describe, expect, it } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { bearerMatches, metricsAccessLogLine, readMetricsAccess } from "../../src/runtime/metrics-access.js";
import { metricsRoute } from "../../src/runtime/routes.js";

/** The metrics route on its own: who gets the metrics, and that a refused caller costs no GitHub request. */

const TOKEN = "a".repeat(20) + "0123456789abcdef";
const METRICS = '# HELP disclosure_cases Cases by state\ndisclosure_cases{repository="octo-org/private-widgets",state="triage"} 1\n';

async function serve(token: string | undefined) {
  let computed = 0;
  const route = metricsRoute({
    token,
    now: () => 0,
    metrics: async () => {
      computed++;
      return METRICS;
    },
  });
  const server = createServer((request, response) => {
    void route(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  return {
    computed: () => computed,
    async get(authorization?: string) {
      const response = await fetch(url, {
        headers: authorization === undefined ? {} : { authorization },
        signal: AbortSignal.timeout(5_000),
      });
      return { status: response.status, challenge: response.headers.get("www-authenticate"), body: await response.text() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("GET /metrics with a token", () => {
  it("refuses a request without Authorization with 401 and a Bearer challenge, leaking nothing and computing nothing", async () => {
    const metrics = await serve(TOKEN);
    try {
      const anonymous = await metrics.get();
      expect(anonymous).toEqual({ status: 401, challenge: 'Bearer realm="metrics"', body: '{"error":"unauthorized"}' });
      expect(metrics.computed()).toBe(0);
    } finally {
      await metrics.close();
    }
  });

  it.each([
    ["a wrong token", `Bearer ${TOKEN.slice(0, -1)}x`],
    ["the token as a prefix", `Bearer ${TOKEN}x`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, 32)}`],
    ["another scheme", `Basic ${TOKEN}`],
    ["the token without a scheme", TOKEN],
    ["an empty bearer", "Bearer "],
  ])("refuses %s with 401 invalid_token", async (_what, authorization) => {
    const metrics = await serve(TOKEN);
    try {
      const refused = await metrics.get(authorization);
      expect(refused).toEqual({
        status: 401,
        challenge: 'Bearer realm="metrics", error="invalid_token"',
        body: '{"error":"unauthorized"}',
      });
      expect(metrics.computed()).toBe(0);
    } finally {
      await metrics.close();
    }
  });

  it("serves the metrics to the token holder (control), whatever the case of the scheme", async () => {
    const metrics = await serve(TOKEN);
    try {
      expect(await metrics.get(`Bearer ${TOKEN}`)).toMatchObject({ status: 200, body: METRICS });
      expect(await metrics.get(`bearer ${TOKEN}`)).toMatchObject({ status: 200, body: METRICS });
      expect(metrics.computed()).toBe(1);
    } finally {
      await metrics.close();
    }
  });

  it("serves them without a token only where compose mounts it so: the metrics listener without METRICS_TOKEN", async () => {
    const metrics = await serve(undefined);
    try {
      expect(await metrics.get()).toMatchObject({ status: 200, body: METRICS });
    } finally {
      await metrics.close();
    }
  });
});

describe("bearerMatches", () => {
  it("takes exactly the token", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN} extra`, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
  });
});

describe("readMetricsAccess", () => {
  it.each([
    [{}, { kind: "off" }],
    [{ METRICS_TOKEN: "", METRICS_PORT: "" }, { kind: "off" }],
    [{ METRICS_TOKEN: TOKEN }, { kind: "bearer", token: TOKEN }],
    [{ METRICS_PORT: "9464" }, { kind: "listener", host: "127.0.0.1", port: 9464, token: undefined }],
    [
      { METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: TOKEN },
      { kind: "listener", host: "0.0.0.0", port: 9464, token: TOKEN },
    ],
    // A setting that fails its check keeps metrics off rather than serving them under weaker terms.
    [{ METRICS_TOKEN: "short" }, { kind: "off" }],
    [{ METRICS_PORT: "9464", METRICS_TOKEN: "short" }, { kind: "off" }],
    [{ METRICS_PORT: "http" }, { kind: "off" }],
    [{ METRICS_PORT: "3000" }, { kind: "off" }],
  ])("%j → %j", (env, access) => {
    expect(readMetricsAccess(env)).toEqual(access);
  });

  it("says where metrics are served in one start-up line, never with the token", () => {
    const line = metricsAccessLogLine(readMetricsAccess({ METRICS_PORT: "9464", METRICS_TOKEN: TOKEN }));
    expect(line.message).toBe("metrics are served at http://127.0.0.1:9464/metrics only, not on the webhook port");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
    expect(JSON.stringify(metricsAccessLogLine(readMetricsAccess({ METRICS_TOKEN: TOKEN })))).not.toContain(TOKEN);
  });
});
