import { ProbotOctokit } from "probot";

/**
 * Throttling spaces GitHub writes about a second apart, as GitHub asks. GITHUB_THROTTLING=off switches it off, only
 * to run against a local GitHub stand-in (end-to-end tests, the demo and the benchmark).
 */
export function octokitForEnvironment(env: NodeJS.ProcessEnv): typeof ProbotOctokit {
  return env.GITHUB_THROTTLING === "off"
    ? ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }))
    : ProbotOctokit;
}
