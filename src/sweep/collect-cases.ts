import type { Probot } from "probot";
import type { GatewayCache } from "../github/gateway-cache.js";
import { GitHubGateway, parseRepository } from "../github/gateway.js";
import type { MeasuredCase } from "./metrics.js";
import { loadInstallationPolicies } from "./run.js";

/**
 * Every case of one installation, open or closed, with the policy it runs under: the input of the metrics. Only
 * private tracking repositories are read, as for the sweep; issues without a readable case block are left out.
 */
export async function collectMeasuredCases(gateway: GitHubGateway): Promise<MeasuredCase[]> {
  const { policies, trackingPolicies } = await loadInstallationPolicies(gateway);
  const cases: MeasuredCase[] = [];
  for (const [trackingName, trackingPolicy] of trackingPolicies) {
    const repository = parseRepository(trackingName);
    if (!(await gateway.isPrivateRepository(repository))) continue;
    for (const issue of await gateway.listCases(repository)) {
      if (issue.reading.status !== "found") continue;
      const { record } = issue.reading;
      const { config } = policies.get(record.source.repository.toLowerCase()) ?? trackingPolicy;
      cases.push({ record, policy: config.policy.name, clock: { sla: config.sla, calendar: config.calendar } });
    }
  }
  return cases;
}

/** The cases of every installation the app's JWT can list (suspended installations left out). */
export async function collectCasesOfEveryInstallation(probot: Probot, cache: GatewayCache, now: Date): Promise<MeasuredCase[]> {
  const appOctokit = await probot.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const cases: MeasuredCase[] = [];
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    const gateway = new GitHubGateway(await probot.auth(installation.id), cache, installation.id, () => now.getTime());
    cases.push(...(await collectMeasuredCases(gateway)));
  }
  return cases;
}
