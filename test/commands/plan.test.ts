import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { parseComment, type Command } from "../../src/commands/parse.js";
import { planCommand, type CommandAction } from "../../src/commands/plan-command.js";
import type { CommandFacts } from "../../src/commands/command-facts.js";
import { planComment } from "../../src/commands/plan-comment.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { commandAt, intakeLabels, openedCase } from "./fixtures.js";
import { mijnPartnerGroep, openworx, policyConfig } from "../fixtures/policies.js";

function facts(
  command: Command,
  config: DisclosureConfig,
  record: Partial<CaseRecord> = {},
  overrides: Partial<CommandFacts> = {},
): CommandFacts {
  return {
    command,
    line: "/disclosure …",
    record: openedCase(config, record),
    labels: intakeLabels,
    config,
    actor: "max-maintainer",
    now: commandAt,
    researcher: "rosa-researcher",
    messageKey: "2400000001:1",
    ...overrides,
  };
}

function messages(actions: CommandAction[]): string[] {
  return actions.flatMap((action) => (action.type === "messageResearcher" ? [action.message] : []));
}

function action<T extends CommandAction["type"]>(actions: CommandAction[], type: T): Extract<CommandAction, { type: T }> | undefined {
  return actions.find((candidate): candidate is Extract<CommandAction, { type: T }> => candidate.type === type);
}

describe("accept", () => {
  it("sends the evaluation with the maintainer's resolution date and records the first response", () => {
    const plan = planCommand(facts({ name: "accept", severity: { level: "high" }, resolveBy: "2026-12-18" }, policyConfig(openworx)));
    expect(plan.record).toMatchObject({
      state: "accepted",
      firstResponseAt: commandAt.toISOString(),
      triagedAt: commandAt.toISOString(),
      resolveBy: "2026-12-18",
      deadlines: { resolutionDue: "2026-12-18T22:59:59.999Z" },
      severity: { level: "high" },
    });
    expect(action(plan.actions, "setState")).toEqual({ type: "setState", from: "triage", to: "accepted", issue: "open" });
    expect(plan.labels).toEqual(expect.arrayContaining(["state:accepted", "severity:high", "disclosure", "scope:in"]));
    expect(plan.labels).not.toContain("state:triage");
    expect(action(plan.actions, "updateAdvisory")).toEqual({
      type: "updateAdvisory",
      changes: { severity: "high", cvss_vector_string: null, state: "draft" },
    });
    const [message, ...others] = messages(plan.actions);
    expect(others).toEqual([]);
    expect(message).toContain("Hello rosa-researcher,");
    expect(message).toContain("We have evaluated your report and confirmed the vulnerability. We rate it **high**.");
    expect(message).toContain("**We expect to resolve it by Friday 18 December 2026, 23:59 CET.**");
    expect(message).not.toContain("when no other date is given");
    expect(message).toContain("at least every 14 days");
    expect(message).toContain("<!-- disclosure-desk:message 2400000001:1 -->");
  });

  it("uses the policy's resolution period when no date is given, and says so (in Dutch for MijnPartnerGroep)", () => {
    const plan = planCommand(facts({ name: "accept" }, policyConfig(mijnPartnerGroep)));
    const [message] = messages(plan.actions);
    expect(message).toContain("Beste rosa-researcher,");
    expect(message).toContain("**Wij verwachten het probleem uiterlijk woensdag 16 december 2026, 23:59 CET op te lossen.**");
    expect(message).toContain("Dit is de termijn die ons MijnPartnerGroep Responsible Disclosure belooft");
  });

  it("is refused without a resolution date when the policy has no default: the policy promises one", () => {
    const plan = planCommand(facts({ name: "accept" }, policyConfig(openworx)));
    expect(plan.actions).toEqual([]);
    expect(plan.outcome).toMatchObject({ status: "refused", code: "needs-resolution-date" });
    expect(plan.record.state).toBe("triage");
  });

  it("is refused with a resolution date in the past", () => {
    const plan = planCommand(facts({ name: "accept", resolveBy: "2026-11-16" }, policyConfig(openworx)));
    expect(plan.outcome).toMatchObject({ status: "refused", code: "date-in-past", details: { date: "2026-11-16", today: "2026-11-17" } });
    expect(plan.actions).toEqual([]);
  });

  it("is refused once the case has left triage", () => {
    const plan = planCommand(facts({ name: "accept", resolveBy: "2026-12-18" }, policyConfig(openworx), { state: "rejected" }));
    expect(plan.outcome).toMatchObject({
      status: "refused",
      code: "wrong-state",
      details: { state: "rejected", allowed: "triage, needs-info" },
    });
  });

  it("from needs-info ends the pause, adding the waiting time", () => {
    const config = policyConfig(mijnPartnerGroep);
    const plan = planCommand(
      facts({ name: "accept" }, config, { state: "needs-info", pause: { since: "2026-11-16T10:15:00Z", pausedMs: 0 } }),
    );
    expect(plan.record.pause).toEqual({ pausedMs: 24 * 3_600_000 });
  });
});

describe("reject", () => {
  it("quotes the policy's own sentence for the exclusion and how to come back in", () => {
    const plan = planCommand(facts({ name: "reject", exclusionId: "outdated-software" }, policyConfig(openworx)));
    expect(plan.record).toMatchObject({ state: "rejected", firstResponseAt: commandAt.toISOString() });
    expect(action(plan.actions, "setState")).toMatchObject({ to: "rejected", issue: "closed" });
    expect(action(plan.actions, "updateAdvisory")).toEqual({ type: "updateAdvisory", changes: { state: "closed" } });
    const [message] = messages(plan.actions);
    expect(message).toContain("Thank you for taking the time to report this to us.");
    expect(message).toContain("> Reporting outdated versions of any software without proof of concept of a working exploit");
    expect(message).toContain(
      "if you can show\n- a working proof of concept of an exploit\n\nreply here with it and we will evaluate your report again.",
    );
    expect(message).toContain("[Openworx Responsible Disclosure](https://example.org/responsible-disclosure)");
  });

  it("uses the exceptions the policy tuned (unless), in the policy's language", () => {
    const plan = planCommand(facts({ name: "reject", exclusionId: "clickjacking" }, policyConfig(mijnPartnerGroep)));
    const [message] = messages(plan.actions);
    expect(message).toContain("> Clickjacking on pages without sensitive actions.");
    expect(message).toContain(
      "- dat een gevoelige handeling (zoals een wachtwoord wijzigen of een account verwijderen) kan worden uitgevoerd",
    );
  });

  it("explains the scope for out-of-scope", () => {
    const plan = planCommand(facts({ name: "reject", exclusionId: "out-of-scope" }, policyConfig(mijnPartnerGroep)));
    const [message] = messages(plan.actions);
    expect(message).toContain("Het beleid geldt voor:\n- mijnpartnergroep.nl\n- mijn\\*partner.\\{nl,be,de,eu\\}");
    expect(message).toContain(
      "Uitdrukkelijk buiten de reikwijdte vallen: content hosted by and for customers; third-party programs and plug-ins.",
    );
  });

  it("refuses an exclusion the policy does not have, listing the ones it has", () => {
    const plan = planCommand(facts({ name: "reject", exclusionId: "csv-injection" }, policyConfig(openworx)));
    expect(plan.outcome).toMatchObject({
      status: "refused",
      code: "unknown-exclusion",
      details: { id: "csv-injection", known: "out-of-scope, security-headers, clickjacking, outdated-software" },
    });
    expect(plan.actions).toEqual([]);
  });

  it("passes a free-text reason on, escaped", () => {
    const plan = planCommand(
      facts({ name: "reject", reason: "Works as designed, see <https://x> and @octo-org/security #12" }, policyConfig(openworx)),
    );
    const [message] = messages(plan.actions);
    expect(message).toContain("Our reason: Works as designed, see &#60;https://x&#62; and @\u200bocto-org/security \\#\u200b12");
  });
});

describe("needs-info", () => {
  it("asks the question, pauses the clock from now and marks the state", () => {
    const plan = planCommand(
      facts({ name: "needs-info", question: "Which URL did you test, and with which account?" }, policyConfig(mijnPartnerGroep)),
    );
    expect(plan.record).toMatchObject({
      state: "needs-info",
      firstResponseAt: commandAt.toISOString(),
      pause: { since: commandAt.toISOString(), pausedMs: 0 },
    });
    expect(plan.labels).toContain("state:needs-info");
    const [message] = messages(plan.actions);
    expect(message).toContain("> Which URL did you test, and with which account?");
    expect(message).toContain("Wilt u hier reageren?");
  });

  it("does not pause when the policy keeps the clock running", () => {
    const config = { ...policyConfig(openworx), sla: { ...policyConfig(openworx).sla, needsInfo: { pauseClock: false } } };
    const plan = planCommand(facts({ name: "needs-info", question: "Which URL?" }, config));
    expect(plan.record.pause).toBeUndefined();
    expect(plan.reasons).toContain("the policy does not pause the clock");
  });
});

describe("the other commands", () => {
  it("duplicate records the first case and closes the advisory without naming it to the researcher", () => {
    const plan = planCommand(facts({ name: "duplicate", of: "GHSA-2qm3-9xhw-c8v4" }, policyConfig(openworx)));
    expect(plan.record).toMatchObject({ state: "duplicate", duplicateOf: "GHSA-2qm3-9xhw-c8v4" });
    const [message] = messages(plan.actions);
    expect(message).toContain("was reported to us earlier");
    expect(message).not.toContain("GHSA-2qm3");
  });

  it("severity with a vector sets the vector and clears the severity field on the advisory (GitHub takes one)", () => {
    const vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    const plan = planCommand(facts({ name: "severity", severity: { level: "critical", vector, score: 9.8 } }, policyConfig(openworx)));
    expect(action(plan.actions, "updateAdvisory")?.changes).toEqual({ cvss_vector_string: vector, severity: null });
    expect(plan.labels).toEqual(["disclosure", "state:triage", "scope:in", "severity:critical"]);
    expect(messages(plan.actions)).toEqual([]);
  });

  it("resolve-by before the evaluation only records the date; after it the researcher hears of the change", () => {
    const before = planCommand(facts({ name: "resolve-by", date: "2026-12-18" }, policyConfig(openworx)));
    expect(before.record).toMatchObject({ resolveBy: "2026-12-18", deadlines: { resolutionDue: "2026-12-18T22:59:59.999Z" } });
    expect(messages(before.actions)).toEqual([]);
    const after = planCommand(facts({ name: "resolve-by", date: "2027-01-08" }, policyConfig(openworx), { state: "accepted" }));
    expect(messages(after.actions)[0]).toContain("we now expect to resolve the problem by **8 January 2027**.");
  });

  it("resolved asks about credit the policy's way and keeps the issue open for publication", () => {
    const plan = planCommand(facts({ name: "resolved" }, policyConfig(mijnPartnerGroep), { state: "accepted" }));
    expect(plan.record).toMatchObject({ state: "resolved", resolvedAt: commandAt.toISOString() });
    expect(action(plan.actions, "setState")).toMatchObject({ issue: "open" });
    const [message] = messages(plan.actions);
    expect(message).toContain("noemen wij u als ontdekker");
    expect(message).toContain("alleen met wederzijdse instemming");
  });

  it("reward is offered only where the policy rewards, and not for a known problem under newOnly", () => {
    const offered = planCommand(facts({ name: "reward", amount: "EUR 250" }, policyConfig(mijnPartnerGroep), { state: "resolved" }));
    expect(offered.record.reward).toEqual({ amount: "EUR 250", at: commandAt.toISOString() });
    expect(messages(offered.actions)[0]).toContain("een beloning van **EUR 250**");
    expect(planCommand(facts({ name: "reward", amount: "EUR 250" }, policyConfig(openworx), { state: "resolved" })).outcome).toMatchObject({
      code: "rewards-disabled",
    });
    expect(
      planCommand(facts({ name: "reward", amount: "EUR 250" }, policyConfig(mijnPartnerGroep), { state: "duplicate" })).outcome,
    ).toMatchObject({ code: "reward-not-new" });
  });

  it("update sends the maintainer's text, escaped, and restarts the keep-informed cadence", () => {
    const plan = planCommand(
      facts({ name: "update", text: "Fix merged; **deploy** Friday <b>" }, policyConfig(openworx), {
        state: "accepted",
        firstResponseAt: "2026-11-16T12:00:00.000Z",
      }),
    );
    expect(plan.record).toMatchObject({ lastUpdateAt: commandAt.toISOString(), firstResponseAt: "2026-11-16T12:00:00.000Z" });
    expect(messages(plan.actions)[0]).toContain("> Fix merged; \\*\\*deploy\\*\\* Friday &#60;b&#62;");
  });

  it("withdraw closes; reopen brings a rejected case back to triage and a resolved one back to accepted", () => {
    expect(planCommand(facts({ name: "withdraw" }, policyConfig(openworx))).record.state).toBe("withdrawn");
    const reopened = planCommand(
      facts({ name: "reopen" }, policyConfig(openworx), { state: "rejected" }, { labels: ["disclosure", "state:rejected"] }),
    );
    expect(reopened.record.state).toBe("triage");
    expect(reopened.labels).toEqual(["disclosure", "state:triage"]);
    expect(action(reopened.actions, "setState")).toMatchObject({ issue: "open" });
    expect(action(reopened.actions, "updateAdvisory")?.changes).toEqual({ state: "draft" });
    const again = planCommand(
      facts({ name: "reopen" }, policyConfig(openworx), { state: "resolved", resolvedAt: "2026-11-20T10:00:00.000Z" }),
    );
    expect(again.record.state).toBe("accepted");
    expect(again.record.resolvedAt).toBeUndefined();
    expect(action(again.actions, "updateAdvisory")).toBeUndefined();
  });
});

describe("planComment", () => {
  const config = policyConfig(openworx);
  const plan = (body: string, record = openedCase(config)) =>
    planComment({
      parsed: parseComment(body),
      record,
      labels: intakeLabels,
      config,
      actor: "max-maintainer",
      now: commandAt,
      researcher: "rosa-researcher",
      commentId: 2_400_000_001,
    });
  const reply = (actions: CommandAction[]) => action(actions, "replyToMaintainers")?.body ?? "";

  it("runs the commands in order on the case the previous one left, and marks the comment handled", () => {
    const result = plan("/disclosure severity high\n/disclosure accept resolve-by:2026-12-18");
    const record = action(result.actions, "updateRecord")?.record;
    expect(record).toMatchObject({ state: "accepted", severity: { level: "high" }, commands: [2_400_000_001] });
    expect(action(result.actions, "setLabels")).toEqual({ type: "setLabels", add: ["state:accepted"], remove: ["state:triage"] });
    expect(result.acted).toBe(true);
    expect(reply(result.actions)).toContain(
      "✅ /disclosure accept resolve-by:2026-12-18 — accepted as high; the researcher has the evaluation and the expected resolution date, Friday 18 December 2026, 23:59 CET.",
    );
    expect(reply(result.actions)).toContain("<!-- disclosure-desk:reply 2400000001 -->");
  });

  it("answers a malformed command with the right form and changes nothing", () => {
    const result = plan("/disclosure acept resolve-by:2026-12-18");
    expect(result.acted).toBe(false);
    expect(result.actions.map((candidate) => candidate.type)).toEqual(["replyToMaintainers"]);
    expect(reply(result.actions)).toContain(
      "⛔ /disclosure acept resolve-by:2026-12-18 — acept is not a command; did you mean `/disclosure accept [severity:<critical|high|medium|low|CVSS vector>] [resolve-by:<YYYY-MM-DD>]`?",
    );
    expect(reply(result.actions)).toContain("- `/disclosure needs-info <question for the researcher>`");
  });

  it("explains a refusal in the reply", () => {
    expect(reply(plan("/disclosure accept").actions)).toContain(
      "the policy promises an expected resolution date with the evaluation, and it sets no default: give one with `/disclosure accept resolve-by:YYYY-MM-DD`.",
    );
  });

  it("keeps the handled comment ids bounded", () => {
    const record = openedCase(config, { commands: Array.from({ length: 100 }, (_, index) => index + 1) });
    const commands = action(plan("/disclosure severity low", record).actions, "updateRecord")?.record.commands ?? [];
    expect(commands).toHaveLength(100);
    expect(commands.at(0)).toBe(2);
    expect(commands.at(-1)).toBe(2_400_000_001);
  });

  it("escapes what the maintainer wrote when echoing it", () => {
    expect(reply(plan("/disclosure <img src=x> @octo-org/security").actions)).toContain("&#60;img src=x&#62;");
  });
});
