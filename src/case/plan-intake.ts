import type { Language } from "../config/schema.js";
import { formatProblem } from "../config/load.js";
import { promisedUpdateEveryDays } from "../config/researcher-promises.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import { renderMessage } from "../messages/render.js";
import { truncate, untrusted } from "../messages/untrusted-text.js";
import { triage, type TriageDecision } from "../policy/triage.js";
import type { AdvisorySeverity } from "../policy/report.js";
import { computeDeadlines, formatDeadline, localDateOf, formatDate } from "../sla/index.js";
import type { ClaimsCheck } from "../policy/claim-check.js";
import { newCaseRecord, withCaseBlock, type CaseRecord } from "./case-record.js";
import { claimsReason, renderClaimsSection } from "./code-claims.js";
import { intakeLabels, planIntakeEvidence, waitingCase, type IntakeEvidence } from "./intake-evidence.js";
import { renderRelay, type RelayReason } from "./relay.js";
import { renderTrackingIssueView } from "./tracking-view.js";
import type { ReportScreening } from "./screening-view.js";
import { renderBlockedReport, renderReporterHistory, screenedRecordFields, blockedReportMarker } from "./screening-view.js";

/**
 * Intake of a privately reported advisory, as a pure planner: facts in, a plan of actions with its reasons out.
 * The handler gathers the facts through the gateway and executes the plan; tests assert the plan.
 */

export interface AdvisoryReport {
  ghsaId: string;
  summary: string;
  description: string;
  htmlUrl: string;
  /** `owner/name` the report was filed against. */
  repository: string;
  reporter: string;
  /** The reporter's GitHub login as GitHub gave it; absent when the payload names no one. */
  reporterLogin?: string;
  severity?: AdvisorySeverity;
  cvssVector?: string;
  /** `functions`: what the advisory form's "vulnerable functions" names. */
  packages: { ecosystem: string; name: string; versions?: string; functions?: string[] }[];
  cweIds: string[];
  submittedAt: Date;
}

/**
 * What intake knows before it plans. `gatherIntakeFacts` (src/handlers/advisory-reported.ts) collects them, one named
 * fact at a time; a fact a later step needs (say, what the affected code holds) is added here and gathered there.
 */
export interface IntakeFacts {
  advisory: AdvisoryReport;
  policy: RepositoryConfig;
  /** The configured tracking repository and whether GitHub says it is private; absent in advisory-only mode. */
  tracking?: { repository: string; isPrivate: boolean; visibility?: "private" | "internal" | "public" };
  existingCase: { number: number; record: CaseRecord } | null;
  /**
   * For a report without a case: an acknowledgement already posted by an intake that stopped before opening the case,
   * "none" when the ledger of such acknowledgements can vouch there is none, "unknown" when the advisory must be read.
   */
  earlierAcknowledgement: { commentId: number } | "none" | "unknown";
  commentsApiKnownUnavailable: boolean;
  /** The report's claims about the repository's code, checked; absent when it names none or no case is opened. */
  codeClaims?: ClaimsCheck;
  now: Date;
  /** The reporter's history, blocked status and close matches, from the case index (`src/reporters`). */
  screening?: ReportScreening;
}

/** How a case opens: its body, labels and record, which say whether the researcher was acknowledged or is relayed to. */
export interface CaseOpening {
  body: string;
  labels: string[];
  record: CaseRecord;
}

export type IntakeAction =
  | { type: "acknowledgeResearcher"; message: string; marker: string; lookForEarlierAcknowledgement: boolean }
  | ({ type: "openTrackingIssue"; repository: string; title: string } & CaseOpening)
  | { type: "relayAcknowledgement"; repository: string; message: string; reason: RelayReason }
  | PublicTrackingWarning
  | { type: "closeBlockedReport"; message: string; marker: string };

export interface IntakePlan {
  caseKey: string;
  mode: "private-issue" | "advisory-only";
  reasons: string[];
  actions: IntakeAction[];
  triage: TriageDecision;
  /** The acknowledgement's text, also what a maintainer relays when it cannot be posted. */
  acknowledgement: string;
}

export const PUBLIC_TRACKING_NOTICE_TITLE = "Disclosure Desk: this tracking repository is public";

export function acknowledgementMarker(caseKey: string): string {
  return `<!-- disclosure-desk:acknowledgement ${caseKey} -->`;
}

/**
 * The plan. A new case costs three GitHub writes and reads together: the case look-up, the acknowledgement, and the
 * tracking issue opened with the acknowledgement already in its record. The researcher is acknowledged first, so a
 * failure between the two leaves an acknowledgement without a case, never a case that claims one; the ledger of
 * pending acknowledgements (or, for a report older than it, the acknowledgement's marker on the advisory) lets the
 * redelivery or the sweep open the case without acknowledging twice.
 */
export function planIntake(facts: IntakeFacts): IntakePlan {
  const { advisory, policy } = facts;
  const { config } = policy;
  const caseKey = advisory.ghsaId;
  const reasons: string[] = [];
  const actions: IntakeAction[] = [];
  const decision = triage({
    report: {
      id: caseKey,
      title: advisory.summary,
      body: advisory.description,
      repository: advisory.repository,
      packages: advisory.packages.map(({ ecosystem, name, versions }) => ({ ecosystem, name, ...(versions ? { versions } : {}) })),
      cweIds: advisory.cweIds,
      ...(advisory.severity ? { severity: advisory.severity } : {}),
      ...(advisory.cvssVector ? { cvssVector: advisory.cvssVector } : {}),
    },
    config,
  });

  const trackingUsable = facts.tracking?.isPrivate === true;
  const mode = trackingUsable ? "private-issue" : "advisory-only";
  if (facts.tracking && !facts.tracking.isPrivate) {
    const internal = facts.tracking.visibility === "internal";
    reasons.push(
      `tracking repository ${facts.tracking.repository} is ${internal ? "internal (the whole enterprise can read it)" : "public"}: refusing to write report content there`,
    );
    actions.push(publicTrackingWarning(config.language, facts.tracking));
  }
  if (policy.errors.length > 0) reasons.push(`configuration has ${policy.errors.length} error(s): safe defaults used`);
  if (facts.codeClaims) reasons.push(claimsReason(facts.codeClaims));

  const deadlines = computeDeadlines({ receivedAt: advisory.submittedAt }, config.sla, config.calendar);
  const evidence = planIntakeEvidence(decision, config);
  if (evidence.waitingFor.length > 0)
    reasons.push(`the policy requires ${evidence.waitingFor.join(" and ")}: the case waits in needs-info, its clock paused`);
  const acknowledgement = renderAcknowledgement(facts, deadlines, evidence.question);
  const marker = acknowledgementMarker(caseKey);
  const plan = (): IntakePlan => ({ caseKey, mode, reasons, actions, triage: decision, acknowledgement });

  if (facts.existingCase) {
    const status = facts.existingCase.record.acknowledgement.status;
    reasons.push(`case ${caseKey} already open as #${facts.existingCase.number}; acknowledgement ${status}`);
    if (status === "pending") {
      actions.push({ type: "acknowledgeResearcher", message: acknowledgement, marker, lookForEarlierAcknowledgement: true });
    }
    return plan();
  }

  if (facts.screening?.blocked) {
    reasons.push(...facts.screening.reasons, "closing the report without opening a case");
    actions.push({
      type: "closeBlockedReport",
      message: renderBlockedReport(config, caseKey, advisory.reporter),
      marker: blockedReportMarker(caseKey),
    });
    return plan();
  }
  reasons.push(...(facts.screening?.reasons ?? []));

  if (!trackingUsable || !facts.tracking) {
    actions.push({ type: "acknowledgeResearcher", message: acknowledgement, marker, lookForEarlierAcknowledgement: true });
    return plan();
  }

  const opening = {
    type: "openTrackingIssue" as const,
    repository: facts.tracking.repository,
    title: trackingIssueTitle(caseKey, advisory.summary),
  };
  const earlier = facts.earlierAcknowledgement;
  if (typeof earlier === "object") {
    reasons.push(`acknowledgement already posted (comment ${earlier.commentId}) by an intake that stopped before opening the case`);
    actions.push({ ...opening, ...caseOpening(facts, decision, evidence, deadlines, { status: "sent" }) });
  } else if (facts.commentsApiKnownUnavailable) {
    reasons.push(`the advisory comments API is not available: the acknowledgement is relayed by a maintainer`);
    actions.push({
      ...opening,
      ...caseOpening(facts, decision, evidence, deadlines, {
        status: "relay-needed",
        message: acknowledgement,
        reason: "comments-api-unavailable",
      }),
    });
  } else {
    if (earlier === "unknown")
      reasons.push("report older than the ledger of pending acknowledgements: looking for an earlier acknowledgement on the advisory");
    actions.push({ type: "acknowledgeResearcher", message: acknowledgement, marker, lookForEarlierAcknowledgement: earlier === "unknown" });
    actions.push({ ...opening, ...caseOpening(facts, decision, evidence, deadlines, { status: "sent" }) });
  }
  reasons.push(`opening case ${caseKey} in ${facts.tracking.repository}`);
  return plan();
}

/**
 * The opening of a new case, for an acknowledgement posted or to be relayed. The executor asks for the relayed one
 * when the acknowledgement it was to post first could not be posted after all.
 */
export function caseOpening(
  facts: IntakeFacts,
  decision: TriageDecision,
  evidence: IntakeEvidence,
  deadlines: ReturnType<typeof computeDeadlines>,
  acknowledgement: { status: "sent" } | { status: "relay-needed"; message: string; reason: RelayReason },
): CaseOpening {
  const { advisory, policy, now } = facts;
  const { config } = policy;
  const relay = acknowledgement.status === "relay-needed" ? acknowledgement : undefined;
  const opened = newCaseRecord({
    key: advisory.ghsaId,
    channel: "advisory",
    source: { repository: advisory.repository, ghsaId: advisory.ghsaId, url: advisory.htmlUrl },
    receivedAt: advisory.submittedAt,
    now,
    policy,
    deadlines,
    acknowledgement: acknowledgement.status,
  });
  if (acknowledgement.status === "sent") opened.acknowledgement.at = now.toISOString();
  const record = { ...waitingCase(opened, evidence, now, config.sla), ...screenedRecordFields(facts.screening) };
  return {
    body: renderTrackingIssue(facts, decision, record, evidence, relay),
    labels: [
      ...intakeLabels(caseLabels(decision, policy, relay !== undefined), evidence, facts.codeClaims),
      ...(facts.screening?.labels ?? []),
    ],
    record,
  };
}

/** The opening of a case whose acknowledgement could not be posted: the plan's, with the relay for a maintainer. */
export function relayedCaseOpening(facts: IntakeFacts, plan: IntakePlan, reason: RelayReason): CaseOpening {
  const { config } = facts.policy;
  const deadlines = computeDeadlines({ receivedAt: facts.advisory.submittedAt }, config.sla, config.calendar);
  const evidence = planIntakeEvidence(plan.triage, config);
  return caseOpening(facts, plan.triage, evidence, deadlines, { status: "relay-needed", message: plan.acknowledgement, reason });
}

export function caseLabels(decision: TriageDecision, policy: RepositoryConfig, relayNeeded: boolean): string[] {
  const labels = new Set(decision.labels);
  if (policy.errors.length > 0) labels.add("config-error");
  if (relayNeeded) labels.add("relay-needed");
  return [...labels];
}

export function trackingIssueTitle(caseKey: string, summary: string): string {
  return truncate(`${caseKey}: ${summary.replace(/\s+/g, " ").trim()}`, 256);
}

function renderAcknowledgement(facts: IntakeFacts, deadlines: ReturnType<typeof computeDeadlines>, question: string | undefined): string {
  const { config } = facts.policy;
  const { timezone } = config.calendar;
  const language: Language = config.language;
  const late = facts.now.getTime() - facts.advisory.submittedAt.getTime() > 60 * 60_000;
  return renderMessage(language, "acknowledgement", {
    researcher: untrusted(facts.advisory.reporter),
    policy: { name: config.policy.name, url: config.policy.url },
    responseDue: formatDeadline(deadlines.responseDue, timezone, language),
    resolutionDue: deadlines.resolutionDue ? formatDeadline(deadlines.resolutionDue, timezone, language) : undefined,
    resolutionDays: config.sla.resolution?.days,
    updateEveryDays: promisedUpdateEveryDays(config),
    late,
    receivedOn: formatDate(localDateOf(facts.advisory.submittedAt, timezone), language),
    question,
    marker: acknowledgementMarker(facts.advisory.ghsaId),
  });
}

function renderTrackingIssue(
  facts: IntakeFacts,
  decision: TriageDecision,
  record: CaseRecord,
  evidence: IntakeEvidence,
  relay: { message: string; reason: RelayReason } | undefined,
): string {
  const { advisory, policy } = facts;
  const { config } = policy;
  const body = renderTrackingIssueView({
    record,
    config,
    decision,
    summary: advisory.summary,
    researcher: advisory.reporter,
    advisoryUrl: advisory.htmlUrl,
    repository: advisory.repository,
    packages: advisory.packages,
    acknowledgement: relay ? "relayed" : "posted",
    configErrors: policy.errors.map((problem) => formatProblem(problem)),
    relay: relay ? renderRelay(config.language, advisory.htmlUrl, relay) : undefined,
    evidenceQuestion: evidence.trackingQuestion,
    claims: renderClaimsSection(config.language, facts.codeClaims),
    history: renderReporterHistory(config.language, config.calendar.timezone, facts.screening),
    description: advisory.description,
  });
  return withCaseBlock(body, record);
}

export interface PublicTrackingWarning {
  type: "warnPublicTrackingRepository";
  repository: string;
  title: string;
  body: string;
}

/**
 * The notice to maintainers that the policy's tracking repository is not private, so no report content is written
 * there; the same for every channel a report arrives by, worded for an internal (enterprise-wide) or a public one.
 */
export function publicTrackingWarning(
  language: Language,
  tracking: { repository: string; visibility?: "private" | "internal" | "public" },
): PublicTrackingWarning {
  return {
    type: "warnPublicTrackingRepository",
    repository: tracking.repository,
    title: PUBLIC_TRACKING_NOTICE_TITLE,
    body: renderMessage(language, "public-tracking-repository", {
      repository: tracking.repository,
      internal: tracking.visibility === "internal",
      marker: "<!-- disclosure-desk:public-tracking-repository -->",
    }),
  };
}
