import type { Context, ProbotOctokit } from "probot";
import { isWrittenByApp } from "../case/trust.js";
import { GitHubGateway, visibilityOf } from "../github/gateway.js";
import type { HandlerDependencies } from "./dependencies.js";
import { loadInstallationPolicies, type SweepLog } from "../sweep/run.js";
import { dashboardStep } from "../dashboard/dashboard-step.js";

type CaseIssueContext = Context<"issues.opened" | "issues.edited" | "issues.closed" | "issues.reopened">;

/** How long a tracking repository stays quiet before its dashboard is refreshed: a burst of changes costs one refresh. */
export const DASHBOARD_DEBOUNCE_MS = 30_000;

/**
 * A case changed: one of the app's own tracking issues in a private repository was opened, edited, closed or
 * reopened — by a command, the sweep, intake or the closing, whichever wrote it. The dashboard of that repository
 * is refreshed once the repository has been quiet for `delayMs`, with the last event's installation client; the
 * refresh writes only if the rendered dashboard differs from the one on GitHub. Issues anyone else opened, and the
 * dashboard itself, are not case changes.
 */
export function handleCaseChange(dependencies: HandlerDependencies, delayMs = DASHBOARD_DEBOUNCE_MS) {
  const pending = new Map<string, NodeJS.Timeout>();
  return async (context: CaseIssueContext): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    if (installationId === undefined || visibilityOf(payload.repository) !== "private" || payload.issue.pull_request) return;
    if (!payload.issue.labels?.some((label) => label?.name === "disclosure") || !isWrittenByApp(payload.issue, dependencies.trust.identity))
      return;
    const repository = payload.repository.full_name.toLowerCase();
    const key = `${installationId}:${repository}`;
    clearTimeout(pending.get(key));
    const log = context.log.child({ repository });
    const timer = setTimeout(() => {
      pending.delete(key);
      refreshRepository(context.octokit, dependencies, { installationId, repository, log }).catch((error: unknown) =>
        log.error({ err: error }, "dashboard refresh after a case change failed"),
      );
    }, delayMs);
    timer.unref();
    pending.set(key, timer);
  };
}

async function refreshRepository(
  octokit: ProbotOctokit,
  dependencies: HandlerDependencies,
  { installationId, repository, log }: { installationId: number; repository: string; log: SweepLog },
): Promise<void> {
  const now = new Date(dependencies.now());
  const gateway = new GitHubGateway(octokit, dependencies.cache, installationId, () => now.getTime());
  const { policies, trackingPolicies } = await loadInstallationPolicies(gateway);
  if (!trackingPolicies.has(repository)) return;
  await dashboardStep(
    octokit,
    dependencies.cache,
    installationId,
  )({ policies, trackingPolicies, trackingRepositories: [repository], locks: dependencies.locks, log, now });
}
