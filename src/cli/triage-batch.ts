import { z } from "zod";
import type { DisclosureConfig } from "../config/schema.js";
import type { Report } from "../policy/report.js";
import { triageWith, type CompiledPolicy, type TriageDecision } from "../policy/triage.js";
import { computeDeadlines, type Deadlines } from "../sla/deadlines.js";

export interface TriageOutput extends TriageDecision {
  id?: string;
  sla: { responseDue: string; resolutionDue: string | null };
}

export interface LoadedPolicy {
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

export function triageOne(report: Report, receivedAt: Date, { config, policy, deadlinesAt }: LoadedPolicy): TriageOutput {
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

/** A non-blank line of a batch file, numbered from 1 as an editor shows it. */
export interface BatchLine {
  number: number;
  text: string;
}

/** What some lines of a batch produced, in their order: decisions for standard output, line errors for standard error. */
export interface BatchPart {
  writes: { stream: "stdout" | "stderr"; text: string }[];
  invalid: number;
}

/** What every thread triaging a batch shares, so that a line gets the same decision whichever thread reads it. */
export interface BatchSettings {
  /** The batch file as named on the command line, for the line errors. */
  path: string;
  /** Milliseconds since the epoch: the time of receipt of lines that name none. */
  startedAt: number;
}

/** Triages lines of a batch; a line that is not a report becomes an error naming its line, and the rest go on. */
export function triageLines(lines: readonly BatchLine[], loaded: LoadedPolicy, { path, startedAt }: BatchSettings): BatchPart {
  const part: BatchPart = { writes: [], invalid: 0 };
  // Decisions go out together: one write per report costs more than triaging it.
  let decisions = "";
  for (const line of lines) {
    const item = parseBatchLine(line.text);
    if (typeof item === "string") {
      if (decisions !== "") part.writes.push({ stream: "stdout", text: decisions });
      decisions = "";
      part.writes.push({ stream: "stderr", text: `${path}:${line.number}: ${item}\n` });
      part.invalid += 1;
      continue;
    }
    const { receivedAt, ...report } = item;
    decisions += `${JSON.stringify(triageOne(report, new Date(receivedAt ?? startedAt), loaded))}\n`;
  }
  if (decisions !== "") part.writes.push({ stream: "stdout", text: decisions });
  return part;
}

/** The non-blank lines of a batch file. */
export function batchLines(text: string): BatchLine[] {
  const lines: BatchLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== "") lines.push({ number: index + 1, text: line });
  });
  return lines;
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
