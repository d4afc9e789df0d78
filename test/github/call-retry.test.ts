import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit as Core } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { callRetryPlugin } from "../../src/github/call-retry.js";
import { keepAliveFetch } from "../../src/github/keep-alive-fetch.js";
import { octokitForEnvironment } from "../../src/github/octokit.js";
import { testTrust } from "../helpers/probot.js";

/**
 * The app's retry is held to `@octokit/plugin-retry`, the one Probot's client carries: each scenario is a script of
 * answers (a status, or a connection cut with no answer), played once to a client with that plugin and once to one
 * with callRetryPlugin, and both must make the same attempts and come out the same.
 */

type Step = number | "cut";

const BASE_MS = 5;
const scripts = new Map<string, Step[]>();
const attempts = new Map<string, number[]>();
let server: Server;
let base: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const path = request.url!;
      attempts.set(path, [...(attempts.get(path) ?? []), performance.now()]);
      const step = scripts.get(path)?.shift() ?? 200;
      if (step === "cut") {
        request.socket.destroy();
        return;
      }
      response.writeHead(step, { "content-type": "application/json" }).end(JSON.stringify({ step }));
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let scenario = 0;

interface Played {
  attempts: number;
  outcome: number | string;
  gaps: number[];
}

async function play(client: InstanceType<typeof Core>, script: Step[], requestOptions: Record<string, unknown> = {}): Promise<Played> {
  const path = `/scenario/${++scenario}`;
  scripts.set(path, [...script]);
  let outcome: number | string;
  try {
    outcome = (await client.request(`GET ${path}`, { request: requestOptions })).status;
  } catch (error) {
    outcome = (error as { status?: number }).status ?? (error as Error).name;
  }
  const times = attempts.get(path) ?? [];
  return { attempts: times.length, outcome, gaps: times.slice(1).map((time, index) => time - times[index]!) };
}

const withPluginRetry = (settings: Record<string, unknown> = {}) =>
  new (Core.plugin(retry))({ baseUrl: base, request: { fetch: keepAliveFetch }, retry: { retryAfterBaseValue: BASE_MS, ...settings } });
const withCallRetry = (settings: Record<string, unknown> = {}) =>
  new (Core.plugin(callRetryPlugin))({
    baseUrl: base,
    request: { fetch: keepAliveFetch },
    callRetry: { retryAfterBaseValue: BASE_MS, ...settings },
  });

describe("callRetryPlugin against @octokit/plugin-retry", () => {
  it.each<[string, Step[]]>([
    ["two server errors, then an answer", [500, 502, 200]],
    ["server errors past the retries", [503, 503, 503, 503, 503, 503]],
    ["a connection cut, then an answer", ["cut", 200]],
    ["connections cut past the retries", ["cut", "cut", "cut", "cut", "cut"]],
    ["a 429, then an answer", [429, 200]],
    ["a 409, then an answer", [409, 200]],
    ...[400, 401, 403, 404, 410, 422, 451].map((status): [string, Step[]] => [`a final ${status}`, [status, 200]]),
    ["an answer at once", [201]],
  ])("%s: the same attempts and outcome", async (_name, script) => {
    const reference = await play(withPluginRetry(), script);
    const mine = await play(withCallRetry(), script);
    expect({ attempts: mine.attempts, outcome: mine.outcome }).toEqual({ attempts: reference.attempts, outcome: reference.outcome });
  });

  it("waits 1, 4 and 9 times the base between attempts, as the plugin does", async () => {
    for (const client of [withPluginRetry(), withCallRetry()]) {
      const played = await play(client, [500, 500, 500, 200]);
      expect(played.attempts).toBe(4);
      played.gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual((index + 1) ** 2 * BASE_MS - 1));
    }
  });

  it("takes a call's own request.retries, and the client's retries and enabled settings", async () => {
    const script: Step[] = [500, 500, 500, 200];
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{}, { retries: 1 }],
      [{ retries: 0 }, {}],
      [{ retries: 2 }, {}],
      [{ enabled: false }, {}],
      [{ doNotRetry: [500] }, {}],
    ];
    for (const [settings, requestOptions] of cases) {
      const reference = await play(withPluginRetry(settings), script, requestOptions);
      const mine = await play(withCallRetry(settings), script, requestOptions);
      expect([settings, requestOptions, mine.attempts, mine.outcome]).toEqual([
        settings,
        requestOptions,
        reference.attempts,
        reference.outcome,
      ]);
    }
  });

  it("leaves the client's default request options as they were", async () => {
    const client = withCallRetry();
    scripts.set("/defaults", [500, 500, 200]);
    // Without `request` options of its own, a call's options share the client's defaults object.
    expect((await client.request("GET /defaults")).status).toBe(200);
    expect(attempts.get("/defaults")).toHaveLength(3);
    expect(client.request.endpoint.DEFAULTS.request).not.toHaveProperty("retryCount");
  });
});

describe("the app's GitHub client", () => {
  it("retries with callRetryPlugin alone: Probot's retry plugin is off, and the client's retry settings reach it", async () => {
    const Octokit = octokitForEnvironment({ GITHUB_THROTTLING: "off" }, testTrust);
    const client = new Octokit({ auth: { token: "test-token" }, baseUrl: base, retry: { retryAfterBaseValue: BASE_MS } });
    expect(await play(client as unknown as InstanceType<typeof Core>, [500, 500, 500, 500, 500, 500, 500, 500])).toMatchObject({
      attempts: 4,
      outcome: 500,
    });
    const quiet = new Octokit({ auth: { token: "test-token" }, baseUrl: base, retry: { enabled: false } });
    expect(await play(quiet as unknown as InstanceType<typeof Core>, [500, 200])).toMatchObject({ attempts: 1, outcome: 500 });
  });
});
