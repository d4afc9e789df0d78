import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  INBOUND_PATH,
  MAX_INBOUND_IN_FLIGHT,
  SIGNATURE_HEADER,
  emailInboundRoute,
  signInboundMessage,
} from "../../src/email/inbound-route.js";
import type { ReceiveOutcome } from "../../src/email/receive-email.js";
import { rawPost, type RawPostResult } from "../helpers/raw-http.js";

/**
 * The HTTP limits of `POST /email/inbound`: how many deliveries are read and handled at once, and how large one may
 * be. `receive` stands in for the intake and can be held open, so that "in flight" is a state the test controls.
 */

const SECRET = "inbound-secret-for-limit-tests";
const MAX_BYTES = 64 * 1024;

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

interface HeldReceiver {
  receive: (raw: Buffer) => Promise<ReceiveOutcome>;
  started: () => number;
  releaseAll: () => void;
}

/** A receiver whose calls stay in flight until released. */
function heldReceiver(): HeldReceiver {
  let started = 0;
  const waiting: Array<() => void> = [];
  let released = false;
  return {
    receive: async () => {
      started++;
      if (!released) await new Promise<void>((resolve) => waiting.push(resolve));
      return { status: "ignored", caseKey: `DD-${String(started).padStart(12, "0")}` };
    },
    started: () => started,
    releaseAll: () => {
      released = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

async function listen(receive: (raw: Buffer) => Promise<ReceiveOutcome>): Promise<string> {
  const route = emailInboundRoute({ secret: SECRET, maxBytes: MAX_BYTES, receive, onError: () => undefined });
  server = createServer((request, response) => {
    void route(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${INBOUND_PATH}`;
}

function deliver(url: string, index: number): Promise<Response> {
  const body = Buffer.from(`Message-ID: <m${index}@example.org>\r\nSubject: report ${index}\r\n\r\nbody ${index}\r\n`);
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "message/rfc822", [SIGNATURE_HEADER]: signInboundMessage(SECRET, body) },
    signal: AbortSignal.timeout(10_000),
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("concurrent deliveries to POST /email/inbound", () => {
  it(`answers 503 with Retry-After to the delivery after ${MAX_INBOUND_IN_FLIGHT} in flight, and takes it once they are done`, async () => {
    const held = heldReceiver();
    const url = await listen(held.receive);
    const inFlight = Array.from({ length: MAX_INBOUND_IN_FLIGHT }, (_, index) => deliver(url, index));
    await waitFor(() => held.started() === MAX_INBOUND_IN_FLIGHT, `${MAX_INBOUND_IN_FLIGHT} deliveries in flight`);

    const refused = await deliver(url, MAX_INBOUND_IN_FLIGHT);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(held.started()).toBe(MAX_INBOUND_IN_FLIGHT);

    held.releaseAll();
    expect((await Promise.all(inFlight)).map((response) => response.status)).toEqual(Array(MAX_INBOUND_IN_FLIGHT).fill(200));
    // Control: with the four done, the same delivery is taken.
    const retried = await deliver(url, MAX_INBOUND_IN_FLIGHT);
    expect(retried.status).toBe(200);
    expect(held.started()).toBe(MAX_INBOUND_IN_FLIGHT + 1);
  });

  it("frees the place of a delivery refused as too large or wrongly signed", async () => {
    const held = heldReceiver();
    held.releaseAll();
    const url = await listen(held.receive);
    for (let attempt = 0; attempt < MAX_INBOUND_IN_FLIGHT + 2; attempt++) {
      const tooLarge = await fetch(url, {
        method: "POST",
        body: Buffer.alloc(MAX_BYTES + 1, "x"),
        headers: { [SIGNATURE_HEADER]: "sha256=00" },
      });
      expect(tooLarge.status).toBe(413);
      const unsigned = await fetch(url, { method: "POST", body: "x", headers: { [SIGNATURE_HEADER]: "sha256=00" } });
      expect(unsigned.status).toBe(401);
    }
    expect((await deliver(url, 1)).status).toBe(200);
  });
});

/** Sends a signed `body` chunked, without Content-Length. */
function sendChunked(url: URL, body: Buffer): Promise<RawPostResult> {
  return rawPost({ port: Number(url.port), path: INBOUND_PATH, headers: { [SIGNATURE_HEADER]: signInboundMessage(SECRET, body) }, body });
}

describe("an inbound message over EMAIL_MAX_BYTES", () => {
  it("is refused when sent chunked, without a Content-Length, and is not received", async () => {
    const held = heldReceiver();
    held.releaseAll();
    const url = new URL(await listen(held.receive));
    const result = await sendChunked(url, Buffer.alloc(2 * MAX_BYTES, "x"));
    expect(result.status === 413 || result.reset).toBe(true);
    expect(held.started()).toBe(0);
    // Control: a message within the limit, sent the same way, is received.
    expect(await sendChunked(url, Buffer.alloc(MAX_BYTES - 1024, "x"))).toMatchObject({ status: 200, reset: false });
    expect(held.started()).toBe(1);
  });
});
