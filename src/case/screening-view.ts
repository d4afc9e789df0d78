import type { CaseRecord } from "./case-record.js";
import { caseOutcomes, type CaseOutcome } from "./case-outcome.js";
import type { DisclosureConfig, Language } from "../config/schema.js";
import { renderMessage, wordingOf } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { formatDate, localDateOf } from "../sla/index.js";

/**
 * What screening a report against the case index found (src/reporters does the screening) and how it shows on the
 * case: one closing message for a blocked reporter, the record fields, the tracking issue's history section.
 */

export interface PastCase {
  reference: string;
  key: string;
  outcome: CaseOutcome;
  receivedAt: string;
}

export interface DuplicateMatch {
  reference: string;
  key: string;
  score: number;
}

export interface ReportScreening {
  reporter?: string;
  fingerprint?: string;
  blocked: boolean;
  /** The reporter's newest earlier cases, newest first; the labels and reasons count over these. */
  history: PastCase[];
  /** How many earlier cases the reporter has in the index, listed in `history` or not. */
  historyTotal: number;
  /** False until the sweep has built the index: the history may miss older cases. */
  historyComplete: boolean;
  duplicates: DuplicateMatch[];
  labels: string[];
  reasons: string[];
}

export function blockedReportMarker(caseKey: string): string {
  return `<!-- disclosure-desk:blocked ${caseKey} -->`;
}

/** The one message a blocked reporter gets: the app's framing around the policy's own words. */
export function renderBlockedReport(
  config: Pick<DisclosureConfig, "language" | "policy" | "reporters">,
  caseKey: string,
  researcher: string | undefined,
): string {
  return renderMessage(config.language, "blocked-report", {
    researcher: researcher === undefined ? undefined : untrusted(researcher),
    policy: { name: config.policy.name, url: config.policy.url },
    message: config.reporters.blockedMessage,
    contact: config.policy.contact,
    marker: blockedReportMarker(caseKey),
  });
}

/** What the screening adds to a new case's record: the reporter's key and the fingerprint, no text. */
export function screenedRecordFields(screening: ReportScreening | undefined): Pick<CaseRecord, "reporter" | "fingerprint"> {
  return {
    ...(screening?.reporter === undefined ? {} : { reporter: screening.reporter }),
    ...(screening?.fingerprint === undefined ? {} : { fingerprint: screening.fingerprint }),
  };
}

/**
 * A tracking issue lists the reporter's newest cases only and counts the rest: a prolific researcher's whole history
 * would bury the report under it (the labels and reasons already count invalid and accepted reports).
 */
export const SHOWN_HISTORY = 10;

const outcomeWording = wordingOf("case-outcome", "outcome", caseOutcomes);

/** The tracking issue's reporter-history section; empty when the report was not screened. */
export function renderReporterHistory(language: Language, timezone: string, screening: ReportScreening | undefined): string {
  if (screening === undefined) return "";
  return renderMessage(language, "reporter-history", {
    history: screening.history.slice(0, SHOWN_HISTORY).map((entry) => ({
      reference: entry.reference,
      key: untrusted(entry.key),
      outcome: outcomeWording(language, entry.outcome),
      receivedOn: formatDate(localDateOf(new Date(entry.receivedAt), timezone), language),
    })),
    earlier: Math.max(0, screening.historyTotal - Math.min(screening.history.length, SHOWN_HISTORY)),
    complete: screening.historyComplete,
    duplicates: screening.duplicates.map((match) => ({
      reference: match.reference,
      key: untrusted(match.key),
      score: match.score.toFixed(2),
    })),
  });
}
