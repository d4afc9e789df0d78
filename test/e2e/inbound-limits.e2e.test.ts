import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { connect, type Socket } from "node:net";
import { INBOUND_PATH, MAX_INBOUND_IN_FLIGHT, SIGNATURE_HEADER, signInboundMessage } from "../../src/email/inbound-route.js";
import { englishReport, securityAddress } from "../email/support.js";
import { startWorld, type World } from "./support/world.js";

/**
 * The bound on inbound e-mail deliveries in flight, through the real server (`npm start`). Senders that open a
 * delivery and trickle its body hold a place each; the delivery after the fourth is answered 503 before its body is
 * read, and is taken once the places are free again.
 */

jest.setTimeout(90_000);

const SECRET = "e2e-inbound-limits-secret";

let world: World | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await world?.stop();
  world = undefined;
});

interface HeldDelivery {
  /** Writes the rest of the body and resolves with the answer's status. */
  finish(): Promise<number | undefined>;
}

/** A delivery whose headers and first bytes are sent, the rest of its declared body held back. */
async function holdDelivery(port: number, body: Buffer): Promise<HeldDelivery> {
  const socket = connect({ host: "127.0.0.1", port });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let received = "";
  const status = new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 15_000);
    socket.on("data", (data: Buffer) => {
      received += data.toString("latin1");
      const line = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(Number(line[1]));
      }
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  const head = [
    `POST ${INBOUND_PATH} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `${SIGNATURE_HEADER}: sha256=00`,
    `Content-Length: ${body.length}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  socket.write(head);
  socket.write(body.subarray(0, 10));
  return {
    finish: () => {
      socket.write(body.subarray(10));
      return status;
    },
  };
}

async function deliver(url: string, raw: Buffer) {
  const response = await fetch(`${url}${INBOUND_PATH}`, {
    method: "POST",
    body: raw,
    headers: { "content-type": "message/rfc822", [SIGNATURE_HEADER]: signInboundMessage(SECRET, raw) },
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

/** Unsigned: 401 while a place is free, 503 once every place is taken. Bounded to 5 seconds. */
async function waitUntilFull(url: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const probe = await fetch(`${url}${INBOUND_PATH}`, {
      method: "POST",
      body: "probe",
      headers: { [SIGNATURE_HEADER]: "sha256=00" },
      signal: AbortSignal.timeout(5_000),
    });
    if (probe.status === 503) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the held deliveries never filled the places");
}

describe("inbound e-mail deliveries in flight", () => {
  it(`answers 503 with Retry-After while ${MAX_INBOUND_IN_FLIGHT} deliveries are in flight, and opens the case once they are done`, async () => {
    world = await startWorld({ appEnv: { EMAIL_INBOUND_SECRET: SECRET, EMAIL_ROUTES: `${securityAddress}=octo-org/widgets` } });
    const app = world.apps[0]!;
    const held = await Promise.all(Array.from({ length: MAX_INBOUND_IN_FLIGHT }, () => holdDelivery(app.port, Buffer.alloc(4096, "x"))));
    await waitUntilFull(app.url);

    const report = Buffer.from(englishReport());
    expect(await deliver(app.url, report)).toEqual({ status: 503, retryAfter: "60" });
    const tracking = world.github.state.repository(world.fixture.trackingRepository);
    expect(tracking?.issues.size ?? 0).toBe(0);

    // The held deliveries end (unsigned: 401) and free their places; the same report is then taken.
    expect(await Promise.all(held.map((delivery) => delivery.finish()))).toEqual(Array(MAX_INBOUND_IN_FLIGHT).fill(401));
    expect((await deliver(app.url, report)).status).toBe(201);
    expect(tracking?.issues.size).toBe(1);
  });
});
