import type { ReportAsset } from "./assets.js";
import { isLetter, isSpace } from "./characters.js";
import type { ReportText } from "./report.js";

/**
 * What a report must contain. Both supported policies ask for enough to reproduce the problem and add:
 * "Usually, the IP address or the URL of the affected system and a description of the vulnerability will be
 * sufficient". So steps to reproduce are asked for only when the description is short and shows neither
 * steps, a request, a payload nor a proof of concept. The questions' wording lives in the message templates.
 */
export type NeedsInfoId = "affected-system" | "description" | "reproduction";

export interface NeedsInfo {
  missing: NeedsInfoId[];
}

const MIN_DESCRIPTION_WORDS = 8;
/** Below this length a description must at least name what is wrong in technical terms. */
const VAGUE_DESCRIPTION_WORDS = 20;
const SELF_EXPLANATORY_WORDS = 40;

const TECHNICAL_TERM =
  /\b(?:xss|script|inject\w*|injectie|sql\w*|csrf|ssrf|idor|rce|\w*header\w*|cookie\w*|redirect\w*|password\w*|wachtwoord\w*|token\w*|session\w*|sessie\w*|upload\w*|access\w*|toegang|bypass\w*|omzeil\w*|expos\w*|enumerat\w*|certificat\w*|ssl|tls|dns|spf|dkim|dmarc|version\w*|versie\w*|outdated|verouderd\w*|parameter\w*|endpoint\w*|api|request\w*|response\w*|traversal|frame\w*|clickjack\w*|spoof\w*|port\w*|login|inlog\w*|admin\w*|database|records?|gegevens|data|file\w*|bestand\w*|cors|jwt|oauth|saml|2fa|otp)\b/i;

const REPRODUCTION_MARKERS: readonly RegExp[] = [
  /\b(?:steps? to reproduce|reproduc\w*|stappen|reproductie|how to trigger|to trigger it|proof[- ]of[- ]concept|poc|payload|exploit)\b/i,
  /^[ \t]*(?:\d{1,2}[.)]|[-*] (?:go|open|navigate|log|click|send|enter|submit|visit|ga|klik|open|log))\s/im,
  /^[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/\d/m,
  /```|\bcurl\s|<(?:script|img|iframe|svg|form)\b|javascript:|\bonerror=|' ?or ?'?1'? ?= ?'?1/i,
  /\bhttps?:\/\/[^\s?#]{1,2048}\?[\w.[\]-]{1,100}=\S/i,
  /\b(?:go to|navigate to|browse to|log in as|log in with|click on|open the|check (?:with|using)|ga naar|klik op|log in als|open (?:de|het)|te (?:zien|controleren) (?:met|in|via)|controleer (?:met|via))\b/i,
  /\b(?:when (?:i|you) (?:enter|submit|send|type|open|visit|click|change|set|upload|request)|download (?:the|this|bijvoorbeeld)|bekijk (?:de|het)|view (?:the )?source)\b/i,
  /\b(?:dig|nslookup|openssl|nmap|telnet|exiftool|testssl(?:\.sh)?|redis-cli|sqlmap|python|burp)\s/i,
];

export function findMissingInformation(text: ReportText, assets: readonly ReportAsset[]): NeedsInfo {
  const missing: NeedsInfoId[] = [];
  if (assets.length === 0) missing.push("affected-system");
  const words = countWords(text.body, SELF_EXPLANATORY_WORDS);
  if (words < MIN_DESCRIPTION_WORDS || (words < VAGUE_DESCRIPTION_WORDS && !TECHNICAL_TERM.test(text.all))) {
    missing.push("description");
  }
  if (words < SELF_EXPLANATORY_WORDS && !REPRODUCTION_MARKERS.some((marker) => marker.test(text.all))) missing.push("reproduction");
  return { missing };
}

const URL_WORD = /\bhttps?:\/\/\S+/g;

/**
 * The words of a description (runs of non-space with two letters in a row, URLs left out), counted up to `enough`:
 * read one character at a time, so that a long description is not split whole for the first forty words, and no
 * expression runs per word, which cost more than the rest of the count. Spaces are those of `\s`, letters those of
 * `\p{L}`.
 */
function countWords(text: string, enough: number): number {
  const withoutUrls = text.includes("http") ? text.replace(URL_WORD, " ") : text;
  let count = 0;
  // Letters in a row so far in the current run of non-space, and whether the run has already counted.
  let letters = 0;
  let counted = false;
  for (let index = 0; index < withoutUrls.length;) {
    const code = withoutUrls.charCodeAt(index);
    if (isSpace(code)) {
      letters = 0;
      counted = false;
      index += 1;
      continue;
    }
    const point = code < 0xd800 || code > 0xdbff ? code : (withoutUrls.codePointAt(index) ?? code);
    index += point > 0xffff ? 2 : 1;
    if (counted) continue;
    letters = isLetter(point) ? letters + 1 : 0;
    if (letters === 2) {
      counted = true;
      if (++count >= enough) break;
    }
  }
  return count;
}
