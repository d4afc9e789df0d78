import { parseArgs } from "node:util";
import { z } from "zod";
import { formatProblem, parseConfigText } from "../config/load.js";
import type { DisclosureConfig } from "../config/schema.js";
import { validateConfig } from "../config/validate.js";
import type { Report } from "../policy/report.js";
import { compilePolicy, triageWith, type CompiledPolicy, type TriageDecision } from "../policy/triage.js";
import { computeDeadlines, type Deadlines } from "../sla/deadlines.js";
import type { CliIo } from "./io.js";

/** `triage` also reads a report from standard input (`-`). */
export interface TriageIo extends CliIo {
  readStdin(): Promise<string>;
}

export const TRIAGE_USAGE =
  "usage: disclosure-desk triage --policy <config.yml> [--received-at <ISO time>] <report.md | ->\n" +
  "       disclosure-desk triage --policy <config.yml> --batch <reports.jsonl>\n" +
  "\n" +
  "Applies a policy to a report and prints the decision as JSON: scope, suggested exclusions, conduct flags,\n" +
  "missing information, severity, labels, and the SLA deadlines from the time of receipt (default: now).\n" +
  "A report file's first '# ' line is its title, the rest its body. With --batch, each input line is\n" +
  '{"id","title","body"} (optionally "receivedAt", "severity", "cvssVector", "repository") and each output line\n' +
  "carries its id. Exit codes: 0 ok, 1 invalid report or config, 2 usage.\n";

export interface TriageOutput extends TriageDecision {
  id?: string;
  sla: { responseDue: string; resolutionDue: string | null };
}

/** `disclosure-desk triage`: one report (file or `-`) or a JSON Lines batch through a policy. */
export async function runTriage(args: string[], io: TriageIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        "received-at": { type: "string" },
        batch: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(TRIAGE_USAGE);
    return 0;
  }
  if (values.policy === undefined) return usageError(io, "--policy <config.yml> is required");
  if (values.batch !== undefined && (positionals.length > 0 || values["received-at"] !== undefined)) {
    return usageError(io, "--batch takes no report argument and no --received-at (give receivedAt per line)");
  }
  if (values.batch === undefined && positionals.length !== 1) return usageError(io, "name one report file, or - for standard input");
  const receivedAt = values["received-at"] === undefined ? io.now() : parseInstant(values["received-at"]);
  if (receivedAt === undefined) return usageError(io, `--received-at is not an ISO 8601 time: "${values["received-at"]}"`);

  const config = await loadPolicy(values.policy, io);
  if (typeof config === "number") return config;
  const policy = compilePolicy(config);

  if (values.batch !== undefined) return triageBatch(values.batch, { config, policy }, io);

  const source = positionals[0] ?? "-";
  const text = await readSource(source, io);
  if (text === undefined) return 1;
  const report = parseReportMarkdown(text);
  if (report === undefined) {
    io.stderr(`${source}: no title: the report needs a "# " line with its title\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(triageOne(report, receivedAt, { config, policy }), null, 2)}\n`);
  return 0;
}

/** A Markdown report: the first `# ` line is the title, everything else the body. */
export function parseReportMarkdown(text: string): { title: string; body: string } | undefined {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const titleIndex = lines.findIndex((line) => /^# \S/.test(line));
  if (titleIndex < 0) return undefined;
  const title = (lines[titleIndex] ?? "").slice(2).trim();
  const body = [...lines.slice(0, titleIndex), ...lines.slice(titleIndex + 1)].join("\n").trim();
  return { title, body };
}

interface LoadedPolicy {
  config: DisclosureConfig;
  policy: CompiledPolicy;
  /**
   * Deadlines by time of receipt: they depend on nothing else, and the reports of a batch mostly share one (the
   * batch's start, when a line names none). Counting business days costs more than triaging a short report.
   */
  deadlinesAt?: Map<number, Deadlines>;
}

/** The most receipt times a batch remembers deadlines for, so that a batch of all-different times stays small. */
const REMEMBERED_RECEIPT_TIMES = 10_000;

function triageOne(report: Report, receivedAt: Date, { config, policy, deadlinesAt }: LoadedPolicy): TriageOutput {
  const decision = triageWith(policy, report);
  let deadlines = deadlinesAt?.get(receivedAt.getTime());
  if (deadlines === undefined) {
    deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
    if (deadlinesAt && deadlinesAt.size < REMEMBERED_RECEIPT_TIMES) deadlinesAt.set(receivedAt.getTime(), deadlines);
  }
  return {
    ...(report.id === undefined ? {} : { id: report.id }),
    ...decision,
    sla: { responseDue: deadlines.responseDue.toISOString(), resolutionDue: deadlines.resolutionDue?.toISOString() ?? null },
  };
}

const batchLineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  body: z.string(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  severity: z.enum(["critical", "high", "medium", "low"]).optional(),
  cvssVector: z.string().optional(),
  repository: z.string().optional(),
});

const OUTPUT_LINES_PER_WRITE = 500;

async function triageBatch(path: string, loaded: LoadedPolicy, io: TriageIo): Promise<number> {
  const text = await readSource(path, io);
  if (text === undefined) return 1;
  const batchStartedAt = io.now();
  const batch: LoadedPolicy = { ...loaded, deadlinesAt: new Map() };
  let invalid = 0;
  // Decisions go out a few hundred lines at a time: one write per report costs more than triaging it.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) io.stdout(pending.join(""));
    pending = [];
  };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const item = parseBatchLine(line);
    if (typeof item === "string") {
      invalid += 1;
      flush();
      io.stderr(`${path}:${index + 1}: ${item}\n`);
      return;
    }
    const { receivedAt, ...report } = item;
    const output = triageOne(report, receivedAt === undefined ? batchStartedAt : new Date(receivedAt), batch);
    pending.push(`${JSON.stringify(output)}\n`);
    if (pending.length >= OUTPUT_LINES_PER_WRITE) flush();
  });
  flush();
  return invalid > 0 ? 1 : 0;
}

function parseBatchLine(line: string): z.output<typeof batchLineSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return "not a JSON object";
  }
  const result = batchLineSchema.safeParse(json);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  return `${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}`;
}

async function loadPolicy(path: string, io: TriageIo): Promise<DisclosureConfig | number> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    io.stderr(`cannot read ${path}: ${describe(error)}\n`);
    return 1;
  }
  const problems = validateConfig(text, path, { now: io.now() });
  if (problems.length > 0) {
    io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(""));
    return 1;
  }
  return parseConfigText(text, path).config;
}

async function readSource(source: string, io: TriageIo): Promise<string | undefined> {
  try {
    return source === "-" ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    io.stderr(`cannot read ${source === "-" ? "standard input" : source}: ${describe(error)}\n`);
    return undefined;
  }
}

function parseInstant(text: string): Date | undefined {
  // A time needs its offset: without one, JavaScript would read it in the machine's own zone.
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function usageError(io: TriageIo, message: string): number {
  io.stderr(`disclosure-desk triage: ${message}\n${TRIAGE_USAGE}`);
  return 2;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
