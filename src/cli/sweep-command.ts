import { Probot, ProbotOctokit, type Logger } from "probot";
import { pino } from "pino";
import { createRedisSweepCache } from "../runtime/redis-sweep-cache.js";
import { sweepEveryInstallation, type EveryInstallationResult } from "../sweep/every-installation.js";
import type { CliIo } from "./io.js";
import { commandStores } from "./command-stores.js";
import { octokitForEnvironment } from "../github/octokit.js";
import { caseSecretFrom } from "../case/trust.js";
import { judgeRestoredIssues, learnBotLogin, type CaseTrust } from "../github/case-trust.js";
import { outboundRulesFrom } from "../email/email-settings.js";
import { createSmtpMailer } from "../email/smtp-mailer.js";

const USAGE = "usage: disclosure-desk sweep [--now <ISO time>] [--dry-run] [--max-requests <n per installation>]";
const DEFAULT_MAX_REQUESTS = 1_000;

export interface SweepCommandIo extends CliIo {
  /** APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GHE_HOST, GHE_PROTOCOL, REDIS_URL, LOG_LEVEL — as for the server. */
  env: Record<string, string | undefined>;
}

/** What tests replace: Octokit (to turn throttling off), the logger, and the trust an Octokit override judges with. */
export interface SweepCommandOverrides {
  Octokit?: typeof ProbotOctokit;
  log?: Logger;
  trust?: CaseTrust;
}

interface SweepArguments {
  now: Date | undefined;
  dryRun: boolean;
  maxRequests: number;
}

/**
 * `disclosure-desk sweep`: one SLA sweep over every installation of the app, for a scheduled workflow or cron.
 * A line per installation on stdout, a summary at the end; exit code 1 when an installation failed (the others
 * are still swept), 2 on a usage or credentials problem.
 */
export async function runSweepCommand(args: string[], io: SweepCommandIo, overrides: SweepCommandOverrides = {}): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const credentials = await appCredentials(io);
  if (typeof credentials === "string") {
    io.stderr(`disclosure-desk sweep: ${credentials}\n`);
    return 2;
  }
  const log = overrides.log ?? pino({ level: io.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const trust = overrides.trust ?? commandTrust(io, credentials);
  const probot = await commandProbot(io, credentials, overrides, log, trust);
  // The case index this sweep builds is the one the server reads: in Redis when the server has it.
  const stores = await commandStores(io.env);
  const { cache } = stores;
  const remembered = stores.redis ? createRedisSweepCache(stores.redis) : undefined;
  const now = parsed.now ?? io.now();
  try {
    await remembered?.restore(cache, (items) => judgeRestoredIssues(items, trust));
    const result = await sweepEveryInstallation(probot, {
      now,
      dryRun: parsed.dryRun,
      maxRequests: parsed.maxRequests,
      locks: stores.locks,
      cache,
      log,
      ...(io.env.SMTP_URL ? { mailer: createSmtpMailer(io.env.SMTP_URL, outboundRulesFrom(io.env)) } : {}),
      report: (line) => io.stdout(`${line}\n`),
      secret: trust.secret,
    });
    await remembered?.save(cache);
    io.stdout(`${summaryLine(result, now, parsed.dryRun)}\n`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    await stores.close();
  }
}

function summaryLine(result: EveryInstallationResult, now: Date, dryRun: boolean): string {
  const { totals } = result;
  return `sweep ${dryRun ? "(dry run) " : ""}at ${now.toISOString()}: ${result.installations} installations (${result.failed} failed), ${totals.openCases} open cases, ${totals.casesWithActions} with actions, ${totals.posted} messages posted, ${totals.casesOpened} missed reports opened, ${totals.deferred} deferred to the next run, ${totals.githubRequests} GitHub requests, ${totals.conditionalHits} of them conditional hits (304)`;
}

function parseArguments(args: string[]): SweepArguments | string {
  const parsed: SweepArguments = { now: undefined, dryRun: false, maxRequests: DEFAULT_MAX_REQUESTS };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--dry-run") parsed.dryRun = true;
    else if (arg === "--now") {
      const value = args[++index];
      const now = value === undefined ? Number.NaN : Date.parse(value);
      if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(now))
        return `--now needs an ISO 8601 time such as 2026-11-27T09:00:00Z`;
      parsed.now = new Date(now);
    } else if (arg === "--max-requests") {
      const value = Number(args[++index]);
      if (!Number.isInteger(value) || value < 1) return "--max-requests needs a positive whole number";
      parsed.maxRequests = value;
    } else return `unknown argument: ${arg}`;
  }
  return parsed;
}

/**
 * The command's Probot, as trusting as the server: its GitHub client seals and judges case blocks with the same key
 * (CASE_SECRET, else the private key) and knows the app's bot account (one `GET /app`).
 */
export async function commandProbot(
  io: SweepCommandIo,
  credentials: { appId: number; privateKey: string; baseUrl?: string },
  overrides: SweepCommandOverrides,
  log: Logger,
  trust: CaseTrust = commandTrust(io, credentials),
): Promise<Probot> {
  const probot = new Probot({ ...credentials, Octokit: overrides.Octokit ?? octokitForEnvironment(io.env, trust), log });
  if (!overrides.Octokit) await learnBotLogin(await probot.auth(), trust.identity);
  return probot;
}

/** Who the app is and its seal key, as the server has them: CASE_SECRET, else derived from the private key. */
export function commandTrust(io: SweepCommandIo, credentials: { appId: number; privateKey: string }): CaseTrust {
  return {
    identity: { appId: credentials.appId },
    secret: caseSecretFrom({ caseSecret: io.env.CASE_SECRET, privateKey: credentials.privateKey }),
  };
}

/** The app's credentials from the environment, as the server reads them; a sentence when they are incomplete. */
export async function appCredentials(io: SweepCommandIo): Promise<{ appId: number; privateKey: string; baseUrl?: string } | string> {
  const { env } = io;
  if (!env.APP_ID || !/^\d+$/.test(env.APP_ID)) return "APP_ID must be set to the GitHub App's id";
  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = await io.readFile(env.PRIVATE_KEY_PATH);
    } catch (error) {
      return `cannot read PRIVATE_KEY_PATH: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (!privateKey) return "PRIVATE_KEY (or PRIVATE_KEY_PATH) must be set to the GitHub App's private key";
  if (env.GHE_PROTOCOL && !["http", "https"].includes(env.GHE_PROTOCOL))
    return `GHE_PROTOCOL must be http or https, got "${env.GHE_PROTOCOL}"`;
  return {
    appId: Number(env.APP_ID),
    privateKey,
    ...(env.GHE_HOST ? { baseUrl: `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3` } : {}),
  };
}
