import { CASE_RECORD_VERSION, type CaseRecord } from "../../src/case/case-record.js";
import { configSchema, type DisclosureConfig, type DisclosureConfigInput } from "../../src/config/schema.js";
import { computeDeadlines } from "../../src/sla/index.js";

/** The policy the sweep tests run under: Amsterdam business days, 5-day response, 30-day resolution, 14-day updates. */
export function sweepConfig(overrides: Partial<DisclosureConfigInput> = {}): DisclosureConfig {
  return configSchema.parse({
    policy: { name: "Openworx Responsible Disclosure", url: "https://example.org/responsible-disclosure" },
    tracking: { repository: "octo-org/security-cases", team: "octo-org/security" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    sla: {
      response: { businessDays: 5 },
      resolution: { days: 30 },
      updates: { everyDays: 14 },
      remind: { businessDaysBefore: 1 },
      needsInfo: { pauseClock: true, closeAfterDays: 30 },
    },
    ...overrides,
  });
}

/** Monday 23 November 2026, 11:00 in Amsterdam. */
export const RECEIVED_AT = new Date("2026-11-23T10:00:00Z");

/** A case as intake opens it, deadlines computed the way intake computes them. */
export function openedCase(config: DisclosureConfig, changes: Partial<CaseRecord> = {}, key = "GHSA-4v7x-pqr2-9c3m"): CaseRecord {
  const deadlines = computeDeadlines({ receivedAt: RECEIVED_AT }, config.sla, config.calendar);
  return {
    v: CASE_RECORD_VERSION,
    key,
    channel: "advisory",
    source: { repository: "octo-org/widgets", ghsaId: key, url: `https://github.com/octo-org/widgets/security/advisories/${key}` },
    state: "triage",
    receivedAt: RECEIVED_AT.toISOString(),
    openedAt: RECEIVED_AT.toISOString(),
    policyVersion: "0123456789abcdef0123456789abcdef01234567",
    configError: false,
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
      ...(deadlines.firstUpdateDue ? { firstUpdateDue: deadlines.firstUpdateDue.toISOString() } : {}),
    },
    acknowledgement: { status: "sent", at: RECEIVED_AT.toISOString() },
    ...changes,
  };
}
