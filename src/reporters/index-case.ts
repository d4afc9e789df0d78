import type { CaseRecord } from "../case/case-record.js";
import type { AdvisoryReport } from "../case/plan-intake.js";
import { indexedCase } from "../case/case-index.js";
import type { ReportIdentity, ScreeningContext } from "./intake-screening.js";

/** A case the app has just written, put in the index as its sealed record says. */
export async function indexCase(
  context: Omit<ScreeningContext, "secret">,
  written: { repository: { owner: string; repo: string }; number: number; record: CaseRecord },
): Promise<void> {
  await context.index.put(
    context.installationId,
    indexedCase(`${written.repository.owner}/${written.repository.repo}`, written.number, written.record),
  );
}

/** What screening reads of an advisory: the reporter's login as GitHub gave it, the title and the text. */
export function reportIdentity(advisory: AdvisoryReport): ReportIdentity {
  const login = advisory.reporterLogin;
  return {
    identities: login === undefined ? [] : [login],
    ...(login === undefined ? {} : { keyedIdentity: login }),
    title: advisory.summary,
    body: advisory.description,
    caseKey: advisory.ghsaId,
  };
}

/**
 * What screening reads of a first e-mail. Only an address the receiving server vouched for keys a history: anyone can
 * write another's address in From, and must not be able to fill someone's history with junk in their name. A forged
 * From of a blocked address only closes the forger's own report.
 */
export function emailReportIdentity(
  message: { from?: { address: string } | undefined; subject: string; text: string },
  senderVerified: boolean,
  caseKey: string,
): ReportIdentity {
  const address = message.from?.address;
  return {
    identities: address === undefined ? [] : [address],
    ...(senderVerified && address !== undefined ? { keyedIdentity: address } : {}),
    title: message.subject,
    body: message.text,
    caseKey,
  };
}
