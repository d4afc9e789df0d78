import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { parseComment, type Command } from "../../src/commands/parse.js";
import { planComment } from "../../src/commands/plan-comment.js";
import { planCommand } from "../../src/commands/plan-command.js";
import type { DisclosureConfig } from "../../src/config/schema.js";
import { commandAt, intakeLabels, openedCase } from "./fixtures.js";
import { mijnPartnerGroep, openworx, policyConfig } from "../fixtures/policies.js";

/**
 * Every command's messages render in both languages (the templates are strict: a key missing from a view fails
 * here, not in production), and nothing a researcher's or maintainer's text contains escapes its place.
 */

const cases: [Command, Partial<CaseRecord>][] = [
  [
    {
      name: "accept",
      resolveBy: "2026-12-18",
      severity: { level: "medium", vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N", score: 5.4 },
    },
    {},
  ],
  [{ name: "reject", exclusionId: "clickjacking" }, {}],
  [{ name: "reject", exclusionId: "out-of-scope" }, {}],
  [{ name: "reject", reason: "Works as designed." }, {}],
  [{ name: "needs-info", question: "Which URL?" }, {}],
  [{ name: "duplicate", of: "#3" }, {}],
  [{ name: "resolve-by", date: "2026-12-18" }, { state: "accepted" }],
  [{ name: "resolved" }, { state: "accepted" }],
  [{ name: "reward", amount: "EUR 100" }, { state: "resolved" }],
  [{ name: "update", text: "Fix deployed." }, { state: "accepted" }],
  [{ name: "withdraw" }, {}],
  [{ name: "reopen" }, { state: "rejected" }],
];

function withExclusions(config: DisclosureConfig): DisclosureConfig {
  return { ...config, exclusions: [...config.exclusions, "clickjacking"], rewards: { enabled: true, newOnly: true } };
}

describe.each([
  ["en", withExclusions(policyConfig(openworx)), "Hello <researcher>"],
  ["nl", withExclusions(policyConfig(mijnPartnerGroep)), "Beste <researcher>"],
])("%s templates", (_language, config, greeting) => {
  it.each(cases)("%j renders its message, greeting and marker", (command, record) => {
    const plan = planCommand({
      command,
      line: "/disclosure",
      record: openedCase(config, record),
      labels: intakeLabels,
      config,
      actor: "max-maintainer",
      now: commandAt,
      researcher: "_rosa_ <img src=x>",
      messageKey: "1:1",
    });
    expect(plan.outcome.status).toBe("done");
    const messages = plan.actions.flatMap((action) => (action.type === "messageResearcher" ? [action.message] : []));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).toContain(greeting.replace("<researcher>", "\\_rosa\\_ &#60;img src=x&#62;"));
      expect(message).not.toContain("<img");
      expect(message).toContain("<!-- disclosure-desk:message 1:1 -->");
    }
  });

  it("renders every reply outcome", () => {
    const body = [
      "/disclosure help",
      "/disclosure accept",
      "/disclosure accept resolve-by:2020-01-01",
      "/disclosure reject csv-injection",
      "/disclosure resolved",
      "/disclosure reward EUR 50",
      "/disclosure frobnicate",
      "/disclosure needs-info",
      "/disclosure severity extreme",
      "/disclosure reopen now",
      "/disclosure severity low",
    ].join("\n");
    const noDefault = { ...config, sla: { ...config.sla, resolution: undefined }, rewards: { enabled: false, newOnly: true } };
    const plan = planComment({
      parsed: parseComment(body),
      record: openedCase(noDefault),
      labels: intakeLabels,
      config: noDefault,
      actor: "max",
      now: commandAt,
      commentId: 9,
    });
    const reply = plan.actions.find((action) => action.type === "replyToMaintainers");
    const text = reply?.type === "replyToMaintainers" ? reply.body : "";
    expect(text.match(/^✅/gm)).toHaveLength(2);
    expect(text.match(/^⛔/gm)).toHaveLength(9);
    expect(text).toContain("`/disclosure reward <amount, e.g. EUR 250>`");
    expect(text).not.toContain("&lt;");
  });
});
