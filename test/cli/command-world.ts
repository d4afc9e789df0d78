import { pino } from "pino";
import { CASE_RECORD_VERSION, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import type { IssueObject } from "../fixtures/github-objects.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import type { AppState, InstallationState } from "../harness/standin/state.js";
import { sealedForTest, TestOctokit, testTrust } from "../helpers/probot.js";

/**
 * The command-line commands against the stand-in for GitHub, as an operator runs them: the app's credentials and
 * GHE_HOST in the environment, every request checked against GitHub's REST description. Each account has a public
 * `widgets` repository whose policy keeps its cases in the private `security-cases` repository.
 */

export const researcherLogin = "rosa-researcher";

export interface CommandWorld {
  github: StandIn;
  app: AppState;
  /** An organisation with the app installed (suspended there when `suspendedAt` is given). */
  seedAccount(org: string, options?: { policy?: string; suspendedAt?: string }): InstallationState;
  /** A sealed case in the account's tracking repository, naming the researcher in its body. */
  seedCase(org: string, key: string): IssueObject;
  run<T>(
    command: (args: string[], io: SweepCommandIo, overrides: typeof commandOverrides) => Promise<T>,
    args: string[],
  ): Promise<{ code: T; out: string; err: string }>;
  /** Requests GitHub would refuse (invalid against its description, or answered 422), and stray stand-in answers. */
  refused(): string[];
  close(): Promise<void>;
}

export const commandOverrides = { Octokit: TestOctokit, log: pino({ level: "silent" }), trust: testTrust };

export const trackingOf = (org: string) => `${org}/security-cases`;

export async function commandWorld(): Promise<CommandWorld> {
  const github = await startStandIn();
  // The test key seals the cases; the app's id and bot account are the ones the test trust knows.
  const app = github.state.seedApp({ id: testTrust.identity.appId });
  const researcher = github.state.seedUser(researcherLogin);
  return {
    github,
    app,
    seedAccount(org, options = {}) {
      github.state.seedOrganization(org);
      github.state.seedRepository(`${org}/widgets`, {
        files: { ".github/disclosure.yml": options.policy ?? `tracking:\n  repository: ${trackingOf(org)}\n` },
      });
      github.state.seedRepository(trackingOf(org), { private: true });
      return github.state.seedInstallation(org, options.suspendedAt ? { suspendedAt: options.suspendedAt } : {});
    },
    seedCase(org, key) {
      const tracking = github.state.repository(trackingOf(org));
      if (!tracking) throw new Error(`seed the account ${org} first`);
      const record: CaseRecord = {
        v: CASE_RECORD_VERSION,
        key,
        channel: "advisory",
        source: { repository: `${org}/widgets`, ghsaId: key },
        state: "accepted",
        receivedAt: "2026-11-16T08:30:00.000Z",
        openedAt: "2026-11-16T08:31:00.000Z",
        firstResponseAt: "2026-11-17T10:00:00.000Z",
        policyVersion: null,
        configError: false,
        deadlines: { responseDue: "2026-11-23T23:59:59.999Z" },
        acknowledgement: { status: "sent", at: "2026-11-16T08:31:00.000Z" },
      };
      const body = withCaseBlock(`## SQL injection in the widget search\n\n| Reported by | ${researcher.login} |`, record);
      const issue = github.state.createIssue(tracking, {
        title: `${key}: SQL injection in the widget search`,
        body,
        labels: ["disclosure", "state:accepted"],
        user: app.bot,
      });
      issue.body = sealedForTest(issue.body ?? "", trackingOf(org), issue.number);
      return issue;
    },
    async run(command, args) {
      const out: string[] = [];
      const err: string[] = [];
      const host = new URL(github.url).host;
      const io: SweepCommandIo = {
        env: { APP_ID: String(app.id), PRIVATE_KEY: app.keys.privateKey, GHE_HOST: host, GHE_PROTOCOL: "http" },
        stdout: (text) => out.push(text),
        stderr: (text) => err.push(text),
        readFile: async (path) => {
          throw new Error(`ENOENT: ${path}`);
        },
        // The stand-in checks the app's JWT against the wall clock, so the commands keep it.
        now: () => new Date(),
      };
      const code = await command(args, io, commandOverrides);
      return { code, out: out.join(""), err: err.join("") };
    },
    refused() {
      return github.journal.entries
        .filter((entry) => entry.invalid || entry.status === 422 || entry.responseProblems.length > 0)
        .flatMap((entry) => [`${entry.method} ${entry.path}: ${entry.status}`, ...entry.problems, ...entry.responseProblems]);
    },
    close: () => github.close(),
  };
}
