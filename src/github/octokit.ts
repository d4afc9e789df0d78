import { ProbotOctokit } from "probot";
import { trustedOctokit, type CaseTrust } from "./case-trust.js";

/**
 * The app's GitHub client: every request passes the case-trust plugin (seals on write, judgement on read).
 * Throttling spaces GitHub writes about a second apart, as GitHub asks. GITHUB_THROTTLING=off switches it off, only
 * to run against a local GitHub stand-in (end-to-end tests, the demo and the benchmark).
 */
export function octokitForEnvironment(env: NodeJS.ProcessEnv, trust: CaseTrust): typeof ProbotOctokit {
  const base =
    env.GITHUB_THROTTLING === "off"
      ? ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }))
      : ProbotOctokit;
  return trustedOctokit(base, trust);
}
