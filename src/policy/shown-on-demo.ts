import { builtInPattern, firstMatch, type TextPattern } from "./pattern.js";
import { excerpt, type ReportText } from "./report.js";

/**
 * "Demo environments" excludes what is wrong with a demo instance itself: its default credentials, its server's
 * set-up, its data, a finding that shows only there. A report that names a flaw in the product and points to the
 * project's public demo only to reproduce it is about the product; the demo is where it was shown, not where it is.
 */

/** The exception id recorded when a demo environment is named only as where a product flaw was shown. */
export const PRODUCT_FLAW_SHOWN_ON_DEMO = "product-flaw-shown-on-demo";

export interface ShownOnDemo {
  /** Why the exclusion does not apply, in one sentence. */
  title: string;
  /** The flaw the report names, and where it shows the flaw is the product's. */
  matched: string;
}

/**
 * Kinds of flaw that live in a product's code and that `REAL_VULNERABILITY` (exclusions.ts) does not name, since
 * some policies exclude them elsewhere; on a demo they are the product's all the same.
 */
const FLAW_CLASS_BEYOND_REAL_VULNERABILITY: readonly TextPattern[] = [
  /\b(?:csrf|xsrf|cross[- ]site request forgery|open redirect\w*|unauthori[sz]ed access|missing authori[sz]ation)\b/i,
  /\b(?:heap|stack|buffer)[- ](?:based )?(?:buffer )?overflow\b|\buse[- ]after[- ]free\b|\bout[- ]of[- ]bounds (?:read|write)\b/i,
  /\b(?:arbitrary|remote) (?:code|command) execution\b|\b(?:local|remote) file inclusion\b/i,
].map(builtInPattern);

/** Wording that the finding is the demo instance's own: its credentials, its set-up, or something found only there. */
const DEMO_OWN_FINDING: readonly TextPattern[] = [
  /\b(?:default|standard|standaard|publicly known|well[- ]known|published|shared|weak|guessable) (?:admin(?:istrator)? |demo )?(?:credentials|passwords?|wachtwoorden?|logins?|inloggegevens)\b/i,
  /\b(?:admin\/admin|admin:admin|demo\/demo|demo:demo|admin\/password|test\/test)\b/i,
  /\b(?:configuration|config|misconfigur\w*|set[- ]?up|deployment|hosting|web ?server|nginx|apache|php version|tls|ssl|certificate|dns|directory listing|phpinfo|debug mode|backups?|database)\b(?: [\w-]+){0,2} (?:of|on|for|at|op|van) (?:the |this |your |de |het )?(?:[\w-]+ )?demo\b/i,
  /\bdemo(?:[- ](?:environment|env|site|server|instance|omgeving|installation))?(?:'s|s') (?:configuration|config|server|set[- ]?up|deployment|hosting|database|data|backups?|users|accounts|certificate|credentials|passwords?|admin)\b/i,
  /\bdemo(?:[- ](?:environment|env|site|server|instance|omgeving|installation))? (?:is|was|runs|is running|still runs|uses|exposes|lists|serves) (?:still )?(?:an? )?(?:outdated|old|unpatched|misconfigured|out of date|end-of-life|debug|directory listing|backups?|phpinfo|\.git|\.env)\b/i,
  /\bonly (?:on|in|at|affects) (?:the |your |this )?(?:[\w-]+ )?demo\b/i,
  /\b(?:not|cannot|can't|could not|couldn't) (?:be )?reproduc\w* (?:on|in|with) (?:a |an |the |my |our )?(?:fresh|clean|local|own|self-hosted|default|new|released)\b/i,
].map(builtInPattern);

/** Wording that places the flaw in the product's code: the affected product or version, a vulnerable file or function. */
const PRODUCT_CODE_NAMED: readonly TextPattern[] = [
  /\b(?:vulnerable|affected) (?:file|function|method|code|component|endpoint|parameter|product|version)s?\b/i,
  /\bin (?:the )?(?:function|method) `?[a-z_$][\w.$:]*/i,
  /\b[\w./-]{1,200}\.(?:php|js|ts|py|rb|java|go|c|cc|cpp|cs|jsp|aspx?)(?::\d+\b| (?:on |at )?line \d+)/i,
].map(builtInPattern);

/** Words that make a line a step of reproduction: how to see the flaw, not where it is. Read with URLs taken out. */
const REPRODUCTION_STEP: readonly TextPattern[] = [
  /\b(?:reproduc\w*|replicat\w*|repro|steps?|poc|proof[- ]of[- ]concept|payload|e\.g\.|for (?:example|instance)|in action|live example)\b/i,
  /\b(?:tested|tried|confirmed|verified|checked|shown|seen|demonstrated|triggered|works?|worked) (?:it |this |that |the (?:issue|bug|flaw|vulnerability|payload|attack) )?(?:on|in|against|at|with|using)\b/i,
  /\b(?:you|one|anyone|i|we) (?:can|could|may|will) (?:try|test|see|check|verify|confirm|reproduce|observe)\b/i,
  /^(?:\d+[.)] ?|step \d+:? ?)?(?:go to|goto|open|visit|navigate to|browse to|log ?in|login|sign in|click|enter|submit|send|paste|request)\b/i,
].map(builtInPattern);

/** A line of a request or a proof of concept's markup: a demo named there is the target of the reproduction. */
const REQUEST_OR_MARKUP = /^(?:<[a-z!]|curl\b|wget\b|(?:get|post|put|patch|delete|head|options) \S|host:)/i;
const HEADING = /^(?:#{1,6} |\*\*[^*\n]{1,60}\*\*:?$)|^[^\n]{1,60}[:：]$/;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const LIST_MARKER = /^(?:[-*•>] ?)+/;

/**
 * Whether the report names a flaw in the product and the demo environment only as where it was shown; undefined
 * when the demo may be where the finding is. Never when the report says the finding is the demo's own.
 */
export function productFlawShownOnDemo(
  text: ReportText,
  demoMention: readonly TextPattern[],
  flawClass: readonly TextPattern[],
): ShownOnDemo | undefined {
  if (firstMatch(DEMO_OWN_FINDING, text.all) !== undefined) return undefined;
  const flaw = firstMatch(flawClass, text.all) ?? firstMatch(FLAW_CLASS_BEYOND_REAL_VULNERABILITY, text.all);
  if (flaw === undefined) return undefined;
  const code = firstMatch(PRODUCT_CODE_NAMED, text.all);
  if (code !== undefined) {
    return {
      title: "The report names a flaw in the product's code; the demo environment is only where it was shown",
      matched: excerpt(`${flaw}; ${code}`),
    };
  }
  const step = demoNamedOnlyInReproduction(text, demoMention);
  if (step === undefined) return undefined;
  return {
    title: "The report names a flaw in the product and the demo environment only to reproduce it",
    matched: excerpt(`${flaw}; ${step}`),
  };
}

/** The first line naming the demo, when every line that names it is a step of reproduction; otherwise undefined. */
function demoNamedOnlyInReproduction(text: ReportText, demoMention: readonly TextPattern[]): string | undefined {
  let first: string | undefined;
  let inReproductionSection = false;
  let inCode = false;
  for (const rawLine of [text.title, ...text.body.split("\n")]) {
    const line = rawLine.trim();
    if (line.startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    const words = line.replace(URL, " ").replace(LIST_MARKER, "").trim();
    const stepWords = firstMatch(REPRODUCTION_STEP, words) !== undefined;
    if (!inCode && HEADING.test(line)) inReproductionSection = stepWords;
    if (firstMatch(demoMention, line) === undefined) continue;
    const reproduction =
      inCode || inReproductionSection || stepWords || REQUEST_OR_MARKUP.test(line) || words.replace(/[\W_]+/g, "") === "";
    if (!reproduction) return undefined;
    first ??= line;
  }
  return first;
}
