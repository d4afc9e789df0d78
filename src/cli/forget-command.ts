import { ProbotOctokit, type Logger } from "probot";
import { pino } from "pino";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { appBotLogin } from "../github/app-client.js";
import { everyInstallation, failureReason } from "../github/installations.js";
import {
  countMentions,
  forgetInText,
  forgetInTrackingIssueBody,
  identifierProblem,
  mentionsInTrackingIssueBody,
  type ResearcherIdentifiers,
} from "../privacy/forget.js";
import type { CaseLocks } from "../case/case-locks.js";
import { loadInstallationPolicies } from "../sweep/run.js";
import { commandStores } from "./command-stores.js";
import { appCredentials, commandProbot, type SweepCommandIo } from "./sweep-command.js";

const FORGET_USAGE = "usage: disclosure-desk forget <login | name | e-mail>... [--dry-run]";
const EXPORT_USAGE = "usage: disclosure-desk export <login | name | e-mail>...";

/** What tests replace: Octokit (to turn throttling off) and the logger. */
export interface PrivacyCommandOverrides {
  Octokit?: typeof ProbotOctokit;
  log?: Logger;
}

/** Where one case mentions the researcher. */
export interface CaseMentions {
  installation: number;
  repository: string;
  issue: number;
  url: string;
  caseKey: string | null;
  /** In the issue body outside the case block. */
  body: number;
  /** In the case block: a credit name or login, kept when the researcher is forgotten. */
  caseBlock: number;
  comments: { id: number; url: string; byApp: boolean; mentions: number }[];
}

/**
 * `disclosure-desk export <researcher>...`: what Disclosure Desk holds about a researcher — every case whose private
 * tracking issue mentions one of their identifiers, and where (body, case block, each comment) — as JSON.
 */
export async function runExportCommand(args: string[], io: SweepCommandIo, overrides: PrivacyCommandOverrides = {}): Promise<number> {
  const researcher = parseIdentifiers(args, false);
  if (typeof researcher === "string") {
    io.stderr(`${researcher}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const session = await openSession("export", io, overrides);
  if (typeof session === "string") return 2;
  try {
    const cases: CaseMentions[] = [];
    const failed = await session.forEachTrackingIssue(async (found) => {
      const mentions = await mentionsOf(found, researcher.identifiers);
      if (mentions.body + mentions.caseBlock + mentions.comments.length > 0) cases.push(mentions);
    });
    io.stdout(`${JSON.stringify({ researcher: researcher.identifiers.identifiers, cases }, null, 2)}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await session.close();
  }
}

/**
 * `disclosure-desk forget <researcher>... [--dry-run]`: replaces the researcher's login, name and addresses with a
 * neutral placeholder in every private tracking issue of every installation — the body outside the case block and
 * the app's own comments — under each case's lock. The case block, and so the case, stays. Maintainers' comments
 * are people's own words: their mentions are counted and printed, not changed. A line per case changed, a summary.
 */
export async function runForgetCommand(args: string[], io: SweepCommandIo, overrides: PrivacyCommandOverrides = {}): Promise<number> {
  const parsed = parseIdentifiers(args, true);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n${FORGET_USAGE}\n`);
    return 2;
  }
  const session = await openSession("forget", io, overrides);
  if (typeof session === "string") return 2;
  const totals = { cases: 0, replacements: 0, keptInCaseBlocks: 0, inMaintainerComments: 0 };
  try {
    const failed = await session.forEachTrackingIssue(async (found) => {
      const mentions = await mentionsOf(found, parsed.identifiers);
      const byApp = mentions.comments.filter((comment) => comment.byApp);
      const byPeople = mentions.comments.filter((comment) => !comment.byApp).reduce((sum, comment) => sum + comment.mentions, 0);
      totals.keptInCaseBlocks += mentions.caseBlock;
      totals.inMaintainerComments += byPeople;
      if (mentions.body === 0 && byApp.length === 0) return;
      const changes = parsed.dryRun ? plannedChanges(mentions, byApp) : await forgetInCase(found, parsed.identifiers, session.locks);
      if (changes.total === 0) return;
      totals.cases += 1;
      totals.replacements += changes.total;
      const kept = [
        mentions.caseBlock > 0 ? `${mentions.caseBlock} kept in the case block` : "",
        byPeople > 0 ? `${byPeople} in maintainers' comments not changed` : "",
      ].filter(Boolean);
      io.stdout(
        `${found.repository.owner}/${found.repository.repo}#${found.number} (${mentions.caseKey ?? "no case block"}): ${changes.parts.join(", ")}${kept.length > 0 ? `; ${kept.join(", ")}` : ""}\n`,
      );
    });
    io.stdout(
      `forget${parsed.dryRun ? " (dry run, nothing changed)" : ""}: ${totals.replacements} replacements in ${totals.cases} cases; ` +
        `${totals.keptInCaseBlocks} mentions kept in case blocks, ${totals.inMaintainerComments} in maintainers' comments not changed\n`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    await session.close();
  }
}

interface TrackingIssueFound {
  installation: number;
  gateway: GitHubGateway;
  botLogin: string;
  repository: RepositoryRef;
  number: number;
  url: string;
  body: string;
  caseKey: string | null;
}

interface Session {
  locks: CaseLocks;
  /** Calls `visit` for every tracking issue in every private tracking repository; returns how many installations failed. */
  forEachTrackingIssue(visit: (found: TrackingIssueFound) => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

async function openSession(command: string, io: SweepCommandIo, overrides: PrivacyCommandOverrides): Promise<Session | string> {
  const credentials = await appCredentials(io);
  if (typeof credentials === "string") {
    io.stderr(`disclosure-desk ${command}: ${credentials}\n`);
    return credentials;
  }
  const log = overrides.log ?? pino({ level: io.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const probot = await commandProbot(io, credentials, overrides, log);
  const { cache, locks, close } = await commandStores(io.env);
  return {
    locks,
    async forEachTrackingIssue(visit) {
      const appOctokit = await probot.auth();
      // Without a slug GitHub named no bot account: no comment then counts as the app's.
      const botLogin = (await appBotLogin(appOctokit)) ?? "[bot]";
      let failed = 0;
      for await (const installation of everyInstallation(probot, appOctokit)) {
        try {
          const octokit = await installation.octokit();
          const gateway = new GitHubGateway(octokit, cache, installation.id);
          const { trackingPolicies } = await loadInstallationPolicies(gateway);
          for (const trackingName of trackingPolicies.keys()) {
            const repository = parseRepository(trackingName);
            // Report content is only ever written to private tracking repositories; a public one holds none.
            if (!(await gateway.isPrivateRepository(repository))) continue;
            for (const issue of await gateway.listCases(repository)) {
              const caseKey = issue.reading.status === "found" ? issue.reading.record.key : null;
              await visit({
                installation: installation.id,
                gateway,
                botLogin,
                repository,
                number: issue.number,
                url: issue.url,
                body: issue.body,
                caseKey,
              });
            }
          }
        } catch (error) {
          failed += 1;
          log.error({ err: error, installation: installation.id }, "privacy command failed for an installation");
          io.stderr(`installation ${installation.id}: failed: ${failureReason(error)}\n`);
        }
      }
      return failed;
    },
    close,
  };
}

async function mentionsOf(found: TrackingIssueFound, researcher: ResearcherIdentifiers): Promise<CaseMentions> {
  const inBody = mentionsInTrackingIssueBody(found.body, researcher);
  const comments = (await found.gateway.listIssueComments(found.repository, found.number))
    .map((comment) => ({
      id: comment.id,
      url: comment.url,
      byApp: comment.author === found.botLogin,
      mentions: countMentions(comment.body, researcher),
    }))
    .filter((comment) => comment.mentions > 0);
  return {
    installation: found.installation,
    repository: `${found.repository.owner}/${found.repository.repo}`,
    issue: found.number,
    url: found.url,
    caseKey: found.caseKey,
    body: inBody.outsideCaseBlock,
    caseBlock: inBody.inCaseBlock,
    comments,
  };
}

interface CaseChanges {
  total: number;
  parts: string[];
}

function plannedChanges(mentions: CaseMentions, byApp: CaseMentions["comments"]): CaseChanges {
  const parts = [
    ...(mentions.body > 0 ? [`issue body ${mentions.body}`] : []),
    ...byApp.map((comment) => `comment ${comment.id} ${comment.mentions}`),
  ];
  return { total: mentions.body + byApp.reduce((sum, comment) => sum + comment.mentions, 0), parts };
}

/** Under the case's lock, reads the issue and the app's comments afresh and writes back only what changed. */
async function forgetInCase(found: TrackingIssueFound, researcher: ResearcherIdentifiers, locks: CaseLocks): Promise<CaseChanges> {
  const work = async (): Promise<CaseChanges> => {
    const changes: CaseChanges = { total: 0, parts: [] };
    const fresh = await found.gateway.getOpenCase(found.repository, found.number);
    const body = forgetInTrackingIssueBody(fresh.body, researcher);
    if (body.replacements > 0) {
      await found.gateway.updateTrackingIssue(found.repository, found.number, { body: body.text });
      changes.total += body.replacements;
      changes.parts.push(`issue body ${body.replacements}`);
    }
    for (const comment of await found.gateway.listIssueComments(found.repository, found.number)) {
      if (comment.author !== found.botLogin) continue;
      const forgotten = forgetInText(comment.body, researcher);
      if (forgotten.replacements === 0) continue;
      await found.gateway.updateIssueComment(found.repository, comment.id, forgotten.text);
      changes.total += forgotten.replacements;
      changes.parts.push(`comment ${comment.id} ${forgotten.replacements}`);
    }
    return changes;
  };
  return found.caseKey ? locks.withLock(`case:${found.caseKey}`, work) : work();
}

function parseIdentifiers(args: string[], allowDryRun: boolean): { identifiers: ResearcherIdentifiers; dryRun: boolean } | string {
  const identifiers: string[] = [];
  let dryRun = false;
  for (const arg of args) {
    if (arg === "--dry-run" && allowDryRun) dryRun = true;
    else if (arg.startsWith("--")) return `unknown option: ${arg}`;
    else identifiers.push(arg);
  }
  const problem = identifierProblem(identifiers);
  return problem ?? { identifiers: { identifiers }, dryRun };
}
