import { isInvalidReason, type InvalidReason } from "../policy/reject-reasons.js";
import { scoreVector } from "../policy/severity.js";
import { commandLines } from "./command-lines.js";

/**
 * `/disclosure` commands in a tracking-issue comment, one per line, in the comment's paragraphs. Pure: text in, the
 * commands and the lines that look like commands but are not out. Only what GitHub shows as a paragraph counts
 * (see `commandLines`): a command in code, a quote, a list or HTML is someone showing, quoting or hiding one.
 */

export const severityLevels = ["critical", "high", "medium", "low"] as const;
export type SeverityLevelChoice = (typeof severityLevels)[number];

export interface SeverityChoice {
  level: SeverityLevelChoice;
  /** A CVSS 3.x/4.0 base vector, when the maintainer gave one; the level is its rating. */
  vector?: string;
  score?: number;
}

export type Command =
  | { name: "accept"; severity?: SeverityChoice; resolveBy?: string }
  | { name: "reject"; exclusionId: string }
  | { name: "reject"; reason: string }
  | { name: "reject"; invalid: InvalidReason }
  | { name: "not-security" }
  | { name: "block" }
  | { name: "unblock" }
  | { name: "needs-info"; question: string }
  | { name: "duplicate"; of: string }
  | { name: "severity"; severity: SeverityChoice }
  | { name: "resolve-by"; date: string }
  | { name: "resolved" }
  | { name: "reward"; amount: string }
  | { name: "update"; text: string }
  | { name: "withdraw" }
  | { name: "reopen" }
  | { name: "help" }
  | { name: "credit"; choice: "name" | "handle" | "anonymous"; creditName?: string }
  | { name: "credit"; role: "analyst" | "remediation_developer"; login: string }
  | { name: "consent"; answer: "yes" | "no" }
  | { name: "embargo"; until: string | undefined }
  | { name: "publish"; cve: boolean }
  | { name: "relayed" };

export type CommandName = Command["name"];

/** The right form of every command, shown in help and next to every malformed command. */
export const commandUsage: Record<CommandName, string> = {
  accept: "/disclosure accept [severity:<critical|high|medium|low|CVSS vector>] [resolve-by:<YYYY-MM-DD>]",
  reject: "/disclosure reject <invalid | unverified-claims | no-reproduction | exclusion-id | reason in a sentence>",
  "not-security": "/disclosure not-security",
  block: "/disclosure block",
  unblock: "/disclosure unblock",
  "needs-info": "/disclosure needs-info <question for the researcher>",
  duplicate: "/disclosure duplicate <#issue | GHSA-xxxx-xxxx-xxxx>",
  severity: "/disclosure severity <critical|high|medium|low | CVSS:3.1/… or CVSS:4.0/… vector>",
  "resolve-by": "/disclosure resolve-by <YYYY-MM-DD>",
  resolved: "/disclosure resolved",
  reward: "/disclosure reward <amount, e.g. EUR 250>",
  update: "/disclosure update <progress message for the researcher>",
  withdraw: "/disclosure withdraw",
  reopen: "/disclosure reopen",
  help: "/disclosure help",
  credit: '/disclosure credit <name "Full Name" | handle | anonymous | analyst @login | remediation-developer @login>',
  consent: "/disclosure consent researcher <yes|no>",
  embargo: "/disclosure embargo <YYYY-MM-DD | none>",
  publish: "/disclosure publish [cve]",
  relayed: "/disclosure relayed",
};

export const commandNames = Object.keys(commandUsage) as CommandName[];

export type CommandProblem =
  | { kind: "unknown-command"; word: string; suggestion?: CommandName }
  | { kind: "missing-argument"; command: CommandName }
  | { kind: "invalid-argument"; command: CommandName; value: string }
  | { kind: "unexpected-argument"; command: CommandName; value: string }
  /** The comment is too large or too deeply nested to be read as Markdown in time: none of its lines counts. */
  | { kind: "unreadable" };

export interface ParsedLine<T> {
  /** 1-based line number in the comment. */
  line: number;
  /** The line as written, trimmed. */
  text: string;
  value: T;
}

export interface ParsedComment {
  commands: ParsedLine<Command>[];
  problems: ParsedLine<CommandProblem>[];
}

const COMMAND_LINE = /^\/disclosure(?:\s+(.*))?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISSUE_REFERENCE = /^#\d+$/;
const GHSA_ID = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i;
const EXCLUSION_ID = /^[a-z0-9][a-z0-9-]*$/;

export function parseComment(body: string): ParsedComment {
  const parsed: ParsedComment = { commands: [], problems: [] };
  const reading = commandLines(body);
  if (reading.status === "unreadable") {
    parsed.problems.push({ ...reading.first, value: { kind: "unreadable" } });
    return parsed;
  }
  for (const { line, text } of reading.lines) {
    const match = COMMAND_LINE.exec(text);
    if (!match) continue;
    const result = parseCommand(match[1]?.trim() ?? "");
    if ("problem" in result) parsed.problems.push({ line, text, value: result.problem });
    else parsed.commands.push({ line, text, value: result.command });
  }
  return parsed;
}

type CommandResult = { command: Command } | { problem: CommandProblem };

function parseCommand(rest: string): CommandResult {
  const [word = "", ...others] = rest.split(/\s+/);
  const name = word.toLowerCase();
  const argument = others.join(" ").trim();
  const missing = (command: CommandName): CommandResult => ({ problem: { kind: "missing-argument", command } });
  const invalid = (command: CommandName, value: string): CommandResult => ({ problem: { kind: "invalid-argument", command, value } });
  const noArgument = (command: Command): CommandResult =>
    argument === "" ? { command } : { problem: { kind: "unexpected-argument", command: command.name, value: argument } };

  switch (name) {
    case "accept":
      return parseAccept(argument);
    case "reject":
      if (argument === "") return missing("reject");
      if (isInvalidReason(argument.toLowerCase())) return { command: { name: "reject", invalid: argument.toLowerCase() as InvalidReason } };
      return { command: EXCLUSION_ID.test(argument) ? { name: "reject", exclusionId: argument } : { name: "reject", reason: argument } };
    case "needs-info":
      return argument === "" ? missing("needs-info") : { command: { name: "needs-info", question: argument } };
    case "duplicate":
      if (argument === "") return missing("duplicate");
      if (ISSUE_REFERENCE.test(argument)) return { command: { name: "duplicate", of: argument } };
      return GHSA_ID.test(argument)
        ? { command: { name: "duplicate", of: `GHSA${argument.slice(4).toLowerCase()}` } }
        : invalid("duplicate", argument);
    case "severity": {
      if (argument === "") return missing("severity");
      const severity = parseSeverity(argument);
      return severity ? { command: { name: "severity", severity } } : invalid("severity", argument);
    }
    case "resolve-by":
      if (argument === "") return missing("resolve-by");
      return isCalendarDate(argument) ? { command: { name: "resolve-by", date: argument } } : invalid("resolve-by", argument);
    case "reward":
      return argument === ""
        ? missing("reward")
        : /\d/.test(argument)
          ? { command: { name: "reward", amount: argument } }
          : invalid("reward", argument);
    case "update":
      return argument === "" ? missing("update") : { command: { name: "update", text: argument } };
    case "credit":
      return parseCredit(argument);
    case "consent": {
      if (argument === "") return missing("consent");
      const answer = /^researcher\s+(yes|no)$/i.exec(argument)?.[1]?.toLowerCase();
      return answer === "yes" || answer === "no" ? { command: { name: "consent", answer } } : invalid("consent", argument);
    }
    case "embargo":
      if (argument === "") return missing("embargo");
      if (argument.toLowerCase() === "none") return { command: { name: "embargo", until: undefined } };
      return isCalendarDate(argument) ? { command: { name: "embargo", until: argument } } : invalid("embargo", argument);
    case "publish":
      if (argument === "" || argument.toLowerCase() === "cve") return { command: { name: "publish", cve: argument !== "" } };
      return { problem: { kind: "unexpected-argument", command: "publish", value: argument } };
    case "not-security":
    case "block":
    case "unblock":
    case "relayed":
    case "resolved":
    case "withdraw":
    case "reopen":
    case "help":
      return noArgument({ name });
    case "":
      return { command: { name: "help" } };
    default:
      return { problem: { kind: "unknown-command", word, ...suggestionFor(name) } };
  }
}

const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;

function parseCredit(argument: string): CommandResult {
  const [kind = "", ...rest] = argument.split(/\s+/);
  const text = rest.join(" ").trim();
  switch (kind.toLowerCase()) {
    case "":
      return { problem: { kind: "missing-argument", command: "credit" } };
    case "name": {
      const creditName = text.replace(/^["“](.*)["”]$/, "$1").trim();
      return { command: creditName === "" ? { name: "credit", choice: "name" } : { name: "credit", choice: "name", creditName } };
    }
    case "handle":
    case "anonymous":
      return text === ""
        ? { command: { name: "credit", choice: kind.toLowerCase() as "handle" | "anonymous" } }
        : { problem: { kind: "unexpected-argument", command: "credit", value: text } };
    case "analyst":
    case "remediation-developer":
    case "remediation_developer": {
      const login = LOGIN.exec(text)?.[1];
      if (login === undefined) return { problem: { kind: "invalid-argument", command: "credit", value: argument } };
      return { command: { name: "credit", role: kind.toLowerCase() === "analyst" ? "analyst" : "remediation_developer", login } };
    }
    default:
      return { problem: { kind: "invalid-argument", command: "credit", value: argument } };
  }
}

function parseAccept(argument: string): CommandResult {
  const command: Extract<Command, { name: "accept" }> = { name: "accept" };
  for (const option of argument.split(/\s+/).filter(Boolean)) {
    const [key = "", ...valueParts] = option.split(":");
    const value = valueParts.join(":");
    if (key.toLowerCase() === "severity" && command.severity === undefined) {
      const severity = parseSeverity(value);
      if (!severity) return { problem: { kind: "invalid-argument", command: "accept", value: option } };
      command.severity = severity;
    } else if (key.toLowerCase() === "resolve-by" && command.resolveBy === undefined) {
      if (!isCalendarDate(value)) return { problem: { kind: "invalid-argument", command: "accept", value: option } };
      command.resolveBy = value;
    } else {
      return { problem: { kind: "unexpected-argument", command: "accept", value: option } };
    }
  }
  return { command };
}

export function parseSeverity(text: string): SeverityChoice | undefined {
  const level = text.toLowerCase();
  if ((severityLevels as readonly string[]).includes(level)) return { level: level as SeverityLevelChoice };
  const scored = scoreVector(text);
  if (!scored?.vector || scored.level === "none") return undefined;
  return { level: scored.level, vector: scored.vector, ...(scored.score === undefined ? {} : { score: scored.score }) };
}

export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The closest command name to a misspelt one, when it is close enough to be what was meant. */
function suggestionFor(word: string): { suggestion?: CommandName } {
  let best: { name: CommandName; distance: number } | undefined;
  for (const name of commandNames) {
    const distance = editDistance(word, name);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? { suggestion: best.name } : {};
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
