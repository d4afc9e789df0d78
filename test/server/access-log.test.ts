import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { createLoggerTo, REDACTED, REDACTED_CREDENTIAL } from "../../src/runtime/logger.js";

/**
 * The access log binds every request to a child logger (`req`), headers included; its `Authorization` header, the
 * METRICS_TOKEN bearer on /metrics, never reaches a line. The logger redacts `req` as a whole: these tests hold its
 * lines to those of pino's own path redaction of `req.headers.authorization`, byte for byte.
 */

function capturing(make: (destination: Writable) => Logger): { log: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    log: make(destination),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.replace(/"time":\d+,/, "")),
  };
}

/** The redaction as it was: pino's path redaction of the header. */
function pathRedacted(destination: Writable): Logger {
  const paths = ["event", "payload", "err.event", "err.request.body", "err.response.data", "req.headers.authorization"];
  const censor = (_value: unknown, path: string[]) => (path[0] === "req" ? REDACTED_CREDENTIAL : REDACTED);
  return pino({ level: "info", name: "probot", redact: { paths, censor } }, destination);
}

/** A request as pino-http's serializer makes it: fields on a prototype, set on the object itself. */
function serialisedRequest(headers: unknown): object {
  const shape = Object.create(
    {},
    Object.fromEntries(
      ["id", "method", "url", "headers", "remoteAddress"].map((key) => [key, { enumerable: true, writable: true, value: "" }]),
    ),
  );
  Object.defineProperty(shape, "raw", { enumerable: false, get: () => ({ secret: "not logged" }) });
  return Object.assign(Object.create(shape), { id: "d-1", method: "GET", url: "/metrics", headers, remoteAddress: "127.0.0.1" });
}

const token = "metrics-token-0123456789abcdef0123456789abcdef";

describe("the access log", () => {
  it("writes every request as pino's path redaction of the Authorization header did", () => {
    const headerLists = fc.array(
      fc.oneof(
        fc.constantFrom<[string, unknown]>(["authorization", `Bearer ${token}`], ["authorization", ""], ["authorization", undefined]),
        fc.tuple(fc.constantFrom("host", "accept", "content-type", "x-github-event", "user-agent"), fc.string({ maxLength: 12 })),
      ),
      { maxLength: 6 },
    );
    const requests = fc.oneof(
      headerLists.map((headers) => serialisedRequest(Object.fromEntries(headers))),
      headerLists.map((headers) => ({ method: "POST", headers: Object.fromEntries(headers) })),
      fc.constantFrom<unknown>(
        "GET /metrics",
        42,
        null,
        { headers: null },
        { headers: "authorization" },
        { headers: ["authorization"] },
        {},
      ),
    );
    const seen = new Set<boolean>();
    fc.assert(
      fc.property(requests, (request) => {
        const ours = capturing((destination) => createLoggerTo(destination, "info"));
        const before = capturing(pathRedacted);
        for (const { log } of [ours, before]) {
          log.child({ req: request }).info("GET /metrics 200");
          log.info({ req: request, responseTime: 3 }, "request completed");
        }
        expect(ours.lines()).toEqual(before.lines());
        expect(ours.lines().join("\n")).not.toContain(token);
        seen.add(ours.lines().join("\n").includes(REDACTED_CREDENTIAL));
      }),
      { numRuns: 500, seed: 21 },
    );
    expect(seen).toEqual(new Set([true, false]));
  });
});
