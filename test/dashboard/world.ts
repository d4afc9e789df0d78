import { pino } from "pino";
import { Probot } from "probot";
import { withCaseBlock, CASE_RECORD_VERSION, type CaseRecord } from "../../src/case/case-record.js";
import { configSchema } from "../../src/config/schema.js";
import { dashboardStep } from "../../src/dashboard/dashboard-step.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { createInProcessLocks, type CaseLocks } from "../../src/case/case-locks.js";
import { computeDeadlines } from "../../src/sla/index.js";
import { loadInstallationPolicies, sweepInstallation, type InstallationSweepSummary } from "../../src/sweep/run.js";
import type { IssueObject, RepositoryAdvisoryObject } from "../fixtures/github-objects.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import type { RepositoryState } from "../harness/standin/state.js";
import { sealedForTest, TestOctokit } from "../helpers/probot.js";
import { openworx, policyYaml } from "../fixtures/policies.js";

/**
 * A stand-in GitHub for the dashboard tests: the organisation, its public source repository with the policy, the
 * private tracking repository, the app's installation, and helpers to seed cases as the app writes them.
 */

export const trackingName = "octo-org/security-cases";
export const policyText = policyYaml(openworx, {
  policy: { contact: undefined, safeHarbor: undefined },
  tracking: { repository: trackingName, team: "octo-org/security" },
  sla: { resolution: { days: 30 }, updates: undefined, remind: { businessDaysBefore: 1 }, needsInfo: { pauseClock: true } },
  exclusions: undefined,
  cve: { remindAfterDays: 7 },
});
export const policy = configSchema.parse({
  tracking: { repository: trackingName, team: "octo-org/security" },
  calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
  sla: { response: { businessDays: 5 }, resolution: { days: 30 }, remind: { businessDaysBefore: 1 }, needsInfo: { pauseClock: true } },
});

export interface DashboardWorld {
  github: StandIn;
  tracking: RepositoryState;
  installationId: number;
  probot: Probot;
  seedCase(key: string, title: string, receivedAt: string, changes?: Partial<CaseRecord>, open?: boolean): IssueObject;
  seedAdvisory(ghsaId: string): RepositoryAdvisoryObject;
  sweep(now: Date, locks?: CaseLocks): Promise<InstallationSweepSummary>;
  dashboards(): IssueObject[];
  /** The GitHub operations one refresh of the dashboards makes, the installation token left out (one per sweep). */
  refreshCalls(now: Date): Promise<string[]>;
  writes(): { method: string; path: string; body: unknown }[];
  close(): Promise<void>;
}

export function caseRecord(key: string, receivedAt: string, changes: Partial<CaseRecord> = {}): CaseRecord {
  const deadlines = computeDeadlines({ receivedAt: new Date(receivedAt) }, policy.sla, policy.calendar);
  return {
    v: CASE_RECORD_VERSION,
    key,
    channel: "advisory",
    source: { repository: "octo-org/widgets", ghsaId: key, url: `https://github.com/octo-org/widgets/security/advisories/${key}` },
    state: "triage",
    receivedAt,
    openedAt: receivedAt,
    policyVersion: null,
    configError: false,
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
    },
    acknowledgement: { status: "sent", at: receivedAt },
    ...changes,
  };
}

export async function dashboardWorld(): Promise<DashboardWorld> {
  const github = await startStandIn();
  const app = github.state.seedApp({ id: 123 });
  github.state.seedOrganization("octo-org");
  github.state.seedRepository("octo-org/widgets", { files: { ".github/disclosure.yml": policyText } });
  const tracking = github.state.seedRepository(trackingName, { private: true });
  const installationId = github.state.seedInstallation("octo-org").id;
  const researcher = github.state.seedUser("rosa-researcher");
  const probot = new Probot({
    appId: app.id,
    privateKey: app.keys.privateKey,
    baseUrl: github.url,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  return {
    github,
    tracking,
    installationId,
    probot,
    seedCase(key, title, receivedAt, changes = {}, open = true) {
      const record = caseRecord(key, receivedAt, changes);
      const issue = github.state.createIssue(tracking, {
        title,
        body: withCaseBlock("## Case", record),
        labels: ["disclosure", `state:${record.state}`],
        user: app.bot,
      });
      issue.body = sealedForTest(issue.body ?? "", trackingName, issue.number);
      if (!open) issue.state = "closed";
      return issue;
    },
    seedAdvisory(ghsaId) {
      return github.state.seedAdvisory("octo-org/widgets", {
        ghsaId,
        author: researcher,
        state: "published",
        summary: "SQL injection in the widget search",
      });
    },
    async sweep(now, locks = createInProcessLocks()) {
      const octokit = await probot.auth(installationId);
      const cache = createGatewayCache();
      const gateway = new GitHubGateway(octokit, cache, installationId, () => now.getTime());
      return sweepInstallation(gateway, {
        now,
        dryRun: false,
        maxRequests: 5_000,
        locks,
        log: pino({ level: "silent" }),
        dashboard: dashboardStep(octokit, cache, installationId),
      });
    },
    dashboards() {
      return [...tracking.issues.values()].filter(
        (issue) =>
          issue.state === "open" &&
          issue.labels.some((label) => label.name === "disclosure-dashboard") &&
          issue.user?.login === app.bot.login,
      );
    },
    async refreshCalls(now) {
      const octokit = await probot.auth(installationId);
      const cache = createGatewayCache();
      const { policies, trackingPolicies } = await loadInstallationPolicies(
        new GitHubGateway(octokit, cache, installationId, () => now.getTime()),
      );
      github.journal.clear();
      await dashboardStep(
        octokit,
        cache,
        installationId,
      )({
        policies,
        trackingPolicies,
        trackingRepositories: [trackingName],
        locks: createInProcessLocks(),
        log: pino({ level: "silent" }),
        now,
      });
      return github.journal.entries.map((entry) => entry.operationId ?? entry.path);
    },
    writes() {
      return github.journal.entries.filter((entry) => entry.method !== "GET").map(({ method, path, body }) => ({ method, path, body }));
    },
    async close() {
      const refused = github.journal.entries
        .filter((entry) => entry.invalid || entry.status === 422)
        .flatMap((entry) => [`${entry.method} ${entry.path}: ${entry.status}`, ...entry.problems]);
      const strayAnswers = github.journal.entries.flatMap((entry) => entry.responseProblems);
      await github.close();
      if (refused.length > 0 || strayAnswers.length > 0)
        throw new Error(`requests GitHub would refuse: ${[...refused, ...strayAnswers].join("\n")}`);
    },
  };
}
