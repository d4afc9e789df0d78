import type { Context } from "probot";
import { readCaseBlock } from "../case/case-record.js";
import { parseComment } from "../commands/parse.js";
import { emailCaseMessenger, isEmailCase } from "../email/researcher-channel.js";
import { planComment, planEditedByOther, planUnauthorised, wasHandled } from "../commands/plan-comment.js";
import { ConversationGateway, roleAtLeast } from "../github/conversation-gateway.js";
import { GitHubGateway, parseRepository } from "../github/gateway.js";
import { loadPinnedConfig } from "./command-config.js";
import type { HandlerDependencies } from "./dependencies.js";
import { executeCommentPlan } from "./execute-command.js";

type CommentContext = Context<"issue_comment.created"> | Context<"issue_comment.edited">;

/**
 * `/disclosure` commands in a private tracking issue. In order: ignore what is not a command for us (bots, no
 * command, a public repository, an issue without a case); load the policy the case was submitted under; check the
 * commenter's permission through GitHub; then, under the case's lock, re-read the issue, skip a comment already
 * acted on (a redelivery or an edit), plan and execute.
 */
export function handleIssueComment(dependencies: HandlerDependencies) {
  return async (context: CommentContext): Promise<void> => {
    const { payload } = context;
    const { comment, issue } = payload;
    if (comment.user?.type === "Bot" || payload.sender.type === "Bot" || comment.performed_via_github_app) return;
    const parsed = parseComment(comment.body);
    if (parsed.commands.length === 0 && parsed.problems.length === 0) return;
    const log = context.log.child({ issue: issue.number, comment: comment.id });
    if (payload.repository.private !== true) {
      log.warn("command in a public repository: ignored, nothing written there");
      return;
    }
    const reading = readCaseBlock(issue.body);
    if (reading.status !== "found") {
      if (reading.status === "invalid") log.warn({ problem: reading.problem }, "command in an issue whose case block is invalid: ignored");
      return;
    }
    const installationId = payload.installation?.id;
    if (installationId === undefined) return;

    const caseKey = reading.record.key;
    const tracking = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const gateway = new ConversationGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const configReader = new GitHubGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const policy = await loadPinnedConfig(
      (ref) => configReader.readConfigFile(ref),
      (ref, sha) => gateway.readBlob(ref, sha),
      parseRepository(reading.record.source.repository),
      reading.record.policyVersion,
    );
    const { config } = policy;
    // The text acted on must be its author's: an edit by anyone else runs nothing, whatever their own permission.
    if (payload.action === "edited" && payload.sender.id !== comment.user?.id) {
      log.info({ caseKey }, "command edited into someone else's comment: refused");
      const plan = planEditedByOther({ config, commentId: comment.id, editor: payload.sender.login });
      for (const action of plan.actions) if (action.type === "replyToMaintainers") await gateway.commentOnIssue(tracking, issue.number, action.body);
      return;
    }
    const actor = comment.user?.login ?? payload.sender.login;
    const role = await gateway.repositoryRole(tracking, actor);
    if (!roleAtLeast(role, config.commands.permission)) {
      log.info({ caseKey, role, needed: config.commands.permission }, "command from a user without permission: refused");
      const plan = planUnauthorised({ config, commentId: comment.id, permission: config.commands.permission, actor });
      for (const action of plan.actions) if (action.type === "replyToMaintainers") await gateway.commentOnIssue(tracking, issue.number, action.body);
      return;
    }

    await dependencies.locks.withLock(`case:${caseKey}`, async () => {
      const current = await gateway.readIssue(tracking, issue.number);
      const fresh = readCaseBlock(current.body);
      if (fresh.status !== "found" || fresh.record.key !== caseKey) return;
      if (wasHandled(fresh.record, comment.id)) {
        log.info({ caseKey }, "comment already acted on: nothing to do");
        return;
      }
      const ghsaId = fresh.record.source.ghsaId ?? caseKey;
      const advisory = { ...parseRepository(fresh.record.source.repository), ghsaId };
      // A case opened by e-mail has no advisory: its researcher is written to by e-mail.
      const emailCase = isEmailCase(fresh.record);
      const advisoryNow = emailCase ? null : await gateway.readAdvisory(advisory);
      const plan = planComment({
        parsed,
        record: fresh.record,
        labels: current.labels,
        config,
        actor,
        now: new Date(dependencies.now()),
        ...(advisoryNow?.author === undefined ? {} : { researcher: advisoryNow.author }),
        commentId: comment.id,
      });
      log.info({ caseKey, reasons: plan.reasons, actions: plan.actions.map((action) => action.type) }, "commands planned");
      await executeCommentPlan(
        gateway,
        plan,
        {
          tracking,
          issue: current,
          advisory,
          advisoryUrl: advisoryNow?.htmlUrl ?? fresh.record.source.url ?? "",
          language: config.language,
          commentCreatedAt: comment.created_at,
          ...(emailCase
            ? {
                email: emailCaseMessenger(
                  { gateway: configReader, mailer: dependencies.mailer },
                  { tracking, number: issue.number, body: current.body, caseKey, language: config.language },
                ),
              }
            : {}),
        },
        log,
      );
    });
  };
}
