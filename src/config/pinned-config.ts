import { gitBlobSha, loadRepositoryConfig, type ConfigFileRef, type ReadConfigFile, type RepositoryConfig } from "./repository-config.js";

/**
 * The policy a case was submitted under. The case pins its config files' git blob SHAs (`policyVersion`, joined by
 * `+`, most specific file first); each file is read as it is now and, when it has changed since, at its pinned
 * blob instead, so a policy edit after intake never changes the rules a report is judged by. A pinned blob that
 * can no longer be read falls back to the current file.
 */
export async function loadPinnedConfig(
  read: ReadConfigFile,
  readBlob: (ref: ConfigFileRef, sha: string) => Promise<string | null>,
  repository: { owner: string; repo: string },
  policyVersion: string | null,
): Promise<RepositoryConfig> {
  const pinned = policyVersion?.split("+") ?? [];
  let position = 0;
  const readPinned: ReadConfigFile = async (ref) => {
    const current = await read(ref);
    if (current === null) return null;
    const sha = pinned[position];
    position += 1;
    if (sha === undefined || gitBlobSha(current) === sha) return current;
    return (await readBlob(ref, sha)) ?? current;
  };
  return loadRepositoryConfig(readPinned, repository);
}
