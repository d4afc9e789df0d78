import type { Context } from "probot";
import { checkReportedCode } from "../case/code-claims.js";
import { planIntake, type AdvisoryReport, type IntakeFacts } from "../case/plan-intake.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import type { HandlerDependencies } from "./dependencies.js";
import { executeIntake } from "../intake/execute-intake.js";
import { indexCase, reportIdentity } from "../reporters/index-case.js";
import { screenIntake } from "../reporters/intake-screening.js";

type AdvisoryPayload = Context<"repository_advisory.reported">["payload"];

/** `repository_advisory.reported`: a researcher used "Report a vulnerability". The report becomes a case. */
export function handleAdvisoryReported(dependencies: HandlerDependencies) {
  return async (context: Context<"repository_advisory.reported">): Promise<void> => {
    const advisory = advisoryFromPayload(context.payload, new Date(dependencies.now()));
    const installationId = context.payload.installation?.id;
    if (installationId === undefined) {
      context.log.warn({ caseKey: advisory.ghsaId }, "advisory event without an installation: ignored");
      return;
    }
    const gateway = new GitHubGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const log = context.log.child({ caseKey: advisory.ghsaId });

    await dependencies.locks.withLock(`case:${advisory.ghsaId}`, async () => {
      const facts = await gatherIntakeFacts(gateway, advisory, new Date(dependencies.now()));
      const screening = { index: dependencies.cache.caseIndex, installationId, secret: dependencies.trust.secret };
      facts.screening = await screenIntake(screening, reportIdentity(advisory), facts.policy.config, facts.now);
      const checked = await withCodeClaims(gateway, facts);
      const plan = planIntake(checked);
      log.info(
        { mode: plan.mode, reasons: plan.reasons, actions: plan.actions.map((action) => action.type), labels: plan.triage.labels },
        "intake planned",
      );
      if (facts.policy.errors.length > 0) {
        log.warn({ problems: facts.policy.errors.length, files: facts.policy.files.map((file) => `${file.owner}/${file.repo}:${file.path}`) }, "configuration has errors; safe defaults used");
      }
      const opened = await executeIntake(gateway, plan, checked, log);
      if (opened) await indexCase(screening, opened);
    });
  };
}

/**
 * Everything intake plans from, gathered through the gateway: the policy, the tracking repository's visibility, the
 * case if there is one, and whether an interrupted intake already acknowledged the report. Policy and visibility are
 * cached, so a new report costs one request here (the case look-up). A new fact goes here as one more named step.
 */
export async function gatherIntakeFacts(gateway: GitHubGateway, advisory: AdvisoryReport, now: Date): Promise<IntakeFacts> {
  const policy = await gateway.readPolicy(parseRepository(advisory.repository));
  const commentsApiKnownUnavailable = gateway.knowsCommentsApiUnavailable();
  const trackingName = policy.config.tracking.repository;
  if (!trackingName) {
    return { advisory, policy, existingCase: null, earlierAcknowledgement: "unknown", commentsApiKnownUnavailable, now };
  }
  const tracking = await trackingFacts(gateway, trackingName);
  const existing = tracking.isPrivate ? await gateway.findTrackingIssue(parseRepository(trackingName), advisory.ghsaId) : null;
  const earlierAcknowledgement = tracking.isPrivate && !existing
    ? await gateway.pendingAcknowledgements().lookUp(advisory.ghsaId, advisory.submittedAt)
    : "unknown";
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
export async function withCodeClaims(gateway: GitHubGateway, facts: IntakeFacts): Promise<IntakeFacts> {
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

async function trackingFacts(gateway: GitHubGateway, trackingName: string): Promise<NonNullable<IntakeFacts["tracking"]>> {
  const visibility = await gateway.repositoryVisibility(parseRepository(trackingName));
  return { repository: trackingName, isPrivate: visibility === "private", visibility };
}

export function advisoryFromPayload(payload: AdvisoryPayload, now: Date): AdvisoryReport {
  const advisory = payload.repository_advisory;
  // The webhook types mark `author` as always null (a known conversion bug); for a private report it is the researcher.
  const author = (advisory as { author?: { login?: string } | null }).author;
  const submittedAt = advisory.created_at ?? advisory.updated_at;
  return {
    ghsaId: advisory.ghsa_id,
    summary: advisory.summary,
    description: advisory.description ?? "",
    htmlUrl: advisory.html_url,
    repository: payload.repository.full_name,
    reporter: author?.login ?? payload.sender?.login ?? "the researcher",
    ...((author?.login ?? payload.sender?.login) ? { reporterLogin: author?.login ?? payload.sender?.login } : {}),
    ...(advisory.severity ? { severity: advisory.severity } : {}),
    ...(advisory.cvss?.vector_string ? { cvssVector: advisory.cvss.vector_string } : {}),
    packages: (advisory.vulnerabilities ?? []).flatMap((vulnerability) =>
      vulnerability.package
        ? [
            {
              ecosystem: vulnerability.package.ecosystem,
              name: vulnerability.package.name ?? "",
              ...(vulnerability.vulnerable_version_range ? { versions: vulnerability.vulnerable_version_range } : {}),
              ...(vulnerability.vulnerable_functions?.length ? { functions: vulnerability.vulnerable_functions } : {}),
            },
          ]
        : [],
    ),
    cweIds: advisory.cwe_ids ?? [],
    submittedAt: submittedAt ? new Date(submittedAt) : now,
  };
}
