import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseConfigText } from "../src/config/load.js";
import { compilePolicy, triageWith } from "../src/policy/index.js";
import { computeDeadlines } from "../src/sla/index.js";
import { repositoryAdvisoryReportedPayload } from "../test/fixtures/webhook-payloads.js";
import type { RepositoryAdvisoryObject } from "../test/fixtures/github-objects.js";
import { seedFixtureWorld } from "../test/harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../test/harness/standin/server.js";
import { startApp, type AppProcess } from "../test/e2e/support/app-process.js";
import { ghsaIdFor, openworxConfig, WEBHOOK_SECRET } from "../test/e2e/support/world.js";

/**
 * `npm run bench`: Disclosure Desk against a bare Probot app that makes the same GitHub calls, both served by the
 * local GitHub stand-in on 127.0.0.1, in one run. Prints a table, then one JSON line with every figure.
 * BENCH_INTAKES (default 300) sets the measured intakes, BENCH_CASES (default 10000) the memory run.
 */

const intakes = Number(process.env.BENCH_INTAKES ?? 300);
const memoryCases = Number(process.env.BENCH_CASES ?? 10_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

interface LoadResult {
  intakesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  callsPerIntake: number;
}

async function startServer(github: StandIn, appId: number, privateKey: string, entry: string): Promise<AppProcess> {
  return startApp({
    appId,
    privateKey,
    webhookSecret: WEBHOOK_SECRET,
    gitHubHost: new URL(github.url).host,
    command: [process.execPath, entry],
    env: { LOG_LEVEL: "warn" },
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function load(app: AppProcess, github: StandIn, advisoryRepository: string, offset: number, count: number): Promise<LoadResult> {
  const payloads = Array.from({ length: count }, (_, index) => {
    const ghsaId = ghsaIdFor(offset + index);
    const payload = repositoryAdvisoryReportedPayload({ repository_advisory: { ghsa_id: ghsaId } });
    github.state.adoptAdvisory(advisoryRepository, payload.repository_advisory as unknown as RepositoryAdvisoryObject);
    return payload;
  });
  const callsBefore = github.journal.entries.length;
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < payloads.length) {
        const payload = payloads[next++];
        const sent = performance.now();
        const response = await app.sendWebhook("repository_advisory", payload);
        latencies.push(performance.now() - sent);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const calls = github.journal.entries.slice(callsBefore).filter((entry) => !entry.path.endsWith("/access_tokens")).length;
  latencies.sort((a, b) => a - b);
  return {
    intakesPerSecond: count / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures,
    callsPerIntake: calls / count,
  };
}

function rssMegabytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

async function measureServer(entry: string, label: string) {
  const github = await startStandIn();
  const world = seedFixtureWorld(github.state, { config: openworxConfig("octo-org/security-cases") });
  const app = await startServer(github, world.app.id, world.app.keys.privateKey, entry);
  try {
    await load(app, github, world.advisoryRepository, 0, 20); // warm-up: JIT, token, caches
    const steady = await load(app, github, world.advisoryRepository, 1_000, intakes);
    process.stderr.write(`${label}: ${steady.intakesPerSecond.toFixed(1)} intakes/s\n`);
    return { steady, rssMb: rssMegabytes(app.pid) };
  } finally {
    await app.stop();
    await github.close();
  }
}

async function measureMemory() {
  const github = await startStandIn();
  const world = seedFixtureWorld(github.state, { config: openworxConfig("octo-org/security-cases") });
  const app = await startServer(github, world.app.id, world.app.keys.privateKey, "dist/server.js");
  try {
    const startRss = rssMegabytes(app.pid);
    const batch = 1_000;
    for (let done = 0; done < memoryCases; done += batch) {
      await load(app, github, world.advisoryRepository, 100_000 + done, Math.min(batch, memoryCases - done));
      github.journal.clear();
      process.stderr.write(`memory run: ${Math.min(done + batch, memoryCases)}/${memoryCases} cases, RSS ${rssMegabytes(app.pid).toFixed(0)} MB\n`);
    }
    return { startRssMb: startRss, endRssMb: rssMegabytes(app.pid) };
  } finally {
    await app.stop();
    await github.close();
  }
}

function measureTriage() {
  const config = parseConfigText(readFileSync("examples/openworx.yml", "utf8")).config;
  const policy = compilePolicy(config);
  const reports = Array.from({ length: 5_000 }, (_, index) => ({
    id: `r${index}`,
    title: index % 3 === 0 ? "Missing X-Frame-Options header on login page" : `Stored XSS in comment field ${index}`,
    body: `Steps to reproduce: open https://portal.openworx.nl/page/${index} and post <script>alert(${index})</script>. Impact: session theft.`,
  }));
  const started = performance.now();
  for (const [position, report] of reports.entries()) {
    triageWith(policy, report);
    computeDeadlines({ receivedAt: new Date(Date.UTC(2026, 10, 16, position % 24)) }, config.sla, config.calendar);
  }
  return reports.length / ((performance.now() - started) / 1000);
}

const triagePerSecond = measureTriage();
process.stderr.write(`triage: ${triagePerSecond.toFixed(0)} reports/s\n`);
const bare = await measureServer(".build/bench/bare-server.js", "bare Probot baseline");
const desk = await measureServer("dist/server.js", "Disclosure Desk");
const memory = memoryCases > 0 ? await measureMemory() : undefined;

const rows: [string, string, string][] = [
  ["intakes per second", desk.steady.intakesPerSecond.toFixed(1), bare.steady.intakesPerSecond.toFixed(1)],
  ["latency p50 (ms)", desk.steady.p50Ms.toFixed(1), bare.steady.p50Ms.toFixed(1)],
  ["latency p99 (ms)", desk.steady.p99Ms.toFixed(1), bare.steady.p99Ms.toFixed(1)],
  ["GitHub calls per intake (steady)", desk.steady.callsPerIntake.toFixed(2), bare.steady.callsPerIntake.toFixed(2)],
  ["failed deliveries", String(desk.steady.failures), String(bare.steady.failures)],
  ["RSS after the run (MB)", desk.rssMb.toFixed(0), bare.rssMb.toFixed(0)],
];
console.log(`\n${"figure".padEnd(34)}${"Disclosure Desk".padStart(18)}${"bare Probot".padStart(14)}`);
for (const [name, ours, baseline] of rows) console.log(`${name.padEnd(34)}${ours.padStart(18)}${baseline.padStart(14)}`);
console.log(`throughput ratio (desk / bare): ${(desk.steady.intakesPerSecond / bare.steady.intakesPerSecond).toFixed(2)}`);
console.log(`triage + deadlines: ${triagePerSecond.toFixed(0)} reports per second`);
if (memory) console.log(`RSS over ${memoryCases} cases: ${memory.startRssMb.toFixed(0)} MB → ${memory.endRssMb.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    intakes,
    concurrency,
    desk: { ...desk.steady, rssMb: desk.rssMb },
    bare: { ...bare.steady, rssMb: bare.rssMb },
    throughputRatio: desk.steady.intakesPerSecond / bare.steady.intakesPerSecond,
    triagePerSecond,
    memory: memory ? { cases: memoryCases, ...memory } : null,
  }),
);
