import type { ProbotOctokit } from "probot";
import type { RepositoryRef } from "./refs.js";
import { hasStatus } from "./status.js";

/**
 * Who may act on a repository: the one permission check, used for maintainer commands and containment commands
 * alike. GitHub's `role_name` names the role (a custom role names itself, so its base `permission` is used); any
 * answer outside GitHub's five roles counts as no role.
 */

export type RepositoryRole = "read" | "triage" | "write" | "maintain" | "admin";

const ROLE_RANK: Record<RepositoryRole, number> = { read: 0, triage: 1, write: 2, maintain: 3, admin: 4 };

export function roleAtLeast(role: RepositoryRole | "none", needed: RepositoryRole): boolean {
  return role !== "none" && ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** A user's role on a repository; a user who is not a collaborator at all (404) has none. */
export async function collaboratorRole(
  octokit: ProbotOctokit,
  repository: RepositoryRef,
  username: string,
): Promise<RepositoryRole | "none"> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repository, username });
    if (data.role_name in ROLE_RANK) return data.role_name as RepositoryRole;
    return data.permission in ROLE_RANK ? (data.permission as RepositoryRole) : "none";
  } catch (error) {
    if (hasStatus(error, 404)) return "none";
    throw error;
  }
}
