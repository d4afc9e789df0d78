import { ProbotOctokit, run } from "probot";
import { disclosureDesk } from "./app.js";
import { createGatewayCache } from "./github/gateway-cache.js";
import { checkEnvironment, setupInstructions } from "./runtime/environment.js";
import { createInProcessLocks } from "./runtime/locks.js";

const environment = checkEnvironment(process.env);

if (!environment.ready) {
  const lines = setupInstructions(environment, process.env.PORT ?? "3000");
  if (process.env.NODE_ENV === "production") {
    for (const problem of environment.problems) console.error(`disclosure-desk: ${problem}`);
    process.exit(1);
  }
  for (const line of lines) console.log(line);
}

// Throttling spaces GitHub writes about a second apart, as GitHub asks; it is switched off only to run against a
// local GitHub stand-in (end-to-end tests, the demo and the benchmark).
const Octokit =
  process.env.GITHUB_THROTTLING === "off"
    ? ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }))
    : ProbotOctokit;

await run(
  disclosureDesk({
    cache: createGatewayCache(),
    locks: createInProcessLocks(),
    now: Date.now,
  }),
  { Octokit },
);
