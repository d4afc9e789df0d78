import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { pino } from "pino";
import { disclosureDesk } from "../../src/app.js";
import { caseSecretFrom, sealCaseBody } from "../../src/case/trust.js";
import { trustedOctokit } from "../../src/github/case-trust.js";
import { createGatewayCache, createInProcessPendingAcknowledgements } from "../../src/github/gateway-cache.js";
import type { HandlerDependencies } from "../../src/handlers/dependencies.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";

let privateKey: string | undefined;

/** An RSA key made once per test file: Probot signs real app JWTs with it. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

/** The app as the test Probot and the GitHub fakes know it: id 123, bot account `disclosure-desk[bot]`. */
export const testTrust: HandlerDependencies["trust"] = {
  identity: { appId: 123, botLogin: "disclosure-desk[bot]" },
  secret: caseSecretFrom({ caseSecret: "test case secret" }),
};

/** A tracking-issue body as the app writes it: its case block sealed for that issue with the test key. */
export function sealedForTest(body: string, repository: string, issue: number): string {
  return sealCaseBody(body, { repository, issue }, testTrust.secret);
}

/**
 * The app's GitHub client as in production (every request through the case-trust plugin), with throttling and
 * retries off (the function form: Probot 14 overwrites the object form).
 */
export const TestOctokit = trustedOctokit(
  ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { enabled: false },
    retry: { enabled: false },
  })),
  testTrust,
);

/**
 * A handler's dependencies as one running process has them, at a frozen `now`. The process started `startedAt`
 * (default: an hour before `now`), so the ledger of pending acknowledgements vouches for reports submitted since.
 */
export function testDependencies(now: Date, startedAt = new Date(now.getTime() - 60 * 60_000)): HandlerDependencies {
  return {
    cache: createGatewayCache({ pendingAcknowledgements: createInProcessPendingAcknowledgements(startedAt.getTime()) }),
    locks: createInProcessLocks(),
    now: () => now.getTime(),
    platform: { advisories: true },
    trust: testTrust,
  };
}

/** The test Probot; `baseUrl`: where its GitHub answers, e.g. a test GitHub's URL (`test/helpers/github.ts`). */
export function createTestProbot(dependencies: HandlerDependencies, baseUrl?: string): Probot {
  const probot = new Probot({
    appId: testTrust.identity.appId,
    privateKey: testPrivateKey(),
    ...(baseUrl ? { baseUrl } : {}),
    Octokit: TestOctokit,
    log: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
  });
  void probot.load(disclosureDesk(dependencies));
  return probot;
}
