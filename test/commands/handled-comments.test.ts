import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { parseComment } from "../../src/commands/parse.js";
import { HANDLED_COMMENTS_KEPT, isPastWatermark, planComment, planEditedByOther, wasHandled } from "../../src/commands/plan-comment.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { commandAt, intakeLabels, openedCase } from "./fixtures.js";
import { afterHandling } from "./handled-history.js";
import { mijnPartnerGroep, openworx, policyConfig } from "../fixtures/policies.js";

/** What one comment's plan writes and says. */
function handle(
  record: CaseRecord,
  commentId: number,
  text = "/disclosure update The fix is in review.",
  config: DisclosureConfig = policyConfig(openworx),
) {
  const plan = planComment({
    parsed: parseComment(text),
    record,
    labels: intakeLabels,
    config,
    actor: "max-maintainer",
    now: commandAt,
    researcher: "rosa-researcher",
    commentId,
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

const accepted = () => openedCase(policyConfig(openworx), { state: "accepted", resolveBy: "2026-12-18" });

describe("remembering handled comments", () => {
  it("keeps the newest ids and no watermark while nothing was dropped", () => {
    const record = afterHandling(accepted(), 1_000, HANDLED_COMMENTS_KEPT);
    expect(record.commands).toHaveLength(HANDLED_COMMENTS_KEPT);
    expect(record.commandsHandledThrough).toBeUndefined();
    expect(wasHandled(record, 1_000)).toBe(true);
  });

  it("moves the watermark to the highest id dropped from the list", () => {
    const record = afterHandling(accepted(), 1_000, HANDLED_COMMENTS_KEPT + 5);
    expect(record.commands).toEqual(Array.from({ length: HANDLED_COMMENTS_KEPT }, (_, index) => 1_005 + index));
    expect(record.commandsHandledThrough).toBe(1_004);
    expect(wasHandled(record, 1_000)).toBe(false);
    expect(isPastWatermark(record, 1_000)).toBe(true);
    expect(isPastWatermark(record, 1_004)).toBe(true);
    expect(isPastWatermark(record, 1_005)).toBe(false);
  });

  it("never lowers the watermark", () => {
    const record = { ...accepted(), commands: [5, 6], commandsHandledThrough: 900 };
    expect(handle(record, 1_000).record).toMatchObject({ commands: [5, 6, 1_000], commandsHandledThrough: 900 });
    const full = {
      ...accepted(),
      commands: Array.from({ length: HANDLED_COMMENTS_KEPT }, (_, index) => 10 + index),
      commandsHandledThrough: 900,
    };
    expect(handle(full, 1_000).record?.commandsHandledThrough).toBe(900);
  });

  it("after more than the list holds, an edit of the first comment does not act again and asks for a new comment", () => {
    const record = afterHandling(accepted(), 1_000, HANDLED_COMMENTS_KEPT + 1);
    const edited = handle(record, 1_000, "/disclosure update The fix is released.");
    expect(edited.types).toEqual(["replyToMaintainers"]);
    expect(edited.plan.acted).toBe(false);
    expect(edited.reply).toContain(
      "This comment is older than the comments whose commands Disclosure Desk remembers, so its commands are not run again",
    );
    expect(edited.reply).toContain("To give a command, write it in a new comment.");
    expect(edited.reply).toContain("<!-- disclosure-desk:reply 1000 -->");

    const fresh = handle(record, 1_000 + HANDLED_COMMENTS_KEPT + 1, "/disclosure update The fix is released.");
    expect(fresh.types).toEqual(["messageResearcher", "updateRecord", "replyToMaintainers"]);
    expect(fresh.plan.acted).toBe(true);
  });

  it("says it in Dutch for a Dutch policy", () => {
    const config = policyConfig(mijnPartnerGroep);
    const record = { ...openedCase(config, { state: "accepted" }), commandsHandledThrough: 2_000 };
    expect(handle(record, 1_999, "/disclosure resolved", config).reply).toContain(
      "Deze reactie is ouder dan de reacties waarvan Disclosure Desk de opdrachten onthoudt",
    );
  });
});

describe("the reply to an edit of someone else's comment", () => {
  it.each([
    [
      "en",
      policyConfig(openworx),
      "⛔ Commands edited into someone else's comment are not run: wes\\_writer edited a comment someone else wrote. Nothing was changed. To give a command, write it in a new comment of your own.",
    ],
    [
      "nl",
      policyConfig(mijnPartnerGroep),
      "⛔ Opdrachten die in de reactie van iemand anders worden gezet, worden niet uitgevoerd: wes\\_writer heeft een reactie van iemand anders bewerkt.",
    ],
  ])("%s: plans nothing but the refusal", (_language, config, text) => {
    const plan = planEditedByOther({ config, commentId: 77, editor: "wes_writer" });
    expect(plan.acted).toBe(false);
    expect(plan.actions.map((action) => action.type)).toEqual(["replyToMaintainers"]);
    const [reply] = plan.actions;
    expect(reply?.type === "replyToMaintainers" ? reply.body : "").toContain(text);
  });
});

describe("the reply to a comment too large or too nested to read", () => {
  it.each([
    [
      "en",
      policyConfig(openworx),
      "⛔ /disclosure publish — this comment is too long or too deeply nested to be read in time, so none of its commands ran: write them in a new, shorter comment.",
    ],
    [
      "nl",
      policyConfig(mijnPartnerGroep),
      "⛔ /disclosure publish — deze reactie is te lang of te diep genest om op tijd te lezen, dus geen van de opdrachten is uitgevoerd",
    ],
  ])("%s", (_language, config, text) => {
    const parsed = { commands: [], problems: [{ line: 3, text: "/disclosure publish", value: { kind: "unreadable" as const } }] };
    const plan = planComment({
      parsed,
      record: openedCase(config),
      labels: intakeLabels,
      config,
      actor: "max-maintainer",
      now: commandAt,
      commentId: 5,
    });
    expect(plan.actions.map((action) => action.type)).toEqual(["replyToMaintainers"]);
    const [reply] = plan.actions;
    expect(reply?.type === "replyToMaintainers" ? reply.body : "").toContain(text);
  });
});
