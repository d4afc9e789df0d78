import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may read `/metrics`. The metrics name the repositories that have open reports, and several of those are private,
 * so the webhook port — which faces the internet, because GitHub must reach it — never answers an anonymous caller:
 *
 * - `METRICS_PORT` set: metrics are served on a listener of their own, bound to `METRICS_HOST` (127.0.0.1 unless set),
 *   and not at all on the webhook port. With `METRICS_TOKEN` also set, that listener asks for the token too.
 * - only `METRICS_TOKEN` set: metrics are served on the webhook port to `Authorization: Bearer <METRICS_TOKEN>`.
 * - neither: metrics are off (the webhook port answers 404, as for any unknown path).
 *
 * A setting that fails its check keeps metrics off rather than serving them under weaker terms.
 */

export type MetricsAccess =
  { kind: "off" } | { kind: "bearer"; token: string } | { kind: "listener"; host: string; port: number; token: string | undefined };

export const METRICS_TOKEN_MIN_LENGTH = 32;
export const DEFAULT_METRICS_HOST = "127.0.0.1";
const DEFAULT_PORT = 3000;

/** RFC 6750's token68 alphabet: what can travel in an `Authorization: Bearer` header unchanged. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const HOST_NAME = /^[A-Za-z0-9.:-]+$/;

/** The metrics settings; an empty value (`METRICS_TOKEN=` in an env file) counts as unset. */
function metricsSettings(env: NodeJS.ProcessEnv) {
  return {
    token: env.METRICS_TOKEN || undefined,
    port: env.METRICS_PORT || undefined,
    host: env.METRICS_HOST || undefined,
    webhookPort: env.PORT,
  };
}

/** One line per problem with the metrics settings; never the token itself. */
export function metricsSettingProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const { token, port: metricsPort, host, webhookPort } = metricsSettings(env);
  if (token !== undefined && token.length < METRICS_TOKEN_MIN_LENGTH) {
    problems.push(`METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (e.g. openssl rand -hex 32), got ${token.length}`);
  } else if (token !== undefined && !BEARER_TOKEN.test(token)) {
    problems.push("METRICS_TOKEN may hold only letters, digits and - . _ ~ + / (with = only at the end), as a bearer token");
  }
  if (metricsPort !== undefined) {
    const port = Number(metricsPort);
    if (!/^\d+$/.test(metricsPort) || port < 1 || port > 65_535) {
      problems.push(`METRICS_PORT must be a port number (1-65535), got "${metricsPort}"`);
    } else if (port === (Number(webhookPort) || DEFAULT_PORT)) {
      problems.push(`METRICS_PORT must differ from PORT (${port}): metrics get a listener of their own`);
    }
  }
  if (host !== undefined) {
    if (metricsPort === undefined)
      problems.push("METRICS_HOST is set but METRICS_PORT is not: METRICS_HOST is where the metrics listener binds");
    else if (!HOST_NAME.test(host)) problems.push(`METRICS_HOST must be an IP address or host name, got "${host}"`);
  }
  return problems;
}

export function readMetricsAccess(env: NodeJS.ProcessEnv): MetricsAccess {
  if (metricsSettingProblems(env).length > 0) return { kind: "off" };
  const { token, port, host } = metricsSettings(env);
  if (port !== undefined) return { kind: "listener", host: host ?? DEFAULT_METRICS_HOST, port: Number(port), token };
  return token === undefined ? { kind: "off" } : { kind: "bearer", token };
}

/**
 * Whether an `Authorization` header carries the token. Both sides are hashed first so that the comparison takes the
 * same time whatever the given value's length, and `timingSafeEqual` then takes the same time wherever they differ.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? "")?.[1];
  if (given === undefined) return false;
  return timingSafeEqual(sha256(given), sha256(token));
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The one start-up line saying where metrics are served. */
export function metricsAccessLogLine(access: MetricsAccess): { fields: Record<string, unknown>; message: string } {
  switch (access.kind) {
    case "off":
      return {
        fields: { metrics: "off" },
        message:
          "metrics are off: set METRICS_TOKEN (bearer token on this port) or METRICS_PORT (a listener of their own) to serve /metrics",
      };
    case "bearer":
      return {
        fields: { metrics: "bearer" },
        message: "metrics are served at /metrics on this port to requests with the METRICS_TOKEN bearer token",
      };
    case "listener":
      return {
        fields: { metrics: "listener", host: access.host, port: access.port, token: access.token !== undefined },
        message: `metrics are served at http://${access.host.includes(":") ? `[${access.host}]` : access.host}:${access.port}/metrics only, not on the webhook port`,
      };
    default: {
      const unknown: never = access;
      throw new Error(`unknown metrics access ${(unknown as MetricsAccess).kind}`);
    }
  }
}
