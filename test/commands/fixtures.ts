import { CASE_RECORD_VERSION, type CaseRecord } from "../../src/case/case-record.js";
import { configSchema, type DisclosureConfig } from "../../src/config/schema.js";
import { computeDeadlines } from "../../src/sla/index.js";

export const caseKey = "GHSA-4v7x-pqr2-9c3m";
/** Monday 16 November 2026, 09:30 in Amsterdam. */
export const receivedAt = new Date("2026-11-16T08:30:00Z");
/** Tuesday 17 November 2026, 11:15 in Amsterdam: the maintainer's comment. */
export const commandAt = new Date("2026-11-17T10:15:00Z");

/** The Openworx policy as `.github/disclosure.yml` text (English, 5 business days, no default resolution period). */
export const openworxYaml = `
language: en
policy:
  name: Openworx Responsible Disclosure
  url: https://example.org/responsible-disclosure
  contact: mailto:info@openworx.nl
  safeHarbor: true
tracking:
  repository: octo-org/security-cases
calendar:
  timezone: Europe/Amsterdam
  holidays: NL
sla:
  response: { businessDays: 5 }
  updates: { everyDays: 14 }
exclusions:
  - security-headers
  - clickjacking
  - id: outdated-software
    policyText: "Reporting outdated versions of any software without proof of concept of a working exploit"
`;

/** The MijnPartnerGroep policy (Dutch, 3 business days, 30 days to resolve, rewards for new problems). */
export const mijnPartnerGroepYaml = `
language: nl
policy:
  name: MijnPartnerGroep Responsible Disclosure
  contact: mailto:security@mijnpartnergroep.nl
tracking:
  repository: octo-org/security-cases
calendar:
  timezone: Europe/Amsterdam
  holidays: NL
sla:
  response: { businessDays: 3 }
  resolution: { days: 30 }
  needsInfo: { pauseClock: true, closeAfterDays: 30 }
scope:
  assets: ["mijnpartnergroep.nl", "mijn*partner.{nl,be,de,eu}"]
  outOfScope: ["content hosted by and for customers", "third-party programs and plug-ins"]
exclusions:
  - { id: clickjacking, unless: [sensitive-action], policyText: "Clickjacking on pages without sensitive actions." }
  - { id: outdated-software, policyText: "Previously known vulnerable libraries without a working Proof of Concept." }
rewards: { enabled: true, newOnly: true }
`;

export function openworxConfig(): DisclosureConfig {
  return configSchema.parse({
    policy: { name: "Openworx Responsible Disclosure", url: "https://example.org/responsible-disclosure", contact: "mailto:info@openworx.nl", safeHarbor: true },
    tracking: { repository: "octo-org/security-cases" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    sla: { response: { businessDays: 5 }, updates: { everyDays: 14 } },
    exclusions: [
      "security-headers",
      "clickjacking",
      { id: "outdated-software", policyText: "Reporting outdated versions of any software without proof of concept of a working exploit" },
    ],
  });
}

export function mijnPartnerGroepConfig(): DisclosureConfig {
  return configSchema.parse({
    language: "nl",
    policy: { name: "MijnPartnerGroep Responsible Disclosure", contact: "mailto:security@mijnpartnergroep.nl" },
    tracking: { repository: "octo-org/security-cases" },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    sla: { response: { businessDays: 3 }, resolution: { days: 30 }, needsInfo: { pauseClock: true, closeAfterDays: 30 } },
    scope: { assets: ["mijnpartnergroep.nl", "mijn*partner.{nl,be,de,eu}"], outOfScope: ["content hosted by and for customers", "third-party programs and plug-ins"] },
    exclusions: [
      { id: "clickjacking", unless: ["sensitive-action"], policyText: "Clickjacking on pages without sensitive actions." },
      { id: "outdated-software", policyText: "Previously known vulnerable libraries without a working Proof of Concept." },
    ],
    rewards: { enabled: true, newOnly: true },
  });
}

/** A case as intake opens it. */
export function openedCase(config: DisclosureConfig, changes: Partial<CaseRecord> = {}): CaseRecord {
  const deadlines = computeDeadlines({ receivedAt }, config.sla, config.calendar);
  return {
    v: CASE_RECORD_VERSION,
    key: caseKey,
    channel: "advisory",
    source: { repository: "octo-org/widgets", ghsaId: caseKey, url: `https://github.com/octo-org/widgets/security/advisories/${caseKey}` },
    state: "triage",
    receivedAt: receivedAt.toISOString(),
    openedAt: receivedAt.toISOString(),
    policyVersion: null,
    configError: false,
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
      ...(deadlines.firstUpdateDue ? { firstUpdateDue: deadlines.firstUpdateDue.toISOString() } : {}),
    },
    acknowledgement: { status: "sent", at: receivedAt.toISOString() },
    ...changes,
  };
}

export const intakeLabels = ["disclosure", "state:triage", "severity:high", "scope:in"];
