import { describe, expect, it } from "@jest/globals";
import { evaluateGate, type GateProblem } from "../../src/closing/gate.js";
import { closingConfig, days, resolvedAt, resolvedCase, type ConsentMode } from "./fixtures.js";

const reviewSent = "2026-12-16T09:00:00.000Z";
const sent = { review: { status: "sent" as const, at: reviewSent } };
const yes = (at: string) => ({ consent: { answer: "yes" as const, by: "researcher" as const, at } });
const no = (at: string) => ({ consent: { answer: "no" as const, by: "researcher" as const, at } });

function kinds(mode: ConsentMode, closing: Parameters<typeof resolvedCase>[1], now: Date, changes = {}): GateProblem["kind"][] {
  const config = closingConfig(mode);
  return evaluateGate({ record: resolvedCase(config, closing, changes), config, now }).problems.map((problem) => problem.kind);
}

describe("the consent gate", () => {
  const early = days(reviewSent, 2);
  const late = days(reviewSent, 10);

  it.each<[string, ConsentMode, Parameters<typeof resolvedCase>[1], Date, GateProblem["kind"][]]>([
    ["mutual: nothing yet", "mutual", {}, early, ["review-not-sent", "consent-missing"]],
    ["mutual: review sent, no answer, window passed", "mutual", sent, late, ["consent-missing"]],
    ["mutual: consent after reading the draft", "mutual", { ...sent, ...yes(days(reviewSent, 1).toISOString()) }, early, []],
    ["mutual: consent before the draft, window running", "mutual", { ...sent, ...yes(resolvedAt) }, early, ["review-window"]],
    ["mutual: consent before the draft, window passed", "mutual", { ...sent, ...yes(resolvedAt) }, late, []],
    ["mutual: consent without any review", "mutual", yes(resolvedAt), late, ["review-not-sent"]],
    ["mutual: the researcher says no", "mutual", { ...sent, ...no(days(reviewSent, 1).toISOString()) }, late, ["consent-refused"]],
    [
      "mutual: review requested but not sent",
      "mutual",
      { review: { status: "requested", at: reviewSent }, ...yes(reviewSent) },
      late,
      ["review-not-sent"],
    ],
    [
      "mutual: review waiting to be relayed",
      "mutual",
      { review: { status: "relay-needed", at: reviewSent }, ...yes(reviewSent) },
      late,
      ["review-not-sent"],
    ],
    ["informed: nothing yet", "researcher-informed", {}, early, ["review-not-sent"]],
    ["informed: window running, no answer", "researcher-informed", sent, early, ["review-window"]],
    ["informed: window passed without an answer", "researcher-informed", sent, late, []],
    [
      "informed: the researcher answered on the draft",
      "researcher-informed",
      { review: { status: "sent", at: reviewSent, answeredAt: days(reviewSent, 1).toISOString() } },
      early,
      [],
    ],
    ["informed: a yes after the draft", "researcher-informed", { ...sent, ...yes(days(reviewSent, 1).toISOString()) }, early, []],
    [
      "informed: a yes before the draft does not end the window",
      "researcher-informed",
      { ...sent, ...yes(resolvedAt) },
      early,
      ["review-window"],
    ],
    ["maintainer-only: nothing needed", "maintainer-only", {}, early, []],
    ["maintainer-only: even a no", "maintainer-only", no(resolvedAt), early, []],
  ])("%s", (_name, mode, closing, now, expected) => {
    expect(kinds(mode, closing, now)).toEqual(expected);
  });

  it("an embargo holds in every mode until its day begins in the policy's zone", () => {
    const embargo = { embargoUntil: "2026-12-31" };
    for (const mode of ["mutual", "researcher-informed", "maintainer-only"] as const) {
      // 30 December, 23:30 in Amsterdam is still before the embargo day.
      expect(kinds(mode, { ...sent, ...yes(days(reviewSent, 1).toISOString()), ...embargo }, new Date("2026-12-30T22:30:00Z"))).toContain(
        "embargo",
      );
      expect(kinds(mode, { ...sent, ...yes(days(reviewSent, 1).toISOString()), ...embargo }, new Date("2026-12-30T23:30:00Z"))).toEqual([]);
    }
  });

  it.each(["withdrawn", "rejected", "duplicate", "accepted", "published"] as const)("a %s case never passes", (state) => {
    expect(kinds("maintainer-only", {}, days(reviewSent, 30), { state })).toEqual(["state"]);
  });

  it("says until when the review window runs", () => {
    const config = closingConfig("mutual");
    const verdict = evaluateGate({ record: resolvedCase(config, { ...sent, ...yes(resolvedAt) }), config, now: early });
    expect(verdict).toEqual({ mode: "mutual", met: false, problems: [{ kind: "review-window", until: "2026-12-26T09:00:00.000Z" }] });
  });
});
