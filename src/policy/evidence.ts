import { mayMatch } from "./pattern.js";
import type { ReportText } from "./report.js";

/**
 * What a report brings to back its claim: the evidence a maintainer needs to confirm a problem quickly, and the
 * evidence that machine-written junk reports lack. Each kind is recognised by plain markers in the text; none of
 * them judges whether the evidence is right (the code check does that for what can be checked).
 */
export const evidenceKinds = ["steps", "request", "proof-of-concept", "trace", "version", "impact"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface Evidence {
  /** The kinds the report brings, in `evidenceKinds` order, each with the text that showed it. */
  present: { kind: EvidenceKind; matched: string }[];
  missing: EvidenceKind[];
  /** Steps, a request or command, or proof-of-concept code: something a maintainer can run or follow. */
  reproducer: boolean;
  /** The report says whether (and how) AI tools were used. */
  aiDisclosure: boolean;
}

/** The kinds that let a maintainer reproduce the problem (`intake.requireReproduction`). */
export const REPRODUCER_KINDS: readonly EvidenceKind[] = ["steps", "request", "proof-of-concept"];

/** Lines longer than this are not read line by line: no real step, request or trace line is that long. */
const MAX_LINE = 2_000;

const STEPS_HEADING =
  /\b(?:steps? to reproduce|reproduction steps|how to reproduce|to reproduce(?: it| this)?:|reproduce with|stappen om|om te reproduceren|reproductiestappen|reproduceren:)/i;
const NUMBERED_STEP = /^\s{0,3}(?:\d{1,2}[.)]|step \d{1,2}:?)\s+\S/i;
const REQUEST_LINE = /^\s{0,8}(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S{0,2000}(?: HTTP\/\d(?:\.\d)?)?\s*$/;
const COMMAND_LINE =
  /^\s{0,8}(?:\$ \S|curl\s|wget\s|ncat?\s|python3?\s|node\s|ruby\s|perl\s|php\s|go run\s|cargo run|gcc\s|clang\s|make\b|cmake\s|\.\/[\w.-]{1,100})/;
/** A payload: markup that runs script, an SQL tautology, a traversal, a template or JNDI probe, a UNION query. */
const PAYLOAD: Split = [
  ifWords(/<(?:script|img|iframe|svg|form)\b|\bonerror\s*=|javascript:/i),
  // The tautology and the template open with a quote or braces, which the engine finds as fast as words.
  always(/' ?or ?'?1'? ?= ?'?1/i),
  ifWords(/\.\.\/\.\.\//i),
  always(/\{\{\s?7\s?\*\s?7\s?\}\}/i),
  ifWords(/\$\{jndi:|\bUNION\s+SELECT\b/i),
];
/** A URL with parameters is a request a maintainer can send again. */
const REQUEST_URL = /\bhttps?:\/\/[^\s?#]{1,2048}\?[\w.[\]-]{1,100}=\S/i;
const FENCE = /^\s{0,3}(?:```|~~~)/;
/** Crash output: what sanitizers, runtimes and debuggers print when a program fails, and a native backtrace's frames. */
const TRACE: Split = [
  ifWords(
    /\b(?:AddressSanitizer|LeakSanitizer|MemorySanitizer|ThreadSanitizer|UndefinedBehaviorSanitizer|runtime error:|SEGV on unknown address|Segmentation fault|stack-buffer-overflow|heap-buffer-overflow|heap-use-after-free|Invalid (?:read|write) of size|Traceback \(most recent call last\)|panicked at|goroutine \d+ \[running\]|Exception in thread "|Uncaught \w*Error|core dumped)|==\d{1,10}==ERROR/i,
  ),
  { regex: /^\s{0,8}#\d{1,4}\s+0x[0-9a-f]{1,16}\s+in\s/im, mayMatch: (text) => text.includes("0x") || text.includes("0X") },
];
/** What every numbered version holds, found faster than the versions are. */
const DIGIT_DOT_DIGIT = /\d\.\d/;
/** A version or commit the report names. */
const VERSION: Split = [
  {
    regex:
      /\b(?:versions?|versie|release|tag)\s?:?\s?v?\d{1,4}\.\d{1,5}|\bv\d{1,4}\.\d{1,5}(?:\.\d{1,5})?\b|\b(?:<=?|before|prior to|up to|through|t\/m|tot en met)\s?v?\d{1,4}\.\d{1,5}/i,
    mayMatch: (text) => DIGIT_DOT_DIGIT.test(text),
  },
  ifWords(/\bcommit\s[0-9a-f]{7,40}\b/i),
];
const IMPACT =
  /\b(?:impact|an attacker (?:can|could|may|is able to)|allows? (?:an? )?(?:remote |unauthenticated |authenticated |local |malicious )?(?:attackers?|users?|someone) to|(?:could|can|may) (?:lead|result) (?:to|in)|leads? to|remote code execution|arbitrary (?:code|file|command)|denial of service|information disclosure|privilege escalation|account takeover|data (?:leak|exposure)|session hijack\w*|aanvaller kan|kan leiden tot|gevolgen?)\b/i;

const mayHoldStepsHeading = mayMatch(STEPS_HEADING);
const mayHoldImpact = mayMatch(IMPACT);

/** AI named: the abbreviation, spelled with stops, or a model, product or kind of AI. */
const AI_TERM: Split = [
  always(/\bAI\b/i),
  ifWords(/\bA\.I\./i),
  ifWords(/\b(?:LLMs?|large language models?|ChatGPT|GPT-?\d\w*|Claude|Copilot|Gemini|generative|kunstmatige intelligentie|taalmodel)\b/i),
];
const AI_USE =
  /\b(?:use[ds]?|using|assist\w*|generat\w*|written|wrote|helped|declar\w*|disclos\w*|none|no|not|without|gebruikt|geholpen|geschreven|gegenereerd|geen|niet|zonder)\b/i;

export function assessEvidence(text: ReportText, given: { versions?: boolean } = {}): Evidence {
  const found = new Map<EvidenceKind, string>();
  const note = (kind: EvidenceKind, matched: string | undefined): void => {
    if (matched !== undefined && !found.has(kind)) found.set(kind, matched.trim().slice(0, 160));
  };

  note("steps", mayHoldStepsHeading(text.all) ? STEPS_HEADING.exec(text.all)?.[0] : undefined);
  let numberedSteps = 0;
  let inFence = false;
  let fencedLines = 0;
  let fenceHoldsTrace = false;
  let aiDisclosure = false;
  // A line can name AI only where the whole text does: one scan of the text spares one per line in most reports.
  const namesAi = leftmostMatch(AI_TERM, text.all) !== undefined;
  for (const line of text.all.split("\n")) {
    if (line.length > MAX_LINE) continue;
    if (FENCE.test(line)) {
      // A block of code is proof-of-concept code; a block that is all crash output is a trace.
      if (inFence && fencedLines > 0 && !fenceHoldsTrace) note("proof-of-concept", "a code block");
      inFence = !inFence;
      fencedLines = 0;
      fenceHoldsTrace = false;
      continue;
    }
    if (inFence) {
      fencedLines++;
      if (matchesLine(TRACE, line)) fenceHoldsTrace = true;
    }
    // Only the first evidence of a kind is kept: once found, its patterns are not run again.
    if (!found.has("steps") && NUMBERED_STEP.test(line) && ++numberedSteps >= 2) note("steps", line);
    if (!found.has("request") && (REQUEST_LINE.test(line) || COMMAND_LINE.test(line))) note("request", line);
    if (namesAi && !aiDisclosure && matchesLine(AI_TERM, line) && AI_USE.test(line)) aiDisclosure = true;
  }
  if (!found.has("request")) note("request", REQUEST_URL.exec(text.all)?.[0]);
  if (!found.has("proof-of-concept")) note("proof-of-concept", leftmostMatch(PAYLOAD, text.all));
  note("trace", leftmostMatch(TRACE, text.all));
  note("version", leftmostMatch(VERSION, text.all) ?? (given.versions ? "the affected versions given with the report" : undefined));
  note("impact", mayHoldImpact(text.all) ? IMPACT.exec(text.all)?.[0] : undefined);

  const present = evidenceKinds.filter((kind) => found.has(kind)).map((kind) => ({ kind, matched: found.get(kind) ?? "" }));
  return {
    present,
    missing: evidenceKinds.filter((kind) => !found.has(kind)),
    reproducer: REPRODUCER_KINDS.some((kind) => found.has(kind)),
    aiDisclosure,
  };
}

/**
 * An expression of alternatives split into parts, each run on a whole report only where it may match: run as one, an
 * alternative without words of its own (a quote, a digit, a line start) made it try every position of every report.
 */
type Split = readonly { regex: RegExp; mayMatch: (text: string) => boolean }[];

function always(regex: RegExp): Split[number] {
  return { regex, mayMatch: () => true };
}

/** A part run only where the text holds one of the words every match of it holds (`mayMatch` of `pattern.ts`). */
function ifWords(regex: RegExp): Split[number] {
  return { regex, mayMatch: mayMatch(regex) };
}

/**
 * The match the parts joined by `|` would find: the leftmost, and where parts match at the same place, the earlier
 * part's, as an alternative written earlier wins there.
 */
function leftmostMatch(parts: Split, text: string): string | undefined {
  let first: RegExpExecArray | null = null;
  for (const { regex, mayMatch: mayMatchText } of parts) {
    if (!mayMatchText(text)) continue;
    const match = regex.exec(text);
    if (match !== null && (first === null || match.index < first.index)) first = match;
  }
  return first?.[0];
}

/** Whether any part matches a line: lines are short, and their words are not looked for first. */
function matchesLine(parts: Split, line: string): boolean {
  return parts.some(({ regex }) => regex.test(line));
}

/** What a policy's intake requirements still miss in a report: the reasons it waits in needs-info. */
export type IntakeRequirement = "reproduction" | "ai-disclosure";

export function missingRequirements(
  evidence: Pick<Evidence, "reproducer" | "aiDisclosure">,
  intake: { requireReproduction: boolean; requireAiDisclosure: boolean },
): IntakeRequirement[] {
  const missing: IntakeRequirement[] = [];
  if (intake.requireReproduction && !evidence.reproducer) missing.push("reproduction");
  if (intake.requireAiDisclosure && !evidence.aiDisclosure) missing.push("ai-disclosure");
  return missing;
}
