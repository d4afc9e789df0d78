import type { Probot, ProbotOctokit } from "probot";
import type { RepositoryRef } from "./refs.js";

/**
 * E-mail arrives without a webhook's installation: this finds the installation of the repository an address is
 * routed to (the App's own credentials, one request) and authenticates as it. An installation found is remembered
 * for an hour; a repository the App is not installed on (404) is `null`.
 */

export interface InstallationClient {
  installationId: number;
  octokit: ProbotOctokit;
}

const INSTALLATION_TTL_MS = 60 * 60_000;

export function installationClients(
  app: Pick<Probot, "auth">,
  now: () => number = Date.now,
): (repository: RepositoryRef) => Promise<InstallationClient | null> {
  const known = new Map<string, { installationId: number; at: number }>();
  return async (repository) => {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    let entry = known.get(key);
    if (!entry || now() - entry.at > INSTALLATION_TTL_MS) {
      const appOctokit = await app.auth();
      try {
        const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner: repository.owner, repo: repository.repo });
        entry = { installationId: data.id, at: now() };
        known.set(key, entry);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    }
    return { installationId: entry.installationId, octokit: await app.auth(entry.installationId) };
  };
}
