import type { Probot } from "probot";
import type { DisclosureConfig } from "../config/schema.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import { GitHubGateway, parseRepository } from "../github/gateway.js";
import type { MeasuredCase } from "../sweep/metrics.js";
import { loadInstallationPolicies } from "../sweep/run.js";
import { computeChartFigures, type ChartFigures } from "./charts.js";

/**
 * The organisation-wide overview of `disclosure-desk report`: every installation's private tracking repositories,
 * each with its cases (under the policy each was filed under, as the metrics count them) and the dashboard's figures.
 */

export interface TrackedRepository {
  /** The installation's account. */
  account: string;
  repository: string;
  /** The tracking repository's policy: its zone counts the months, its language names things. */
  config: Pick<DisclosureConfig, "calendar" | "language">;
  cases: MeasuredCase[];
}

export interface RepositoryOverview extends TrackedRepository {
  states: { state: string; count: number }[];
  figures: ChartFigures;
}

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
      const { config } = policies.get(record.source.repository.toLowerCase()) ?? trackingPolicy;
      cases.push({ record, policy: config.policy.name, clock: { sla: config.sla, calendar: config.calendar } });
    }
    tracked.push({ account, repository: trackingName, config: trackingPolicy.config, cases });
  }
  return tracked;
}

/** Every installation's tracking repositories (suspended installations left out). */
export async function collectEveryTrackedRepository(probot: Probot, cache: GatewayCache, now: Date): Promise<TrackedRepository[]> {
  const appOctokit = await probot.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const tracked: TrackedRepository[] = [];
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    const account = installation.account && "login" in installation.account ? installation.account.login : String(installation.id);
    const gateway = new GitHubGateway(await probot.auth(installation.id), cache, installation.id, () => now.getTime());
    tracked.push(...(await collectTrackedRepositories(gateway, account)));
  }
  return tracked;
}

export function overviewOf(tracked: readonly TrackedRepository[], now: Date): RepositoryOverview[] {
  return tracked.map((repository) => {
    const counts = new Map<string, number>();
    for (const { record } of repository.cases) counts.set(record.state, (counts.get(record.state) ?? 0) + 1);
    return {
      ...repository,
      states: [...counts].map(([state, count]) => ({ state, count })),
      figures: computeChartFigures(repository.cases, repository.config.calendar.timezone, now),
    };
  });
}
