import type { Context } from "probot";
import { GitHubGateway } from "../github/gateway.js";
import { advisoryFromPayload } from "../intake/advisory-report.js";
import { executeAdvisoryIntake, planAdvisoryIntake } from "../intake/open-case.js";
import type { HandlerDependencies } from "./dependencies.js";

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
        log.warn(
          { problems: facts.policy.errors.length, files: facts.policy.files.map((file) => `${file.owner}/${file.repo}:${file.path}`) },
          "configuration has errors; safe defaults used",
        );
      }
      await executeAdvisoryIntake(gateway, screening, planned, log);
    });
  };
}
