import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerMatches } from "./metrics-access.js";

/**
 * Operator endpoints beside the webhook route: `/healthz` (the process answers), `/readyz` (GitHub and, when
 * configured, Redis answer) and `/metrics` (Prometheus text, mounted where metrics-access.ts says). Readiness and
 * metrics are cached briefly so a probe or a scrape never turns into a burst of GitHub calls.
 */

export interface OperatorRoutesOptions {
  checks: Record<string, () => Promise<void>>;
  now: () => number;
  readinessTtlMs?: number;
}

export interface MetricsRouteOptions {
  metrics: () => Promise<string>;
  /** The bearer token a request must carry; undefined only on the metrics listener without METRICS_TOKEN. */
  token: string | undefined;
  now: () => number;
  metricsTtlMs?: number;
  onError?: (error: unknown) => void;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export function operatorRoutes(options: OperatorRoutesOptions): Handler {
  const readinessTtlMs = options.readinessTtlMs ?? 10_000;
  let readiness: { at: number; failures: Record<string, string> } | undefined;

  return async (request, response) => {
    if (request.method !== "GET") return false;
    const path = (request.url ?? "").split("?")[0];
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return true;
    }
    if (path === "/readyz") {
      if (!readiness || options.now() - readiness.at > readinessTtlMs) {
        const failures: Record<string, string> = {};
        await Promise.all(
          Object.entries(options.checks).map(async ([name, check]) => {
            try {
              await check();
            } catch (error) {
              failures[name] = error instanceof Error ? error.message : String(error);
            }
          }),
        );
        readiness = { at: options.now(), failures };
      }
      const ready = Object.keys(readiness.failures).length === 0;
      response
        .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify({ status: ready ? "ready" : "not ready", checks: Object.keys(options.checks), failures: readiness.failures }));
      return true;
    }
    return false;
  };
}

/** `GET /metrics`. The token is checked before anything is computed, so a refused caller costs no GitHub request. */
export function metricsRoute(options: MetricsRouteOptions): Handler {
  const metricsTtlMs = options.metricsTtlMs ?? 5 * 60_000;
  let metrics: { at: number; text: string } | undefined;

  return async (request, response) => {
    if (request.method !== "GET" || (request.url ?? "").split("?")[0] !== "/metrics") return false;
    if (options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      const challenge =
        request.headers.authorization === undefined ? 'Bearer realm="metrics"' : 'Bearer realm="metrics", error="invalid_token"';
      response
        .writeHead(401, { "content-type": "application/json", "www-authenticate": challenge })
        .end(JSON.stringify({ error: "unauthorized" }));
      return true;
    }
    if (!metrics || options.now() - metrics.at > metricsTtlMs) {
      try {
        metrics = { at: options.now(), text: await options.metrics() };
      } catch (error) {
        options.onError?.(error);
        response.writeHead(503, { "content-type": "text/plain" }).end("metrics are unavailable: GitHub did not answer\n");
        return true;
      }
    }
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4", "cache-control": "no-store" }).end(metrics.text);
    return true;
  };
}
