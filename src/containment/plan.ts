import { newCaseRecord, withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { caseLabels, PUBLIC_TRACKING_NOTICE_TITLE, trackingIssueTitle } from "../case/intake.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import { renderMessage } from "../messages/render.js";
import { truncate, untrusted } from "../messages/untrusted-text.js";
import type { Classification } from "../policy/classify.js";
import { triage, type TriageDecision } from "../policy/triage.js";
import { computeDeadlines, formatDeadline } from "../sla/index.js";
import { encodeOriginal, sha256 } from "./original-copy.js";
import { severityView, triageView } from "../case/triage-view.js";
import {
  ADVISORY_PENDING,
  advisoryMarker,
  attachmentLinks,
  CASE_LABEL,
  CONTAINED_LABEL,
  containedMarker,
  containmentCaseKey,
  guidanceMarker,
  type PublicText,
} from "./public-text.js";

/**
 * Containment as a pure planner: a public text that looks like a vulnerability report is first copied into a private
 * case, and only after the copy is confirmed hidden from the public. The plan lists the steps in that order; each
 * step is skipped when GitHub already shows it done, so a redelivery after a crash finishes the job.
 */

export type ContainmentTrigger = { type: "automatic"; classification: Classification } | { type: "command"; maintainer: string };

export interface ExistingCase {
  number: number;
  body: string;
  record: CaseRecord;
}

export interface ContainmentFacts {
  text: PublicText;
  trigger: ContainmentTrigger;
  policy: RepositoryConfig;
  /** The configured tracking repository and whether GitHub says it is private; absent when none is configured. */
  tracking?: { repository: string; isPrivate: boolean };
  existingCase: ExistingCase | null;
  /** Whether the public issue is locked now. */
  issueLocked: boolean;
  issueLabels: string[];
  now: Date;
}

export type ContainmentAction =
  | {
      type: "openCase";
      repository: string;
      title: string;
      body: string;
      labels: string[];
      record: CaseRecord;
      /** Parts of the exact original that did not fit in the body, one comment each. */
      originalComments: string[];
    }
  | { type: "addCopy"; originalComments: string[]; record: CaseRecord }
  | { type: "createDraftAdvisory"; summary: string; description: string; marker: string; reporter?: string }
  | { type: "confirmCopy"; sha256: string }
  | { type: "lockIssue" }
  | { type: "replacePublicText"; body: string }
  | { type: "labelIssue"; labels: string[] }
  | { type: "guideReporter"; body: string; marker: string }
  | { type: "recordContained"; lockedByContainment: boolean }
  | { type: "warnPublicTrackingRepository"; repository: string; title: string; body: string };

export interface ContainmentPlan {
  caseKey: string;
  outcome: "contain" | "leave" | "refuse";
  reasons: string[];
  actions: ContainmentAction[];
}

/** GitHub's limit on an issue body or comment, in characters. */
export const BODY_LIMIT = 65_536;

export function planContainment(facts: ContainmentFacts): ContainmentPlan {
  const { text, trigger, policy } = facts;
  const { config } = policy;
  const caseKey = containmentCaseKey(text);
  const reasons: string[] = [];
  const leave = (reason: string): ContainmentPlan => ({ caseKey, outcome: "leave", reasons: [...reasons, reason], actions: [] });
  const refuse = (reason: string, actions: ContainmentAction[] = []): ContainmentPlan => ({
    caseKey,
    outcome: "refuse",
    reasons: [...reasons, reason],
    actions,
  });

  if (trigger.type === "automatic") {
    if (!config.containment.enabled) return leave("containment is turned off in the configuration");
    if (!trigger.classification.vulnerabilityReport) {
      return leave(`not a vulnerability report (confidence ${trigger.classification.confidence})`);
    }
    if (facts.existingCase?.record.containment?.status === "released") {
      return leave(`a maintainer released case ${caseKey} as not a vulnerability report`);
    }
    reasons.push(`classified as a vulnerability report (confidence ${trigger.classification.confidence})`);
  } else {
    reasons.push(`${trigger.maintainer} asked to contain it`);
  }

  if (!facts.tracking) return refuse("no tracking repository is configured: there is no private place for the copy, so nothing is hidden");
  if (!facts.tracking.isPrivate) {
    return refuse(`tracking repository ${facts.tracking.repository} is public: no report content is written there and nothing is hidden`, [
      {
        type: "warnPublicTrackingRepository",
        repository: facts.tracking.repository,
        title: PUBLIC_TRACKING_NOTICE_TITLE,
        body: renderMessage(config.language, "public-tracking-repository", {
          repository: facts.tracking.repository,
          marker: "<!-- disclosure-desk:public-tracking-repository -->",
        }),
      },
    ]);
  }

  const alreadyHidden = text.body.includes(containedMarker(caseKey));
  const actions: ContainmentAction[] = [];
  if (alreadyHidden) {
    if (!facts.existingCase?.record.containment) {
      return refuse(`the public text carries the note of case ${caseKey} but the case is missing: nothing to copy from`);
    }
    reasons.push("the public text is already replaced");
  } else {
    const hash = sha256(text.body);
    const existing = facts.existingCase;
    if (!existing) {
      actions.push(openCase(facts, caseKey, facts.tracking.repository));
      reasons.push(`copying the report into a new case in ${facts.tracking.repository}`);
    } else if (existing.record.containment?.originalSha256 !== hash) {
      const encoded = encodeOriginal(text.body);
      actions.push({
        type: "addCopy",
        originalComments: encoded.parts,
        record: containmentRecord(existing.record, text, hash, "copied"),
      });
      reasons.push(`case ${caseKey} exists as #${existing.number}; copying the text as it is now`);
    } else {
      reasons.push(`case ${caseKey} exists as #${existing.number} with this exact text`);
    }
    if (config.containment.draftAdvisory && !existing?.record.containment?.advisory) actions.push(draftAdvisory(facts, caseKey));
    actions.push({ type: "confirmCopy", sha256: hash });
  }

  if (text.kind === "issue" && !facts.issueLocked) actions.push({ type: "lockIssue" });
  if (!alreadyHidden) {
    actions.push({
      type: "replacePublicText",
      body: renderMessage(config.language, "containment-notice", { comment: text.kind === "comment", marker: containedMarker(caseKey) }),
    });
  }
  if (text.kind === "issue" && !facts.issueLabels.includes(CONTAINED_LABEL)) actions.push({ type: "labelIssue", labels: [CONTAINED_LABEL] });
  const guidanceSent = facts.existingCase?.record.acknowledgement.status === "sent";
  if (!guidanceSent) {
    actions.push({ type: "guideReporter", body: renderGuidance(facts, caseKey), marker: guidanceMarker(caseKey) });
  }
  const lockedBefore = facts.existingCase?.record.containment?.lockedByContainment ?? false;
  actions.push({ type: "recordContained", lockedByContainment: text.kind === "issue" && (!facts.issueLocked || lockedBefore) });
  return { caseKey, outcome: "contain", reasons, actions };
}

function openCase(facts: ContainmentFacts, caseKey: string, trackingRepository: string): Extract<ContainmentAction, { type: "openCase" }> {
  const { text, policy, now } = facts;
  const { config } = policy;
  const decision = triage({ report: { id: caseKey, title: text.issueTitle, body: text.body, repository: text.repository }, config });
  const deadlines = computeDeadlines({ receivedAt: text.postedAt }, config.sla, config.calendar);
  const hash = sha256(text.body);
  const base = newCaseRecord({
    key: caseKey,
    channel: "issue",
    source: { repository: text.repository, url: text.url },
    receivedAt: text.postedAt,
    now,
    policy,
    deadlines,
    acknowledgement: "pending",
  });
  const record = containmentRecord(base, text, hash, "copied");
  const readable = renderCaseBody(facts, caseKey, decision, record);
  const encoded = encodeOriginal(text.body);
  const [onlyPart] = encoded.parts;
  const withOriginal = encoded.parts.length === 1 && onlyPart !== undefined ? `${readable.trimEnd()}\n\n${onlyPart}\n` : undefined;
  const fits = withOriginal !== undefined && withCaseBlock(withOriginal, record).length <= BODY_LIMIT;
  return {
    type: "openCase",
    repository: trackingRepository,
    title: trackingIssueTitle(caseKey, text.kind === "comment" ? `comment on ${text.issueTitle}` : text.issueTitle),
    body: withCaseBlock(fits ? withOriginal : readable, record),
    labels: [...caseLabels(decision, policy, false), CASE_LABEL],
    record,
    originalComments: fits ? [] : encoded.parts,
  };
}

function containmentRecord(record: CaseRecord, text: PublicText, hash: string, status: "copied" | "contained"): CaseRecord {
  return {
    ...record,
    containment: {
      ...record.containment,
      kind: text.kind,
      issue: text.issueNumber,
      ...(text.commentId === undefined ? {} : { commentId: text.commentId }),
      originalSha256: hash,
      status,
    },
  };
}

function renderCaseBody(facts: ContainmentFacts, caseKey: string, decision: TriageDecision, record: CaseRecord): string {
  const { text, policy, trigger } = facts;
  const { config } = policy;
  const { timezone } = config.calendar;
  const format = (iso: string | undefined) => (iso ? formatDeadline(new Date(iso), timezone, config.language) : undefined);
  const intakeView = renderMessage(config.language, "tracking-issue", {
    key: caseKey,
    summary: untrusted(text.issueTitle),
    researcher: untrusted(text.author),
    receivedAt: format(record.receivedAt),
    advisoryUrl: undefined,
    repository: text.repository,
    severity: severityView(decision),
    packages: [],
    deadlines: { response: format(record.deadlines.responseDue), resolution: format(record.deadlines.resolutionDue) },
    acknowledgement: "the reporter is pointed to the private channel on the public issue",
    policy: { name: config.policy.name, version: record.policyVersion ?? "none (defaults)" },
    triage: triageView(decision),
    configErrors: [],
    relay: undefined,
    description: untrusted(text.body),
  });
  const containment = renderMessage(config.language, "containment-case", {
    comment: text.kind === "comment",
    commentId: text.commentId,
    source: { repository: text.repository, issue: text.issueNumber, url: text.url },
    author: untrusted(text.author),
    postedAt: format(record.receivedAt),
    command: trigger.type === "command" ? { maintainer: untrusted(trigger.maintainer) } : undefined,
    confidence: trigger.type === "automatic" ? trigger.classification.confidence : undefined,
    advisory: config.containment.draftAdvisory ? ADVISORY_PENDING : "—",
    reasons:
      trigger.type === "automatic"
        ? trigger.classification.reasons.map((reason) => ({ rule: reason.rule, explanation: reason.explanation, matched: untrusted(reason.matched) }))
        : [],
    attachments: attachmentLinks(text.body).map((link) => untrusted(link)),
    title: untrusted(text.issueTitle),
  });
  return `${intakeView.trimEnd()}\n\n${containment}`;
}

function draftAdvisory(facts: ContainmentFacts, caseKey: string): Extract<ContainmentAction, { type: "createDraftAdvisory" }> {
  const { text, policy } = facts;
  const { config } = policy;
  const marker = advisoryMarker(caseKey);
  const description = renderMessage(config.language, "containment-advisory", {
    comment: text.kind === "comment",
    source: `${text.repository}#${text.issueNumber}`,
    author: untrusted(text.author),
    postedAt: formatDeadline(text.postedAt, config.calendar.timezone, config.language),
    description: untrusted(text.body),
  });
  return {
    type: "createDraftAdvisory",
    summary: truncate(text.issueTitle.replace(/\s+/g, " ").trim() || caseKey, 1024),
    description: `${description.trimEnd()}\n\n${marker}\n`,
    marker,
    ...(text.authorIsBot ? {} : { reporter: text.author }),
  };
}

function renderGuidance(facts: ContainmentFacts, caseKey: string): string {
  const { text, policy } = facts;
  const { config } = policy;
  const contact = config.policy.contact?.replace(/^mailto:/i, "");
  return renderMessage(config.language, "containment-guidance", {
    author: untrusted(text.author),
    comment: text.kind === "comment",
    policy: { name: config.policy.name, url: config.policy.url },
    reportUrl: `https://github.com/${text.repository}/security/advisories/new`,
    contact,
    marker: guidanceMarker(caseKey),
  });
}

export interface ReleaseFacts {
  text: PublicText;
  maintainer: string;
  policy: RepositoryConfig;
  existingCase: ExistingCase | null;
  /** The exact original read back from the case, or null when it could not be read whole. */
  original: string | null;
  issueLocked: boolean;
  issueLabels: string[];
  now: Date;
}

export type ReleaseAction =
  | { type: "restorePublicText"; body: string }
  | { type: "unlockIssue" }
  | { type: "unlabelIssue"; label: string }
  | { type: "closeCase"; record: CaseRecord; note: string };

export interface ReleasePlan {
  caseKey: string;
  outcome: "release" | "refuse";
  reasons: string[];
  actions: ReleaseAction[];
}

/** `/disclosure release`: a false positive gets its exact text back, and the case is closed. */
export function planRelease(facts: ReleaseFacts): ReleasePlan {
  const { text, existingCase } = facts;
  const caseKey = containmentCaseKey(text);
  const containment = existingCase?.record.containment;
  if (!existingCase || !containment) return { caseKey, outcome: "refuse", reasons: [`no contained case ${caseKey}`], actions: [] };
  if (facts.original === null) {
    return { caseKey, outcome: "refuse", reasons: [`the exact copy in case #${existingCase.number} cannot be read whole: nothing restored`], actions: [] };
  }
  const actions: ReleaseAction[] = [];
  if (text.body !== facts.original) actions.push({ type: "restorePublicText", body: facts.original });
  if (text.kind === "issue" && facts.issueLocked && containment.lockedByContainment === true) actions.push({ type: "unlockIssue" });
  if (text.kind === "issue" && facts.issueLabels.includes(CONTAINED_LABEL)) actions.push({ type: "unlabelIssue", label: CONTAINED_LABEL });
  const record: CaseRecord = {
    ...existingCase.record,
    state: "rejected",
    closedAt: facts.now.toISOString(),
    containment: { ...containment, status: "released", releasedAt: facts.now.toISOString() },
  };
  actions.push({
    type: "closeCase",
    record,
    note: renderMessage(facts.policy.config.language, "containment-released", {
      maintainer: untrusted(facts.maintainer),
      comment: text.kind === "comment",
    }),
  });
  return { caseKey, outcome: "release", reasons: [`${facts.maintainer} released case ${caseKey} as not a vulnerability report`], actions };
}
