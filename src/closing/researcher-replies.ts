import type { CaseRecord } from "../case/case-record.js";
import type { DisclosureConfig } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { formatDeadline } from "../sla/index.js";
import { withStateChange } from "../case/state-change.js";
import type { TrackingIssueAction } from "../case/tracking-issue-action.js";

/**
 * What the researcher wrote on the advisory, copied into the private tracking issue where maintainers work, as a
 * pure planner. GitHub sends no webhook for advisory comments, so the sweep polls and calls this. Comments by the
 * app (bots, or carrying a Disclosure Desk marker) and comments already copied are skipped. A reply from the
 * researcher to a case waiting on them ends the wait: the case goes back to triage and the clock runs again.
 */

export const MIRRORED_COMMENTS_KEPT = 200;

export interface ResearcherComment {
  id: number;
  body: string;
  author: string;
  authorType: string;
  createdAt: string;
  updatedAt: string;
}

export interface MirrorFacts {
  record: CaseRecord;
  labels: readonly string[];
  comments: readonly ResearcherComment[];
  /** The advisory's author; only their reply ends a wait for the researcher. */
  researcher: string | undefined;
  advisoryUrl: string;
  config: Pick<DisclosureConfig, "language" | "calendar" | "sla">;
  now: Date;
}

export interface MirrorPlan {
  reasons: string[];
  actions: TrackingIssueAction[];
  record: CaseRecord;
}

export function mirrorMarker(commentId: number): string {
  return `<!-- disclosure-desk:mirror ${commentId} -->`;
}

export function isFromDisclosureDesk(comment: Pick<ResearcherComment, "authorType" | "body">): boolean {
  return comment.authorType === "Bot" || comment.body.includes("<!-- disclosure-desk:");
}

export function planMirror(facts: MirrorFacts): MirrorPlan {
  const { config, now } = facts;
  const mirrored = new Set(facts.record.conversation?.mirrored ?? []);
  const fresh = facts.comments
    .filter((comment) => !mirrored.has(comment.id) && !isFromDisclosureDesk(comment))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const latestSeen = [facts.record.conversation?.checkedAt, ...facts.comments.map((comment) => comment.updatedAt)]
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const reasons: string[] = [];
  const actions: TrackingIssueAction[] = [];
  let record = facts.record;

  for (const comment of fresh) {
    const fromResearcher = facts.researcher !== undefined && comment.author.toLowerCase() === facts.researcher.toLowerCase();
    const resumes = fromResearcher && record.state === "needs-info";
    if (resumes) {
      // The wait ends when the answer was written, not when the sweep noticed it.
      const answeredAt = new Date(Math.min(Date.parse(comment.createdAt), now.getTime()));
      record = withStateChange(record, "triage", answeredAt, config.sla);
      actions.push({ type: "setState", from: "needs-info", to: "triage", issue: "open" });
      reasons.push(`the researcher answered on ${comment.createdAt}: back to triage, clock running`);
    }
    if (fromResearcher) record = { ...record, researcherActivityAt: comment.createdAt };
    actions.push({
      type: "replyToMaintainers",
      body: renderMessage(config.language, "researcher-reply-mirror", {
        author: untrusted(comment.author),
        url: facts.advisoryUrl,
        writtenAt: formatDeadline(new Date(comment.createdAt), config.calendar.timezone, config.language),
        body: untrusted(comment.body),
        resumed: resumes,
        marker: mirrorMarker(comment.id),
      }),
    });
    reasons.push(`comment ${comment.id} by ${fromResearcher ? "the researcher" : "another participant"} copied`);
  }

  if (fresh.length === 0 && latestSeen === facts.record.conversation?.checkedAt)
    return { reasons: ["nothing new on the advisory"], actions: [], record };
  if (actions.some((action) => action.type === "setState")) {
    const labels = facts.labels.filter((label) => label !== "state:needs-info");
    actions.push({ type: "setLabels", add: ["state:triage"], remove: facts.labels.filter((label) => !labels.includes(label)) });
  }
  record = {
    ...record,
    conversation: {
      mirrored: [...mirrored, ...fresh.map((comment) => comment.id)].slice(-MIRRORED_COMMENTS_KEPT),
      ...(latestSeen === undefined ? {} : { checkedAt: latestSeen }),
    },
  };
  actions.push({ type: "updateRecord", record });
  return { reasons, actions, record };
}
