import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { issueCommentCreatedPayload, maintainer, repositoryAdvisoryReportedPayload, researcher } from "../fixtures/webhook-payloads.js";
import { runCli } from "./support/cli.js";
import { invalidRequests, startWorld, type World } from "./support/world.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

/**
 * A case's life through the real server and the real `disclosure-desk sweep`, against the stand-in: maintainer
 * commands by signed webhooks, then the SLA sweep run with a controllable clock (`--now`).
 */

jest.setTimeout(120_000);

let world: World | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const tracking = (current: World) => current.github.state.repositories.get(current.fixture.trackingRepository)!;
const trackingIssue = (current: World) => tracking(current).issues.get(1)!;
const issueComments = (current: World) => [...tracking(current).comments.values()].map((comment) => comment.body ?? "");
const researcherMessages = (current: World) =>
  current.github.state.repositories
    .get(current.fixture.advisoryRepository)
    ?.advisoryComments.get(current.fixture.ghsaId)
    ?.map((comment) => comment.body) ?? [];

async function command(current: World, body: string, commentId: number, author = maintainer) {
  const issue = trackingIssue(current);
  const payload = issueCommentCreatedPayload({
    issue: { number: issue.number, title: issue.title, body: issue.body ?? "" },
    comment: { id: commentId, body, user: author },
    sender: author,
  });
  return current.apps[0]!.sendWebhook("issue_comment", payload);
}

function sweepEnvironment(current: World): Record<string, string> {
  return {
    APP_ID: String(current.fixture.app.id),
    PRIVATE_KEY: current.fixture.app.keys.privateKey,
    GHE_HOST: new URL(current.github.url).host,
    GHE_PROTOCOL: "http",
    GITHUB_THROTTLING: "off",
    LOG_LEVEL: "warn",
  };
}

describe("a case's life", () => {
  it("asks for information, accepts with a resolution date, and refuses an unauthorised command", async () => {
    world = await startWorld();
    expect((await world.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload())).status).toBe(200);

    expect((await command(world, "/disclosure needs-info Which tenant did you test with?", 2_400_000_201)).status).toBe(200);
    expect(researcherMessages(world).at(-1)).toContain("Which tenant did you test with?");
    expect(trackingIssue(world).labels.map((label) => label.name)).toContain("state:needs-info");

    // The researcher is not a collaborator of the private tracking repository: refused, nothing changes.
    const before = researcherMessages(world).length;
    await command(world, "/disclosure accept resolve-by:2027-01-15", 2_400_000_202, researcher);
    expect(researcherMessages(world)).toHaveLength(before);

    await command(world, "/disclosure accept severity:high resolve-by:2027-01-15", 2_400_000_203);
    expect(researcherMessages(world).at(-1)).toContain("Friday 15 January 2027, 23:59 CET");
    const block = readCaseBlock(trackingIssue(world).body);
    expect(block.status === "found" && block.record.state).toBe("accepted");
    expect(block.status === "found" && block.record.deadlines.resolutionDue).toBe("2027-01-15T22:59:59.999Z");
    expect(invalidRequests(world.github)).toEqual([]);
  });

  it("reminds before the response deadline once, then marks and escalates the breach once", async () => {
    world = await startWorld();
    await world.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload());
    const env = sweepEnvironment(world);
    // Received Monday 16 November 2026; response due Monday 23 November, 23:59 CET; reminder one business day before.
    const dueSoon = await runCli(["sweep", "--now", "2026-11-20T09:00:00Z"], env);
    expect(dueSoon.code).toBe(0);
    expect(dueSoon.stdout).toContain("1 open cases");
    expect(trackingIssue(world).labels.map((label) => label.name)).toContain("sla:due-soon");
    const reminders = issueComments(world).length;
    expect(reminders).toBeGreaterThan(0);

    const again = await runCli(["sweep", "--now", "2026-11-20T10:00:00Z"], env);
    expect(again.code).toBe(0);
    expect(issueComments(world)).toHaveLength(reminders);

    const breached = await runCli(["sweep", "--now", "2026-11-24T09:00:00Z"], env);
    expect(breached.code).toBe(0);
    const labels = trackingIssue(world).labels.map((label) => label.name);
    expect(labels).toContain("sla:breached");
    expect(labels).not.toContain("sla:due-soon");
    const afterBreach = issueComments(world).length;
    expect(afterBreach).toBeGreaterThan(reminders);

    await runCli(["sweep", "--now", "2026-11-25T09:00:00Z"], env);
    expect(issueComments(world)).toHaveLength(afterBreach);
    expect(invalidRequests(world.github)).toEqual([]);
  });
});

describe("a missed webhook", () => {
  it("is recovered by the sweep: the case opens once, with a late acknowledgement counted from the submission", async () => {
    world = await startWorld();
    const env = sweepEnvironment(world);
    // The report exists on GitHub but its webhook never arrived (the app was down, or the delivery was dropped).
    const missed = world.newReport(7);
    const ghsaId = missed.repository_advisory.ghsa_id;

    expect((await runCli(["sweep"], env)).code).toBe(0);
    expect((await runCli(["sweep"], env)).code).toBe(0);

    const opened = [...tracking(world).issues.values()].filter((issue) => issue.title.startsWith(ghsaId));
    expect(opened).toHaveLength(1);
    const acknowledgements = world.github.state.repositories.get(world.fixture.advisoryRepository)?.advisoryComments.get(ghsaId) ?? [];
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]?.body).toContain("We are sorry that this acknowledgement comes late");
    expect(acknowledgements[0]?.body).toContain("Monday 23 November 2026, 23:59 CET");
    expect(invalidRequests(world.github)).toEqual([]);
  });
});

describe("closing a case end to end", () => {
  it("mirrors the researcher's answers, sends the draft for review and publishes only once mutual consent is given", async () => {
    world = await startWorld({ config: `${openworxConfigWithConsent("mutual")}` });
    const current = world;
    const env = sweepEnvironment(current);
    const sweep = async () => expect((await runCli(["sweep"], env)).code).toBe(0);
    const researcherSays = (body: string) => {
      const comments = current.github.state.repositories.get(current.fixture.advisoryRepository)!.advisoryComments;
      const thread = comments.get(current.fixture.ghsaId) ?? [];
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
      const id = current.github.state.id();
      const user = current.github.state.seedUser(researcher.login);
      thread.push({
        id,
        node_id: `RSAC_${id}`,
        body,
        user,
        created_at: at,
        updated_at: at,
        html_url: `https://github.com/${current.fixture.advisoryRepository}/security/advisories/${current.fixture.ghsaId}#comment-${id}`,
        author_association: "NONE",
      });
      comments.set(current.fixture.ghsaId, thread);
    };
    const advisory = () =>
      current.github.state.repositories.get(current.fixture.advisoryRepository)!.advisories.get(current.fixture.ghsaId)!;

    await current.apps[0]!.sendWebhook("repository_advisory", repositoryAdvisoryReportedPayload());
    await command(current, "/disclosure accept severity:high resolve-by:2027-01-15", 2_400_000_301);
    await command(current, "/disclosure resolved", 2_400_000_302);
    expect(researcherMessages(current).at(-1)).toMatch(/credited/);

    // Publishing before the researcher agreed is refused and says why.
    await command(current, "/disclosure publish", 2_400_000_303);
    expect(issueComments(current).at(-1)).toMatch(/consent|review/i);
    await sweep();
    expect(advisory().state).not.toBe("published");

    researcherSays("Thanks for the draft, it reads well.\ncredit: handle\nconsent: yes");
    await sweep();
    const record = readCaseBlock(trackingIssue(current).body);
    expect(record.status === "found" && record.record.closing?.credit).toMatchObject({ choice: "handle", by: "researcher" });

    await command(current, "/disclosure publish", 2_400_000_304);
    await sweep();
    expect(advisory().state).toBe("published");
    expect(advisory().credits?.map((credit) => credit.login)).toContain(researcher.login);
    expect(invalidRequests(current.github)).toEqual([]);
  });
});

function openworxConfigWithConsent(consent: string): string {
  return `${policyYaml(openworxShort("octo-org/security-cases"))}publication:\n  consent: ${consent}\n  reviewDays: 10\n`;
}
