import type { CaseRecord } from "../case/case-record.js";
import type { CaseFollowUp } from "../closing/follow-up-case.js";
import { awaitsCredit } from "../closing/follow-up.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import type { GitHubGateway, InstallationRepository, TriageAdvisory } from "../github/gateway.js";
import { hasStatus } from "../github/status.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { advisoryReport } from "../intake/advisory-report.js";
import type { executeIntake } from "../intake/execute-intake.js";
import { executeAdvisoryIntake, planAdvisoryIntake } from "../intake/open-case.js";
import type { ScreeningContext } from "../reporters/intake-screening.js";
import type { HallOfFameStep } from "../proposals/hall-of-fame-step.js";
import type { DashboardStep } from "../dashboard/dashboard-step.js";
import type { CaseIndexStep } from "./case-index-step.js";
import type { CaseLocks } from "../case/case-locks.js";
import { claimedCaseKey } from "../github/case-trust.js";
import { reportTamperedCase, sealLegacyCase } from "./case-integrity.js";
import { executeCaseSweep } from "./execute.js";
import { planCaseSweep, type CaseSweepPlan, type SweepActionType } from "./plan-sweep.js";
import type { Mailer } from "../email/smtp-mailer.js";

/**
 * One SLA sweep over one installation, as a recipe:
 * 1. list the installation's repositories and load each one's policy;
 * 2. list the open cases in every private tracking repository those policies name;
 * 3. plan every case (pure), most urgent first;
 * 4. carry the plans out under each case's lock, within the run's request budget — or only log them in a dry run;
 * 5. reconcile: a privately reported advisory still in triage without a case gets one, as if its webhook had arrived;
 * 6. follow up every open case under its lock (when a follow-up is given): mirror the researcher's advisory replies
 *    and carry the closing forward (credit, consent, review, a requested publication);
 * 7. propose the hall of fame pages the policies name, once a case is published (when the step is given);
 * 8. follow outstanding CVE requests and bring each tracking repository's dashboard issue up to date (when given);
 * 9. build the case index of reporter history and duplicates from the sealed cases (when given; GitHub is only read).
 */

/** The handlers' logger type, named without importing Probot here. */
export type SweepLog = Parameters<typeof executeIntake>[3];

export interface SweepOptions {
  now: Date;
  dryRun: boolean;
  /**
   * GitHub requests one installation's sweep may make, reads included (like actions/stale's operations-per-run). It
   * is checked before each case, so a run ends a case it started; what is left waits for the next run.
   */
  maxRequests: number;
  locks: CaseLocks;
  log: SweepLog;
  /** False on GitHub Enterprise Server, which has no advisories to reconcile. */
  advisories?: boolean;
  /** Sends the messages of e-mail cases; without it they are surfaced on the tracking issue. */
  mailer?: Mailer;
  /** Step 6, per open case; built with `closingFollowUp` from the installation's Octokit. */
  followUp?: CaseFollowUp;
  /** Step 7, once per installation: the hall of fame pages, proposed through pull requests (`hallOfFameStep`). */
  acknowledgements?: HallOfFameStep;
  /** Step 8, once per installation: CVE requests followed and one dashboard issue per tracking repository (`dashboardStep`). */
  dashboard?: DashboardStep;
  /** Step 9, once per installation: the case index (`caseIndexStep`). */
  caseIndex?: CaseIndexStep;
  /** Step 5 screens a missed report and indexes its case as the webhook would; every installation's sweep has it. */
  screening?: ScreeningContext;
}

export interface InstallationSweepSummary {
  repositories: number;
  trackingRepositories: string[];
  openCases: number;
  /** Open issues labelled `disclosure` whose case block is missing or invalid: left alone, logged. */
  unreadableCases: number;
  /** Look-alikes: issues the app did not open, or cases whose source policy names another tracking repository. */
  foreignCases: number;
  /** The app's cases whose record fails its seal: labelled `case-tampered`, the team told, never acted on. */
  tamperedCases: number;
  /** Cases from before seals, sealed in this run. */
  sealedCases: number;
  casesWithActions: number;
  actions: Partial<Record<SweepActionType, number>>;
  posted: number;
  alreadyPosted: number;
  reconciliation: { triageAdvisories: number; casesOpened: number };
  /** Work left for the next run because the request budget ran out. */
  deferred: number;
  /** Open cases followed up in step 6. */
  followedUp: number;
  githubRequests: number;
  /** Of those, the conditional requests GitHub answered 304 (free of rate limit): the remembered answer still held. */
  conditionalHits: number;
}

interface PlannedCase {
  repository: RepositoryRef;
  number: number;
  record: CaseRecord;
  policy: RepositoryConfig;
  plan: CaseSweepPlan;
}

const URGENCY: Partial<Record<SweepActionType, number>> = {
  escalate: 3,
  closeSilentCase: 2,
  tellNewDates: 2,
  remindMaintainers: 2,
  updateDue: 1,
};

export async function sweepInstallation(gateway: GitHubGateway, options: SweepOptions): Promise<InstallationSweepSummary> {
  const requests = gateway.countRequests();
  const conditionalHits = gateway.countConditionalHits();
  const { log, now } = options;
  const summary: InstallationSweepSummary = {
    repositories: 0,
    trackingRepositories: [],
    openCases: 0,
    unreadableCases: 0,
    foreignCases: 0,
    tamperedCases: 0,
    sealedCases: 0,
    casesWithActions: 0,
    actions: {},
    posted: 0,
    alreadyPosted: 0,
    reconciliation: { triageAdvisories: 0, casesOpened: 0 },
    deferred: 0,
    followedUp: 0,
    githubRequests: 0,
    conditionalHits: 0,
  };

  // 1. Repositories and their policies.
  const { repositories, policies, trackingPolicies } = await loadInstallationPolicies(gateway);
  summary.repositories = repositories.length;

  // 2. Open cases in each private tracking repository.
  const planned: PlannedCase[] = [];
  const followUps: Omit<PlannedCase, "plan">[] = [];
  const openCaseKeys = new Set<string>();
  for (const [trackingName, trackingPolicy] of trackingPolicies) {
    const repository = parseRepository(trackingName);
    if (!(await gateway.isPrivateRepository(repository))) {
      log.error({ repository: trackingName }, "tracking repository is public: not swept");
      continue;
    }
    summary.trackingRepositories.push(trackingName);
    for (const issue of await gateway.listOpenCases(repository)) {
      summary.openCases += 1;
      const { reading } = issue;
      const integrity = {
        tracking: repository,
        number: issue.number,
        labels: issue.labels,
        language: trackingPolicy.config.language,
        mention: trackingPolicy.config.tracking.team,
      };
      if (reading.status === "tampered") {
        summary.tamperedCases += 1;
        // Its report has a case, even if it cannot be believed: reconciliation must not open a second one.
        const claimedKey = claimedCaseKey(issue.body);
        if (claimedKey !== undefined) openCaseKeys.add(claimedKey);
        log.error({ repository: trackingName, issue: issue.number, problem: reading.problem }, "case record fails its seal: not acted on");
        if (!options.dryRun) await reportTamperedCase(gateway, { ...integrity, problem: reading.problem, occasion: "sweep" });
        continue;
      }
      if (reading.status === "foreign") {
        summary.foreignCases += 1;
        log.warn({ repository: trackingName, issue: issue.number }, "issue shaped like a case but not opened by the app: ignored");
        continue;
      }
      if (reading.status !== "found") {
        summary.unreadableCases += 1;
        log.warn(
          { repository: trackingName, issue: issue.number, status: reading.status },
          "open case without a readable case block: skipped",
        );
        continue;
      }
      const { record } = reading;
      // 3. Plan, under the policy of the repository the report was filed against — only where that policy keeps its cases.
      const policy = policies.get(record.source.repository.toLowerCase());
      if (policy?.config.tracking.repository?.toLowerCase() !== trackingName) {
        summary.foreignCases += 1;
        log.warn(
          { repository: trackingName, issue: issue.number, caseKey: record.key },
          "case in a tracking repository its source policy does not name: ignored",
        );
        continue;
      }
      if (!reading.sealed && !options.dryRun) {
        // Under the case's lock and from the issue as it is now: a command may be writing it since the listing.
        await options.locks.withLock(`case:${record.key}`, async () => {
          const fresh = await gateway.getOpenCase(repository, issue.number);
          if (fresh.reading.status !== "found" || fresh.reading.sealed) return;
          await sealLegacyCase(gateway, { ...integrity, body: fresh.body, at: now });
          summary.sealedCases += 1;
          log.warn({ repository: trackingName, issue: issue.number, caseKey: record.key }, "case from before seals: sealed as it stood");
        });
      }
      openCaseKeys.add(record.key);
      const plan = planCaseSweep({ record, labels: issue.labels, config: policy.config, now });
      followUps.push({ repository, number: issue.number, record, policy });
      if (plan.actions.length > 0) planned.push({ repository, number: issue.number, record, policy, plan });
    }
  }

  // 4. Carry out the plans, most urgent first.
  planned.sort((left, right) => urgencyOf(right.plan) - urgencyOf(left.plan));
  for (const work of planned) {
    summary.casesWithActions += 1;
    const fields = {
      caseKey: work.record.key,
      issue: work.number,
      reasons: work.plan.reasons,
      actions: work.plan.actions.map((action) => action.type),
    };
    if (options.dryRun) {
      countActions(summary, work.plan);
      log.info(fields, "dry run: case sweep planned, nothing sent");
      continue;
    }
    if (requests() >= options.maxRequests) {
      summary.deferred += 1;
      continue;
    }
    await options.locks.withLock(`case:${work.record.key}`, async () => {
      // Read the issue again under the lock: a maintainer command may have changed it since the listing.
      const fresh = await gateway.getOpenCase(work.repository, work.number);
      if (!fresh.open || fresh.reading.status !== "found") return;
      const plan = planCaseSweep({ record: fresh.reading.record, labels: fresh.labels, config: work.policy.config, now });
      const outcome = await executeCaseSweep(
        gateway,
        {
          repository: work.repository,
          number: work.number,
          body: fresh.body,
          record: fresh.reading.record,
          language: work.policy.config.language,
        },
        plan,
        log,
        options.mailer,
      );
      countActions(summary, plan);
      summary.posted += outcome.posted;
      summary.alreadyPosted += outcome.alreadyPosted;
      log.info({ ...fields, reasons: plan.reasons, actions: plan.actions.map((action) => action.type) }, "case swept");
    });
  }

  // 5. Reconciliation.
  if (options.advisories !== false)
    await reconcileTriageAdvisories(gateway, options, { repositories, policies, openCaseKeys, requests, summary });

  // 6. Follow-up, including closed duplicates whose reporter has yet to say how to be credited.
  if (options.followUp && !options.dryRun) {
    for (const trackingName of summary.trackingRepositories) {
      const repository = parseRepository(trackingName);
      for (const issue of await gateway.listCases(repository)) {
        if (issue.reading.status !== "found" || !awaitsCredit(issue.reading.record)) continue;
        const { record } = issue.reading;
        const policy = policies.get(record.source.repository.toLowerCase());
        if (policy?.config.tracking.repository?.toLowerCase() === trackingName)
          followUps.push({ repository, number: issue.number, record, policy });
      }
    }
    await followUpCases(gateway, options, options.followUp, followUps, requests, summary);
  }
  // 7. The hall of fame, once a case has been published.
  if (options.acknowledgements && !options.dryRun)
    await options.acknowledgements({ gateway, policies, trackingPolicies, trackingRepositories: summary.trackingRepositories, log });
  // 8. CVE requests and the dashboards.
  if (options.dashboard && !options.dryRun)
    await options.dashboard({
      policies,
      trackingPolicies,
      trackingRepositories: summary.trackingRepositories,
      locks: options.locks,
      log,
      now,
    });
  // 9. The case index.
  if (options.caseIndex && !options.dryRun)
    await options.caseIndex({ gateway, policies, trackingRepositories: summary.trackingRepositories, log, now });
  summary.githubRequests = requests();
  summary.conditionalHits = conditionalHits();
  return summary;
}

async function followUpCases(
  gateway: GitHubGateway,
  options: SweepOptions,
  followUp: CaseFollowUp,
  cases: Omit<PlannedCase, "plan">[],
  requests: () => number,
  summary: InstallationSweepSummary,
): Promise<void> {
  for (const work of cases) {
    if (requests() >= options.maxRequests) {
      summary.deferred += 1;
      continue;
    }
    await options.locks.withLock(`case:${work.record.key}`, async () => {
      const fresh = await gateway.getOpenCase(work.repository, work.number);
      if (fresh.reading.status !== "found" || !(fresh.open || awaitsCredit(fresh.reading.record))) return;
      const outcome = await followUp(
        {
          tracking: work.repository,
          number: work.number,
          body: fresh.body,
          labels: fresh.labels,
          record: fresh.reading.record,
          config: work.policy.config,
        },
        options.now,
      );
      summary.followedUp += 1;
      if (outcome.mirrored > 0 || outcome.steps.length > 0) {
        options.log.info(
          { caseKey: work.record.key, issue: work.number, mirrored: outcome.mirrored, steps: outcome.steps, reasons: outcome.reasons },
          "case followed up",
        );
      }
    });
  }
}

export interface InstallationPolicies {
  repositories: InstallationRepository[];
  /** Each repository's policy, by lower-case `owner/name`. */
  policies: Map<string, RepositoryConfig>;
  /** Each tracking repository named by a policy (lower-case), with the first policy that names it. */
  trackingPolicies: Map<string, RepositoryConfig>;
}

/**
 * The installation's repositories (archived ones left out: no new reports arrive there), the policy of each — archived
 * ones included, since their open cases still keep their promises — and the tracking repositories they name.
 */
export async function loadInstallationPolicies(gateway: GitHubGateway): Promise<InstallationPolicies> {
  const everyRepository = await gateway.listInstallationRepositories();
  const repositories = everyRepository.filter((repository) => !repository.archived);
  const policies = new Map<string, RepositoryConfig>();
  for (const repository of everyRepository) {
    policies.set(repository.fullName.toLowerCase(), await gateway.readPolicy(parseRepository(repository.fullName)));
  }
  const trackingPolicies = new Map<string, RepositoryConfig>();
  for (const policy of policies.values()) {
    const tracking = policy.config.tracking.repository;
    if (tracking && !trackingPolicies.has(tracking.toLowerCase())) trackingPolicies.set(tracking.toLowerCase(), policy);
  }
  return { repositories, policies, trackingPolicies };
}

function urgencyOf(plan: CaseSweepPlan): number {
  return Math.max(0, ...plan.actions.map((action) => URGENCY[action.type] ?? 0));
}

function countActions(summary: InstallationSweepSummary, plan: CaseSweepPlan): void {
  for (const action of plan.actions) summary.actions[action.type] = (summary.actions[action.type] ?? 0) + 1;
}

interface ReconciliationScope {
  repositories: { fullName: string; owner: string; ownerIsOrganization: boolean }[];
  policies: Map<string, RepositoryConfig>;
  openCaseKeys: ReadonlySet<string>;
  requests: () => number;
  summary: InstallationSweepSummary;
}

/**
 * Missed `repository_advisory.reported` webhooks: every advisory still in triage whose case is not among the open
 * cases goes through intake exactly as the webhook would (same facts, screening, plan, executor and case index, so the
 * same idempotency and a blocked reporter's report is closed, not opened):
 * a case is opened, or found closed and left alone; the acknowledgement says it is late and counts the deadline
 * from the original submission. An advisory checked once is not checked again until it changes.
 */
async function reconcileTriageAdvisories(gateway: GitHubGateway, options: SweepOptions, scope: ReconciliationScope): Promise<void> {
  const { log, now } = options;
  const advisories: { advisory: TriageAdvisory; repository: string }[] = [];
  const organizations = [
    ...new Set(scope.repositories.filter((repository) => repository.ownerIsOrganization).map((repository) => repository.owner)),
  ];
  const personal = scope.repositories.filter((repository) => !repository.ownerIsOrganization);
  const listings: { owner: { org: string } | RepositoryRef; name: string }[] = [
    ...organizations.map((org) => ({ owner: { org }, name: org })),
    ...personal.map((repository) => ({ owner: parseRepository(repository.fullName), name: repository.fullName })),
  ];
  for (const listing of listings) {
    try {
      for (const advisory of await gateway.listTriageAdvisories(listing.owner)) {
        const repository = repositoryOfAdvisory(advisory);
        if (repository && scope.policies.has(repository.toLowerCase())) advisories.push({ advisory, repository });
      }
    } catch (error) {
      if (!hasStatus(error, 403, 404)) throw error;
      log.warn({ owner: listing.name }, "cannot list triage advisories (repository advisories permission?): reconciliation skipped");
    }
  }

  scope.summary.reconciliation.triageAdvisories = advisories.length;
  for (const { advisory, repository } of advisories) {
    if (scope.openCaseKeys.has(advisory.ghsa_id)) continue;
    if (gateway.reconciledVersion(advisory.ghsa_id) === advisory.updated_at) continue;
    if (!options.dryRun && scope.requests() >= options.maxRequests) {
      scope.summary.deferred += 1;
      continue;
    }
    await options.locks.withLock(`case:${advisory.ghsa_id}`, async () => {
      const report = advisoryReport(advisory, repository, undefined, now);
      const planned = await planAdvisoryIntake(gateway, options.screening, report, now);
      const { plan } = planned;
      const fields = { caseKey: plan.caseKey, reasons: plan.reasons, actions: plan.actions.map((action) => action.type) };
      if (plan.actions.length === 0) {
        gateway.rememberReconciled(advisory.ghsa_id, advisory.updated_at);
        return;
      }
      if (options.dryRun) {
        log.info(fields, "dry run: reconciliation planned, nothing sent");
        return;
      }
      await executeAdvisoryIntake(gateway, options.screening, planned, log);
      if (plan.actions.some((action) => action.type === "openTrackingIssue")) scope.summary.reconciliation.casesOpened += 1;
      gateway.rememberReconciled(advisory.ghsa_id, advisory.updated_at);
      log.warn(fields, "missed report reconciled");
    });
  }
}

/** `https://api.github.com/repos/{owner}/{repo}/security-advisories/{ghsa}` → `owner/repo` (GHES: under /api/v3). */
export function repositoryOfAdvisory(advisory: Pick<TriageAdvisory, "url">): string | undefined {
  const match = /\/repos\/([^/]+)\/([^/]+)\/security-advisories\//.exec(advisory.url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
