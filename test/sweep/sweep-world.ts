import { pino } from "pino";
import { renderCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { createGatewayCache, type GatewayCache } from "../../src/github/gateway-cache.js";
import { GitHubGateway } from "../../src/github/gateway.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import type { SweepOptions } from "../../src/sweep/run.js";
import { repositoryAdvisoryObject } from "../fixtures/github-objects.js";
import { installation, researcher } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, type IssueView, type TestGitHub } from "../helpers/github.js";
import { sealedForTest, TestOctokit } from "../helpers/probot.js";
import { openworx, policyYaml } from "../fixtures/policies.js";

export const trackingRepository = "octo-org/security-cases";
export const sourceRepository = "octo-org/widgets";

const openworxConfig = policyYaml(openworx, {
  policy: { contact: undefined, safeHarbor: undefined },
  tracking: { repository: trackingRepository, team: "octo-org/security" },
  sla: { resolution: { days: 30 }, remind: { businessDaysBefore: 1 }, needsInfo: { pauseClock: true, closeAfterDays: 30 } },
  exclusions: undefined,
});

export interface SweepWorld {
  github: TestGitHub;
  /** A case's tracking issue as the app opened it, sealed; its advisory is known to GitHub, past triage. */
  addCase(record: CaseRecord, labels?: string[]): IssueView;
  gateway(now: Date, cache?: GatewayCache): GitHubGateway;
  options(now: Date, changes?: Partial<SweepOptions>): SweepOptions;
  /** The environment that points a command line run at this GitHub (as at a GitHub Enterprise Server). */
  env: Record<string, string>;
}

export interface SweepWorldOptions {
  /** More repositories of the organisation's installation by name, listed before the others, each with its `.github/disclosure.yml`. */
  moreRepositories?: Record<string, string>;
  /** "missing": the advisory comments API answers 404, so messages to the researcher are relayed. */
  commentsApi?: "available" | "missing";
}

/**
 * The test GitHub as a sweep finds it: the installation's repositories (the more ones listed first), the source
 * repository under the Openworx policy, and no report waiting in triage until a test adds one.
 */
export async function sweepWorld({ moreRepositories = {}, commentsApi = "available" }: SweepWorldOptions = {}): Promise<SweepWorld> {
  const github = await startTestGitHub({ config: openworxConfig, commentsApi });
  const { state } = github;
  const seeded = [...state.repositories];
  state.repositories.clear();
  for (const [name, config] of Object.entries(moreRepositories))
    state.seedRepository(`octo-org/${name}`, { files: { ".github/disclosure.yml": config } });
  for (const [key, repository] of seeded) state.repositories.set(key, repository);
  const source = state.repository(sourceRepository);
  if (!source) throw new Error("no source repository");
  source.advisories.clear();

  return {
    github,
    addCase(record, labels = ["disclosure", "state:triage"]) {
      const tracking = state.repository(trackingRepository);
      if (!tracking) throw new Error("no tracking repository");
      const number = tracking.nextIssueNumber;
      github.seedIssue(trackingRepository, {
        title: `${record.key}: a report`,
        body: sealedForTest(`Case ${record.key}\n\n${renderCaseBlock(record)}\n`, trackingRepository, number),
        labels,
      });
      if (record.key.startsWith("GHSA-") && !source.advisories.has(record.key)) {
        state.adoptAdvisory(sourceRepository, { ...triageAdvisory(record.key, record.receivedAt), state: "draft" });
      }
      const [issue] = github.issues(trackingRepository).filter((candidate) => candidate.number === number);
      if (!issue) throw new Error("the case was not opened");
      return issue;
    },
    gateway(now, cache = createGatewayCache()) {
      return new GitHubGateway(
        new TestOctokit({ auth: { token: github.installationToken }, baseUrl: github.url }),
        cache,
        installation.id,
        () => now.getTime(),
      );
    },
    options(now, changes = {}) {
      return {
        now,
        dryRun: false,
        maxRequests: 5_000,
        locks: createInProcessLocks(),
        log: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
        ...changes,
      };
    },
    env: { GHE_HOST: github.url.replace(/^http:\/\//, ""), GHE_PROTOCOL: "http" },
  };
}

/** A private report still in triage, as the organisation's advisory listing returns it. */
export function triageAdvisory(ghsaId: string, createdAt: string) {
  return repositoryAdvisoryObject({
    repositoryFullName: sourceRepository,
    ghsaId,
    summary: "Stored XSS in the widget title",
    description:
      "## Summary\nThe widget title on https://widgets.example.org is rendered unescaped.\n\n## Steps to reproduce\n1. Create a widget titled <script>alert(1)</script>\n2. Open it.",
    severity: "medium",
    cvssVector: null,
    cvssScore: null,
    state: "triage",
    author: researcher,
    vulnerabilities: [],
    cweIds: [],
    credits: [],
    submissionAccepted: false,
    createdAt,
  });
}
