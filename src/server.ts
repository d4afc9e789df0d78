import { run } from "probot";
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

await run(
  disclosureDesk({
    cache: createGatewayCache(),
    locks: createInProcessLocks(),
    now: Date.now,
  }),
);
