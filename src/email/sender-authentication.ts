/**
 * Whether an e-mail's `From` is its real sender, as decided by the organisation's own receiving mail server. Anyone
 * can write any address into `From`, and anyone can write an `Authentication-Results` header (RFC 8601) into their
 * message; only the header added by a server Disclosure Desk trusts — named by its authserv-id in
 * `EMAIL_TRUSTED_AUTHSERV_ID` — counts. Receiving servers add their header on top, so the topmost trusted header is
 * the one that server wrote; trusted-looking headers further down may be the sender's own. Without the setting no
 * sender is verified.
 *
 * The rule: the sender is verified when that header reports, for the message's single `From` address,
 * - `dmarc=pass` whose `header.from` (when given) is the From domain, or
 * - `dkim=pass` whose signing domain (`header.d`, else the domain of `header.i`) is the From domain or a parent of it, or
 * - `spf=pass` whose `smtp.mailfrom` domain is the From domain or a parent of it.
 * A parent is a domain with at least one dot (`example.net` for `mail.example.net`); a child of the From domain never
 * counts, so a subdomain someone else controls cannot vouch for its parent.
 */

export interface AuthenticationFacts {
  /** The addresses of the message's `From` header, and how many `From` headers it has. */
  fromAddresses: readonly string[];
  fromHeaders: number;
  /** The unfolded values of the message's `Authentication-Results` headers, topmost first. */
  authenticationResults: readonly string[];
}

export interface MethodResult {
  method: string;
  result: string;
  /** `ptype.property` → value, lower case (e.g. `header.d` → `example.net`). */
  properties: Record<string, string>;
}

export type SenderProblem = "not-configured" | "no-trusted-header" | "from-count" | "no-from-domain" | "no-aligned-pass";

export interface SenderAuthentication {
  verified: boolean;
  /** Why not, when not verified. */
  problem: SenderProblem | undefined;
  /** The trusted server whose header was read. */
  authservId: string | undefined;
  /** The result that verified the sender, as `method=result (property=value)`. */
  passed: string | undefined;
  /** Every result of the trusted header, as above, for the tracking issue. */
  results: string[];
  /** Authentication-Results headers not read: other servers', or a trusted server's further down. */
  ignoredHeaders: number;
}

/** At most this many headers and results are read: a message with thousands costs no more than a handful. */
const HEADERS_READ = 20;
const RESULTS_READ = 20;

export function authenticateSender(facts: AuthenticationFacts, trustedAuthservIds: readonly string[]): SenderAuthentication {
  const unverified = (problem: SenderProblem, rest: Partial<SenderAuthentication> = {}): SenderAuthentication => ({
    verified: false,
    problem,
    authservId: undefined,
    passed: undefined,
    results: [],
    ignoredHeaders: 0,
    ...rest,
  });
  const trusted = new Set(trustedAuthservIds.map((id) => id.trim().toLowerCase()).filter(Boolean));
  if (trusted.size === 0) return unverified("not-configured", { ignoredHeaders: facts.authenticationResults.length });
  const headers = facts.authenticationResults.slice(0, HEADERS_READ).map(parseAuthenticationResults);
  const header = headers.find((parsed) => parsed !== undefined && trusted.has(parsed.authservId));
  const ignoredHeaders = facts.authenticationResults.length - (header ? 1 : 0);
  if (!header) return unverified("no-trusted-header", { ignoredHeaders });
  const read = { authservId: header.authservId, results: header.results.map(describeResult), ignoredHeaders };
  if (facts.fromHeaders !== 1 || facts.fromAddresses.length !== 1) return unverified("from-count", read);
  const fromDomain = domainOf(facts.fromAddresses[0] ?? "");
  if (!fromDomain) return unverified("no-from-domain", read);
  const passed = header.results.find((result) => passesFor(result, fromDomain));
  if (!passed) return unverified("no-aligned-pass", read);
  return { verified: true, problem: undefined, passed: describeResult(passed), ...read };
}

/** One line for logs and plan reasons; what maintainers read is rendered from the same facts by the templates. */
export function describeSenderAuthentication(check: SenderAuthentication): string {
  // No domains: they would name the researcher in the log.
  if (check.verified) return `verified: ${check.authservId ?? "?"} reported ${check.passed?.split(" ")[0] ?? "?"}`;
  return `not verified: ${check.problem ?? "?"}${check.authservId ? ` (${check.authservId}: ${check.results.length} result(s))` : ""}, ${check.ignoredHeaders} header(s) ignored`;
}

function passesFor(result: MethodResult, fromDomain: string): boolean {
  if (result.result !== "pass") return false;
  if (result.method === "dmarc") {
    const headerFrom = result.properties["header.from"];
    return headerFrom === undefined || domainOf(headerFrom) === fromDomain;
  }
  if (result.method === "dkim") {
    const signer = result.properties["header.d"] ?? domainOf(result.properties["header.i"] ?? "");
    return signer !== undefined && aligned(signer, fromDomain);
  }
  if (result.method === "spf") {
    const mailFrom = domainOf(result.properties["smtp.mailfrom"] ?? "");
    return mailFrom !== undefined && aligned(mailFrom, fromDomain);
  }
  return false;
}

/** The authenticated domain is the From domain or a parent of it (never a bare top-level domain). */
export function aligned(authenticated: string, fromDomain: string): boolean {
  const domain = authenticated.toLowerCase().replace(/\.$/, "");
  if (!domain.includes(".")) return false;
  return fromDomain === domain || fromDomain.endsWith(`.${domain}`);
}

function domainOf(value: string): string | undefined {
  const domain = (value.includes("@") ? value.slice(value.lastIndexOf("@") + 1) : value).trim().toLowerCase().replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

function describeResult(result: MethodResult): string {
  const shown = ["header.from", "header.d", "header.i", "smtp.mailfrom"].flatMap((property) => {
    const value = result.properties[property];
    return value === undefined
      ? []
      : [`${property}=${property === "smtp.mailfrom" || property === "header.i" ? (domainOf(value) ?? "?") : value}`];
  });
  return `${result.method}=${result.result}${shown.length > 0 ? ` (${shown.join(", ")})` : ""}`;
}

/**
 * One `Authentication-Results` value: `authserv-id [version] ; method=result [reason=…] [ptype.property=value …] ; …`.
 * Comments in parentheses are dropped and quoted strings kept whole; a value that does not parse is undefined.
 */
export function parseAuthenticationResults(value: string): { authservId: string; results: MethodResult[] } | undefined {
  const statements = splitOutsideQuotes(stripComments(value.replace(/\r?\n[ \t]/g, " ")), ";").map((part) => part.trim());
  const authservId = statements[0]?.split(/\s+/)[0]?.toLowerCase();
  if (!authservId) return undefined;
  const results: MethodResult[] = [];
  for (const statement of statements.slice(1, 1 + RESULTS_READ)) {
    const tokens = splitOutsideQuotes(statement.replace(/\s*=\s*/g, "="), " ").filter(Boolean);
    const match = /^([a-z0-9-]+)(?:\/\d+)?=([a-z]+)$/i.exec(tokens[0] ?? "");
    if (!match?.[1] || !match[2]) continue;
    const properties: Record<string, string> = {};
    for (const token of tokens.slice(1)) {
      const property = /^([a-z0-9-]+\.[a-z0-9-]+)=(.+)$/i.exec(token);
      if (property?.[1] && property[2]) properties[property[1].toLowerCase()] = property[2].replace(/^"|"$/g, "").toLowerCase();
    }
    results.push({ method: match[1].toLowerCase(), result: match[2].toLowerCase(), properties });
  }
  return { authservId, results };
}

function stripComments(value: string): string {
  let depth = 0;
  let quoted = false;
  let output = "";
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === "\\" && (quoted || depth > 0)) {
      if (depth === 0) output += value.slice(index, index + 2);
      index += 1;
      continue;
    }
    if (depth === 0 && char === '"') quoted = !quoted;
    if (!quoted && char === "(") depth += 1;
    else if (!quoted && char === ")" && depth > 0) {
      depth -= 1;
      output += " ";
    } else if (depth === 0) output += char;
  }
  return output;
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (separator === " " ? /\s/.test(char) : char === separator)) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}
