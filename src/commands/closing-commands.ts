import type { CaseRecord } from "../case/case-record.js";
import type { Command } from "./parse.js";
import type { CommandFacts } from "./command-facts.js";
import { renderMessage } from "../messages/render.js";
import { inlineText } from "../messages/untrusted-text.js";
import { formatDate, formatDeadline, localDateOf } from "../sla/index.js";
import { creditName } from "../closing/credit.js";
import { evaluateGate, type GateProblem } from "../closing/gate.js";
import { gateProblemViews } from "../closing/problem-views.js";

/**
 * The closing's maintainer commands as a pure planner: `/disclosure credit`, `consent researcher`, `embargo`,
 * `publish` and `relayed`. Each returns the record fields it changes and one sentence for the reply; nothing is
 * sent to the researcher from here (the sweep sends the draft and publishes, after reading the advisory).
 *
 * `/disclosure publish` never publishes by itself. When the consent gate is met it records the request and the
 * sweep publishes after checking the advisory again; when the only thing missing is the researcher's review, it
 * asks the sweep to send the draft; anything else is refused with every reason.
 */

export type ClosingCommand = Extract<Command, { name: "credit" | "consent" | "embargo" | "publish" | "relayed" }>;

export type ClosingCommandPlan =
  | { status: "done"; changes: Partial<CaseRecord>; removeLabels: string[]; summary: string; reason: string }
  | { status: "refused"; summary: string; reason: string };

/** Problems a maintainer cannot fix by waiting for the review: the publication is refused outright. */
const BLOCKING: readonly GateProblem["kind"][] = ["state", "embargo", "consent-refused"];

export function planClosingCommand(command: ClosingCommand, facts: CommandFacts): ClosingCommandPlan {
  const { record, config, now } = facts;
  const closing = { ...record.closing };
  const at = now.toISOString();
  const reply = (view: Record<string, unknown>) =>
    renderMessage(config.language, "closing-reply", { step: command.name, ...replyFlags(), ...view }).trim();
  switch (command.name) {
    case "credit": {
      if ("role" in command) {
        const others = (closing.otherCredits ?? []).filter(
          (other) => !(other.login.toLowerCase() === command.login.toLowerCase() && other.type === command.role),
        );
        return done(
          { ...closing, otherCredits: [...others, { login: command.login, type: command.role }] },
          reply({ role: command.role, login: command.login }),
          `${command.login} credited as ${command.role}`,
        );
      }
      const name = command.creditName === undefined ? undefined : creditName(command.creditName);
      const credit = {
        choice: command.choice,
        ...(name === undefined ? {} : { name }),
        ...(facts.researcher === undefined ? {} : { login: facts.researcher }),
        by: "maintainer" as const,
        at,
      };
      return done(
        { ...closing, credit },
        reply({ choice: command.choice, name: name === undefined ? undefined : inlineText(name) }),
        `credit recorded: ${command.choice}`,
      );
    }
    case "consent": {
      const next = { ...closing, consent: { answer: command.answer, by: "maintainer" as const, at } };
      return done(
        next,
        reply({ answer: command.answer, mode: config.publication.consent }),
        `the researcher's consent recorded: ${command.answer}`,
      );
    }
    case "embargo": {
      if (command.until === undefined) {
        const rest = { ...closing };
        delete rest.embargoUntil;
        return done(rest, reply({ until: undefined }), "embargo lifted");
      }
      const today = localDateOf(now, config.calendar.timezone);
      if (command.until < today) {
        return {
          status: "refused",
          summary: reply({ until: formatDate(command.until, config.language), past: true }),
          reason: `${command.until} is before today (${today})`,
        };
      }
      return done(
        { ...closing, embargoUntil: command.until },
        reply({ until: formatDate(command.until, config.language), past: false }),
        `embargo until ${command.until}`,
      );
    }
    case "publish":
      return planPublish(command, facts, reply);
    case "relayed": {
      const next =
        closing.review?.status === "relay-needed" ? { ...closing, review: { ...closing.review, status: "sent" as const, at } } : closing;
      const acknowledgement = record.acknowledgement.status === "relay-needed" ? { status: "sent" as const, at } : record.acknowledgement;
      return {
        status: "done",
        changes: { closing: next, acknowledgement },
        removeLabels: ["relay-needed"],
        summary: reply({ review: next !== closing }),
        reason: "a maintainer relayed the message to the researcher",
      };
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown closing command ${JSON.stringify(unknown)}`);
    }
  }
}

function planPublish(
  command: Extract<ClosingCommand, { name: "publish" }>,
  facts: CommandFacts,
  reply: (view: Record<string, unknown>) => string,
): ClosingCommandPlan {
  const { record, config, now } = facts;
  const closing = { ...record.closing };
  const gate = evaluateGate({ record, config, now });
  const problems = gateProblemViews(gate.problems, config);
  const list = problems.length === 0 ? "" : renderMessage(config.language, "closing-problems", { problems }).trim();
  const kinds = gate.problems.map((problem) => problem.kind);
  if (gate.met) {
    const next = { ...closing, publication: { requestedAt: now.toISOString(), by: facts.actor, cve: command.cve } };
    return done(
      next,
      reply({ gateMet: true, mode: gate.mode, cve: command.cve, problems: list }),
      `publication requested; the ${gate.mode} gate is met`,
    );
  }
  const needsReview = kinds.includes("review-not-sent") && closing.review === undefined;
  if (kinds.some((kind) => BLOCKING.includes(kind)) || !needsReview) {
    return {
      status: "refused",
      summary: reply({ gateMet: false, reviewRequested: false, mode: gate.mode, cve: command.cve, problems: list }),
      reason: `publication refused: ${kinds.join(", ")}`,
    };
  }
  const next = { ...closing, review: { status: "requested" as const, at: now.toISOString() } };
  const others = gateProblemViews(
    gate.problems.filter((problem) => problem.kind !== "review-not-sent"),
    config,
  );
  const rest = others.length === 0 ? "" : renderMessage(config.language, "closing-problems", { problems: others }).trim();
  const reviewUntil = formatDeadline(
    new Date(now.getTime() + config.publication.reviewDays * 86_400_000),
    config.calendar.timezone,
    config.language,
  );
  return done(
    next,
    reply({ gateMet: false, reviewRequested: true, reviewUntil, mode: gate.mode, cve: command.cve, problems: rest }),
    "the draft goes to the researcher for review first",
  );
}

function done(closing: NonNullable<CaseRecord["closing"]>, summary: string, reason: string): ClosingCommandPlan {
  return { status: "done", changes: { closing }, removeLabels: [], summary, reason };
}

/** The keys every reply view has, so the strict template can test any of them. */
function replyFlags(): Record<string, unknown> {
  return {
    role: undefined,
    login: undefined,
    choice: undefined,
    name: undefined,
    answer: undefined,
    mode: undefined,
    until: undefined,
    past: undefined,
    review: undefined,
    gateMet: undefined,
    reviewRequested: undefined,
    reviewUntil: undefined,
    cve: undefined,
    problems: undefined,
  };
}
