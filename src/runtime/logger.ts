import { getTransformStream } from "@probot/pino";
import { pino, type DestinationStream, type Logger } from "pino";

/**
 * The server's logger: Probot's own format (pretty, or JSON in production) with report content redacted. When a
 * handler fails, Probot logs the error with the whole webhook event attached, and Octokit's errors carry the request
 * body and the response: all three can hold a researcher's report, so none of them reaches a log line. Probot's access
 * log records each request's headers: the `Authorization` header (the METRICS_TOKEN bearer) is redacted there too.
 */

export const REDACTED = "[redacted: may hold report content]";
export const REDACTED_CREDENTIAL = "[redacted: credential]";

/**
 * `req` is the access log's request, which pino-http binds to a child logger for every request, log line or not: it is
 * redacted by `withoutCredential` as a whole, because pino's path redaction (`req.headers.authorization`) copies and
 * walks every request to find a header that only requests for /metrics carry.
 */
export const REDACTED_PATHS = [
  "event",
  "payload",
  "err.event",
  "err.request.body",
  "err.response.data",
  "err.errors[*].event",
  "err.errors[*].request.body",
  "err.errors[*].response.data",
  "req",
];

export function loggerOptions(level: string | undefined): pino.LoggerOptions {
  return {
    level: level || "info",
    name: "probot",
    redact: {
      paths: REDACTED_PATHS,
      censor: (value: unknown, path: string[]) => (path[0] === "req" ? withoutCredential(value) : REDACTED),
    },
  };
}

/** The request with its `Authorization` header, when it has one, replaced; the same request when it has none. */
function withoutCredential(request: unknown): unknown {
  if (!isObject(request) || !isObject(request.headers) || !("authorization" in request.headers)) return request;
  return { ...request, headers: { ...request.headers, authorization: REDACTED_CREDENTIAL } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A logger writing to `destination` (tests capture lines this way). */
export function createLoggerTo(destination: DestinationStream, level?: string): Logger {
  return pino(loggerOptions(level), destination);
}

export async function createLogger(env: NodeJS.ProcessEnv): Promise<Logger> {
  const logFormat = env.LOG_FORMAT ? (env.LOG_FORMAT === "pretty" ? "pretty" : "json") : env.NODE_ENV === "production" ? "json" : "pretty";
  const transform = await getTransformStream({ logFormat, logLevelInString: env.LOG_LEVEL_IN_STRING === "true" });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino(loggerOptions(env.LOG_LEVEL), transform);
}
