import type { CaseRecord } from "../case/case-record.js";
import type { CaseSecret } from "../case/trust.js";
import type { DisclosureConfig, Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";
import { formatDate, localDateOf } from "../sla/index.js";
import type { CaseIndex } from "../case/case-index.js";
import { gatherScreening, type ReportScreening, type ScreeningInput } from "./screening.js";

export type ReportIdentity = Omit<ScreeningInput, "blocked">;

/**
 * The hooks intake uses: screen a report from the case index, turn a blocked reporter's report into one closing
 * message, and carry the screening into the case (record fields, labels, the history section).
 */

export interface ScreeningContext {
  index: CaseIndex;
  installationId: number;
  secret: CaseSecret;
}

export async function screenIntake(
  context: ScreeningContext,
  report: ReportIdentity,
  config: Pick<DisclosureConfig, "reporters">,
  now: Date,
): Promise<ReportScreening> {
  return gatherScreening(context.index, context.installationId, context.secret, { ...report, blocked: config.reporters.blocked }, now);
}

export function blockedReportMarker(caseKey: string): string {
  return `<!-- disclosure-desk:blocked ${caseKey} -->`;
}

/** The one message a blocked reporter gets: the app's framing around the policy's own words. */
export function renderBlockedReport(config: Pick<DisclosureConfig, "language" | "policy" | "reporters">, caseKey: string, researcher: string | undefined): string {
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

/** The tracking issue's reporter-history section; empty when the report was not screened. */
export function renderReporterHistory(language: Language, timezone: string, screening: ReportScreening | undefined): string {
  if (screening === undefined) return "";
  return renderMessage(language, "reporter-history", {
    history: screening.history.map((entry) => ({
      reference: entry.reference,
      key: untrusted(entry.key),
      outcome: entry.outcome,
      receivedOn: formatDate(localDateOf(new Date(entry.receivedAt), timezone), language),
    })),
    complete: screening.historyComplete,
    duplicates: screening.duplicates.map((match) => ({ reference: match.reference, key: untrusted(match.key), score: match.score.toFixed(2) })),
  });
}
