import type { ProbotOctokit } from "probot";
import type { RepositoryConfig } from "../config/repository-config.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { ProposalsGateway } from "../github/proposals-gateway.js";
import { planAcknowledgements, type HallOfFameCase } from "./hall-of-fame-proposal.js";
import { executeProposals, type ExecutedProposal, type ProposalLog } from "./execute.js";

/**
 * The sweep's last step for one installation: every case of every private tracking repository it swept, each under
 * the policy it was filed under, planned into hall of fame pages and proposed through pull requests. An unchanged
 * page costs reads only; the case listings are conditional requests the follow-up step has usually just made.
 */

export interface HallOfFameScope {
  gateway: Pick<GitHubGateway, "listCases">;
  /** Each repository's policy, by lower-case `owner/name`. */
  policies: ReadonlyMap<string, RepositoryConfig>;
  /** Each private tracking repository swept (lower-case `owner/name`), with the first policy naming it. */
  trackingPolicies: ReadonlyMap<string, RepositoryConfig>;
  trackingRepositories: readonly string[];
  log: ProposalLog;
}

export type HallOfFameStep = (scope: HallOfFameScope) => Promise<ExecutedProposal[]>;

export function hallOfFameStep(octokit: ProbotOctokit): HallOfFameStep {
  const proposals = new ProposalsGateway(octokit);
  return (scope) => proposeHallOfFame(proposals, scope);
}

export async function proposeHallOfFame(
  proposals: Pick<ProposalsGateway, "proposeFile">,
  scope: HallOfFameScope,
): Promise<ExecutedProposal[]> {
  const anyPolicyNamesAPage = [...scope.policies.values(), ...scope.trackingPolicies.values()].some(
    (policy) => policy.config.publication.acknowledgements !== undefined,
  );
  if (!anyPolicyNamesAPage) return [];
  const cases: HallOfFameCase[] = [];
  for (const trackingName of scope.trackingRepositories) {
    const trackingPolicy = scope.trackingPolicies.get(trackingName.toLowerCase());
    for (const issue of await scope.gateway.listCases(parseRepository(trackingName))) {
      if (issue.reading.status !== "found") continue;
      const { record } = issue.reading;
      const policy = scope.policies.get(record.source.repository.toLowerCase()) ?? trackingPolicy;
      if (policy) cases.push({ record, config: policy.config });
    }
  }
  const plan = planAcknowledgements(cases);
  scope.log.info({ reasons: plan.reasons, actions: plan.actions.length }, "hall of fame planned");
  return executeProposals(proposals, plan, scope.log);
}
