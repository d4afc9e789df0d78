import type { Context } from "probot";
import { parseComment } from "../commands/parse.js";
import { emailCaseMessenger, isEmailCase } from "../email/researcher-channel.js";
import { planComment, planEditedByOther, planUnauthorised, wasHandled } from "../commands/plan-comment.js";
import { claimedCaseKey } from "../github/case-trust.js";
import { ConversationGateway } from "../github/conversation-gateway.js";
import { roleAtLeast } from "../github/permissions.js";
import { GitHubGateway, visibilityOf } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { loadPinnedConfig } from "../config/pinned-config.js";
import { handleContainmentComment } from "./containment-comments.js";
import type { HandlerDependencies } from "./dependencies.js";
import { executeCommentPlan } from "../commands/execute-command.js";
import { reportTamperedCase } from "../sweep/case-integrity.js";
import { loadRepositoryConfig } from "../config/repository-config.js";
import { ProposalsGateway } from "../github/proposals-gateway.js";
import { proposeBlockedReporter } from "../proposals/blocked-reporters.js";
import { indexCase } from "../reporters/index-case.js";

type CommentContext = Context<"issue_comment.created"> | Context<"issue_comment.edited">;

/**
 * The one `issue_comment` handler: `/disclosure` commands in private tracking issues (below) and containment on
 * public issues (containment-comments.ts). Each ignores the comments that belong to the other; both run, and a
 * failure of one does not stop the other.
 */
export function handleIssueComment(dependencies: HandlerDependencies) {
  const trackingIssue = handleTrackingIssueComment(dependencies);
  const publicIssue = handleContainmentComment(dependencies);
  return async (context: CommentContext): Promise<void> => {
    const outcomes = await Promise.allSettled([trackingIssue(context), publicIssue(context)]);
    const errors = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, "issue_comment: both handlers failed");
  };
}

/**
 * `/disclosure` commands in a private tracking issue. In order: ignore what is not a command for us (bots, no
 * command, a repository that is not private); under the lock of the case the issue claims to be, read the issue
 * from GitHub and act only on a case the app opened and sealed there; load the policy the case was submitted under
 * and act only where that policy keeps its cases; check the commenter's permission on this, the case's tracking
 * repository; skip a comment already acted on (a redelivery or an edit); plan and execute.
 */
function handleTrackingIssueComment(dependencies: HandlerDependencies) {
  return async (context: CommentContext): Promise<void> => {
    const { payload } = context;
    const { comment, issue } = payload;
    if (comment.user?.type === "Bot" || payload.sender.type === "Bot" || comment.performed_via_github_app) return;
    const parsed = parseComment(comment.body);
    if (parsed.commands.length === 0 && parsed.problems.length === 0) return;
    const log = context.log.child({ issue: issue.number, comment: comment.id });
    if (visibilityOf(payload.repository) !== "private") {
      log.warn(
        { visibility: visibilityOf(payload.repository) },
        "command in a repository that is not private: ignored, nothing written there",
      );
      return;
    }
    const claimedKey = claimedCaseKey(issue.body);
    const installationId = payload.installation?.id;
    if (claimedKey === undefined || installationId === undefined) return;

    const tracking = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const trackingName = `${tracking.owner}/${tracking.repo}`;
    const gateway = new ConversationGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const configReader = new GitHubGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    await dependencies.locks.withLock(`case:${claimedKey}`, async () => {
      const current = await gateway.readIssue(tracking, issue.number);
      const { reading } = current;
      if (reading.status === "tampered") {
        log.warn({ problem: reading.problem }, "command in a case whose record fails its seal: refused");
        // The record cannot say which policy it is under: the tracking repository's own policy chooses the language;
        // the maintainer who commanded is told now, the team by the next sweep.
        const { config } = await loadRepositoryConfig((ref) => configReader.readConfigFile(ref), tracking);
        await reportTamperedCase(configReader, {
          tracking,
          number: issue.number,
          labels: current.labels,
          language: config.language,
          mention: comment.user?.login ?? payload.sender.login,
          problem: reading.problem,
          occasion: `comment ${comment.id}`,
        });
        return;
      }
      if (reading.status !== "found" || reading.record.key !== claimedKey) {
        log.warn({ status: reading.status }, "command in an issue that is not one of the app's sealed cases: ignored");
        return;
      }
      const caseKey = reading.record.key;
      const policy = await loadPinnedConfig(
        (ref) => configReader.readConfigFile(ref),
        (ref, sha) => gateway.readBlob(ref, sha),
        parseRepository(reading.record.source.repository),
        reading.record.policyVersion,
      );
      const { config } = policy;
      if (config.tracking.repository?.toLowerCase() !== trackingName.toLowerCase()) {
        log.warn(
          { caseKey, tracking: config.tracking.repository ?? null },
          "case outside the tracking repository its policy names: ignored",
        );
        return;
      }
      // The text acted on must be its author's: an edit by anyone else runs nothing, whatever their own permission.
      if (payload.action === "edited" && payload.sender.id !== comment.user?.id) {
        log.info({ caseKey }, "command edited into someone else's comment: refused");
        const plan = planEditedByOther({ config, commentId: comment.id, editor: payload.sender.login });
        for (const action of plan.actions)
          if (action.type === "replyToMaintainers") await gateway.commentOnIssue(tracking, issue.number, action.body);
        return;
      }
      const actor = comment.user?.login ?? payload.sender.login;
      const role = await gateway.repositoryRole(tracking, actor);
      if (!roleAtLeast(role, config.commands.permission)) {
        log.info({ caseKey, role, needed: config.commands.permission }, "command from a user without permission: refused");
        const plan = planUnauthorised({ config, commentId: comment.id, permission: config.commands.permission, actor });
        for (const action of plan.actions)
          if (action.type === "replyToMaintainers") await gateway.commentOnIssue(tracking, issue.number, action.body);
        return;
      }
      if (wasHandled(reading.record, comment.id)) {
        log.info({ caseKey }, "comment already acted on: nothing to do");
        return;
      }
      const ghsaId = reading.record.source.ghsaId ?? caseKey;
      const advisory = { ...parseRepository(reading.record.source.repository), ghsaId };
      // A case opened by e-mail has no advisory: its researcher is written to by e-mail.
      const emailCase = isEmailCase(reading.record);
      const advisoryNow = emailCase ? null : await gateway.readAdvisory(advisory);
      const plan = planComment({
        parsed,
        record: reading.record,
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
          advisoryUrl: advisoryNow?.htmlUrl ?? reading.record.source.url ?? "",
          language: config.language,
          commentCreatedAt: comment.created_at,
          proposeBlockedReporter: (change, reporter) =>
            proposeBlockedReporter(new ProposalsGateway(context.octokit), advisory.owner, config.language, change, reporter),
          ...(emailCase
            ? {
                email: emailCaseMessenger(
                  { gateway: configReader, mailer: dependencies.mailer },
                  {
                    repository: reading.record.source.repository,
                    tracking,
                    number: issue.number,
                    body: current.body,
                    caseKey,
                    language: config.language,
                  },
                ),
              }
            : {}),
        },
        log,
      );
      const written = plan.actions.find((action) => action.type === "updateRecord");
      if (written)
        await indexCase(
          { index: dependencies.cache.caseIndex, installationId },
          { repository: tracking, number: issue.number, record: written.record },
        );
    });
  };
}
