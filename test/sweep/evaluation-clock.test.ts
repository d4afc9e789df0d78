import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { parseComment, type Command } from "../../src/commands/parse.js";
import { planCommand } from "../../src/commands/plan-command.js";
import { planComment } from "../../src/commands/plan-comment.js";
import { planMirror } from "../../src/closing/researcher-replies.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { withEmailThread } from "../../src/email/email-thread.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { executeCaseSweep } from "../../src/sweep/execute.js";
import { computeMetrics } from "../../src/dashboard/metrics.js";
import { planCaseSweep, sweepMarker } from "../../src/sweep/plan-sweep.js";
import { sweepInstallation } from "../../src/sweep/run.js";
import { installation } from "../fixtures/webhook-payloads.js";
import { TestOctokit } from "../helpers/probot.js";
import { researcherAddress, securityAddress, startSmtpServer, testMailer, type TestSmtpServer } from "../email/support.js";
import { openedCase, sweepConfig } from "./fixtures.js";
import { sweepWorld, trackingRepository, type SweepWorld } from "./sweep-world.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";

/**
 * "We will respond to your report within 5 business days with our evaluation of the report and an expected resolution
 * date" (Openworx; MijnPartnerGroep: three business days). Received Monday 23 November 2026 in Amsterdam, the
 * evaluation is due Monday 30 November, 23:59 CET; the derived resolution date is 23 December.
 */

const config = sweepConfig();
const EVALUATION_DUE = "2026-11-30T22:59:59.999Z";
const dayOne = new Date("2026-11-24T10:00:00Z");
const reminderTime = new Date("2026-11-27T08:00:00Z"); // Friday, the business day before
const afterDeadline = new Date("2026-12-01T08:00:00Z");
const advisory = "GHSA-4v7x-pqr2-9c3m";

function command(record: CaseRecord, issued: Command, now: Date, policy: DisclosureConfig = config): CaseRecord {
  const plan = planCommand({
    command: issued,
    line: "/disclosure …",
    record,
    labels: ["disclosure", `state:${record.state}`],
    config: policy,
    actor: "max-maintainer",
    now,
    researcher: "rosa-researcher",
    messageKey: `${now.getTime()}:1`,
  });
  expect(plan.outcome.status).toBe("done");
  return plan.record;
}

function trackingComments(world: SweepWorld): string[] {
  return world.github.issueComments(trackingRepository).map((comment) => comment.body);
}

function currentRecord(world: SweepWorld): CaseRecord {
  const reading = readCaseBlock(world.github.issues(trackingRepository)?.[0]?.body);
  if (reading.status !== "found") throw new Error(`no case record: ${reading.status}`);
  return reading.record;
}

async function sweepAt(world: SweepWorld, now: Date) {
  return sweepInstallation(world.gateway(now), world.options(now));
}

const measured = (record: CaseRecord) => ({
  record,
  policy: "Openworx Responsible Disclosure",
  clock: { sla: config.sla, calendar: config.calendar },
});

afterEach(stopTestGitHubs);

describe("the evaluation deadline in the sweep", () => {
  it("is not met by an update on day 1: maintainers are reminded, the breach escalated, and the metrics count it broken", async () => {
    const updated = command(openedCase(config), { name: "update", text: "We are looking into it." }, dayOne);
    expect(updated).toMatchObject({ state: "triage", firstResponseAt: dayOne.toISOString(), lastUpdateAt: dayOne.toISOString() });
    expect(updated.triagedAt).toBeUndefined();
    const world = await sweepWorld();
    world.addCase(updated);

    await sweepAt(world, reminderTime);
    expect(trackingComments(world)).toEqual([expect.stringContaining(sweepMarker(`response:${EVALUATION_DUE}:remind`))]);
    expect(trackingComments(world)[0]).toContain(
      "**Reminder: the response deadline of GHSA-4v7x-pqr2-9c3m is Monday 30 November 2026, 23:59 CET** (1 business day(s) left)",
    );
    expect(trackingComments(world)[0]).toContain("A progress update does not meet this deadline");
    expect(world.github.issues(trackingRepository)?.[0]?.labels).toContain("sla:due-soon");

    await sweepAt(world, afterDeadline);
    expect(trackingComments(world)).toHaveLength(2);
    expect(trackingComments(world)[1]).toContain(
      "**The response deadline of GHSA-4v7x-pqr2-9c3m has passed** (Monday 30 November 2026, 23:59 CET)",
    );
    expect(trackingComments(world)[1]).toContain(sweepMarker(`response:${EVALUATION_DUE}:breach`));
    expect(world.github.issues(trackingRepository)?.[0]?.labels).toContain("sla:breached");
    expect(currentRecord(world).sla).toEqual({ status: "breached", broken: ["response"] });
    expect(world.github.advisoryComments(advisory)).toBeUndefined();
    expect(world.github.journal.problems()).toEqual([]);

    // Evaluated a day late: the deadline stays broken, in the record and in the metrics.
    const late = command(currentRecord(world), { name: "accept" }, new Date("2026-12-01T10:00:00Z"));
    const [all] = computeMetrics([measured(late)], new Date("2026-12-02T08:00:00Z")).rows;
    expect(all?.deadlines.response).toEqual({ kept: 0, broken: 1, pending: 0 });
    expect(all?.firstResponse).toMatchObject({ count: 1, medianHours: 24 });
    expect(all?.evaluation).toMatchObject({ count: 1, medianHours: 8 * 24 });
  });

  it("is met by an evaluation on day 1 (control): no reminder, no escalation, and the metrics count it kept", async () => {
    const accepted = command(openedCase(config), { name: "accept" }, dayOne);
    expect(accepted).toMatchObject({ state: "accepted", triagedAt: dayOne.toISOString() });
    const world = await sweepWorld();
    world.addCase(accepted, ["disclosure", "state:accepted"]);

    await sweepAt(world, reminderTime);
    await sweepAt(world, afterDeadline);

    expect(trackingComments(world)).toEqual([]);
    expect(world.github.issues(trackingRepository)?.[0]?.labels).toEqual(["disclosure", "state:accepted"]);
    const [all] = computeMetrics([measured(currentRecord(world))], afterDeadline).rows;
    expect(all?.deadlines.response).toEqual({ kept: 1, broken: 0, pending: 0 });
    expect(all?.evaluation).toMatchObject({ count: 1, medianHours: 24 });
    expect(world.github.journal.problems()).toEqual([]);
  });

  describe("paused by a question and resumed by the answer", () => {
    const askedAt = new Date("2026-11-24T09:00:00Z");
    const answeredAt = "2026-12-01T12:00:00Z"; // 7 days and 3 hours later: 7 whole days
    const MOVED_DUE = "2026-12-09T22:59:59.999Z"; // 30 November + 7 business days
    const answeredCase = () => {
      const asked = command(openedCase(config), { name: "needs-info", question: "Which URL did you use?" }, askedAt);
      const answer = {
        id: 901,
        body: "https://widgets.example.org/search",
        author: "rosa-researcher",
        authorType: "User",
        createdAt: answeredAt,
        updatedAt: answeredAt,
      };
      return planMirror({
        record: asked,
        labels: ["disclosure", "state:needs-info"],
        comments: [answer],
        researcher: "rosa-researcher",
        advisoryUrl: `https://github.com/octo-org/widgets/security/advisories/${advisory}`,
        config,
        now: new Date("2026-12-01T13:00:00Z"),
      }).record;
    };

    it("moves the deadline by the paused days and tells the researcher the new dates once", async () => {
      const world = await sweepWorld();
      world.addCase(answeredCase());

      const resumedSweep = new Date("2026-12-01T13:00:00Z");
      await sweepAt(world, resumedSweep);
      const told = world.github.advisoryComments(advisory) ?? [];
      expect(told).toHaveLength(1);
      expect(told[0]?.body).toContain("stood still for 7 day(s)");
      expect(told[0]?.body).toContain(
        "**We will respond by Wednesday 9 December 2026, 23:59 CET** with our evaluation of your report and an expected resolution date.",
      );
      expect(told[0]?.body).toContain(
        "If we do not give you a resolution date, we will resolve the problem by Wednesday 30 December 2026, 23:59 CET.",
      );
      expect(told[0]?.body).toContain(sweepMarker("pause:7d:new-dates"));
      // The original deadline has passed, but it moved: no escalation.
      expect(trackingComments(world)).toEqual([]);
      expect(currentRecord(world).reminders).toEqual([{ key: "pause:7d:new-dates", at: resumedSweep.toISOString() }]);

      await sweepAt(world, new Date("2026-12-01T14:00:00Z"));
      expect(world.github.advisoryComments(advisory)).toHaveLength(1);

      // Reminders and the breach follow the moved deadline to the end.
      await sweepAt(world, new Date("2026-12-08T08:00:00Z"));
      expect(trackingComments(world)).toEqual([expect.stringContaining(sweepMarker(`response:${MOVED_DUE}:remind`))]);
      await sweepAt(world, new Date("2026-12-10T08:00:00Z"));
      expect(trackingComments(world)[1]).toContain(sweepMarker(`response:${MOVED_DUE}:breach`));
      expect(trackingComments(world)[1]).toContain("(Wednesday 9 December 2026, 23:59 CET)");
      expect(trackingComments(world).join("\n")).not.toContain(EVALUATION_DUE);
      expect(world.github.advisoryComments(advisory)).toHaveLength(1);
      expect(world.github.journal.problems()).toEqual([]);
    });

    it("asks a maintainer to relay the new dates when the advisory cannot be written to", async () => {
      const world = await sweepWorld({ commentsApi: "missing" });
      world.addCase(answeredCase());

      await sweepAt(world, new Date("2026-12-01T13:00:00Z"));

      const [relay, ...others] = trackingComments(world);
      expect(others).toEqual([]);
      expect(relay).toContain("**We will respond by Wednesday 9 December 2026, 23:59 CET**");
      expect(relay).toContain(sweepMarker("pause:7d:new-dates"));
      expect(world.github.issues(trackingRepository)?.[0]?.labels).toContain("relay-needed");

      await sweepAt(world, new Date("2026-12-01T14:00:00Z"));
      expect(trackingComments(world)).toHaveLength(1);
    });

    it("tells nothing when the evaluation came before the sweep: the acceptance carried the resolution date", async () => {
      const world = await sweepWorld();
      world.addCase(command(answeredCase(), { name: "accept" }, new Date("2026-12-01T12:30:00Z")), ["disclosure", "state:accepted"]);

      await sweepAt(world, new Date("2026-12-01T13:00:00Z"));

      expect(world.github.advisoryComments(advisory)).toBeUndefined();
      expect(trackingComments(world)).toEqual([]);
      expect(world.github.journal.problems()).toEqual([]);
    });
  });
});

describe("the maintainers' reply to an update", () => {
  const reply = (record: CaseRecord, policy: DisclosureConfig) => {
    const plan = planComment({
      parsed: parseComment("/disclosure update We are looking into it."),
      record,
      labels: ["disclosure"],
      config: policy,
      actor: "max-maintainer",
      now: dayOne,
      researcher: "rosa-researcher",
      commentId: 2_400_000_101,
    });
    const body = plan.actions.find((action) => action.type === "replyToMaintainers");
    return body?.type === "replyToMaintainers" ? body.body : "";
  };

  it("says the update is not the evaluation while the deadline still waits for one, in the policy's language", () => {
    expect(reply(openedCase(config), config)).toContain(
      "update sent to the researcher. It is not the evaluation: the response deadline, Monday 30 November 2026, 23:59 CET, still waits for `/disclosure accept`, `reject` or `duplicate`.",
    );
    const dutch = sweepConfig({ language: "nl" });
    expect(reply(openedCase(dutch), dutch)).toContain(
      "update naar de melder gestuurd. Dit is geen beoordeling: de reactietermijn, maandag 30 november 2026, 23:59 CET, wacht nog op",
    );
  });

  it("says no more than that the update was sent once the case is evaluated (control)", () => {
    const accepted = command(openedCase(config), { name: "accept" }, new Date("2026-11-23T12:00:00Z"));
    const body = reply(accepted, config);
    expect(body).toContain("update sent to the researcher.");
    expect(body).not.toContain("It is not the evaluation");
  });
});

describe("the new dates of an e-mail case", () => {
  let smtp: TestSmtpServer | undefined;

  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it("go to the researcher by e-mail, threaded, in the policy's language", async () => {
    smtp = await startSmtpServer();
    const dutch = sweepConfig({ language: "nl" });
    const asked = command(
      openedCase(dutch, { key: "email:3f9a2c1b7d4e", channel: "email", source: { repository: "octo-org/widgets" } }, "email:3f9a2c1b7d4e"),
      { name: "needs-info", question: "Welke URL?" },
      new Date("2026-11-24T09:00:00Z"),
      dutch,
    );
    // The researcher's e-mail answer, as e-mail intake records it.
    const record: CaseRecord = {
      ...asked,
      state: "triage",
      pause: { pausedMs: 7 * 86_400_000 + 3 * 3_600_000 },
      researcherActivityAt: "2026-12-01T12:00:00.000Z",
    };
    const body = withEmailThread(withCaseBlock("## Case\n\nReported by e-mail.", record), {
      researcher: researcherAddress,
      senderVerified: true,
      address: securityAddress,
      subject: "SQL-injectie in de zoekfunctie",
      rootMessageId: "<report-1@mail.example.net>",
      lastMessageId: "<answer-1@mail.example.net>",
      seen: [],
    });
    const github = await startTestGitHub();
    github.seedIssue(trackingRepository, {
      number: 7,
      title: "email:3f9a2c1b7d4e: SQL-injectie in de zoekfunctie",
      body,
      labels: ["disclosure", "state:triage"],
    });
    const now = new Date("2026-12-01T13:00:00Z");

    const plan = planCaseSweep({ record, labels: ["disclosure", "state:triage"], config: dutch, now });
    expect(plan.actions.map((action) => action.type)).toEqual(["tellNewDates", "recordSweep"]);
    const gateway = new GitHubGateway(
      new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
      createGatewayCache(),
      installation.id,
      () => now.getTime(),
    );
    const outcome = await executeCaseSweep(
      gateway,
      { repository: { owner: "octo-org", repo: "security-cases" }, number: 7, body, record, language: "nl" },
      plan,
      pino({ level: "silent" }),
      testMailer(smtp.url),
    );

    expect(outcome.posted).toBe(1);
    const [mail, ...more] = smtp.received;
    expect(more).toEqual([]);
    expect(mail?.inReplyTo).toBe("<answer-1@mail.example.net>");
    expect(mail?.text).toContain("stond de klok van ons Openworx Responsible Disclosure");
    expect(mail?.text).toContain("Wij reageren uiterlijk woensdag 9 december 2026, 23:59 CET");
    expect(mail?.text).toContain("lossen wij het probleem uiterlijk woensdag 30 december 2026, 23:59 CET op");
    expect(mail?.text).not.toContain("<!-- disclosure-desk:");
    expect(github.journal.entries.some((request) => request.path.includes("security-advisories"))).toBe(false);
    expect(github.journal.problems()).toEqual([]);
  });
});
