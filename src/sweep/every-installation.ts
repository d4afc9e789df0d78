import type { Logger, Probot } from "probot";
import type { CaseLocks } from "../case/case-locks.js";
import type { CaseSecret } from "../case/trust.js";
import { closingFollowUp } from "../closing/follow-up-case.js";
import { dashboardStep } from "../dashboard/dashboard-step.js";
import type { Mailer } from "../email/smtp-mailer.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import { GitHubGateway } from "../github/gateway.js";
import { everyInstallation, failureReason } from "../github/installations.js";
import { hallOfFameStep } from "../proposals/hall-of-fame-step.js";
import { caseIndexStep } from "./case-index-step.js";
import { sweepInstallation, type InstallationSweepSummary } from "./run.js";

export interface EveryInstallationOptions {
  now: Date;
  dryRun: boolean;
  maxRequests: number;
  locks: CaseLocks;
  cache: GatewayCache;
  log: Logger;
  /** False on GitHub Enterprise Server: no advisories to reconcile. */
  advisories?: boolean;
  /** Sends the messages of e-mail cases (SMTP_URL). */
  mailer?: Mailer;
  /** One line per installation, as it finishes. */
  report: (line: string) => void;
  /** The key of the case seals, which also keys reporters in the case index the reconciliation screens against. */
  secret: CaseSecret;
}

export interface EveryInstallationResult {
  installations: number;
  failed: number;
  totals: Pick<
    InstallationSweepSummary,
    "openCases" | "casesWithActions" | "posted" | "deferred" | "githubRequests" | "conditionalHits"
  > & { casesOpened: number };
}

/**
 * The sweep over all installations, shared by the command and the server's timer: the app's JWT lists the
 * installations, then each one is swept with its own installation token. One failing installation is logged and
 * counted; the others still run.
 */
export async function sweepEveryInstallation(probot: Probot, options: EveryInstallationOptions): Promise<EveryInstallationResult> {
  const appOctokit = await probot.auth();
  let appRequests = 0;
  appOctokit.hook.before("request", () => {
    appRequests += 1;
  });
  const result: EveryInstallationResult = {
    installations: 0,
    failed: 0,
    totals: { openCases: 0, casesWithActions: 0, posted: 0, deferred: 0, githubRequests: 0, conditionalHits: 0, casesOpened: 0 },
  };
  for await (const installation of everyInstallation(probot, appOctokit)) {
    result.installations += 1;
    const { account } = installation;
    const log = options.log.child({ installation: installation.id });
    try {
      const octokit = await installation.octokit();
      const gateway = new GitHubGateway(octokit, options.cache, installation.id, () => options.now.getTime());
      const summary = await sweepInstallation(gateway, {
        now: options.now,
        dryRun: options.dryRun,
        maxRequests: options.maxRequests,
        locks: options.locks,
        log,
        advisories: options.advisories ?? true,
        ...(options.mailer ? { mailer: options.mailer } : {}),
        followUp: closingFollowUp(octokit, options.cache, installation.id, () => options.now.getTime()),
        acknowledgements: hallOfFameStep(octokit),
        dashboard: dashboardStep(octokit, options.cache, installation.id),
        caseIndex: caseIndexStep(options.cache.caseIndex, installation.id),
        screening: { index: options.cache.caseIndex, installationId: installation.id, secret: options.secret },
      });
      result.totals.openCases += summary.openCases;
      result.totals.casesWithActions += summary.casesWithActions;
      result.totals.posted += summary.posted;
      result.totals.deferred += summary.deferred;
      // The installation's count includes its token request: Octokit asks for the token through the same hooks.
      result.totals.githubRequests += summary.githubRequests;
      result.totals.conditionalHits += summary.conditionalHits;
      result.totals.casesOpened += summary.reconciliation.casesOpened;
      options.report(installationLine(installation.id, account, summary, options.dryRun));
    } catch (error) {
      result.failed += 1;
      log.error({ err: error }, "sweep of an installation failed");
      options.report(`installation ${installation.id} (${account}): failed: ${failureReason(error)}`);
    }
  }
  result.totals.githubRequests += appRequests;
  return result;
}

function installationLine(id: number, account: string, summary: InstallationSweepSummary, dryRun: boolean): string {
  const actions = Object.entries(summary.actions)
    .map(([type, count]) => `${type} ${count}`)
    .join(", ");
  return [
    `installation ${id} (${account}):`,
    `${summary.repositories} repositories,`,
    `${summary.trackingRepositories.length} tracking,`,
    `${summary.openCases} open cases,`,
    `${summary.casesWithActions} with ${dryRun ? "planned " : ""}actions${actions ? ` (${actions})` : ""},`,
    `${summary.reconciliation.casesOpened} missed reports opened,`,
    `${summary.deferred} deferred,`,
    `${summary.githubRequests} GitHub requests (${summary.conditionalHits} conditional hits)`,
  ].join(" ");
}
