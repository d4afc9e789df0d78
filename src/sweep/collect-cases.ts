import type { Probot } from "probot";
import type { GatewayCache } from "../github/gateway-cache.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { everyInstallation } from "../github/installations.js";
import type { MeasuredCase } from "../dashboard/metrics.js";
import type { TrackedRepository } from "../dashboard/overview.js";
import { loadInstallationPolicies } from "./run.js";

/**
 * Every case of every installation, open or closed, with the policy it runs under: the input of the metrics, the
 * report and its overview. Only private tracking repositories are read, and only the app's sealed cases filed under a
 * policy that keeps its cases there, as for the sweep.
 */

/** One installation's private tracking repositories, each with its cases. */
export async function collectTrackedRepositories(gateway: GitHubGateway, account: string): Promise<TrackedRepository[]> {
  const { policies, trackingPolicies } = await loadInstallationPolicies(gateway);
  const tracked: TrackedRepository[] = [];
  for (const [trackingName, trackingPolicy] of trackingPolicies) {
    const repository = parseRepository(trackingName);
    if (!(await gateway.isPrivateRepository(repository))) continue;
    const cases: MeasuredCase[] = [];
    for (const issue of await gateway.listCases(repository)) {
      if (issue.reading.status !== "found") continue;
      const { record } = issue.reading;
      const policy = policies.get(record.source.repository.toLowerCase());
      if (policy?.config.tracking.repository?.toLowerCase() !== trackingName) continue;
      const { config } = policy;
      cases.push({ record, policy: config.policy.name, clock: { sla: config.sla, calendar: config.calendar } });
    }
    tracked.push({ account, repository: trackingName, config: trackingPolicy.config, cases });
  }
  return tracked;
}

/** Every installation's tracking repositories that the app's JWT can list (suspended installations left out). */
export async function collectEveryTrackedRepository(probot: Probot, cache: GatewayCache, now: Date): Promise<TrackedRepository[]> {
  const tracked: TrackedRepository[] = [];
  for await (const installation of everyInstallation(probot)) {
    const gateway = new GitHubGateway(await installation.octokit(), cache, installation.id, () => now.getTime());
    tracked.push(...(await collectTrackedRepositories(gateway, installation.account)));
  }
  return tracked;
}

/** The cases of every installation, for the metrics. */
export async function collectCasesOfEveryInstallation(probot: Probot, cache: GatewayCache, now: Date): Promise<MeasuredCase[]> {
  return (await collectEveryTrackedRepository(probot, cache, now)).flatMap((repository) => repository.cases);
}
