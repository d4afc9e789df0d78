import type { CaseRecord } from "../case/case-record.js";
import type { AdvisoryReport } from "../case/intake.js";
import { indexedCase } from "./case-index.js";
import type { ScreeningContext } from "./intake-screening.js";

/** A case the app has just written, put in the index as its sealed record says. */
export async function indexCase(
  context: Omit<ScreeningContext, "secret">,
  written: { repository: { owner: string; repo: string }; number: number; record: CaseRecord },
): Promise<void> {
  await context.index.put(context.installationId, indexedCase(`${written.repository.owner}/${written.repository.repo}`, written.number, written.record));
}

/** What screening reads of an advisory: the reporter's login as GitHub gave it, the title and the text. */
export function reportIdentity(advisory: AdvisoryReport): { identities: string[]; title: string; body: string; caseKey: string } {
  return { identities: advisory.reporterLogin === undefined ? [] : [advisory.reporterLogin], title: advisory.summary, body: advisory.description, caseKey: advisory.ghsaId };
}
