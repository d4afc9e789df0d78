import { z } from "zod";
import { formatProblem, parseConfigText } from "../config/load.js";
import type { DisclosureConfig } from "../config/schema.js";
import { checkConfig } from "../config/validate.js";
import type { Report } from "../policy/report.js";
import { compilePolicy, triageWith, type CompiledPolicy, type TriageDecision } from "../policy/triage.js";
import { computeDeadlines } from "../sla/deadlines.js";
import type { BatchLine, BatchPart, BatchSettings } from "./triage-threads.js";

/**
 * What `triage` needs to apply a policy: the config, its rules and the deadlines. The command loads this module only
 * once any worker threads have started, since loading it takes a thread about 160 ms.
 */

export interface TriageOutput extends TriageDecision {
  id?: string;
  sla: DueTimes;
}

/** A report's deadlines as the output gives them. */
interface DueTimes {
  responseDue: string;
  resolutionDue: string | null;
}

export interface LoadedPolicy {
  config: DisclosureConfig;
  policy: CompiledPolicy;
  /**
   * Due times by time of receipt: they depend on nothing else, and the reports of a batch mostly share one (the
   * batch's start, when a line names none). Counting business days costs more than triaging a short report.
   */
  dueTimesAt?: Map<number, DueTimes>;
}

/** A policy's config and compiled rules, or its problems as `validate` prints them. */
export function checkPolicy(path: string, text: string, now: Date): LoadedPolicy | string {
  const { config, problems } = checkConfig(text, path, { now });
  if (problems.length > 0) return problems.map((problem) => `${formatProblem(problem)}\n`).join("");
  return { config, policy: compilePolicy(config) };
}

/** A policy `checkPolicy` found valid, compiled: what a worker thread, given the checked text, reads it as. */
export function loadPolicy(path: string, text: string): LoadedPolicy {
  const config = parseConfigText(text, path).config;
  return { config, policy: compilePolicy(config) };
}

/** The most receipt times a batch remembers due times for, so that a batch of all-different times stays small. */
const REMEMBERED_RECEIPT_TIMES = 10_000;

export function triageOne(report: Report, receivedAt: Date, { config, policy, dueTimesAt }: LoadedPolicy): TriageOutput {
  const decision = triageWith(policy, report);
  let sla = dueTimesAt?.get(receivedAt.getTime());
  if (sla === undefined) {
    const deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
    sla = { responseDue: deadlines.responseDue.toISOString(), resolutionDue: deadlines.resolutionDue?.toISOString() ?? null };
    if (dueTimesAt && dueTimesAt.size < REMEMBERED_RECEIPT_TIMES) dueTimesAt.set(receivedAt.getTime(), sla);
  }
  // One copy of the decision: an optional part spread in first made it two, which cost more than the due times.
  return report.id === undefined ? { ...decision, sla } : { id: report.id, ...decision, sla };
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

export const batchLineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  body: z.string(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  severity: z.enum(["critical", "high", "medium", "low"]).optional(),
  cvssVector: z.string().optional(),
  repository: z.string().optional(),
});

export function parseBatchLine(line: string): z.output<typeof batchLineSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return "not a JSON object";
  }
  const plain = plainReport(json);
  if (plain !== undefined) return plain;
  const result = batchLineSchema.safeParse(json);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  return `${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}`;
}

/**
 * The output of `batchLineSchema` for the line most batches are made of, an id, a title and a body and none of the
 * optional fields, read without the schema: checking each line with it cost more than the lines' JSON. Any other
 * line, valid or not, is the schema's to read.
 */
function plainReport(json: unknown): z.output<typeof batchLineSchema> | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const { id, title, body, receivedAt, severity, cvssVector, repository } = json as Record<string, unknown>;
  const plainId = (typeof id === "string" && id.length > 0) || (typeof id === "number" && Number.isFinite(id));
  if (!plainId || typeof title !== "string" || typeof body !== "string") return undefined;
  if (receivedAt !== undefined || severity !== undefined || cvssVector !== undefined || repository !== undefined) return undefined;
  return { id: String(id), title, body };
}
