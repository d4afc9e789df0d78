import type { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/gateway.js";
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
