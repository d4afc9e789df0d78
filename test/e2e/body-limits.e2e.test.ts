import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { rawPost, type RawPostResult } from "../helpers/raw-http.js";
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

/** Posts `body` as a signed `repository_advisory` delivery with the raw client: chunked, or with `declaredLength`. */
function post(port: number, body: Buffer, options: { declaredLength?: number; firstChunkOnly?: boolean } = {}): Promise<RawPostResult> {
  const headers = {
    "content-type": "application/json",
    "x-github-event": "repository_advisory",
    "x-github-delivery": crypto.randomUUID(),
    "x-hub-signature-256": signPayload(body.toString(), WEBHOOK_SECRET),
  };
  return rawPost({ port, path: "/api/github/webhooks", headers, body, ...options });
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
    const declared = await post(app.port, paddedReport(world, 1, 256 * 1024), { declaredLength: 27 * MiB, firstChunkOnly: true });
    expect(declared).toMatchObject({ status: 413, reset: false });
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
