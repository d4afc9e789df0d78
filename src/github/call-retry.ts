import type { Octokit } from "@octokit/core";
import type { EndpointDefaults, OctokitResponse } from "@octokit/types";
import { setTimeout as delay } from "node:timers/promises";

/** The settings of `@octokit/plugin-retry`, under the same names. */
export interface CallRetrySettings {
  enabled?: boolean;
  retries?: number;
  doNotRetry?: number[];
  retryAfterBaseValue?: number;
}

const DEFAULT_SETTINGS = { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 451], retryAfterBaseValue: 1_000 };

type RequestOptions = Required<EndpointDefaults>;
type Request = (options: RequestOptions) => OctokitResponse<unknown> | Promise<OctokitResponse<unknown>>;

/**
 * Retries a REST call as `@octokit/plugin-retry` does, without its rate limiter: a call that failed with a status from
 * 400 up that is not final (400, 401, 403, 404, 410, 422 and 451 are), or with no answer at all (Octokit gives that
 * status 500), is made again up to `retries` times (a call's own `request.retries` first), 1, 4 and 9 seconds apart;
 * each retry carries its `request.retryCount`. Probot's client carries that plugin, which makes a Bottleneck limiter
 * for every call: about a fifth of the CPU the app spends on a webhook's GitHub calls. The app makes no GraphQL calls,
 * so the plugin's retry of a GraphQL answer that reports a server error is not repeated here.
 */
export function callRetryPlugin(octokit: Octokit, options: Record<string, unknown>): void {
  const settings = { ...DEFAULT_SETTINGS, ...(options.callRetry as CallRetrySettings | undefined) };
  if (settings.enabled === false) return;
  octokit.hook.wrap("request", async (request: Request, requestOptions: RequestOptions) => {
    const retries = (requestOptions.request as { retries?: number } | undefined)?.retries ?? settings.retries;
    for (let retryCount = 0; ; retryCount += 1) {
      try {
        return await request(retryCount === 0 ? requestOptions : retried(requestOptions, retryCount));
      } catch (error) {
        if (retryCount >= retries || !isRetryable(error, settings.doNotRetry)) throw error;
        await delay((retryCount + 1) ** 2 * settings.retryAfterBaseValue);
      }
    }
  });
}

/** A copy: the options' `request` may be the client's own defaults, which every later call reads. */
function retried(requestOptions: RequestOptions, retryCount: number): RequestOptions {
  return { ...requestOptions, request: { ...requestOptions.request, retryCount } };
}

function isRetryable(error: unknown, doNotRetry: number[]): boolean {
  const failure = error as { status?: unknown; request?: { request?: unknown } } | null;
  return (
    typeof failure?.status === "number" &&
    failure.status >= 400 &&
    !doNotRetry.includes(failure.status) &&
    failure.request?.request !== undefined
  );
}
