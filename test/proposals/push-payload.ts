import { repositoryObject } from "../fixtures/github-objects.js";
import { installation, maintainer, octoOrg } from "../fixtures/webhook-payloads.js";

/** A `push` webhook payload as GitHub sends it, for one commit touching `paths`. */
export function pushPayload(options: { repo?: string; ref?: string; paths?: string[]; after?: string } = {}) {
  const name = options.repo ?? "widgets";
  const repository = { ...repositoryObject({ owner: octoOrg, name, id: 7_300_010, private: false }), default_branch: "main" };
  const after = options.after ?? "5f2c1a9e0b7d4c3a2f1e0d9c8b7a6f5e4d3c2b1a";
  const author = { name: maintainer.login, email: "max@example.org", username: maintainer.login };
  const commit = {
    id: after,
    tree_id: "0d9c8b7a6f5e4d3c2b1a5f2c1a9e0b7d4c3a2f1e",
    distinct: true,
    message: "Tighten the disclosure policy",
    timestamp: "2026-11-16T09:00:00+01:00",
    url: `https://github.com/octo-org/${name}/commit/${after}`,
    author,
    committer: author,
    added: [],
    removed: [],
    modified: options.paths ?? [".github/disclosure.yml"],
  };
  return {
    ref: options.ref ?? "refs/heads/main",
    before: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
    after,
    repository,
    pusher: { name: maintainer.login, email: "max@example.org" },
    organization: {
      login: octoOrg.login,
      id: octoOrg.id,
      node_id: octoOrg.node_id,
      url: "https://api.github.com/orgs/octo-org",
      repos_url: "https://api.github.com/orgs/octo-org/repos",
      events_url: "https://api.github.com/orgs/octo-org/events",
      hooks_url: "https://api.github.com/orgs/octo-org/hooks",
      issues_url: "https://api.github.com/orgs/octo-org/issues",
      members_url: "https://api.github.com/orgs/octo-org/members{/member}",
      public_members_url: "https://api.github.com/orgs/octo-org/public_members{/member}",
      avatar_url: "https://avatars.githubusercontent.com/u/9100001?v=4",
      description: null,
    },
    sender: maintainer,
    installation,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/octo-org/${name}/compare/1a2b3c4d5e6f...${after.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit,
  };
}
