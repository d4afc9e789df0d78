import type { ConductEntry } from "../config/schema.js";
import { isLetter } from "./characters.js";
import { lowerForLiterals } from "./literals.js";
import { anyOf, builtInPattern, compileConfigPattern, type PatternSet, type TextPattern } from "./pattern.js";
import { excerpt, type ReportText } from "./report.js";
import { wordSet } from "./word-sets.js";

/**
 * Methods a policy forbids. A flag only asks a human to look: researchers describe what they did in their
 * own words, and "I did not use a scanner" must not count against them, so a match preceded by a negation
 * in the same sentence is ignored.
 */
export interface ConductFlag {
  id: string;
  /** The conduct's catalog title (its id for a policy's own entry). */
  title: string;
  reason: string;
  matched: string;
  /** For more records read than the policy allows: how many, and the most allowed. */
  records?: { count: number; allowed: number };
}

export type ConductId =
  | "social-engineering"
  | "physical-attack"
  | "ddos"
  | "spam"
  | "third-party-application"
  | "automated-scanning"
  | "excess-data-access"
  | "data-modification"
  | "active-network-scanning";

const conductCatalog: Record<ConductId, { title: string; match: readonly RegExp[] }> = {
  "social-engineering": {
    title: "Social engineering",
    match: [
      /\bsocial[- ]engineer\w*/i,
      /\b(?:phish\w*|vish\w*|smish\w*) (?:an? |your |the |one of your )?(?:employees?|staff|helpdesk|help desk|support|colleagues?|medewerkers?|service desk)\b/i,
      /\b(?:pretend\w*|posing|posed|pretext\w*) (?:to be|as) (?:an? |the )?(?:employee|customer|staff|it|support|manager|colleague|klant|medewerker)/i,
      /\bimpersonat\w* (?:an? |the |one of your )?(?:employee|customer|staff|it department|support|manager|colleague)/i,
      /\b(?:called|phoned|emailed|e-mailed|messaged|contacted) (?:your|the) (?:helpdesk|help desk|support desk|service desk|customer service|receptionist|office|employees?)\b[^.\n]{0,60}\b(?:pretend|posing|as if|claiming|convinc|tricked|asked them to)/i,
      /\b(?:belde|mailde) (?:de|jullie|uw) (?:helpdesk|klantenservice|servicedesk)\b/i,
    ],
  },
  "physical-attack": {
    title: "Attacks on physical security",
    match: [
      /\bphysical (?:attack|security (?:test|assessment|attack)|intrusion|penetration|entry)\b/i,
      /\b(?:tailgat\w*|piggyback\w* (?:into|through)|lock ?pick\w*|badge clon\w*|cloned (?:an? |the )?(?:badge|access card))\b/i,
      /\b(?:walked|got|went|entered|sneaked|snuck) (?:in|into|inside) (?:your|the) (?:office|building|premises|data ?cent(?:er|re)|server room)\b/i,
      /\b(?:plugged|dropped|left) (?:a |an |some )?(?:usb|rubber ducky|malicious (?:usb|device)|device)\b/i,
      /\b(?:fysieke (?:aanval|beveiliging)|pand binnen(?:gelopen|gekomen))\b/i,
    ],
  },
  ddos: {
    title: "Distributed denial of service",
    match: [
      /\b(?:ddos|distributed denial[- ]of[- ]service)\b/i,
      /\b(?:flood\w*|hammer\w*|bombard\w*|stress[- ]?test\w*|load[- ]?test\w*) (?:the |your )?(?:server|site|website|api|endpoint|network|application|login|service)\b/i,
      /\b(?:loic|hoic|hping3?|slowloris|booter|stresser|goldeneye|siege|wrk|ab -n)\b/i,
      /\b\d[\d,.]{0,15} ?(?:k|thousand|million)? requests? (?:per|a|each) (?:second|minute|sec|min)\b/i,
      /\bsent (?:over |more than |about |roughly )?\d[\d,.]{0,15} ?(?:k|thousand|million)? (?:concurrent |parallel )?requests\b/i,
    ],
  },
  spam: {
    title: "Spam",
    match: [
      /\bspam(?:med|ming)?\b/i,
      /\bsent (?:\d[\d,.]{0,15}|thousands of|hundreds of|many|a lot of|lots of|a large number of) (?:e-?mails|messages|sms|text messages|notifications|invitations)\b/i,
      /\b(?:mass[- ]?mail\w*|bulk (?:e-?mails?|messages|sms))\b/i,
    ],
  },
  "third-party-application": {
    title: "Applications of third parties",
    match: [
      /\bthird[- ]party (?:application|app|service|platform|provider|vendor|saas|plugin|plug-in|widget|chat|system)s?\b/i,
      /\b(?:your|the) (?:payment provider|hosting provider|hosting company|cdn provider|email provider|chat provider|saas vendor)\b/i,
      /\b(?:zendesk|intercom|hubspot|salesforce|mailchimp|freshdesk|typeform|shopify|mollie|adyen|cloudflare)\b[^.\n]{0,40}\b(?:instance|account|tenant|dashboard|api|widget|portal)\b/i,
      /\b(?:externe|derde) partij(?:en)?\b/i,
    ],
  },
  "automated-scanning": {
    title: "Automated scanning and hacking tools",
    match: [
      /\b(?:acunetix|nessus|openvas|qualys|nikto|sqlmap|wpscan|nuclei|dirbuster|dirb|gobuster|ffuf|feroxbuster|wfuzz|arachni|w3af|skipfish|netsparker|invicti|appscan|webinspect|joomscan|droopescope|commix|xsstrike|dalfox)\b/i,
      /\bburp(?: suite)?(?: pro(?:fessional)?)?(?:'s)? (?:scanner|active scan\w*|intruder|crawler|crawl)\b/i,
      /\b(?:owasp )?zap (?:active |automated |full )?(?:scan\w*|spider)\b/i,
      /\b(?:active scan\w*|vulnerability scan\w*|automated (?:scan\w*|tool\w*|testing)|scanning tool\w*|hacking tool\w*|fuzz(?:ed|ing)? (?:the|your|all)|brute[- ]?forc\w* (?:directories|paths|endpoints))\b/i,
      /\bscanner (?:found|reported|detected|flagged|identified|showed)\b/i,
      /\b(?:kwetsbaarhedenscanner|geautomatiseerde scan\w*|scanner gebruikt)\b/i,
    ],
  },
  "excess-data-access": {
    title: "More data read than needed",
    match: [
      /\b(?:dumped|downloaded|exported|extracted|scraped|exfiltrated|retrieved|harvested|copied) (?:the |your )?(?:entire|whole|full|complete|all(?: the)?|every) (?:database|table|db|user ?base|customer (?:list|base|records|data)|records|users|customers|accounts|files|data)\b/i,
      /\b(?:i|we) (?:dumped|downloaded|exported|copied) (?:the |your |a )?(?:database|db|users? table|customer table)\b/i,
      /\b(?:alle|volledige) (?:klantgegevens|database|records|gebruikers) (?:gedownload|opgehaald|gedumpt|geëxporteerd)\b/i,
    ],
  },
  "data-modification": {
    title: "Changing or deleting data that is not the researcher's own",
    match: [
      /\b(?:i|we) (?:then |also |successfully |was able to |were able to |could )?(?:deleted|removed|modified|changed|altered|overwrote|overwritten|edited|updated|wiped|dropped|truncated|tampered with) (?:the |an? |some |all |several |\d+ )?(?:other (?:users?|customers?|clients?|accounts?|people)'?s?|another (?:user|customer|client|account)'?s?|someone else'?s|(?:a |the )?victim'?s?|(?:their|his|her)|(?:the )?(?:customer|client|patient|user|production|live)) ?(?:data|records?|accounts?|profiles?|orders?|invoices?|files?|documents?|passwords?|e-?mail address(?:es)?|settings|rows?|tables?|database|entries|posts|comments|appointments|messages)\b/i,
      /\b(?:i|we) [^.\n]{0,30}?\b(?:deleted|removed|modified|changed|altered|overwrote|edited|updated|wiped)\b[^.\n]{0,40}?\b(?:of|belonging to|for) (?:other|another|a different|real|someone else'?s?) ?(?:users?|customers?|clients?|accounts?|people|person|patients?|members?)?\b/i,
      /\b(?:gegevens|records?|accounts?|bestanden) van (?:andere|een andere) (?:gebruikers?|klanten?|personen) (?:gewijzigd|verwijderd|aangepast|overschreven)\b/i,
    ],
  },
  "active-network-scanning": {
    title: "Active scanning of the network",
    match: [
      /\b(?:nmap|masscan|zmap|unicornscan|angry ip scanner)\b/i,
      /\bport ?scan\w*/i,
      /\bscanned (?:your|the|all|their) (?:network|ip ranges?|ip space|subnets?|hosts|ports|infrastructure|servers)\b/i,
      /\bnetwork scan\w*/i,
      /\b(?:netwerkscan|poortscan)\w*/i,
    ],
  },
};

const NEGATION = /\b(?:not|no|never|without|didn't|did not|don't|do not|haven't|have not|neither|nor|geen|niet|nooit|zonder)\b/i;
/** Counts written out, in English and Dutch, as researchers write them ("two records", "twee records"). */
const COUNT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  a: 1,
  an: 1,
  single: 1,
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
  twenty: 20,
  fifty: 50,
  hundred: 100,
  hundreds: 100,
  thousand: 1000,
  thousands: 1000,
  een: 1,
  één: 1,
  enkele: 2,
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
  twintig: 20,
  vijftig: 50,
  honderd: 100,
  honderden: 100,
  duizend: 1000,
  duizenden: 1000,
};
/**
 * A written count followed by what was read ("2.000 klanten", "hundreds of user records"), with only the count words
 * above `maxRecords`: a count within the limit is never flagged, and "a user" or "an account" in nearly every report
 * made the expression stop at every "a" and weigh every such phrase, which cost more than the rest of the rule.
 */
export function recordCountPattern(maxRecords: number): RegExp {
  const countWords = Object.entries(COUNT_WORDS)
    .filter(([, value]) => value > maxRecords)
    .map(([word]) => word)
    .sort((a, b) => b.length - a.length);
  return new RegExp(
    `(?<![\\p{L}\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+${countWords.map((word) => `|${word}`).join("")})(?: of)? (?:(?:customer|user|patient|client|member|employee|personal|unique|other|klant|gebruikers)'?s? )?(?:${RECORD_NOUNS})(?![\\p{L}\\d])`,
    "giu",
  );
}

/** What was read, in the expression above. */
const RECORD_NOUNS =
  "records?|rows?|entries|entry|accounts?|users?|customers?|profiles?|files?|documents?|invoices?|orders?|patients?|klanten|rijen|rij|gebruikers|bestanden|facturen|dossiers";
/**
 * Each noun's letters before its optional plural s, by their first letter: a noun stands where a text holds one of them,
 * as the expression's nouns are plain words. A count is looked for only just before one.
 */
const NOUN_STARTS = new Map<string, string[]>();
for (const noun of RECORD_NOUNS.split("|").map((alternative) => alternative.replace(/s\?$/, ""))) {
  NOUN_STARTS.set(noun.charAt(0), [...(NOUN_STARTS.get(noun.charAt(0)) ?? []), noun]);
}
/** Whether a lowered text holds a noun after a space at all: most reports do not, and are not searched for them. */
const NOUN_AFTER_SPACE = wordSet([...NOUN_STARTS.values()].flat().map((start) => ` ${start}`));
const LONGEST_RECORD_NOUN = Math.max(...RECORD_NOUNS.split("|").map((noun) => noun.replace("?", "").length));
/** Characters between a count and its noun at most: " of", a space, and a qualifier such as "gebruikers's ". */
const COUNT_TO_NOUN = 24;

/** 12, 1.000, 1,000, "twee", "thousands". */
function countValue(written: string): number {
  const word = COUNT_WORDS[written.toLowerCase()];
  return word ?? Number.parseInt(written.replace(/[.,]/g, ""), 10);
}
const ACCESS_VERB =
  /\b(?:download\w*|retriev\w*|dump\w*|export\w*|extract\w*|read|scrap\w*|access\w*|enumerat\w*|iterat\w*|harvest\w*|fetch\w*|collect\w*|obtain\w*|opgehaald|gedownload|ingezien|bekeken|uitgelezen)\b/i;

export interface CompiledConduct {
  readonly id: string;
  readonly title: string;
  readonly match: readonly TextPattern[];
  /** `match` as one scan, which passes over a report that uses none of the rule's terms. */
  readonly terms: PatternSet;
  /** The policy's `maxRecords`, with the counts of records above it and their nouns as a first check. */
  readonly records?: RecordLimit;
}

interface RecordLimit {
  readonly allowed: number;
  readonly expression: RegExp;
}

export function isConductId(id: string): id is ConductId {
  return Object.hasOwn(conductCatalog, id);
}

export function conductIds(): ConductId[] {
  return Object.keys(conductCatalog) as ConductId[];
}

/** Compiles a policy's conduct entries. `match` on a catalog id replaces the built-in wording. */
export function compileConduct(entries: readonly ConductEntry[]): CompiledConduct[] {
  return entries.map((raw) => {
    const entry = typeof raw === "string" ? { id: raw } : raw;
    const configMatch = entry.match?.map(compileConfigPattern);
    const builtIn = isConductId(entry.id) ? conductCatalog[entry.id] : undefined;
    if (builtIn === undefined && (configMatch === undefined || configMatch.length === 0)) {
      throw new Error(`conduct "${entry.id}" is not a known conduct id, so it needs "match" patterns`);
    }
    const match = configMatch ?? builtIn?.match.map(builtInPattern) ?? [];
    return {
      id: entry.id,
      title: builtIn?.title ?? entry.id,
      match,
      terms: anyOf(match),
      ...(entry.maxRecords === undefined ? {} : { records: recordLimit(entry.maxRecords) }),
    };
  });
}

export function flagConduct(rules: readonly CompiledConduct[], text: ReportText): ConductFlag[] {
  const flags: ConductFlag[] = [];
  for (const rule of rules) {
    const flag = rule.id === "excess-data-access" ? excessDataFlag(rule, text.all) : patternFlag(rule, text.all);
    if (flag !== undefined) flags.push(flag);
  }
  return flags;
}

function patternFlag(rule: CompiledConduct, text: string): ConductFlag | undefined {
  if (!rule.terms.matchesAny(text)) return undefined;
  const matched = affirmedMatch(rule.match, text);
  if (matched === undefined) return undefined;
  return {
    id: rule.id,
    title: rule.title,
    matched: excerpt(matched),
    reason: `The report describes ${rule.title.toLowerCase()}: "${excerpt(matched)}". A maintainer should check this against the policy.`,
  };
}

function excessDataFlag(rule: CompiledConduct, text: string): ConductFlag | undefined {
  if (rule.records !== undefined) {
    const { allowed } = rule.records;
    const counted = largestRecordCount(rule.records, text);
    if (counted !== undefined && counted.count > allowed) {
      return {
        id: rule.id,
        title: rule.title,
        matched: excerpt(counted.matched),
        records: { count: counted.count, allowed },
        reason: `The report mentions ${counted.count} records read ("${excerpt(counted.matched)}"); the policy allows at most ${allowed}.`,
      };
    }
  }
  return patternFlag(rule, text);
}

function recordLimit(allowed: number): RecordLimit {
  return { allowed, expression: recordCountPattern(allowed) };
}

function largestRecordCount({ expression }: RecordLimit, text: string): { count: number; matched: string } | undefined {
  let largest: { count: number; matched: string } | undefined;
  for (const match of recordCounts(expression, text)) {
    const count = countValue(match.written);
    const start = sentenceStart(text, match.index);
    const end = sentenceEnd(text, match.index + match.length);
    const sentence = text.slice(start, end);
    if (!ACCESS_VERB.test(sentence) || NEGATION.test(text.slice(start, match.index))) continue;
    if (largest === undefined || count > largest.count) largest = { count, matched: sentence.trim() };
  }
  return largest;
}

export interface RecordCount {
  /** The count as written: "2.000", "hundreds". */
  written: string;
  index: number;
  length: number;
}

/**
 * The matches of a record-count expression in a text, found by running it only where a noun stands after a space, from
 * the count that may come before it: reports name nouns such as "user" and "file" all the time and counts of them
 * seldom, and the expression, which opens with a lookbehind, tried every position of every report. A window ends two
 * characters after a longest noun from its start (the lookahead's character, whole if it is a surrogate pair), and
 * starts `COUNT_TO_NOUN` characters before it and then back to the start of any count written there, so it holds
 * every match ending at its nouns; windows that touch are read as one.
 */
export function recordCounts(expression: RegExp, text: string): RecordCount[] {
  const counts: RecordCount[] = [];
  const lower = lowerForLiterals(text);
  if (!NOUN_AFTER_SPACE.contains(lower)) return counts;
  // Lowering kept every character in its place (no "İ" grew into two), so a noun found in the lowered text is there.
  if (lower.length !== text.length) {
    addCounts(counts, expression, text, 0, text.length);
    return counts;
  }
  let windowStart = -1;
  let windowEnd = -1;
  for (let noun = nextNoun(lower, 0); noun >= 0; noun = nextNoun(lower, noun + 1)) {
    let start = Math.max(0, noun - COUNT_TO_NOUN);
    while (start > 0 && isCountCharacter(text, start - 1)) start -= 1;
    const end = Math.min(text.length, noun + LONGEST_RECORD_NOUN + 2);
    if (windowStart >= 0 && start <= windowEnd) {
      windowEnd = end;
      continue;
    }
    if (windowStart >= 0) addCounts(counts, expression, text, windowStart, windowEnd);
    windowStart = start;
    windowEnd = end;
  }
  if (windowStart >= 0) addCounts(counts, expression, text, windowStart, windowEnd);
  return counts;
}

/** Where the next noun after a space starts in a lowered text, from `from`; -1 when there is none. */
function nextNoun(lower: string, from: number): number {
  for (let space = lower.indexOf(" ", from - 1); space >= 0; space = lower.indexOf(" ", space + 1)) {
    const starts = NOUN_STARTS.get(lower.charAt(space + 1));
    if (starts?.some((start) => lower.startsWith(start, space + 1))) return space + 1;
  }
  return -1;
}

/**
 * Adds the expression's matches in `start..end` of a text, read with the character before the window for the
 * lookbehind. `exec` rather than `matchAll`, which copies the expression for every window.
 */
function addCounts(counts: RecordCount[], expression: RegExp, text: string, start: number, end: number): void {
  const from = Math.max(0, start - (isLowSurrogate(text, start - 1) ? 2 : 1));
  const window = text.slice(from, end);
  expression.lastIndex = 0;
  for (let match = expression.exec(window); match !== null; match = expression.exec(window)) {
    counts.push({ written: match[1] ?? "", index: from + match.index, length: match[0].length });
  }
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the code unit at `index` can be part of a count: a letter (of a count word), a digit, "." or ",". */
function isCountCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code >= 0x30 && code <= 0x39) || code === 0x2c || code === 0x2e || isLetter(code);
}

const SENTENCE_REACH = 120;

function sentenceStart(text: string, index: number): number {
  const floor = Math.max(0, index - SENTENCE_REACH);
  const before = text.slice(floor, index);
  const boundary = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"));
  return boundary >= 0 ? floor + boundary + 1 : floor;
}

function sentenceEnd(text: string, index: number): number {
  const ceiling = Math.min(text.length, index + SENTENCE_REACH);
  const next = text.slice(index, ceiling).search(/\.(?:\s|$)|\n/);
  return next >= 0 ? index + next : ceiling;
}

/** The first match not negated earlier in its sentence ("we did not use any scanner"). */
function affirmedMatch(patterns: readonly TextPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    let offset = 0;
    while (offset < text.length) {
      const found = pattern.search(text.slice(offset));
      if (found === undefined) break;
      const index = offset + found.index;
      if (!NEGATION.test(text.slice(sentenceStart(text, index), index))) return found.matched;
      offset = index + Math.max(1, found.matched.length);
    }
  }
  return undefined;
}
