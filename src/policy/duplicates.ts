import type { ScopeConfig } from "../config/schema.js";
import { assetsFromStrings, hostOf, type ReportAsset } from "./assets.js";
import { compileAssetPattern, type AssetMatcher } from "./scope.js";
import { mayMatch } from "./pattern.js";

/** A case already open or closed under the same policy, as the duplicate check needs it. */
export interface PriorCase {
  key: string;
  title: string;
  /** Hostnames, URLs, IPs or repositories the case is about (`TriageDecision.assets` of its own triage). */
  assets: string[];
  /** `TriageDecision.fingerprint` of its own triage: the root cause without the host. */
  fingerprint?: string;
}

export interface DuplicateFinding {
  duplicateOf: string;
  codebase?: string;
  reason: string;
}

export interface CompiledCodebase {
  readonly name: string;
  readonly matchers: readonly AssetMatcher[];
}

export function compileCodebases(scope: Pick<ScopeConfig, "codebases">): CompiledCodebase[] {
  return scope.codebases.map((codebase) => ({ name: codebase.name, matchers: codebase.assets.map(compileAssetPattern) }));
}

const VULNERABILITY_CLASSES: readonly [string, RegExp][] = [
  ["xss", /\b(?:xss|cross[- ]site scripting)\b/i],
  ["sql-injection", /\b(?:sqli|sql[- ]?injection|sql-injectie)\b/i],
  ["idor", /\b(?:idor|insecure direct object)/i],
  ["csrf", /\b(?:csrf|xsrf|cross[- ]site request forgery)\b/i],
  ["open-redirect", /\bopen[- ]redirect/i],
  ["ssrf", /\b(?:ssrf|server[- ]side request forgery)\b/i],
  ["rce", /\b(?:rce|remote code execution|command injection)\b/i],
  ["path-traversal", /\b(?:path|directory) traversal|\blfi\b|local file inclusion/i],
  ["xxe", /\b(?:xxe|xml external entit)/i],
  ["ssti", /\b(?:ssti|template injection)\b/i],
  ["access-control", /\b(?:broken access control|authori[sz]ation bypass|privilege escalation|authentication bypass)\b/i],
  ["account-takeover", /\baccount takeover\b/i],
  ["information-disclosure", /\b(?:information disclosure|data leak|exposed|exposure)\b/i],
];

/** Any of the classes: one scan tells a text that names none of them, the usual case for a title. */
const ANY_VULNERABILITY_CLASS = new RegExp(VULNERABILITY_CLASSES.map(([, pattern]) => `(?:${pattern.source})`).join("|"), "i");
const mayNameVulnerabilityClass = mayMatch(ANY_VULNERABILITY_CLASS);

/**
 * The root cause of a report without its host: the vulnerability class, the first URL path (numbers
 * generalised) and its parameter names. The same flaw reported on two sites of one codebase gives the same
 * fingerprint.
 */
export function fingerprintOf(text: string, assets: readonly ReportAsset[]): string | undefined {
  if (!mayNameVulnerabilityClass(text) || !ANY_VULNERABILITY_CLASS.test(text)) return undefined;
  const vulnerabilityClass = VULNERABILITY_CLASSES.find(([, pattern]) => pattern.test(text))?.[0];
  if (vulnerabilityClass === undefined) return undefined;
  const url = assets.find((asset) => asset.kind === "url");
  if (url === undefined || url.kind !== "url") return vulnerabilityClass;
  const path = url.path.toLowerCase().replace(/\d+/g, "{n}").replace(/\/$/, "");
  const parameters = [...new URL(url.value).searchParams.keys()].sort().join(",");
  return [vulnerabilityClass, path || "/", parameters].filter((part) => part !== "").join("|");
}

export function findDuplicate(
  report: { title: string; fingerprint?: string; assets: readonly ReportAsset[] },
  priorCases: readonly PriorCase[],
  codebases: readonly CompiledCodebase[],
): DuplicateFinding | undefined {
  for (const prior of priorCases) {
    const priorAssets = assetsFromStrings(prior.assets);
    const sameCause =
      (report.fingerprint !== undefined && prior.fingerprint === report.fingerprint) ||
      titleSimilarity(report.title, prior.title) >= TITLE_SIMILARITY;
    if (!sameCause) continue;
    if (sharesAsset(report.assets, priorAssets)) {
      return { duplicateOf: prior.key, reason: `Same root cause and asset as ${prior.key} ("${prior.title}").` };
    }
    const codebase = sharedCodebase(report.assets, priorAssets, codebases);
    if (codebase !== undefined) {
      return {
        duplicateOf: prior.key,
        codebase,
        reason: `Same root cause as ${prior.key} ("${prior.title}") on an asset of the same codebase (${codebase}); the policy treats these as one problem. The researcher keeps the credit.`,
      };
    }
  }
  return undefined;
}

const TITLE_SIMILARITY = 0.75;

function sharesAsset(a: readonly ReportAsset[], b: readonly ReportAsset[]): boolean {
  if (a.length === 0 && b.length === 0) return true;
  const keys = new Set(b.map(assetKey));
  return a.some((asset) => keys.has(assetKey(asset)));
}

function assetKey(asset: ReportAsset): string {
  const host = hostOf(asset);
  return host === undefined ? `${asset.kind}:${asset.value.toLowerCase()}` : `host:${host.replace(/^www\./, "")}`;
}

function sharedCodebase(a: readonly ReportAsset[], b: readonly ReportAsset[], codebases: readonly CompiledCodebase[]): string | undefined {
  const inCodebase = (assets: readonly ReportAsset[], codebase: CompiledCodebase): boolean =>
    assets.some((asset) => codebase.matchers.some((matcher) => matcher.matches(asset)));
  return codebases.find((codebase) => inCodebase(a, codebase) && inCodebase(b, codebase))?.name;
}

const TITLE_STOPWORDS = new Set([
  "the",
  "and",
  "for",
  "via",
  "with",
  "from",
  "into",
  "on",
  "in",
  "of",
  "at",
  "to",
  "een",
  "het",
  "van",
  "op",
  "bij",
]);

/** Dice coefficient of the titles' words, hostnames and URLs left out. */
function titleSimilarity(a: string, b: string): number {
  const wordsA = titleWords(a);
  const wordsB = titleWords(b);
  if (wordsA.size === 0 || wordsB.size === 0) return 0;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared += 1;
  return (2 * shared) / (wordsA.size + wordsB.size);
}

function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/\bhttps?:\/\/\S+/g, " ")
      .replace(/\b(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}\b/g, " ")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !TITLE_STOPWORDS.has(word)),
  );
}
