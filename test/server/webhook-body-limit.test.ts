import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot } from "probot";
import { pino } from "pino";
import {
  boundedWebhookMiddleware,
  limitWebhookBodies,
  readWebhookMaxBytes,
  webhookMaxBytesProblems,
  DEFAULT_WEBHOOK_MAX_BYTES,
} from "../../src/runtime/webhook-body-limit.js";
import { issuesOpenedPayload } from "../fixtures/webhook-payloads.js";
import { TestOctokit, testPrivateKey } from "../helpers/probot.js";
import { rawPost, type RawPostResult } from "../helpers/raw-http.js";

/**
 * The size limit in front of Probot's webhook middleware, mounted the way Probot's server mounts it: the server asks
 * the app for `getNodeMiddleware()` after the app has loaded. Each attack has its control: the same delivery within
 * the limit reaches the handler.
 */

const SECRET = "webhook-secret-for-limit-tests";
const LIMIT = 1024 * 1024;
const MiB = 1024 * 1024;

let server: Server | undefined;
let received: string[] = [];

beforeEach(() => {
  received = [];
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function startLimitedWebhooks(maxBytes = LIMIT): Promise<number> {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: SECRET,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  probot.on("issues.opened", async (context) => {
    received.push(context.id);
  });
  limitWebhookBodies(probot, maxBytes);
  const middleware = await probot.getNodeMiddleware();
  server = createServer((request, response) => {
    void middleware(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A signed `issues.opened` delivery padded to about `bytes`. */
function delivery(bytes: number): Buffer {
  const payload = issuesOpenedPayload();
  const base = Buffer.byteLength(JSON.stringify({ ...payload, padding: "" }));
  return Buffer.from(JSON.stringify({ ...payload, padding: "x".repeat(Math.max(0, bytes - base)) }));
}

function headers(id: string, body: Buffer): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": "issues",
    "x-github-delivery": id,
    "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
  };
}

/** Posts a signed delivery of `body` (or a signature of `signedBody`) with the raw client; chunked unless declared. */
function send(
  port: number,
  id: string,
  body: Buffer,
  options: { declaredLength?: number; signedBody?: Buffer; firstChunkOnly?: boolean } = {},
): Promise<RawPostResult> {
  return rawPost({ port, path: "/api/github/webhooks", headers: headers(id, options.signedBody ?? body), body, ...options });
}

describe("webhook bodies over WEBHOOK_MAX_BYTES", () => {
  it("refuses a declared oversize body with 413 before reading it, and no handler runs", async () => {
    const port = await startLimitedWebhooks();
    const body = delivery(8 * MiB);
    const sent = await send(port, "declared-oversize", body, { declaredLength: body.length, firstChunkOnly: true });
    expect(sent).toMatchObject({ status: 413, reset: false });
    expect(received).toEqual([]);
  });

  it("processes a signed delivery just under the limit, sent the same way (control)", async () => {
    const port = await startLimitedWebhooks();
    const body = delivery(LIMIT - 1024);
    const sent = await send(port, "declared-within", body, { declaredLength: body.length });
    expect(sent.status).toBe(200);
    expect(received).toEqual(["declared-within"]);
  });

  it("refuses a correctly signed chunked body over the limit, and no handler runs", async () => {
    const port = await startLimitedWebhooks();
    const sent = await send(port, "chunked-oversize", delivery(LIMIT + 64 * 1024));
    expect(sent.status === 413 || sent.reset).toBe(true);
    expect(received).toEqual([]);
  });

  it("processes a chunked delivery just under the limit (control)", async () => {
    const port = await startLimitedWebhooks();
    const sent = await send(port, "chunked-within", delivery(LIMIT - 1024));
    expect(sent).toMatchObject({ status: 200, reset: false });
    expect(received).toEqual(["chunked-within"]);
  });

  it("cuts off a chunked body that never ends instead of reading it", async () => {
    const port = await startLimitedWebhooks();
    const endless = Buffer.alloc(64 * MiB, "x");
    const sent = await send(port, "chunked-endless", endless, { signedBody: Buffer.from("{}") });
    expect(sent.status === 413 || sent.reset).toBe(true);
    // Past the limit the server stops reading: what the client wrote beyond it sits in socket buffers, a few MiB at most.
    expect(sent.written).toBeLessThan(16 * MiB);
    expect(received).toEqual([]);
  });

  it("leaves other paths to the handlers behind it", async () => {
    const port = await startLimitedWebhooks();
    const response = await fetch(`http://127.0.0.1:${port}/email/inbound`, { method: "POST", body: Buffer.alloc(2 * LIMIT) });
    expect(response.status).toBe(404);
  });
});

describe("which requests the limit applies to", () => {
  /** The path as Probot's webhook middleware computes it, parsed every time. */
  function parsedPath(url: string): string | undefined {
    const trimmed = url.replace(/\/+$/, "") || "/";
    try {
      return new URL(trimmed, "http://localhost").pathname;
    } catch {
      return undefined;
    }
  }

  /** Whether the middleware refused a POST to `url` that declares a body over the limit, or let it through. */
  async function refused(path: string, url: string): Promise<boolean> {
    let status: number | undefined;
    const response = { writeHead: (code: number) => ((status = code), { end: () => undefined }) } as unknown as ServerResponse;
    const passedOn = async () => true;
    const middleware = boundedWebhookMiddleware(passedOn, path, LIMIT);
    await middleware({ method: "POST", url, headers: { "content-length": String(2 * LIMIT) } } as unknown as IncomingMessage, response);
    return status === 413;
  }

  it("applies to every spelling of the webhook path that parses to it, and to no other, as when every URL was parsed", async () => {
    const pieces = ["/", "api", "github", "webhooks", "%2F", "%61pi", "..", ".", "//", "\\", "API", "?x=1", "#f", " ", "%"];
    const paths = ["/api/github/webhooks", "/api/github/webhooks/", "/", "/hooks/../api", "/%7Ehooks", "/~hooks", "hooks"];
    const urls = fc.oneof(
      fc.constantFrom(...paths, "/api/github/webhooks?x=1", "/api//github/webhooks", "/%7ehooks", "/api"),
      fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join("")),
    );
    const seen = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), urls, async (path, url) => {
        const expected = parsedPath(url) === (path.replace(/\/+$/, "") || "/");
        seen.add(expected);
        expect(await refused(path, url)).toBe(expected);
      }),
      { numRuns: 2_000, seed: 21 },
    );
    expect(seen).toEqual(new Set([true, false]));
  });
});

describe("WEBHOOK_MAX_BYTES", () => {
  it("defaults to 26 MiB, above GitHub's 25 MB cap on webhook payloads", () => {
    expect(readWebhookMaxBytes({})).toBe(DEFAULT_WEBHOOK_MAX_BYTES);
    expect(DEFAULT_WEBHOOK_MAX_BYTES).toBe(26 * MiB);
    expect(DEFAULT_WEBHOOK_MAX_BYTES).toBeGreaterThan(25_000_000);
  });

  it.each([["abc"], ["26MB"], ["1000"], ["-5"]])("refuses %s in one line and falls back on the default", (value) => {
    expect(webhookMaxBytesProblems({ WEBHOOK_MAX_BYTES: value })).toEqual([
      `WEBHOOK_MAX_BYTES must be a whole number of bytes, at least 1048576 (GitHub sends webhooks of up to 25 MB), got "${value}"`,
    ]);
    expect(readWebhookMaxBytes({ WEBHOOK_MAX_BYTES: value })).toBe(DEFAULT_WEBHOOK_MAX_BYTES);
  });

  it("takes a valid value", () => {
    expect(webhookMaxBytesProblems({ WEBHOOK_MAX_BYTES: "52428800" })).toEqual([]);
    expect(readWebhookMaxBytes({ WEBHOOK_MAX_BYTES: "52428800" })).toBe(52_428_800);
  });
});
