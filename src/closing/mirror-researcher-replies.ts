import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { planMirror } from "./researcher-replies.js";
import type { DisclosureConfig } from "../config/schema.js";
import type { ConversationGateway } from "../github/conversation-gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";

/** A case as the sweep holds it: the tracking issue as just read, under the case's lock. */
export interface MirroredCase {
  tracking: RepositoryRef;
  number: number;
  body: string;
  labels: string[];
  record: CaseRecord;
  config: Pick<DisclosureConfig, "language" | "calendar" | "sla">;
}

export type MirrorOutcome =
  | { status: "mirrored"; copied: number; resumed: boolean; body: string; labels: string[]; record: CaseRecord }
  | { status: "unchanged" }
  | { status: "unavailable" };

/**
 * Copies new advisory comments into the tracking issue and ends a wait for the researcher when they answered.
 * GitHub sends no webhook for advisory comments, so the sweep calls this for each open case, holding the case's
 * lock; it returns the issue as written so the sweep plans on top of it. Safe to repeat: copied ids are recorded,
 * and each copy carries the comment id as a marker.
 */
export async function mirrorResearcherReplies(gateway: ConversationGateway, openCase: MirroredCase, now: Date): Promise<MirrorOutcome> {
  const { record } = openCase;
  // Only a case reported through GitHub has an advisory thread; an e-mail or contained-issue case has none, and
  // asking for one would answer 404 and mark the installation's advisory comments API as missing.
  if (record.source.ghsaId === undefined) return { status: "unchanged" };
  const advisory = { ...parseRepository(record.source.repository), ghsaId: record.source.ghsaId };
  const comments = await gateway.listAdvisoryComments(advisory, record.conversation?.checkedAt ?? record.openedAt);
  if (comments === "unavailable") return { status: "unavailable" };
  const needsAuthor = record.state === "needs-info" || comments.length > 0;
  const advisoryNow = needsAuthor ? await gateway.readAdvisory(advisory) : null;
  const plan = planMirror({
    record,
    labels: openCase.labels,
    comments,
    researcher: advisoryNow?.author,
    advisoryUrl: advisoryNow?.htmlUrl ?? record.source.url ?? "",
    config: openCase.config,
    now,
  });
  if (plan.actions.length === 0) return { status: "unchanged" };

  let labels = [...openCase.labels];
  let copied = 0;
  let resumed = false;
  for (const action of plan.actions) {
    if (action.type === "replyToMaintainers") {
      await gateway.commentOnIssue(openCase.tracking, openCase.number, action.body);
      copied += 1;
    } else if (action.type === "setLabels") {
      labels = [...labels.filter((label) => !action.remove.includes(label)), ...action.add.filter((label) => !labels.includes(label))];
    } else if (action.type === "setState") {
      resumed = true;
    }
  }
  const body = withCaseBlock(openCase.body, plan.record);
  await gateway.writeIssue(openCase.tracking, openCase.number, { body, labels });
  return { status: "mirrored", copied, resumed, body, labels, record: plan.record };
}
