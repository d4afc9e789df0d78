import type { KeyPath } from "./config-problem.js";
import type { DisclosureConfig } from "./schema.js";

/**
 * The policy's quoted sentences (`statements`) against the keys that enforce them. SECURITY.md prints the
 * sentence; the sweep, triage and the closing gate follow the key. When the two disagree ("within three business
 * days" over `sla.response.businessDays: 5`) the published policy and the enforced one differ, so validation says
 * where.
 */

export interface StatementFinding {
  path: KeyPath;
  message: string;
}

type StatementsConfig = Pick<DisclosureConfig, "statements" | "sla" | "conduct" | "policy" | "publication" | "rewards">;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  veertien: 14,
  vijftien: 15,
  twintig: 20,
  dertig: 30,
  zestig: 60,
  negentig: 90,
};
const COUNT = `(\\d+|${Object.keys(NUMBER_WORDS).join("|")})`;

const RESPONSE = new RegExp(`\\b(?:within|binnen) ${COUNT} (?:business days?|working days?|werkdagen|werkdag)\\b`, "iu");
const RESOLUTION = new RegExp(`\\b(?:within|binnen) ${COUNT} (?:calendar )?(?:days?|dagen|dag) (?:of|after|na|van)\\b`, "iu");
const MAX_RECORDS = new RegExp(`\\b(?:a maximum of|at most|maximaal|ten hoogste) ${COUNT} (?:records?)\\b`, "iu");
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const SAFE_HARBOR = /\bnot take (?:any )?legal action\b|\bgeen juridische stappen\b/i;
const NO_SAFE_HARBOR = /\bnot possible to exclude legal action\b|\bjuridische stappen (?:vooraf )?(?:niet )?uit te sluiten\b/i;
const MUTUAL_CONSENT = /\bmutual consent\b|\bwederzijdse (?:instemming|toestemming)\b/i;

function count(written: string): number {
  return NUMBER_WORDS[written.toLowerCase()] ?? Number.parseInt(written, 10);
}

export function checkStatements(config: StatementsConfig): StatementFinding[] {
  const { statements, sla, policy, publication, rewards } = config;
  const findings: StatementFinding[] = [];
  const each = (section: keyof typeof statements, visit: (text: string, path: KeyPath) => void) =>
    (statements[section] ?? []).forEach((text, index) => visit(text, ["statements", section, index]));
  const allSections = Object.keys(statements) as (keyof typeof statements)[];

  for (const section of allSections) {
    each(section, (text, path) => {
      const response = RESPONSE.exec(text);
      if (response?.[1] !== undefined && count(response[1]) !== sla.response.businessDays) {
        findings.push({ path, message: `says "${response[0]}", but sla.response.businessDays is ${sla.response.businessDays}` });
      }
      const resolution = RESOLUTION.exec(text);
      if (resolution?.[1] !== undefined && count(resolution[1]) !== sla.resolution?.days) {
        findings.push({
          path,
          message: `says "${resolution[0]}", but sla.resolution ${sla.resolution === undefined ? "is not set" : `is ${sla.resolution.days} days`}`,
        });
      }
      const maxRecords = MAX_RECORDS.exec(text);
      if (maxRecords?.[1] !== undefined) {
        const rule = config.conduct.find((entry) => typeof entry !== "string" && entry.id === "excess-data-access");
        const limit = rule === undefined || typeof rule === "string" ? undefined : rule.maxRecords;
        if (count(maxRecords[1]) !== limit) {
          findings.push({
            path,
            message: `says "${maxRecords[0]}", but conduct excess-data-access ${limit === undefined ? "sets no maxRecords" : `has maxRecords: ${limit}`}`,
          });
        }
      }
      if (SAFE_HARBOR.test(text) && !policy.safeHarbor) {
        findings.push({ path, message: "promises no legal action, but policy.safeHarbor is false" });
      }
      if (NO_SAFE_HARBOR.test(text) && policy.safeHarbor) {
        findings.push({ path, message: "says legal action cannot be excluded, but policy.safeHarbor is true" });
      }
      if (MUTUAL_CONSENT.test(text) && publication.consent !== "mutual") {
        findings.push({ path, message: `names mutual consent, but publication.consent is ${publication.consent}` });
      }
    });
  }

  const contact = policy.contact?.startsWith("mailto:") ? policy.contact.slice("mailto:".length).toLowerCase() : undefined;
  each("reporting", (text, path) => {
    for (const address of text.match(EMAIL) ?? []) {
      if (address.toLowerCase() !== contact) {
        findings.push({ path, message: `names ${address}, but policy.contact is ${policy.contact ?? "not set"}` });
      }
    }
  });
  if (statements.rewards !== undefined && !rewards.enabled) {
    findings.push({
      path: ["statements", "rewards"],
      message: "quotes reward terms, but rewards.enabled is false, so SECURITY.md leaves them out",
    });
  }
  return findings;
}
