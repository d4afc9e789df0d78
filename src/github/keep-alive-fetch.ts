import http from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import zlib from "node:zlib";

/**
 * `fetch` as Octokit calls it, over node:http(s) with keep-alive connections and the answer read whole: GitHub's
 * transport for every client of the app. Node's own fetch pipes each answer through web streams and took about twice
 * the CPU per GitHub call, and every event makes at least three calls.
 *
 * What Octokit and its plugins rely on behaves as in Node's fetch: redirects followed (at most 20, no credentials to
 * another origin, 303 and a redirected POST become a GET), gzip/deflate/br answers decoded, a network failure is a
 * `TypeError("fetch failed")` with the cause, an abort rejects with the signal's reason, and a connection silent for
 * five minutes fails as Node's fetch does. Anything Octokit does not send (a `Request` object, a streamed or form body)
 * is handed to Node's fetch.
 */
export const keepAliveFetch: typeof fetch = (input, init) => {
  const url = typeof input === "string" ? safeUrl(input) : input instanceof URL ? input : undefined;
  const body = init?.body;
  if (url === undefined || !(body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array)) {
    return fetch(input, init);
  }
  const method = (init?.method ?? "GET").toUpperCase();
  if ((method === "GET" || method === "HEAD") && body !== undefined && body !== null) {
    return Promise.reject(new TypeError("Request with GET/HEAD method cannot have body."));
  }
  const headers = plainHeaders(init?.headers);
  if (typeof body === "string" && !hasHeader(headers, "content-type")) headers["content-type"] = "text/plain;charset=UTF-8";
  return follow({ url, method, headers, body: body ?? undefined }, init?.redirect ?? "follow", init?.signal ?? undefined, 0);
};

const MAX_REDIRECTS = 20;
const SILENCE_LIMIT_MS = 300_000;
const IDLE_CONNECTION_MS = 4_000;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie", "host"];
const CONTENT_HEADERS = ["content-encoding", "content-language", "content-location", "content-type", "content-length"];

const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
};

interface Outgoing {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

interface Answer {
  status: number;
  statusText: string;
  rawHeaders: string[];
  body: Buffer;
}

async function follow(
  outgoing: Outgoing,
  redirect: NonNullable<RequestInit["redirect"]>,
  signal: AbortSignal | undefined,
  hops: number,
): Promise<Response> {
  const answer = await exchange(outgoing, signal);
  const location = REDIRECT_STATUSES.has(answer.status) ? headerOf(answer.rawHeaders, "location") : undefined;
  if (location === undefined || redirect === "manual") return toResponse(answer, outgoing, hops > 0);
  if (redirect === "error") throw fetchFailed(new Error("unexpected redirect"));
  if (hops >= MAX_REDIRECTS) throw fetchFailed(new Error("redirect count exceeded"));
  const next = safeUrl(location, outgoing.url);
  if (next === undefined || (next.protocol !== "http:" && next.protocol !== "https:"))
    throw fetchFailed(new Error("URL scheme must be a HTTP(S) scheme"));
  const headers = { ...outgoing.headers };
  let { method, body } = outgoing;
  if (
    (answer.status === 303 && method !== "GET" && method !== "HEAD") ||
    ((answer.status === 301 || answer.status === 302) && method === "POST")
  ) {
    method = "GET";
    body = undefined;
    for (const name of CONTENT_HEADERS) deleteHeader(headers, name);
  }
  if (next.origin !== outgoing.url.origin) for (const name of CREDENTIAL_HEADERS) deleteHeader(headers, name);
  return await follow({ url: next, method, headers, body }, redirect, signal, hops + 1);
}

function exchange(outgoing: Outgoing, signal: AbortSignal | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const { url, method, body } = outgoing;
    const headers = hasHeader(outgoing.headers, "accept-encoding")
      ? outgoing.headers
      : { ...outgoing.headers, "accept-encoding": url.protocol === "https:" ? "br, gzip, deflate" : "gzip, deflate" };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, { method, headers, agent: agents[url.protocol as "http:" | "https:"], timeout: SILENCE_LIMIT_MS });
    const onAbort = (): void => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle =
      <T>(finish: (value: T) => void) =>
      (value: T) => {
        signal?.removeEventListener("abort", onAbort);
        finish(value);
      };
    const fail = settle((error: Error) => reject(fetchFailed(error)));
    request.on("timeout", () => request.destroy(new Error(`no answer for ${SILENCE_LIMIT_MS / 1000} s`)));
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () => {
        const answerBody = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        decoded(answerBody, headerOf(response.rawHeaders, "content-encoding")).then(
          settle((decodedBody: Buffer) =>
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? "",
              rawHeaders: response.rawHeaders,
              body: decodedBody,
            }),
          ),
          fail,
        );
      });
    });
    request.end(body);
  });
}

const decoders: Record<string, (input: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  "x-gzip": promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Codings are undone last first; an unknown one leaves the body as it came, as Node's fetch does. */
async function decoded(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  if (contentEncoding === undefined || body.length === 0) return body;
  const codings = contentEncoding
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity")
    .reverse();
  if (codings.some((coding) => decoders[coding] === undefined)) return body;
  let result = body;
  for (const coding of codings) result = await decoders[coding]!(result);
  return result;
}

function toResponse(answer: Answer, outgoing: Outgoing, redirected: boolean): Response {
  const headers = new Headers();
  for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2)
    headers.append(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
  let response: Response;
  try {
    const withoutBody = NULL_BODY_STATUSES.has(answer.status) || outgoing.method === "HEAD";
    response = new Response(withoutBody ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers });
  } catch (error) {
    throw fetchFailed(error as Error);
  }
  Object.defineProperty(response, "url", { value: outgoing.url.href });
  if (redirected) Object.defineProperty(response, "redirected", { value: true });
  return response;
}

function fetchFailed(cause: Error): TypeError {
  return new TypeError("fetch failed", { cause });
}

function safeUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function plainHeaders(headers: RequestInit["headers"]): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) plain[name] = typeof value === "string" ? value : value.join(", ");
  return plain;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function deleteHeader(headers: Record<string, string>, name: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
}

function headerOf(rawHeaders: string[], name: string): string | undefined {
  for (let index = 0; index + 1 < rawHeaders.length; index += 2)
    if (rawHeaders[index]!.toLowerCase() === name) return rawHeaders[index + 1];
  return undefined;
}
