import type { Context } from "probot";
import { parseContainmentCommand } from "../containment/commands.js";
import type { PublicText } from "../containment/public-text.js";
import { permits } from "../github/containment-gateway.js";
import { visibilityOf } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { classify } from "../policy/classify.js";
import { contain, containmentRun, loadPolicy, publicTextOfIssue, release } from "../containment/containment-run.js";
import type { HandlerDependencies } from "./dependencies.js";

type CommentContext = Context<"issue_comment.created"> | Context<"issue_comment.edited">;

/**
 * Comments on issues in PUBLIC repositories (tracking issues are private, and their commands belong to the
 * commands handler): `/disclosure contain|release` from a maintainer, and otherwise a comment that discloses a
 * vulnerability, which is copied into a case and then hidden.
 */
export function handleContainmentComment(dependencies: HandlerDependencies) {
  return async (context: CommentContext): Promise<void> => {
    const { payload } = context;
    if (visibilityOf(payload.repository) === "private" || payload.installation === undefined) return;
    if (payload.comment.user?.type === "Bot" || payload.sender.type === "Bot" || payload.issue.pull_request) return;
    if (payload.action === "created" && (await handleContainmentCommand(context, dependencies))) return;

    // A marker in the comment proves nothing (bots, the app among them, were skipped above): containment decides
    // from the app's case whether this text is already hidden.
    const text = publicTextFromComment(payload);
    const run = containmentRun(
      context.octokit,
      payload.installation.id,
      dependencies,
      context.log.child({ issue: text.issueNumber, comment: text.commentId }),
    );
    const policy = await loadPolicy(run, text.repository);
    const { containment } = policy.config;
    if (!containment.enabled) return;
    const classification = classify({ title: "", body: text.body, authorAssociation: text.authorAssociation }, containment);
    if (!classification.vulnerabilityReport) return;
    await contain(run, policy, text, { type: "automatic", classification });
  };
}

/**
 * `/disclosure contain [comment]` and `/disclosure release [comment]` on a public issue. Returns false when the
 * comment holds no such command, so a caller can go on with other work; true when it was a command (carried out,
 * or refused for lack of permission). Permission is the configured `commands.permission` on the public repository.
 */
export async function handleContainmentCommand(context: CommentContext, dependencies: HandlerDependencies): Promise<boolean> {
  const { payload } = context;
  const command = parseContainmentCommand(payload.comment.body);
  if (!command || visibilityOf(payload.repository) === "private" || payload.installation === undefined) return false;
  const maintainer = payload.comment.user?.login ?? payload.sender.login;
  const log = context.log.child({ issue: payload.issue.number, command: command.verb });
  const run = containmentRun(context.octokit, payload.installation.id, dependencies, log);
  const repository = parseRepository(payload.repository.full_name);
  const policy = await loadPolicy(run, payload.repository.full_name);
  const required = policy.config.commands.permission;
  const level = await run.gateways.containment.permissionOf(repository, maintainer);
  if (!permits(level, required)) {
    log.info({ level, required }, "containment command from a user without permission: refused");
    return true;
  }

  let text = publicTextOfIssue(payload);
  if (command.commentId !== undefined) {
    const comment = await run.gateways.containment.getComment(repository, command.commentId);
    if (!comment || !comment.issueUrl.endsWith(`/issues/${payload.issue.number}`)) {
      log.warn({ commentId: command.commentId }, "containment command names a comment that is not on this issue");
      return true;
    }
    text = {
      ...text,
      kind: "comment",
      commentId: comment.id,
      url: comment.url,
      author: comment.author,
      authorIsBot: comment.authorIsBot,
      authorAssociation: comment.authorAssociation,
      postedAt: new Date(comment.createdAt),
      body: comment.body,
    };
  }
  if (command.verb === "contain") await contain(run, policy, text, { type: "command", maintainer });
  else await release(run, policy, text, maintainer);
  return true;
}

function publicTextFromComment(payload: CommentContext["payload"]): PublicText {
  const { comment } = payload;
  return {
    ...publicTextOfIssue(payload),
    kind: "comment",
    commentId: comment.id,
    url: comment.html_url,
    author: comment.user?.login ?? "",
    authorIsBot: comment.user?.type === "Bot",
    authorAssociation: comment.author_association,
    postedAt: new Date(comment.created_at),
    body: comment.body,
  };
}
