import { ProbotOctokit } from "probot";
import { callRetryPlugin } from "./call-retry.js";
import { trustedOctokit, type CaseTrust } from "./case-trust.js";
import { keepAliveFetch } from "./keep-alive-fetch.js";

/**
 * The app's GitHub client: every request passes the case-trust plugin (seals on write, judgement on read).
 * Throttling spaces GitHub writes about a second apart, as GitHub asks. GITHUB_THROTTLING=off switches it off, only
 * to run against a local GitHub stand-in (end-to-end tests, the demo and the benchmark). Requests go over keep-alive
 * connections unless a client is given its own `request.fetch`, and failed ones are retried by `callRetryPlugin`
 * (Octokit's `retry` settings apply to it) in place of the retry plugin Probot's client carries.
 */
export function octokitForEnvironment(env: NodeJS.ProcessEnv, trust: CaseTrust): typeof ProbotOctokit {
  const throttle = env.GITHUB_THROTTLING === "off" ? { throttle: { enabled: false } } : {};
  const base = ProbotOctokit.defaults((options: Record<string, unknown> & { request?: Record<string, unknown>; retry?: object }) => ({
    ...options,
    ...throttle,
    request: { fetch: keepAliveFetch, ...options.request },
    retry: { enabled: false },
    callRetry: options.retry,
  })).plugin(callRetryPlugin);
  return trustedOctokit(base, trust);
}
