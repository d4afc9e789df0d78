import { run } from "probot";
import { composeServer, readServerSettings } from "./runtime/compose.js";
import { checkEnvironment, setupInstructions } from "./runtime/environment.js";
import { octokitForEnvironment } from "./github/octokit.js";
import { createLogger } from "./runtime/logger.js";

const SHUTDOWN_TIMEOUT_MS = 25_000;

// 1. The environment: one clear line per problem instead of a stack trace.
const environment = checkEnvironment(process.env);
if (!environment.ready) {
  if (process.env.NODE_ENV === "production") {
    for (const problem of environment.problems) console.error(`disclosure-desk: ${problem}`);
    process.exit(1);
  }
  for (const line of setupInstructions(environment, process.env.PORT ?? "3000")) console.log(line);
}

// 2. The app, its locks, the sweep timer and the operator routes.
const composed = composeServer(readServerSettings(process.env));

// 3. GitHub's client: every request judged for trust, throttled as GitHub asks unless GITHUB_THROTTLING=off (a local
//    stand-in only); then Probot's server, with a logger that redacts report content from failed events.
const Octokit = octokitForEnvironment(process.env, composed.trust);
const server = await run(composed.application, { Octokit, log: await createLogger(process.env) });

// 4. On SIGTERM: no new webhooks, the ones in flight and a running sweep finish, Redis is released, within a bound.
process.once("SIGTERM", () => {
  const forced = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
  forced.unref();
  void Promise.all([server.stop(), composed.shutdown()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
