import { isIPv4, isIPv6 } from "node:net";
import type { ScopeConfig } from "../config/schema.js";
import { hostOf, type ReportAsset } from "./assets.js";
import { lowerForLiterals, requiredLiterals } from "./literals.js";
import { excerpt } from "./report.js";
import { wordSet } from "./word-sets.js";

/**
 * Scope patterns, as a policy writes them:
 *
 * - hostname: `example.org` matches itself and `www.example.org`; `*.example.org` matches any subdomain at any
 *   depth (`a.b.example.org`) but not `example.org` itself; a `*` anywhere else stays inside one label
 *   (`mijn*partner.nl` matches `mijnbouwpartner.nl`, not `mijn.evil.partner.nl`); `{nl,be}` lists alternatives.
 *   `www.` in front of any pattern without a leading `*.` is the site itself (`mijn*partner.nl` covers
 *   `www.mijnzorgpartner.nl`).
 * - the top-level domains a policy lists after slashes, `Mijn*partner.nl/be/de/eu`, mean `mijn*partner.{nl,be,de,eu}`:
 *   two or more two-letter labels after the host; one (`example.nl/de`) reads as a URL path, as it would in a browser.
 *   Matching ignores case and reads the host label by label, without regular expressions (see `compileHostPattern`).
 * - URL: `https://example.org/app` matches that host and every path under `/app`.
 * - IPv4/IPv6 address or CIDR range: `192.0.2.0/24`, `2001:db8::/32`.
 * - repository: `owner/name` (`owner/*` for all of an owner's repositories). GitHub owner names hold no dots,
 *   which tells them apart from `host/path`.
 * - anything with a space in it is a description ("customer-hosted content"), matched against the report's
 *   words; see `compileTopic`.
 */
export interface AssetMatcher {
  readonly pattern: string;
  matches(asset: ReportAsset): boolean;
}

export interface TopicMatcher {
  readonly phrase: string;
  /** The sentence of the report that names the topic, or undefined. */
  find(text: string): string | undefined;
}

export interface CompiledScope {
  readonly inScope: readonly AssetMatcher[];
  readonly outOfScope: readonly AssetMatcher[];
  readonly outOfScopeTopics: readonly TopicMatcher[];
  readonly listsAssets: boolean;
  readonly listsRepositories: boolean;
}

export interface ScopeDecision {
  status: "in" | "out" | "unknown";
  asset?: string;
  /** The scope entry that decided, when one did. */
  rule?: string;
  /** Which step of `decideScope` decided: the templates word the reason from it in each language. */
  basis: ScopeBasis;
  /** For an out-of-scope topic: the report's sentence about it. */
  excerpt?: string;
  reason: string;
}

export type ScopeBasis =
  "listed-out-of-scope" | "out-of-scope-topic" | "listed-in-scope" | "own-repository" | "not-listed" | "nothing-listed" | "no-target";

export function compileScope(scope: ScopeConfig): CompiledScope {
  const outEntries = scope.outOfScope.map((entry) => ({ entry, topic: isTopicEntry(entry) }));
  return {
    inScope: scope.assets.map(compileAssetPattern),
    outOfScope: outEntries.filter(({ topic }) => !topic).map(({ entry }) => compileAssetPattern(entry)),
    outOfScopeTopics: outEntries.filter(({ topic }) => topic).map(({ entry }) => compileTopic(entry)),
    listsAssets: scope.assets.length > 0,
    listsRepositories: scope.assets.some((pattern) => patternKind(pattern) === "repository"),
  };
}

/**
 * Decides whether a report is in scope, in this order:
 * 1. an asset listed as out of scope, or an out-of-scope topic the report is about → out;
 * 2. an asset matching the scope list → in;
 * 3. a report filed against a repository when the scope lists no repositories → in: the organisation receives
 *    reports on the repositories it installed the app on, so each repository's own code is its own asset;
 * 4. a named target that matches nothing while the scope lists assets → out ("any asset not listed is out of scope");
 * 5. otherwise unknown: a human decides.
 * References (advisory databases, attacker-controlled collaborator hosts) never make a report out of scope.
 */
export function decideScope(scope: CompiledScope, assets: readonly ReportAsset[], text: string): ScopeDecision {
  for (const asset of assets) {
    const rule = scope.outOfScope.find((matcher) => matcher.matches(asset));
    if (rule !== undefined) {
      return {
        status: "out",
        asset: asset.value,
        rule: rule.pattern,
        basis: "listed-out-of-scope",
        reason: `${asset.value} matches "${rule.pattern}", which the policy lists as out of scope.`,
      };
    }
  }
  const inScope = firstInScope(scope, assets);
  for (const topic of scope.outOfScopeTopics) {
    const sentence = topic.find(text);
    if (sentence !== undefined) {
      return {
        status: "out",
        ...(inScope === undefined ? {} : { asset: inScope.asset.value }),
        rule: topic.phrase,
        basis: "out-of-scope-topic",
        excerpt: excerpt(sentence),
        reason: `The report concerns ${topic.phrase} ("${excerpt(sentence)}"), which the policy lists as out of scope.`,
      };
    }
  }
  if (inScope !== undefined) {
    return {
      status: "in",
      asset: inScope.asset.value,
      rule: inScope.rule,
      basis: "listed-in-scope",
      reason: `${inScope.asset.value} matches the scope entry "${inScope.rule}".`,
    };
  }
  const repository = assets.find((asset) => asset.kind === "repository");
  if (repository !== undefined && !scope.listsRepositories) {
    return {
      status: "in",
      asset: repository.value,
      basis: "own-repository",
      reason: `The report was filed against ${repository.value}; the scope lists no repositories, so each repository's own code is in scope.`,
    };
  }
  const target = assets.find((asset) => asset.kind !== "package" && !isReference(asset));
  if (target !== undefined && scope.listsAssets) {
    return {
      status: "out",
      asset: target.value,
      basis: "not-listed",
      reason: `${target.value} is not listed in the scope, and any asset not listed is out of scope.`,
    };
  }
  if (target !== undefined) {
    return {
      status: "unknown",
      asset: target.value,
      basis: "nothing-listed",
      reason: "The policy lists no in-scope assets; a maintainer decides.",
    };
  }
  return { status: "unknown", basis: "no-target", reason: "The report names no URL, hostname, IP address or repository." };
}

function firstInScope(scope: CompiledScope, assets: readonly ReportAsset[]): { asset: ReportAsset; rule: string } | undefined {
  for (const asset of assets) {
    const rule = scope.inScope.find((matcher) => matcher.matches(asset));
    if (rule !== undefined) return { asset, rule: rule.pattern };
  }
  return undefined;
}

/** Hosts a report cites as references or uses as the attacker's side; they are not the report's target. */
const REFERENCE_HOSTS = [
  "github.com",
  "githubusercontent.com",
  "gist.github.com",
  "youtube.com",
  "youtu.be",
  "vimeo.com",
  "imgur.com",
  "drive.google.com",
  "docs.google.com",
  "owasp.org",
  "mitre.org",
  "nist.gov",
  "cve.org",
  "portswigger.net",
  "hackerone.com",
  "bugcrowd.com",
  "mozilla.org",
  "wikipedia.org",
  "securityheaders.com",
  "ssllabs.com",
  "mxtoolbox.com",
  "dmarcian.com",
  "shodan.io",
  "snyk.io",
  "npmjs.com",
  "pypi.org",
  "asp.net",
  "w3.org",
  "ietf.org",
  "rfc-editor.org",
  "cloudflare.com",
  "google.com",
  "microsoft.com",
  "apple.com",
  "evil.com",
  "attacker.com",
  "attacker.example",
  "burpcollaborator.net",
  "oastify.com",
  "interact.sh",
  "oast.fun",
  "oast.me",
  "oast.pro",
  "oast.live",
  "oast.site",
  "oast.online",
  "webhook.site",
  "requestbin.net",
  "ngrok.io",
  "ngrok-free.app",
  "pipedream.net",
  "xss.ht",
  "example.com",
  "example.net",
  "example.org",
  "localhost",
];

/** Each reference host with the suffix its subdomains end in, built once rather than per asset. */
const REFERENCES = REFERENCE_HOSTS.map((host) => ({ host, subdomainSuffix: `.${host}` }));

function isReference(asset: ReportAsset): boolean {
  const host = hostOf(asset);
  return host !== undefined && REFERENCES.some((reference) => host === reference.host || host.endsWith(reference.subdomainSuffix));
}

type PatternKind = "cidr" | "ip" | "url" | "repository" | "host";

/** A scope entry with a space in it describes a topic ("customer-hosted content") rather than naming an asset. */
export function isTopicEntry(entry: string): boolean {
  return /\s/.test(entry.trim());
}

/** Two or more country-code domains after a host: `Mijn*partner.nl/be/de/eu`. Anchored, no nested repetition. */
const DOMAIN_LIST_NOTATION = /^([^/\s:{}]+)\.([a-z]{2})((?:\/[a-z]{2}){2,})$/i;

/** `Mijn*partner.nl/be/de/eu` → `Mijn*partner.{nl,be,de,eu}`; any other pattern unchanged. */
export function normalisedAssetPattern(pattern: string): string {
  const trimmed = pattern.trim();
  const list = DOMAIN_LIST_NOTATION.exec(trimmed);
  if (list === null) return trimmed;
  const [, host = "", first = "", rest = ""] = list;
  return `${host}.{${[first, ...rest.slice(1).split("/")].join(",")}}`;
}

function patternKind(pattern: string): PatternKind {
  const trimmed = normalisedAssetPattern(pattern);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return "url";
  const slash = trimmed.indexOf("/");
  if (slash >= 0) {
    const address = trimmed.slice(0, slash);
    if ((isIPv4(address) || isIPv6(address)) && /^\d{1,3}$/.test(trimmed.slice(slash + 1))) return "cidr";
    if (!address.includes(".")) return "repository";
    return "url";
  }
  if (isIPv4(trimmed) || isIPv6(trimmed)) return "ip";
  return "host";
}

/** An asset pattern longer than this is refused: a hostname is at most 253 characters, a URL pattern a little more. */
export const MAX_ASSET_PATTERN_LENGTH = 256;
/** `{a,b}` groups multiply; one pattern may stand for at most this many hostnames. */
export const MAX_ASSET_PATTERN_ALTERNATIVES = 64;

/** Thrown for a pattern `checkAssetPattern` refuses; config loading leaves such patterns out before they get here. */
export class UnusableAssetPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly problem: string,
  ) {
    super(`unusable asset pattern ${JSON.stringify(pattern)}: ${problem}`);
    this.name = "UnusableAssetPatternError";
  }
}

/** Why an asset pattern cannot be used, or undefined when it can. */
export function checkAssetPattern(pattern: string): string | undefined {
  const trimmed = pattern.trim();
  if (trimmed.length > MAX_ASSET_PATTERN_LENGTH) {
    return `it is ${trimmed.length} characters long, over the limit of ${MAX_ASSET_PATTERN_LENGTH} for one pattern`;
  }
  const normalised = normalisedAssetPattern(trimmed);
  switch (patternKind(normalised)) {
    case "host":
      return hostPatternProblem(normalised);
    case "url":
      return hostPatternProblem(urlParts(normalised).host);
    default:
      return undefined;
  }
}

export function compileAssetPattern(pattern: string): AssetMatcher {
  const problem = checkAssetPattern(pattern);
  if (problem !== undefined) throw new UnusableAssetPatternError(pattern, problem);
  const normalised = normalisedAssetPattern(pattern);
  const matcher = matcherFor(normalised);
  return { pattern: pattern.trim(), matches: (asset) => matcher.matches(asset) };
}

function matcherFor(pattern: string): AssetMatcher {
  switch (patternKind(pattern)) {
    case "cidr":
    case "ip":
      return addressMatcher(pattern);
    case "repository":
      return repositoryMatcher(pattern);
    case "url":
      return urlMatcher(pattern);
    case "host":
      return hostMatcher(pattern);
  }
}

function hostMatcher(pattern: string): AssetMatcher {
  const hostPattern = compileHostPattern(pattern);
  return {
    pattern,
    matches(asset) {
      const host = hostOf(asset);
      return host !== undefined && hostPattern.matches(host);
    },
  };
}

export interface HostPattern {
  matches(host: string): boolean;
}

/**
 * One spelling of a hostname pattern, read label by label, so that matching needs no regular expression: each
 * label of the host is compared once with one label of the pattern, in time linear in the two lengths.
 */
interface HostGlob {
  /** `*.example.org`: one or more labels of letters, digits and dashes come before `labels`. */
  anySubdomain: boolean;
  /** The pattern also matches with `www.` in front of it: the site's own address, also for `mijn*partner.nl`. */
  allowsWww: boolean;
  /** Lower case; a `*` stands for any run of letters, digits and dashes inside its label. */
  labels: string[];
}

/** Compiles a hostname pattern (`*.example.org`, `mijn*partner.{nl,be}`); refuses what `checkAssetPattern` refuses. */
export function compileHostPattern(pattern: string): HostPattern {
  const problem = hostPatternProblem(pattern);
  if (problem !== undefined) throw new UnusableAssetPatternError(pattern, problem);
  const globs = expandBraces(pattern.toLowerCase().replace(/\.$/, "")).map(hostGlob);
  return {
    matches(host) {
      const labels = host.toLowerCase().split(".");
      return globs.some((glob) => globMatches(glob, labels));
    },
  };
}

function hostGlob(alternative: string): HostGlob {
  const anySubdomain = alternative.startsWith("*.");
  const rest = anySubdomain ? alternative.slice(2) : alternative;
  return { anySubdomain, allowsWww: !anySubdomain, labels: rest.split(".") };
}

function globMatches(glob: HostGlob, hostLabels: readonly string[]): boolean {
  const extra = hostLabels.length - glob.labels.length;
  if (extra < 0) return false;
  // The last labels first: most hosts a report names differ from a pattern in their top-level domain.
  for (let index = glob.labels.length - 1; index >= 0; index--) {
    if (!labelMatches(glob.labels[index] ?? "", hostLabels[extra + index] ?? "")) return false;
  }
  if (!glob.anySubdomain) return extra === 0 || (glob.allowsWww && extra === 1 && hostLabels[0] === "www");
  return extra >= 1 && hostLabels.slice(0, extra).every((label) => label.length > 0 && isWildcardRun(label, 0, label.length));
}

/**
 * Whether one host label matches one pattern label. Without `*` the two are compared; with it, the set of pattern
 * positions reachable so far is carried along the label, one character at a time, so no choice is ever retried.
 */
function labelMatches(pattern: string, label: string): boolean {
  const firstStar = pattern.indexOf("*");
  if (firstStar < 0) return pattern === label;
  // What comes before the first `*` and after the last is plain text: checked first, it rules out nearly every label.
  const lastStar = pattern.lastIndexOf("*");
  if (!label.startsWith(pattern.slice(0, firstStar)) || !label.endsWith(pattern.slice(lastStar + 1))) return false;
  const start = new Uint8Array(pattern.length + 1);
  start[0] = 1;
  let reached = followStars(pattern, start);
  for (let index = 0; index < label.length; index++) {
    const character = label.charAt(index);
    const wildcard = isWildcardRun(label, index, index + 1);
    const next = new Uint8Array(pattern.length + 1);
    for (let position = 0; position < pattern.length; position++) {
      if (reached[position] === 0) continue;
      const expected = pattern.charAt(position);
      if (expected === "*") {
        if (wildcard) next[position] = 1;
      } else if (expected === character) {
        next[position + 1] = 1;
      }
    }
    reached = followStars(pattern, next);
  }
  return reached[pattern.length] === 1;
}

/** A `*` may also match nothing: every reached `*` reaches the position after it. */
function followStars(pattern: string, reached: Uint8Array): Uint8Array {
  for (let position = 0; position < pattern.length; position++) {
    if (reached[position] === 1 && pattern.charAt(position) === "*") reached[position + 1] = 1;
  }
  return reached;
}

/** Whether `text[from, to)` is letters, digits and dashes only: what a `*` in a hostname pattern stands for. */
function isWildcardRun(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    const letter = code >= 97 && code <= 122;
    const digit = code >= 48 && code <= 57;
    if (!letter && !digit && code !== 45) return false;
  }
  return true;
}

/** Why a hostname pattern's braces cannot be expanded, or undefined. */
function hostPatternProblem(pattern: string): string | undefined {
  const groups = pattern.match(/\{[^{}]*\}/g) ?? [];
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ""))) return "braces { } must be balanced and cannot be nested";
  let alternatives = 1;
  for (const group of groups) {
    alternatives *= group.split(",").length;
    if (alternatives > MAX_ASSET_PATTERN_ALTERNATIVES) {
      return `its { } groups expand to more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames, the limit for one pattern`;
    }
  }
  return undefined;
}

/** `a.{x,y}.{1,2}` → `a.x.1`, `a.x.2`, `a.y.1`, `a.y.2`. Braces do not nest; `hostPatternProblem` bounds the count. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  const close = open < 0 ? -1 : pattern.indexOf("}", open);
  if (open < 0 || close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tails = expandBraces(pattern.slice(close + 1));
  return pattern
    .slice(open + 1, close)
    .split(",")
    .flatMap((choice) => tails.map((tail) => `${head}${choice.trim()}${tail}`));
}

/** A URL pattern's host, and the path prefix it covers (lower case, without a trailing `/` or `*`). */
function urlParts(pattern: string): { host: string; pathPrefix: string } {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(pattern) ? pattern : `https://${pattern}`;
  const parsed = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)([^?#]*)/i.exec(withScheme);
  return {
    host: (parsed?.[1] ?? "").replace(/:\d+$/, ""),
    pathPrefix: (parsed?.[2] ?? "").replace(/\*$/, "").replace(/\/$/, "").toLowerCase(),
  };
}

function urlMatcher(pattern: string): AssetMatcher {
  const { host, pathPrefix } = urlParts(pattern);
  const hostPattern = compileHostPattern(host);
  return {
    pattern,
    matches(asset) {
      if (asset.kind === "url") {
        if (!hostPattern.matches(asset.host)) return false;
        const path = asset.path.toLowerCase();
        return pathPrefix === "" || path === pathPrefix || path.startsWith(`${pathPrefix}/`);
      }
      return asset.kind === "host" && pathPrefix === "" && hostPattern.matches(asset.host);
    },
  };
}

function repositoryMatcher(pattern: string): AssetMatcher {
  const [owner = "", name = ""] = pattern.toLowerCase().split("/");
  return {
    pattern,
    matches(asset) {
      if (asset.kind !== "repository") return false;
      const [assetOwner, assetName] = asset.value.split("/");
      return assetOwner === owner && (name === "*" || assetName === name);
    },
  };
}

function addressMatcher(pattern: string): AssetMatcher {
  const [address = "", prefixText] = pattern.split("/");
  const version = isIPv4(address) ? 4 : 6;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number.parseInt(prefixText, 10);
  const network = addressValue(address);
  const shift = BigInt(bits - Math.min(prefix, bits));
  return {
    pattern,
    matches(asset) {
      if (asset.kind !== "ip" || asset.version !== version) return false;
      return addressValue(asset.value) >> shift === network >> shift;
    },
  };
}

function addressValue(address: string): bigint {
  if (isIPv4(address)) {
    return address.split(".").reduce((value, octet) => (value << 8n) | BigInt(Number.parseInt(octet, 10)), 0n);
  }
  return ipv6Groups(address).reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const embedded = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (embedded?.[1] !== undefined) {
    const value = Number(addressValue(embedded[1]));
    text = `${text.slice(0, embedded.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = new Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => Number.parseInt(group, 16));
}

/**
 * Words of a free-text scope entry, reduced to concepts so that "third-party programs and plug-ins" also
 * matches "a 3rd party plugin". Parts joined by "and"/"or"/"," are alternatives, and a shorter later part
 * borrows the first part's qualifiers: "third-party programs and plug-ins" means "third-party programs" or
 * "third-party plug-ins". A report is about the topic when one sentence holds every concept of one alternative.
 */
export function compileTopic(phrase: string): TopicMatcher {
  const parts = phrase
    .split(/\s*(?:,|\band\b|\bor\b|\ben\b)\s*/i)
    .map((part) => conceptsOf(part, true))
    .filter((concepts) => concepts.length > 0);
  const first = parts[0] ?? [];
  const alternatives = parts.map((concepts, index) =>
    index > 0 && concepts.length < first.length ? [...first.slice(0, first.length - concepts.length), ...concepts] : concepts,
  );
  const wordsNeeded = alternatives.map((concepts) =>
    concepts.map((concept) => {
      const words = wordsOfConcept(concept);
      return words === undefined ? undefined : wordSet(words);
    }),
  );
  const about = (present: ReadonlySet<string>) => alternatives.some((concepts) => concepts.every((concept) => present.has(concept)));
  return {
    phrase,
    find(text) {
      const read = readForTopics(text);
      const mayBeAbout = wordsNeeded.some((needed) => needed.every((words) => words === undefined || words.contains(read.lower)));
      if (!mayBeAbout || !about(read.concepts())) return undefined;
      return read
        .sentences()
        .find(({ present }) => about(present))
        ?.sentence.trim();
    },
  };
}

/**
 * Words one of which a text holds when a sentence of it has the concept: the concept itself (a word is the concept or
 * the concept and a plural s), and what the concept's patterns and rewrites cannot match without. A report holding
 * none of them for some concept of every alternative is not about the topic, and is not split into sentences.
 */
function wordsOfConcept(concept: string): string[] | undefined {
  const words = [concept];
  for (const [pattern, named] of [...CONCEPTS, ...REWRITES]) {
    if (named !== concept) continue;
    const literals = requiredLiterals(pattern.source, "javascript");
    if (literals === undefined) return undefined;
    words.push(...literals);
  }
  return words;
}

interface ReadForTopics {
  text: string;
  /** Lower case, as `requiredLiterals` compares. */
  lower: string;
  /** The whole text's concepts: a topic none of whose alternatives they hold is in no sentence either. */
  concepts(): ReadonlySet<string>;
  sentences(): { sentence: string; present: ReadonlySet<string> }[];
}

/** The last text read: a policy's topics all read the same report, and each would read it again. */
let lastRead: ReadForTopics | undefined;

function readForTopics(text: string): ReadForTopics {
  if (lastRead?.text === text) return lastRead;
  let concepts: ReadonlySet<string> | undefined;
  let sentences: { sentence: string; present: ReadonlySet<string> }[] | undefined;
  lastRead = {
    text,
    lower: lowerForLiterals(text),
    concepts: () => (concepts ??= new Set(conceptsOf(text, false))),
    sentences: () =>
      (sentences ??= text.split(SENTENCE_BREAK).map((sentence) => ({ sentence, present: new Set(conceptsOf(sentence, false)) }))),
  };
  return lastRead;
}

const SENTENCE_BREAK = /[.!?\n]+/;

const TOPIC_STOPWORDS = new Set([
  "the",
  "a",
  "an",
  "all",
  "any",
  "by",
  "for",
  "from",
  "on",
  "in",
  "to",
  "with",
  "de",
  "het",
  "een",
  "van",
  "door",
  "voor",
  "alle",
]);

const CONCEPTS: readonly [RegExp, string][] = [
  [/^(?:program|programme|software|application|app|tool|service|dienst|programma|applicatie)s?$/, "program"],
  [/^(?:plugin|addon|extension|module|widget|integration)s?$/, "plugin"],
  [/^(?:customer|client|klant|klanten|tenant|merchant)s?$/, "customer"],
  [/^(?:hosted|hosting|gehost|selfhosted)$/, "hosted"],
  [/^(?:content|contents|website|websites|site|sites|page|pages|shop|shops|webshop|domain|domains|inhoud)$/, "content"],
];

/** Wording rewritten to one concept before a text is split into words, in this order. */
const REWRITES: readonly [RegExp, string][] = [
  [/\b(?:third|3rd)[- ]?part(?:y|ies)\b|\bderde[- ]partij(?:en)?\b|\bexterne\b/g, "thirdparty"],
  [/\bplug[- ]?ins?\b|\badd[- ]?ons?\b/g, "plugin"],
  [/\bself[- ]hosted\b/g, "hosted"],
];

function conceptsOf(text: string, dropStopwords: boolean): string[] {
  const normalised = REWRITES.reduce((rewritten, [pattern, concept]) => rewritten.replace(pattern, ` ${concept} `), text.toLowerCase());
  return normalised
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !(dropStopwords && TOPIC_STOPWORDS.has(word)))
    .map(conceptOf);
}

/** Words read before, with their concepts: reports repeat their words, and each would be tested against every concept. */
const conceptsOfWords = new Map<string, string>();
const REMEMBERED_WORDS = 20_000;

function conceptOf(word: string): string {
  let concept = conceptsOfWords.get(word);
  if (concept === undefined) {
    concept = CONCEPTS.find(([pattern]) => pattern.test(word))?.[1] ?? word.replace(/(?<=\w{3})s$/, "");
    if (conceptsOfWords.size >= REMEMBERED_WORDS) conceptsOfWords.clear();
    conceptsOfWords.set(word, concept);
  }
  return concept;
}
