import { afterEach, expect } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { disclosureDesk } from "../../src/app.js";
import { createGatewayCache, type GatewayCache } from "../../src/github/gateway-cache.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import { repositoryAdvisoryObject, type IssueObject } from "../fixtures/github-objects.js";
import { installation, octoOrg, repositoryAdvisoryReportedPayload, researcher } from "../fixtures/webhook-payloads.js";
import { cjsonFiles, cjsonTags } from "../fixtures/code/cjson.js";
import { startStandIn, type JournalEntry, type StandIn } from "../harness/standin/server.js";
import type { InstallationState, RepositoryState } from "../harness/standin/state.js";
import { TestOctokit, testTrust } from "../helpers/probot.js";

/**
 * The stand-in GitHub holding cJSON 1.7.18 (its real tree, tags and main source files) as `octo-org/cjson`, a private
 * tracking repository, and the app's installation; reports arrive as `repository_advisory.reported` webhooks through
 * the real handler.
 */

export const codeRepository = "octo-org/cjson";
export const trackingName = "octo-org/security-cases";
const reportedAt = "2026-11-16T08:30:00Z";
const now = new Date("2026-11-16T08:31:00Z");

export interface ClaimsWorld {
  github: StandIn;
  source: RepositoryState;
  tracking: RepositoryState;
  installation: InstallationState;
  /** A new cache for every report unless `shared`: what one report costs on its own. */
  report(report: { summary: string; description: string }, options?: { shared?: boolean }): Promise<ReportedCase>;
  /** A report that may open no case (a blocked reporter's): its requests only. */
  deliver(report: { summary: string; description: string }): Promise<Pick<ReportedCase, "requests" | "codeReads">>;
  close(): Promise<void>;
}

export interface ReportedCase {
  issue: IssueObject;
  labels: string[];
  /** The requests this intake made, the installation token left out. */
  requests: JournalEntry[];
  /** Reads of the reported repository's code: tags, trees and files other than the configuration. */
  codeReads: JournalEntry[];
  acknowledgement: string | undefined;
}

export async function claimsWorld(options: { config?: string; permissions?: InstallationState["permissions"] } = {}): Promise<ClaimsWorld> {
  const github = await startStandIn();
  const app = github.state.seedApp({ id: testTrust.identity.appId });
  github.state.seedOrganization(octoOrg.login, octoOrg.id);
  github.state.seedUser(researcher.login, "User", researcher.id);
  const config = options.config ?? `tracking:\n  repository: ${trackingName}\n`;
  const source = github.state.seedRepository(codeRepository, { files: { ...cjsonFiles(), ".github/disclosure.yml": config } });
  for (const tag of cjsonTags()) github.state.seedTag(codeRepository, tag);
  const tracking = github.state.seedRepository(trackingName, { private: true });
  const seeded = github.state.seedInstallation(octoOrg.login, {
    id: installation.id,
    ...(options.permissions ? { permissions: options.permissions } : {}),
  });
  const sharedCache = createGatewayCache();
  let delivery = 0;

  async function deliver(content: { summary: string; description: string }, reportOptions: { shared?: boolean } = {}) {
    delivery++;
    const ghsaId = ghsaIdOf(delivery);
    const advisory = github.state.adoptAdvisory(
      codeRepository,
      repositoryAdvisoryObject({
        repositoryFullName: codeRepository,
        ghsaId,
        summary: content.summary,
        description: content.description,
        severity: null,
        cvssVector: null,
        cvssScore: null,
        state: "triage",
        author: researcher,
        vulnerabilities: [],
        cweIds: [],
        credits: [{ user: researcher, type: "finder", state: "accepted" }],
        submissionAccepted: false,
        createdAt: reportedAt,
      }),
    );
    const payload = { ...repositoryAdvisoryReportedPayload(), repository_advisory: advisory, repository: source.repository };
    const cache: GatewayCache = reportOptions.shared ? sharedCache : createGatewayCache();
    const probot = new Probot({
      appId: app.id,
      privateKey: app.keys.privateKey,
      baseUrl: github.url,
      Octokit: TestOctokit,
      log: pino({ level: "silent" }),
    });
    await probot.load(
      disclosureDesk({ cache, locks: createInProcessLocks(), now: () => now.getTime(), platform: { advisories: true }, trust: testTrust }),
    );
    const before = github.journal.entries.length;
    await probot.receive({ id: `delivery-${delivery}`, name: "repository_advisory", payload } as unknown as Parameters<
      typeof probot.receive
    >[0]);
    const requests = github.journal.entries.slice(before).filter((entry) => entry.operationId !== "apps/create-installation-access-token");
    return { ghsaId, requests, codeReads: requests.filter(isCodeRead) };
  }

  async function report(
    content: { summary: string; description: string },
    reportOptions: { shared?: boolean } = {},
  ): Promise<ReportedCase> {
    const { ghsaId, requests, codeReads } = await deliver(content, reportOptions);
    const issue = [...tracking.issues.values()].find((candidate) => candidate.title.startsWith(ghsaId));
    if (!issue)
      throw new Error(
        `no tracking issue for ${ghsaId}: ${requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join("; ")}`,
      );
    return {
      issue,
      labels: issue.labels.map((label) => label.name),
      requests,
      codeReads,
      acknowledgement: source.advisoryComments.get(ghsaId)?.[0]?.body,
    };
  }

  return { github, source, tracking, installation: seeded, report, deliver, close: () => github.close() };
}

function isCodeRead(entry: JournalEntry): boolean {
  if (entry.operationId === "git/get-tree" || entry.operationId === "git/list-matching-refs") return true;
  return entry.operationId === "repos/get-content" && !decodeURIComponent(entry.path).includes("/contents/.github/");
}

/** GHSA ids use digits 2-9 and the letters c f g h j m p q r v w x. */
function ghsaIdOf(index: number): string {
  const alphabet = "23456789cfghjmpqrvwx";
  const digits = Array.from(
    { length: 4 },
    (_, position) => alphabet[Math.floor(index / alphabet.length ** position) % alphabet.length],
  ).join("");
  return `GHSA-${digits}-wxyz-2345`;
}

/**
 * Opens worlds for the tests of one file and closes each after its test, which fails if the stand-in saw a request
 * GitHub would refuse or answered in a shape GitHub would not.
 */
export function claimsWorlds(): (options?: Parameters<typeof claimsWorld>[0]) => Promise<ClaimsWorld> {
  let current: ClaimsWorld | undefined;
  afterEach(async () => {
    if (!current) return;
    const problems = harnessProblems(current.github);
    await current.close();
    current = undefined;
    expect(problems).toEqual([]);
  });
  return async (options) => (current = await claimsWorld(options));
}

/** The requests the stand-in refused as malformed, or answered in a shape GitHub would not. */
export function harnessProblems(github: StandIn): string[] {
  return github.journal.entries.flatMap((entry) => [
    ...(entry.invalid ? [`${entry.method} ${entry.path}: ${entry.status} ${entry.problems.join("; ")}`] : []),
    ...entry.responseProblems.map((problem) => `${entry.method} ${entry.path}: ${problem}`),
  ]);
}
