import { newCaseRecord, withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { caseLabels, publicTrackingWarning, trackingIssueTitle, type PublicTrackingWarning } from "../case/plan-intake.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import { renderMessage } from "../messages/render.js";
import { neutraliseReferences, truncate, untrusted, withoutAppMarkers } from "../messages/untrusted-text.js";
import type { Classification } from "../policy/classify.js";
import { triage, type TriageDecision } from "../policy/triage.js";
import { computeDeadlines, formatDeadline } from "../sla/index.js";
import { encodeOriginal, sha256 } from "./original-copy.js";
import { dateFormat, renderTrackingIssueView } from "../case/tracking-view.js";
import {
  ADVISORY_PENDING,
  advisoryMarker,
  attachmentLinks,
  CASE_LABEL,
  CONTAINED_LABEL,
  containmentCaseKey,
  containmentNotice,
  guidanceMarker,
  isContainmentNotice,
  isNeutralTitle,
  neutralTitle,
  type PublicText,
} from "./public-text.js";

/**
 * Containment as a pure planner: a public text that looks like a vulnerability report is first copied into a private
 * case, and only after the copy is confirmed hidden from the public. For an issue, the title is part of the text: it
 * is copied and replaced with a neutral one along with the body. The plan lists the steps in that order; each step is
 * skipped when GitHub already shows it done, so a redelivery after a crash finishes the job. What counts as done is
 * decided by the app's own case (found and checked by the shared gateway), never by a marker in the public text.
 */

/** The parts of a public text that containment copies and hides: a comment has a body only. */
export interface PublicParts {
  body?: string;
  title?: string;
}

/**
 * Why containment runs: the classifier's verdict, a maintainer's command, or an edit to an issue that is contained
 * (its author can still change the title and text, and what they write there is public again whatever it says).
 */
export type ContainmentTrigger =
  { type: "automatic"; classification: Classification } | { type: "command"; maintainer: string } | { type: "editWhileContained" };

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
  tracking?: { repository: string; isPrivate: boolean; visibility?: "private" | "internal" | "public" };
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
  /** Read the case back and check that it holds these exact texts (by SHA-256) before anything public changes. */
  | { type: "confirmCopy"; sha256: PublicParts }
  | { type: "lockIssue" }
  | { type: "replacePublicText"; changes: PublicParts }
  | { type: "labelIssue"; labels: string[] }
  | { type: "guideReporter"; body: string; marker: string }
  | { type: "recordContained"; lockedByContainment: boolean }
  | PublicTrackingWarning;

export interface ContainmentPlan {
  caseKey: string;
  outcome: "contain" | "leave" | "refuse";
  reasons: string[];
  actions: ContainmentAction[];
}

/** GitHub's limit on an issue body or comment, in characters. */
export const BODY_LIMIT = 65_536;

/** Room left in a new case's body for what containment adds when it finishes: the full record, the advisory's link. */
const LATER_GROWTH = 1_000;

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
  } else if (trigger.type === "editWhileContained") {
    if (!config.containment.enabled) return leave("containment is turned off in the configuration");
    if (facts.existingCase?.record.containment?.status !== "contained") return leave(`the app's case does not show ${caseKey} contained`);
    reasons.push("a contained issue was edited");
  } else {
    reasons.push(`${trigger.maintainer} asked to contain it`);
  }

  if (!facts.tracking) return refuse("no tracking repository is configured: there is no private place for the copy, so nothing is hidden");
  if (!facts.tracking.isPrivate) {
    return refuse(`tracking repository ${facts.tracking.repository} is public: no report content is written there and nothing is hidden`, [
      publicTrackingWarning(config.language, facts.tracking),
    ]);
  }

  const contained = facts.existingCase?.record.containment;
  const bodyHidden = contained !== undefined && isContainmentNotice(text);
  const titleHidden = text.kind === "comment" || (contained !== undefined && isNeutralTitle(text.issueTitle));
  const stillPublic: PublicParts = { ...(bodyHidden ? {} : { body: text.body }), ...(titleHidden ? {} : { title: text.issueTitle }) };
  const actions: ContainmentAction[] = [];
  if (bodyHidden)
    reasons.push(titleHidden ? "the public text is already replaced" : "the public text is already replaced, its title is not");
  if (stillPublic.body !== undefined || stillPublic.title !== undefined) {
    const existing = facts.existingCase;
    if (!existing) {
      actions.push(openCase(facts, caseKey, facts.tracking.repository));
      reasons.push(`copying the report into a new case in ${facts.tracking.repository}`);
    } else {
      const uncopied: PublicParts = {
        ...(stillPublic.body !== undefined && sha256(stillPublic.body) !== contained?.originalSha256 ? { body: stillPublic.body } : {}),
        ...(stillPublic.title !== undefined && sha256(stillPublic.title) !== contained?.originalTitleSha256
          ? { title: stillPublic.title }
          : {}),
      };
      if (uncopied.body !== undefined || uncopied.title !== undefined) {
        actions.push({
          type: "addCopy",
          originalComments: encodedParts(uncopied),
          record: containmentRecord(existing.record, text, uncopied, "copied"),
        });
        reasons.push(`case ${caseKey} exists as #${existing.number}; copying the text as it is now`);
      } else {
        reasons.push(`case ${caseKey} exists as #${existing.number} with this exact text`);
      }
    }
    if (config.containment.draftAdvisory && !contained?.advisory) actions.push(draftAdvisory(facts, caseKey));
    actions.push({ type: "confirmCopy", sha256: hashes(stillPublic) });
  }

  if (text.kind === "issue" && !facts.issueLocked) actions.push({ type: "lockIssue" });
  if (stillPublic.body !== undefined || stillPublic.title !== undefined) {
    actions.push({
      type: "replacePublicText",
      changes: {
        ...(stillPublic.body === undefined ? {} : { body: containmentNotice(config.language, text) }),
        ...(stillPublic.title === undefined ? {} : { title: neutralTitle(config.language) }),
      },
    });
  }
  if (text.kind === "issue" && !facts.issueLabels.includes(CONTAINED_LABEL))
    actions.push({ type: "labelIssue", labels: [CONTAINED_LABEL] });
  const guidanceSent = facts.existingCase?.record.acknowledgement.status === "sent";
  if (!guidanceSent) {
    actions.push({ type: "guideReporter", body: renderGuidance(facts, caseKey), marker: guidanceMarker(caseKey) });
  }
  if (actions.length === 0 && contained?.status === "contained") return leave("already contained: nothing left to do");
  const lockedBefore = facts.existingCase?.record.containment?.lockedByContainment ?? false;
  actions.push({ type: "recordContained", lockedByContainment: text.kind === "issue" && (!facts.issueLocked || lockedBefore) });
  return { caseKey, outcome: "contain", reasons, actions };
}

function openCase(facts: ContainmentFacts, caseKey: string, trackingRepository: string): Extract<ContainmentAction, { type: "openCase" }> {
  const { text, policy, now } = facts;
  const { config } = policy;
  const decision = triage({ report: { id: caseKey, title: text.issueTitle, body: text.body, repository: text.repository }, config });
  const deadlines = computeDeadlines({ receivedAt: text.postedAt }, config.sla, config.calendar);
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
  const copied: PublicParts = text.kind === "issue" ? { body: text.body, title: text.issueTitle } : { body: text.body };
  const record = containmentRecord(base, text, copied, "copied");
  // Parts go into the body while they fit, the rest into comments, in order; the title's copy is small and first.
  let body = renderCaseBody(facts, decision, record).trimEnd();
  const originalComments: string[] = [];
  for (const part of encodedParts(copied)) {
    const withPart = `${body}\n\n${part}`;
    if (originalComments.length === 0 && withCaseBlock(withPart, record).length <= BODY_LIMIT - LATER_GROWTH) body = withPart;
    else originalComments.push(part);
  }
  return {
    type: "openCase",
    repository: trackingRepository,
    title: trackingIssueTitle(caseKey, safeTitle(text.kind === "comment" ? `comment on ${text.issueTitle}` : text.issueTitle)),
    body: withCaseBlock(`${body}\n`, record),
    labels: [...caseLabels(decision, policy, false), CASE_LABEL],
    record,
    originalComments,
  };
}

/** A reporter's title as the private copy's title: one line, no control characters, nobody pinged, nothing cross-linked. */
function safeTitle(title: string): string {
  return neutraliseReferences(withoutAppMarkers(title.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]+/gu, " ")));
}

/** The hidden exact copies of these parts, title first. */
function encodedParts(parts: PublicParts): string[] {
  return [parts.title, parts.body].flatMap((text) => (text === undefined ? [] : encodeOriginal(text).parts));
}

function hashes(parts: PublicParts): PublicParts {
  return {
    ...(parts.body === undefined ? {} : { body: sha256(parts.body) }),
    ...(parts.title === undefined ? {} : { title: sha256(parts.title) }),
  };
}

/** The record with the hashes of the parts just copied (hashes only: the copies live in the tracking issue). */
function containmentRecord(record: CaseRecord, text: PublicText, copied: PublicParts, status: "copied" | "contained"): CaseRecord {
  const bodyHash = copied.body === undefined ? record.containment?.originalSha256 : sha256(copied.body);
  if (bodyHash === undefined) throw new Error("a contained case needs the copy of the text itself");
  return {
    ...record,
    containment: {
      ...record.containment,
      kind: text.kind,
      issue: text.issueNumber,
      ...(text.commentId === undefined ? {} : { commentId: text.commentId }),
      originalSha256: bodyHash,
      ...(copied.title === undefined ? {} : { originalTitleSha256: sha256(copied.title) }),
      status,
    },
  };
}

function renderCaseBody(facts: ContainmentFacts, decision: TriageDecision, record: CaseRecord): string {
  const { text, policy, trigger } = facts;
  const { config } = policy;
  const format = dateFormat(config);
  const intakeView = renderTrackingIssueView({
    record,
    config,
    decision,
    summary: text.issueTitle,
    researcher: text.author,
    repository: text.repository,
    packages: [],
    acknowledgement: "public-issue",
    configErrors: [],
    description: withoutAppMarkers(text.body),
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
        ? trigger.classification.reasons.map((reason) => ({
            rule: reason.rule,
            explanation: reason.explanation,
            matched: untrusted(reason.matched),
          }))
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
    description: untrusted(withoutAppMarkers(text.body)),
  });
  return {
    type: "createDraftAdvisory",
    summary: truncate(safeTitle(text.issueTitle).replace(/\s+/g, " ").trim() || caseKey, 1024),
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
  /** The exact original text (and an issue's title) read back from the case, or null when it could not be read whole. */
  original: PublicParts | null;
  issueLocked: boolean;
  issueLabels: string[];
  now: Date;
}

export type ReleaseAction =
  | { type: "restorePublicText"; changes: PublicParts }
  | { type: "unlockIssue" }
  | { type: "unlabelIssue"; label: string }
  | { type: "closeCase"; record: CaseRecord; note: string };

export interface ReleasePlan {
  caseKey: string;
  outcome: "release" | "refuse";
  reasons: string[];
  actions: ReleaseAction[];
}

/** `/disclosure release`: a false positive gets its exact text (and an issue its exact title) back, and the case is closed. */
export function planRelease(facts: ReleaseFacts): ReleasePlan {
  const { text, existingCase } = facts;
  const caseKey = containmentCaseKey(text);
  const containment = existingCase?.record.containment;
  if (!existingCase || !containment) return { caseKey, outcome: "refuse", reasons: [`no contained case ${caseKey}`], actions: [] };
  if (facts.original === null) {
    return {
      caseKey,
      outcome: "refuse",
      reasons: [`the exact copy in case #${existingCase.number} cannot be read whole: nothing restored`],
      actions: [],
    };
  }
  const { body, title } = facts.original;
  const changes: PublicParts = {
    ...(body !== undefined && body !== text.body ? { body } : {}),
    ...(text.kind === "issue" && title !== undefined && title !== text.issueTitle ? { title } : {}),
  };
  const actions: ReleaseAction[] = [];
  if (changes.body !== undefined || changes.title !== undefined) actions.push({ type: "restorePublicText", changes });
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
