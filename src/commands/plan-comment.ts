import type { CaseRecord } from "../case/case-record.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { commandUsage, type CommandProblem, type ParsedComment } from "./parse.js";
import { planCommand, type CommandAction, type CommandOutcome } from "./plan-command.js";
import type { CommandConfig } from "./command-facts.js";

/**
 * All `/disclosure` commands of one comment, in order, each seeing the case as the one before left it. The plan
 * ends with one record write (which also marks the comment as handled, so a redelivered or edited comment never
 * acts twice) and one reply to the maintainers that says what was done, what was refused and why.
 *
 * The record keeps the newest handled comment ids and, for those it no longer keeps, a watermark: the highest id
 * dropped. GitHub's comment ids grow, so a comment at or below the watermark is older than every remembered one
 * and counts as handled however long ago it was; an edit to it is refused with a request for a new comment.
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

/** Among the remembered handled comments: nothing to do, not even a reply (a redelivery, or an edit of it). */
export function wasHandled(record: CaseRecord, commentId: number): boolean {
  return record.commands?.includes(commentId) ?? false;
}

/** Older than every remembered handled comment: whatever it says now, it is not acted on. */
export function isPastWatermark(record: CaseRecord, commentId: number): boolean {
  return record.commandsHandledThrough !== undefined && commentId <= record.commandsHandledThrough;
}

export function planComment(facts: CommentFacts): CommentPlan {
  if (isPastWatermark(facts.record, facts.commentId)) {
    return refusal(
      facts,
      `comment ${facts.commentId} is at or below the handled watermark ${facts.record.commandsHandledThrough}: commands refused`,
      { tooOld: true },
    );
  }
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
    actions.push({ type: "updateRecord", record: { ...record, ...rememberHandled(record, facts.commentId) } });
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
      editedBy: undefined,
      tooOld: undefined,
      marker: replyMarker(facts.commentId),
    }),
  });
  return { reasons, actions, acted };
}

function rememberHandled(record: CaseRecord, commentId: number): Pick<CaseRecord, "commands" | "commandsHandledThrough"> {
  const handled = [...(record.commands ?? []), commentId];
  const dropped = handled.slice(0, -HANDLED_COMMENTS_KEPT);
  const through = dropped.reduce((highest, id) => Math.max(highest, id), record.commandsHandledThrough ?? -Infinity);
  return { commands: handled.slice(-HANDLED_COMMENTS_KEPT), ...(Number.isFinite(through) ? { commandsHandledThrough: through } : {}) };
}

interface Refusal {
  /** The permission the policy asks for and the commenter lacks. */
  permission?: string;
  /** Who edited a comment someone else wrote. */
  editedBy?: string;
  /** The comment is older than every remembered handled one. */
  tooOld?: boolean;
}

/** A plan of nothing but a short reply that says why nothing was done. */
function refusal(facts: { config: CommandConfig; commentId: number }, reason: string, refused: Refusal): CommentPlan {
  return {
    reasons: [reason],
    actions: [
      {
        type: "replyToMaintainers",
        body: renderMessage(facts.config.language, "command-reply", {
          permission: refused.permission,
          editedBy: refused.editedBy === undefined ? undefined : untrusted(refused.editedBy),
          tooOld: refused.tooOld,
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

/** The short reply to someone without the policy's `commands.permission`: nothing is planned but the refusal. */
export function planUnauthorised(facts: { config: CommandConfig; commentId: number; permission: string; actor: string }): CommentPlan {
  return refusal(facts, `@${facts.actor} lacks ${facts.permission} access: commands refused`, { permission: facts.permission });
}

/**
 * The short reply when someone edits a comment they did not write: the text acted on must be the author's, and
 * permission is checked for the author, so an edit by anyone else never runs.
 */
export function planEditedByOther(facts: { config: CommandConfig; commentId: number; editor: string }): CommentPlan {
  return refusal(facts, `@${facts.editor} edited a comment someone else wrote: commands refused`, { editedBy: facts.editor });
}

function problemView(problem: CommandProblem): {
  kind: string;
  command: string | undefined;
  suggestion: string | undefined;
  usage: string | undefined;
  value: unknown;
} {
  if (problem.kind === "unreadable")
    return { kind: problem.kind, command: undefined, suggestion: undefined, usage: undefined, value: undefined };
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
