/**
 * A local, stateful, strict GitHub on 127.0.0.1 for end-to-end tests. Every request is checked against GitHub's
 * REST description (422/404 in GitHub's error shapes), authenticated like GitHub (app JWT or installation token),
 * journalled, and served both at `/` and under `/api/v3` (GitHub Enterprise Server, Probot's `GHE_HOST`).
 *
 *   const github = await startStandIn();
 *   const app = github.state.seedApp();
 *   github.state.seedOrganization("octo-org");
 *   github.state.seedRepository("octo-org/widgets");
 *   github.state.seedInstallation("octo-org");
 *   ... point the app at github.url ...
 *   await github.close();
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { findRestOperation, stripEnterprisePrefix, validateRestRequest, validateRestResponse } from "../openapi.js";
import { verifyAppJwt } from "./app-auth.js";
import { appJwtOperations, GitHubError, handlers, type Caller, type RouteResult } from "./routes.js";
import { StandInState } from "./state.js";

export interface JournalEntry {
  method: string;
  /** Path as requested, without the query string. */
  path: string;
  query: Record<string, string>;
  /** The request's headers as sent (the conditional `if-none-match` among them). */
  headers: IncomingMessage["headers"];
  body: unknown;
  operationId: string | undefined;
  status: number;
  /** Why the stand-in refused the request, if it did. */
  problems: string[];
  /**
   * The request itself was wrong — no such endpoint, invalid against GitHub's description, the wrong credentials for
   * the operation, or an operation the stand-in lacks — as opposed to a well-formed request answered 404 or 422
   * because of what GitHub holds. Tests assert that the app sends none of these.
   */
  invalid: boolean;
  /** Where the stand-in's own answer strays from GitHub's response schema: a bug in the stand-in. */
  responseProblems: string[];
  auth: "app" | "installation" | "none";
  /** The fault that answered instead of GitHub, if any. */
  fault?: FaultAction["kind"];
}

export interface Journal {
  entries: JournalEntry[];
  /** Entries for one operation id, in order. */
  of(operationId: string): JournalEntry[];
  /** Requests GitHub would refuse as malformed, and answers where the stand-in strayed from GitHub's schema. */
  problems(): string[];
  clear(): void;
}

export type FaultAction =
  | { kind: "status"; status: 422 | 500 | 502 | 503 }
  | { kind: "secondary-rate-limit"; retryAfterSeconds: number }
  | { kind: "delay"; milliseconds: number }
  | { kind: "reset" };

export interface FaultMatcher {
  method?: string;
  operationId?: string;
  /** Matched against the path without `/api/v3` and without the query string. */
  path?: string | RegExp;
}

export interface Faults {
  /** Answers the next `times` matching requests with `action` (a delay still serves the request afterwards). */
  inject(matcher: FaultMatcher, action: FaultAction, times?: number): void;
  /** Faults not yet used up. */
  pending(): { matcher: FaultMatcher; action: FaultAction; remaining: number }[];
  clear(): void;
}

export interface StandIn {
  url: string;
  state: StandInState;
  journal: Journal;
  faults: Faults;
  close(): Promise<void>;
}

const documentationUrl = "https://docs.github.com/rest";
const maxBodyBytes = 5 * 1024 * 1024;
const maxDelayMilliseconds = 30_000;

export async function startStandIn(options: { port?: number; state?: StandInState } = {}): Promise<StandIn> {
  const state = options.state ?? new StandInState();
  const entries: JournalEntry[] = [];
  const journal: Journal = {
    entries,
    of: (operationId) => entries.filter((entry) => entry.operationId === operationId),
    problems: () =>
      entries
        .filter((entry) => entry.invalid || entry.responseProblems.length > 0)
        .map((entry) => `${entry.method} ${entry.path} ${entry.status}: ${[...entry.problems, ...entry.responseProblems].join("; ")}`),
    clear: () => void entries.splice(0),
  };
  const faultList: { matcher: FaultMatcher; action: FaultAction; remaining: number }[] = [];
  const faults: Faults = {
    inject(matcher, action, times = 1) {
      if (!Number.isInteger(times) || times < 1 || times > 1000) throw new Error("A fault applies 1 to 1000 times");
      if (action.kind === "delay" && action.milliseconds > maxDelayMilliseconds) throw new Error("Delays are capped at 30 s");
      faultList.push({ matcher, action, remaining: times });
    },
    pending: () => faultList.filter((fault) => fault.remaining > 0),
    clear: () => void faultList.splice(0),
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: `Stand-in failure: ${String(error)}` });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const bare = stripEnterprisePrefix(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      const entry = record({
        method,
        path: url.pathname,
        query,
        headers: request.headers,
        body: text,
        operationId: undefined,
        auth: "none",
      });
      return refuse(response, entry, 400, "Problems parsing JSON", []);
    }

    const found = findRestOperation(method, bare);
    const operationId = found?.operation.operationId;
    const authorization = String(request.headers.authorization ?? "");
    const entry = record({ method, path: url.pathname, query, headers: request.headers, body, operationId, auth: "none" });

    const fault = takeFault(method, bare, operationId);
    if (fault) {
      entry.fault = fault.kind;
      if (fault.kind === "reset") {
        entry.status = 0;
        request.socket.destroy();
        return;
      }
      if (fault.kind === "delay") {
        await new Promise((resolve) => setTimeout(resolve, fault.milliseconds));
      } else if (fault.kind === "secondary-rate-limit") {
        entry.status = 403;
        return send(
          response,
          403,
          {
            message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            status: "403",
          },
          { "retry-after": String(fault.retryAfterSeconds), "x-ratelimit-remaining": "4999" },
        );
      } else {
        entry.status = fault.status;
        const message = fault.status === 422 ? "Validation Failed" : fault.status === 502 ? "Server Error" : "Internal Server Error";
        return send(response, fault.status, { message, ...(fault.status === 422 ? { documentation_url: documentationUrl } : {}) });
      }
    }

    if (!found || !operationId)
      return refuse(response, Object.assign(entry, { invalid: true }), 404, "Not Found", [`no such endpoint: ${method} ${url.pathname}`]);
    if (isAdvisoryOperation(operationId) && !state.features.advisories) {
      return refuse(response, entry, 404, "Not Found", ["repository security advisories are switched off (GitHub Enterprise Server)"]);
    }
    if (found.operation.preview && !state.features.advisoryComments) {
      return refuse(response, entry, 404, "Not Found", ["the advisory comments preview is switched off"]);
    }

    const caller = authenticate(authorization);
    if ("error" in caller) return refuse(response, entry, caller.status, caller.error, [caller.error]);
    entry.auth = caller.kind;
    if (caller.kind === "app" && !appJwtOperations.has(operationId)) {
      return refuse(
        response,
        Object.assign(entry, { invalid: true }),
        403,
        "A JSON web token cannot be used to access this endpoint; use an installation token",
        [],
      );
    }
    if (caller.kind === "installation" && appJwtOperations.has(operationId)) {
      return refuse(response, Object.assign(entry, { invalid: true }), 401, "A JSON web token could not be decoded", [
        `${operationId} needs the app JWT`,
      ]);
    }
    if (caller.kind === "installation" && !found.operation.enabledForGitHubApps) {
      return refuse(response, Object.assign(entry, { invalid: true }), 403, "Resource not accessible by integration", [
        `${operationId} is not available to GitHub Apps`,
      ]);
    }

    const validation = validateRestRequest({ method, path: bare, query, headers: request.headers, body });
    if (validation.problems.length > 0) {
      return refuse(
        response,
        Object.assign(entry, { invalid: true }),
        422,
        `Invalid request.\n\n${validation.problems.join("\n")}`,
        validation.problems,
      );
    }

    const handler = handlers[operationId];
    if (!handler)
      return refuse(response, Object.assign(entry, { invalid: true }), 404, "Not Found", [
        `the stand-in does not implement ${operationId}`,
      ]);
    let result: RouteResult;
    try {
      result = handler({
        state,
        params: found.params,
        query,
        body: (body ?? {}) as Record<string, unknown>,
        caller,
        accept: String(request.headers.accept ?? ""),
        pageUrl: (page) => {
          const next = new URL(url.toString());
          next.searchParams.set("page", String(page));
          return `http://${request.headers.host ?? "127.0.0.1"}${next.pathname}${next.search}`;
        },
      });
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      return refuse(response, entry, error.status, error.message, [error.message], error.errors);
    }

    const payload = result.raw ?? (result.body === undefined ? "" : JSON.stringify(result.body));
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (method === "GET" && result.status === 200) {
      const etag = `W/"${createHash("sha1").update(payload).digest("hex")}"`;
      headers.etag = etag;
      if (request.headers["if-none-match"] === etag) {
        entry.status = 304;
        response.writeHead(304, headers).end();
        return;
      }
    }
    entry.status = result.status;
    if (result.raw === undefined) {
      entry.responseProblems = validateRestResponse({ method, path: bare, status: result.status, body: result.body });
    }
    headers["content-type"] ??= "application/json; charset=utf-8";
    // GitHub Enterprise Server names its version on every REST response.
    const enterprise: Record<string, string> = state.features.enterpriseServerVersion
      ? { "x-github-enterprise-version": state.features.enterpriseServerVersion }
      : {};
    response
      .writeHead(result.status, { ...rateLimitHeaders(), ...enterprise, ...headers })
      .end(result.status === 204 ? undefined : payload);
  }

  function record(fields: Omit<JournalEntry, "status" | "problems" | "responseProblems" | "invalid">): JournalEntry {
    const entry: JournalEntry = { ...fields, status: 0, problems: [], responseProblems: [], invalid: false };
    entries.push(entry);
    return entry;
  }

  function takeFault(method: string, path: string, operationId: string | undefined): FaultAction | undefined {
    const fault = faultList.find(
      ({ matcher, remaining }) =>
        remaining > 0 &&
        (!matcher.method || matcher.method.toUpperCase() === method) &&
        (!matcher.operationId || matcher.operationId === operationId) &&
        (!matcher.path || (typeof matcher.path === "string" ? matcher.path === path : matcher.path.test(path))),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault.action;
  }

  function authenticate(authorization: string): Caller | { error: string; status: number } {
    const [scheme, token] = authorization.trim().split(/\s+/, 2);
    if (!scheme || !token) return { error: "Requires authentication", status: 401 };
    if (/^bearer$/i.test(scheme) && token.split(".").length === 3) {
      if (!state.app) return { error: "Bad credentials", status: 401 };
      const check = verifyAppJwt(token, state.app.id, state.app.publicKey, Math.floor(state.now().getTime() / 1000));
      return check.ok ? { kind: "app" } : { error: check.reason, status: 401 };
    }
    const issued = state.tokens.get(token);
    const installation = issued && state.installations.get(issued.installationId);
    if (!issued || !installation || issued.expiresAt <= state.now().getTime()) return { error: "Bad credentials", status: 401 };
    return { kind: "installation", installation };
  }

  function refuse(
    response: ServerResponse,
    entry: JournalEntry,
    status: number,
    message: string,
    problems: string[],
    errors?: GitHubError["errors"],
  ): void {
    entry.status = status;
    entry.problems = problems;
    send(response, status, { message, ...(errors ? { errors } : {}), documentation_url: documentationUrl, status: String(status) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    journal,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isAdvisoryOperation(operationId: string): boolean {
  return (
    operationId.startsWith("security-advisories/") &&
    operationId !== "security-advisories/list-global-advisories" &&
    operationId !== "security-advisories/get-global-advisory"
  );
}

function rateLimitHeaders(): Record<string, string> {
  return {
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-resource": "core",
    "x-github-api-version-selected": "2022-11-28",
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error("request body too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
