import type { RepositoryRef } from "../github/refs.js";

/**
 * What Disclosure Desk proposes through pull requests: a closed union of actions, decided by pure planners and
 * carried out by one executor. Markers carry names only, never content.
 */

export type ProposalName = "security-md" | "acknowledgements" | "reporters-blocked";

export interface ProposeFileAction {
  type: "proposeFile";
  name: ProposalName;
  repository: RepositoryRef;
  path: string;
  content: string;
  branch: string;
  title: string;
  body: string;
  marker: string;
}

export type ProposalAction = ProposeFileAction;

export interface ProposalPlan {
  reasons: string[];
  actions: ProposalAction[];
}

const DEFAULT_SLUGS: Record<ProposalName, string> = {
  "security-md": "security-md",
  acknowledgements: "acknowledgements-md",
  "reporters-blocked": "github-disclosure-yml",
};

/** The branch of a proposal: Disclosure Desk's own, so it may rebuild it. */
export function proposalBranch(name: ProposalName, path: string): string {
  const slug = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug === DEFAULT_SLUGS[name] ? `disclosure-desk/${name}` : `disclosure-desk/${name}-${slug}`;
}

/** The hidden marker of a proposal's pull request. */
export function proposalMarker(name: ProposalName, path: string): string {
  return `<!-- disclosure-desk:proposal ${name} ${path.replace(/-->/g, "")} -->`;
}
