import type { DisclosureConfig, Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import type { TriageDecision } from "../policy/triage.js";
import { formatDeadline } from "../sla/index.js";
import type { CaseRecord } from "./case-record.js";
import type { IntakeEvidence } from "./intake-evidence.js";
import { severityView, triageView } from "./triage-view.js";

/**
 * The tracking issue's view, one for every case that opens with a report's text (an advisory, a contained public
 * issue or comment). The code hands the templates facts — states, ids, dates, the report's own words — and every
 * phrase a maintainer reads comes from the en or nl template, so a Dutch policy gets a wholly Dutch tracking issue.
 */

export interface TrackingIssueContent {
  record: CaseRecord;
  config: Pick<DisclosureConfig, "language" | "calendar" | "policy">;
  decision: TriageDecision;
  summary: string;
  researcher: string;
  repository: string;
  advisoryUrl?: string;
  packages: { ecosystem: string; name: string; versions?: string }[];
  /** Where the acknowledgement stands: posted on the advisory, to be relayed by a maintainer, or pointed to on the public issue. */
  acknowledgement: "posted" | "relayed" | "public-issue";
  /** The policy's problems, each already described. */
  configErrors: string[];
  /** Rendered sections, each in the case's language. */
  relay?: string;
  claims?: string;
  history?: string;
  evidenceQuestion?: IntakeEvidence["trackingQuestion"];
  description: string;
}

/** The tracking issue's text, without its case block. */
export function renderTrackingIssueView(content: TrackingIssueContent): string {
  const { record, config, decision } = content;
  const format = dateFormat(config);
  return renderMessage(config.language, "tracking-issue", {
    key: record.key,
    summary: untrusted(content.summary),
    researcher: untrusted(content.researcher),
    receivedAt: format(record.receivedAt),
    advisoryUrl: content.advisoryUrl,
    repository: content.repository,
    severity: severityView(decision),
    packages: content.packages.map((affected) => ({
      ecosystem: affected.ecosystem,
      name: untrusted(affected.name),
      versions: affected.versions ? untrusted(affected.versions) : undefined,
    })),
    deadlines: { response: format(record.deadlines.responseDue), resolution: format(record.deadlines.resolutionDue) },
    acknowledgement: content.acknowledgement,
    policy: { name: config.policy.name, version: record.policyVersion ?? undefined },
    triage: renderTriageSection(config.language, decision, { evidenceQuestion: content.evidenceQuestion, claims: content.claims }),
    configErrors: content.configErrors.map((problem) => untrusted(problem)),
    history: content.history,
    relay: content.relay,
    description: untrusted(content.description),
  });
}

/** The triage suggestions of a tracking issue, shared by every channel's tracking-issue template. */
export function renderTriageSection(
  language: Language,
  decision: TriageDecision,
  extras: { evidenceQuestion: IntakeEvidence["trackingQuestion"] | undefined; claims: string | undefined },
): string {
  return renderMessage(language, "triage-suggestions", {
    triage: triageView(language, decision),
    evidenceQuestion: extras.evidenceQuestion,
    claims: extras.claims,
  }).trimEnd();
}

/** A record's instant as the policy's calendar shows it, in its language. */
export function dateFormat(config: Pick<DisclosureConfig, "language" | "calendar">): (iso: string | undefined) => string | undefined {
  return (iso) => (iso ? formatDeadline(new Date(iso), config.calendar.timezone, config.language) : undefined);
}
