import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import type { AdvisoryDraft } from "../../src/github/advisories.js";
import { planClosingFollowUp, planPublished, type FollowUpAction } from "../../src/closing/follow-up.js";
import type { ResearcherComment } from "../../src/closing/researcher-replies.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { closingConfig, days, draft, resolvedAt, resolvedCase } from "./fixtures.js";

const labels = ["disclosure", "state:resolved"];

function plan(
  config: DisclosureConfig,
  record: CaseRecord,
  now: Date,
  advisory: AdvisoryDraft = draft(),
  comments: ResearcherComment[] = [],
) {
  const result = planClosingFollowUp({ record, labels, advisory, comments, config, now });
  const written = result.actions.find((action) => action.type === "recordClosing");
  return {
    ...result,
    record: written?.type === "recordClosing" ? written.record : undefined,
    types: result.actions.map((action) => action.type),
  };
}

function of<T extends FollowUpAction["type"]>(actions: FollowUpAction[], type: T): Extract<FollowUpAction, { type: T }> | undefined {
  return actions.find((action): action is Extract<FollowUpAction, { type: T }> => action.type === type);
}

const comment = (id: number, body: string, createdAt: string, author = "rosa-researcher"): ResearcherComment => ({
  id,
  body,
  author,
  authorType: "User",
  createdAt,
  updatedAt: createdAt,
});

describe("answers on the advisory", () => {
  const config = closingConfig("mutual");

  it("records the researcher's credit and consent, at the time they wrote, and tells maintainers", () => {
    const at = days(resolvedAt, 1).toISOString();
    const result = plan(config, resolvedCase(config), days(resolvedAt, 2), draft(), [
      comment(7, 'Thanks!\ncredit: name "Rosa Visser"\nconsent: yes', at),
    ]);
    expect(result.record?.closing).toMatchObject({
      credit: { choice: "name", name: "Rosa Visser", login: "rosa-researcher", by: "researcher", at },
      consent: { answer: "yes", by: "researcher", at },
      answersCheckedAt: at,
    });
    const note = of(result.actions, "noteMaintainers")?.body ?? "";
    expect(note).toContain('credit by name as "Rosa Visser".');
    expect(note).toContain("they consent to publication.");
  });

  it("ignores keywords from anyone but the researcher, and comments already read", () => {
    const at = days(resolvedAt, 1).toISOString();
    const record = resolvedCase(config, { answersCheckedAt: at });
    const result = plan(config, record, days(resolvedAt, 2), draft(), [
      comment(8, "consent: yes", days(resolvedAt, 1.5).toISOString(), "max-maintainer"),
      comment(7, "consent: no", at),
    ]);
    expect(result.record?.closing?.consent).toBeUndefined();
    expect(of(result.actions, "noteMaintainers")).toBeUndefined();
  });

  it("reads an answer written in the same second as the last comment read, once", () => {
    const at = days(resolvedAt, 1).toISOString();
    const record = resolvedCase(config, { answersCheckedAt: at, answersSeen: [`41@${at}`] });
    const draftAndAnswer = [
      comment(41, "Before we publish, here is the draft", at, "disclosure-desk[bot]"),
      comment(42, "consent: yes", at),
    ];
    const first = plan(config, record, days(resolvedAt, 2), draft(), draftAndAnswer);
    expect(first.record?.closing).toMatchObject({ consent: { answer: "yes", by: "researcher", at }, answersCheckedAt: at });
    expect(first.record?.closing?.answersSeen).toEqual([`41@${at}`, `42@${at}`]);

    const again = plan(config, first.record!, days(resolvedAt, 3), draft(), draftAndAnswer);
    expect(of(again.actions, "noteMaintainers")).toBeUndefined();
  });

  it("a later no withdraws an earlier yes", () => {
    const record = resolvedCase(config, { consent: { answer: "yes", by: "researcher", at: resolvedAt } });
    const result = plan(config, record, days(resolvedAt, 3), draft(), [comment(9, "consent: no", days(resolvedAt, 2).toISOString())]);
    expect(result.record?.closing?.consent?.answer).toBe("no");
    expect(of(result.actions, "noteMaintainers")?.body).toContain(
      "they do **not** consent to publication; under mutual consent nothing is published until they agree.",
    );
  });
});

describe("credit", () => {
  it("applies the policy's default once credit.askAfterDays have passed without an answer, and not before", () => {
    const config = closingConfig("mutual", { credit: { default: "handle", askAfterDays: 14 } });
    expect(plan(config, resolvedCase(config), days(resolvedAt, 13)).record?.closing?.credit).toBeUndefined();
    const result = plan(config, resolvedCase(config), days(resolvedAt, 14));
    expect(result.record?.closing?.credit).toEqual({
      choice: "handle",
      login: "rosa-researcher",
      by: "policy-default",
      at: days(resolvedAt, 14).toISOString(),
    });
    expect(of(result.actions, "noteMaintainers")?.body).toContain("the policy's default applies — by GitHub handle (`credit.default`)");
  });

  it("removes the researcher's advisory credit when they chose to be anonymous", () => {
    const config = closingConfig("mutual");
    const record = resolvedCase(config, { credit: { choice: "anonymous", login: "rosa-researcher", by: "researcher", at: resolvedAt } });
    expect(of(plan(config, record, days(resolvedAt, 1)).actions, "setAdvisoryCredits")).toEqual({
      type: "setAdvisoryCredits",
      credits: [],
    });
  });

  it("records a declined credit, labels the case and tells maintainers once", () => {
    const config = closingConfig("mutual");
    const advisory = draft({ credits: [{ login: "rosa-researcher", type: "finder", state: "declined" }] });
    const first = plan(config, resolvedCase(config), days(resolvedAt, 1), advisory);
    expect(first.record?.closing?.advisoryCredit).toEqual({
      login: "rosa-researcher",
      state: "declined",
      at: days(resolvedAt, 1).toISOString(),
    });
    expect(of(first.actions, "setLabels")).toEqual({ type: "setLabels", add: ["credit-declined"], remove: [] });
    expect(of(first.actions, "noteMaintainers")?.body).toContain("declined their credit");
    const again = plan(config, first.record!, days(resolvedAt, 2), advisory);
    expect(again.actions).toEqual([]);
  });
});

describe("review and publication", () => {
  it("sends the requested draft with its text, packages and credit, and starts the window", () => {
    const config = closingConfig("mutual");
    const now = days(resolvedAt, 1);
    const record = resolvedCase(config, { review: { status: "requested", at: resolvedAt } });
    const result = plan(config, record, now);
    const message = of(result.actions, "messageResearcher");
    expect(message?.purpose).toBe("review");
    expect(message?.message).toContain("**SQL injection in the widget search endpoint**");
    expect(message?.message).toContain("```text\nThe q parameter of /api/search is concatenated into SQL.\n```");
    expect(message?.message).toContain("- npm/widgets: vulnerable &#60; 2.4.1, fixed in 2.4.1");
    expect(message?.message).toContain("you will be credited by name.");
    expect(message?.message).toContain("please reply `consent: yes`");
    expect(result.record?.closing?.review).toEqual({ status: "sent", at: now.toISOString() });
    // No answer about credit yet: the draft carries the policy's default.
    expect(result.record?.closing?.credit?.by).toBe("policy-default");
  });

  const ready = (config: DisclosureConfig, closing: CaseRecord["closing"] = {}) =>
    resolvedCase(config, { publication: { requestedAt: days(resolvedAt, 12).toISOString(), by: "max-maintainer", cve: true }, ...closing });

  it("publishes a requested publication when the gate and the advisory are in order", () => {
    const config = closingConfig("maintainer-only");
    const result = plan(config, ready(config), days(resolvedAt, 12));
    expect(result.types).toEqual(["publishAdvisory", "recordClosing"]);
    expect(of(result.actions, "publishAdvisory")).toEqual({ type: "publishAdvisory", cve: true });
    // The request stays until GitHub has published: a crash before the record is written publishes on the next sweep.
    expect(result.record?.closing?.publication).toBeDefined();
    expect(result.record?.closing?.advisoryCredit?.state).toBe("accepted");
  });

  it.each<[string, Partial<AdvisoryDraft>, string]>([
    ["severity", { severity: undefined }, "the advisory has no severity or CVSS vector"],
    ["description", { description: "  " }, "the advisory has no description."],
    [
      "affected packages",
      { vulnerabilities: [{ ecosystem: undefined, name: undefined, vulnerableVersions: undefined, patchedVersions: undefined }] },
      "the advisory names no affected package",
    ],
  ])("an advisory missing its %s is not sent to GitHub; maintainers hear why", (_name, change, sentence) => {
    const config = closingConfig("maintainer-only");
    const result = plan(config, ready(config), days(resolvedAt, 12), draft(change));
    expect(of(result.actions, "publishAdvisory")).toBeUndefined();
    expect(of(result.actions, "noteMaintainers")?.body).toContain(sentence);
    expect(result.record?.closing?.publication).toBeUndefined();
    expect(result.record?.state).toBe("resolved");
  });

  it("a vector instead of a severity is enough", () => {
    const config = closingConfig("maintainer-only");
    const result = plan(
      config,
      ready(config),
      days(resolvedAt, 12),
      draft({ severity: undefined, cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }),
    );
    expect(of(result.actions, "publishAdvisory")).toBeDefined();
  });

  it("the researcher withdrawing consent after the request stops the publication", () => {
    const config = closingConfig("mutual");
    const record = ready(config, {
      review: { status: "sent", at: resolvedAt },
      consent: { answer: "yes", by: "researcher", at: days(resolvedAt, 1).toISOString() },
    });
    const result = plan(config, record, days(resolvedAt, 12), draft(), [comment(11, "consent: no", days(resolvedAt, 11).toISOString())]);
    expect(of(result.actions, "publishAdvisory")).toBeUndefined();
    expect(of(result.actions, "noteMaintainers")?.body).toContain(
      "⛔ Not published (asked by max-maintainer): nothing was sent to GitHub, because\n- the researcher does not consent",
    );
  });

  it("after publishing: the researcher is thanked with their credit and the agreed reward, the case is published", () => {
    const config = closingConfig("maintainer-only", { rewards: { enabled: true } });
    const credit = { choice: "name" as const, name: "Rosa Visser", login: "rosa-researcher", by: "researcher" as const, at: resolvedAt };
    const record = ready(config, { credit });
    const now = days(resolvedAt, 12);
    const published = planPublished({
      record: { ...record, reward: { amount: "EUR 250", at: resolvedAt } },
      labels,
      advisory: draft(),
      config,
      now,
      cve: true,
    });
    expect(published.record).toMatchObject({ state: "published", closing: { publishedAt: now.toISOString() } });
    expect(published.record.closing?.publication).toBeUndefined();
    expect(published.labels).toEqual(["disclosure", "state:published"]);
    const thanks = published.effects[0];
    expect(thanks?.type === "messageResearcher" && thanks.message).toContain('It credits you by name as "Rosa Visser".');
    expect(thanks?.type === "messageResearcher" && thanks.message).toContain(
      "As agreed, you receive a reward of **EUR 250** for your report.",
    );
    expect(published.note).toContain("a CVE id has been requested from GitHub");
  });

  it("no reward line where the policy offers no rewards", () => {
    const config = closingConfig("maintainer-only");
    const published = planPublished({
      record: { ...ready(config), reward: { amount: "EUR 250", at: resolvedAt } },
      labels,
      advisory: draft(),
      config,
      now: days(resolvedAt, 12),
      cve: false,
    });
    const thanks = published.effects[0];
    expect(thanks?.type === "messageResearcher" && thanks.message).not.toContain("reward");
  });
});

describe("a closed duplicate", () => {
  const config = closingConfig("mutual");
  const duplicate = resolvedCase(config, {}, { state: "duplicate" });

  it("records the reporter's answer, and nothing about the advisory's credits or publication", () => {
    const result = plan(config, duplicate, days(resolvedAt, 2), draft({ state: "closed", credits: [] }), [
      comment(5, "credit: anonymous", days(resolvedAt, 1).toISOString()),
    ]);
    expect(result.record?.closing?.credit).toMatchObject({ choice: "anonymous", by: "researcher" });
    expect(result.types).toEqual(["noteMaintainers", "recordClosing"]);
  });

  it("gets the policy's default after credit.askAfterDays", () => {
    expect(plan(config, duplicate, days(resolvedAt, 14)).record?.closing?.credit).toMatchObject({ choice: "name", by: "policy-default" });
  });
});
