import type { CaseRecord } from "../../src/case/case-record.js";
import type { AdvisoryDraft } from "../../src/github/advisories.js";
import { configSchema, type DisclosureConfig } from "../../src/config/schema.js";
import { caseKey, openedCase } from "../commands/fixtures.js";

/** Tuesday 15 December 2026, 10:00 in Amsterdam: the case was resolved. */
export const resolvedAt = "2026-12-15T09:00:00.000Z";
export const advisoryUrl = `https://github.com/octo-org/widgets/security/advisories/${caseKey}`;

export type ConsentMode = DisclosureConfig["publication"]["consent"];

/** A policy with the given consent rule; the rest as the Openworx policy, plus a team to alert. */
export function closingConfig(consent: ConsentMode, changes: Record<string, unknown> = {}): DisclosureConfig {
  return configSchema.parse({
    policy: { name: "Openworx Responsible Disclosure", url: "https://example.org/responsible-disclosure" },
    tracking: { repository: "octo-org/security-cases", team: "octo-org/security" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    sla: { response: { businessDays: 5 }, updates: { everyDays: 14 } },
    credit: { default: "name", askAfterDays: 14 },
    publication: { consent, reviewDays: 10 },
    ...changes,
  });
}

export function resolvedCase(config: DisclosureConfig, closing: CaseRecord["closing"] = {}, changes: Partial<CaseRecord> = {}): CaseRecord {
  return openedCase(config, {
    state: "resolved",
    firstResponseAt: "2026-11-17T10:15:00.000Z",
    triagedAt: "2026-11-19T13:05:00.000Z",
    resolvedAt,
    closing: { askedAt: resolvedAt, ...closing },
    ...changes,
  });
}

export const days = (from: string, count: number): Date => new Date(Date.parse(from) + count * 86_400_000);

export function draft(changes: Partial<AdvisoryDraft> = {}): AdvisoryDraft {
  return {
    ghsaId: caseKey,
    htmlUrl: advisoryUrl,
    state: "draft",
    author: "rosa-researcher",
    summary: "SQL injection in the widget search endpoint",
    description: "The q parameter of /api/search is concatenated into SQL.",
    severity: "high",
    cvssVector: undefined,
    cveId: undefined,
    vulnerabilities: [{ ecosystem: "npm", name: "widgets", vulnerableVersions: "< 2.4.1", patchedVersions: "2.4.1" }],
    credits: [{ login: "rosa-researcher", type: "finder", state: "accepted" }],
    ...changes,
  };
}
