import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { request as httpRequest } from "node:http";
import { signPayload } from "./support/app-process.js";
import { startWorld, WEBHOOK_SECRET, type World } from "./support/world.js";

/**
 * The webhook size limit through the real server (`npm start`): Probot's own webhook middleware sits in front of
 * every route an app adds, so this proves the limit really runs before it, in the process an operator starts.
 */

jest.setTimeout(90_000);

const MiB = 1024 * 1024;

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

function trackingIssues(current: World): number {
  return current.github.state.repository(current.fixture.trackingRepository)?.issues.size ?? 0;
}

/**
 * Posts `body` as a signed `repository_advisory` delivery in 64 KiB chunks: chunked, or with `declaredLength` as its
 * Content-Length. Stops writing once answered or cut off; bounded by the body's length and 20 seconds.
 */
function post(port: number, body: Buffer, declaredLength?: number): Promise<{ status: number | undefined; reset: boolean; written: number }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": "repository_advisory",
      "x-github-delivery": crypto.randomUUID(),
      "x-hub-signature-256": signPayload(body.toString(), WEBHOOK_SECRET),
    };
    if (declaredLength !== undefined) headers["content-length"] = String(declaredLength);
    const request = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", headers });
    let written = 0;
    let done = false;
    const finish = (status: number | undefined, reset: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, reset, written });
    };
    const timer = setTimeout(() => finish(undefined, false), 20_000);
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => finish(response.statusCode, false));
    });
    request.on("error", () => finish(undefined, true));
    const writeNext = () => {
      while (!done && written < body.length) {
        const chunk = body.subarray(written, written + 64 * 1024);
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeNext);
          return;
        }
      }
      if (!done && declaredLength === undefined) request.end();
    };
    writeNext();
  });
}

/** A real report delivery padded to about `bytes` with a field no handler reads. */
function paddedReport(current: World, index: number, bytes: number): Buffer {
  const payload = current.newReport(index);
  const base = Buffer.byteLength(JSON.stringify({ ...payload, padding: "" }));
  return Buffer.from(JSON.stringify({ ...payload, padding: "x".repeat(Math.max(0, bytes - base)) }));
}

describe("webhook bodies through the real server", () => {
  it("refuses a body declared over the default 26 MiB with 413 before reading it, and processes a normal one", async () => {
    world = await startWorld();
    const app = world.apps[0]!;
    const declared = await post(app.port, paddedReport(world, 1, 64 * 1024), 27 * MiB);
    expect(declared.status).toBe(413);
    expect(trackingIssues(world)).toBe(0);

    // Control: the same report within the limit opens its case.
    const normal = await app.sendWebhook("repository_advisory", world.newReport(1));
    expect(normal.status).toBe(200);
    expect(trackingIssues(world)).toBe(1);
  });

  it("with WEBHOOK_MAX_BYTES, cuts off a correctly signed chunked report over it and opens the one under it", async () => {
    world = await startWorld({ appEnv: { WEBHOOK_MAX_BYTES: String(MiB) } });
    const app = world.apps[0]!;
    const oversize = await post(app.port, paddedReport(world, 1, 3 * MiB));
    expect(oversize.status === 413 || oversize.reset).toBe(true);
    expect(trackingIssues(world)).toBe(0);

    // Control: a report just under the limit, sent chunked the same way, opens its case.
    const within = await post(app.port, paddedReport(world, 2, MiB - 16 * 1024));
    expect(within).toMatchObject({ status: 200, reset: false });
    expect(trackingIssues(world)).toBe(1);
    expect(app.output()).toContain("POST /api/github/webhooks 413");
  });
});
