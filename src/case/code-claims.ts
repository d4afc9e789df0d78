import type { Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import {
  checkClaims,
  CLAIMS_UNVERIFIED_LABEL,
  emptyCodeFacts,
  nextCodeRead,
  recordRead,
  type ClaimFinding,
  type ClaimsCheck,
  type CodeRead,
  type ReadOutcome,
} from "../policy/claim-check.js";
import { extractCodeClaims } from "../policy/claims.js";
import { reportText } from "../policy/report.js";

/**
 * A report's code claims, checked: extracted from its text, read one step at a time as the planner asks (the reader
 * keeps to its budget of GitHub calls), and judged from what was read. A report that names no code costs no read.
 */

export type CodeReader = (read: CodeRead) => Promise<ReadOutcome<unknown>>;

/** The planner asks each read once; this bounds the loop all the same. */
const MAX_READ_STEPS = 8;

export interface ReportedCode {
  title: string;
  body: string;
  /** `owner/name` of the repository the report is about. */
  repository: string;
  packages?: readonly string[];
  /** The advisory form's "vulnerable functions". */
  functions?: readonly string[];
}

export async function checkReportedCode(report: ReportedCode, read: CodeReader): Promise<ClaimsCheck | undefined> {
  const { repository, packages, functions } = report;
  const claims = extractCodeClaims(reportText(report), {
    repository,
    ...(packages ? { packages } : {}),
    ...(functions ? { functions } : {}),
  });
  if (claims.version === undefined && claims.files.length === 0 && claims.symbols.length === 0) return undefined;
  const facts = emptyCodeFacts();
  for (let step = 0; step < MAX_READ_STEPS; step++) {
    const next = nextCodeRead(claims, facts);
    if (!next) break;
    recordRead(facts, next, await read(next));
  }
  return checkClaims(claims, facts);
}

export function claimsLabels(check: ClaimsCheck | undefined): string[] {
  return check?.unverified ? [CLAIMS_UNVERIFIED_LABEL] : [];
}

/** For the plan's reasons and the log: counts only, never the report's words. */
export function claimsReason(check: ClaimsCheck): string {
  const count = (status: ClaimFinding["status"]) => check.findings.filter((finding) => finding.status === status).length;
  if (check.unreadable) return `code claims not verified: the repository could not be read (${check.unreadable})`;
  return `code claims: ${count("missing")} not found, ${count("holds")} found, ${count("not-verified")} not verified`;
}

/** The tracking issue's section on the claims: what was not found, what holds, what could not be checked. */
export function renderClaimsSection(language: Language, check: ClaimsCheck | undefined): string | undefined {
  if (!check) return undefined;
  const view = (status: ClaimFinding["status"]) => check.findings.filter((finding) => finding.status === status).map(findingView);
  return renderMessage(language, "code-claims", {
    tag: check.tag,
    unreadable: check.unreadable,
    missing: view("missing"),
    holds: view("holds"),
    notVerified: view("not-verified"),
  });
}

/**
 * One finding for the template. Paths, symbols and versions are the report's words, but only as the claim patterns
 * read them (letters, digits, `_ . / + - : ~ $`), so they are safe inside a code span.
 */
function findingView(finding: ClaimFinding) {
  return {
    id: `${finding.kind}-${finding.status}`,
    version: finding.kind === "version" ? finding.version : undefined,
    tag: finding.kind === "version" && finding.status === "holds" ? finding.tag : undefined,
    path: finding.kind === "path" || finding.kind === "line" ? finding.path : undefined,
    foundAt: finding.kind === "path" && finding.status === "holds" && finding.foundAt !== finding.path ? finding.foundAt : undefined,
    symbol: finding.kind === "symbol" ? finding.symbol : undefined,
    files: finding.kind === "symbol" ? finding.files : [],
    line: finding.kind === "line" ? finding.line : undefined,
    lineCount: finding.kind === "line" ? finding.lineCount : undefined,
    reason: "reason" in finding ? finding.reason : undefined,
  };
}
