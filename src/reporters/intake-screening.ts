import type { CaseSecret } from "../case/trust.js";
import type { DisclosureConfig } from "../config/schema.js";
import type { CaseIndex } from "../case/case-index.js";
import type { ReportScreening } from "../case/screening-view.js";
import { gatherScreening, type ScreeningInput } from "./screening.js";

export type ReportIdentity = Omit<ScreeningInput, "blocked">;

/**
 * The hook intake uses to screen a report from the case index; how the screening shows on the case is
 * src/case/screening-view.ts.
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
