import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { withCaseBlock } from "../../src/case/case-record.js";
import { AppIdentityUnknownError, readTrustedCase, trustedOctokit } from "../../src/github/case-trust.js";
import { configSchema } from "../../src/config/schema.js";
import { openedCase } from "../commands/fixtures.js";
import { seedFixtureWorld } from "../harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import { sealedForTest, testTrust } from "../helpers/probot.js";

/**
 * Until the app knows its bot account, no issue can be told from a look-alike: reading one fails rather than taking
 * every case for a stranger's (the sweep would then reconcile reports that have cases, and open them twice).
 */

let github: StandIn;
afterEach(async () => github.close());

async function readCase(identity: { appId: number; botLogin?: string }) {
  github = await startStandIn();
  const world = seedFixtureWorld(github.state);
  const tracking = github.state.repository(world.trackingRepository)!;
  const issue = github.state.createIssue(tracking, {
    title: "a case",
    body: withCaseBlock("## Case", openedCase(configSchema.parse({ calendar: { timezone: "Europe/Amsterdam" } }))),
    labels: ["disclosure"],
    user: world.app.bot,
  });
  issue.body = sealedForTest(issue.body ?? "", world.trackingRepository, issue.number);
  const Octokit = trustedOctokit(
    ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false }, retry: { enabled: false } })),
    { identity, secret: testTrust.secret },
  );
  const probot = new Probot({
    appId: world.app.id,
    privateKey: world.app.keys.privateKey,
    baseUrl: github.url,
    Octokit,
    log: pino({ level: "silent" }),
  });
  const octokit = await probot.auth(world.installationId);
  const { data } = await octokit.rest.issues.get({ owner: "octo-org", repo: "security-cases", issue_number: issue.number });
  return readTrustedCase(data);
}

describe("an app that does not know its bot account yet", () => {
  it("judges no issue: reading one fails", async () => {
    await expect(readCase({ appId: 4242 })).rejects.toBeInstanceOf(AppIdentityUnknownError);
  });

  it("control: once it knows, its own sealed case is found", async () => {
    expect((await readCase({ appId: 4242, botLogin: "disclosure-desk[bot]" })).status).toBe("found");
  });
});
