import type { Context } from "probot";
import { planIntake, type AdvisoryReport, type IntakeFacts } from "../case/intake.js";
import { GitHubGateway, parseRepository } from "../github/gateway.js";
import type { HandlerDependencies } from "./dependencies.js";
import { executeIntake } from "./execute-intake.js";

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
      const plan = planIntake(facts);
      log.info(
        { mode: plan.mode, reasons: plan.reasons, actions: plan.actions.map((action) => action.type), labels: plan.triage.labels },
        "intake planned",
      );
      if (facts.policy.errors.length > 0) {
        log.warn({ problems: facts.policy.errors.length, files: facts.policy.files.map((file) => `${file.owner}/${file.repo}:${file.path}`) }, "configuration has errors; safe defaults used");
      }
      await executeIntake(gateway, plan, facts, log);
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
    ...(advisory.severity ? { severity: advisory.severity } : {}),
    ...(advisory.cvss?.vector_string ? { cvssVector: advisory.cvss.vector_string } : {}),
    packages: (advisory.vulnerabilities ?? []).flatMap((vulnerability) =>
      vulnerability.package
        ? [
            {
              ecosystem: vulnerability.package.ecosystem,
              name: vulnerability.package.name ?? "",
              ...(vulnerability.vulnerable_version_range ? { versions: vulnerability.vulnerable_version_range } : {}),
            },
          ]
        : [],
    ),
    cweIds: advisory.cwe_ids ?? [],
    submittedAt: submittedAt ? new Date(submittedAt) : now,
  };
}
