import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { parseComment } from "../../src/commands/parse.js";
import { planComment } from "../../src/commands/plan-comment.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { closingConfig, days, resolvedAt, resolvedCase } from "./fixtures.js";

const now = days(resolvedAt, 1);

function run(text: string, config: DisclosureConfig, record: CaseRecord, labels = ["disclosure", "state:resolved"], at = now) {
  const plan = planComment({
    parsed: parseComment(text),
    record,
    labels,
    config,
    actor: "max-maintainer",
    now: at,
    researcher: "rosa-researcher",
    commentId: 4242,
  });
  const written = plan.actions.find((action) => action.type === "updateRecord");
  const reply = plan.actions.find((action) => action.type === "replyToMaintainers");
  return {
    plan,
    record: written?.type === "updateRecord" ? written.record : undefined,
    reply: reply?.type === "replyToMaintainers" ? reply.body : "",
    types: plan.actions.map((action) => action.type),
  };
}

describe("parsing the closing commands", () => {
  it.each([
    ['/disclosure credit name "Jane Doe"', { name: "credit", choice: "name", creditName: "Jane Doe" }],
    ["/disclosure credit handle", { name: "credit", choice: "handle" }],
    ["/disclosure credit anonymous", { name: "credit", choice: "anonymous" }],
    ["/disclosure credit analyst @ana-analyst", { name: "credit", role: "analyst", login: "ana-analyst" }],
    ["/disclosure credit remediation-developer dev-fixer", { name: "credit", role: "remediation_developer", login: "dev-fixer" }],
    ["/disclosure consent researcher yes", { name: "consent", answer: "yes" }],
    ["/disclosure consent researcher NO", { name: "consent", answer: "no" }],
    ["/disclosure embargo 2027-01-15", { name: "embargo", until: "2027-01-15" }],
    ["/disclosure embargo none", { name: "embargo", until: undefined }],
    ["/disclosure publish", { name: "publish", cve: false }],
    ["/disclosure publish cve", { name: "publish", cve: true }],
    ["/disclosure relayed", { name: "relayed" }],
  ])("%s", (text, command) => {
    expect(parseComment(text).commands.map((line) => line.value)).toEqual([command]);
  });

  it.each([
    ["/disclosure credit", { kind: "missing-argument", command: "credit" }],
    ["/disclosure credit everyone", { kind: "invalid-argument", command: "credit", value: "everyone" }],
    ["/disclosure credit handle rosa", { kind: "unexpected-argument", command: "credit", value: "rosa" }],
    ["/disclosure consent yes", { kind: "invalid-argument", command: "consent", value: "yes" }],
    ["/disclosure embargo soon", { kind: "invalid-argument", command: "embargo", value: "soon" }],
    ["/disclosure publish now", { kind: "unexpected-argument", command: "publish", value: "now" }],
  ])("%s is refused with its usage", (text, problem) => {
    expect(parseComment(text).problems.map((line) => line.value)).toEqual([problem]);
  });
});

describe("credit, consent, embargo and relayed", () => {
  const config = closingConfig("mutual");

  it("records a credit a maintainer relays, with the researcher's login, and says so", () => {
    const result = run('/disclosure credit name "Jane <b>Doe</b>"', config, resolvedCase(config));
    expect(result.record?.closing?.credit).toEqual({
      choice: "name",
      name: "Jane bDoe/b",
      login: "rosa-researcher",
      by: "maintainer",
      at: now.toISOString(),
    });
    expect(result.types).toEqual(["updateRecord", "replyToMaintainers"]);
    expect(result.reply).toContain('— the researcher will be credited by name as "Jane bDoe/b". The sweep sets the advisory\'s credits.');
  });

  it("adds an analyst once, however often named", () => {
    const record = resolvedCase(config, { otherCredits: [{ login: "ana-analyst", type: "analyst" }] });
    expect(run("/disclosure credit analyst @ana-analyst", config, record).record?.closing?.otherCredits).toEqual([
      { login: "ana-analyst", type: "analyst" },
    ]);
  });

  it("records the researcher's consent and a withdrawal of it", () => {
    const given = run("/disclosure consent researcher yes", config, resolvedCase(config));
    expect(given.record?.closing?.consent).toEqual({ answer: "yes", by: "maintainer", at: now.toISOString() });
    const withdrawn = run("/disclosure consent researcher no", config, given.record!);
    expect(withdrawn.record?.closing?.consent?.answer).toBe("no");
    expect(withdrawn.reply).toContain(
      "recorded: the researcher does **not** consent to publication; under mutual consent nothing is published until they agree.",
    );
  });

  it("sets and lifts an embargo, and refuses a date in the past", () => {
    const set = run("/disclosure embargo 2027-01-15", config, resolvedCase(config));
    expect(set.record?.closing?.embargoUntil).toBe("2027-01-15");
    expect(set.reply).toContain("no publication before 15 January 2027.");
    expect(run("/disclosure embargo none", config, set.record!).record?.closing?.embargoUntil).toBeUndefined();
    const past = run("/disclosure embargo 2026-12-01", config, resolvedCase(config));
    expect(past.record).toBeUndefined();
    expect(past.reply).toContain("⛔ /disclosure embargo 2026-12-01 — 1 December 2026 is in the past");
  });

  it("confirms a relayed draft: the review window starts now and the relay label goes", () => {
    const record = resolvedCase(config, { review: { status: "relay-needed", at: resolvedAt } });
    const result = run("/disclosure relayed", config, record, ["disclosure", "state:resolved", "relay-needed"]);
    expect(result.record?.closing?.review).toEqual({ status: "sent", at: now.toISOString() });
    expect(result.plan.actions).toContainEqual({ type: "setLabels", add: [], remove: ["relay-needed"] });
  });
});

describe("/disclosure publish", () => {
  it("maintainer-only: the gate is met, the request is recorded for the sweep and nothing is sent yet", () => {
    const config = closingConfig("maintainer-only");
    const result = run("/disclosure publish cve", config, resolvedCase(config));
    expect(result.record?.closing?.publication).toEqual({ requestedAt: now.toISOString(), by: "max-maintainer", cve: true });
    expect(result.types).toEqual(["updateRecord", "replyToMaintainers"]);
    expect(result.reply).toContain(
      "the maintainer-only consent gate is met: Disclosure Desk checks the advisory once more and publishes it with the next sweep, then requests a CVE id.",
    );
  });

  it("mutual, first time: asks for the review and says what else is missing, without publishing", () => {
    const config = closingConfig("mutual");
    const result = run("/disclosure publish", config, resolvedCase(config));
    expect(result.record?.closing?.review).toEqual({ status: "requested", at: now.toISOString() });
    expect(result.record?.closing?.publication).toBeUndefined();
    expect(result.reply).toContain("not published yet: the draft goes to the researcher for review with the next sweep");
    expect(result.reply).toContain("Still missing:\n- the researcher has not consented to publication (`publication.consent: mutual`)");
    expect(result.reply).not.toContain("has not had the draft");
  });

  it("mutual, no answer yet: refused with exactly what is missing, and nothing changes", () => {
    const config = closingConfig("mutual");
    const record = resolvedCase(config, { review: { status: "sent", at: resolvedAt } });
    const result = run("/disclosure publish", config, record, undefined, days(resolvedAt, 11));
    expect(result.record).toBeUndefined();
    expect(result.reply).toContain(
      "⛔ /disclosure publish — not published; nothing was sent to GitHub, because\n- the researcher has not consented to publication",
    );
  });

  it("refuses while an embargo holds or after the researcher said no", () => {
    const config = closingConfig("mutual");
    const embargoed = run("/disclosure publish", config, resolvedCase(config, { embargoUntil: "2027-02-01" }));
    expect(embargoed.record).toBeUndefined();
    expect(embargoed.reply).toContain("- the embargo runs until 1 February 2027: no publication before that day.");
    const refused = resolvedCase(config, {
      review: { status: "sent", at: resolvedAt },
      consent: { answer: "no", by: "researcher", at: resolvedAt },
    });
    expect(run("/disclosure publish", config, refused).reply).toContain("- the researcher does not consent to publication");
  });

  it.each(["withdrawn", "rejected", "duplicate"] as const)("never publishes a %s case", (state) => {
    const config = closingConfig("maintainer-only");
    const result = run("/disclosure publish", config, resolvedCase(config, {}, { state }), ["disclosure", `state:${state}`]);
    expect(result.record).toBeUndefined();
    expect(result.reply).toContain(`not possible while the case is \`state:${state}\` (only from resolved)`);
  });

  it("answers in Dutch under a Dutch policy", () => {
    const config = closingConfig("mutual", { language: "nl" });
    expect(run("/disclosure publish", config, resolvedCase(config, { embargoUntil: "2027-02-01" })).reply).toContain(
      "het embargo loopt tot 1 februari 2027",
    );
  });
});

describe("a duplicate's reporter", () => {
  it("is asked how to be credited in the same message that closes the report, with the agreed reward", () => {
    const config = closingConfig("mutual", { rewards: { enabled: true, newOnly: false } });
    const record = resolvedCase(config, undefined, { state: "accepted", reward: { amount: "EUR 100", at: resolvedAt } });
    const result = run("/disclosure duplicate #12", config, record, ["disclosure", "state:accepted"]);
    const messages = result.plan.actions.flatMap((action) => (action.type === "messageResearcher" ? [action.message] : []));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("Even though the problem was already known to us, you found it independently");
    expect(messages[0]).toContain("Without an answer within 14 days, we will credit you by name.");
    expect(messages[0]).toContain("As agreed, you receive a reward of **EUR 100** for your report.");
    expect(messages[0]?.trimEnd().endsWith("<!-- disclosure-desk:message 4242:1 -->")).toBe(true);
    expect(result.record?.closing?.askedAt).toBe(now.toISOString());
  });
});
