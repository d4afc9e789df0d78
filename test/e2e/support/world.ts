import { repositoryAdvisoryReportedPayload, type WebhookPayload } from "../../fixtures/webhook-payloads.js";
import type { RepositoryAdvisoryObject } from "../../fixtures/github-objects.js";
import { seedFixtureWorld, type FixtureWorld } from "../../harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../../harness/standin/server.js";
import { startApp, type AppProcess } from "./app-process.js";
import { openworxShort, policyYaml } from "../../fixtures/policies.js";

/** The short Openworx policy as `.github/disclosure.yml`, tracking in the given repository (also seeds the bench's world). */
export const openworxConfig = (trackingRepository: string): string => policyYaml(openworxShort(trackingRepository));

export const WEBHOOK_SECRET = "e2e-webhook-secret";

/** Requests GitHub would refuse as malformed, and answers where the stand-in strayed from GitHub's schema. */
export function invalidRequests(github: StandIn): string[] {
  return github.journal.problems();
}

export interface World {
  github: StandIn;
  fixture: FixtureWorld;
  apps: AppProcess[];
  /** A new advisory known to the stand-in and the payload announcing it. */
  newReport(index: number): WebhookPayload<"repository_advisory.reported">;
  stop(): Promise<void>;
}

export async function startWorld(
  options: {
    config?: string;
    trackingPrivate?: boolean;
    replicas?: number;
    appEnv?: Record<string, string>;
    searchIndexLagMs?: number;
    command?: [string, ...string[]];
  } = {},
): Promise<World> {
  const github = await startStandIn();
  const trackingName = "security-cases";
  const fixture = seedFixtureWorld(github.state, {
    config: options.config ?? openworxConfig(`octo-org/${trackingName}`),
    trackingRepository: { name: trackingName, private: options.trackingPrivate ?? true },
  });
  github.state.features.searchIndexLagMs = options.searchIndexLagMs ?? 0;
  const gitHubHost = new URL(github.url).host;
  const apps: AppProcess[] = [];
  try {
    for (let replica = 0; replica < (options.replicas ?? 1); replica++) {
      apps.push(
        await startApp({
          appId: fixture.app.id,
          privateKey: fixture.app.keys.privateKey,
          webhookSecret: WEBHOOK_SECRET,
          gitHubHost,
          ...(options.appEnv ? { env: options.appEnv } : {}),
          ...(options.command ? { command: options.command } : {}),
        }),
      );
    }
  } catch (error) {
    await Promise.all(apps.map((app) => app.stop()));
    await github.close();
    throw error;
  }
  return {
    github,
    fixture,
    apps,
    newReport(index) {
      const ghsaId = ghsaIdFor(index);
      const payload = repositoryAdvisoryReportedPayload({
        repository_advisory: {
          ghsa_id: ghsaId,
          summary: `Report ${index}: IDOR on invoices`,
          html_url: `https://github.com/${fixture.advisoryRepository}/security/advisories/${ghsaId}`,
        },
      });
      github.state.adoptAdvisory(fixture.advisoryRepository, payload.repository_advisory as unknown as RepositoryAdvisoryObject);
      return payload;
    },
    async stop() {
      await Promise.all(apps.map((app) => app.stop()));
      await github.close();
    },
  };
}

const GHSA_ALPHABET = "23456789cfghjmpqrvwx";

/** A GHSA id in GitHub's alphabet, different for every index. */
export function ghsaIdFor(index: number): string {
  let rest = index + 1;
  let digits = "";
  for (let position = 0; position < 12; position++) {
    digits += GHSA_ALPHABET[rest % GHSA_ALPHABET.length];
    rest = Math.floor(rest / GHSA_ALPHABET.length);
  }
  return `GHSA-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}
