import type { Logger, ProbotOctokit } from "probot";
import type { RepositoryConfig } from "../config/repository-config.js";
import { planContainment, planRelease, type ContainmentFacts, type ContainmentTrigger } from "./plan-containment.js";
import { containmentCaseKey, type PublicText } from "../containment/public-text.js";
import { ContainmentGateway } from "../github/containment-gateway.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { caseHome, findCase } from "../intake/open-case.js";
import type { AppServices } from "../github/services.js";
import { executeContainment, executeRelease, readCaseCopy, type ContainmentGateways } from "./execute-containment.js";

/**
 * The steps every containment entry point shares (an opened or edited issue, a comment, a maintainer's command):
 * gather the facts under the case's lock, plan, log the plan, execute.
 */

export interface ContainmentRun {
  gateways: ContainmentGateways;
  dependencies: AppServices;
  log: Logger;
}

export function containmentRun(octokit: ProbotOctokit, installationId: number, dependencies: AppServices, log: Logger): ContainmentRun {
  return {
    gateways: {
      shared: new GitHubGateway(octokit, dependencies.cache, installationId, dependencies.now),
      containment: new ContainmentGateway(octokit, dependencies.trust.identity),
    },
    dependencies,
    log,
  };
}

export function loadPolicy(run: ContainmentRun, repository: string): Promise<RepositoryConfig> {
  return run.gateways.shared.readPolicy(parseRepository(repository));
}

/** Contains `text` (read afresh from GitHub under the lock) for `trigger`. */
export async function contain(run: ContainmentRun, policy: RepositoryConfig, text: PublicText, trigger: ContainmentTrigger): Promise<void> {
  const caseKey = containmentCaseKey(text);
  const log = run.log.child({ caseKey });
  await run.dependencies.locks.withLock(`case:${caseKey}`, async () => {
    const facts = await gatherFacts(run, policy, text, trigger);
    const plan = planContainment(facts);
    log.info({ outcome: plan.outcome, reasons: plan.reasons, actions: plan.actions.map((action) => action.type) }, "containment planned");
    await executeContainment(run.gateways, plan, facts, log);
  });
}

async function gatherFacts(
  run: ContainmentRun,
  policy: RepositoryConfig,
  text: PublicText,
  trigger: ContainmentTrigger,
): Promise<ContainmentFacts> {
  const { shared, containment } = run.gateways;
  const now = new Date(run.dependencies.now());
  const issue = await containment.getIssue(parseRepository(text.repository), text.issueNumber);
  const current = text.kind === "issue" ? { ...text, body: issue.body, issueTitle: issue.title } : await currentComment(run, text);
  // Without repository security advisories (GitHub Enterprise Server) the private case is the only copy.
  const effectivePolicy = run.dependencies.platform.advisories
    ? policy
    : { ...policy, config: { ...policy.config, containment: { ...policy.config.containment, draftAdvisory: false } } };
  const base = {
    text: current,
    trigger,
    policy: effectivePolicy,
    existingCase: null,
    issueLocked: issue.locked,
    issueLabels: issue.labels,
    now,
  };
  const home = await caseHome(shared, text.repository, policy);
  if (!home.tracking) return base;
  const existing = await findCase(shared, home, containmentCaseKey(text));
  return {
    ...base,
    tracking: { repository: home.tracking.repository, isPrivate: home.tracking.isPrivate, visibility: home.tracking.visibility },
    existingCase: existing ? { number: existing.number, body: existing.body, record: existing.record } : null,
  };
}

async function currentComment(run: ContainmentRun, text: PublicText): Promise<PublicText> {
  if (text.commentId === undefined) return text;
  const comment = await run.gateways.containment.getComment(parseRepository(text.repository), text.commentId);
  return comment ? { ...text, body: comment.body } : text;
}

/** Releases the case of `text` (a false positive): the exact text, and an issue's title, back from the private copy. */
export async function release(run: ContainmentRun, policy: RepositoryConfig, text: PublicText, maintainer: string): Promise<void> {
  const caseKey = containmentCaseKey(text);
  const log = run.log.child({ caseKey });
  const trackingName = policy.config.tracking.repository;
  if (!trackingName) {
    log.warn("release asked but no tracking repository is configured");
    return;
  }
  const tracking = parseRepository(trackingName);
  const { shared, containment } = run.gateways;
  await run.dependencies.locks.withLock(`case:${caseKey}`, async () => {
    const now = new Date(run.dependencies.now());
    const issue = await containment.getIssue(parseRepository(text.repository), text.issueNumber);
    const current = text.kind === "issue" ? { ...text, body: issue.body, issueTitle: issue.title } : await currentComment(run, text);
    const found = await findCase(shared, await caseHome(shared, text.repository, policy), caseKey);
    const copied = found?.record.containment;
    const original =
      found && copied
        ? await readCaseCopy(containment, tracking, found, {
            body: copied.originalSha256,
            ...(copied.originalTitleSha256 ? { title: copied.originalTitleSha256 } : {}),
          })
        : null;
    const facts = {
      text: current,
      maintainer,
      policy,
      existingCase: found ? { number: found.number, body: found.body, record: found.record } : null,
      original,
      issueLocked: issue.locked,
      issueLabels: issue.labels,
      now,
    };
    const plan = planRelease(facts);
    log.info({ outcome: plan.outcome, reasons: plan.reasons, actions: plan.actions.map((action) => action.type) }, "release planned");
    if (plan.outcome === "refuse") return;
    await executeRelease(run.gateways, plan, facts, tracking, log);
  });
}

/** The parts of an issue webhook payload (`issues` or `issue_comment`) that describe the issue itself. */
interface IssuePayloadPart {
  issue: {
    number: number;
    title: string;
    html_url: string;
    body?: string | null;
    created_at: string;
    author_association: string;
    user: { login: string; type?: string } | null;
  };
  repository: { full_name: string };
}

export function publicTextOfIssue({ issue, repository }: IssuePayloadPart): PublicText {
  return {
    kind: "issue",
    repository: repository.full_name,
    issueNumber: issue.number,
    issueTitle: issue.title,
    url: issue.html_url,
    author: issue.user?.login ?? "",
    authorIsBot: issue.user?.type === "Bot",
    authorAssociation: issue.author_association,
    postedAt: new Date(issue.created_at),
    body: issue.body ?? "",
  };
}
