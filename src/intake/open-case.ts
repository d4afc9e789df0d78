import { checkReportedCode } from "../case/code-claims.js";
import { planIntake, type AdvisoryReport, type IntakeFacts, type IntakePlan } from "../case/plan-intake.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import type { GitHubGateway, RepositoryVisibility, TrackingIssue } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { executeIntake } from "./execute-intake.js";
import { indexCase, reportIdentity } from "../reporters/index-case.js";
import { screenIntake, type ScreeningContext } from "../reporters/intake-screening.js";

/**
 * The one way to a report's case, for every channel (advisory webhook, the sweep's reconciliation of a missed one,
 * e-mail, containment): load the policy of the repository the report concerns, resolve the tracking repository it
 * names and whether GitHub says it is private, then find the case there — or, for an advisory, screen the report
 * against the case index, plan, open the case and index it.
 */

export interface CaseHome {
  policy: RepositoryConfig;
  /** The tracking repository the policy names and its visibility; absent when it names none (advisory-only mode). */
  tracking?: { repository: string; isPrivate: boolean; visibility: RepositoryVisibility };
  /** The tracking repository when it is private: the only place report content may be written. */
  privateTracking?: RepositoryRef;
}

/** Where the cases of reports about `repository` live. A policy the caller already loaded is not loaded again. */
export async function caseHome(gateway: GitHubGateway, repository: string, policy?: RepositoryConfig): Promise<CaseHome> {
  const loaded = policy ?? (await gateway.readPolicy(parseRepository(repository)));
  const trackingName = loaded.config.tracking.repository;
  if (!trackingName) return { policy: loaded };
  const trackingRepository = parseRepository(trackingName);
  const visibility = await gateway.repositoryVisibility(trackingRepository);
  const isPrivate = visibility === "private";
  return {
    policy: loaded,
    tracking: { repository: trackingName, isPrivate, visibility },
    ...(isPrivate ? { privateTracking: trackingRepository } : {}),
  };
}

/** The case `caseKey` in its home; null when there is none or the tracking repository is not private. */
export async function findCase(gateway: GitHubGateway, home: CaseHome, caseKey: string): Promise<TrackingIssue | null> {
  return home.privateTracking ? gateway.findTrackingIssue(home.privateTracking, caseKey) : null;
}

/**
 * Everything advisory intake plans from: the case's home, the case if there is one, whether an interrupted intake
 * already acknowledged the report, the reporter's screening against the case index, and the report's claims about
 * its code. Without a screening context (only a sweep test of other steps has none) the report is not screened.
 * Policy and visibility are cached, so a new report costs one request here (the case look-up) plus the
 * reads of the code it names.
 */
export async function planAdvisoryIntake(
  gateway: GitHubGateway,
  screening: ScreeningContext | undefined,
  advisory: AdvisoryReport,
  now: Date,
): Promise<{ facts: IntakeFacts; plan: IntakePlan }> {
  const facts = await gatherIntakeFacts(gateway, advisory, now);
  if (screening) facts.screening = await screenIntake(screening, reportIdentity(advisory), facts.policy.config, now);
  const checked = await withCodeClaims(gateway, facts);
  return { facts: checked, plan: planIntake(checked) };
}

/** Carries out an advisory intake plan and puts the case it opened or found in the case index. */
export async function executeAdvisoryIntake(
  gateway: GitHubGateway,
  screening: ScreeningContext | undefined,
  planned: { facts: IntakeFacts; plan: IntakePlan },
  log: Parameters<typeof executeIntake>[3],
): Promise<void> {
  const opened = await executeIntake(gateway, planned.plan, planned.facts, log);
  if (opened && screening) await indexCase(screening, opened);
}

async function gatherIntakeFacts(gateway: GitHubGateway, advisory: AdvisoryReport, now: Date): Promise<IntakeFacts> {
  const home = await caseHome(gateway, advisory.repository);
  const { policy, tracking } = home;
  const commentsApiKnownUnavailable = gateway.knowsCommentsApiUnavailable();
  if (!tracking) return { advisory, policy, existingCase: null, earlierAcknowledgement: "unknown", commentsApiKnownUnavailable, now };
  const existing = await findCase(gateway, home, advisory.ghsaId);
  const earlierAcknowledgement =
    tracking.isPrivate && !existing ? await gateway.pendingAcknowledgements().lookUp(advisory.ghsaId, advisory.submittedAt) : "unknown";
  return {
    advisory,
    policy,
    tracking,
    existingCase: existing ? { number: existing.number, record: existing.record } : null,
    earlierAcknowledgement,
    commentsApiKnownUnavailable,
    now,
  };
}

/**
 * The report's claims about its repository's code, checked, for a case about to be opened: a redelivery, a refused
 * tracking repository, advisory-only mode and a blocked reporter cost no read.
 */
async function withCodeClaims(gateway: GitHubGateway, facts: IntakeFacts): Promise<IntakeFacts> {
  if (!facts.tracking?.isPrivate || facts.existingCase || facts.screening?.blocked) return facts;
  const code = gateway.codeReader(parseRepository(facts.advisory.repository));
  const codeClaims = await checkReportedCode(reportedCode(facts.advisory), (read) => code.read(read));
  return codeClaims ? { ...facts, codeClaims } : facts;
}

function reportedCode(advisory: AdvisoryReport) {
  return {
    title: advisory.summary,
    body: advisory.description,
    repository: advisory.repository,
    packages: advisory.packages.map((affected) => affected.name),
    functions: advisory.packages.flatMap((affected) => affected.functions ?? []),
  };
}
