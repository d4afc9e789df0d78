import { startTestGitHub, type TestGitHub } from "../helpers/github.js";

/** What a proposal test puts in a repository: its files and whether it takes private vulnerability reports. */
export interface RepositorySeed {
  files?: Record<string, string>;
  /** "forbidden": the installation may not read the setting (no `administration` permission). */
  privateReporting?: boolean | "forbidden";
}

/** The test GitHub with these repositories of `octo-org` holding exactly these files. */
export async function repositoriesGitHub(seed: Record<string, RepositorySeed>): Promise<TestGitHub> {
  const github = await startTestGitHub();
  for (const [name, { files = {}, privateReporting = true }] of Object.entries(seed)) {
    const repository = github.state.repository(name) ?? github.state.seedRepository(name);
    repository.files.clear();
    for (const [path, text] of Object.entries(files)) repository.files.set(path, text);
    if (privateReporting === "forbidden") delete github.state.installations.get(github.fixture.installationId)?.permissions.administration;
    else repository.privateVulnerabilityReporting = privateReporting;
  }
  return github;
}

/** The writes GitHub was sent (POST, PATCH, PUT, DELETE), as `METHOD path` with the path decoded. */
export function writes(github: TestGitHub): string[] {
  return github.journal.entries
    .filter((entry) => entry.method !== "GET" && !entry.path.endsWith("/access_tokens"))
    .map((entry) => `${entry.method} ${decodeURIComponent(entry.path)}`);
}
