import type { Logger } from "probot";
import { renderMessageRelay } from "../case/relay.js";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import type { CommentPlan } from "./plan-comment.js";
import type { AdvisoryChanges } from "../github/advisories.js";
import type { Language } from "../config/schema.js";
import type { ConversationGateway, IssueNow } from "../github/conversation-gateway.js";
import type { AdvisoryRef, RepositoryRef } from "../github/refs.js";
import type { EmailCaseMessenger } from "../email/researcher-channel.js";
import { UNDELIVERED_LABEL } from "../email/researcher-email.js";
import { renderMessage } from "../messages/render.js";
import type { BlockProposalOutcome } from "../proposals/blocked-reporters.js";

export interface CommandTarget {
  tracking: RepositoryRef;
  issue: IssueNow;
  advisory: AdvisoryRef;
  advisoryUrl: string;
  language: Language;
  /** Messages already on the advisory from this time on are looked at before posting (a retry after a crash). */
  commentCreatedAt: string;
  /** Set for a case opened by e-mail: its researcher messages go by e-mail, and there is no advisory to update. */
  email?: EmailCaseMessenger;
  /** Proposes a change to the organisation's `reporters.blocked` (`src/proposals/blocked-reporters.ts`). */
  proposeBlockedReporter?: BlockedReporterProposer;
}

export type BlockedReporterProposer = (change: "block" | "unblock", reporter: string) => Promise<BlockProposalOutcome>;

/**
 * Carries out a comment's plan in the order that keeps promises: the advisory and the researcher first, then one
 * write of the tracking issue (record, labels, open or closed), then the reply to maintainers. A crash before the
 * write means the redelivery plans again and finds its messages by their markers instead of sending them twice.
 */
export async function executeCommentPlan(
  gateway: ConversationGateway,
  plan: CommentPlan,
  target: CommandTarget,
  log: Logger,
): Promise<void> {
  let record: CaseRecord | undefined;
  let labels = [...target.issue.labels];
  let issueState: "open" | "closed" | undefined;
  const notes: string[] = [];
  let reply: string | undefined;

  for (const action of plan.actions) {
    switch (action.type) {
      case "updateAdvisory": {
        if (target.email) {
          log.info({ changes: Object.keys(action.changes) }, "e-mail case: no advisory to update");
          break;
        }
        const outcome = await gateway.updateAdvisory(target.advisory, action.changes);
        if (outcome.status === "refused") {
          log.warn({ changes: Object.keys(action.changes) }, "advisory update refused by GitHub");
          notes.push(
            renderMessage(target.language, "advisory-refused", {
              advisoryUrl: target.advisoryUrl,
              change: describeChanges(action.changes),
              message: outcome.message,
              marker: "",
            }),
          );
        }
        break;
      }
      case "messageResearcher": {
        if (target.email) {
          const emailed = await target.email(action.message, action.marker);
          if (emailed.status === "sent") {
            log.info({ template: action.template, attempts: emailed.attempts }, "researcher messaged by e-mail");
            break;
          }
          if (emailed.status === "failed") {
            // sendResearcherEmail surfaced the message on the tracking issue; the issue write below keeps its label.
            log.warn(
              { template: action.template, attempts: emailed.attempts, reason: emailed.reason },
              "e-mail not delivered: surfaced for a maintainer to send",
            );
            if (!labels.includes(UNDELIVERED_LABEL)) labels.push(UNDELIVERED_LABEL);
            break;
          }
          log.warn({ template: action.template }, "e-mail case without an e-mail thread: message to be relayed by a maintainer");
          notes.push(renderMessageRelay(target.language, target.advisoryUrl, { message: action.message, reason: "no-email-thread" }));
          if (!labels.includes("relay-needed")) labels.push("relay-needed");
          break;
        }
        const outcome = await gateway.messageResearcher(target.advisory, action.message, action.marker, target.commentCreatedAt);
        if (outcome.status === "sent") {
          log.info({ template: action.template, advisoryComment: outcome.id }, "researcher messaged");
        } else {
          log.warn({ template: action.template, reason: outcome.reason }, "message to be relayed by a maintainer");
          notes.push(renderMessageRelay(target.language, target.advisoryUrl, { message: action.message, reason: outcome.reason }));
          if (!labels.includes("relay-needed")) labels.push("relay-needed");
        }
        break;
      }
      case "setState":
        issueState = action.issue;
        break;
      case "setLabels":
        labels = [...labels.filter((label) => !action.remove.includes(label)), ...action.add.filter((label) => !labels.includes(label))];
        break;
      case "updateRecord":
        record = action.record;
        break;
      case "replyToMaintainers":
        reply = action.body;
        break;
      case "proposeBlockedReporter": {
        if (!target.proposeBlockedReporter) throw new Error("a block command needs a proposer of the organisation's config");
        const outcome = await target.proposeBlockedReporter(action.change, action.reporter);
        log.info({ change: action.change, status: outcome.status }, "reporters.blocked change proposed");
        notes.push(
          renderMessage(target.language, "blocked-reporters-proposal", {
            pullRequest: "pullRequest" in outcome ? outcome.pullRequest.url : undefined,
            status: outcome.status,
            problem: outcome.status === "not-editable" ? outcome.problem : undefined,
          }),
        );
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`unknown command action ${JSON.stringify(unknown)}`);
      }
    }
  }

  if (record) {
    await gateway.writeIssue(target.tracking, target.issue.number, {
      body: withCaseBlock(target.issue.body, record),
      labels,
      ...(issueState !== undefined && issueState !== target.issue.state ? { state: issueState } : {}),
    });
  } else if (labels.includes("relay-needed") && !target.issue.labels.includes("relay-needed")) {
    await gateway.addLabels(target.tracking, target.issue.number, ["relay-needed"]);
  }
  if (reply !== undefined || notes.length > 0) {
    await gateway.commentOnIssue(target.tracking, target.issue.number, [...notes, reply ?? ""].join("\n\n").trim() + "\n");
  }
}

function describeChanges(changes: AdvisoryChanges): string {
  return Object.entries(changes)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}
