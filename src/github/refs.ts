/** How Disclosure Desk names a repository and an advisory in every GitHub call. */

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface AdvisoryRef extends RepositoryRef {
  ghsaId: string;
}

export function parseRepository(fullName: string): RepositoryRef {
  const [owner, repo] = fullName.split("/");
  if (!owner || !repo) throw new Error(`not a repository name: ${fullName}`);
  return { owner, repo };
}
