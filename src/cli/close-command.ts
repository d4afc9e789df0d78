import { ProbotOctokit, type Logger, type Probot } from "probot";
import { pino } from "pino";
import type { CaseRecord } from "../case/case-record.js";
import { ConversationGateway } from "../github/conversation-gateway.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { everyInstallation, failureReason } from "../github/installations.js";
import { invalidReasons, isInvalidReason, type InvalidReason } from "../policy/reject-reasons.js";
import { planCommand } from "../commands/plan-command.js";
import { loadPinnedConfig } from "../config/pinned-config.js";
import { executeCommentPlan } from "../commands/execute-command.js";
import { indexedCase } from "../case/case-index.js";
import type { CaseLocks } from "../case/case-locks.js";
import { loadInstallationPolicies } from "../sweep/run.js";
import { commandStores } from "./command-stores.js";
import { appCredentials, commandProbot, type SweepCommandIo } from "./sweep-command.js";

const USAGE =
  "usage: disclosure-desk close --where <search qualifiers> [--older-than <Nd>] [--reason invalid|unverified-claims|no-reproduction] [--dry-run]";
/** GitHub's search returns at most 1,000 results per query; a backlog larger than that takes more than one run. */
const MAX_RESULTS_PER_REPOSITORY = 1_000;
const PROGRESS_WIDTH = 30;

export interface CloseArguments {
  where: string;
  olderThanDays: number | undefined;
  reason: InvalidReason;
  dryRun: boolean;
}

/** What tests replace: Octokit (to turn throttling off) and the logger. */
export interface CloseCommandOverrides {
  Octokit?: typeof ProbotOctokit;
  log?: Logger;
}

/**
 * `disclosure-desk close --where 'label:evidence:none' --older-than 14d [--dry-run]`: closes a backlog of junk
 * reports the way `/disclosure reject <reason>` does — the same record, labels and message to the researcher, quoting
 * the policy each case was submitted under — in every private tracking repository of every installation. GitHub's
 * search finds the candidates; each is then read again under its lock and closed only when it is the app's sealed
 * case, still awaiting its evaluation (triage or needs-info), carries every `label:` the query names and was received
 * before the cut-off. A line per case on stdout, a progress bar on stderr, a summary at the end.
 */
export async function runCloseCommand(args: string[], io: SweepCommandIo, overrides: CloseCommandOverrides = {}): Promise<number> {
  const parsed = parseCloseArguments(args);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const credentials = await appCredentials(io);
  if (typeof credentials === "string") {
    io.stderr(`disclosure-desk close: ${credentials}\n`);
    return 2;
  }
  const log = overrides.log ?? pino({ level: io.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const probot = await commandProbot(io, credentials, overrides, log);
  const { cache, locks, close } = await commandStores(io.env);
  const now = io.now();
  try {
    const totals = await closeEveryInstallation(probot, { ...parsed, now, cache, locks, io, log });
    const verb = parsed.dryRun ? "would close" : "closed";
    io.stdout(
      `close${parsed.dryRun ? " (dry run, nothing changed)" : ""}: ${verb} ${totals.closed} cases as ${parsed.reason}; ${totals.skipped} found by the search left open; ${totals.failed} installations failed\n`,
    );
    return totals.failed > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

export function parseCloseArguments(args: string[]): CloseArguments | string {
  let where: string | undefined;
  let olderThanDays: number | undefined;
  let reason: InvalidReason = "no-reproduction";
  let dryRun = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--where" && value !== undefined) {
      where = value;
      index += 1;
    } else if (arg === "--older-than" && value !== undefined) {
      const days = /^(\d{1,4})d$/.exec(value)?.[1];
      if (days === undefined) return `--older-than takes a number of days such as 14d, got "${value}"`;
      olderThanDays = Number(days);
      index += 1;
    } else if (arg === "--reason" && value !== undefined) {
      if (!isInvalidReason(value)) return `--reason is one of ${invalidReasons.join(", ")}, got "${value}"`;
      reason = value;
      index += 1;
    } else return `unknown or incomplete option "${arg}"`;
  }
  if (where === undefined || where.trim() === "") return "--where with search qualifiers is required, e.g. --where 'label:evidence:none'";
  return { where, olderThanDays, reason, dryRun };
}

/** The labels a query's `label:` qualifiers name: each is checked on the issue itself, since search is approximate. */
export function labelsNamedIn(where: string): string[] {
  return [...where.matchAll(/(?:^|\s)label:(?:"([^"]+)"|(\S+))/g)].map((match) => match[1] ?? match[2] ?? "").filter(Boolean);
}

/** Whether a found case may be closed: awaiting evaluation, labelled as the query says, received before the cut-off. */
export function closeCandidate(
  record: CaseRecord,
  labels: readonly string[],
  arguments_: Pick<CloseArguments, "where" | "olderThanDays">,
  now: Date,
): string | undefined {
  if (record.state !== "triage" && record.state !== "needs-info") return `in state ${record.state}`;
  const missing = labelsNamedIn(arguments_.where).filter((label) => !labels.includes(label));
  if (missing.length > 0) return `not labelled ${missing.join(", ")}`;
  if (arguments_.olderThanDays !== undefined && now.getTime() - Date.parse(record.receivedAt) < arguments_.olderThanDays * 86_400_000) {
    return `received less than ${arguments_.olderThanDays} days ago`;
  }
  return undefined;
}

export function progressBar(done: number, total: number): string {
  const filled = total === 0 ? PROGRESS_WIDTH : Math.round((done / total) * PROGRESS_WIDTH);
  return `\r[${"#".repeat(filled)}${".".repeat(PROGRESS_WIDTH - filled)}] ${done}/${total}`;
}

interface CloseRun extends CloseArguments {
  now: Date;
  cache: GatewayCache;
  locks: CaseLocks;
  io: SweepCommandIo;
  log: Logger;
}

interface Found {
  installationId: number;
  octokit: Awaited<ReturnType<Probot["auth"]>>;
  repository: RepositoryRef;
  number: number;
}

async function closeEveryInstallation(probot: Probot, run: CloseRun): Promise<{ closed: number; skipped: number; failed: number }> {
  const found: Found[] = [];
  let failed = 0;
  for await (const installation of everyInstallation(probot)) {
    try {
      const octokit = await installation.octokit();
      const gateway = new GitHubGateway(octokit, run.cache, installation.id, () => run.now.getTime());
      const { trackingPolicies } = await loadInstallationPolicies(gateway);
      for (const trackingName of trackingPolicies.keys()) {
        const repository = parseRepository(trackingName);
        if (!(await gateway.isPrivateRepository(repository))) continue;
        for (const number of await gateway.searchOpenCases(repository, run.where, MAX_RESULTS_PER_REPOSITORY))
          found.push({ installationId: installation.id, octokit, repository, number });
      }
    } catch (error) {
      failed += 1;
      run.log.error({ err: error, installation: installation.id }, "close: an installation failed");
      run.io.stderr(`installation ${installation.id}: failed: ${failureReason(error)}\n`);
    }
  }
  let closed = 0;
  let skipped = 0;
  for (const [index, candidate] of found.entries()) {
    run.io.stderr(progressBar(index, found.length));
    if (await closeOne(candidate, run)) closed += 1;
    else skipped += 1;
  }
  run.io.stderr(`${progressBar(found.length, found.length)}\n`);
  return { closed, skipped, failed };
}

/** Reads the case again under its lock and closes it as `/disclosure reject <reason>` would. */
async function closeOne(candidate: Found, run: CloseRun): Promise<boolean> {
  const { repository, number, octokit, installationId } = candidate;
  const name = `${repository.owner}/${repository.repo}#${number}`;
  const gateway = new ConversationGateway(octokit, run.cache, installationId, () => run.now.getTime());
  const first = await gateway.readIssue(repository, number);
  if (first.reading.status !== "found" || !first.reading.sealed) {
    run.io.stdout(`${name}: left open: not one of the app's sealed cases\n`);
    return false;
  }
  const caseKey = first.reading.record.key;
  return run.locks.withLock(`case:${caseKey}`, async () => {
    const issue = await gateway.readIssue(repository, number);
    const { reading } = issue;
    if (reading.status !== "found" || !reading.sealed || reading.record.key !== caseKey)
      return leftOpen(run, name, caseKey, "changed while closing");
    const { record } = reading;
    if (record.channel !== "advisory") return leftOpen(run, name, caseKey, "an e-mail or contained case: close it with /disclosure reject");
    const configReader = new GitHubGateway(octokit, run.cache, installationId, () => run.now.getTime());
    const { config } = await loadPinnedConfig(
      (ref) => configReader.readConfigFile(ref),
      (ref, sha) => gateway.readBlob(ref, sha),
      parseRepository(record.source.repository),
      record.policyVersion,
    );
    if (config.tracking.repository?.toLowerCase() !== `${repository.owner}/${repository.repo}`.toLowerCase())
      return leftOpen(run, name, caseKey, "its policy keeps its cases elsewhere");
    const refusal = closeCandidate(record, issue.labels, run, run.now);
    if (refusal !== undefined) return leftOpen(run, name, caseKey, refusal);
    if (run.dryRun) {
      run.io.stdout(`${name} (${caseKey}): would close as ${run.reason}\n`);
      return true;
    }
    const advisory = { ...parseRepository(record.source.repository), ghsaId: record.source.ghsaId ?? caseKey };
    const advisoryNow = await gateway.readAdvisory(advisory);
    const plan = planCommand({
      command: { name: "reject", invalid: run.reason },
      line: `disclosure-desk close --reason ${run.reason}`,
      record,
      labels: issue.labels,
      config,
      actor: "disclosure-desk close",
      now: run.now,
      ...(advisoryNow?.author === undefined ? {} : { researcher: advisoryNow.author }),
      messageKey: `close:${caseKey}:${run.reason}`,
    });
    if (plan.outcome.status !== "done") return leftOpen(run, name, caseKey, plan.reasons.join("; "));
    await executeCommentPlan(
      gateway,
      { reasons: plan.reasons, actions: plan.actions, acted: true },
      {
        tracking: repository,
        issue,
        advisory,
        advisoryUrl: advisoryNow?.htmlUrl ?? record.source.url ?? "",
        language: config.language,
        commentCreatedAt: run.now.toISOString(),
      },
      run.log,
    );
    await run.cache.caseIndex.put(installationId, indexedCase(`${repository.owner}/${repository.repo}`, number, plan.record));
    run.io.stdout(`${name} (${caseKey}): closed as ${run.reason}\n`);
    return true;
  });
}

function leftOpen(run: CloseRun, name: string, caseKey: string, why: string): false {
  run.io.stdout(`${name} (${caseKey}): left open: ${why}\n`);
  return false;
}
