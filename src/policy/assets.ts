import { isIPv4, isIPv6 } from "node:net";
import type { Report } from "./report.js";
import { isAsciiWordCharacter } from "./characters.js";

/** Something a report names as the place of the problem. */
export type ReportAsset =
  | { kind: "url"; value: string; host: string; path: string }
  | { kind: "host"; value: string; host: string }
  | { kind: "ip"; value: string; version: 4 | 6 }
  | { kind: "repository"; value: string }
  | { kind: "package"; value: string; ecosystem?: string };

export const URL_IN_TEXT = /\b(?:https?|wss?|ftp):\/\/[^\s<>"'`)\]}|\\^]+/gi;
export const HOST_IN_TEXT = /(?<![@\w.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,10}[a-z]{2,24}\b(?![.-]?\w)/gi;
export const IPV4_IN_TEXT = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\w)/g;
export const IPV6_IN_TEXT = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4})(?![\w:])/gi;
const MAX_HOSTNAME_LENGTH = 253;
const GITHUB_REPOSITORY = /^\/([a-z0-9-]{1,39})\/([\w.-]{1,100})/i;

/** Name endings that are file types, not top-level domains ("robots.txt", "jquery.min.js", "wp-config.php"). */
const FILE_EXTENSIONS = new Set(
  (
    "txt php js mjs cjs ts tsx jsx html htm xhtml json xml env git css scss png jpg jpeg gif svg webp ico md yml yaml sql zip " +
    "bak old orig swp log asp aspx ashx asmx jsp jspx cgi pl py rb sh bat ps exe dll so pdf doc docx xls xlsx ppt pptx csv conf " +
    "config cfg ini map tar gz tgz rar war jar ear class action do lock toml pem key crt cer der p12 pfx jks db sqlite tmp bin " +
    "dat properties java go rs cs vb swift kt min htaccess htpasswd plist apk ipa dmg msi wasm woff ttf eot mp4 mov avi mp3 wav"
  ).split(" "),
);

export function extractAssets(report: Pick<Report, "title" | "body" | "repository" | "packages">): ReportAsset[] {
  return extractAssetsFromText(`${report.title}\n${report.body}`, report);
}

/** `extractAssets` for a title and body already joined by a line break, as `ReportText.all` holds them. */
export function extractAssetsFromText(text: string, report: Pick<Report, "repository" | "packages">): ReportAsset[] {
  const assets: ReportAsset[] = [];
  const seen = new Set<string>();
  const add = (asset: ReportAsset): void => {
    const key = `${asset.kind}:${asset.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    assets.push(asset);
  };

  if (report.repository !== undefined) add({ kind: "repository", value: report.repository.toLowerCase() });
  for (const pkg of report.packages ?? []) {
    add({ kind: "package", value: pkg.name, ...(pkg.ecosystem === undefined ? {} : { ecosystem: pkg.ecosystem }) });
  }

  /** Spans already read as a URL or an IPv6 address, so their parts are not read again. */
  const urlSpans: [number, number][] = [];
  for (const match of urlMatches(text)) {
    urlSpans.push([match.index, match.index + match.matched.length]);
    const url = parseUrl(match.matched);
    if (url === undefined) continue;
    add(url);
    const repository = githubRepository(url);
    if (repository !== undefined) add({ kind: "repository", value: repository });
  }
  const outsideUrls = (index: number): boolean => !urlSpans.some(([start, end]) => index >= start && index < end);

  for (const match of ipv6Matches(text)) {
    if (outsideUrls(match.index) && match.matched.length > 2 && isIPv6(match.matched)) {
      urlSpans.push([match.index, match.index + match.matched.length]);
      add({ kind: "ip", value: match.matched.toLowerCase(), version: 6 });
    }
  }
  for (const match of ipv4Matches(text)) {
    if (outsideUrls(match.index) && isIPv4(match.matched)) add({ kind: "ip", value: match.matched, version: 4 });
  }
  for (const match of hostMatches(text)) {
    if (!outsideUrls(match.index)) continue;
    const host = match.matched.toLowerCase();
    if (looksLikeHostname(host)) add({ kind: "host", value: host, host });
  }
  return assets;
}

/** A match of one of the address expressions, with where it starts in the text. */
export interface TextMatch {
  matched: string;
  index: number;
}

/**
 * The matches of `URL_IN_TEXT` in a text, found by running it only where a "://" is: a match opens with a scheme at a
 * word boundary right before one, so it starts where the run of word characters before the "://" starts, and the
 * expression is tried there alone (sticky). Scanning the whole text tried its word boundary at every position.
 */
export function urlMatches(text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (let separator = text.indexOf("://"); separator >= 0;) {
    let start = separator;
    while (start > 0 && isAsciiWordCharacter(text.charCodeAt(start - 1))) start -= 1;
    URL_AT.lastIndex = start;
    const match = URL_AT.exec(text);
    if (match !== null) matches.push({ matched: match[0], index: start });
    separator = text.indexOf("://", match === null ? separator + 1 : start + match[0].length);
  }
  return matches;
}

const URL_AT = new RegExp(URL_IN_TEXT.source, "iy");

/**
 * The matches of `IPV4_IN_TEXT` in a text, found around its dots: a match is digits and dots, so it lies in a run of
 * them, one at least as long as the shortest address.
 */
export function ipv4Matches(text: string): TextMatch[] {
  return matchesInRuns(text, ".", isDigitOrDot, IPV4_IN_RUN, (start, end) => end - start >= SHORTEST_IPV4.length);
}

const IPV4_IN_RUN = new RegExp(IPV4_IN_TEXT.source, IPV4_IN_TEXT.flags);
const SHORTEST_IPV4 = "0.0.0.0";

/**
 * The matches of `IPV6_IN_TEXT` in a text, found around its colons: a match is hex digits, colons and dots (an IPv4
 * tail), two colons at least, so it lies in a run of them that holds two colons.
 */
export function ipv6Matches(text: string): TextMatch[] {
  return matchesInRuns(text, ":", isAddressCharacter, IPV6_IN_RUN, (start, end) => {
    const second = text.indexOf(":", text.indexOf(":", start) + 1);
    return second >= 0 && second < end;
  });
}

const IPV6_IN_RUN = new RegExp(IPV6_IN_TEXT.source, IPV6_IN_TEXT.flags);

/**
 * The matches of a global expression in a text, found by running it only on the runs of the characters its matches
 * are made of around each `separator` (one of them, which every match holds), each with the character on either side
 * for the expression's lookarounds: every match lies inside such a run. Scanning the whole text tried the
 * expressions' lookbehinds at every position. `mayHold` rules out runs by their bounds.
 */
function matchesInRuns(
  text: string,
  separator: string,
  inRun: (code: number) => boolean,
  expression: RegExp,
  mayHold: (start: number, end: number) => boolean,
): TextMatch[] {
  const matches: TextMatch[] = [];
  for (let at = text.indexOf(separator); at >= 0;) {
    let start = at;
    while (start > 0 && inRun(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && inRun(text.charCodeAt(end))) end += 1;
    if (mayHold(start, end)) {
      const from = Math.max(0, start - 1);
      const run = text.slice(from, end + 1);
      // `exec` with the expression's own lastIndex: `matchAll` copies the expression for every run.
      for (let match = expression.exec(run); match !== null; match = expression.exec(run)) {
        matches.push({ matched: match[0], index: from + match.index });
      }
    }
    at = text.indexOf(separator, end);
  }
  return matches;
}

function isDigitOrDot(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e;
}

/** A hex digit in either case, a colon or a dot: what an IPv6 address (with an IPv4 tail) is made of. */
function isAddressCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x3a) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46) || code === 0x2e;
}

/**
 * The matches of `HOST_IN_TEXT` in a text, each with its index, found around its dots: a match is made of letters,
 * digits, hyphens and dots and holds a dot.
 */
export function hostMatches(text: string): TextMatch[] {
  return matchesInRuns(text, ".", isNameCharacter, HOST_IN_RUN, () => true);
}

const HOST_IN_RUN = new RegExp(HOST_IN_TEXT.source, HOST_IN_TEXT.flags);

/** A letter, digit, hyphen or dot in ASCII: what a hostname in a text is made of. */
function isNameCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e
  );
}

function looksLikeHostname(host: string): boolean {
  const tld = host.slice(host.lastIndexOf(".") + 1);
  return /^[a-z]{2,24}$/.test(tld) && !FILE_EXTENSIONS.has(tld);
}

function parseUrl(raw: string): ReportAsset | undefined {
  let end = raw.length;
  while (end > 0 && ".,;:!?".includes(raw.charAt(end - 1))) end -= 1;
  const trimmed = raw.slice(0, end);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "" || host.length > MAX_HOSTNAME_LENGTH) return undefined;
  if (isIPv4(host)) return { kind: "ip", value: host, version: 4 };
  if (isIPv6(host)) return { kind: "ip", value: host, version: 6 };
  return { kind: "url", value: trimmed, host, path: url.pathname };
}

function githubRepository(asset: ReportAsset): string | undefined {
  if (asset.kind !== "url" || (asset.host !== "github.com" && asset.host !== "www.github.com")) return undefined;
  const match = GITHUB_REPOSITORY.exec(asset.path);
  if (match === null) return undefined;
  return `${match[1]}/${(match[2] ?? "").replace(/\.git$/, "")}`.toLowerCase();
}

/** Reads back the asset strings stored on a case (`TriageDecision.assets`): URLs, hosts, IPs and `owner/name`. */
export function assetsFromStrings(values: readonly string[]): ReportAsset[] {
  const repositories = values.filter((value) => REPOSITORY_NAME.test(value));
  const others = values.filter((value) => !REPOSITORY_NAME.test(value));
  return [
    ...repositories.map((value): ReportAsset => ({ kind: "repository", value: value.toLowerCase() })),
    ...extractAssets({ title: others.join("\n"), body: "" }),
  ];
}

/** GitHub owner names hold no dots, which tells `owner/name` apart from `host/path`. */
const REPOSITORY_NAME = /^[a-z0-9-]{1,39}\/[\w.-]{1,100}$/i;

/** The host an asset lives on, for hostname and URL assets. */
export function hostOf(asset: ReportAsset): string | undefined {
  return asset.kind === "url" || asset.kind === "host" ? asset.host : undefined;
}
