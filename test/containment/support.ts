import nock from "nock";
import type { Probot } from "probot";
import { issueCommentObject, issueObject, labelObject, type AuthorAssociation, type UserObject } from "../fixtures/github-objects.js";
import { installation, issuesOpenedPayload, maintainer, octoOrg, publicRepository, researcher, type WebhookPayload } from "../fixtures/webhook-payloads.js";
import { organizationObject } from "../fixtures/github-objects.js";
import { containmentGitHub, type ContainmentGitHub, type ContainmentGitHubOptions } from "./containment-github.js";
import { openworx, policyYaml } from "../fixtures/policies.js";

export const trackingRepository = "octo-org/security-cases";
export const publicName = publicRepository.full_name;
export const now = new Date("2026-11-16T09:01:00Z");

export const reportTitle = "Search endpoint returns other tenants' widgets";
/** Carriage returns, a mention, an issue reference, backticks, an attachment and non-ASCII: all must survive. */
export const reportBody = [
  "Requesting `/api/widgets/search?q=' OR 1=1--` on https://widgets.example.org/api/widgets/search?q=x returns every tenant's widgets.\r",
  "cc @octo-org/security — same root cause as #12? ```",
  "",
  "![poc](https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab)",
  "Groeten, Zoë 🔐",
].join("\n");

export const policyText = policyYaml(openworx, {
  policy: { contact: "mailto:security@example.org", safeHarbor: undefined },
  tracking: { repository: trackingRepository },
  sla: undefined,
  exclusions: undefined,
});

export function setUp(
  options: ContainmentGitHubOptions & { body?: string; title?: string; authorAssociation?: AuthorAssociation; author?: UserObject } = {},
): ContainmentGitHub {
  nock.cleanAll();
  const github = containmentGitHub({
    configFiles: { [`${publicName}:.github/disclosure.yml`]: policyText },
    privateRepositories: [trackingRepository],
    permissions: { [maintainer.login]: "write" },
    ...options,
  });
  github.addIssue(publicName, {
    number: 42,
    title: options.title ?? reportTitle,
    body: options.body ?? reportBody,
    user: options.author ?? researcher,
    authorAssociation: options.authorAssociation ?? "NONE",
    createdAt: "2026-11-16T09:00:00Z",
  });
  return github;
}

export function issuePayload(github: ContainmentGitHub, action: "opened" | "edited" = "opened", number = 42): WebhookPayload<"issues.opened"> {
  const stored = github.issue(publicName, number);
  if (!stored) throw new Error("no public issue");
  const issue = issueObject({
    repositoryFullName: publicName,
    number,
    id: 3_100_000_000 + number,
    title: stored.title,
    body: stored.body,
    user: stored.user,
    labels: stored.labels.map((name, index) => labelObject(publicName, name, 8_100 + index)),
    locked: stored.locked,
    createdAt: stored.createdAt,
    authorAssociation: stored.authorAssociation,
  });
  const payload = issuesOpenedPayload({ issue });
  return (action === "opened" ? payload : { ...payload, action: "edited", changes: { body: { from: "" } } }) as WebhookPayload<"issues.opened">;
}

export function commentPayload(
  github: ContainmentGitHub,
  comment: { id: number; body: string; login?: string; association?: AuthorAssociation },
): WebhookPayload<"issue_comment.created"> {
  const stored = github.issue(publicName, 42);
  if (!stored) throw new Error("no public issue");
  const user = comment.login === maintainer.login ? maintainer : researcher;
  const payload = {
    action: "created",
    issue: issueObject({
      repositoryFullName: publicName,
      number: 42,
      id: 3_100_000_042,
      title: stored.title,
      body: stored.body,
      user: stored.user,
      locked: stored.locked,
      createdAt: stored.createdAt,
      authorAssociation: stored.authorAssociation,
      comments: 1,
    }),
    comment: issueCommentObject({
      repositoryFullName: publicName,
      issueNumber: 42,
      id: comment.id,
      body: comment.body,
      user,
      createdAt: "2026-11-16T09:30:00Z",
      authorAssociation: comment.association ?? "NONE",
    }),
    repository: publicRepository,
    organization: organizationObject(octoOrg.login, octoOrg.id),
    installation,
    sender: user,
  };
  return payload as unknown as WebhookPayload<"issue_comment.created">;
}

export function deliverIssue(probot: Probot, payload: WebhookPayload<"issues.opened">, id = "delivery-1") {
  return probot.receive({ id, name: "issues", payload } as Parameters<Probot["receive"]>[0]);
}

export function deliverComment(probot: Probot, payload: WebhookPayload<"issue_comment.created">, id = "delivery-c1") {
  return probot.receive({ id, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}
