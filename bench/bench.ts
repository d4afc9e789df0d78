import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseConfigText } from "../src/config/load.js";
import { LEDGER_CLOCK_MARGIN_MS } from "../src/github/gateway-cache.js";
import { compilePolicy, triageWith } from "../src/policy/triage.js";
import { computeDeadlines } from "../src/sla/index.js";
import { repositoryAdvisoryReportedPayload } from "../test/fixtures/webhook-payloads.js";
import { userObject, type RepositoryAdvisoryObject } from "../test/fixtures/github-objects.js";
import { seedFixtureWorld, type FixtureWorld } from "../test/harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../test/harness/standin/server.js";
import { startApp, type AppProcess } from "../test/e2e/support/app-process.js";
import { haveRedisServer, startRedis } from "../test/e2e/support/redis.js";
import { ghsaIdFor, openworxConfig, WEBHOOK_SECRET } from "../test/e2e/support/world.js";
import { extraMillisecondsByArea, monotonicMicros, summariseCpuProfile } from "./cpu-profile.js";
import { heapCensus, heapGrowth, totalBytes, type HeapCensus } from "./heap-snapshot.js";

/**
 * `npm run bench`: Disclosure Desk against a bare Probot app that makes the same GitHub calls, both served by the
 * local GitHub stand-in on 127.0.0.1, in one run. Prints a table, then one JSON line with every figure.
 *
 * BENCH_INTAKES (default 300) intakes per round, BENCH_ROUNDS (default 3) rounds taken in turn by the two servers
 * (the median is reported), BENCH_CASES (default 50000) cases in the memory run, BENCH_TRIAGE_REPORTS (default
 * 10000) reports for the triage command, BENCH_TRIAGE_LARGE_REPORTS (default 50000) for its large batch,
 * BENCH_TRIAGE_RUNS (default 5) runs of each triage measurement (the median is reported, with the slowest and
 * fastest), BENCH_HEAP_CASES (default 5000) cases on the heap-snapshot server. Every report is a new one that names no
 * code, submitted just now. BENCH_CPU_PROFILE names a file to keep the intake CPU profile in (it opens in Chrome
 * DevTools), and the bare app's beside it with `.bare.cpuprofile` in place of the extension; the summary counts only
 * the measured intakes.
 */

const intakes = Number(process.env.BENCH_INTAKES ?? 300);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const memoryCases = Number(process.env.BENCH_CASES ?? 50_000);
const triageReports = Number(process.env.BENCH_TRIAGE_REPORTS ?? 10_000);
const largeTriageReports = Number(process.env.BENCH_TRIAGE_LARGE_REPORTS ?? 50_000);
const triageCommandRuns = Number(process.env.BENCH_TRIAGE_RUNS ?? 5);
const heapCases = Number(process.env.BENCH_HEAP_CASES ?? 5_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const scratch = mkdtempSync(join(tmpdir(), "disclosure-desk-bench-"));
const deskEntry = "dist/server.js";
const bareEntry = ".build/bench/bare-server.js";

/** The Node flags `npm start` gives the server (package.json), so the bench runs the server as operators do. */
function startScriptNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const command = /^node((?: --\S+)*) dist\/server\.js$/.exec(start);
  if (!command) throw new Error(`npm start runs "${start}", which the bench cannot repeat: it expects node [flags] dist/server.js`);
  return command[1]!.split(" ").filter((flag) => flag !== "");
}
const deskNodeFlags = startScriptNodeFlags();

interface LoadResult {
  intakesPerSecond: number;
  /** The server's own CPU time per intake, which a busy neighbour does not change as it does throughput. */
  cpuMsPerIntake: number;
  /** This process's CPU per intake: the GitHub stand-in answering the server's calls, and the client sending webhooks. */
  standInCpuMsPerIntake: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  callsPerIntake: number;
}

interface Server {
  app: AppProcess;
  github: StandIn;
  world: FixtureWorld;
  startedAt: number;
  stop(): Promise<void>;
}

async function startServer(entry: string, nodeFlags: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const github = await startStandIn();
  const world = seedFixtureWorld(github.state, { config: openworxConfig("octo-org/security-cases") });
  const startedAt = Date.now();
  const app = await startApp({
    appId: world.app.id,
    privateKey: world.app.keys.privateKey,
    webhookSecret: WEBHOOK_SECRET,
    gitHubHost: new URL(github.url).host,
    command: [process.execPath, ...nodeFlags, entry],
    env: { LOG_LEVEL: "warn", ...env },
  });
  return {
    app,
    github,
    world,
    startedAt,
    async stop() {
      await app.stop();
      await github.close();
    },
  };
}

/**
 * Which reports a run sends. `near-copies`: every report is a near-copy of every earlier one from the same reporter, so
 * the duplicate check reads the 2,000 newest cases almost in full and every intake lists a 200-case history: the worst
 * case, and the figures the issue's goals are held to. `varied`: reports of twelve kinds from 1,000 reporters, as a
 * programme receives them, where a reporter has a case or two before and a report resembles the twelfth of the cases
 * that are of its kind.
 */
type Workload = "near-copies" | "varied";

const VARIED_REPORTS: [summary: string, description: string][] = [
  [
    "Other tenants' invoices can be read",
    "Changing the invoice number in the address of the customer portal shows another customer's invoice.",
  ],
  ["Stored XSS in the profile bio", "A bio containing a script element runs it in the browser of everyone who opens the profile page."],
  ["SQL injection in the order search", "The order search concatenates its term into the query; a single quote returns a database error."],
  ["Password reset token does not expire", "A reset link from last month still sets a new password for the account it was sent to."],
  ["Open redirect after login", "The return parameter of the login form sends the user to any external site after signing in."],
  [
    "Admin export reachable without login",
    "The export page under the admin path answers without a session and lists every user's e-mail address.",
  ],
  ["Session cookie survives logout", "After logging out, replaying the old session cookie still opens the account settings."],
  ["Server-side request forgery in the image import", "The image import fetches any URL, including addresses on the internal network."],
  [
    "Path traversal in the download endpoint",
    "The file parameter of the download endpoint accepts ../ and returns files outside the upload folder.",
  ],
  [
    "Rate limit missing on the login form",
    "The login form accepts thousands of password attempts per minute for one account without delay.",
  ],
  ["API key shown in the page source", "The dashboard page embeds a live payment API key in its JavaScript for every visitor."],
  ["Two-factor step can be skipped", "Requesting the account page directly after the password step skips the two-factor code."],
];

const variedReporters = 1_000;

/** A new report submitted now that names no code: no file, function or path for a claims check to read. */
function freshReport(server: Server, index: number, workload: Workload) {
  const ghsaId = ghsaIdFor(index);
  const submittedAt = new Date().toISOString();
  const [summary, description] =
    workload === "near-copies"
      ? [
          `Report ${index}: other tenants' invoices can be read`,
          "After logging in to the customer portal, changing the invoice number in the address shows another customer's invoice. Impact: any customer can read every other customer's invoices.",
        ]
      : VARIED_REPORTS[index % VARIED_REPORTS.length]!.map((text, part) =>
          part === 0 ? `${text} (${index})` : `${text} Found on asset ${index}.`,
        );
  // Consecutive reports come from reporters far apart in the pool, each of whom returns now and then.
  const reporterNumber = (index * 7919) % variedReporters;
  const reporter = workload === "near-copies" ? undefined : userObject(`researcher-${reporterNumber}`, 9_300_000 + reporterNumber);
  const payload = repositoryAdvisoryReportedPayload({
    repository_advisory: {
      ghsa_id: ghsaId,
      summary,
      description,
      created_at: submittedAt,
      updated_at: submittedAt,
      vulnerabilities: [
        {
          package: { ecosystem: "npm", name: "@octo-org/widgets" },
          vulnerable_version_range: "< 2.4.1",
          patched_versions: null,
          vulnerable_functions: [],
        },
      ],
    },
  });
  if (reporter) {
    // Probot's types carry GitHub's null-only `author`; the payload has the real shape.
    Object.assign(payload.repository_advisory, { author: reporter, credits: [{ user: reporter, type: "finder", state: "accepted" }] });
    payload.sender = reporter;
  }
  server.github.state.adoptAdvisory(server.world.advisoryRepository, payload.repository_advisory as unknown as RepositoryAdvisoryObject);
  return payload;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function load(server: Server, offset: number, count: number, workload: Workload = "near-copies"): Promise<LoadResult> {
  const callsBefore = server.github.journal.entries.length;
  const cpuBefore = cpuMilliseconds(server.app.pid);
  const ownCpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const payload = freshReport(server, offset + next++, workload);
        const sent = performance.now();
        const response = await server.app.sendWebhook("repository_advisory", payload);
        latencies.push(performance.now() - sent);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMsPerIntake = (cpuMilliseconds(server.app.pid) - cpuBefore) / count;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const standInCpuMsPerIntake = (ownCpu.user + ownCpu.system) / 1000 / count;
  const calls = server.github.journal.entries.slice(callsBefore).filter((entry) => !entry.path.endsWith("/access_tokens")).length;
  server.github.journal.clear();
  latencies.sort((a, b) => a - b);
  return {
    intakesPerSecond: count / seconds,
    cpuMsPerIntake,
    standInCpuMsPerIntake,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures,
    callsPerIntake: calls / count,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function medianResult(results: LoadResult[]): LoadResult {
  return {
    intakesPerSecond: median(results.map((result) => result.intakesPerSecond)),
    cpuMsPerIntake: median(results.map((result) => result.cpuMsPerIntake)),
    standInCpuMsPerIntake: median(results.map((result) => result.standInCpuMsPerIntake)),
    p50Ms: median(results.map((result) => result.p50Ms)),
    p99Ms: median(results.map((result) => result.p99Ms)),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    callsPerIntake: median(results.map((result) => result.callsPerIntake)),
  };
}

/** User and system CPU of a process so far, from /proc (clock ticks of 10 ms). */
function cpuMilliseconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMegabytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/** Reports submitted this close to a process's start are checked on the advisory (see the ledger): wait past it. */
async function pastLedgerMargin(servers: Server[]): Promise<void> {
  const ready = Math.max(...servers.map((server) => server.startedAt)) + LEDGER_CLOCK_MARGIN_MS + 1_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ready - Date.now())));
}

/**
 * Intakes each server takes before it is measured. Both servers' CPU per intake keeps falling for about the first
 * thousand (bare Probot's from 5.1 to 2.6 ms over seven rounds after 300), and the desk's case index fills towards
 * the 2,000 newest cases the duplicate check reads: rounds measured earlier flatter the ratio.
 */
const warmUpIntakes = Math.max(1_500, intakes);

const cpuProfileFlags = (name: string) => ["--cpu-prof", `--cpu-prof-dir=${join(scratch, `cpu-${name}`)}`];

/** `intakes` on a profiled server, and the monotonic-clock window they took, so the profile can be cut to them. */
async function profiledLoad(server: Server): Promise<{ fromMicros: number; toMicros: number }> {
  const fromMicros = monotonicMicros();
  await load(server, 1_000, intakes);
  return { fromMicros, toMicros: monotonicMicros() };
}

/** Warm-up, then `rounds` rounds of `intakes` taken in turn by the two servers under the same load. */
async function measureRounds(bare: Server, desk: Server, workload: Workload, others: Server[] = []) {
  // Warm-up: JIT, installation token, config and visibility caches.
  for (const server of [bare, desk, ...others]) await load(server, 300_000, warmUpIntakes, workload);
  await pastLedgerMargin([bare, desk, ...others]);
  const results = { bare: [] as LoadResult[], desk: [] as LoadResult[] };
  for (let round = 0; round < rounds; round++) {
    results.bare.push(await load(bare, 1_000 + round * intakes, intakes, workload));
    results.desk.push(await load(desk, 1_000 + round * intakes, intakes, workload));
    process.stderr.write(
      `${workload} round ${round + 1}: desk ${results.desk.at(-1)!.intakesPerSecond.toFixed(1)} intakes/s, bare ${results.bare.at(-1)!.intakesPerSecond.toFixed(1)}\n`,
    );
  }
  return {
    bare: medianResult(results.bare),
    desk: medianResult(results.desk),
    rounds: results,
    // Ratios are taken round by round, both servers under the same load, and the median of those reported.
    throughputRatio: median(results.desk.map((round, index) => round.intakesPerSecond / results.bare[index]!.intakesPerSecond)),
    p99Ratio: median(results.desk.map((round, index) => round.p99Ms / results.bare[index]!.p99Ms)),
  };
}

async function measureLatency() {
  const bare = await startServer(bareEntry);
  const desk = await startServer(deskEntry, deskNodeFlags);
  const profiledBare = await startServer(bareEntry, cpuProfileFlags("bare"));
  const profiledDesk = await startServer(deskEntry, [...deskNodeFlags, ...cpuProfileFlags("desk")]);
  try {
    const measured = await measureRounds(bare, desk, "near-copies", [profiledBare, profiledDesk]);
    const profileWindows = { desk: await profiledLoad(profiledDesk), bare: await profiledLoad(profiledBare) };
    return { ...measured, profileWindows };
  } finally {
    await Promise.all([bare.stop(), desk.stop(), profiledBare.stop(), profiledDesk.stop()]);
  }
}

/** The same comparison on the `varied` workload, on new servers whose case index holds only varied reports. */
async function measureVariedLatency() {
  const bare = await startServer(bareEntry);
  const desk = await startServer(deskEntry, deskNodeFlags);
  try {
    return await measureRounds(bare, desk, "varied");
  } finally {
    await Promise.all([bare.stop(), desk.stop()]);
  }
}

/** The CPU profile a server wrote on exit, cut to its measured intakes. */
function profileOf(name: "desk" | "bare", window: { fromMicros: number; toMicros: number }) {
  const directory = join(scratch, `cpu-${name}`);
  const file = readdirSync(directory).find((entry) => entry.endsWith(".cpuprofile"));
  if (!file) throw new Error(`the ${name} server wrote no CPU profile`);
  if (name === "desk" && process.env.BENCH_CPU_PROFILE) copyFileSync(join(directory, file), process.env.BENCH_CPU_PROFILE);
  if (name === "bare" && process.env.BENCH_CPU_PROFILE)
    copyFileSync(join(directory, file), process.env.BENCH_CPU_PROFILE.replace(/(\.cpuprofile)?$/, ".bare.cpuprofile"));
  return summariseCpuProfile(join(directory, file), 10, window);
}

/** A heap snapshot of the app (it answers again once the snapshot is written), summed by kind of object. */
async function snapshot(server: Server): Promise<HeapCensus> {
  const before = new Set(readdirSync("."));
  process.kill(server.app.pid!, "SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await fetch(`${server.app.url}/ping`, { signal: AbortSignal.timeout(120_000) });
  const file = readdirSync(".").find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
  if (!file) throw new Error("no heap snapshot was written");
  const kept = join(scratch, file);
  renameSync(file, kept);
  const census = heapCensus(kept);
  rmSync(kept);
  return census;
}

/**
 * The memory runs let the stand-in forget all but this many of its newest issues and advisories, which no new report
 * reads again: otherwise its own search through every issue, not the app, would set the pace at 50,000 cases.
 */
const STAND_IN_KEEPS = 1_000;

/** RSS of a server after every 10,000 cases (and at the end), with no snapshot taken to disturb it. */
async function measureMemory(entry: string, cases: number, nodeFlags: string[] = []) {
  const server = await startServer(entry, nodeFlags);
  try {
    const rssByCases: Record<number, number> = { 0: rssMegabytes(server.app.pid) };
    for (let done = 0; done < cases;) {
      const count = Math.min(1_000, cases - done);
      const result = await load(server, 100_000 + done, count);
      if (result.failures > 0) throw new Error(`${result.failures} deliveries failed in the memory run`);
      done += count;
      server.github.state.forgetAllBut(STAND_IN_KEEPS);
      if (done % 10_000 === 0 || done === cases) {
        rssByCases[done] = rssMegabytes(server.app.pid);
        process.stderr.write(
          `memory run (${[entry, ...nodeFlags].join(" ")}): ${done}/${cases} cases, RSS ${rssByCases[done]!.toFixed(0)} MB\n`,
        );
      }
    }
    return rssByCases;
  } finally {
    await server.stop();
  }
}

/**
 * What the server retains as cases accumulate, from heap snapshots (each forces a full collection) after 1,000 cases
 * and after BENCH_HEAP_CASES: retained MB and the kinds of object that grew most. A separate server, since writing a
 * snapshot costs the process memory of its own that would blur the RSS run.
 */
async function measureHeap(cases: number) {
  const server = await startServer(deskEntry, [...deskNodeFlags, "--heapsnapshot-signal=SIGUSR2"]);
  try {
    await load(server, 200_000, 1_000);
    const early = await snapshot(server);
    for (let done = 1_000; done < cases; done += 1_000) {
      server.github.state.forgetAllBut(STAND_IN_KEEPS);
      await load(server, 200_000 + done, Math.min(1_000, cases - done));
    }
    const late = await snapshot(server);
    return {
      retainedMb: { 1000: Math.round(totalBytes(early) / 1e5) / 10, [cases]: Math.round(totalBytes(late) / 1e5) / 10 },
      grewMost: heapGrowth(early, late, 5).map(({ kind, bytes, count }) => ({ kind, kilobytes: Math.round(bytes / 1024), count })),
    };
  } finally {
    await server.stop();
  }
}

/** Short reports of two kinds, each naming its own page: the batch the triage figure has been measured on since it began. */
function shortReports(): string[] {
  return Array.from({ length: triageReports }, (_, index) =>
    JSON.stringify({
      id: `r${index}`,
      title: index % 3 === 0 ? "Missing X-Frame-Options header on login page" : `Stored XSS in comment field ${index}`,
      body: `Steps to reproduce: open https://portal.openworx.nl/page/${index} and post <script>alert(${index})</script>. Impact: session theft.`,
      receivedAt: new Date(Date.UTC(2026, 10, 16, index % 24, index % 60)).toISOString(),
    }),
  );
}

/**
 * The labelled reports of data/triage.jsonl as they are stored (title and a body of up to 1,200 characters), taken in
 * turn: reports as long as real ones, which the short batch does not show.
 */
function labelledReports(count = triageReports): string[] {
  const stored = readFileSync("data/triage.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { title: string; body?: string });
  return Array.from({ length: count }, (_, index) => {
    const report = stored[index % stored.length]!;
    return JSON.stringify({ id: `r${index}`, title: report.title, body: report.body ?? "" });
  });
}

/** A batch file of reports, one a line, in the scratch folder, for `measureTriageCommand`. */
interface Batch {
  path: string;
  reports: number;
}

function writeBatch(name: string, lines: readonly string[]): Batch {
  const path = join(scratch, `${name}.jsonl`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, reports: lines.length };
}

/** The triage command as an operator runs it, start-up included, on a batch of reports. */
async function measureTriageCommand(
  batch: Batch,
  policy = "examples/openworx.yml",
  threadOptions: string[] = [],
): Promise<{ reportsPerSecond: number; seconds: number }> {
  return measureBatchProcess(batch, ["dist/cli/main.js", "triage", "--policy", policy, "--batch", batch.path, ...threadOptions]);
}

/** The same batch read by `reference-batch.ts`, a process that applies no policy: the machine's speed of the moment. */
async function measureReference(batch: Batch): Promise<{ reportsPerSecond: number; seconds: number }> {
  return measureBatchProcess(batch, [".build/bench/reference-batch.js", batch.path]);
}

async function measureBatchProcess({ reports }: Batch, args: string[]): Promise<{ reportsPerSecond: number; seconds: number }> {
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args[0]} exited with ${code}`);
  return { reportsPerSecond: reports / seconds, seconds };
}

interface TriageFigure {
  /** The median run's. */
  reportsPerSecond: number;
  slowest: number;
  fastest: number;
}

/**
 * Each measurement `triageCommandRuns` times, taken in turn, and its median: one run of the command on a machine
 * shared with other work varies by a tenth, and in turn a slow minute slows every measurement alike.
 */
async function measureTriageRuns<Name extends string>(
  measurements: Record<Name, () => Promise<{ reportsPerSecond: number }>>,
): Promise<Record<Name, TriageFigure>> {
  const names = Object.keys(measurements) as Name[];
  const runs = new Map<Name, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < triageCommandRuns; run++) {
    for (const name of names) runs.get(name)?.push((await measurements[name]()).reportsPerSecond);
  }
  const figures = {} as Record<Name, TriageFigure>;
  for (const name of names) {
    const sorted = [...(runs.get(name) ?? [])].sort((a, b) => a - b);
    figures[name] = { reportsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, slowest: sorted[0] ?? 0, fastest: sorted.at(-1) ?? 0 };
  }
  return figures;
}

function measureTriageInProcess(): number {
  const config = parseConfigText(readFileSync("examples/openworx.yml", "utf8")).config;
  const policy = compilePolicy(config);
  const started = performance.now();
  for (let index = 0; index < 5_000; index++) {
    triageWith(policy, {
      id: `r${index}`,
      title: `Stored XSS in comment field ${index}`,
      body: `Open https://portal.openworx.nl/page/${index} and post <script>alert(${index})</script>.`,
    });
    computeDeadlines({ receivedAt: new Date(Date.UTC(2026, 10, 16, index % 24)) }, config.sla, config.calendar);
  }
  return 5_000 / ((performance.now() - started) / 1000);
}

/** Two scheduled runs of `disclosure-desk sweep`, new processes sharing Redis: how many of the second's requests were 304s. */
async function measureSweep(): Promise<{ conditionalHits: number; requests: number; redis: boolean }> {
  const redis = haveRedisServer ? await startRedis() : undefined;
  const server = await startServer(deskEntry, deskNodeFlags);
  try {
    await load(server, 0, 20);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      APP_ID: String(server.world.app.id),
      PRIVATE_KEY: server.world.app.keys.privateKey,
      GHE_HOST: new URL(server.github.url).host,
      GHE_PROTOCOL: "http",
      GITHUB_THROTTLING: "off",
      LOG_LEVEL: "warn",
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    const runSweep = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["dist/cli/main.js", "sweep", "--dry-run"], { env, stdio: ["ignore", "pipe", "inherit"] });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`sweep exited with ${code}: ${output}`))));
      });
    await runSweep();
    const second = await runSweep();
    const summary = /(\d+) GitHub requests, (\d+) of them conditional hits/.exec(second);
    return {
      requests: Number(summary?.[1] ?? Number.NaN),
      conditionalHits: Number(summary?.[2] ?? Number.NaN),
      redis: redis !== undefined,
    };
  } finally {
    await server.stop();
    await redis?.stop();
  }
}

const loadBefore = loadavg()[0]!;
const short = writeBatch("short", shortReports());
const labelled = writeBatch("labelled", labelledReports());
// A backlog large enough that the command shares it among the machine's cores by default (its own threshold).
const largeLabelled = writeBatch("labelled-large", labelledReports(largeTriageReports));
// The same batches shared among all the machine's cores, measured in the same run: what that adds (by default a batch
// is shared only from 8 million characters, more than 10,000 labelled reports hold).
const allCores = ["--threads", String(Math.min(availableParallelism(), 8))];
const triageRuns = await measureTriageRuns({
  short: () => measureTriageCommand(short),
  labelled: () => measureTriageCommand(labelled),
  labelledMijnPartnerGroep: () => measureTriageCommand(labelled, "examples/mijnpartnergroep.yml"),
  labelledAllCores: () => measureTriageCommand(labelled, "examples/openworx.yml", allCores),
  labelledMijnPartnerGroepAllCores: () => measureTriageCommand(labelled, "examples/mijnpartnergroep.yml", allCores),
  labelledReference: () => measureReference(labelled),
  largeLabelled: () => measureTriageCommand(largeLabelled),
  largeLabelledMijnPartnerGroep: () => measureTriageCommand(largeLabelled, "examples/mijnpartnergroep.yml"),
});
const triageCommand = triageRuns.short;
const triageLabelled = triageRuns.labelled;
const triageLabelledMijnPartnerGroep = triageRuns.labelledMijnPartnerGroep;
const triageLabelledAllCores = triageRuns.labelledAllCores;
const triageLabelledMijnPartnerGroepAllCores = triageRuns.labelledMijnPartnerGroepAllCores;
const triageReference = triageRuns.labelledReference;
const triageLargeLabelled = triageRuns.largeLabelled;
const triageLargeLabelledMijnPartnerGroep = triageRuns.largeLabelledMijnPartnerGroep;
process.stderr.write(
  `triage command: ${triageCommand.reportsPerSecond.toFixed(0)} reports/s on short reports, ${triageLabelled.reportsPerSecond.toFixed(0)} on labelled ones, ` +
    `${triageLabelledMijnPartnerGroep.reportsPerSecond.toFixed(0)} on labelled ones under MijnPartnerGroep (${triageReports} reports each, start-up included; ` +
    `median of ${triageCommandRuns} runs)\n`,
);
const triageInProcessPerSecond = measureTriageInProcess();
const latency = await measureLatency();
const variedLatency = await measureVariedLatency();
const cpuProfile = profileOf("desk", latency.profileWindows.desk);
const bareCpuProfile = profileOf("bare", latency.profileWindows.bare);
const extraCpuByArea = extraMillisecondsByArea(cpuProfile, bareCpuProfile, intakes);
const sweep = await measureSweep();
const heap = heapCases > 1_000 ? await measureHeap(heapCases) : null;
const bareMemory = memoryCases > 0 ? await measureMemory(bareEntry, Math.min(memoryCases, 10_000)) : undefined;
// Bare Probot once more with the heap flags npm start gives Disclosure Desk: how much of the difference is the flags.
const bareMemoryWithDeskFlags =
  memoryCases > 0 && deskNodeFlags.length > 0 ? await measureMemory(bareEntry, Math.min(memoryCases, 10_000), deskNodeFlags) : undefined;
const deskMemory = memoryCases > 0 ? await measureMemory(deskEntry, memoryCases, deskNodeFlags) : undefined;
const loadAfter = loadavg()[0]!;
rmSync(scratch, { recursive: true, force: true });

const rss10k = deskMemory?.[10_000] ?? null;
const rss50k = deskMemory?.[50_000] ?? null;
const bareRss10k = bareMemory?.[10_000] ?? null;
const bareRss10kWithDeskFlags = bareMemoryWithDeskFlags?.[10_000] ?? null;
const { desk, bare, throughputRatio, p99Ratio } = latency;

const rows: [string, string, string][] = [
  ["intakes per second", desk.intakesPerSecond.toFixed(1), bare.intakesPerSecond.toFixed(1)],
  ["server CPU per intake (ms)", desk.cpuMsPerIntake.toFixed(1), bare.cpuMsPerIntake.toFixed(1)],
  ["stand-in and client CPU per intake (ms)", desk.standInCpuMsPerIntake.toFixed(1), bare.standInCpuMsPerIntake.toFixed(1)],
  ["latency p50 (ms)", desk.p50Ms.toFixed(1), bare.p50Ms.toFixed(1)],
  ["latency p99 (ms)", desk.p99Ms.toFixed(1), bare.p99Ms.toFixed(1)],
  ["GitHub calls per intake (steady)", desk.callsPerIntake.toFixed(2), bare.callsPerIntake.toFixed(2)],
  ["failed deliveries", String(desk.failures), String(bare.failures)],
  ["RSS after 10,000 cases (MB)", rss10k?.toFixed(0) ?? "-", bareRss10k?.toFixed(0) ?? "-"],
  ["  bare with the same Node flags", "", bareRss10kWithDeskFlags?.toFixed(0) ?? "-"],
];
console.log(`\n${"figure".padEnd(42)}${"Disclosure Desk".padStart(18)}${"bare Probot".padStart(14)}`);
for (const [name, ours, baseline] of rows) console.log(`${name.padEnd(42)}${ours.padStart(18)}${baseline.padStart(14)}`);
console.log(`throughput ratio (desk / bare, median of rounds): ${throughputRatio.toFixed(2)}; p99 ratio: ${p99Ratio.toFixed(2)}`);
console.log(
  `varied reports (${variedReporters} reporters, ${VARIED_REPORTS.length} kinds): throughput ratio ${variedLatency.throughputRatio.toFixed(2)}, ` +
    `p99 ratio ${variedLatency.p99Ratio.toFixed(2)}; server CPU per intake ${variedLatency.desk.cpuMsPerIntake.toFixed(1)} ms against ${variedLatency.bare.cpuMsPerIntake.toFixed(1)}`,
);
const perSecond = ({ reportsPerSecond, slowest, fastest }: TriageFigure) =>
  `${reportsPerSecond.toFixed(0)} (${slowest.toFixed(0)}–${fastest.toFixed(0)})`;
console.log(
  `triage command, median of ${triageCommandRuns} runs (slowest–fastest), start-up included: ${perSecond(triageCommand)} reports per second ` +
    `on ${triageReports} short reports, ${perSecond(triageLabelled)} on ${triageReports} labelled ones (data/triage.jsonl as stored), ` +
    `${perSecond(triageLabelledMijnPartnerGroep)} on the labelled ones under MijnPartnerGroep's policy, ` +
    `${perSecond(triageLabelledAllCores)} and ${perSecond(triageLabelledMijnPartnerGroepAllCores)} ` +
    `with the machine's ${availableParallelism()} cores sharing each batch`,
);
console.log(
  `triage reference, the labelled batch read with no policy (bench/reference-batch.ts): ${perSecond(triageReference)} reports per second; ` +
    `the command takes ${(triageReference.reportsPerSecond / triageLabelled.reportsPerSecond).toFixed(2)} times as long under Openworx's policy ` +
    `and ${(triageReference.reportsPerSecond / triageLabelledMijnPartnerGroep.reportsPerSecond).toFixed(2)} under MijnPartnerGroep's (medians)`,
);
console.log(
  `triage command on ${largeTriageReports} labelled reports, threads as the command chooses, start-up included: ` +
    `${perSecond(triageLargeLabelled)} reports per second under Openworx's policy, ${perSecond(triageLargeLabelledMijnPartnerGroep)} under MijnPartnerGroep's`,
);
if (deskMemory)
  console.log(
    `RSS by cases: ${Object.entries(deskMemory)
      .map(([cases, mb]) => `${cases}: ${mb.toFixed(0)} MB`)
      .join(", ")}`,
  );
console.log(`intake CPU by area: ${cpuProfile.byArea.map(({ area, selfPercent }) => `${area} ${selfPercent}%`).join(", ")}`);
console.log(
  `profiled busy time per intake: desk ${(cpuProfile.busyMs / intakes).toFixed(2)} ms, bare ${(bareCpuProfile.busyMs / intakes).toFixed(2)} ms; ` +
    `where the desk spends more: ${extraCpuByArea
      .slice(0, 8)
      .map(({ area, extraMs }) => `${area} ${extraMs >= 0 ? "+" : ""}${extraMs.toFixed(2)}`)
      .join(", ")}`,
);
console.log(
  `sweep: second scheduled run ${sweep.requests} requests, ${sweep.conditionalHits} conditional hits${sweep.redis ? "" : " (no redis-server: each run starts cold)"}`,
);
console.log(
  JSON.stringify({
    intakes,
    concurrency,
    callsPerIntake: desk.callsPerIntake,
    bareCallsPerIntake: bare.callsPerIntake,
    throughputRatio,
    p99Ratio,
    rss10k,
    rss50k,
    bareRss10k,
    rssRatio: rss10k !== null && bareRss10k !== null ? rss10k / bareRss10k : null,
    deskNodeFlags,
    bareRss10kWithDeskFlags,
    triagePerSecond: triageCommand.reportsPerSecond,
    triageLabelledPerSecond: triageLabelled.reportsPerSecond,
    triageLabelledMijnPartnerGroepPerSecond: triageLabelledMijnPartnerGroep.reportsPerSecond,
    triageLabelledAllCoresPerSecond: triageLabelledAllCores.reportsPerSecond,
    triageLabelledMijnPartnerGroepAllCoresPerSecond: triageLabelledMijnPartnerGroepAllCores.reportsPerSecond,
    triageReferencePerSecond: triageReference.reportsPerSecond,
    triageLargeLabelledPerSecond: triageLargeLabelled.reportsPerSecond,
    triageLargeLabelledMijnPartnerGroepPerSecond: triageLargeLabelledMijnPartnerGroep.reportsPerSecond,
    triageInProcessPerSecond,
    sweepConditionalHits: sweep.conditionalHits,
    sweepRequests: sweep.requests,
    sweepWithRedis: sweep.redis,
    desk,
    bare,
    rounds: latency.rounds,
    varied: {
      throughputRatio: variedLatency.throughputRatio,
      p99Ratio: variedLatency.p99Ratio,
      desk: variedLatency.desk,
      bare: variedLatency.bare,
      rounds: variedLatency.rounds,
    },
    memory: deskMemory
      ? {
          cases: memoryCases,
          rssByCases: deskMemory,
          bareRssByCases: bareMemory ?? null,
          bareWithDeskFlagsRssByCases: bareMemoryWithDeskFlags ?? null,
        }
      : null,
    heap,
    cpuProfile,
    bareCpuProfile,
    extraCpuByArea,
    loadAverage: { before: loadBefore, after: loadAfter },
  }),
);
