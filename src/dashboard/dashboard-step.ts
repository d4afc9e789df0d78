import type { Logger, ProbotOctokit } from "probot";
import { ClosingGateway } from "../github/closing-gateway.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import { ConversationGateway } from "../github/conversation-gateway.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { renderMessage } from "../messages/render.js";
import type { CaseLocks } from "../case/case-locks.js";
import { followCveRequest, followsCve, type CveGateways } from "./cve-follow.js";
import { DashboardGateway } from "../github/dashboard-gateway.js";
import { planDashboard, type DashboardCase } from "./dashboard-view.js";
import { dashboardHashOf, renderDashboard } from "./render-dashboard.js";

/**
 * The sweep's dashboard step for one installation: in every private tracking repository it swept, first follow the
 * outstanding CVE requests (each under its case's lock), then bring the one dashboard issue up to date — under the
 * repository's dashboard lock, so two replicas never open two, and only when the rendered body's hash differs from
 * the one the issue carries, so an unchanged repository costs reads only and a changed one one write.
 */

export interface DashboardScope {
  /** Each repository's policy, by lower-case `owner/name`. */
  policies: ReadonlyMap<string, RepositoryConfig>;
  /** Each private tracking repository swept (lower-case `owner/name`), with the first policy naming it. */
  trackingPolicies: ReadonlyMap<string, RepositoryConfig>;
  trackingRepositories: readonly string[];
  locks: CaseLocks;
  log: Logger;
  now: Date;
}

export type DashboardOutcome = { repository: string; dashboard: "created" | "updated" | "unchanged"; number: number; cveFollowed: number };

export type DashboardStep = (scope: DashboardScope) => Promise<DashboardOutcome[]>;

export interface DashboardGateways extends CveGateways {
  dashboard: DashboardGateway;
}

export function dashboardStep(octokit: ProbotOctokit, cache: GatewayCache, installationId: number): DashboardStep {
  return (scope) => {
    const gateways: DashboardGateways = {
      dashboard: new DashboardGateway(octokit),
      conversation: new ConversationGateway(octokit, cache, installationId, () => scope.now.getTime()),
      closing: new ClosingGateway(octokit),
    };
    return refreshDashboards(gateways, scope);
  };
}

export async function refreshDashboards(gateways: DashboardGateways, scope: DashboardScope): Promise<DashboardOutcome[]> {
  const outcomes: DashboardOutcome[] = [];
  for (const trackingName of scope.trackingRepositories) {
    const trackingPolicy = scope.trackingPolicies.get(trackingName.toLowerCase());
    if (trackingPolicy) outcomes.push(await refreshDashboard(gateways, scope, parseRepository(trackingName), trackingPolicy));
  }
  return outcomes;
}

async function refreshDashboard(
  gateways: DashboardGateways,
  scope: DashboardScope,
  tracking: RepositoryRef,
  trackingPolicy: RepositoryConfig,
): Promise<DashboardOutcome> {
  const trackingName = `${tracking.owner}/${tracking.repo}`.toLowerCase();
  const cases: DashboardCase[] = [];
  let cveFollowed = 0;
  for (const issue of await gateways.dashboard.listCases(tracking)) {
    if (issue.reading.status !== "found") continue;
    let { record } = issue.reading;
    // Only a case whose source policy keeps its cases here, as in the sweep: a look-alike elsewhere is not shown.
    const policy = scope.policies.get(record.source.repository.toLowerCase());
    if (policy?.config.tracking.repository?.toLowerCase() !== trackingName) continue;
    const { config } = policy;
    if (followsCve(record, scope.now) || (record.cve?.id !== undefined && record.cve.researcherToldAt === undefined)) {
      const followed = await scope.locks.withLock(`case:${record.key}`, () =>
        followCveRequest(gateways, { tracking, number: issue.number, key: record.key, config }, scope.now),
      );
      if (followed) {
        record = followed.record;
        cveFollowed += 1;
        if (followed.actions.length > 0)
          scope.log.info(
            { caseKey: record.key, issue: issue.number, actions: followed.actions.map((action) => action.type) },
            "CVE request followed",
          );
      }
    }
    cases.push({ number: issue.number, title: issue.title, record, config });
  }
  const { language } = trackingPolicy.config;
  const { body, hash } = renderDashboard(planDashboard(cases, trackingPolicy.config, scope.now), language);
  return scope.locks.withLock(`dashboard:${trackingName}`, async () => {
    const [current, ...extra] = await gateways.dashboard.listDashboards(tracking);
    for (const duplicate of extra) await gateways.dashboard.closeDashboard(tracking, duplicate.number);
    if (current === undefined) {
      const number = await gateways.dashboard.createDashboard(tracking, renderMessage(language, "dashboard-title", {}).trim(), body);
      scope.log.info({ repository: trackingName, issue: number }, "dashboard opened");
      return { repository: trackingName, dashboard: "created" as const, number, cveFollowed };
    }
    if (dashboardHashOf(current.body) === hash)
      return { repository: trackingName, dashboard: "unchanged" as const, number: current.number, cveFollowed };
    await gateways.dashboard.updateDashboard(tracking, current.number, body);
    scope.log.info({ repository: trackingName, issue: current.number }, "dashboard updated");
    return { repository: trackingName, dashboard: "updated" as const, number: current.number, cveFollowed };
  });
}
