import type { ProbotOctokit } from "probot";
import { renderMessageRelay } from "../case/relay.js";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { ConversationGateway } from "../github/conversation-gateway.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import { parseRepository, type AdvisoryRef, type RepositoryRef } from "../github/refs.js";
import { mirrorResearcherReplies } from "./mirror-researcher-replies.js";
import { renderMessage } from "../messages/render.js";
import type { AdvisoryDraft } from "../github/advisories.js";
import { ClosingGateway } from "../github/closing-gateway.js";
import {
  awaitsCredit,
  planClosingFollowUp,
  planPublicationRefusedByGitHub,
  planPublished,
  type FollowUpAction,
  type FollowUpConfig,
} from "./follow-up.js";
import { planOutsidePublication } from "./outside-publication.js";

/**
 * What the sweep does for each open case besides its deadlines, under the case's lock: copy the researcher's new
 * advisory comments into the tracking issue (GitHub sends no webhook for them), then carry the closing forward —
 * answers, default credit, the advisory's credits, the draft for review, and a requested publication. An advisory
 * found published without a request is handled as a publication outside the gate. A closed duplicate whose
 * reporter was asked about credit is followed until they answer or the policy's default applies.
 */

export interface FollowUpCase {
  tracking: RepositoryRef;
  number: number;
  body: string;
  labels: string[];
  record: CaseRecord;
  config: FollowUpConfig;
}

export interface FollowUpOutcome {
  mirrored: number;
  /** The closing steps carried out, by action type. */
  steps: string[];
  reasons: string[];
}

export type CaseFollowUp = (openCase: FollowUpCase, now: Date) => Promise<FollowUpOutcome>;

export interface FollowUpGateways {
  conversation: ConversationGateway;
  closing: ClosingGateway;
}

/** The follow-up for one installation's sweep. */
export function closingFollowUp(octokit: ProbotOctokit, cache: GatewayCache, installationId: number, now: () => number): CaseFollowUp {
  const gateways = { conversation: new ConversationGateway(octokit, cache, installationId, now), closing: new ClosingGateway(octokit) };
  return (openCase, at) => followUpCase(gateways, openCase, at);
}

export async function followUpCase(gateways: FollowUpGateways, openCase: FollowUpCase, now: Date): Promise<FollowUpOutcome> {
  const outcome: FollowUpOutcome = { mirrored: 0, steps: [], reasons: [] };
  let current = { ...openCase };
  const mirrored = await mirrorResearcherReplies(gateways.conversation, openCase, now);
  if (mirrored.status === "mirrored") {
    outcome.mirrored = mirrored.copied;
    current = { ...current, body: mirrored.body, labels: mirrored.labels, record: mirrored.record };
  }
  const { record } = current;
  if (record.source.ghsaId === undefined || (record.state !== "resolved" && !awaitsCredit(record))) return outcome;
  const advisoryRef = { ...parseRepository(record.source.repository), ghsaId: record.source.ghsaId };
  const advisory = await gateways.closing.readAdvisoryDraft(advisoryRef);
  if (advisory === null) return outcome;

  if (advisory.state === "published" && record.closing?.publication === undefined) {
    const outside = planOutsidePublication({
      record,
      labels: current.labels,
      config: current.config,
      advisoryUrl: advisory.htmlUrl,
      publishedAt: now,
      now,
    });
    if (outside.status === "published") {
      await gateways.conversation.commentOnIssue(current.tracking, current.number, outside.comment);
      await gateways.closing.closeAsCompleted(current.tracking, current.number, {
        body: withCaseBlock(current.body, outside.record),
        labels: outside.labels,
      });
      outcome.steps.push("publishedOutside");
      outcome.reasons.push(...outside.reasons);
    }
    return outcome;
  }

  const since = record.closing?.answersCheckedAt ?? record.resolvedAt ?? record.openedAt;
  const comments = await gateways.conversation.listAdvisoryComments(advisoryRef, since);
  const plan = planClosingFollowUp({
    record,
    labels: current.labels,
    advisory,
    comments: comments === "unavailable" ? [] : comments,
    config: current.config,
    now,
  });
  outcome.reasons.push(...plan.reasons);
  await executeFollowUp(gateways, current, advisoryRef, advisory, plan.actions, now, outcome);
  return outcome;
}

async function executeFollowUp(
  gateways: FollowUpGateways,
  openCase: FollowUpCase,
  advisoryRef: AdvisoryRef,
  advisory: AdvisoryDraft,
  planned: FollowUpAction[],
  now: Date,
  outcome: FollowUpOutcome,
): Promise<void> {
  const { config } = openCase;
  const queue = [...planned];
  const notes: string[] = [];
  let labels = [...openCase.labels];
  let record: CaseRecord | undefined;
  let close = false;
  const since = openCase.record.resolvedAt ?? openCase.record.openedAt;

  for (let action = queue.shift(); action !== undefined; action = queue.shift()) {
    outcome.steps.push(action.type);
    switch (action.type) {
      case "setAdvisoryCredits": {
        const result = await gateways.conversation.updateAdvisory(advisoryRef, { credits: action.credits });
        if (result.status === "refused") {
          notes.push(
            renderMessage(config.language, "advisory-refused", {
              advisoryUrl: advisory.htmlUrl,
              change: "credits",
              message: result.message,
              marker: "",
            }),
          );
        }
        break;
      }
      case "messageResearcher": {
        const sent = await gateways.conversation.messageResearcher(advisoryRef, action.message, action.marker, since);
        if (sent.status === "unavailable") {
          notes.push(renderMessageRelay(config.language, advisory.htmlUrl, { message: action.message, reason: sent.reason }));
          if (!labels.includes("relay-needed")) labels.push("relay-needed");
          if (action.purpose === "review") markReviewRelayed(queue);
        }
        break;
      }
      case "publishAdvisory": {
        const result = await gateways.conversation.updateAdvisory(advisoryRef, { state: "published" });
        const pending = recordOf(queue) ?? openCase.record;
        if (result.status === "refused") {
          const refused = planPublicationRefusedByGitHub(pending, config, result.message, advisory.htmlUrl);
          replaceRecord(queue, refused.record);
          notes.push(refused.note);
          break;
        }
        let requested = pending;
        if (action.cve) {
          const cve = await gateways.closing.requestCve(advisoryRef);
          if (cve.status === "refused")
            notes.push(
              renderMessage(config.language, "advisory-refused", {
                advisoryUrl: advisory.htmlUrl,
                change: "CVE request",
                message: cve.message,
                marker: "",
              }),
            );
          // The sweep's dashboard step follows the request from this time until the id appears.
          else requested = { ...pending, cve: { ...pending.cve, requestedAt: now.toISOString() } };
        }
        const published = planPublished({ record: requested, labels: labelsAfter(queue, labels), advisory, config, now, cve: action.cve });
        notes.push(published.note);
        removeLabelChanges(queue);
        labels = published.labels;
        replaceRecord(queue, published.record, true);
        queue.unshift(...published.effects);
        break;
      }
      case "noteMaintainers":
        notes.unshift(action.body);
        break;
      case "setLabels":
        labels = [...labels.filter((label) => !action.remove.includes(label)), ...action.add.filter((label) => !labels.includes(label))];
        break;
      case "recordClosing":
        record = action.record;
        close = action.close;
        break;
      default: {
        const unknown: never = action;
        throw new Error(`unknown follow-up action ${JSON.stringify(unknown)}`);
      }
    }
  }

  if (notes.length > 0)
    await gateways.conversation.commentOnIssue(openCase.tracking, openCase.number, `${notes.map((note) => note.trim()).join("\n\n")}\n`);
  const labelsChanged = labels.join("\n") !== openCase.labels.join("\n");
  if (record === undefined && !labelsChanged) return;
  const body = withCaseBlock(openCase.body, record ?? openCase.record);
  if (close) await gateways.closing.closeAsCompleted(openCase.tracking, openCase.number, { body, labels });
  else await gateways.conversation.writeIssue(openCase.tracking, openCase.number, { body, labels });
}

function recordOf(queue: readonly FollowUpAction[]): CaseRecord | undefined {
  const found = queue.find((action) => action.type === "recordClosing");
  return found?.type === "recordClosing" ? found.record : undefined;
}

/** Puts `record` in the plan's record write (adding one when the plan had none). */
function replaceRecord(queue: FollowUpAction[], record: CaseRecord, close = false): void {
  const index = queue.findIndex((action) => action.type === "recordClosing");
  const write: FollowUpAction = { type: "recordClosing", record, close };
  if (index === -1) queue.push(write);
  else queue[index] = write;
}

function labelsAfter(queue: readonly FollowUpAction[], labels: readonly string[]): string[] {
  let result = [...labels];
  for (const action of queue) {
    if (action.type === "setLabels")
      result = [...result.filter((label) => !action.remove.includes(label)), ...action.add.filter((label) => !result.includes(label))];
  }
  return result;
}

function removeLabelChanges(queue: FollowUpAction[]): void {
  for (let index = queue.length - 1; index >= 0; index -= 1) if (queue[index]?.type === "setLabels") queue.splice(index, 1);
}

/** The draft could not be posted: the review waits for a maintainer to relay it (`/disclosure relayed`). */
function markReviewRelayed(queue: FollowUpAction[]): void {
  const record = recordOf(queue);
  const review = record?.closing?.review;
  if (record !== undefined && review !== undefined) {
    replaceRecord(queue, { ...record, closing: { ...record.closing, review: { ...review, status: "relay-needed" } } });
  }
}
