import { formatProblem } from "../config/load.js";
import type { RepositoryConfig } from "../config/repository-config.js";
import { newCaseRecord, withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { caseLabels, publicTrackingWarning, trackingIssueTitle, type PublicTrackingWarning } from "../case/plan-intake.js";
import { renderClaimsSection } from "../case/code-claims.js";
import { intakeLabels, planIntakeEvidence, waitingCase, type IntakeEvidence } from "../case/intake-evidence.js";
import type { ClaimsCheck } from "../policy/claim-check.js";
import { severityView } from "../case/triage-view.js";
import { renderTriageSection } from "../case/tracking-view.js";
import { noSubject } from "../messages/phrases.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { triage, type TriageDecision } from "../policy/triage.js";
import { promisedUpdateEveryDays } from "../config/researcher-promises.js";
import { computeDeadlines, formatDate, formatDeadline, localDateOf } from "../sla/index.js";
import { withStateChange } from "../case/state-change.js";
import type { ReportScreening } from "../case/screening-view.js";
import { renderReporterHistory, screenedRecordFields } from "../case/screening-view.js";
import { UNDELIVERED_LABEL } from "./researcher-email.js";
import { answersCaseThread, emailCaseKey, messageHash, withEmailThread, withSeenMessage, type EmailThread } from "./email-thread.js";
import type { AttachmentMetadata, InboundMessage } from "./inbound-message.js";
import { describeSenderAuthentication, type SenderAuthentication } from "./sender-authentication.js";

/**
 * Intake of an e-mail, as a pure planner: the parsed message and what GitHub holds in, a plan out. A first message
 * opens a case like a privately reported advisory does (same triage, deadlines and labels) and is acknowledged only
 * when the receiving server vouched for its sender; a reply is copied into its case and ends a wait for the researcher
 * only when it answers the case's thread from the researcher's verified address; a message already in the case
 * changes nothing.
 */

/** A case whose first message's sender was not verified: nothing is sent to its address. */
export const SENDER_UNVERIFIED_LABEL = "sender-unverified";

export interface EmailCase {
  number: number;
  body: string;
  labels: string[];
  record: CaseRecord;
  thread: EmailThread;
}

export interface EmailIntakeFacts {
  message: InboundMessage;
  /** The address the message was sent to and the repository whose policy applies. */
  route: { address: string; repository: string };
  policy: RepositoryConfig;
  tracking?: { repository: string; isPrivate: boolean; visibility?: "private" | "internal" | "public" };
  /** What the trusted receiving server says about the message's From. */
  sender: SenderAuthentication;
  /** The case the message belongs to: its own (a redelivery of a first message) or the one it answers. */
  existingCase: EmailCase | null;
  /** When Disclosure Desk received the message. */
  receivedAt: Date;
  /** The thread token a new case gets (random, drawn by the caller so this planner stays pure). */
  threadToken: string;
  /** The report's claims about the routed repository's code, checked; absent when it names none. */
  codeClaims?: ClaimsCheck;
  now: Date;
  /** The reporter's history, blocked status and close matches, from the case index (`src/reporters`). */
  screening?: ReportScreening;
}

export interface OutgoingEmail {
  /** Names the message among the case's messages; its Message-ID is built from it, so a resend is the same message. */
  messageKey: string;
  text: string;
}

export type EmailIntakeAction =
  | PublicTrackingWarning
  | { type: "openTrackingIssue"; repository: string; title: string; body: string; labels: string[]; record: CaseRecord }
  | { type: "acknowledgeByEmail"; email: OutgoingEmail }
  | { type: "mirrorReply"; comment: string; body: string; addLabels: string[]; removeLabels: string[] };

export interface EmailIntakePlan {
  caseKey: string;
  mode: "new-case" | "known-message" | "reply" | "refused" | "ignored";
  reasons: string[];
  actions: EmailIntakeAction[];
  triage?: TriageDecision;
}

/** How far a Date header may lie before receipt and still be believed; sender clocks drift, mail queues retry. */
export const DATE_HEADER_TRUSTED_MS = 3 * 24 * 60 * 60_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The time a report counts from: the sender's Date header when it lies in the three days before receipt (a delivery
 * retried by a mail queue still counts from when the researcher sent it), otherwise the receipt time (a wrong or
 * forged Date header cannot move the deadlines).
 */
export function reportReceivedAt(date: Date | undefined, receivedAt: Date): Date {
  if (!date) return receivedAt;
  const before = receivedAt.getTime() - date.getTime();
  if (before < -CLOCK_SKEW_MS || before > DATE_HEADER_TRUSTED_MS) return receivedAt;
  return before < 0 ? receivedAt : date;
}

export function planEmailIntake(facts: EmailIntakeFacts): EmailIntakePlan {
  const { message, existingCase } = facts;
  if (existingCase) return planForExistingCase(facts, existingCase);

  const caseKey = emailCaseKey(message.messageId);
  const { config } = facts.policy;
  const reasons: string[] = [];
  const actions: EmailIntakeAction[] = [];
  if (message.automated) return { caseKey, mode: "ignored", reasons: ["sent by a machine and names no case: not a report"], actions };
  if (!facts.tracking) {
    return {
      caseKey,
      mode: "refused",
      reasons: [`the policy of ${facts.route.repository} names no tracking repository: an e-mail case needs one`],
      actions,
    };
  }
  if (!facts.tracking.isPrivate) {
    actions.push(publicTrackingWarning(config.language, facts.tracking));
    reasons.push(`tracking repository ${facts.tracking.repository} is public: refusing to write report content there`);
    return { caseKey, mode: "refused", reasons, actions };
  }
  if (!message.from) return { caseKey, mode: "refused", reasons: ["the message has no sender address to answer"], actions };
  if (facts.screening?.blocked) return { caseKey, mode: "refused", reasons: [...facts.screening.reasons, "no case opened"], actions };

  const decision = triageMessage(facts, caseKey);
  const receivedAt = reportReceivedAt(message.date, facts.receivedAt);
  const deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
  const planned = planIntakeEvidence(decision, config);
  // An unverified sender hears nothing from the app: the question is a maintainer's to send.
  const evidence: IntakeEvidence =
    planned.trackingQuestion && !facts.sender.verified
      ? { ...planned, trackingQuestion: { ...planned.trackingQuestion, sent: false } }
      : planned;
  if (evidence.waitingFor.length > 0)
    reasons.push(`the policy requires ${evidence.waitingFor.join(" and ")}: the case waits in needs-info, its clock paused`);
  const record = {
    ...waitingCase(
      newCaseRecord({
        key: caseKey,
        channel: "email",
        source: { repository: facts.route.repository },
        receivedAt,
        now: facts.now,
        policy: facts.policy,
        deadlines,
        // Unverified: a maintainer decides whether and how to answer, and records it with `/disclosure relayed`.
        acknowledgement: facts.sender.verified ? "pending" : "relay-needed",
      }),
      evidence,
      facts.now,
      config.sla,
    ),
    ...screenedRecordFields(facts.screening),
  };
  const thread: EmailThread = withSeenMessage(
    {
      token: facts.threadToken,
      researcher: message.from.address,
      senderVerified: facts.sender.verified,
      address: facts.route.address,
      subject: message.subject,
      rootMessageId: message.messageId,
      lastMessageId: message.messageId,
      seen: [],
    },
    message.messageId,
  );
  actions.push({
    type: "openTrackingIssue",
    repository: facts.tracking.repository,
    title: trackingIssueTitle(caseKey, message.subject || noSubject[config.language]),
    body: withEmailThread(renderTrackingIssue(facts, decision, record, evidence), thread),
    labels: [
      ...intakeLabels(caseLabels(decision, facts.policy, false), evidence, facts.codeClaims),
      ...(facts.sender.verified ? [] : [SENDER_UNVERIFIED_LABEL]),
      ...(facts.screening?.labels ?? []),
    ],
    record,
  });
  reasons.push(`opening case ${caseKey} in ${facts.tracking.repository}`);
  if (facts.sender.verified) {
    actions.push({
      type: "acknowledgeByEmail",
      email: { messageKey: "acknowledgement", text: renderAcknowledgement(facts, deadlines, receivedAt, evidence.question) },
    });
  } else {
    reasons.push(`sender ${describeSenderAuthentication(facts.sender)}: no acknowledgement sent`);
  }
  if (facts.policy.errors.length > 0) reasons.push(`configuration has ${facts.policy.errors.length} error(s): safe defaults used`);
  return { caseKey, mode: "new-case", reasons, actions, triage: decision };
}

function planForExistingCase(facts: EmailIntakeFacts, openCase: EmailCase): EmailIntakePlan {
  const { message } = facts;
  const { config } = facts.policy;
  const caseKey = openCase.record.key;
  const isFirstMessage = emailCaseKey(message.messageId) === caseKey;
  if (isFirstMessage || openCase.thread.seen.includes(messageHash(message.messageId))) {
    const actions: EmailIntakeAction[] = [];
    const pending = isFirstMessage && openCase.record.acknowledgement.status === "pending" && openCase.thread.senderVerified;
    if (pending) {
      const receivedAt = new Date(openCase.record.receivedAt);
      const deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
      const question = planIntakeEvidence(triageMessage(facts, caseKey), config).question;
      actions.push({
        type: "acknowledgeByEmail",
        email: { messageKey: "acknowledgement", text: renderAcknowledgement(facts, deadlines, receivedAt, question) },
      });
    }
    const reason = `message already in case ${caseKey} (#${openCase.number})${pending ? "; acknowledgement still pending" : ""}`;
    return { caseKey, mode: "known-message", reasons: [reason], actions };
  }

  // An out-of-office answer from the researcher's address is not the researcher answering.
  const fromResearcherAddress = !message.automated && message.from?.address.toLowerCase() === openCase.thread.researcher.toLowerCase();
  // Only a verified sender answering the case's own thread is the researcher: a From or a copied tag proves nothing.
  const senderUnverified = fromResearcherAddress && !facts.sender.verified;
  const outsideThread = fromResearcherAddress && !answersCaseThread(message, caseKey, openCase.thread);
  const fromResearcher = fromResearcherAddress && !senderUnverified && !outsideThread;
  const resumes = fromResearcher && openCase.record.state === "needs-info";
  const at = facts.receivedAt;
  let record = openCase.record;
  const sender = fromResearcher
    ? "the researcher"
    : fromResearcherAddress
      ? "the researcher's address, unverified"
      : message.automated
        ? "a machine"
        : "another sender";
  const reasons = [`reply copied into case ${caseKey} (#${openCase.number}) from ${sender}`];
  if (senderUnverified) reasons.push(`sender ${describeSenderAuthentication(facts.sender)}: the reply does not count as the researcher's`);
  if (outsideThread) reasons.push("the reply answers no message of the case's thread: it does not count as the researcher's");
  if (message.deliveryFailure) reasons.push("a message to the researcher bounced");
  if (resumes) {
    record = withStateChange(record, "triage", at, config.sla);
    reasons.push("the case was waiting on the researcher: back to triage, clock running");
  }
  if (fromResearcher) record = { ...record, researcherActivityAt: at.toISOString() };
  const seen = withSeenMessage(openCase.thread, message.messageId);
  const thread = fromResearcher ? seen : { ...seen, lastMessageId: openCase.thread.lastMessageId };
  const comment = renderMessage(config.language, "email-reply-mirror", {
    marker: `<!-- disclosure-desk:email-message ${messageHash(message.messageId)} -->`,
    sender: untrusted(message.from ? `${message.from.name ? `${message.from.name} ` : ""}<${message.from.address}>` : "an unknown sender"),
    fromResearcher,
    fromResearcherAddress,
    senderUnverified,
    outsideThread,
    automated: message.automated,
    deliveryFailure: message.deliveryFailure,
    writtenAt: formatDeadline(at, config.calendar.timezone, config.language),
    subject: untrusted(message.subject),
    text: untrusted(message.text),
    attachments: attachmentsView(message.attachments),
    resumed: resumes,
  });
  return {
    caseKey,
    mode: "reply",
    reasons,
    actions: [
      {
        type: "mirrorReply",
        comment,
        body: withCaseBlock(withEmailThread(openCase.body, thread), record),
        addLabels: [...(resumes ? ["state:triage"] : []), ...(message.deliveryFailure ? [UNDELIVERED_LABEL] : [])],
        removeLabels: resumes ? ["state:needs-info"] : [],
      },
    ],
  };
}

function triageMessage(facts: EmailIntakeFacts, caseKey: string): TriageDecision {
  const { message } = facts;
  return triage({
    report: { id: caseKey, title: message.subject, body: message.text, repository: facts.route.repository },
    config: facts.policy.config,
  });
}

function senderView(sender: SenderAuthentication) {
  return {
    verified: sender.verified,
    problem: sender.problem ?? "",
    authservId: untrusted(sender.authservId ?? ""),
    passed: untrusted(sender.passed ?? ""),
    results: sender.results.map((result) => untrusted(result)),
    ignoredHeaders: sender.ignoredHeaders,
  };
}

function attachmentsView(attachments: readonly AttachmentMetadata[]) {
  return attachments.map((attachment) => ({
    name: untrusted(attachment.name),
    contentType: untrusted(attachment.contentType),
    size: attachment.size,
    sha256: attachment.sha256,
  }));
}

function renderAcknowledgement(
  facts: EmailIntakeFacts,
  deadlines: ReturnType<typeof computeDeadlines>,
  receivedAt: Date,
  question: string | undefined,
): string {
  const { config } = facts.policy;
  const { timezone } = config.calendar;
  return renderMessage(config.language, "email-acknowledgement", {
    researcher: facts.message.from?.name ? untrusted(facts.message.from.name) : undefined,
    policy: { name: config.policy.name, url: config.policy.url },
    responseDue: formatDeadline(deadlines.responseDue, timezone, config.language),
    resolutionDue: deadlines.resolutionDue ? formatDeadline(deadlines.resolutionDue, timezone, config.language) : undefined,
    resolutionDays: config.sla.resolution?.days,
    updateEveryDays: promisedUpdateEveryDays(config),
    late: facts.now.getTime() - receivedAt.getTime() > 60 * 60_000,
    receivedOn: formatDate(localDateOf(receivedAt, timezone), config.language),
    question,
  });
}

function renderTrackingIssue(facts: EmailIntakeFacts, decision: TriageDecision, record: CaseRecord, evidence: IntakeEvidence): string {
  const { message, policy } = facts;
  const { config } = policy;
  const format = (iso: string | undefined) => (iso ? formatDeadline(new Date(iso), config.calendar.timezone, config.language) : undefined);
  const body = renderMessage(config.language, "email-tracking-issue", {
    key: record.key,
    summary: message.subject ? untrusted(message.subject) : noSubject[config.language],
    researcher: untrusted(message.from ? `${message.from.name ? `${message.from.name} ` : ""}<${message.from.address}>` : ""),
    receivedAt: format(record.receivedAt),
    dateHeader: message.date ? format(message.date.toISOString()) : undefined,
    address: facts.route.address,
    repository: facts.route.repository,
    sender: senderView(facts.sender),
    severity: severityView(decision),
    deadlines: { response: format(record.deadlines.responseDue), resolution: format(record.deadlines.resolutionDue) },
    policy: { name: config.policy.name, version: record.policyVersion ?? undefined },
    triage: renderTriageSection(config.language, decision, {
      evidenceQuestion: evidence.trackingQuestion,
      claims: renderClaimsSection(config.language, facts.codeClaims),
    }),
    configErrors: policy.errors.map((problem) => untrusted(formatProblem(problem))),
    attachments: attachmentsView(message.attachments),
    history: renderReporterHistory(config.language, config.calendar.timezone, facts.screening),
    description: untrusted(message.text),
  });
  return withCaseBlock(body, record);
}
