import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { planClosingFollowUp, planPublicationRefusedByGitHub, planPublished } from "../../src/closing/follow-up.js";
import { planOutsidePublication } from "../../src/closing/outside-publication.js";
import { advisoryUrl, closingConfig, days, draft, resolvedAt, resolvedCase } from "./fixtures.js";

/** Every closing message and note renders in both languages, in full, with the researcher's login escaped. */
describe.each([
  ["en", "Hello \\_rosa\\_,", "CVE"],
  ["nl", "Beste \\_rosa\\_,", "CVE-nummer"],
] as const)("%s", (language, greeting, cveWord) => {
  const config = closingConfig("mutual", { language, rewards: { enabled: true } });
  const advisory = draft({ author: "_rosa_", credits: [{ login: "_rosa_", type: "finder", state: "declined" }] });
  const credit = { choice: "name" as const, name: "Rosa Visser", login: "_rosa_", by: "researcher" as const, at: resolvedAt };

  const texts = (
    record: CaseRecord,
    now: Date,
    comments = [] as { id: number; body: string; author: string; authorType: string; createdAt: string; updatedAt: string }[],
  ) => {
    const plan = planClosingFollowUp({ record, labels: ["disclosure", "state:resolved"], advisory, comments, config, now });
    return plan.actions.flatMap((action) =>
      action.type === "messageResearcher" ? [action.message] : action.type === "noteMaintainers" ? [action.body] : [],
    );
  };

  it("the draft for review, the answers, the default credit and a declined credit", () => {
    const at = days(resolvedAt, 1).toISOString();
    const [review, notes] = texts(resolvedCase(config, { review: { status: "requested", at: resolvedAt } }), days(resolvedAt, 20), [
      { id: 1, body: "consent: no", author: "_rosa_", authorType: "User", createdAt: at, updatedAt: at },
    ]);
    expect(review).toContain(greeting);
    expect(review).toContain("npm/widgets");
    expect(notes?.trim().split("\n\n")).toHaveLength(4);
    expect(notes).not.toContain("\n\n\n");
    for (const text of [review, notes]) expect(text).not.toMatch(/undefined|\[object/);
  });

  it("the publication refused and published, the thanks with reward, and a hand publication", () => {
    const record = resolvedCase(config, { credit }, { reward: { amount: "EUR 250", at: resolvedAt } });
    const refused = texts(
      {
        ...record,
        closing: { ...record.closing, embargoUntil: "2027-06-01", publication: { requestedAt: resolvedAt, by: "max", cve: true } },
      },
      days(resolvedAt, 1),
    );
    const published = planPublished({ record, labels: [], advisory, config, now: days(resolvedAt, 1), cve: true });
    const byGitHub = planPublicationRefusedByGitHub(record, config, "Validation Failed", advisoryUrl);
    const outside = planOutsidePublication({
      record,
      labels: [],
      config,
      advisoryUrl,
      publishedAt: days(resolvedAt, 1),
      now: days(resolvedAt, 1),
    });
    const thanks = published.effects[0]?.type === "messageResearcher" ? published.effects[0].message : "";
    expect(thanks).toContain(greeting);
    expect(thanks).toContain("Rosa Visser");
    expect(thanks).toContain("**EUR 250**");
    expect(published.note).toContain(cveWord);
    expect(outside.status === "published" && outside.comment).toContain("@octo-org/security");
    for (const text of [...refused, thanks, published.note, byGitHub.note, outside.status === "published" ? outside.comment : ""]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|\[object/);
    }
  });
});
