import type { ExclusionEntry } from "../config/schema.js";
import { catalogEntry, exceptionDefinition, taxonomyOf, type ExceptionDefinition } from "./catalog.js";
import { EXCLUSION_CONFIDENT, type CategoryGuess, type ImpactSignal } from "./impact.js";
import { anyOf, builtInPattern, compileConfigPattern, firstMatch, type PatternSet, type TextPattern } from "./pattern.js";
import { excerpt, type ReportText } from "./report.js";
import { PRODUCT_FLAW_SHOWN_ON_DEMO, productFlawShownOnDemo } from "./shown-on-demo.js";

/** A suggestion that the report falls under one of the policy's exclusions. A maintainer confirms it. */
export interface ExclusionSuggestion {
  id: string;
  title: string;
  /** Why the rule fired, in one sentence: rule, where it matched, the exceptions checked. */
  reason: string;
  /** The report text that matched. */
  matched: string;
  where: "title" | "body";
  /** The policy sentence the rule comes from. */
  policyText: string;
  source: "catalog" | "custom";
  /** The exceptions checked and found not to apply, by id. */
  exceptionsChecked: readonly string[];
  /** When no rule matched but the category model did: its probability. */
  byModel?: number;
  vrt?: string;
  cwe: readonly string[];
}

/** An exclusion whose terms the report uses, but that one of its exceptions brings back in. */
export interface ExceptionApplied {
  id: string;
  exception: string;
  title: string;
  matched: string;
  policyText: string;
}

export interface CompiledExclusion {
  readonly id: string;
  readonly title: string;
  readonly policyText: string;
  readonly source: "catalog" | "custom";
  /**
   * The policy wrote the rule's patterns (a custom rule, or a catalog id whose wording the config replaced, such as
   * Openworx's content spoofing only on error pages): then only they decide, and the category model's guess of the
   * catalog's broader class does not suggest the rule.
   */
  readonly ownPatterns: boolean;
  readonly match: readonly TextPattern[];
  readonly indirect: readonly TextPattern[];
  /** Read only where a report has a body, in its title and body together (`CatalogEntry.inBody`). */
  readonly inBody: PatternSet & { readonly patterns: readonly TextPattern[] };
  /** `match` and `indirect` as one scan, which passes over a report that uses none of the rule's terms. */
  readonly terms: PatternSet;
  readonly notWhen: readonly TextPattern[];
  readonly exceptions: readonly CompiledException[];
  /** Location rules (custom rules, demo environments) apply to any finding; see `REAL_VULNERABILITY`. */
  readonly aboutLocation: boolean;
  /** The place may be named only as where a product flaw was shown; see `CatalogEntry.placeOfDemonstration`. */
  readonly placeOfDemonstration: boolean;
  /**
   * A strong impact does not bring a report back: the policy says the exclusion has no exception (`unless: []`), or
   * the exclusion is about what the attack needs (see `CatalogEntry.aboutPrecondition`).
   */
  readonly impactDoesNotApply: boolean;
  /** Only a readable impact brings the report back, not the category model's (see `CatalogEntry.readableImpactOnly`). */
  readonly readableImpactOnly: boolean;
  readonly vrt?: string;
  readonly cwe: readonly string[];
}

interface CompiledException {
  readonly id: string;
  readonly title: string;
  readonly match: readonly TextPattern[];
}

/**
 * Wording of real vulnerabilities. When a report's title names one and an exclusion's terms appear only in
 * its body ("Stored XSS … the page also lacks a CSP"), the exclusion is not suggested.
 */
const REAL_VULNERABILITY: readonly TextPattern[] = [
  /\b(?:stored|reflected|dom[- ]based|dom|blind|self)?[- ]?(?:xss|cross[- ]site scripting)\b/i,
  /\b(?:sql|nosql|ldap|xpath|command|os command|code|template|ssti|crlf|header|xml|xxe|graphql) ?injection\b/i,
  /\b(?:sqli|rce|ssrf|idor|xxe|ssti|lfi|rfi)\b/i,
  /\b(?:remote code execution|server[- ]side request forgery|insecure direct object reference|local file inclusion|remote file inclusion)\b/i,
  /\b(?:account takeover|privilege escalation|authentication bypass|auth bypass|authori[sz]ation bypass|access control)\b/i,
  /\b(?:path|directory) traversal\b/i,
  /\b(?:insecure )?deserialization\b/i,
  /\b(?:request smuggling|cache poisoning|cache deception|subdomain takeover|prototype pollution|race condition|mass assignment)\b/i,
  /\b(?:unrestricted file upload|arbitrary file (?:upload|read|write|download)|hardcoded (?:credentials|secret|password|api key))\b/i,
].map(builtInPattern);

/**
 * A title that says its report is more than a finding it names ("More than account enumeration: ...", "Self-signed
 * cert ... is the least of it", "CAA/DNSSEC report? No - ..."): the report is not that finding's, whichever it is.
 */
const TITLE_SETS_FINDING_ASIDE: readonly TextPattern[] = [
  /^\W*(?:more than|beyond|not just|not merely|not only|worse than|bigger than|meer dan|niet alleen|niet enkel|mehr als|nicht nur|plus qu)\b(?! \d)/i,
  /\?\s*(?:no|nope|nee|nein|non)\s*[:,.!—–-]|\b(?:is|are) the least of (?:it|the problems)\b|\bnot (?:merely|just|only) (?:an?|the) |\b(?:but|,) worse\b|\b(?:worse|pior|peor|peggio|gorzej|erger|schlimmer|pire):|\baside:|\bupgraded:|\b(?:actually|eigenlijk|in werkelijkheid|tats[äa]chlich|en r[ée]alit[ée])\b|\b(?:the )?real (?:issue|problem|finding) is\b/i,
  /^\W*(?:aparte del?|además del?|apart from|besides|abgesehen von|à part|not an? [^:\n]{1,40}:)/i,
  /\blooks (?:like )?(?:an? )?[\w-]{2,20}(?:[- ]only)? but\b|^\W*niet (?:de |het )?[^;:\n]{1,40} is het punt\b|\bis not the point\b/i,
].map(builtInPattern);

/** Compiles a policy's exclusion entries; throws on an entry that cannot be used (validation reports these first). */
export function compileExclusions(entries: readonly ExclusionEntry[]): CompiledExclusion[] {
  return entries.map((entry) => compileExclusion(typeof entry === "string" ? { id: entry } : entry));
}

function compileExclusion(entry: Exclude<ExclusionEntry, string>): CompiledExclusion {
  const builtIn = catalogEntry(entry.id);
  const configMatch = entry.match?.map(compileConfigPattern);
  if (builtIn === undefined) {
    if (configMatch === undefined || configMatch.length === 0) {
      throw new Error(`exclusion "${entry.id}" is not in the catalog, so it needs "match" patterns`);
    }
    return {
      id: entry.id,
      title: entry.title ?? entry.id,
      policyText: entry.policyText ?? entry.title ?? entry.id,
      source: "custom",
      ownPatterns: true,
      match: configMatch,
      indirect: [],
      inBody: noPatterns,
      terms: anyOf(configMatch),
      notWhen: [],
      exceptions: compileExceptions(entry.unless ?? []),
      aboutLocation: true,
      placeOfDemonstration: false,
      impactDoesNotApply: entry.unless?.length === 0,
      readableImpactOnly: false,
      cwe: [],
    };
  }
  const taxonomy = taxonomyOf(builtIn);
  const match = configMatch ?? builtIn.match.map(builtInPattern);
  const indirect = configMatch === undefined ? (builtIn.indirect ?? []).map(builtInPattern) : [];
  const inBody = configMatch === undefined ? (builtIn.inBody ?? []).map(builtInPattern) : [];
  return {
    id: builtIn.id,
    title: entry.title ?? builtIn.title,
    policyText: entry.policyText ?? builtIn.policyText,
    source: "catalog",
    ownPatterns: configMatch !== undefined,
    match,
    indirect,
    inBody: { ...anyOf(inBody), patterns: inBody },
    terms: anyOf([...match, ...indirect]),
    notWhen: builtIn.notWhen.map(builtInPattern),
    exceptions: compileExceptions(entry.unless ?? builtIn.exceptions),
    aboutLocation: builtIn.aboutLocation ?? false,
    placeOfDemonstration: builtIn.placeOfDemonstration ?? false,
    impactDoesNotApply: entry.unless?.length === 0 || builtIn.aboutPrecondition === true,
    readableImpactOnly: builtIn.readableImpactOnly ?? false,
    ...(taxonomy.vrt === undefined ? {} : { vrt: taxonomy.vrt }),
    cwe: taxonomy.cwe,
  };
}

function compileExceptions(ids: readonly string[]): CompiledException[] {
  return ids.map((id) => {
    const definition: ExceptionDefinition | undefined = exceptionDefinition(id);
    if (definition === undefined) throw new Error(`unknown exception "${id}" in "unless"`);
    return { id, title: definition.title, match: definition.match.map(builtInPattern) };
  });
}

export interface ExclusionOutcome {
  /** Strongest first: title before body, a direct description before an indirect one, then the policy's order. */
  suggestions: ExclusionSuggestion[];
  exceptionsApplied: ExceptionApplied[];
}

/** What triage learned about a report before the exclusion rules run. */
export interface ReportSignals {
  /** A sign that the report is a real vulnerability with impact, which keeps it in scope; asked only when needed. */
  impact?: (exclusion: string) => ImpactSignal | undefined;
  /** The category model's best guess, which may name an exclusion no rule matched. */
  category?: CategoryGuess;
}

/** The exception id recorded when a strong impact, not one of the policy's exceptions, keeps a report in scope. */
export const STRONG_IMPACT_EXCEPTION = "strong-impact";

export function suggestExclusions(rules: readonly CompiledExclusion[], text: ReportText, signals: ReportSignals = {}): ExclusionOutcome {
  // The title is read for these only once a rule has matched: most reports match none.
  let titleSetsFindingAside: boolean | undefined;
  let titleNamesRealVulnerability: boolean | undefined;
  const ranked: { suggestion: ExclusionSuggestion; rank: number }[] = [];
  const exceptionsApplied: ExceptionApplied[] = [];
  rules.forEach((rule, order) => {
    const hit = locate(rule, text) ?? modelHit(rule, signals.category);
    if (hit === undefined) return;
    if (firstMatch(rule.notWhen, text.all) !== undefined) return;
    if (!rule.aboutLocation) {
      if ((titleSetsFindingAside ??= firstMatch(TITLE_SETS_FINDING_ASIDE, text.title) !== undefined)) return;
      if (hit.where === "body" && (titleNamesRealVulnerability ??= firstMatch(REAL_VULNERABILITY, text.title) !== undefined)) return;
    }
    const shownOnDemo = rule.placeOfDemonstration ? productFlawShownOnDemo(text, rule.match, REAL_VULNERABILITY) : undefined;
    if (shownOnDemo !== undefined) {
      exceptionsApplied.push({
        id: rule.id,
        exception: PRODUCT_FLAW_SHOWN_ON_DEMO,
        title: shownOnDemo.title,
        matched: shownOnDemo.matched,
        policyText: rule.policyText,
      });
      return;
    }
    for (const exception of rule.exceptions) {
      const matched = firstMatch(exception.match, text.all);
      if (matched !== undefined) {
        exceptionsApplied.push({
          id: rule.id,
          exception: exception.id,
          title: exception.title,
          matched: excerpt(matched),
          policyText: rule.policyText,
        });
        return;
      }
    }
    const found = rule.aboutLocation || rule.impactDoesNotApply ? undefined : signals.impact?.(rule.id);
    const impact = rule.readableImpactOnly && found?.source === "model" ? undefined : found;
    if (impact !== undefined) {
      exceptionsApplied.push({
        id: rule.id,
        exception: STRONG_IMPACT_EXCEPTION,
        title: impact.title,
        matched: impact.matched,
        policyText: rule.policyText,
      });
      return;
    }
    const checked = rule.exceptions.map((exception) => exception.id);
    const matchedBy =
      hit.byModel === undefined
        ? `${rule.source === "custom" ? "Policy rule" : "Catalog rule"} "${rule.title}" matched "${excerpt(hit.matched)}" in the ${hit.where}`
        : `No rule matched, but the category model reads "${rule.title}" (${hit.byModel}; strongest words: ${hit.matched})`;
    const reason =
      matchedBy + (checked.length > 0 ? `; no exception applies (checked: ${checked.join(", ")}).` : "; the policy allows no exception.");
    ranked.push({
      rank: hit.strength * 1_000 + order,
      suggestion: {
        id: rule.id,
        title: rule.title,
        reason,
        matched: excerpt(hit.matched),
        where: hit.where,
        policyText: rule.policyText,
        source: rule.source,
        exceptionsChecked: checked,
        ...(hit.byModel === undefined ? {} : { byModel: hit.byModel }),
        ...(rule.vrt === undefined ? {} : { vrt: rule.vrt }),
        cwe: rule.cwe,
      },
    });
  });
  ranked.sort((a, b) => a.rank - b.rank);
  return { suggestions: ranked.map((entry) => entry.suggestion), exceptionsApplied };
}

interface Hit {
  matched: string;
  where: "title" | "body";
  /** Lower is stronger; the model's suggestions rank below every rule's. */
  strength: number;
  /** The model's probability, when the model and not a rule found the exclusion. */
  byModel?: number;
}

const MODEL_STRENGTH = 4;

/**
 * A catalog exclusion the category model reads with confidence where no rule matched: wording the rules do not
 * know ("TLS 1.0 still accepted", "cookie without HttpOnly"). Only for catalog rules the policy uses as written.
 */
function modelHit(rule: CompiledExclusion, guess: CategoryGuess | undefined): Hit | undefined {
  if (guess === undefined || rule.ownPatterns || guess.exclusion !== rule.id || guess.probability < EXCLUSION_CONFIDENT) return undefined;
  return { matched: excerpt(guess.words().join(", ")), where: "body", strength: MODEL_STRENGTH, byModel: guess.probability };
}

/** Where a rule matches best; a lower strength is stronger. */
function locate(rule: CompiledExclusion, text: ReportText): Hit | undefined {
  if (rule.terms.matchesAny(text.title)) {
    const titleMatch = firstMatch(rule.match, text.title);
    if (titleMatch !== undefined) return { matched: titleMatch, where: "title", strength: 0 };
    const titleIndirect = firstMatch(rule.indirect, text.title);
    if (titleIndirect !== undefined) return { matched: titleIndirect, where: "title", strength: 1 };
  }
  if (rule.terms.matchesAny(text.body)) {
    const bodyMatch = firstMatch(rule.match, text.body);
    if (bodyMatch !== undefined) return { matched: bodyMatch, where: "body", strength: 2 };
    const bodyIndirect = firstMatch(rule.indirect, text.body);
    if (bodyIndirect !== undefined) return { matched: bodyIndirect, where: "body", strength: 3 };
  }
  // What a body shows, such as a crash and nothing more, read with the flaw the title may name.
  if (text.body.trim() === "" || !rule.inBody.matchesAny(text.all)) return undefined;
  const shown = firstMatch(rule.inBody.patterns, text.all);
  return shown === undefined ? undefined : { matched: shown, where: "body", strength: 2 };
}

const noPatterns = { ...anyOf([]), patterns: [] };
