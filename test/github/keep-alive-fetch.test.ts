import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { request as octokitRequest } from "@octokit/request";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer, request as tlsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo, Socket } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { keepAliveFetch } from "../../src/github/keep-alive-fetch.js";
import { octokitForEnvironment } from "../../src/github/octokit.js";
import { testTrust } from "../helpers/probot.js";

/**
 * GitHub's transport is held to Node's own fetch: every scenario goes through Octokit's request twice, once over each
 * fetch, against the same local server, and must come out the same (status, data, headers; or the same error).
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Route = (request: IncomingMessage, response: ServerResponse, body: string) => void;

class LocalServer {
  readonly seen: Seen[] = [];
  connections = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly routes: Record<string, Route>) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString();
        this.seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        const route = this.routes[new URL(request.url!, "http://x").pathname];
        if (route === undefined) {
          response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Not Found" }));
          return;
        }
        route(request, response, body);
      });
    });
    this.server.on("connection", (socket: Socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, data: unknown, headers: Record<string, string> = {}): Route =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(data));
  };

const compressors = {
  gzip: promisify(zlib.gzip),
  deflate: promisify(zlib.deflate),
  br: promisify(zlib.brotliCompress),
};

const encoded =
  (coding: keyof typeof compressors): Route =>
  (_request, response) => {
    void compressors[coding](Buffer.from(JSON.stringify({ coding, text: "é".repeat(3_000) }))).then((body) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": coding }).end(body);
    });
  };

let other: LocalServer;
let otherBase: string;
let server: LocalServer;
let base: string;

beforeAll(async () => {
  other = new LocalServer({
    "/landing": (request, response) => json(200, { authorization: request.headers.authorization ?? null })(request, response, ""),
  });
  otherBase = await other.listen();
  server = new LocalServer({
    "/ok": json(200, { id: 1, title: "Ürgent: ä \u{1F512}" }, { etag: '"abc"', "x-ratelimit-remaining": "4999" }),
    "/created": (request, response, body) =>
      json(201, { received: JSON.parse(body) as unknown, type: request.headers["content-type"] })(request, response, body),
    "/empty": (_request, response) => response.writeHead(204).end(),
    "/not-modified": (_request, response) => response.writeHead(304, { etag: '"abc"' }).end(),
    "/invalid": json(422, {
      message: "Validation Failed",
      errors: [{ resource: "Issue", code: "missing_field", field: "title" }],
      documentation_url: "https://docs.github.com/rest",
    }),
    "/limited": json(403, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "1" }),
    "/broken": json(502, { message: "Server Error" }),
    "/text": (_request, response) => response.writeHead(200, { "content-type": "text/plain" }).end("plain text"),
    "/binary": (_request, response) =>
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from([0, 1, 2, 255])),
    "/gzip": encoded("gzip"),
    "/deflate": encoded("deflate"),
    "/br": encoded("br"),
    "/moved": (_request, response) => response.writeHead(301, { location: "/ok" }).end(),
    "/see-other": (_request, response) => response.writeHead(303, { location: "/created-get" }).end(),
    "/created-get": (request, response, body) =>
      json(200, { method: request.method, body, type: request.headers["content-type"] ?? null })(request, response, body),
    "/temporary": (_request, response) => response.writeHead(307, { location: "/created" }).end(),
    "/found": (_request, response) => response.writeHead(302, { location: "/created-get" }).end(),
    "/elsewhere": (_request, response) => response.writeHead(302, { location: `${otherBase}/landing` }).end(),
    "/same-origin-landing": (request, response) =>
      json(200, { authorization: request.headers.authorization ?? null })(request, response, ""),
    "/here": (_request, response) => response.writeHead(302, { location: "/same-origin-landing" }).end(),
    "/loop": (_request, response) => response.writeHead(302, { location: "/loop" }).end(),
    "/cut": (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 20);
    },
    "/slow": (_request, response) => {
      setTimeout(() => json(200, { late: true })(_request, response, ""), 500).unref();
    },
  });
  base = await server.listen();
});

afterAll(async () => {
  await server.close();
  await other.close();
});

/**
 * A failure is described by the error Octokit threw and the fetch error under it (its name, message and cause): Octokit
 * words its message from the fetch error only when that is an `Error` of its own realm, which Node's errors are not
 * under Jest, so the fetch error itself is compared.
 */
type Outcome =
  | { kind: "answer"; status: number; data: unknown; headers: Record<string, unknown> }
  | { kind: "error"; name: string; status: unknown; fetchError: FetchErrorDescription | undefined };

interface FetchErrorDescription {
  name: string;
  message: string;
  cause: { message: string; code: unknown } | undefined;
}

function failureOf(error: unknown): Outcome {
  const failure = error as Error & { status?: unknown };
  const fetchError = (failure.name === "AbortError" ? failure : failure.cause) as
    (Error & { cause?: Error & { code?: unknown } }) | undefined;
  return {
    kind: "error",
    name: failure.name,
    status: failure.status,
    fetchError:
      fetchError === undefined
        ? undefined
        : {
            name: fetchError.name,
            message: fetchError.message,
            cause: fetchError.cause === undefined ? undefined : { message: fetchError.cause.message, code: fetchError.cause.code },
          },
  };
}

const VARYING_HEADERS = new Set(["date", "connection", "keep-alive"]);

async function outcomeOf(fetchImpl: typeof fetch, route: string, parameters: Record<string, unknown> = {}): Promise<Outcome> {
  const request = octokitRequest.defaults({
    baseUrl: base,
    headers: { authorization: "token secret-token" },
    request: { fetch: fetchImpl },
  });
  try {
    const response = await request(route, parameters);
    const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !VARYING_HEADERS.has(name)));
    const data = response.data instanceof ArrayBuffer ? [...new Uint8Array(response.data)] : response.data;
    return { kind: "answer", status: response.status, data, headers };
  } catch (error) {
    return failureOf(error);
  }
}

async function bothWays(route: string, parameters: Record<string, unknown> = {}): Promise<{ mine: Outcome; node: Outcome }> {
  return { mine: await outcomeOf(keepAliveFetch, route, parameters), node: await outcomeOf(fetch, route, parameters) };
}

describe("keepAliveFetch under Octokit, against Node's fetch", () => {
  it.each([
    ["a JSON answer with its headers", "GET /ok"],
    ["a 204", "GET /empty"],
    ["a 304", "GET /not-modified"],
    ["a 422 with errors", "GET /invalid"],
    ["a 403 secondary rate limit", "GET /limited"],
    ["a 502", "GET /broken"],
    ["a 404", "GET /nowhere"],
    ["a text answer", "GET /text"],
    ["a binary answer", "GET /binary"],
    ["a gzip answer", "GET /gzip"],
    ["a deflate answer", "GET /deflate"],
    ["a brotli answer", "GET /br"],
    ["a 301 to the same origin", "GET /moved"],
    ["a HEAD", "HEAD /ok"],
  ])("%s comes out the same", async (_name, route) => {
    const { mine, node } = await bothWays(route);
    expect(mine).toEqual(node);
  });

  it("sends a JSON body as Node's fetch does: method, body, content type and length", async () => {
    const parameters = { title: "Ürgent \u{1F512}", labels: ["a", "b"] };
    const from = server.seen.length;
    const { mine, node } = await bothWays("POST /created", parameters);
    expect(mine).toEqual(node);
    expect(mine).toMatchObject({ status: 201, data: { received: parameters, type: "application/json; charset=utf-8" } });
    const [sentByMine, sentByNode] = server.seen.slice(from);
    for (const name of ["content-type", "content-length", "authorization", "accept", "user-agent", "accept-encoding"]) {
      expect([name, sentByMine!.headers[name]]).toEqual([name, sentByNode!.headers[name]]);
    }
    expect(sentByMine!.body).toBe(sentByNode!.body);
  });

  it("turns a POST into a GET without body on a 303 or 302, and repeats the POST with its body on a 307", async () => {
    const seeOther = await bothWays("POST /see-other", { title: "t" });
    expect(seeOther.mine).toEqual(seeOther.node);
    expect(seeOther.mine).toMatchObject({ data: { method: "GET", body: "", type: null } });
    const found = await bothWays("POST /found", { title: "t" });
    expect(found.mine).toEqual(found.node);
    expect(found.mine).toMatchObject({ data: { method: "GET", body: "", type: null } });
    const temporary = await bothWays("POST /temporary", { title: "t" });
    expect(temporary.mine).toEqual(temporary.node);
    expect(temporary.mine).toMatchObject({ status: 201, data: { received: { title: "t" } } });
  });

  it("gives up a redirect loop after 20 redirects, as Node's fetch does", async () => {
    const from = server.seen.length;
    const mine = await outcomeOf(keepAliveFetch, "GET /loop");
    const asked = server.seen.length - from;
    const node = await outcomeOf(fetch, "GET /loop");
    expect(mine).toEqual(node);
    expect(mine).toMatchObject({ status: 500, fetchError: { message: "fetch failed", cause: { message: "redirect count exceeded" } } });
    expect([asked, server.seen.length - from - asked]).toEqual([21, 21]);
  });

  it("keeps the credentials on a redirect within the origin and drops them on one to another origin", async () => {
    const within = await bothWays("GET /here");
    expect(within.mine).toEqual(within.node);
    expect(within.mine).toMatchObject({ data: { authorization: "token secret-token" } });
    const elsewhere = await bothWays("GET /elsewhere");
    expect(elsewhere.mine).toEqual(elsewhere.node);
    expect(elsewhere.mine).toMatchObject({ data: { authorization: null } });
  });

  it("fails a refused connection as Node's fetch does, and an answer cut short: a RequestError with status 500", async () => {
    const closed = new LocalServer({});
    const closedBase = await closed.listen();
    await closed.close();
    const refuse = async (fetchImpl: typeof fetch): Promise<Outcome> => {
      try {
        await octokitRequest("GET /anything", { baseUrl: closedBase, request: { fetch: fetchImpl } });
        return { kind: "answer", status: 0, data: null, headers: {} };
      } catch (error) {
        return failureOf(error);
      }
    };
    expect(await refuse(keepAliveFetch)).toEqual(await refuse(fetch));
    expect(await refuse(keepAliveFetch)).toMatchObject({
      name: "HttpError",
      status: 500,
      fetchError: { name: "TypeError", message: "fetch failed", cause: { code: "ECONNREFUSED" } },
    });

    // Stricter than Node's fetch, which hands Octokit the empty text of a JSON answer cut short as a 200's data: a
    // case lookup must not read a cut answer as an empty one, and the retry plugin retries a failure.
    const cut = await outcomeOf(keepAliveFetch, "GET /cut");
    expect(cut).toMatchObject({
      kind: "error",
      name: "HttpError",
      status: 500,
      fetchError: { name: "TypeError", message: "fetch failed" },
    });
  });

  it("rejects with the signal's reason when the caller gives up, before or during the call", async () => {
    const outcomes = async (fetchImpl: typeof fetch): Promise<Outcome[]> => {
      const controller = new AbortController();
      controller.abort();
      return [
        await outcomeOf(fetchImpl, "GET /slow", { request: { signal: AbortSignal.timeout(50) } }),
        await outcomeOf(fetchImpl, "GET /ok", { request: { signal: controller.signal } }),
      ];
    };
    const [timedOut, abortedEarly] = await outcomes(keepAliveFetch);
    expect([timedOut, abortedEarly]).toEqual(await outcomes(fetch));
    expect(timedOut).toMatchObject({
      status: 500,
      fetchError: { name: "TimeoutError", message: "The operation was aborted due to timeout" },
    });
    expect(abortedEarly).toMatchObject({ status: 500, fetchError: { name: "AbortError" } });
  });
});

describe("keepAliveFetch on its own", () => {
  it("makes one connection for a run of calls", async () => {
    const fresh = new LocalServer({ "/ok": json(200, { ok: true }) });
    const freshBase = await fresh.listen();
    try {
      for (let call = 0; call < 20; call++) {
        const response = await keepAliveFetch(`${freshBase}/ok`, {
          method: "POST",
          body: JSON.stringify({ call }),
          headers: { "content-type": "application/json" },
        });
        expect(await response.json()).toEqual({ ok: true });
      }
      expect(fresh.seen).toHaveLength(20);
      expect(fresh.connections).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("gives the answer's URL after redirects, and says it was redirected", async () => {
    const response = await keepAliveFetch(`${base}/moved`);
    expect(response.url).toBe(`${base}/ok`);
    expect(response.redirected).toBe(true);
    const direct = await keepAliveFetch(`${base}/ok`);
    expect([direct.url, direct.redirected]).toEqual([`${base}/ok`, false]);
  });

  it("returns a redirect as it is when asked to, and fails on one when asked to", async () => {
    const manual = await keepAliveFetch(`${base}/moved`, { redirect: "manual" });
    expect([manual.status, manual.headers.get("location")]).toEqual([301, "/ok"]);
    await expect(keepAliveFetch(`${base}/moved`, { redirect: "error" })).rejects.toThrow("fetch failed");
  });

  it("refuses a GET with a body, as Node's fetch does", async () => {
    const refusal = { name: "TypeError", message: "Request with GET/HEAD method cannot have body." };
    await expect(keepAliveFetch(`${base}/ok`, { method: "GET", body: "x" })).rejects.toMatchObject(refusal);
    await expect(fetch(`${base}/ok`, { method: "GET", body: "x" })).rejects.toMatchObject(refusal);
  });

  it("hands what Octokit never sends (a Request object, a streamed body) to Node's fetch", async () => {
    const fromRequest = await keepAliveFetch(new Request(`${base}/ok`));
    expect(await fromRequest.json()).toMatchObject({ id: 1 });
    const streamed = await keepAliveFetch(`${base}/created`, {
      method: "POST",
      body: new Blob([JSON.stringify({ streamed: true })]),
      headers: { "content-type": "application/json" },
    });
    expect(await streamed.json()).toMatchObject({ received: { streamed: true } });
  });
});

describe("keepAliveFetch over TLS", () => {
  it("refuses a certificate nobody vouches for, as Node's fetch does, from a server that answers a client trusting it", async () => {
    const directory = mkdtempSync(join(tmpdir(), "desk-tls-"));
    const [keyFile, certificateFile] = [join(directory, "key.pem"), join(directory, "certificate.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"].concat([
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        keyFile,
        "-out",
        certificateFile,
      ]),
      { stdio: "ignore" },
    );
    const certificate = readFileSync(certificateFile);
    const tls = createTlsServer({ key: readFileSync(keyFile), cert: certificate }, (_request, response) =>
      json(200, { ok: true })(_request, response, ""),
    );
    rmSync(directory, { recursive: true, force: true });
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/ok`;
    try {
      const trusted = await new Promise<number | undefined>((resolve, reject) => {
        tlsRequest(url, { ca: certificate, agent: false }, (response) => resolve(response.resume().statusCode))
          .on("error", reject)
          .end();
      });
      expect(trusted).toBe(200);
      const refusal = async (fetchImpl: typeof fetch) => {
        const error = await fetchImpl(url).then(
          () => undefined,
          (failure: unknown) => failure as Error & { cause?: { code?: string } },
        );
        return { name: error?.name, message: error?.message, code: error?.cause?.code };
      };
      const mine = await refusal(keepAliveFetch);
      expect(mine).toEqual(await refusal(fetch));
      expect(mine).toEqual({ name: "TypeError", message: "fetch failed", code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    } finally {
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });
});

describe("the app's GitHub client", () => {
  it("goes over keepAliveFetch unless a client is given its own fetch", () => {
    const Octokit = octokitForEnvironment({ GITHUB_THROTTLING: "off" }, testTrust);
    expect(new Octokit().request.endpoint.DEFAULTS.request?.fetch).toBe(keepAliveFetch);
    const own = (() => Promise.reject(new Error("unused"))) as unknown as typeof fetch;
    expect(new Octokit({ request: { fetch: own } }).request.endpoint.DEFAULTS.request?.fetch).toBe(own);
  });
});
