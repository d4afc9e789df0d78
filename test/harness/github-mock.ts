/**
 * nock at the HTTP boundary, held to GitHub's REST description: every request that reaches the scope is recorded
 * and validated, so a unit test can assert what was sent and that GitHub would have accepted it.
 *
 *   const github = mockGitHub();
 *   github.scope.post("/repos/octo-org/security-cases/issues").reply(201, { number: 7 });
 *   ... run the handler ...
 *   expect(github.problems()).toEqual([]);
 */
import nock from "nock";
import { validateRestRequest } from "./openapi.js";
import { queryParameters } from "./schema-validator.js";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as sent (including any `/api/v3` prefix). */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown;
  operationId: string | undefined;
  problems: string[];
}

export interface GitHubMock {
  scope: nock.Scope;
  requests: RecordedRequest[];
  /** Every violation of GitHub's description seen so far, each prefixed with the request that caused it. */
  problems(): string[];
}

export function mockGitHub(baseUrl = "https://api.github.com"): GitHubMock {
  const scope = nock(baseUrl);
  const requests: RecordedRequest[] = [];
  scope.on("request", (request: { method?: string; path?: string; headers?: RecordedRequest["headers"] }, _interceptor: unknown, rawBody: unknown) => {
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.path ?? "/", "http://github.invalid");
    const query = queryParameters(url.searchParams);
    const headers = request.headers ?? {};
    const body = parseBody(rawBody);
    const { operationId, problems } = validateRestRequest({ method, path: url.pathname, query, headers, body });
    requests.push({ method, path: url.pathname, query, headers, body, operationId, problems });
  });
  return {
    scope,
    requests,
    problems: () => requests.flatMap((request) => request.problems.map((problem) => `${request.method} ${request.path}: ${problem}`)),
  };
}

function parseBody(rawBody: unknown): unknown {
  if (typeof rawBody !== "string") return rawBody === null ? undefined : rawBody;
  if (rawBody === "") return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}
