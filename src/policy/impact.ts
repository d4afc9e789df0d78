import { anyOf, builtInPattern, firstMatch, type PatternSet, type TextPattern } from "./pattern.js";
import { lazyModel, predict, type ClassKind, type LinearModel } from "./model.js";
import { excerpt, type ReportText } from "./report.js";
import { ACCOUNT_TAKEOVER_IN_OTHER_LANGUAGES } from "./catalog.js";

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

/** A word of a title that asks for hardening: it names a class it wants kept out, not one it found. */
const HARDENING_WORD = /(?:harden|prohibit|prevent|disabl|mitigat|block)\w*/;
/** A hardening title ("SAML XML hardening: prohibit DTD processing (XXE / entity-expansion DoS)"). */
const HARDENING_TITLE = builtInPattern(new RegExp(`\\b${HARDENING_WORD.source}\\b`, "i"));

/** The commands a tester runs to show that code runs on a server, and nothing worse: "ran id", "executes whoami". */
const PROOF_COMMAND = /(?:id|whoami|hostname|uname(?: -a)?)/;

/** A title's shorthand for "leads to" ("IDOR -> ATO", "upload → webshell"), then what it leads to; `also` joins as well. */
function leadsTo(consequence: RegExp, also?: RegExp): RegExp {
  return new RegExp(`(?:->|→|=>${also === undefined ? "" : `|${also.source}`}) ?(?:${consequence.source})`, "i");
}

/** Wording of an impact no exclusion outweighs. Each fragment is small and bounded, so matching stays linear. */
export const STRONG_IMPACT: readonly {
  title: string;
  patterns: readonly TextPattern[];
  /**
   * Read in the title only: a report's headline names what it found, while a body names classes in passing (a parser
   * "also open to XXE", a stack trace's `WEB-INF/web.xml`).
   */
  titleOnly?: boolean;
}[] = [
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
      /\bupload\w* (?:a |an |my )?(?:web ?shell|php shell|reverse shell)\b/i,
      /\bvoer\w* (?:willekeurige )?(?:code|commando'?s) uit\b|\bcode (?:wordt |werd )?uitgevoerd\b|\b(?:gives?|geeft|got|get|gaf) (?:me )?(?:a |een )?(?:reverse |root )?shell\b|\bruns? (?:os |system |shell )?commands\b|\bcode executed\b|\bprocessbuilder\b|\bcontainers? (?:starten|start|run) (?:met|with|as) root\b/i,
      /\bweb ?shell\b[^.\n]{0,20}\bexecuted\b|\bexecutes (?:arbitrary )?code\b|\bcommands (?:were |are )?executed\b/i,
      /\bex[ée]cution de (?:code|commandes)\b|\bex[ée]cute (?:du code|des commandes)\b|\bcodeausf[üu]hrung\b|\bf[üu]hrt (?:beliebigen )?code aus\b|\bupload\w* (?:a |an |the )?(?:jsp|php|aspx?|war)\b[^.\n]{0,20}\bexecut\w*/i,
      /\bcode exec\b|\b(?:jsp|php|aspx?) and it runs\b|\bruns (?:perl|php|python|arbitrary|shell) code\b|\bto run code\b|\bunseriali[sz]ed server[- ]side\b/i,
      /\bwykonanie (?:zdalnego )?kodu\b|\bejecuci[óo]n (?:remota )?de (?:c[óo]digo|comandos)\b|\bexecu[çc][ãa]o (?:remota )?de (?:c[óo]digo|comandos)\b|\besecuzione (?:remota )?di (?:codice|comandi)\b|\b(?:uzaktan )?kod [çc]al[ıi][şs]t[ıi]rma\b|\bognl injection\b|\bysoserial\b/i,
      new RegExp(
        `\\b(?:ran|run(?:s|ning)?|executes?|executed) [\`'"]?${PROOF_COMMAND.source}[\`'"]?(?![\\w-]| (?:check|verification|token|field|number|card))`,
        "i",
      ),
      leadsTo(/(?:a )?(?:web ?shell|root shell)\b/),
      /\b(?:run|runs|execute|executes) (?:arbitrary )?(?:code|commands) on (?:it|the (?:server|host|box|machine|node|cluster))\b/i,
      /\b(?:replace|overwrite)\b[^.\n]{0,10}\bthe production (?:image|build|container|release|binary)\b|\b(?:jsp|php|aspx?|war)\b[^\n]{0,40}\bruns it\b|\bvoert (?:de server|hij|het systeem|de applicatie) (?:een |willekeurige )?(?:commando'?s?|code) uit\b|\b(?:java|php|python)[- ]object\b[^\n]{0,60}\b(?:uitvoert|runs|executes)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows an account takeover",
    patterns: [
      /\baccount take-?over\b|\btake over (?:any|other|another|the victim'?s?|every) (?:user'?s? )?accounts?\b/i,
      leadsTo(/ato\b/),
      /\bato (?:via|through|by|using)\b|\b(?:leads? to|leading to|resulting in|results in) ato\b|\b(?:victim'?s?|user'?s?) accounts? (?:was |were |is |got )?taken over\b/i,
      new RegExp(
        `${ACCOUNT_TAKEOVER_IN_OTHER_LANGUAGES.source}|\\btakeover of (?:any|every|other|another|arbitrary) (?:user'?s? )?accounts?\\b`,
        "i",
      ),
      /\b(?:skips?|bypass(?:es|ed)?|overgeslagen|omzeil\w*)\b (?:the |de |het )?(?:2fa|mfa|two[- ]factor|authenticatie\w*|authentication)(?: step| stap| filter)?\b|\b(?:2fa|mfa|two[- ]factor|authentication|authenticatie\w*) (?:step )?(?:is |wordt )?(?:skipped|overgeslagen)\b|\b(?:sessie|session) van een andere gebruiker\b|\btoken (?:is )?stolen\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report exposes the data of other people",
    patterns: [
      /\b(?:read|access|download|view|see|dump|leak|expose)s? (?:the )?(?:data|invoices|orders|messages|files|records|documents|personal data) of (?:other|all|any) (?:users|customers|tenants|accounts)\b/i,
      /\b(?:other|all|any) (?:users|customers|tenants)'s? (?:personal |private )?(?:data|invoices|orders|messages|files|records|documents)\b/i,
      /\b(?:other|another) users?'?s? (?:invoices|orders|messages|page content|files|records|session|documents)\b|\b(?:all|every) customers?'? (?:orders|invoices|records|data|addresses)\b|\b(?:van|of) (?:(?:alle|andere) (?:klanten|gebruikers)|(?:een )?andere (?:klant|gebruiker))\b|\b(?:log ?in|login|logged in|inloggen) (?:to|as|into|op) (?:any|every|elk) (?:account|user)\b|\b(?:i get|gives? me|krijg ik) (?:the )?admin (?:dashboard|panel|rights|rechten)\b|\badmin role (?:is )?granted\b/i,
      /\bisadmin (?:becomes|is set to|set on|=) ?(?:true|all)\b|\b(?:write|access) (?:on|to) all (?:accounts|tenants|customers)\b|\b(?:admin )?api[- ]?(?:key|sleutel)\b[^.\n]{0,20}\b(?:returned|terug|leaked|exposed)\b|\bresponse (?:body )?(?:also )?contains? (?:the |a )?(?:password )?reset token\b/i,
      /\blogs? (?:you |me )?in as (?:that|any|another|the) (?:user|account|victim)\b|\blog(?:ged)? ?in as (?:anyone|the victim|any user)\b|\bimpersonates? (?:any|another|other) (?:accounts?|users?)\b|\beveryone'?s (?:contracts|data|invoices|orders|documents|files)\b|\bevery (?:partner|customer|user|tenant)'?s (?:contracts|data|invoices|orders|documents|files|records)\b|\b(?:exposes?|leaks?|returns?) (?:their|users'?) (?:personal )?api keys\b|\bincludes? the reset token\b|\brecovered a working (?:admin )?(?:key|token|password)\b/i,
      /\bprivilege escalation to (?:owner|admin|administrator|root)\b|\bread any (?:mailbox|account|user'?s? (?:data|mail|files))\b/i,
      /\blogged (?:in|into) (?:the )?victim'?s? account\b|\b(?:used it to )?take over accounts\b|\bfull (?:account )?takeover\b|\bdeletes? any (?:account|user|order|record)s?\b|\bsigns? (?:anyone|anybody) in as\b|\blog(?:s|ged)? ?in as any of them\b|\bunsigned jwts? (?:is |are )?accepted\b|\bde todos los (?:clientes|usuarios)\b|\bandermans (?:organisatie|account|gegevens|facturen|bestellingen)\b|\bba[şs]ka (?:[şs]irketlerin|kullan[ıi]c[ıi]lar[ıi]n|m[üu][şs]terilerin)\b|\bextracci[óo]n de (?:los )?hashes\b|\bhash (?:della|delle) password\b/i,
      /\bde otros (?:usuarios|tenants|clientes)\b|\bdi (?:chiunque|altri utenti)\b|\bde outros (?:usu[áa]rios|clientes)\b|\b(?:data|billing data|invoices|orders) of any user\b|\blogs? me in as other (?:people|users)\b|\binto my (?:second |other )?test account\b|\b__proto__\b[^\n]{0,20}\bis(?:admin|staff|superuser)\b/i,
      /\b(?:returns?|exposes?|leaks?|include|includes|discloses?|reveals?) (?:the |all |other |every )?(?:users?|accounts?|customers?)'?s? (?:passwords?|password hash(?:es)?|credentials|api keys?)\b/i,
      /\b(?:password )?hashes (?:were |are )?(?:extracted|dumped|retrieved|exfiltrated)\b|\b(?:extracted|dumped|retrieved) (?:the |all )?(?:users'? )?(?:password )?hashes\b/i,
      /\bvan (?:anderen|iedereen)\b|\b(?:dump\w*|read\w*|download\w*|leak\w*|expos\w*|return\w*|rows from|krijg\w*)\b[^.\n]{0,20}\b(?:the |de |het )?(?:users?|customers?|admins?|klanten|gebruikers|members?)[- ]?(?:table|tabel|index|database|db)\b|\b(?:incl(?:\.|uding)?|with|met|plus) (?:all |the |their )?(?:password )?(?:reset tokens|password hashes)\b/i,
      leadsTo(/(?:no|without|zonder|geen) (?:auth\w*|login|inlog\w*)\b/, /\+/),
      leadsTo(/(?:\w+ ){0,3}logged in as\b|(?:beheerrechten|adminrechten|admin(?:istrator)? (?:rights|access|privileges))\b/),
      /\bendpoint (?:without|zonder|ohne) (?:auth\w*|login)\b|\bopen (?:sql|database|db)[- ]?(?:console|shell)\b|\bgrants? (?:me |the attacker )?(?:the )?(?:org-?|organi[sz]ation )?admin(?:istrator)? role\b|\brole change to (?:admin|administrator)\b|\b(?:alle|all) (?:sessie|session) ?(?:data|gegevens)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report's title names a server-side vulnerability it found",
    titleOnly: true,
    patterns: [
      // "Could lead to SSRF", "no SQL injection" and a hardening title ("prohibit DTD processing (XXE)") name a class
      // without having found one.
      new RegExp(
        `(?<!\\b${HARDENING_WORD.source}\\b[^\\n]*)${/(?<!\b(?:could|may|might|can|would) (?:lead to|result in|allow|enable|be used for|facilitate) (?:an? )?|\b(?:potential|possible|possibly|theoretical|no|not|without|rather than|instead of|prevents?|against) (?:an? )?)\b(?:xxe|ssrf|ssti|sqli|idor|sql[- ]injection|sql[- ]injectable|union[- ]injectable|(?:server[- ]side )?template injection|xml external entit(?:y|ies)|server[- ]side request forgery|(?:path|directory) traversal|insecure deserialization)\b/.source}`,
        "i",
      ),
      /(?:\/|%2f)etc\/(?:passwd|shadow|hostname|hosts)\b|\bweb-inf\/web\.xml\b|\b(?:local|arbitrary|server) file (?:read|disclosure)\b|\b(?:reads?|read|lees|lezen) (?:local |arbitrary |server )?files\b|\bfile:\/\/\//i,
      /\b(?:fetch\w*|reach\w*|haalt|ophal\w*|volgt)\b[^.\n]{0,40}\b(?:interne?|internal) (?:urls?|adressen|addresses|hosts?|services?|network|netwerk)\b|\binternal (?:network|services?|admin service|hosts?) (?:is |are )?reachable\b|\binternal port scan\b|\bmetadata\.google\.internal\b|\b169\.254\.169\.254\b|\b(?:forwards?|proxies|fetches) (?:requests? )?to (?:the )?internal\b|\b(?:127\.0\.0\.1|localhost):\d{2,5}\b/i,
      /\b(?:injected|concatenated|inserted) (?:in|into) (?:the )?sql\b|\b(?:parsed|parses|parsing|processes|processing|resolves?|resolving) (?:with )?(?:external )?entities\b|\b(?:stored|dom|dom[- ]based|reflected|opgeslagen|persistent) xss\b|\b(?:script|javascript|injected html|payload|onload|onerror)\b[^.\n]{0,30}\b(?:runs|executes|executed|fires|wordt uitgevoerd)\b|\b(?:lands|reflects) in(?:to)? (?:the dom|a script block)\b|\bexecut(?:es?|ing) (?:arbitrary )?(?:script|javascript)\b|(?:–|—|->|→) ?(?:dom |stored |reflected )?xss\b|\bevals? (?:what|whatever) it gets\b/i,
      /\{\{ ?7 ?\* ?7 ?\}\}[^\n]{0,30}\b49\b|\bevaluates \$\{|\bexternal entities work\b|\bentidade externa\b|\bentit[àa] estern[ae]\b|\bentidad externa\b|\bphp object injection\b|\.\.\/(?:\.\.\/)*(?:wp-config\.php|etc\/(?:passwd|shadow)|web\.config|\.env)\b|\bgoes to whatever (?:url|site)\b|\bredirects there\b/i,
      /\bunion[- ](?:injectie|injection|select)\b|\bruns arbitrary (?:js|javascript|script)\b|\b(?:renders?|rendered|echoe?s|echoed|reflects|reflected) [^\n]{0,40}\bunescaped\b|\bto internal (?:ips?|hosts|addresses)\b|\bdeseriali[sz]es (?:the |an? )?(?:\.ser|attachments?|uploads?|user input|untrusted|cookies?|payloads?)\b/i,
      /\.\.(?:\/|%2f|\\)[^\n]{0,40}\b(?:reads?|displayed|overwrites?|overwrote|outside|downloaden|lees|returns?|file contents|sobrescreve|sovrascrive|sobrescribe|overschrijft)\b/i,
      /\b(?:shown|shows? up|rendered|displayed|appears|ends up|written into the page)\b[^\n]{0,30}\bas (?:raw )?html\b|\bals script (?:wordt )?uitgevoerd\b|\bscript (?:keeps )?(?:running|runs|executing|executes) for (?:anyone|everyone|every (?:user|visitor)|other users)\b|\bcrafted (?:hash|link|url|param\w*|input|value|name) (?:runs|executes|fires) (?:a |my )?(?:script|javascript|js)\b/i,
      /\b(?:goes|lands|ends up|is put|is pasted) (?:raw |straight |directly |unescaped )?in(?:to)? (?:the )?(?:order by|where clause|sql|query)\b|\bin de (?:sql-?)?query (?:geplakt|gezet)\b|\b(?:met|with|via|using) (?:a |een )?union(?: select| query)?\b|\brows from the \w+ table\b|\b(?:read|reads|download|lees|lezen) (?:any|every|elk|ieder) (?:file|bestand)\b|\bleest de server\b[^\n]{0,30}\bbestanden\b/i,
      /\bevaluates (?:a |the |any )?(?:template|expression)s? (?:from|in) (?:the )?(?:\w+ )?param\w*|\b(?:die |dat )?overal heen (?:gaat|stuurt|leidt)\b|\bredirect\w*\b[^\n]{0,40}\b(?:neemt elke? (?:domein|url) aan|accepts? any (?:domain|url|host))\b|\binterne (?:url'?s|adressen)\b[^\n]{0,20}\bterug\b/i,
      // A redirect the Host header steers is the host-header finding, which a policy may list.
      /(?<!\b(?:host|x-forwarded-host)\b[^\n]*)\b(?:redirect(?:s|ed|ing)?|sends?|goes|forwards?|go|follows?|takes?|bounces?) (?:(?:users|visitors|the user|\S+) )?(?:\w+ )?(?:to )?(?:anywhere|any (?:site|domain|url|host|external site)|arbitrary (?:sites|domains|urls)|(?:an? |the )?attacker(?:'s|-chosen)? (?:site|domain|url|host|target))\b(?![^\n]*\b(?:host|x-forwarded-host)\b)/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows memory being written or control flow taken over, not only a crash",
    patterns: [
      /\b(?:out[- ]of[- ]bounds|oob|arbitrary(?: memory)?) writes?\b|\bwrite-what-where\b|\bcontrol[- ]flow (?:hijack\w*|takeover)\b/i,
      /\b(?:hijacks?|controls?|overwrites?) (?:the )?(?:control flow|instruction pointer|program counter|return address|function pointer)\b/i,
      /\bwrite of size \d{1,6}\b/i,
      /\bexploitable (?:heap|stack|buffer) (?:overflow|corruption)\b/i,
      /\b(?:i |we )?control (?:the )?bytes written\b|\bcontrollable (?:vtable|function|return) pointer\b/i,
      /\b(?:saved )?registers? overwritten\b|\bdouble free\b[^\n]{0,30}\bcontrolled\b|\bcontrolled write\b|\bwrites? past (?:the |its )?(?:end of (?:the |its )?)?buffer\b|\boverwrites? (?:the )?(?:stack|heap) memory\b|\bcontrolled (?:pc|rip|eip|instruction pointer)\b|\bheap overwrite\b|\binto (?:a )?fixed[- ](?:size )?(?:stack|heap) buffer\b/i,
      /(?<!\w)[üu]berschreibt (?:den |die |das )?(?:heap|stack|speicher)\b/i,
      /\b(?:instruction pointer|program counter|control[- ]flow) control\b|\b(?:full |gives? )control (?:of|over) (?:the )?(?:instruction pointer|program counter|\$?[re]ip)\b/i,
    ].map(builtInPattern),
  },
  {
    title: "The report shows memory being read, not only a crash",
    patterns: [
      /\b(?:read|disclose|leak|obtain|expose)s? (?:the )?(?:contents of )?(?:arbitrary |sensitive |process |heap |stack |uninitiali[sz]ed )?memory(?: contents)?\b/i,
      /\bprivate key (?:fragments|material|bytes) (?:are |were )?(?:read|leaked|dumped)\b/i,
      /\b(?:leak|disclose|expose|read|dump)s? (?:the )?(?:process |raw )?(?:stack|heap) (?:contents|memory|data)\b|\bformat[- ]string (?:bug|vulnerability|flaw)\b[^.\n]{0,40}\b(?:leaks?|reads?|writes?|discloses?)\b/i,
    ].map(builtInPattern),
  },
];
const STRONG_IMPACT_TERMS: readonly PatternSet[] = STRONG_IMPACT.map((fragment) => anyOf(fragment.patterns));

const categoryModel = lazyModel("category.json");

/** Probability from which the category model's verdict "a class of vulnerability" keeps a report in scope. */
const VULNERABILITY_CONFIDENT = 0.8;
/**
 * Against one exclusion, the category model keeps a report in scope when it gives the classes of specific
 * vulnerabilities together at least this much, and the exclusion's own class less than `EXCLUSION_OUTWEIGHED`: a
 * title that names an excluded finding and a real one ("no CSRF token on signup, and the body merged with __proto__
 * makes new accounts admins") splits the model between them, so no single class reaches `VULNERABILITY_CONFIDENT`.
 * Measured on the tuned half of the written titles, each quarter scored by a model trained without it: of 245
 * kept-in-scope titles suggested as excluded under both policies, 40 were kept, for 11 excluded titles no longer
 * suggested; dev's public reports, with and without their bodies, changed in none.
 */
const VULNERABILITIES_TOGETHER = 0.5;
const EXCLUSION_OUTWEIGHED = 0.3;
/**
 * Classes left out of that sum. Access control is where the model puts what anyone can do that they should not, and
 * so also "anyone can request a thousand password resets" and "the admin console is reachable": counted, it took
 * rate-limit and exposed-service titles out of their exclusions as often as it kept a real vulnerability in scope.
 */
const BROAD_CLASSES: ReadonlySet<string> = new Set(["access-control"]);
/**
 * Classes left out against one exclusion, where the same words tell of both and what was shown decides: a
 * memory-safety crash is memory corruption or a denial of service as memory is written or read (LABELLING.md), and
 * an XML entity a file read or a "billion laughs" expansion as a file's contents come back; the readable rules look
 * for that, while the model reads the crash's or the entity's words alike.
 */
const NOT_AGAINST: Readonly<Record<string, readonly string[]>> = { "denial-of-service": ["memory-corruption", "xxe"] };
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
  /** How much the model gives specific vulnerability classes, and how much the exclusion `id`, for `modelOutweighs`. */
  against(id: string): Weighing;
}

interface Weighing {
  vulnerabilities: number;
  exclusion: number;
  /** The likeliest of the vulnerability classes counted. */
  strongest: string;
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
  const wordsFor = (index: number) =>
    prediction
      .top(index, 6)
      .map((contribution) => contribution.feature)
      .filter((feature) => !feature.includes("_number_") && !feature.includes("_project_"))
      .slice(0, 4);
  return {
    category,
    probability: rounded(prediction.probabilities[best] ?? 0),
    kind: kind.kind,
    ...(kind.exclusion === undefined ? {} : { exclusion: kind.exclusion }),
    words: () => wordsFor(best),
    against(id) {
      const leftOut = NOT_AGAINST[id] ?? [];
      let vulnerabilities = 0;
      let exclusion = 0;
      let strongest = -1;
      model.classes.forEach((name, index) => {
        const probability = prediction.probabilities[index] ?? 0;
        const classKind = model.kinds[name];
        if (classKind?.kind === "exclusion" && classKind.exclusion === id) exclusion += probability;
        if (classKind?.kind !== "vulnerability" || BROAD_CLASSES.has(name) || leftOut.includes(name)) return;
        vulnerabilities += probability;
        if (strongest < 0 || probability > (prediction.probabilities[strongest] ?? 0)) strongest = index;
      });
      return {
        vulnerabilities: rounded(vulnerabilities),
        exclusion: rounded(exclusion),
        strongest: model.classes[strongest] ?? "",
        words: () => (strongest < 0 ? [] : wordsFor(strongest)),
      };
    },
  };
}

function rounded(probability: number): number {
  return Math.round(probability * 1000) / 1000;
}

/** The strongest sign that a report is a real vulnerability with impact, if any. */
export function strongImpact(text: ReportText, guess: CategoryGuess | undefined): ImpactSignal | undefined {
  for (const [index, fragment] of STRONG_IMPACT.entries()) {
    // Most reports hold none of a fragment's words: the joined check passes over them before any pattern runs.
    const read = fragment.titleOnly === true ? text.title : text.all;
    if (!STRONG_IMPACT_TERMS[index]?.matchesAny(read)) continue;
    const matched = firstMatch(fragment.patterns, read);
    if (matched !== undefined) return { source: "rule", title: fragment.title, matched: excerpt(matched) };
  }
  if (guess?.kind === "vulnerability" && guess.probability >= VULNERABILITY_CONFIDENT && !namesHardening(text)) {
    return {
      source: "model",
      title: `The category model reads a vulnerability (${guess.category}, ${guess.probability})`,
      matched: excerpt(guess.words().join(", ")),
    };
  }
  return undefined;
}

/**
 * The category model's sign, against the exclusion `id`, that a report is a real vulnerability: its specific
 * vulnerability classes together outweigh the exclusion (see `VULNERABILITIES_TOGETHER`).
 */
export function modelOutweighs(text: ReportText, guess: CategoryGuess | undefined, id: string): ImpactSignal | undefined {
  if (guess === undefined) return undefined;
  const weighing = guess.against(id);
  if (weighing.vulnerabilities < VULNERABILITIES_TOGETHER || weighing.exclusion >= EXCLUSION_OUTWEIGHED || namesHardening(text))
    return undefined;
  return {
    source: "model",
    title:
      `The category model reads vulnerabilities (${weighing.vulnerabilities} together, ${weighing.strongest} the likeliest) ` +
      `over ${id} (${weighing.exclusion})`,
    matched: excerpt(weighing.words().join(", ")),
  };
}

/** The model reads the class a hardening title names as it reads a finding of it. */
function namesHardening(text: ReportText): boolean {
  return HARDENING_TITLE.find(text.title) !== undefined;
}
