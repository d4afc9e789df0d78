import type { CaseRecord, CaseState } from "../case/case-record.js";
import type { TrackingIssueAction } from "../case/tracking-issue-action.js";
import { planClosingCommand } from "./closing-commands.js";
import type { AdvisoryChanges } from "../github/advisories.js";
import { renderMessage, type TemplateName } from "../messages/render.js";
import { inlineText, untrusted } from "../messages/untrusted-text.js";
import { endOfLocalDay, formatDate, formatDeadline, localDateOf } from "../sla/index.js";
import { awaitsEvaluation, shiftedDeadlines } from "../case/case-clock.js";
import { withStateChange } from "../case/state-change.js";
import { explainExclusion, type ExclusionExplanation } from "./exclusion-explanation.js";
import type { InvalidReason } from "../policy/reject-reasons.js";
import type { Command, CommandName, SeverityChoice } from "./parse.js";
import type { CommandConfig, CommandFacts } from "./command-facts.js";
import { promisedUpdateEveryDays } from "../config/researcher-promises.js";

/**
 * One `/disclosure` command as a pure planner: the command, the case as the tracking issue holds it, the policy,
 * who asked and when in; the reasons and the actions out. Nothing here reads the clock or talks to GitHub.
 *
 * Every command that changes the case says so three times, each for its audience: a new record (the machine
 * state), labels (what maintainers filter on) and, where the policy promises the researcher something, a message
 * rendered from a template in the policy's language.
 */

export type CommandAction =
  | TrackingIssueAction
  | { type: "messageResearcher"; template: TemplateName; message: string; marker: string }
  | { type: "updateAdvisory"; changes: AdvisoryChanges }
  /** Propose adding the case's reporter to (or removing them from) the organisation's `reporters.blocked`. */
  | { type: "proposeBlockedReporter"; change: "block" | "unblock"; reporter: string };

export type RefusalCode =
  | "wrong-state"
  | "needs-resolution-date"
  | "date-in-past"
  | "unknown-exclusion"
  | "rewards-disabled"
  | "reward-not-new"
  | "closing-refused"
  | "reporter-unknown";

export type DoneCode =
  | "accepted"
  | "rejected"
  | "needs-info"
  | "duplicate"
  | "severity"
  | "resolve-by"
  | "resolved"
  | "reward"
  | "update"
  | "withdrawn"
  | "reopened"
  | "help"
  | "closing"
  | "not-security"
  | "block"
  | "unblock";

/** One line of the reply in the tracking issue; `details` always has the same keys for a code (strict templates). */
export type CommandOutcome =
  | { status: "done"; line: string; code: DoneCode; details: Record<string, string | undefined> }
  | { status: "refused"; line: string; code: RefusalCode; details: Record<string, string | undefined> };

export interface CommandPlan {
  reasons: string[];
  actions: CommandAction[];
  outcome: CommandOutcome;
  /** The record after the command (the input record when it was refused). */
  record: CaseRecord;
  labels: string[];
}

/** The states each command may start from. */
export const allowedFrom: Record<Exclude<CommandName, "help">, readonly CaseState[]> = {
  accept: ["triage", "needs-info"],
  reject: ["triage", "needs-info", "accepted"],
  "needs-info": ["triage", "needs-info"],
  duplicate: ["triage", "needs-info", "accepted"],
  severity: ["triage", "needs-info", "accepted", "resolved"],
  "resolve-by": ["triage", "needs-info", "accepted"],
  resolved: ["accepted"],
  reward: ["accepted", "resolved", "duplicate"],
  update: ["triage", "needs-info", "accepted", "resolved"],
  withdraw: ["triage", "needs-info", "accepted"],
  reopen: ["rejected", "duplicate", "withdrawn", "resolved"],
  credit: ["accepted", "resolved", "published", "rejected", "duplicate"],
  consent: ["accepted", "resolved"],
  embargo: ["accepted", "resolved"],
  publish: ["resolved"],
  "not-security": ["triage", "needs-info"],
  block: ["triage", "needs-info", "accepted", "resolved", "published", "rejected", "duplicate", "withdrawn"],
  unblock: ["triage", "needs-info", "accepted", "resolved", "published", "rejected", "duplicate", "withdrawn"],
  relayed: ["triage", "needs-info", "accepted", "resolved", "published", "rejected", "duplicate", "withdrawn"],
};

const CLOSED_STATES: readonly CaseState[] = ["rejected", "duplicate", "withdrawn"];

export function messageMarker(messageKey: string): string {
  return `<!-- disclosure-desk:message ${messageKey} -->`;
}

export function planCommand(facts: CommandFacts): CommandPlan {
  const { command, record, line } = facts;
  const unchanged = (outcome: CommandOutcome, reason: string): CommandPlan => ({
    reasons: [reason],
    actions: [],
    outcome,
    record,
    labels: [...facts.labels],
  });
  if (command.name === "help") {
    return unchanged({ status: "done", line, code: "help", details: {} }, "help asked");
  }
  const from = allowedFrom[command.name];
  if (!from.includes(record.state)) {
    return unchanged(
      { status: "refused", line, code: "wrong-state", details: { state: record.state, allowed: from.join(", ") } },
      `${command.name} is not possible in state ${record.state} (only from ${from.join(", ")})`,
    );
  }
  const builder = new PlanBuilder(facts);
  switch (command.name) {
    case "accept":
      return planAccept(builder, command);
    case "reject":
      return planReject(builder, command);
    case "needs-info":
      return builder
        .transition("needs-info")
        .message("needs-info-question", { question: maintainerText(command.question) })
        .done(
          "needs-info",
          {},
          facts.config.sla.needsInfo.pauseClock
            ? "the clock is paused until the researcher answers"
            : "the policy does not pause the clock",
        );
    case "duplicate":
      return builder
        .transition("duplicate")
        .change({ duplicateOf: command.of })
        .advisory({ state: "closed" })
        .message("duplicate-notice", {})
        .change({ closing: { ...record.closing, askedAt: facts.now.toISOString() } })
        .appendToMessage("closing-question", closingQuestionView(facts))
        .done("duplicate", { of: command.of }, `duplicate of ${command.of}`);
    case "severity":
      return builder
        .severity(command.severity)
        .done("severity", severityDetails(command.severity), `severity set to ${command.severity.level}`);
    case "resolve-by":
      return planResolveBy(builder, command.date);
    case "resolved":
      return builder
        .transition("resolved")
        .message("resolved-notice", {
          credit: facts.config.credit.default,
          consent: facts.config.publication.consent,
          reviewDays: String(facts.config.publication.reviewDays),
        })
        .done("resolved", {}, "resolved; the researcher is asked about credit and publication");
    case "reward":
      return planReward(builder, command.amount);
    case "update":
      return builder
        .change({ lastUpdateAt: facts.now.toISOString(), firstResponseAt: record.firstResponseAt ?? facts.now.toISOString() })
        .message("researcher-update", { text: maintainerText(command.text) })
        .done("update", { evaluationDue: evaluationStillDue(facts) }, "progress update sent to the researcher");
    case "withdraw":
      return builder
        .transition("withdrawn")
        .advisory({ state: "closed" })
        .message("withdrawn-notice", {})
        .done("withdrawn", {}, "case withdrawn");
    case "not-security":
      return builder
        .transition("rejected")
        .change({ rejectedAs: "not-security" })
        .advisory({ state: "closed" })
        .message("not-security-notice", { issuesUrl: publicIssuesUrl(record) })
        .done("not-security", {}, "closed as not a security problem; the researcher is invited to file a public issue");
    case "block":
    case "unblock": {
      const reporter = facts.researcher;
      if (reporter === undefined) {
        return builder.refuse("reporter-unknown", {}, `the case's reporter is not known from GitHub: nothing to ${command.name}`);
      }
      return builder
        .propose({ type: "proposeBlockedReporter", change: command.name, reporter })
        .done(command.name, { reporter: inlineText(reporter, 100) }, `${command.name} of the reporter proposed through a pull request`);
    }
    case "reopen": {
      const to: CaseState = record.state === "resolved" ? "accepted" : "triage";
      if (CLOSED_STATES.includes(record.state)) builder.advisory({ state: "draft" });
      return builder
        .transition(to)
        .change({ resolvedAt: undefined, rejectedAs: undefined })
        .message("reopened-notice", {})
        .done("reopened", { state: to }, `reopened from ${record.state} to ${to}`);
    }
    case "credit":
    case "consent":
    case "embargo":
    case "publish":
    case "relayed": {
      const step = planClosingCommand(command, facts);
      const details = { step: command.name, summary: step.summary };
      if (step.status === "refused") return builder.refuse("closing-refused", details, step.reason);
      for (const label of step.removeLabels) builder.removeLabel(label);
      return builder.change(step.changes).done("closing", details, step.reason);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function planAccept(builder: PlanBuilder, command: Extract<Command, { name: "accept" }>): CommandPlan {
  const { facts } = builder;
  const { timezone } = facts.config.calendar;
  if (command.resolveBy !== undefined) {
    const refusal = builder.refuseDateInPast(command.resolveBy);
    if (refusal) return refusal;
    builder.resolveBy(command.resolveBy);
  }
  const resolutionDue = shiftedDeadlines(builder.record, facts.config).resolutionDue;
  if (resolutionDue === undefined) {
    return builder.refuse(
      "needs-resolution-date",
      {},
      "the policy promises an expected resolution date and neither the command nor sla.resolution gives one",
    );
  }
  if (command.severity) builder.severity(command.severity);
  const severity = command.severity ?? builder.record.severity;
  const expected = formatDeadline(resolutionDue, timezone, facts.config.language);
  return builder
    .transition("accepted")
    .advisory({ state: "draft" })
    .message("evaluation-accepted", {
      severity: severity?.level,
      vector: severity?.vector,
      resolutionDue: expected,
      maintainerDate: builder.record.resolveBy === undefined ? undefined : "yes",
      updateEveryDays: promisedUpdateEveryDays(facts.config)?.toString(),
    })
    .done(
      "accepted",
      { resolutionDue: expected, severity: severity?.level },
      `accepted; expected resolution ${resolutionDue.toISOString()}`,
    );
}

function planReject(builder: PlanBuilder, command: Extract<Command, { name: "reject" }>): CommandPlan {
  const { facts } = builder;
  if ("invalid" in command) {
    return builder
      .transition("rejected")
      .change({ rejectedAs: command.invalid })
      .advisory({ state: "closed" })
      .message("evaluation-invalid", invalidReportView(facts.config, command.invalid))
      .done("rejected", { exclusion: undefined, reason: undefined, invalid: command.invalid }, `rejected as ${command.invalid}`);
  }
  let explanation: ExclusionExplanation | undefined;
  if ("exclusionId" in command) {
    explanation = explainExclusion(command.exclusionId, facts.config);
    if (explanation === undefined) {
      const known = ["out-of-scope", ...facts.config.exclusions.map((entry) => (typeof entry === "string" ? entry : entry.id))];
      return builder.refuse(
        "unknown-exclusion",
        { id: command.exclusionId, known: known.join(", ") },
        `"${command.exclusionId}" is not an exclusion of this policy`,
      );
    }
  }
  return builder
    .transition("rejected")
    .advisory({ state: "closed" })
    .message("evaluation-rejected", {
      exclusion: explanation
        ? {
            kind: explanation.kind,
            title: untrusted(explanation.title),
            policyText: untrusted(explanation.policyText),
            comeBackIn: explanation.comeBackIn,
            assets: explanation.assets.map((asset) => untrusted(asset)),
            outOfScope: explanation.outOfScope.map((item) => untrusted(item)),
          }
        : undefined,
      reason: "reason" in command ? maintainerText(command.reason) : undefined,
      contact: facts.config.policy.contact,
    })
    .done(
      "rejected",
      { exclusion: explanation?.id, reason: "reason" in command ? inlineText(command.reason) : undefined, invalid: undefined },
      explanation ? `rejected under ${explanation.id}: ${explanation.policyText}` : "rejected with a reason",
    );
}

/** The policy's own words on how to report, quoted in the message that closes a report as invalid. */
export function invalidReportView(config: Pick<CommandConfig, "policy" | "statements">, reason: InvalidReason): Record<string, unknown> {
  return {
    invalid: reason,
    policyText: (config.statements.reporting ?? []).map((sentence) => untrusted(sentence)),
    contact: config.policy.contact,
  };
}

/** Where the source repository takes public issues: a link only, never a prefilled issue with report text. */
function publicIssuesUrl(record: CaseRecord): string | undefined {
  const advisoryPage = record.source.url
    ? /^(https:\/\/[^/]+\/[^/]+\/[^/]+)\/security\/advisories\//.exec(record.source.url)?.[1]
    : undefined;
  return advisoryPage === undefined ? undefined : `${advisoryPage}/issues/new`;
}

function planResolveBy(builder: PlanBuilder, date: string): CommandPlan {
  const { facts } = builder;
  const refusal = builder.refuseDateInPast(date);
  if (refusal) return refusal;
  builder.resolveBy(date);
  const formatted = formatDate(date, facts.config.language);
  // Before the evaluation the date reaches the researcher with the acceptance; after it, they hear of the change.
  if (facts.record.state === "accepted") builder.message("resolution-date-changed", { date: formatted });
  return builder.done("resolve-by", { date: formatted }, `resolution date set to ${date}`);
}

function planReward(builder: PlanBuilder, amount: string): CommandPlan {
  const { facts } = builder;
  const { rewards } = facts.config;
  if (!rewards.enabled) return builder.refuse("rewards-disabled", {}, "the policy offers no rewards (rewards.enabled is false)");
  if (rewards.newOnly && facts.record.state === "duplicate") {
    return builder.refuse(
      "reward-not-new",
      {},
      "the policy rewards only problems not yet known (rewards.newOnly) and this case is a duplicate",
    );
  }
  const shown = inlineText(amount, 60);
  return builder
    .change({ reward: { amount, at: facts.now.toISOString() } })
    .message("reward-notice", { amount: shown })
    .done("reward", { amount: shown }, `reward of ${amount} granted`);
}

/** The credit question a duplicate's reporter gets: they found a real problem, only not first. */
function closingQuestionView(facts: CommandFacts): Record<string, unknown> {
  const { credit, rewards } = facts.config;
  const reward = facts.record.reward;
  return {
    creditDefault: credit.default,
    askAfterDays: credit.askAfterDays,
    reward: rewards.enabled && reward !== undefined ? inlineText(reward.amount, 60) : undefined,
  };
}

/** The response deadline an update leaves open, for the maintainers' reply: only the evaluation meets it. */
function evaluationStillDue(facts: CommandFacts): string | undefined {
  if (!awaitsEvaluation(facts.record)) return undefined;
  return formatDeadline(shiftedDeadlines(facts.record, facts.config).responseDue, facts.config.calendar.timezone, facts.config.language);
}

function severityDetails(severity: SeverityChoice): Record<string, string | undefined> {
  return { level: severity.level, vector: severity.vector };
}

/** Maintainer text for the researcher: one line, escaped and neutralised like researcher text, but longer. */
function maintainerText(text: string): string {
  return inlineText(text, 2_000);
}

/** Accumulates one command's effects; the record, labels and actions stay consistent with each other. */
class PlanBuilder {
  record: CaseRecord;
  private readonly labels: Set<string>;
  private readonly reasons: string[] = [];
  private readonly actions: CommandAction[] = [];
  private readonly advisoryChanges: AdvisoryChanges = {};

  constructor(readonly facts: CommandFacts) {
    this.record = facts.record;
    this.labels = new Set(facts.labels);
  }

  transition(to: CaseState): this {
    const from = this.record.state;
    this.record = withStateChange(this.record, to, this.facts.now, this.facts.config.sla);
    this.replaceLabel("state:", `state:${to}`);
    this.actions.push({ type: "setState", from, to, issue: CLOSED_STATES.includes(to) ? "closed" : "open" });
    this.reasons.push(`state ${from} → ${to} by @${this.facts.actor}`);
    return this;
  }

  change(fields: Partial<CaseRecord>): this {
    const next: Record<string, unknown> = { ...this.record, ...fields };
    for (const [key, value] of Object.entries(fields)) if (value === undefined) delete next[key];
    this.record = next as CaseRecord;
    return this;
  }

  severity(severity: SeverityChoice): this {
    this.change({ severity: { level: severity.level, ...(severity.vector ? { vector: severity.vector } : {}) } });
    this.replaceLabel("severity:", `severity:${severity.level}`);
    // GitHub refuses a severity while a CVSS vector is set, and both at once: send one and clear the other.
    return this.advisory(
      severity.vector ? { cvss_vector_string: severity.vector, severity: null } : { severity: severity.level, cvss_vector_string: null },
    );
  }

  resolveBy(date: string): this {
    const due = endOfLocalDay(date, this.facts.config.calendar.timezone).toISOString();
    return this.change({ resolveBy: date, deadlines: { ...this.record.deadlines, resolutionDue: due } });
  }

  advisory(changes: AdvisoryChanges): this {
    Object.assign(this.advisoryChanges, changes);
    return this;
  }

  message(template: TemplateName, view: Record<string, unknown>): this {
    const { config, researcher, messageKey } = this.facts;
    const marker = messageMarker(messageKey);
    const message = renderMessage(config.language, template, {
      researcher: researcher === undefined ? undefined : untrusted(researcher),
      policy: { name: config.policy.name, url: config.policy.url },
      caseKey: this.record.key,
      ...view,
      marker,
    });
    this.actions.push({ type: "messageResearcher", template, message, marker });
    if (this.record.firstResponseAt === undefined) this.change({ firstResponseAt: this.facts.now.toISOString() });
    return this;
  }

  /** Adds a template's paragraphs to the last message, before its marker: one comment for the researcher, not two. */
  appendToMessage(template: TemplateName, view: Record<string, unknown>): this {
    const index = this.actions.findLastIndex((action) => action.type === "messageResearcher");
    const last = this.actions[index];
    if (last?.type !== "messageResearcher") throw new Error(`appendToMessage(${template}) needs a message to append to`);
    const added = renderMessage(this.facts.config.language, template, view).trim();
    const at = last.message.lastIndexOf(last.marker);
    this.actions[index] = { ...last, message: `${last.message.slice(0, at).trimEnd()}\n\n${added}\n\n${last.message.slice(at)}` };
    return this;
  }

  refuseDateInPast(date: string): CommandPlan | undefined {
    const today = localDateOf(this.facts.now, this.facts.config.calendar.timezone);
    return date < today ? this.refuse("date-in-past", { date, today }, `${date} is before today (${today})`) : undefined;
  }

  refuse(code: RefusalCode, details: Record<string, string | undefined>, reason: string): CommandPlan {
    const { record, labels, line } = this.facts;
    return { reasons: [reason], actions: [], outcome: { status: "refused", line, code, details }, record, labels: [...labels] };
  }

  done(code: DoneCode, details: Record<string, string | undefined>, reason: string): CommandPlan {
    const actions: CommandAction[] = [];
    if (Object.keys(this.advisoryChanges).length > 0) actions.push({ type: "updateAdvisory", changes: { ...this.advisoryChanges } });
    actions.push(...this.actions.filter((action) => action.type === "messageResearcher"));
    actions.push(...this.actions.filter((action) => action.type === "setState" || action.type === "proposeBlockedReporter"));
    const before = new Set(this.facts.labels);
    const add = [...this.labels].filter((label) => !before.has(label));
    const remove = [...before].filter((label) => !this.labels.has(label));
    if (add.length > 0 || remove.length > 0) actions.push({ type: "setLabels", add, remove });
    actions.push({ type: "updateRecord", record: this.record });
    return {
      reasons: [...this.reasons, reason],
      actions,
      outcome: { status: "done", line: this.facts.line, code, details },
      record: this.record,
      labels: [...this.labels],
    };
  }

  propose(action: Extract<CommandAction, { type: "proposeBlockedReporter" }>): this {
    this.actions.push(action);
    return this;
  }

  removeLabel(label: string): this {
    this.labels.delete(label);
    return this;
  }

  private replaceLabel(prefix: string, label: string): void {
    for (const existing of [...this.labels]) if (existing.startsWith(prefix)) this.labels.delete(existing);
    this.labels.add(label);
  }
}
