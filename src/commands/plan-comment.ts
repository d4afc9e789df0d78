import type { CaseRecord } from "../case/case-record.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { commandUsage, type CommandProblem, type ParsedComment } from "./parse.js";
import { planCommand, type CommandAction, type CommandConfig, type CommandOutcome } from "./plan.js";

/**
 * All `/disclosure` commands of one comment, in order, each seeing the case as the one before left it. The plan
 * ends with one record write (which also marks the comment as handled, so a redelivered or edited comment never
 * acts twice) and one reply to the maintainers that says what was done, what was refused and why.
 */

export const HANDLED_COMMENTS_KEPT = 100;

export interface CommentFacts {
  parsed: ParsedComment;
  record: CaseRecord;
  labels: readonly string[];
  config: CommandConfig;
  actor: string;
  now: Date;
  researcher?: string;
  commentId: number;
}

export interface CommentPlan {
  reasons: string[];
  actions: CommandAction[];
  /** Whether any command changed the case; when none did, the comment is not marked handled (an edit may fix it). */
  acted: boolean;
}

export function replyMarker(commentId: number): string {
  return `<!-- disclosure-desk:reply ${commentId} -->`;
}

export function wasHandled(record: CaseRecord, commentId: number): boolean {
  return record.commands?.includes(commentId) ?? false;
}

export function planComment(facts: CommentFacts): CommentPlan {
  const reasons: string[] = [];
  const effects: CommandAction[] = [];
  const outcomes: CommandOutcome[] = [];
  let { record } = facts;
  let labels = [...facts.labels];
  for (const { line, text, value: command } of facts.parsed.commands) {
    const plan = planCommand({
      command,
      line: text,
      record,
      labels,
      config: facts.config,
      actor: facts.actor,
      now: facts.now,
      ...(facts.researcher === undefined ? {} : { researcher: facts.researcher }),
      messageKey: `${facts.commentId}:${line}`,
    });
    reasons.push(...plan.reasons.map((reason) => `line ${line}: ${reason}`));
    effects.push(...plan.actions.filter((action) => action.type !== "setLabels" && action.type !== "updateRecord"));
    outcomes.push(plan.outcome);
    record = plan.record;
    labels = plan.labels;
  }
  for (const { line, value } of facts.parsed.problems) reasons.push(`line ${line}: ${describeProblem(value)}`);

  const acted = outcomes.some((outcome) => outcome.status === "done" && outcome.code !== "help");
  const actions: CommandAction[] = [...effects];
  if (acted) {
    const before = new Set(facts.labels);
    const after = new Set(labels);
    const add = labels.filter((label) => !before.has(label));
    const remove = facts.labels.filter((label) => !after.has(label));
    if (add.length > 0 || remove.length > 0) actions.push({ type: "setLabels", add, remove });
    const commands = [...(record.commands ?? []), facts.commentId].slice(-HANDLED_COMMENTS_KEPT);
    actions.push({ type: "updateRecord", record: { ...record, commands } });
  }
  const showHelp = facts.parsed.problems.length > 0 || outcomes.some((outcome) => outcome.code === "help");
  actions.push({
    type: "replyToMaintainers",
    body: renderMessage(facts.config.language, "command-reply", {
      outcomes: outcomes.map((outcome) => ({ ...outcome, line: untrusted(outcome.line) })),
      problems: facts.parsed.problems.map(({ text, value }) => ({
        ...problemView(value),
        line: untrusted(text),
      })),
      usage: showHelp ? Object.values(commandUsage) : undefined,
      permission: undefined,
      marker: replyMarker(facts.commentId),
    }),
  });
  return { reasons, actions, acted };
}

/** The short reply to someone without the policy's `commands.permission`: nothing is planned but the refusal. */
export function planUnauthorised(facts: { config: CommandConfig; commentId: number; permission: string; actor: string }): CommentPlan {
  return {
    reasons: [`@${facts.actor} lacks ${facts.permission} access: commands refused`],
    actions: [
      {
        type: "replyToMaintainers",
        body: renderMessage(facts.config.language, "command-reply", {
          permission: facts.permission,
          outcomes: [],
          problems: [],
          usage: undefined,
          marker: replyMarker(facts.commentId),
        }),
      },
    ],
    acted: false,
  };
}

function problemView(problem: CommandProblem): { kind: string; command: string | undefined; suggestion: string | undefined; usage: string | undefined; value: unknown } {
  if (problem.kind === "unreadable") return { kind: problem.kind, command: undefined, suggestion: undefined, usage: undefined, value: undefined };
  if (problem.kind === "unknown-command") {
    const usage = problem.suggestion === undefined ? undefined : commandUsage[problem.suggestion];
    return { kind: problem.kind, command: undefined, suggestion: problem.suggestion, usage, value: untrusted(problem.word) };
  }
  const value = "value" in problem ? untrusted(problem.value) : undefined;
  return { kind: problem.kind, command: problem.command, suggestion: undefined, usage: commandUsage[problem.command], value };
}

function describeProblem(problem: CommandProblem): string {
  if (problem.kind === "unreadable") return "comment not readable as Markdown in time: no command read";
  return problem.kind === "unknown-command" ? `unknown command "${problem.word}"` : `${problem.kind} for ${problem.command}`;
}
