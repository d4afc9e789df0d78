import { anyOf, builtInPattern, firstMatch, type PatternSet, type TextPattern } from "./pattern.js";
import { lazyModel, predict, type ClassKind, type LinearModel } from "./model.js";
import { excerpt, type ReportText } from "./report.js";

/**
 * Is a report a real vulnerability with impact, whatever exclusion its words also touch? A real vulnerability
 * suggested as excluded costs more than a missed exclusion, so two signals keep a report in scope:
 * - readable rules: a demonstrated exploit, code execution, account takeover, or the data of other people;
 * - the category model (data/README.md), when it is confident the report describes a class of vulnerability
 *   rather than one of the catalog's findings.
 */
export interface ImpactSignal {
  source: "rule" | "model";
  /** Why, in a sentence a maintainer can check against the report. */
  title: string;
  /** What made it fire: the report's words, or the model's class and strongest words. */
  matched: string;
}

/** Wording of an impact no exclusion outweighs. Each fragment is small and bounded, so matching stays linear. */
export const STRONG_IMPACT: readonly { title: string; patterns: readonly TextPattern[] }[] = [
  {
    title: "The report demonstrates a working exploit",
    patterns: [
      /\bworking (?:exploit|proof[- ]of[- ]concept|poc)\b/i,
      /\b(?:i|we) (?:was|were) able to (?:execute|run|exploit|take over|read (?:the |other |another )|download (?:the |other |another ))/i,
      /\bsuccessfully (?:exploited|executed|took over)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows code execution",
    patterns: [
      // "An OOM crash rather than RCE" rules code execution out.
      /(?<!\b(?:rather than|instead of|not|no|without) (?:an? )?)(?:\b(?:(?:remote|arbitrary|os|system) )?(?:code|command) execution\b|\brce\b)|\bexecute (?:arbitrary|remote|any) (?:code|commands?)\b/i,
      /\buid=\d{1,6}\(\w{1,32}\)/i,
      /\bget(?:ting)? (?:a )?web ?shell\b|\bgetshell\b|(?:远程|任意)(?:代码|命令)执行|执行任意(?:代码|命令|文件)/i,
      /\bupload\w* (?:a |an |my )?(?:web ?shell|php shell|reverse shell)\b|\brun(?:s|ning)? (?:whoami|uname -a)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows an account takeover",
    patterns: [
      /\baccount take-?over\b|\btake over (?:any|other|another|the victim'?s?|every) (?:user'?s? )?accounts?\b/i,
      /\bato (?:via|through|by|using)\b|\b(?:leads? to|leading to|resulting in|results in) ato\b|\b(?:victim'?s?|user'?s?) accounts? (?:was |were |is |got )?taken over\b/i,
      /\b(?:kontoübernahme|account ?overname|overname van (?:het |een )?account|prise de contr[ôo]le (?:du|de|d'un) compte|toma de control de (?:la )?cuenta|presa di controllo dell'account)\b|\btakeover of (?:any|every|other|another|arbitrary) (?:user'?s? )?accounts?\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report exposes the data of other people",
    patterns: [
      /\b(?:read|access|download|view|see|dump|leak|expose)s? (?:the )?(?:data|invoices|orders|messages|files|records|documents|personal data) of (?:other|all|any) (?:users|customers|tenants|accounts)\b/i,
      /\b(?:other|all|any) (?:users|customers|tenants)'s? (?:personal |private )?(?:data|invoices|orders|messages|files|records|documents)\b/i,
      /\b(?:returns?|exposes?|leaks?|include|includes|discloses?|reveals?) (?:the |all |other |every )?(?:users?|accounts?|customers?)'?s? (?:passwords?|password hash(?:es)?|credentials|api keys?)\b/i,
      /\b(?:password )?hashes (?:were |are )?(?:extracted|dumped|retrieved|exfiltrated)\b|\b(?:extracted|dumped|retrieved) (?:the |all )?(?:users'? )?(?:password )?hashes\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows memory being written or control flow taken over, not only a crash",
    patterns: [
      /\b(?:out[- ]of[- ]bounds|oob|arbitrary(?: memory)?) writes?\b|\bwrite-what-where\b|\bcontrol[- ]flow (?:hijack\w*|takeover)\b/i,
      /\b(?:hijacks?|controls?|overwrites?) (?:the )?(?:control flow|instruction pointer|program counter|return address|function pointer)\b/i,
      /\bwrite of size \d{1,6}\b/i,
      /\bexploitable (?:heap|stack|buffer) (?:overflow|corruption)\b/i,
      /\b(?:instruction pointer|program counter|control[- ]flow) control\b|\b(?:full |gives? )control (?:of|over) (?:the )?(?:instruction pointer|program counter|\$?[re]ip)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows memory being read, not only a crash",
    patterns: [
      /\b(?:read|disclose|leak|obtain|expose)s? (?:the )?(?:contents of )?(?:arbitrary |sensitive |process |heap |stack |uninitiali[sz]ed )?memory(?: contents)?\b/i,
      /\b(?:leak|disclose|expose|read|dump)s? (?:the )?(?:process |raw )?(?:stack|heap) (?:contents|memory|data)\b|\bformat[- ]string (?:bug|vulnerability|flaw)\b[^.\n]{0,40}\b(?:leaks?|reads?|writes?|discloses?)\b/i,
    ].map(builtInPattern),
  },
];
const STRONG_IMPACT_TERMS: readonly PatternSet[] = STRONG_IMPACT.map((fragment) => anyOf(fragment.patterns));

const categoryModel = lazyModel("category.json");

/** Probability from which the category model's verdict "a class of vulnerability" keeps a report in scope. */
const VULNERABILITY_CONFIDENT = 0.8;
/** Probability from which the category model suggests a catalog exclusion that no rule matched. */
export const EXCLUSION_CONFIDENT = 0.85;

export interface CategoryGuess {
  category: string;
  probability: number;
  kind: ClassKind["kind"];
  /** The catalog exclusion the category corresponds to. */
  exclusion?: string;
  /** The words that weighed most for it, found when a reason needs them. */
  words(): string[];
}

/** The category model's best guess for a report. */
export function guessCategory(text: ReportText, model: LinearModel = categoryModel()): CategoryGuess | undefined {
  if (text.title.trim() === "" && text.body.trim() === "") return undefined;
  const prediction = predict(model, text.title, text.body);
  let best = 0;
  prediction.probabilities.forEach((probability, index) => {
    if (probability > (prediction.probabilities[best] ?? 0)) best = index;
  });
  const category = model.classes[best];
  const kind = category === undefined ? undefined : model.kinds[category];
  if (category === undefined || kind === undefined) return undefined;
  return {
    category,
    probability: Math.round((prediction.probabilities[best] ?? 0) * 1000) / 1000,
    kind: kind.kind,
    ...(kind.exclusion === undefined ? {} : { exclusion: kind.exclusion }),
    words: () =>
      prediction
        .top(best, 6)
        .map((contribution) => contribution.feature)
        .filter((feature) => !feature.includes("_number_") && !feature.includes("_project_"))
        .slice(0, 4),
  };
}

/** The strongest sign that a report is a real vulnerability with impact, if any. */
export function strongImpact(text: ReportText, guess: CategoryGuess | undefined): ImpactSignal | undefined {
  for (const [index, fragment] of STRONG_IMPACT.entries()) {
    // Most reports hold none of a fragment's words: the joined check passes over them before any pattern runs.
    if (!STRONG_IMPACT_TERMS[index]?.matchesAny(text.all)) continue;
    const matched = firstMatch(fragment.patterns, text.all);
    if (matched !== undefined) return { source: "rule", title: fragment.title, matched: excerpt(matched) };
  }
  if (guess?.kind === "vulnerability" && guess.probability >= VULNERABILITY_CONFIDENT) {
    return {
      source: "model",
      title: `The category model reads a vulnerability (${guess.category}, ${guess.probability})`,
      matched: excerpt(guess.words().join(", ")),
    };
  }
  return undefined;
}
