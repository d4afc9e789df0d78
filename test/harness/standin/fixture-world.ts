/**
 * Seeds a stand-in with the same organisation, repositories, installation and advisory that the webhook fixtures
 * describe, so an end-to-end test can send `repositoryAdvisoryReportedPayload()` and the app finds on "GitHub"
 * exactly what the payload says.
 */
import {
  installation,
  maintainer,
  octoOrg,
  publicRepository,
  repositoryAdvisoryReportedPayload,
  researcher,
} from "../../fixtures/webhook-payloads.js";
import type { RepositoryAdvisoryObject } from "../../fixtures/github-objects.js";
import type { AppState, StandInState } from "./state.js";

export interface FixtureWorld {
  app: AppState;
  installationId: number;
  ghsaId: string;
  /** Where the reported advisory lives (public). */
  advisoryRepository: string;
  /** The private repository for tracking issues. */
  trackingRepository: string;
}

export function seedFixtureWorld(
  state: StandInState,
  options: { config?: string; trackingRepository?: { name: string; private: boolean }; app?: Parameters<StandInState["seedApp"]>[0] } = {},
): FixtureWorld {
  const app = state.seedApp(options.app);
  state.seedOrganization(octoOrg.login, octoOrg.id);
  state.seedUser(researcher.login, "User", researcher.id);
  state.seedUser(maintainer.login, "User", maintainer.id);
  const tracking = options.trackingRepository ?? { name: "security-cases", private: true };
  const trackingRepository = `${octoOrg.login}/${tracking.name}`;
  const config = options.config ?? `tracking:\n  repository: ${trackingRepository}\n`;
  state.seedRepository(publicRepository.full_name, {
    id: publicRepository.id,
    private: false,
    files: { ".github/disclosure.yml": config },
  });
  state.seedRepository(trackingRepository, { private: tracking.private, permissions: { [maintainer.login]: "maintain" } });
  state.seedInstallation(octoOrg.login, { id: installation.id });
  // The payload is typed as Probot declares it (null-only author); at run time it is the fixture's advisory object.
  const reported = repositoryAdvisoryReportedPayload().repository_advisory as unknown as RepositoryAdvisoryObject;
  const advisory = state.adoptAdvisory(publicRepository.full_name, reported);
  return {
    app,
    installationId: installation.id,
    ghsaId: advisory.ghsa_id,
    advisoryRepository: publicRepository.full_name,
    trackingRepository,
  };
}
