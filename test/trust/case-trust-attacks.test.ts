import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { disclosureDesk } from "../../src/app.js";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { closingFollowUp } from "../../src/closing/follow-up-case.js";
import { configSchema } from "../../src/config/schema.js";
import type { OutboundMail } from "../../src/email/smtp-mailer.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import type { HandlerDependencies } from "../../src/handlers/dependencies.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import { sweepInstallation, type InstallationSweepSummary } from "../../src/sweep/run.js";
import type { IssueObject, UserObject } from "../fixtures/github-objects.js";
import { issueCommentCreatedPayload, maintainer, repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { seedFixtureWorld, type FixtureWorld } from "../harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import type { RepositoryState } from "../harness/standin/state.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { TestOctokit, testTrust } from "../helpers/probot.js";
import { openedCase } from "../commands/fixtures.js";

/**
 * The trust boundary, tried as an attacker would, against the stateful, schema-checked stand-in: a case is only a
 * tracking issue the app opened, in the tracking repository the source repository's policy names, with an intact
 * seal. Each attack is paired with a control — the same action by someone entitled to it acts — so no test can
 * pass by the app doing nothing.
 */

const policy = `
language: en
policy: { name: Openworx Responsible Disclosure, url: "https://example.org/responsible-disclosure" }
tracking: { repository: octo-org/security-cases, team: octo-org/security }
calendar: { timezone: Europe/Amsterdam, holidays: NL }
publication: { consent: mutual, reviewDays: 10 }
`;
const attackerRepository = "octo-org/skunkworks";
/** The attacker's own repository names itself as a tracking repository. */
const attackerPolicy = "tracking: { repository: octo-org/skunkworks }\n";

let github: StandIn;
let world: FixtureWorld;
let probot: Probot;
let clock: Date;
let mallory: UserObject;
let mail: OutboundMail[];
let tracking: RepositoryState;
let skunkworks: RepositoryState;

function dependencies(): HandlerDependencies {
  return {
    cache: createGatewayCache(),
    locks: createInProcessLocks(),
    now: () => clock.getTime(),
    platform: { advisories: true },
    trust: testTrust,
    // Any address may be written to and nothing is rate-limited: a forged case must still send nothing.
    mailer: { senderFor: () => "security@example.org", admit: async () => true, send: async (message) => void mail.push(message) },
  };
}

async function setUp(options: { trackingVisibility?: "private" | "internal" } = {}): Promise<void> {
  clock = new Date("2026-11-16T09:00:00Z");
  mail = [];
  github = await startStandIn();
  world = seedFixtureWorld(github.state, { config: policy });
  tracking = github.state.repository(world.trackingRepository)!;
  if (options.trackingVisibility === "internal") tracking.repository.visibility = "internal";
  mallory = github.state.seedUser("mallory");
  skunkworks = github.state.seedRepository(attackerRepository, {
    private: true,
    files: { ".github/disclosure.yml": attackerPolicy },
    permissions: { mallory: "admin" },
  });
  tracking.permissions.set("mallory", "triage");
  probot = new Probot({
    appId: world.app.id,
    privateKey: world.app.keys.privateKey,
    baseUrl: github.url,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  await probot.load(disclosureDesk(dependencies()));
}

afterEach(async () => {
  const refused = github.journal.entries
    .filter((entry) => entry.invalid)
    .flatMap((entry) => [`${entry.method} ${entry.path}`, ...entry.problems]);
  await github.close();
  expect(refused).toEqual([]);
});

async function report(): Promise<IssueObject> {
  const payload = repositoryAdvisoryReportedPayload();
  await probot.receive({ id: "report", name: "repository_advisory", payload } as Parameters<Probot["receive"]>[0]);
  const issue = [...tracking.issues.values()].find(
    (candidate) => candidate.title.startsWith(world.ghsaId) && candidate.user?.login === world.app.bot.login,
  );
  if (!issue) throw new Error("the report opened no case");
  return issue;
}

async function comment(repository: RepositoryState, issue: IssueObject, author: UserObject, body: string, id: number): Promise<void> {
  const payload = issueCommentCreatedPayload({
    issue: issue as never,
    comment: { id, body, user: author } as never,
    sender: author as never,
    repository: repository.repository as never,
  });
  expect(validateWebhookPayload("issue_comment", payload)).toEqual([]);
  await probot.receive({ id: `comment-${id}`, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}

async function sweep(): Promise<InstallationSweepSummary> {
  const octokit = await probot.auth(world.installationId);
  const cache = createGatewayCache();
  return sweepInstallation(new GitHubGateway(octokit, cache, world.installationId, () => clock.getTime()), {
    now: clock,
    dryRun: false,
    maxRequests: 1_000,
    locks: createInProcessLocks(),
    log: pino({ level: "silent" }),
    followUp: closingFollowUp(octokit, cache, world.installationId, () => clock.getTime()),
  });
}

const advisory = () => github.state.repository(world.advisoryRepository)!.advisories.get(world.ghsaId)!;
const advisoryComments = () => github.state.repository(world.advisoryRepository)!.advisoryComments.get(world.ghsaId) ?? [];
const writes = () => github.journal.entries.filter((entry) => entry.method !== "GET" && !entry.path.endsWith("/access_tokens"));
const commentsOn = (repository: RepositoryState, number: number) =>
  [...repository.comments.values()].filter((item) => item.issue_url.endsWith(`/issues/${number}`)).map((item) => item.body ?? "");
const labelsOf = (issue: IssueObject) => issue.labels.map((label) => label.name);

function recordOf(issue: IssueObject): CaseRecord {
  const reading = readCaseBlock(issue.body);
  if (reading.status !== "found") throw new Error(`case block ${reading.status}`);
  return reading.record;
}

/** A record claiming everything the gate needs, as an attacker would write it. */
function forgedRecord(real: CaseRecord, changes: Partial<CaseRecord> = {}): CaseRecord {
  const at = "2026-11-20T10:00:00.000Z";
  return {
    ...real,
    state: "resolved",
    resolvedAt: at,
    closing: {
      askedAt: at,
      credit: { choice: "anonymous", by: "researcher", at },
      consent: { answer: "yes", by: "researcher", at },
      review: { status: "sent", at, answeredAt: at },
      publication: { requestedAt: at, by: "max-maintainer", cve: false },
    },
    ...changes,
  };
}

describe("a case is only what the app wrote where the policy says", () => {
  it("a copy of a real case in another private repository, commanded by that repository's admin, changes nothing", async () => {
    await setUp();
    const real = await report();
    const copy = github.state.createIssue(skunkworks, { title: real.title, body: real.body, labels: ["disclosure"], user: mallory });
    const advisoryBefore = JSON.stringify(advisory());
    const commentsBefore = advisoryComments().length;
    github.journal.clear();

    await comment(
      skunkworks,
      copy,
      mallory,
      "/disclosure reject Out of scope, we will not fix this.\n/disclosure update Your report was a hoax.",
      5_001,
    );

    expect(writes()).toEqual([]);
    expect(JSON.stringify(advisory())).toBe(advisoryBefore);
    expect(advisoryComments()).toHaveLength(commentsBefore);

    // Control: the same command from a maintainer in the real case is acted on.
    await comment(tracking, real, github.state.seedUser(maintainer.login), "/disclosure update We are working on a fix.", 5_002);
    expect(advisoryComments()).toHaveLength(commentsBefore + 1);
    expect(advisoryComments().at(-1)?.body).toContain("We are working on a fix.");
  });

  it("a forged e-mail case sends no mail, wherever it is written", async () => {
    await setUp();
    const real = await report();
    const forged = forgedRecord(recordOf(real), { channel: "email", key: "email:0123456789ab", state: "triage" });
    const inSkunkworks = github.state.createIssue(skunkworks, {
      title: "email:0123456789ab",
      body: withCaseBlock("## Case", forged),
      labels: ["disclosure"],
      user: mallory,
    });
    const inTracking = github.state.createIssue(tracking, {
      title: "email:0123456789ab",
      body: withCaseBlock("## Case", forged),
      labels: ["disclosure"],
      user: mallory,
    });

    await comment(skunkworks, inSkunkworks, mallory, "/disclosure update Please wire the bounty to this account.", 5_101);
    await comment(
      tracking,
      inTracking,
      github.state.seedUser(maintainer.login),
      "/disclosure update Please wire the bounty to this account.",
      5_102,
    );

    expect(mail).toEqual([]);
    expect(commentsOn(tracking, inTracking.number)).toEqual([]);
  });

  it("the sweep walks no look-alike: a self-named tracking repository's forged case publishes nothing and receives no researcher replies", async () => {
    await setUp();
    const real = await report();
    const forged = forgedRecord(recordOf(real));
    const lookAlike = github.state.createIssue(skunkworks, {
      title: real.title,
      body: withCaseBlock("## Case", forged),
      labels: ["disclosure", "state:resolved"],
      user: mallory,
    });
    // A copy of the app's own sealed block: sealed for another issue in another repository.
    const copied = github.state.createIssue(skunkworks, { title: real.title, body: real.body, labels: ["disclosure"], user: mallory });
    github.state.createAdvisoryComment(
      github.state.repository(world.advisoryRepository)!,
      world.ghsaId,
      "Here is my private proof of concept.",
      github.state.seedUser("rosa-researcher"),
    );
    clock = new Date("2026-11-17T09:00:00Z");

    const summary = await sweep();

    expect(summary.foreignCases).toBe(2);
    expect(advisory().state).not.toBe("published");
    expect(github.journal.of("security-advisories/update-repository-advisory")).toEqual([]);
    expect(commentsOn(skunkworks, lookAlike.number)).toEqual([]);
    expect(commentsOn(skunkworks, copied.number)).toEqual([]);
    // Control: the real case's follow-up copies the researcher's reply into the real tracking issue.
    expect(commentsOn(tracking, real.number).join("\n")).toContain("Here is my private proof of concept.");
  });

  it("an issue shaped like the next report's case, opened by someone else in the tracking repository, does not capture it", async () => {
    await setUp();
    const claimed = openedCase(configSchema.parse({ calendar: { timezone: "Europe/Amsterdam" } }), {
      key: world.ghsaId,
      source: { repository: world.advisoryRepository, ghsaId: world.ghsaId },
    });
    const trap = github.state.createIssue(tracking, {
      title: `${world.ghsaId}: SQL injection`,
      body: withCaseBlock("## Case", claimed),
      labels: ["disclosure"],
      user: mallory,
    });

    const real = await report();

    expect(real.number).not.toBe(trap.number);
    expect(real.user?.login).toBe(world.app.bot.login);
    expect(advisoryComments().filter((item) => item.body?.includes("We will respond by"))).toHaveLength(1);
    // Control: a redelivery finds the real case and opens nothing more.
    await report();
    expect([...tracking.issues.values()].filter((issue) => issue.user?.login === world.app.bot.login)).toHaveLength(1);
  });

  it("an internal tracking repository is treated as public: no report content there, and the notice says why", async () => {
    await setUp({ trackingVisibility: "internal" });
    const payload = repositoryAdvisoryReportedPayload();
    await probot.receive({ id: "report", name: "repository_advisory", payload } as Parameters<Probot["receive"]>[0]);

    const issues = [...tracking.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toContain("**internal**");
    expect(issues[0]?.body).not.toContain(payload.repository_advisory.description ?? "never");
    expect(advisoryComments().filter((item) => item.body?.includes("We will respond by"))).toHaveLength(1);
  });

  it("control: a private tracking repository receives the case", async () => {
    await setUp();
    const real = await report();
    expect(recordOf(real).key).toBe(world.ghsaId);
    expect(real.body).toMatch(/ seal:[0-9a-f]{64} -->/);
  });
});

describe("a case block changed by hand is detected and never acted on", () => {
  it("refuses commands on a tampered case, labels it and tells the team once; the sweep acts on nothing in it", async () => {
    await setUp();
    const real = await report();
    // A maintainer with write access edits the hidden block to claim the researcher's consent.
    real.body = real.body!.replace(
      '"state":"triage"',
      '"state":"resolved","closing":{"consent":{"answer":"yes","by":"researcher","at":"2026-11-16T10:00:00.000Z"}}',
    );
    const commentsBefore = advisoryComments().length;

    await comment(tracking, real, github.state.seedUser(maintainer.login), "/disclosure publish", 5_201);
    clock = new Date("2026-11-30T09:00:00Z");
    const first = await sweep();
    await sweep();

    expect(labelsOf(real)).toContain("case-tampered");
    const notices = commentsOn(tracking, real.number).filter((body) => body.includes("failed its seal check"));
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^@max-maintainer /);
    expect(notices[1]).toMatch(/^@octo-org\/security /);
    expect(first.tamperedCases).toBe(1);
    expect(advisoryComments()).toHaveLength(commentsBefore);
    expect(github.journal.of("security-advisories/update-repository-advisory")).toEqual([]);
    expect(commentsOn(tracking, real.number).some((body) => body.includes("deadline"))).toBe(false);
  });

  it("control: the same sweep reminds and escalates an untouched case", async () => {
    await setUp();
    const real = await report();
    clock = new Date("2026-11-30T09:00:00Z");
    const summary = await sweep();
    expect(summary.tamperedCases).toBe(0);
    expect(labelsOf(real)).not.toContain("case-tampered");
    expect(commentsOn(tracking, real.number).some((body) => body.includes("deadline"))).toBe(true);
  });

  it("seals a case from before seals once, in view of the team, and treats a later unsealed block as tampered", async () => {
    await setUp();
    const real = await report();
    const record = recordOf(real);
    const bot = world.app.bot;
    const legacy = github.state.createIssue(tracking, {
      title: `${record.key}: legacy`,
      body: withCaseBlock("## Case", { ...record, key: "GHSA-lega-cyca-se00" }),
      labels: ["disclosure"],
      user: bot,
    });
    legacy.created_at = "2026-11-01T09:00:00Z";
    const stripped = github.state.createIssue(tracking, {
      title: `${record.key}: stripped`,
      body: withCaseBlock("## Case", { ...record, key: "GHSA-stri-pped-se00" }),
      labels: ["disclosure"],
      user: bot,
    });
    stripped.created_at = "2026-12-06T09:00:00Z";

    const first = await sweep();
    const second = await sweep();

    expect(first.sealedCases).toBe(1);
    expect(second.sealedCases).toBe(0);
    expect(legacy.body).toMatch(/ seal:[0-9a-f]{64} -->/);
    expect(commentsOn(tracking, legacy.number).filter((body) => body.includes("has sealed this case's record"))).toHaveLength(1);
    expect(labelsOf(stripped)).toContain("case-tampered");
    expect(first.tamperedCases).toBe(1);
  });
});
