import type { ReportAsset } from "./assets.js";
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

const MIN_DESCRIPTION_WORDS = 15;
const SELF_EXPLANATORY_WORDS = 40;

const REPRODUCTION_MARKERS: readonly RegExp[] = [
  /\b(?:steps? to reproduce|reproduc\w*|stappen|reproductie|how to trigger|to trigger it|proof[- ]of[- ]concept|poc|payload|exploit)\b/i,
  /^\s*(?:\d{1,2}[.)]|[-*] (?:go|open|navigate|log|click|send|enter|submit|visit|ga|klik|open|log))\s/im,
  /^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/\d/m,
  /```|\bcurl\s|<script|javascript:|\bonerror=|' ?or ?'?1'? ?= ?'?1/i,
  /\bhttps?:\/\/\S+[?&][\w.[\]-]+=\S/i,
  /\b(?:go to|navigate to|browse to|log in as|log in with|click on|open the|ga naar|klik op|log in als)\b/i,
];

export function findMissingInformation(text: ReportText, assets: readonly ReportAsset[]): NeedsInfo {
  const missing: NeedsInfoId[] = [];
  if (assets.length === 0) missing.push("affected-system");
  const words = countWords(text.body);
  if (words < MIN_DESCRIPTION_WORDS) missing.push("description");
  const showsReproduction = REPRODUCTION_MARKERS.some((marker) => marker.test(text.all));
  if (!showsReproduction && words < SELF_EXPLANATORY_WORDS) missing.push("reproduction");
  return { missing };
}

function countWords(text: string): number {
  return text
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .split(/\s+/)
    .filter((word) => /\p{L}{2,}/u.test(word)).length;
}
