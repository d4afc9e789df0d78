import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { issuesOpenedPayload } from "../fixtures/webhook-payloads.js";
import { seedFixtureWorld, type FixtureWorld } from "../harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import { startApp, type AppProcess } from "./support/app-process.js";
import { invalidRequests, WEBHOOK_SECRET } from "./support/world.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

jest.setTimeout(90_000);

let github: StandIn | undefined;
let app: AppProcess | undefined;

afterEach(async () => {
  await app?.stop();
  await github?.close();
  app = undefined;
  github = undefined;
});

/** A stand-in playing GitHub Enterprise Server 3.19: its version header, no advisory endpoints at all. */
async function startEnterpriseServer(config: string): Promise<{ github: StandIn; fixture: FixtureWorld; app: AppProcess }> {
  github = await startStandIn();
  github.state.features.advisories = false;
  github.state.features.advisoryComments = false;
  github.state.features.enterpriseServerVersion = "3.19.2";
  const fixture = seedFixtureWorld(github.state, { config });
  app = await startApp({
    appId: fixture.app.id,
    privateKey: fixture.app.keys.privateKey,
    webhookSecret: WEBHOOK_SECRET,
    gitHubHost: new URL(github.url).host,
  });
  return { github, fixture, app };
}

/** Log lines of the JSON logger, parsed. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const advisoryRequests = (standIn: StandIn) =>
  standIn.journal.entries
    .filter((entry) => /\/security-advisories\b/.test(entry.path))
    .map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

describe("on GitHub Enterprise Server", () => {
  it("says once that it runs in private-issue mode, and is ready", async () => {
    const { github, app } = await startEnterpriseServer(policyYaml(openworxShort("octo-org/security-cases")));
    const modeLines = logLines(app.output()).filter((line) => String(line.msg).includes("private-issue mode"));
    expect(modeLines).toHaveLength(1);
    expect(modeLines[0]).toMatchObject({ platform: "enterprise-server", version: "3.19.2", advisories: false });
    expect(github.journal.of("apps/list-installations").map((entry) => entry.status)).toEqual([200]);

    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("turns a vulnerability report in a public issue into a private case without touching advisory endpoints", async () => {
    // The policy asks for a draft advisory (the default), but Enterprise Server has none: the app knows and skips it.
    const { github, fixture, app } = await startEnterpriseServer(policyYaml(openworxShort("octo-org/security-cases")));
    const payload = issuesOpenedPayload();
    const widgets = github.state.repository(fixture.advisoryRepository)!;
    widgets.nextIssueNumber = payload.issue.number;
    github.state.createIssue(widgets, {
      title: payload.issue.title,
      body: payload.issue.body ?? null,
      labels: [],
      user: github.state.seedUser(payload.issue.user!.login),
    });

    const response = await app.sendWebhook("issues", payload);

    expect(response.status).toBe(200);
    const cases = [...github.state.repository(fixture.trackingRepository)!.issues.values()];
    expect(cases).toHaveLength(1);
    expect(cases[0]!.labels.map((label) => label.name)).toContain("disclosure");
    expect(widgets.issues.get(payload.issue.number)!.body).not.toContain("OR 1=1");
    expect(advisoryRequests(github)).toEqual([]);
    expect(invalidRequests(github)).toEqual([]);
  });
});
