import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { disclosureDesk } from "../../src/app.js";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { closingFollowUp, type FollowUpCase } from "../../src/closing/follow-up-case.js";
import { configSchema } from "../../src/config/schema.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import { sweepInstallation } from "../../src/sweep/run.js";
import type { RepositoryAdvisoryObject } from "../fixtures/github-objects.js";
import { issueCommentCreatedPayload, repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import type { RepositoryState } from "../harness/standin/state.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { sealedForTest, TestOctokit, testTrust } from "../helpers/probot.js";
import { caseKey, openedCase } from "../commands/fixtures.js";
import { days, resolvedAt, type ConsentMode } from "./fixtures.js";
import { openworx, policyYaml } from "../fixtures/policies.js";

/**
 * The closing against the stateful, schema-checked stand-in for GitHub: the advisory update route enforces GitHub's
 * documented transition rules, every request is validated against GitHub's REST description, and the journal
 * shows exactly what was sent.
 */

const trackingName = "octo-org/security-cases";
const policyText = (consent: string) =>
  policyYaml(openworx, {
    policy: { contact: undefined, safeHarbor: undefined },
    tracking: { team: "octo-org/security" },
    sla: undefined,
    exclusions: undefined,
    credit: { default: "name", askAfterDays: 14 },
    publication: { consent: consent as ConsentMode, reviewDays: 10 },
  });

let github: StandIn;
let probot: Probot;
let installationId: number;
let advisory: RepositoryAdvisoryObject;
let tracking: RepositoryState;
let clock: Date;
let consentMode: string;

async function setUp(consent: string, closing: CaseRecord["closing"]): Promise<number> {
  consentMode = consent;
  // The stand-in keeps the wall clock (app JWTs are checked against it); the case's clock is the test's.
  github = await startStandIn();
  const app = github.state.seedApp({ id: 4242 });
  github.state.seedOrganization("octo-org");
  github.state.seedRepository("octo-org/widgets", { files: { ".github/disclosure.yml": policyText(consent) } });
  tracking = github.state.seedRepository("octo-org/security-cases", { private: true });
  const rosa = github.state.seedUser("rosa-researcher");
  installationId = github.state.seedInstallation("octo-org").id;
  advisory = github.state.seedAdvisory("octo-org/widgets", {
    ghsaId: caseKey,
    author: rosa,
    state: "draft",
    summary: "SQL injection in the widget search endpoint",
    description: "The q parameter of /api/search is concatenated into SQL.",
    severity: null,
    vulnerabilities: [
      {
        package: { ecosystem: "npm", name: "widgets" },
        vulnerable_version_range: "< 2.4.1",
        patched_versions: "2.4.1",
        vulnerable_functions: [],
      },
    ],
  });
  const config = configSchema.parse({ calendar: { timezone: "Europe/Amsterdam" } });
  const record = openedCase(config, {
    state: "resolved",
    firstResponseAt: "2026-11-17T10:15:00.000Z",
    resolvedAt,
    closing: { askedAt: resolvedAt, ...closing },
  });
  const issue = github.state.createIssue(tracking, {
    title: `[${caseKey}] SQL injection in the widget search endpoint`,
    body: withCaseBlock("## Case", record),
    labels: ["disclosure", "state:resolved"],
    user: github.state.seedUser("disclosure-desk[bot]", "Bot"),
  });
  issue.body = sealedForTest(issue.body ?? "", trackingName, issue.number);
  probot = new Probot({
    appId: app.id,
    privateKey: app.keys.privateKey,
    baseUrl: github.url,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  await probot.load(
    disclosureDesk({
      cache: createGatewayCache(),
      locks: createInProcessLocks(),
      now: () => clock.getTime(),
      platform: { advisories: true },
      trust: testTrust,
    }),
  );
  return issue.number;
}

afterEach(async () => {
  // Invalid requests (against GitHub's description, or a transition GitHub documents as refused) and any 422.
  const refused = github.journal.entries
    .filter((entry) => entry.invalid || entry.status === 422)
    .flatMap((entry) => [`${entry.method} ${entry.path}: ${entry.status}`, ...entry.problems]);
  const strayAnswers = github.journal.entries.flatMap((entry) => entry.responseProblems);
  await github.close();
  expect(refused).toEqual([]);
  expect(strayAnswers).toEqual([]);
});

function issueNow(number: number) {
  const issue = tracking.issues.get(number)!;
  const reading = readCaseBlock(issue.body);
  if (reading.status !== "found") throw new Error("no case block");
  return { issue, record: reading.record, labels: issue.labels.map((label) => label.name) };
}

async function sweepCase(number: number): Promise<void> {
  const octokit = await probot.auth(installationId);
  const followUp = closingFollowUp(octokit, createGatewayCache(), installationId, () => clock.getTime());
  const { issue, record, labels } = issueNow(number);
  const config = configSchema.parse({
    tracking: { repository: "octo-org/security-cases", team: "octo-org/security" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    credit: { default: "name", askAfterDays: 14 },
    publication: { consent: consentMode, reviewDays: 10 },
  });
  const openCase: FollowUpCase = {
    tracking: { owner: "octo-org", repo: "security-cases" },
    number,
    body: issue.body ?? "",
    labels,
    record,
    config,
  };
  await followUp(openCase, clock);
}

/** A comment by the researcher on the advisory, written at the test's clock. */
function researcherSays(body: string): void {
  const comment = github.state.createAdvisoryComment(
    github.state.repository("octo-org/widgets")!,
    caseKey,
    body,
    github.state.seedUser("rosa-researcher"),
  );
  comment.created_at = clock.toISOString().replace(/\.\d{3}Z$/, "Z");
  comment.updated_at = comment.created_at;
}

function requestPublication(number: number): void {
  const { issue, record } = issueNow(number);
  const closing = { ...record.closing, publication: { requestedAt: clock.toISOString(), by: "max-maintainer", cve: false } };
  issue.body = sealedForTest(withCaseBlock(issue.body ?? "", { ...record, closing }), trackingName, number);
}

const advisoryUpdates = () => github.journal.of("security-advisories/update-repository-advisory").map((entry) => entry.body);
const trackingComments = (number: number) =>
  [...tracking.comments.values()].filter((comment) => comment.issue_url.endsWith(`/issues/${number}`)).map((comment) => comment.body ?? "");
const advisoryComments = () => github.state.repository("octo-org/widgets")!.advisoryComments.get(caseKey) ?? [];

describe("closing a case under mutual consent, against the stand-in", () => {
  beforeEach(() => {
    clock = days(resolvedAt, 1);
  });

  it("from the researcher's answers to the publication, never sending GitHub what it would refuse", async () => {
    const number = await setUp("mutual", {
      review: { status: "requested", at: resolvedAt },
      otherCredits: [{ login: "ana-analyst", type: "analyst" }],
    });

    // Day 1: the researcher says how to be credited; the sweep copies it, records it, sets credits, sends the draft.
    researcherSays('credit: name "Rosa Visser"');
    clock = days(resolvedAt, 1.1);
    await sweepCase(number);
    let now = issueNow(number);
    expect(now.record.closing).toMatchObject({
      credit: { choice: "name", name: "Rosa Visser", login: "rosa-researcher", by: "researcher" },
      review: { status: "sent", at: clock.toISOString() },
    });
    expect(advisoryUpdates()).toEqual([
      {
        credits: [
          { login: "rosa-researcher", type: "finder" },
          { login: "ana-analyst", type: "analyst" },
        ],
      },
    ]);
    expect(advisory.credits_detailed.map((credit) => [credit.user.login, credit.state])).toEqual([
      ["rosa-researcher", "accepted"],
      ["ana-analyst", "pending"],
    ]);
    const review = advisoryComments().at(-1)?.body ?? "";
    expect(review).toContain("Before we publish, here is the text of our publication");
    expect(review).toContain('you will be credited by name as "Rosa Visser".');
    expect(trackingComments(number).join("\n")).toContain("**rosa-researcher** wrote on [the advisory]");

    // Day 3: the publication is asked for before the researcher agreed: refused by the command, so nothing to do.
    // Day 4: the researcher agrees after reading the draft.
    clock = days(resolvedAt, 4);
    researcherSays("Looks right to me.\nconsent: yes");
    clock = days(resolvedAt, 4.1);
    await sweepCase(number);
    expect(issueNow(number).record.closing?.consent).toMatchObject({ answer: "yes", by: "researcher" });

    // Day 5: publication requested, but the advisory has no severity: nothing is sent, maintainers hear why.
    clock = days(resolvedAt, 5);
    requestPublication(number);
    await sweepCase(number);
    expect(advisoryUpdates()).toHaveLength(1);
    expect(advisory.state).toBe("draft");
    expect(trackingComments(number).at(-1)).toContain(
      "⛔ Not published (asked by max-maintainer): nothing was sent to GitHub, because\n- the advisory has no severity or CVSS vector",
    );
    now = issueNow(number);
    expect(now.record.closing?.publication).toBeUndefined();
    expect(now.record.state).toBe("resolved");

    // Day 6: severity set, asked again: published, the researcher thanked, the case closed as published.
    clock = days(resolvedAt, 6);
    advisory.severity = "high";
    requestPublication(number);
    await sweepCase(number);
    expect(advisoryUpdates().at(-1)).toEqual({ state: "published" });
    expect(advisory.state).toBe("published");
    expect(advisoryComments().at(-1)?.body).toContain("Our advisory about the problem you reported is now published");
    now = issueNow(number);
    expect(now.record).toMatchObject({ state: "published", closing: { publishedAt: clock.toISOString() } });
    expect(now.issue.state).toBe("closed");
    expect(now.issue.state_reason).toBe("completed");
    expect(now.labels).toEqual(["disclosure", "state:published"]);

    // GitHub's webhook for that publication finds the case already published: no alert.
    const before = trackingComments(number).length;
    await deliverPublished();
    expect(trackingComments(number)).toHaveLength(before);
  });

  it("the researcher withdrawing consent after the request: nothing is published", async () => {
    const number = await setUp("mutual", {
      review: { status: "sent", at: resolvedAt },
      consent: { answer: "yes", by: "researcher", at: days(resolvedAt, 0.5).toISOString() },
    });
    advisory.severity = "high";
    clock = days(resolvedAt, 2);
    requestPublication(number);
    researcherSays("On second thought: consent: no\nconsent: no");
    clock = days(resolvedAt, 2.1);
    await sweepCase(number);
    expect(advisoryUpdates()).toEqual([]);
    expect(advisory.state).toBe("draft");
    expect(trackingComments(number).join("\n")).toContain("- the researcher does not consent to publication");
  });

  it("a declined credit is recorded, labelled and told to maintainers", async () => {
    const number = await setUp("mutual", {});
    advisory.credits_detailed = advisory.credits_detailed.map((credit) => ({ ...credit, state: "declined" }));
    await sweepCase(number);
    const now = issueNow(number);
    expect(now.record.closing?.advisoryCredit).toMatchObject({ login: "rosa-researcher", state: "declined" });
    expect(now.labels).toContain("credit-declined");
    expect(trackingComments(number).at(-1)).toContain("declined their credit");
  });

  it("an advisory published by hand before consent raises the alert on the tracking issue", async () => {
    const number = await setUp("mutual", { review: { status: "sent", at: resolvedAt } });
    advisory.state = "published";
    advisory.published_at = clock.toISOString().replace(/\.\d{3}Z$/, "Z");
    await deliverPublished();
    const now = issueNow(number);
    expect(now.labels).toEqual(["disclosure", "state:published", "published-outside-gate"]);
    expect(now.record).toMatchObject({ state: "published", closing: { publishedOutsideGate: true } });
    expect(now.issue.state).toBe("closed");
    const alert = trackingComments(number).at(-1) ?? "";
    expect(alert).toContain(
      "🚨 @octo-org/security: [the advisory](https://github.com/octo-org/widgets/security/advisories/GHSA-4v7x-pqr2-9c3m) was published on GitHub outside Disclosure Desk",
    );
    expect(alert).toContain("- the researcher has not consented to publication");
    expect(advisoryUpdates()).toEqual([]);
  });
});

async function deliverPublished(): Promise<void> {
  const base = repositoryAdvisoryReportedPayload();
  const payload = {
    ...base,
    action: "published",
    repository_advisory: { ...structuredClone(advisory) },
    installation: { ...base.installation, id: installationId },
  };
  expect(validateWebhookPayload("repository_advisory", payload)).toEqual([]);
  await probot.receive({ id: "delivery-published", name: "repository_advisory", payload } as unknown as Parameters<Probot["receive"]>[0]);
}

describe("the sweep's follow-up step", () => {
  it("mirrors the researcher's replies and carries the closing forward for each open case", async () => {
    clock = days(resolvedAt, 1);
    const number = await setUp("mutual", { review: { status: "requested", at: resolvedAt } });
    researcherSays("credit: handle");
    clock = days(resolvedAt, 1.1);
    const octokit = await probot.auth(installationId);
    const cache = createGatewayCache();
    const summary = await sweepInstallation(new GitHubGateway(octokit, cache, installationId, () => clock.getTime()), {
      now: clock,
      dryRun: false,
      maxRequests: 500,
      locks: createInProcessLocks(),
      log: pino({ level: "silent" }),
      followUp: closingFollowUp(octokit, cache, installationId, () => clock.getTime()),
    });
    expect(summary).toMatchObject({ openCases: 1, followedUp: 1, deferred: 0 });
    const now = issueNow(number);
    expect(now.record.closing).toMatchObject({ credit: { choice: "handle", by: "researcher" }, review: { status: "sent" } });
    expect(trackingComments(number).join("\n")).toContain("**rosa-researcher** wrote on [the advisory]");
    expect(advisoryComments().at(-1)?.body).toContain("you will be credited by your GitHub handle (rosa-researcher).");
  });

  it("follows a closed duplicate until its reporter says how to be credited", async () => {
    clock = days(resolvedAt, 1);
    const number = await setUp("mutual", {});
    const { issue, record } = issueNow(number);
    issue.body = sealedForTest(withCaseBlock(issue.body ?? "", { ...record, state: "duplicate", duplicateOf: "#3" }), trackingName, number);
    issue.state = "closed";
    advisory.state = "closed";
    researcherSays("credit: handle");
    clock = days(resolvedAt, 1.1);
    const octokit = await probot.auth(installationId);
    const cache = createGatewayCache();
    const sweep = () =>
      sweepInstallation(new GitHubGateway(octokit, cache, installationId, () => clock.getTime()), {
        now: clock,
        dryRun: false,
        maxRequests: 500,
        locks: createInProcessLocks(),
        log: pino({ level: "silent" }),
        followUp: closingFollowUp(octokit, cache, installationId, () => clock.getTime()),
      });
    expect(await sweep()).toMatchObject({ openCases: 0, followedUp: 1 });
    expect(issueNow(number).record.closing?.credit).toMatchObject({ choice: "handle", by: "researcher" });
    expect(issueNow(number).issue.state).toBe("closed");
    expect(advisoryUpdates()).toEqual([]);
    // Answered: the next sweep leaves it alone.
    expect(await sweep()).toMatchObject({ followedUp: 0 });
  });

  it("an advisory published by hand with the gate met: marked published, no alert", async () => {
    const number = await setUp("maintainer-only", {});
    advisory.state = "published";
    advisory.published_at = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    await deliverPublished();
    const now = issueNow(number);
    expect(now.labels).toEqual(["disclosure", "state:published"]);
    expect(now.record.closing?.publishedOutsideGate).toBeUndefined();
    expect(trackingComments(number).at(-1)).toContain("the publication gate (`publication.consent: maintainer-only`) was met");
  });

  it("without the advisory comments API the draft waits for a maintainer to relay it, and /disclosure relayed starts the window", async () => {
    const number = await setUp("mutual", { review: { status: "requested", at: resolvedAt } });
    github.state.features.advisoryComments = false;
    await sweepCase(number);
    let now = issueNow(number);
    expect(now.record.closing?.review?.status).toBe("relay-needed");
    expect(now.labels).toContain("relay-needed");
    expect(trackingComments(number).join("\n")).toContain("Before we publish, here is the text of our publication");
    clock = days(resolvedAt, 2);
    github.state.seedUser("max-maintainer");
    tracking.permissions.set("max-maintainer", "maintain");
    await deliverCommand(number, "/disclosure relayed");
    now = issueNow(number);
    expect(now.record.closing?.review).toEqual({ status: "sent", at: clock.toISOString() });
    expect(now.labels).not.toContain("relay-needed");
  });
});

describe("/disclosure publish through the issue comment handler", () => {
  it("maintainer-only: the command records the request, the next sweep publishes", async () => {
    clock = days(resolvedAt, 1);
    const number = await setUp("maintainer-only", {});
    advisory.severity = "medium";
    github.state.seedUser("max-maintainer");
    tracking.permissions.set("max-maintainer", "write");
    await deliverCommand(number, "/disclosure publish");
    expect(trackingComments(number).at(-1)).toContain("✅ /disclosure publish — the maintainer-only consent gate is met");
    expect(issueNow(number).record.closing?.publication).toMatchObject({ by: "max-maintainer", cve: false });
    expect(advisoryUpdates()).toEqual([]);
    await sweepCase(number);
    expect(advisoryUpdates()).toEqual([{ state: "published" }]);
    expect(issueNow(number).record.state).toBe("published");
  });
});

async function deliverCommand(number: number, body: string): Promise<void> {
  const issue = tracking.issues.get(number)!;
  const comment = github.state.createComment(tracking, issue, body, github.state.seedUser("max-maintainer"));
  const base = issueCommentCreatedPayload();
  const payload = {
    ...base,
    issue: structuredClone(issue),
    comment: structuredClone(comment),
    repository: structuredClone(tracking.repository),
    sender: comment.user,
    installation: { ...base.installation, id: installationId },
  };
  expect(validateWebhookPayload("issue_comment", payload)).toEqual([]);
  await probot.receive({ id: `delivery-${comment.id}`, name: "issue_comment", payload } as unknown as Parameters<Probot["receive"]>[0]);
}
