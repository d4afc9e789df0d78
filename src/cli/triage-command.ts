import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { CliIo } from "./io.js";
import type { LoadedPolicy } from "./triage-batch.js";
import {
  batchLines,
  startChunkHelpers,
  triageWorkers,
  type BatchLine,
  type BatchSettings,
  type StartWorker,
  type TriageWorkerSetup,
} from "./triage-threads.js";

/** `triage` also reads a report from standard input (`-`). */
export interface TriageIo extends CliIo {
  readStdin(): Promise<string>;
}

export const TRIAGE_USAGE =
  "usage: disclosure-desk triage --policy <config.yml> [--received-at <ISO time>] <report.md | ->\n" +
  "       disclosure-desk triage --policy <config.yml> --batch <reports.jsonl> [--threads <n>]\n" +
  "\n" +
  "Applies a policy to a report and prints the decision as JSON: scope, suggested exclusions, conduct flags,\n" +
  "missing information, severity, labels, and the SLA deadlines from the time of receipt (default: now).\n" +
  "A report file's first '# ' line is its title, the rest its body. With --batch, each input line is\n" +
  '{"id","title","body"} (optionally "receivedAt", "severity", "cvssVector", "repository") and each output line\n' +
  "carries its id, in input order. --threads shares a batch among that many threads (at most 8); by default a batch\n" +
  "of 8 million characters or more is shared among the machine's cores.\n" +
  "Exit codes: 0 ok, 1 invalid report or config, 2 usage.\n";

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
        threads: { type: "string" },
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
  if (values.batch === undefined && values.threads !== undefined) return usageError(io, "--threads is for --batch");
  const threads = values.threads === undefined ? undefined : parseThreads(values.threads);
  if (threads === null) return usageError(io, `--threads is not a whole number from 1 to ${MOST_THREADS}: "${values.threads}"`);
  const receivedAt = values["received-at"] === undefined ? io.now() : parseInstant(values["received-at"]);
  if (receivedAt === undefined) return usageError(io, `--received-at is not an ISO 8601 time: "${values["received-at"]}"`);

  const policyPath = values.policy;
  const policyText = await readPolicyText(policyPath, io);
  if (policyText === undefined) return 1;
  if (values.batch !== undefined) return triageBatch(values.batch, { path: policyPath, text: policyText }, threads, io);
  const { checkPolicy, triageOne } = await import("./triage-batch.js");
  const policyFile = checkPolicy(policyPath, policyText, io.now());
  if (typeof policyFile === "string") {
    io.stderr(policyFile);
    return 1;
  }

  const source = positionals[0] ?? "-";
  const text = await readSource(source, io);
  if (text === undefined) return 1;
  const report = parseReportMarkdown(text);
  if (report === undefined) {
    io.stderr(`${source}: no title: the report needs a "# " line with its title\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(triageOne(report, receivedAt, policyFile), null, 2)}\n`);
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

/** Lines a thread triages at a time: enough that handing them over costs little, few enough to share the work evenly. */
const LINES_PER_CHUNK = 200;
/**
 * Characters of a batch from which it is shared among the machine's cores unless `--threads` says otherwise. A worker
 * is ready about 0.6 s after it starts, and each thread warms up: on two cores, 10,000 labelled reports (7 MB) took as
 * long in two threads as in one, 15,000 (10.5 MB) an eighth less, and 10,000 short ones (2.3 MB) a sixth more.
 */
const CHARACTERS_FOR_WORKERS = 8_000_000;
/** The most threads a batch uses, whatever the machine has: each loads the policy, the model and the holidays anew. */
const MOST_THREADS = 8;

/**
 * Triages a batch file. Worker threads start as soon as the batch is read, so that they load while this thread checks
 * the policy; an invalid policy stops them before they triage anything.
 */
async function triageBatch(
  path: string,
  policy: { path: string; text: string },
  threads: number | undefined,
  io: TriageIo,
): Promise<number> {
  let text: string | undefined;
  let unreadable: unknown;
  try {
    text = path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (error) {
    unreadable = error;
  }
  const settings: BatchSettings = { path, startedAt: io.now().getTime() };
  const lines = batchLines(text ?? "");
  // A worker given a policy this thread then finds invalid fails too; only a failure after the check is news.
  let policyChecked = false;
  const warn = (error: unknown) => {
    if (policyChecked) io.stderr(`disclosure-desk triage: a worker thread stopped (${describe(error)}); this thread triages its reports\n`);
  };
  const setup: TriageWorkerSetup = { configText: policy.text, configPath: policy.path, batch: settings };
  const helpers = startChunkHelpers(batchWorkers(text?.length ?? 0, lines.length, threads, setup, warn, io));

  // Loaded only now, while the workers load it too (see triage-batch.ts).
  const { checkPolicy, triageLines } = await import("./triage-batch.js");
  const policyFile = checkPolicy(policy.path, policy.text, io.now());
  if (typeof policyFile === "string" || text === undefined) {
    await helpers.stop();
    io.stderr(
      typeof policyFile === "string" ? policyFile : `cannot read ${path === "-" ? "standard input" : path}: ${describe(unreadable)}\n`,
    );
    return 1;
  }
  policyChecked = true;
  const chunks: BatchLine[][] = [];
  for (let from = 0; from < lines.length; from += LINES_PER_CHUNK) chunks.push(lines.slice(from, from + LINES_PER_CHUNK));
  const loaded: LoadedPolicy = { ...policyFile, dueTimesAt: new Map() };
  let invalid = 0;
  await helpers.triage(
    chunks,
    (chunk) => triageLines(chunk, loaded, settings),
    (part) => {
      invalid += part.invalid;
      for (const write of part.writes) (write.stream === "stdout" ? io.stdout : io.stderr)(write.text);
    },
  );
  return invalid > 0 ? 1 : 0;
}

/**
 * The workers a batch gets beside this thread: `--threads` less one, or by default the machine's cores less one for a
 * batch of `CHARACTERS_FOR_WORKERS` or more; none for a batch of one chunk.
 */
function batchWorkers(
  characters: number,
  lines: number,
  threads: number | undefined,
  setup: TriageWorkerSetup,
  warn: (error: unknown) => void,
  io: TriageIo,
): StartWorker[] {
  const wanted = threads ?? (characters < CHARACTERS_FOR_WORKERS ? 1 : Math.min(availableParallelism(), MOST_THREADS));
  // A batch of one chunk has nothing to share.
  const workers = lines <= LINES_PER_CHUNK ? 0 : wanted - 1;
  if (workers <= 0) return [];
  const start = triageWorkers(setup, warn);
  if (typeof start === "string") {
    if (threads !== undefined) io.stderr(`disclosure-desk triage: one thread only: ${start}\n`);
    return [];
  }
  return Array.from({ length: workers }, () => start);
}

async function readPolicyText(path: string, io: TriageIo): Promise<string | undefined> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.stderr(`cannot read ${path}: ${describe(error)}\n`);
    return undefined;
  }
}

function parseThreads(text: string): number | null {
  const threads = /^\d+$/.test(text) ? Number(text) : NaN;
  return threads >= 1 && threads <= MOST_THREADS ? threads : null;
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
