import type { DisclosureConfig } from "../config/schema.js";

export interface SecurityTxtOptions {
  now: Date;
  /** Days from `now` until the file expires; RFC 9116 recommends less than a year. */
  expiresInDays?: number;
  /** Where the file is published, e.g. https://example.org/.well-known/security.txt; `documents.securityTxt.canonical` otherwise. */
  canonical?: string | readonly string[];
  /** An OpenPGP key for encrypted reports: an https:// URL, `openpgp4fpr:` or `dns:` URI. */
  encryption?: string;
  /** The page that thanks researchers (hall of fame); the published `publication.acknowledgements` page otherwise. */
  acknowledgments?: string;
  /** `owner/name`: adds the repository's private vulnerability reporting form as a Contact. */
  repository?: string;
}

export interface SecurityTxt {
  text: string;
  warnings: string[];
}

export class SecurityTxtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecurityTxtError";
  }
}

const DEFAULT_EXPIRES_IN_DAYS = 365;
const EXPIRY_WARNING_DAYS = 30;
const MS_PER_DAY = 86_400_000;

export type SecurityTxtConfig = Pick<DisclosureConfig, "policy" | "language"> &
  Partial<Pick<DisclosureConfig, "publication" | "documents">>;

/**
 * An RFC 9116 security.txt from the same config as SECURITY.md. Fields appear in the order RFC 9116 §2.5
 * defines them, one `Name: value` a line, LF line ends. Contact is required: without `policy.contact` or a
 * repository there is nothing valid to write, so this throws. Every other field comes from a key: Policy from
 * `policy.url`, Canonical from `documents.securityTxt.canonical`, Acknowledgments from the hall of fame the app
 * publishes (`publication.acknowledgements`), Preferred-Languages from `policy.languages` or else `language`.
 */
export function renderSecurityTxt(config: SecurityTxtConfig, options: SecurityTxtOptions): SecurityTxt {
  const warnings: string[] = [];
  const contacts = [
    ...(config.policy.contact ? [config.policy.contact] : []),
    ...(options.repository ? [`https://github.com/${options.repository}/security/advisories/new`] : []),
  ];
  if (contacts.length === 0) {
    throw new SecurityTxtError("security.txt needs a Contact: set policy.contact (a mailto: address or https:// URL)");
  }

  const expiresInDays = options.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
  const expires = new Date(options.now.getTime() + expiresInDays * MS_PER_DAY);
  if (expiresInDays <= EXPIRY_WARNING_DAYS) {
    warnings.push(`Expires ${formatInstant(expires)} is within ${EXPIRY_WARNING_DAYS} days; publish a renewed file before then`);
  }
  if (expiresInDays > DEFAULT_EXPIRES_IN_DAYS) {
    warnings.push(`Expires is ${expiresInDays} days away; RFC 9116 recommends less than a year`);
  }

  const canonical =
    typeof options.canonical === "string" ? [options.canonical] : (options.canonical ?? config.documents?.securityTxt.canonical ?? []);
  const hallOfFame = config.publication?.acknowledgements;
  const acknowledgments =
    options.acknowledgments ??
    (hallOfFame === undefined ? undefined : `https://github.com/${hallOfFame.repository}/blob/HEAD/${hallOfFame.path}`);
  const fields: [name: string, value: string | undefined][] = [
    ["Acknowledgments", acknowledgments],
    ...canonical.map((url): [string, string] => ["Canonical", url]),
    ...contacts.map((contact): [string, string] => ["Contact", contact]),
    ["Encryption", options.encryption],
    ["Expires", formatInstant(expires)],
    ["Policy", config.policy.url],
    ["Preferred-Languages", (config.policy.languages ?? [config.language]).join(", ")],
  ];
  const lines: string[] = [];
  for (const [name, value] of fields) {
    if (value === undefined) continue;
    // A line break would let a value add fields of its own.
    if (/[\r\n]/.test(value)) throw new SecurityTxtError(`${name} must be a single line`);
    const problem = uriProblem(name, value);
    if (problem) warnings.push(problem);
    lines.push(`${name}: ${value}`);
  }
  return { text: `${lines.join("\n")}\n`, warnings };
}

/** RFC 3339 in UTC to the second: 2026-11-23T09:00:00Z. */
function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** RFC 9116 §2.5: a web URI in any field MUST be https; Contact may also be mailto: or tel:. */
function uriProblem(name: string, value: string): string | undefined {
  if (name === "Expires" || name === "Preferred-Languages") return undefined;
  if (value.startsWith("http://")) return `${name} ${value} must use https:// (RFC 9116 §2.5)`;
  const allowed = name === "Contact" ? /^(?:https:|mailto:|tel:)/ : name === "Encryption" ? /^(?:https:|openpgp4fpr:|dns:)/ : /^https:/;
  return allowed.test(value) ? undefined : `${name} ${value} is not a URI RFC 9116 accepts there`;
}
