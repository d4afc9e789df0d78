import type { Context } from "probot";
import type { AdvisoryReport } from "../case/plan-intake.js";
import { GitHubGateway } from "../github/gateway.js";
import { executeAdvisoryIntake, planAdvisoryIntake } from "../intake/open-case.js";
import type { HandlerDependencies } from "./dependencies.js";

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
      const screening = { index: dependencies.cache.caseIndex, installationId, secret: dependencies.trust.secret };
      const planned = await planAdvisoryIntake(gateway, screening, advisory, new Date(dependencies.now()));
      const { facts, plan } = planned;
      log.info(
        { mode: plan.mode, reasons: plan.reasons, actions: plan.actions.map((action) => action.type), labels: plan.triage.labels },
        "intake planned",
      );
      if (facts.policy.errors.length > 0) {
        log.warn({ problems: facts.policy.errors.length, files: facts.policy.files.map((file) => `${file.owner}/${file.repo}:${file.path}`) }, "configuration has errors; safe defaults used");
      }
      await executeAdvisoryIntake(gateway, screening, planned, log);
    });
  };
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
