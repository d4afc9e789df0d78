import { vrtEntries, type VrtId } from "./vrt.js";

/**
 * The built-in catalog of findings that disclosure policies commonly declare "not eligible".
 *
 * Each entry has
 * - `match`: how researchers describe the finding (English and Dutch); `indirect`: wording that implies it;
 * - `notWhen`: wording of a different, real vulnerability that merely mentions the finding's terms
 *   ("account takeover via host header poisoning of the reset link" is not "host header injection");
 * - `exceptions`: the default exceptions that bring a report back in; a policy replaces them with `unless`.
 *
 * The patterns run in JavaScript's engine. They are written without nested quantifiers and with bounded
 * gaps (`[^.\n]{0,40}`), so their matching time stays linear in the report's length.
 */
export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  /** Default wording; a policy quotes its own sentence with `policyText`. */
  readonly policyText: string;
  readonly vrt?: VrtId;
  readonly cwe?: readonly string[];
  readonly match: readonly RegExp[];
  /** Wording that points at the finding only indirectly; a direct match of another rule ranks above it. */
  readonly indirect?: readonly RegExp[];
  /**
   * Wording read only where a report has a body, in its title and body together: what a report shows and a title alone
   * cannot. A title that names a memory-safety flaw and a crash says nothing of whether the report shows more.
   */
  readonly inBody?: readonly RegExp[];
  readonly notWhen: readonly RegExp[];
  readonly exceptions: readonly ExceptionId[];
  /** The rule is about where a problem is, not what it is: a real vulnerability there is still excluded. */
  readonly aboutLocation?: boolean;
  /**
   * The place may be named only as where a flaw in the product was shown (a demo environment); then the finding is not
   * there and the rule is not suggested (`productFlawShownOnDemo`).
   */
  readonly placeOfDemonstration?: boolean;
  /**
   * The rule is about what an attack needs (a MITM position, an outdated browser), not how trivial the finding is:
   * a strong impact does not bring the report back, since the impact still depends on that precondition.
   */
  readonly aboutPrecondition?: boolean;
  /**
   * Only a readable impact (password hashes, the data of others) brings the report back, not the category model: the
   * finding is narrow and worded like the access-control reports the model learned from ("anyone can enumerate all
   * accounts"), so the model's confident "access control" says nothing the rule's own `notWhen` has not weighed.
   */
  readonly readableImpactOnly?: boolean;
}

export interface ExceptionDefinition {
  readonly id: ExceptionId;
  readonly title: string;
  readonly match: readonly RegExp[];
}

export type ExceptionId =
  "sensitive-action" | "sensitive-cookie" | "sensitive-data" | "clear-impact" | "working-poc" | "demonstrated-exploit" | "attack-vector";

const GAP = "[^.\\n]{0,40}";
const MISSING =
  "\\b(?:missing|lacks?|lacking|lack of|no|without|absent|absence of|not (?:set|present|configured|enabled|implemented|used)|isn't set|is not set|disabled|ontbre\\w*|geen|niet ingesteld|zonder)\\b";
const SECURITY_HEADER =
  "(?:cross-origin-(?:opener|embedder|resource)-policy|coop\\b|coep\\b|x-permitted-cross-domain-policies|cabeceras de seguridad|hsts|strict[- ]transport[- ]security|x-frame-options|xfo|x-xss-protection|x-content-type-options|content[- ]security[- ]policy|csp|referrer[- ]policy|permissions[- ]policy|feature[- ]policy|expect-ct|cache-control|(?:http )?security[- ]?headers?|beveiligingsheaders?)";

function re(source: string): RegExp {
  return new RegExp(source, "i");
}

/**
 * An error or not-found page that shows a report's input again: text injected there is both a non-200 page's content
 * and content spoofing, so both rules read these wordings.
 */
const ERROR_PAGE_SHOWS_INPUT = re(
  `\\b(?:404|not found|error|40[0-9]|50[0-9])[- ]?(?:page|pagina)s?\\b${GAP}\\b(?:shows?|displays?|echo(?:es)?|reflects?|prints?|renders?|toont) (?:the |any |arbitrary |willekeurige )?(?:[\\w-]+[- ])?(?:input|text|tekst|path|url|message)\\b`,
);
/** The same, as an error status or response that reflects the input or carries injected text. */
const ERROR_STATUS_REFLECTS_INPUT: readonly RegExp[] = [
  /\b(?:404|40[0-9]|50[0-9]) (?:error|response|message)s? (?:page )?(?:reflects?|shows?|displays?|echo(?:es)?|prints?)\b|\bpage not found (?:page )?(?:reflects?|shows?|displays?|echo(?:es)?)\b/i,
  /\b(?:4[0-5][0-9]|50[0-9])(?: [a-z]+){0,3} (?:page |error |response |message |handler )?(?:reflects|shows|displays|echoes|prints|tells)\b/i,
  /\b(?:4[0-5][0-9]|50[0-9])\b[^.\n]{0,20}\binjected text\b|\b(?:404|error) message injection\b|\binput reflected in (?:the )?(?:404|error)|\b404 page tells\b/i,
  /\b(?:request |url )?path printed in (?:the )?(?:404|error)/i,
  /\b(?:fake|spoofed|arbitrary|custom)(?: \w+)? (?:message|text)\b[^.\n]{0,40}\b(?:not[- ]found|4[0-5][0-9]|50[0-9])\b/i,
];

/** Text injected into an error or not-found page, as writers in several languages put it: read by both rules too. */
const ERROR_PAGE_TEXT_WORDINGS: readonly RegExp[] = [
  /\b(?:40[0-9]|50[0-9]|404)\b[^.\n]{0,20}\b(?:page|pagina|sayfası\w*|seite|p[áa]gina|response|body)\b[^.\n]{0,30}\b(?:content spoofing|text injection|metin enjeksiyonu|inje[cç][ãa]o de conte[uú]do|eingeschleusten text|eigen tekst|reflected verbatim|unescaped text)\b|\b(?:content spoofing|text injection|inje[cç][ãa]o de conte[uú]do|metin enjeksiyonu)\b[^.\n]{0,30}\b(?:40[0-9]|50[0-9])\b/i,
  /\bfehlerseite (?:404|500)\b[^.\n]{0,30}\b(?:text|eingeschleust\w*)\b|\b(?:bij|op) een (?:404|500|50[0-9])[- ]?(?:fout|foutpagina)\b[^.\n]{0,40}\b(?:tekst|foutmelding)\b|\bunescaped text on (?:the |a )?(?:40[0-9]|50[0-9])\b/i,
  /\b(?:page[- ]not[- ]found|not[- ]found page|404 page)\b[^.\n]{0,30}\b(?:repeats|echoes|shows|reflects|misleading message)\b|\bmisleading message\b[^.\n]{0,40}\bnot[- ]found page\b|\bpath reflected (?:verbatim )?in (?:the |nginx )?(?:404|not[- ]found)\b/i,
  /\b(?:40[0-9]|50[0-9]|404)\b[^.\n]{0,30}\b(?:page|error|gateway|onderhoudspagina|de [\w.-]+)\b[^.\n]{0,30}\b(?:renders injected text|takes (?:the )?message from|devuelve mi texto|übernimmt pfad als text|reflecteert url pad)\b|\btext ?injecti[eo]n?\b[^.\n]{0,20}\b(?:in |op )?(?:\d{3} |'?pagina niet gevonden'?)|\bfehlerseite \(404\) textinjektion\b|\bwstrzykni[ęe]cie tekstu na stronie b[łl][ęe]du\b/i,
  /\b(?:injected sentence|door mij gekozen tekst)\b[^.\n]{0,30}\b(?:error page|foutmelding|pagina niet gevonden)|\bfoutmelding 'pagina niet gevonden' bevat\b|\bnot-found page says anything\b|\berror\.aspx\?aspxerrorpath=|\bnosuchkey error reflects\b|\b404 text injection\b/i,
];

/** A domain's mail spoofed, as a report puts it without naming SPF, DKIM or DMARC: the DNS rule reads these too. */
const MAIL_SPOOFING_WORDINGS: readonly RegExp[] = [
  /\be-?mails? im namen (?:ihrer|der) domain\b[^.\n]{0,20}\bgef[äa]lscht\b|\bmissing e-?mail authentication records\b/i,
  /\b(?:e-?mail|mail) spoofing\b/i,
  /\bspoof\w* (?:e-?mails?|mail) (?:from|as)\b/i,
  /\bv=spf1 -all\b|\bparked domains?\b[^.\n]{0,30}\b(?:spf|dmarc)\b|\be-?mail van (?:uw|jullie|het) domein kan vervalst\b|\b(?:mail|e-?mail) (?:sturen|versturen) die van\b[^\n]{0,40}\b(?:leek|lijkt) te komen\b/i,
];

/**
 * The labelling guide's table for memory-safety flaws (`memorySafetyDenialOnly` in data/labels.json): a report of one
 * that speaks of a crash and of nothing beyond it is a denial of service; words of execution, disclosure or memory
 * written anywhere in it make it the flaw it names.
 */
const MEMORY_SAFETY_FLAW =
  "\\b(?:heap[- ]?(?:based )?(?:buffer[- ]?)?(?:overflow|over-?read|overrun|corruption)|stack[- ]?(?:based )?(?:buffer[- ]?)?(?:overflow|over-?read|overrun)|buffer[- ](?:overflow|over-?read|overrun)|use[- ]after[- ]free|double[- ]free|null[- ]pointer|nullptr|out[- ]of[- ]bounds (?:read|access)|invalid (?:read|free|pointer)|segv)";
const CRASH = "(?:denial of service|crash|segmentation fault|abort)";
const BEYOND_A_CRASH =
  "(?:execut|arbitrary code|information disclosure|disclose|read sensitive|memory contents|escalat|write primitive|overwrite|corrupt memory)";
/** The flaw named where the report speaks of a crash, before or after it. */
const MEMORY_SAFETY_CRASH = re(`${MEMORY_SAFETY_FLAW}(?:(?=[^]*${CRASH})|(?<=${CRASH}[^]*))`);
const MEMORY_SAFETY_BEYOND_A_CRASH = re(`${MEMORY_SAFETY_FLAW}[^]*${BEYOND_A_CRASH}|${BEYOND_A_CRASH}[^]*${MEMORY_SAFETY_FLAW}`);

/**
 * A flaw on the server named beside a precondition's words (the "MITM" the reporter describes is the server fetching a
 * URL; a legacy endpoint kept for old browsers parses XML): the attack needs neither a man in the middle nor an old
 * browser, so those rules do not apply. Code execution is not among them: through a man in the middle it still needs one.
 */
const SERVER_SIDE_FLAW =
  /\b(?:xxe|ssrf|sqli|sql[- ]injection|path traversal|local file read|interne? urls?|fetches any url|metadata\.google\.internal|server deseriali[sz]es|etc\/(?:passwd|shadow)|parsed on (?:the )?server with external entities)\b|\.\.\/|\b__proto__\b/i;

/** Account takeover as Dutch, German, French, Spanish and Italian reports name it: an exception here, a strong impact in impact.ts. */
export const ACCOUNT_TAKEOVER_IN_OTHER_LANGUAGES =
  /\b(?:kontoübernahme|account ?overname|overname van (?:het |een )?account|prise de contr[ôo]le (?:du|de|d'un) compte|toma de control de (?:la )?cuenta|presa di controllo dell'account)\b/i;

/** A title that sets the precondition aside as not what it reports ("the pinning bypass is not the finding"). */
const PRECONDITION_SET_ASIDE =
  /\bis (?:not the (?:real )?finding|secondary|the least of it)\b|\bnot an? (?:mitm|clickjacking|old browser) (?:thing|issue|problem)\b|\bneeds? no (?:legacy|old|outdated) browser\b|\bwhatever browser\b/i;

export const exceptionCatalog: readonly ExceptionDefinition[] = [
  {
    id: "sensitive-action",
    title: "A sensitive action is exposed",
    match: [
      /\bsensitive (?:action|button|function|operation)/i,
      /\b(?:delet|remov|clos|deactivat)\w* (?:the |my |your |their |his |her |an? |victim'?s? )?(?:account|profile|user|data)\b/i,
      /\bchang\w* (?:(?:the|their|his|her|a|an|your|my|victim'?s?|user'?s?|account) ){0,2}(?:password|e-?mail|phone|bank|iban|payout|address)/i,
      /\b(?:account|profile|user) (?:deletion|removal|closure|deactivation|termination)\b|\bchange of (?:the )?(?:account |user |victim'?s? )?(?:password|e-?mail|phone|bank|iban|address)/i,
      /\b(?:transfer|payment|purchase|checkout|place an order|withdraw|money|funds)\b/i,
      /\b(?:disabl|turn\w* off)\w* (?:2fa|two[- ]factor|mfa|multi[- ]factor)/i,
      /\b(?:grant|approv|authori[sz])\w* (?:access|the|a|an|admin|oauth|app|permissions?)\b/i,
      /\b(?:admin(?:istrator)? (?:panel|action|role)|privilege|role change)/i,
      /\b(?:verwijder\w* (?:account|profiel|gegevens)|wachtwoord wijzigen|betaling|overboeking|bevestig\w*)/i,
      /\boauth (?:authori[sz]\w*|consent) (?:page|screen|dialog|prompt)\b|\bgrant\w* (?:the )?(?:attacker'?s? |an? |malicious )?(?:app |application |client )?access\b/i,
      /\b(?:account|profiel) (?:verwijderen|opheffen)\b/i,
      /\b(?:e-?mail(?: address)?|password|phone(?: number)?|iban|bank(?: account)?|payout) (?:address )?change\b/i,
    ],
  },
  {
    id: "sensitive-cookie",
    title: "The cookie is sensitive (session or authentication)",
    match: [
      /(?<!non[- ])\bsession(?:[ _-]?(?:id|cookie|token))?\b/i,
      /\b(?:jsessionid|phpsessid|asp\.net_sessionid|laravel_session|connect\.sid|sessionid|sid|remember[_-]?me|auth[_-]?token|access[_-]?token|refresh[_-]?token|jwt)\b/i,
      /\b(?:authentication|auth|login) cookie/i,
      /\bsessie(?:cookie)?\b/i,
      /会话|會話|セッション|세션/,
      /\b(?:authentication|auth|access|refresh|bearer) tokens?\b/i,
    ],
  },
  {
    id: "sensitive-data",
    title: "The file or directory holds sensitive data",
    match: [
      /(?<!non[- ])\bsensitive (?:data|information|files?)\b(?! (?:exposure|disclosure|leak))/i,
      /\b(?:passwords?|password hashes|credentials|api[ _-]?keys?|secret(?:s| keys?)?|private keys?|access keys?|aws_secret\w*|connection strings?)\b/i,
      /(?:^|[\s/])\.(?:env|git|svn|htpasswd|aws)\b/i,
      /\b(?:id_rsa|wp-config\.php|config\.php|web\.config|database\.yml|settings\.py|dump\.sql|backup\.(?:zip|tar|sql))\b/i,
      /\b(?:(?:database|db|sql) (?:dumps?|backups?)|backup files?|backups|\w+\.sql\b|\w+\.bak\b|personal data|pii|bsn|iban|credit card|customer (?:data|records|list)|invoices?)\b/i,
      /\b(?:wachtwoord\w*|persoonsgegevens|klantgegevens|inloggegevens)\b/i,
      /\b(?:user|customer|client|member|employee)s?'? (?:e-?mails?|e-?mail addresses|phone numbers|home addresses|records|details|csvs?|exports|spreadsheets)\b|\bnames and (?:home |postal )?addresses\b|\b(?:session |access |auth(?:entication)? |api )?tokens\b/i,
      /\bsource code\b|\bresumes\b|\bpaspoort\w*|\bpassports?\b|\bpassport (?:copies|scans)\b|\bid(?:entity)? (?:cards?|documents?|scans?)\b|\bmedical (?:records|data|files)\b/i,
      /\b(?:e-?mails?|e-?mail addresses|phone numbers|addresses|names)\b[^.\n]{0,30}\bof (?:the |our |your )?(?:customers|users|clients|members|employees|patients|students)\b/i,
    ],
  },
  {
    id: "clear-impact",
    title: "The report shows a clear impact",
    match: [
      /\baccount (?:takeover|take-over|take over)\b/i,
      /\btook over (?:the |an? |my |their |victim'?s? )?(?:account|user)/i,
      /\bbrute[- ]?forc\w*[^.\n]{0,50}\b(?:succeeded|successful\w*|cracked|recovered|found the|guessed|in (?:under |about |less than )?\d+ ?(?:seconds|minutes|hours|tries|attempts))/i,
      /\b(?:guessed|cracked|recovered) (?:the |a |his |her |their |victim'?s? )?(?:otp|pin|code|password|verification code|2fa code)/i,
      /\b(?:otp|2fa|mfa|pin|verification code) (?:bypass|can be brute[- ]?forced)/i,
      /\bbypass\w* (?:the )?(?:otp|2fa|mfa|two[- ]factor)/i,
      /\b(?:financial (?:loss|impact|damage)|cost(?:s)? (?:of|us|the company)[^.\n]{0,30}(?:sms|text messages)|sms bombing|thousands of (?:sms|text messages|e-?mails))/i,
      /\b(?:accountovername|account overgenomen)\b/i,
      /\btook over (?:a |an |the |my |their |victim'?s? )?(?:test |another |other |second |someone'?s? )?(?:account|user)/i,
      /\b(?:otp|pin|codes?|passwords?|verification ?codes?|card codes?|verificatiecode)\b[^.\n]{0,20}\b(?:recovered|guessed|cracked|gekraakt|geraden)\b/i,
      /\bcracked\b[^.\n]{0,30}\b(?:passwords?|otp|pin|codes?)\b/i,
      /\baccounts? (?:was |were |is |are |got |gets )?taken over\b|\bato (?:via|through|by|using|on)\b|\b(?:leads? to|leading to|resulting in|results in) ato\b/i,
      /\b(?:yield\w*|found|obtained|got|revealed)\b[^.\n]{0,20}\b\d+ valid (?:discount |coupon |voucher |gift ?card |promo )?codes\b|\bworth (?:eur|€|\$|usd) ?\d|\bcost\w* (?:real |actual )?money\b|\bsent \d[\d,.]* (?:paid |premium(?:-rate)? )?(?:sms|text messages|e-?mails)\b|\btoll fraud\b|\bpremium[- ]rate (?:numbers?|sms)\b|\bpaid sms\b/i,
      /\bbrute[- ]?forc\w*\b[^.\n]{0,40}\b(?:gelukt|succeeded|worked)\b|\b(?:full )?takeover of (?:a |the |my )?(?:test |victim'?s? )?account\b|\bbinnen in (?:het )?account\b/i,
      /\b(?:brute[- ]?forced|guessed|cracked) it\b[^.\n]{0,40}\b(?:logged in|logged into|took over)\b|\b(?:leads? to|leading to|allows?|enables?) (?:the )?takeover of (?:any|every|all|other|another|arbitrary) (?:user'?s? )?accounts?\b/i,
      ACCOUNT_TAKEOVER_IN_OTHER_LANGUAGES,
    ],
  },
  {
    id: "working-poc",
    title: "A working proof of concept or exploit is included",
    match: [
      /\bworking (?:proof[- ]of[- ]concept|poc|exploit)\b/i,
      /\b(?:successfully|actually) (?:exploited|executed|triggered)\b/i,
      /\bexploit(?:ed|ing)? (?:(?:the|a|an|this|known|public|its|cve-[\d-]+) ){0,3}(?:\w+ )?(?:to|and) (?:run|execute|read|write|dump|gain|obtain|get|achiev\w*|take over|pop|download|upload)\b/i,
      /\bi (?:was able|managed) to (?:exploit|execute|run|trigger|achieve|read|steal|pop)\b/i,
      /\bexploit (?:works|worked|succeeds|succeeded|is attached|below|werkt)\b/i,
      /\b(?:poc|proof of concept)(?: video| script| code)? (?:attached|below|included|demonstrates|shows)\b/i,
      /\b(?:leads? to|resulting in|achiev\w*) (?:remote code execution|rce|stored xss|account takeover)\b/i,
      /\b(?:werkende|werkend) (?:poc|exploit|proof of concept)\b/i,
      /\b(?:code[- ]?uitvoering|remote code execution|rce|code execution)\b[^.\n]{0,30}\b(?:aangetoond|gedemonstreerd|demonstrated|achieved|confirmed|bevestigd)\b/i,
      /\b(?:callback|dns (?:lookup|interaction)|out-of-band interaction|oob interaction)\b[^.\n]{0,20}\b(?:confirmed|received|observed)\b/i,
      /\bdemonstrated (?:a |the )?(?:working )?(?:poc|proof of concept|exploit)\b/i,
      /\bexploit (?:confirmed|verified|validated)\b|\b(?:proof of concept|poc|exploit) (?:against|on) (?:the |our |your )?(?:live |production )?(?:[\w-]+\.)*[\w-]+ (?:page|site|server|endpoint|host)\b|\b(?:proof of concept|poc|exploit) (?:confirmed )?against (?:the |our |your )?(?:www\.|[\w-]+\.)[\w.-]+/i,
      /\b(?:exploit|poc|proof of concept)\b[^.\n]{0,20}\b(?:ran|run|executed) successfully\b|\b(?:jndi lookup|payload|exploit|command|commando) (?:was )?(?:executed|uitgevoerd)\b[^.\n]{0,40}\b(?:shell|server|obtained|als poc)\b|\breverse shell (?:obtained|received|popped|gekregen)\b/i,
      /\b(?:commando|command) '?(?:id|whoami|uname)'? uitgevoerd\b|\bdemonstrated alert\(\)|\bdemonstrated (?:it )?on (?:our |the |your )?(?:live |production )?(?:site|page|\/)/i,
      /\b(?:poc|exploit|proof of concept)\b[^.\n]{0,30}\b(?:works on|successfully reproduced|reproduced successfully)\b|\b(?:xss|rce|sqli|sql injection|code execution)\b[^.\n]{0,10}\b(?:confirmed|demonstrated)\b/i,
    ],
  },
  {
    id: "demonstrated-exploit",
    title: "The vulnerability is demonstrated, not only described",
    match: [
      /\b(?:calc(?:\.exe)?|cmd(?:\.exe)?|powershell|notepad)\b[^.\n]{0,60}\b(?:launch\w*|executed|ran|runs|opened|opens|spawn\w*|started|pops?)\b/i,
      /\b(?:launch\w*|execut(?:ed|es|ing)|ran|opened|spawn\w*|started|popped)\b[^.\n]{0,40}\b(?:calc(?:\.exe)?|cmd(?:\.exe)?|powershell|a (?:shell|command|process))\b/i,
      /\bexfiltrat\w*/i,
      /\b(?:sent|leaked|sends|leaks) (?:the )?(?:cell|spreadsheet|sheet|row|other|neighbouring|neighboring|adjacent|victim'?s?)\b[^.\n]{0,30}\b(?:data|contents?|values?|cells?) to\b/i,
      /\b(?:demonstrated|demonstrate it|demonstration:|gedemonstreerd|uitgevoerd op)\b/i,
      /\b(?:sent|leaked|sends|leaks|exfiltrated)\b[^.\n]{0,40}\bto my (?:own )?(?:server|host|domain|collaborator|burp|endpoint|webhook)\b|\bconfirmed (?:an? )?(?:outbound|out-of-band|external|dns|http) (?:request|callback|interaction)\b/i,
      /\b(?:sent|sends|stuurt|verstuurt)\b[^.\n]{0,50}\b(?:to (?:an? |the )?|naar (?:een )?)(?:external|remote|attacker'?s?|externe) (?:server|host|domain)\b/i,
      /\b(?:commando|opdracht|command)\b[^.\n]{0,20}\buitgevoerd\b|\bpoc met (?:cmd|calc)\b/i,
      /\b(?:sends?|sent|leaks?|leaked)\b[^.\n]{0,40}\bto the reporter'?s? (?:own )?(?:server|host|domain)\b|\b(?:webservice|importxml|importdata|hyperlink)\(\)?[^\n]{0,40}\b(?:leaks?|sends?|sent|exfiltrat\w*)\b|\b(?:leaks?|sends?)\b[^.\n]{0,40}\bvia (?:=?webservice|=?importxml|=?importdata)\b/i,
      /\bruns? (?:cmd|calc|powershell|a command)\b[^.\n]{0,40}\b(?:when|once|as soon as)\b|\bscreen recording (?:provided|attached)\b/i,
    ],
  },
  {
    id: "attack-vector",
    title: "An attack vector is shown, or HTML/CSS can be changed",
    match: [
      /\bhtml[- ]?(?:injection|injectie)\b/i,
      /\binject\w* (?:arbitrary |my own |own |an? )?(?:html|css|markup|hyperlinks?|links?|clickable links?|forms?|images?|iframes?)\b/i,
      /<(?:a|img|form|iframe|div|style|h1|marquee|input|svg)\b/i,
      /\bstyle=/i,
      /\b(?:modify|change|alter|control)\w* (?:the )?(?:html|css|page layout|markup|dom)\b/i,
      /\bphishing (?:link|page|form|login)\b/i,
      /\battack vector\b[^.\n]{0,20}(?:is|:)/i,
      /\b(?:hyper)?link[- ]injection\b/i,
      /\b(?:hyper)?links? (?:in|into) (?:the )?(?:first |last |user ?|display |full )?name\b/i,
      /\bmalicious (?:hyper)?links?\b/i,
      /\barbitrary (?:html|links?|hyperlinks?|markup)\b/i,
      /\bclickable (?:hyper)?links?\b/i,
    ],
  },
];

export const catalog: readonly CatalogEntry[] = [
  {
    id: "non-200-page",
    title: "HTTP 404 and other non-200 pages, and text injected into them",
    policyText: "HTTP 404 codes/pages or other HTTP non-200 codes/pages and content spoofing/text injection on these pages.",
    vrt: "server_side_injection.content_spoofing.text_injection",
    match: [
      /\b(?:error|not[- ]found|oops)[^.\n]{0,30}\b(?:page|screen|pagina|scherm)\b[^.\n]{0,30}\b(?:say anything|message he wrote|shows? a message (?:he|she|they|i) wrote|te veel vertelt)\b|\b(?:foutpagina|foutmelding|niet gevonden)\b[^.\n]{0,50}\b(?:uit de link|in beeld|overneemt|kan tonen)\b|\bsoft[- ]404\b|\b(?:custom )?error page is missing\b|\bbare (?:nginx|apache|iis) (?:40[0-9]|50[0-9])\b|\b400 bad request page\b[^.\n]{0,30}\becho\w*/i,
      re(
        `\\b(?:(?:text|content)[- ]?(?:injection|injecting|injektion|spoofing|reflection)|tekst[- ]?injectie|spoofed (?:text|content|messages?))\\b${GAP}(?:\\b(?:404|non-200|not found|error|fout|40[0-9]|50[0-9])(?: (?:forbidden|unauthorized|not found|internal server error|bad request|error))?[- ]?(?:page|pagina|response|code|status)|\\b(?:404|non-200|40[0-9]|50[0-9])\\b)`,
      ),
      re(
        `\\b(?:404|non-200|not found|error|fout|40[0-9]|50[0-9])[- ]?(?:page|pagina|response|code)s?\\b${GAP}\\b(?:text|tekst|content|reflect\\w*|spoof\\w*|inject\\w*)`,
      ),
      /\bnon-200 (?:page|code|response)/i,
      re(
        `\\b(?:reflected|arbitrary|injected|spoofed|custom) (?:text|content|message)\\b${GAP}\\b(?:404|non-200|not found|error|40[0-9]|50[0-9])[- ]?(?:page|pagina|response)`,
      ),
      ERROR_PAGE_SHOWS_INPUT,
      /\b404 (?:page|pagina|code|response)s? (?:reveal|disclos|show|leak|is|are|returns?)/i,
      /\b(?:arbitrary|custom|misleading|fake|spoofed|reflected|injected|plain) (?:plain )?(?:text|message|content)\b[^.\n]{0,40}(?:\bpage not found\b|\bnot found\b|\bbad request\b|\bmethod not allowed\b|\bservice unavailable\b|\bmaintenance\b|\berror page\b|\b40[0-9]\b|\b50[0-9]\b)/i,
      /\bspoofing (?:message )?via (?:the )?error page\b|\berror page spoofing\b|\binjection de texte dans la page d'erreur\b|\b(?:url|path|url path|request path|input) (?:is )?reflected (?:in|on) (?:the )?(?:404|error|not found)\b/i,
      ...ERROR_STATUS_REFLECTS_INPUT,
      /\bfoutmelding (?:404|40[0-9]|50[0-9])\b[^.\n]{0,30}\btoont\b/i,
      /\btexteinschleusung\b[^.\n]{0,30}\b(?:404|fehlerseite)|\binyecci[oó]n de texto\b[^.\n]{0,30}\b(?:404|error)\b|\b(?:4[0-5][0-9]|50[0-9])(?: [a-z]+){0,2} (?:page|error|response|message|handler)s? (?:reflects?|shows?|displays?|echo(?:es)?|prints?|tells)\b/i,
      /\btext injection on (?:http )?(?:4[0-5][0-9]|50[0-9])\b|\biniezione di testo\b[^.\n]{0,30}\b(?:404|errore)\b/i,
      ...ERROR_PAGE_TEXT_WORDINGS,
      /\b(?:not[- ]found|error|404|403|400|500|502|503) (?:page|template)\b[^.\n]{0,40}\b(?:repeats?|prints?|echoes|includes?|shows?|reflects?)\b[^.\n]{0,30}\b(?:attacker text|the (?:whole |full |raw )?(?:requested )?(?:url|path|query string)|arbitrary text)\b/i,
      /\b(?:40[0-9]|50[0-9])\b[^.\n]{0,30}\b(?:echoes|reflects|prints|includes)\b[^.\n]{0,30}\b(?:the )?(?:path|raw query string|query string|arbitrary text|url)\b|\b50[0-9] maintenance page\b[^.\n]{0,30}\binjectable\b/i,
      /\b(?:default|generic|detailed) (?:iis |nginx |apache |tomcat )?(?:(?:40[0-9]|50[0-9])(?: bad gateway)? |(?:40[0-9] |50[0-9] )?error )page\b[^.\n]{0,40}\b(?:instead of|shown|for malformed)\b|\bsoft 404\b|\b403 vs\.? 404\b/i,
      /\b(?:eigene meldung|texto que pongo|tekst uit de url)\b[^.\n]{0,30}\b(?:50[0-9]|40[0-9]|error|fehler|pagina|url)\b|\b(?:50[0-9]|40[0-9])-(?:seite|pagina)\b[^.\n]{0,40}\b(?:platzierbar|tekst|text)\b|\bp[áa]gina de error\b[^.\n]{0,30}\b(?:muestra|texto)\b|\berror page prints\b/i,
    ],
    notWhen: [
      /\b(?:xss|cross[- ]site scripting|<script|stack ?trace|sql)\b/i,
      /\b(?:admin|account|user|customer)(?: page)? (?:content|data)\b[^.\n]{0,40}\b(?:returned|in (?:its|the) body|leak\w*)\b|\bforbidden,? but (?:the )?(?:data|content|page) (?:is )?returned\b/i,
    ],
    exceptions: [],
  },
  {
    id: "version-disclosure",
    title: "Fingerprinting and version disclosure",
    policyText: "Fingerprinting or version disclosure on public services.",
    vrt: "server_security_misconfiguration.fingerprinting_banner_disclosure",
    cwe: ["CWE-200"],
    match: [
      /\bversion (?:number |info(?:rmation)? |string |details? )?(?:disclosure|disclosed|leak\w*|exposure|exposed|revealed)\b/i,
      /\b(?:discloses?|disclosing|reveals?|revealing|leaks?|leaking|exposes?|exposing|shows?) (?:the )?(?:exact |full |server |software |php |apache |nginx |iis )?(?:version|versions)\b/i,
      /\b(?:disclos|reveal|leak|expos)\w* (?:the |its )?(?!(?:old|older|deprecated|previous|latest|new|newer|current|this|that|vulnerable|outdated|legacy|beta|stable|wrong|correct|same|other)\b)(?:server |web ?server |[\w.-]+ )(?:version|versions|version numbers?|version info\w*)\b(?! (?:of|from|history|control))/i,
      /\b(?:php|server|apache|nginx|iis|tomcat) version (?:header|banner)s?\b|\binformation (?:disclosure|leak\w*) (?:in|via|through) (?:the )?(?:http )?(?:response )?headers?\b/i,
      /\b(?:fingerprint\w*|banner (?:grabbing|disclosure))\b/i,
      /\b(?:x-powered-by|x-aspnet-version|x-aspnetmvc-version|x-generator)\b/i,
      /\bserver (?:header|banner)\b/i,
      /\b(?:meta[- ]?)?generator[- ]meta[- ]?tags?\b|\bmeta generator\b/i,
      /\bversion (?:is |are )?(?:visible|shown|displayed|discoverable|readable|printed) (?:in|on|via) (?:the )?(?:page source|source code|(?:http )?(?:response )?headers?|footer|error pages?|login page|banner|html)\b|\bversion (?:in|on) (?:the )?(?:error pages?|(?:http )?(?:response )?headers?|footer|page source|banner)\b/i,
      /\bssh banner\b|\bx-runtime\b|\bversionsangabe\b|\b\w*serverversie\b/i,
      /\b(?:headers?|footers?|banners?|error pages?) (?:should(?:n't| not)|must(?:n't| not)|do(?:es)?(?:n't| not) need to) (?:specify|show|include|expose|reveal|disclose|contain) (?:the )?(?:[\w.-]+ )?versions?\b/i,
      /\b(?:versie-?informatie|versienummer)\b/i,
      // "Remove the deprecated version" or "this version from the marketplace" is about a release, not a banner.
      /\b(?:hide|remove|strip|suppress|conceal) (?:the )?(?!(?:old|older|deprecated|previous|latest|new|newer|current|this|that|vulnerable|outdated|legacy|beta|stable|free|paid|pro|mobile|desktop)\b)(?:[\w.-]+ )?(?:version|versions|version numbers?|version info\w*)\b(?! (?:of|from) (?:the )?(?:changelog|docs|documentation|marketplace|store))/i,
      /\bversion (?:number |string |info )?(?:is |are )?(?:visible|shown|displayed|disclosed) (?:in|on) (?:the )?(?:default )?(?:404|error|not found) pages?\b|\b(?:ftp|smtp|server|service|telnet) banners?\b|\bdivulgaci[oó]n de (?:la )?versi[oó]n\b|\bvia header (?:discloses|reveals|exposes|leaks)\b/i,
      /\b[\w.]+-versie zichtbaar\b|\bversie zichtbaar\b|\bserver software\b[^.\n]{0,20}\b(?:in|via) (?:the )?headers?\b|\b(?:see|tell|know) (?:what|which) (?:server|web ?server|software)\b|\b(?:reveal|disclos|expos|leak|show)\w* (?:the )?[\w.-]+ build (?:number|version)\b/i,
      /\bversion (?:is )?(?:identifiable|detectable|discoverable)\b|\bversion (?:is )?(?:shown|visible|displayed) on \/|\bsmtp (?:greeting|banner)\b/i,
      /\bdiscloses? [\w.-]+ build\b/i,
      /\bdivulgation de (?:la )?version\b|\b(?:technology|tech) stack (?:disclosure|revealed|exposed|leak\w*)\b/i,
      /\b(?:cms|framework|php|apache|iis|magento|wordpress|drupal|joomla) version (?:visible|shown|displayed|disclosed)\b|\bpowered by (?:magento|wordpress|drupal|joomla|shopify|typo3)\b[^\n]{0,10}\d|\binformation leakage - server:/i,
      /\bversionsnummer\b[^.\n]{0,40}\b(?:sichtbar|angezeigt)\b|\bcabecera server muestra la versi[oó]n\b|\btells (?:everyone|anyone|the world) which (?:php |server |cms )?version\b|\bversion (?:visible |shown )?in (?:the )?(?:rss |atom )?(?:feed )?generator (?:element|tag)\b/i,
      /\breturns? (?:the )?build (?:number|hash)\b[^.\n]{0,30}\bversions?\b|\bfooter shows v?\d+\.\d+|\b(?:error page|stack trace|via header|server (?:response )?header)\b[^.\n]{0,30}\b(?:shows?|exposes?)\b[^.\n]{0,30}\bversion\b|\bsoftware versions leaked\b/i,
      /\b(?:microsoft-iis|apache|nginx|openresty|php)\/\d+(?:\.\d+)+ (?:in|shown on|on)\b|\bla version de (?:php|apache|nginx|iis)\b[^.\n]{0,20}\baffich[ée]e\b|\bversion visible in\b|\bonly the version (?:is )?shown\b/i,
    ],
    notWhen: [/\bcve-\d{4}-\d+\b[^.\n]{0,60}\b(?:exploit\w*|rce|remote code)/i],
    exceptions: [],
  },
  {
    id: "public-nonsensitive-file",
    title: "Public files or directories with non-sensitive information",
    policyText: "Public files or directories with non-sensitive information (such as robots.txt).",
    vrt: "server_security_misconfiguration.directory_listing_enabled.non_sensitive_data_exposure",
    cwe: ["CWE-548"],
    match: [
      /\b(?:robots|humans|security|ads|llms)\.txt\b/i,
      /\b(?:sitemap|crossdomain|clientaccesspolicy|browserconfig)\.xml\b/i,
      /\bdirectory (?:listing|indexing|browsing)\b/i,
      /\bpublic(?:ly)? (?:accessible|available|readable|exposed) [^\n]{0,20}?\b(?:files?|director(?:y|ies)|folders?)\b/i,
      /\b(?:index of \/|directory listing)\b/i,
      // Where a title or body begins, where the file is the finding: further in, such a file is often how a
      // product was fingerprinted.
      /^[^\n]{0,40}?\b(?:readme|license|licence|changelog|changes|install|upgrade|release[- ]notes)\.(?:txt|html?)\b/i,
      /\b(?:files?|director(?:y|ies)|folders?) (?:is |are )?public(?:ly)? (?:accessible|available|readable|exposed)\b/i,
      /\bdirectory index(?:ing)? (?:is )?(?:enabled|on|exposed|visible|found)\b|\b(?:apache|nginx|iis) directory index\b|\bopen director(?:y|ies)\b|^[^\n]{0,10}?\b(?:readme|changelog|license)(?:\.md)? (?:file )?(?:is )?(?:accessible|exposed|public\w*|readable|available)\b/i,
      /\b(?:openbare|publieke) (?:bestanden|map|directory)\b/i,
      /\b(?:composer\.(?:json|lock)|package(?:-lock)?\.json|yarn\.lock|gemfile\.lock)\b[^.\n]{0,30}\b(?:downloadable|accessible|exposed|publicly|readable)\b|\b(?:public|anonymous|unauthenticated) access to \/?(?:composer\.(?:json|lock)|package(?:-lock)?\.json|yarn\.lock)\b/i,
      /\bsitemap (?:exposes|reveals|discloses|lists|is public\w*|is accessible)\b/i,
      /\bsitemap toont\b|\blistado de directorios\b|\bbrowsable director(?:y|ies)\b/i,
      /\bpublic(?:ly)? (?:accessible|available|readable|exposed) (?:readme|changelog|license|manifest)(?:\.(?:md|txt|json|html?))?\b/i,
      /\b(?:folder|directory|map) listing shows only\b|\b(?:shows|lists) an index of (?:fonts|icons|images|css|js)\b|\bi can see all files in the\b[^.\n]{0,30}\b(?:only|public)\b|\bpublic \/?[\w-]+\/? folder lists\b|\bpublic changelog\b/i,
      /\b(?:assetlinks\.json|apple-app-site-association)\b|\b(?:directory index|verzeichnislisting)\b|\bfolder lists public\b|\bpackage\.json\b[^.\n]{0,30}\b(?:reachable|public|accessible)\b|\bswagger (?:json|ui|docs?)\b[^.\n]{0,30}\bpublic api\b/i,
    ],
    notWhen: [/\bno security\.txt\b|\bsecurity\.txt (?:is )?(?:missing|not (?:published|present|found))\b/i],
    exceptions: ["sensitive-data"],
  },
  {
    id: "clickjacking",
    title: "Clickjacking",
    policyText: "Clickjacking and issues that can only be exploited through clickjacking.",
    vrt: "server_security_misconfiguration.clickjacking.non_sensitive_action",
    cwe: ["CWE-1021"],
    match: [
      /\b(?:te framen|in een (?:i)?frame (?:kan|te laden|geladen))\b|\bxfo\b[^.\n]{0,30}\b(?:missing|ontbreekt|not set)\b/i,
      /\bclick[- ]?jac?k\w*/i,
      /\bui[- ]?redress\w*/i,
      /\b(?:can|could) be (?:framed|embedded|loaded) (?:in|inside|into|within) (?:an? )?(?:i?frame|third[- ]party site|other site|malicious (?:site|page))/i,
      /\b(?:frameable|framable|framing (?:attacks?|protection)|iframe embedding)\b/i,
      /\b(?:loadable|embeddable|can be (?:loaded|embedded|framed)) (?:in|inside|into|within|by) (?:an? )?(?:third[- ]party |cross[- ]origin |attacker'?s? |malicious |foreign |external )?i?frames?\b|\b(?:loadable|embeddable) (?:inside |in |within )?(?:an? )?i?frame\b/i,
      /\bframing (?:is )?(?:allowed|possible|permitted|enabled)\b/i,
      /\b(?:can|could) be (?:put|loaded|embedded|displayed|shown|rendered) (?:in|inside|into|within|by) (?:an? )?(?:i?frames?|third[- ]party sites?|other sites?|external sites?|any (?:site|website|domain))\b|\bloads? (?:inside|in|within) an? i?frame\b/i,
      /\bcross[- ]frame scripting\b|\blikejacking\b|\bcursorjacking\b|\bcan be framed\b/i,
      /\bembed\w* (?:your|the|this) (?:site|website|page|portal|app)\b[^.\n]{0,30}\biframe\b|\bcwe-1021\b|\bin een iframe\b|\b(?:transparent|invisible|hidden) (?:i?frame|overlay)\b/i,
      /\bd[ée]tournement de clic\b|\bframing of\b[^.\n]{0,30}\ballowed\b|\bklik[- ]?jacking\b/i,
      /\bclikjack\w*/i,
      /\b(?:put|embedded?|loaded|shown|placed) (?:inside|in|within) (?:an(?:other)? )?(?:website|site|iframe|frame)\b[^.\n]{0,20}\b(?:with an iframe|by anyone)?|\bcan be embedded by anyone\b|\bin een (?:onzichtbaar )?frame (?:steken|zetten|laden)\b/i,
      /\binvalid x-frame-options value\b|\bx-frame-options\b[^.\n]{0,20}\b(?:ignored by (?:the )?browser|misspelled|typo)\b/i,
      /\bpeut [êe]tre int[ée]gr[ée] dans une iframe\b|\boverlays? a transparent\b|\btransparent (?:copy|overlay|iframe)\b[^.\n]{0,40}\bon top of\b/i,
    ],
    indirect: [
      re(`\\b(?:x-frame-options|frame-ancestors)\\b${GAP}${MISSING}`),
      re(`${MISSING}${GAP}\\b(?:x-frame-options|frame-ancestors)\\b`),
    ],
    notWhen: [
      /\b(?:clickjacking|ui redress\w*|framing) (?:is )?not (?:needed|required)\b|\bpostmessage\b/i,
      /\b(?:stored|dom|dom[- ]based|reflected) xss\b|\bactual finding\b|\bsends? users to any domain\b/i,
      PRECONDITION_SET_ASIDE,
    ],
    exceptions: [],
  },
  {
    id: "cookie-flags",
    title: "Missing Secure or HttpOnly flags on non-sensitive cookies",
    policyText: "Lack of secure/HTTP-only flags on non-sensitive cookies.",
    vrt: "server_security_misconfiguration.missing_secure_or_httponly_cookie_flag.non_session_cookie",
    cwe: ["CWE-614", "CWE-1004"],
    match: [
      re(`${MISSING}${GAP}\\b(?:secure|httponly|http-only|samesite)(?: |-)?(?:flags?|attributes?|vlag|cookies?)\\b`),
      re(`\\b(?:secure|httponly|http-only|samesite)(?: |-)(?:flag|attribute|vlag)s?\\b${GAP}${MISSING}`),
      /\bcookies? (?:without|zonder|missing|lacks?|lacking|not marked|is not marked|are not marked)\b[^.\n]{0,30}\b(?:secure|httponly|http-only|samesite)/i,
      /\b(?:insecure|unsecured) cookies?\b/i,
      /\b(?:samesite|httponly|http-only)\b[^.\n]{0,20}\b(?:ontbreekt|fehlt|manquant|missing|not set)\b|\bcookies? ohne\b[^.\n]{0,20}\b(?:secure|httponly|samesite)|\bcookie\b[^.\n]{0,30}\b(?:is|are) not (?:marked )?(?:as )?(?:httponly|http-only)\b/i,
      /\b(?:missing|no|without|lacks?|lacking|lack of) (?:the )?(?:httponly|http-only|samesite)\b|\bcookie (?:flags?|attributes?) (?:are |is )?(?:not set|missing|misconfigured|not configured|incorrect\w*|insecure)\b/i,
      /cookie[^。\n]{0,20}(?:缺少|缺失|未设置|没有设置|未启用)[^。\n]{0,10}(?:secure|httponly|samesite)/i,
      /\bcookies? (?:missen|mist)\b[^.\n]{0,20}\b(?:secure|httponly|samesite)/i,
      /\bgeen (?:samesite|httponly|secure)\b/i,
      /\bcookies? sans (?:l'|les )?(?:attribut|drapeau|flag)s? (?:secure|httponly|samesite)\b/i,
      /\bsin (?:el )?atributo (?:secure|httponly|samesite)\b|\bsamesite=none without secure\b|\bhttponly (?:is )?not (?:used|set|enabled)\b|\bcookies? (?:is |are )?(?:accessible|readable) (?:via|from|by|to) (?:javascript|js|document\.cookie)\b/i,
      /\bcookie attribute misconfiguration\b|\bimproper cookie attributes\b|\bcookie sem atributo (?:secure|httponly)\b|çerez\w*[^.\n]{0,20}\b(?:secure|httponly)\b|\bcookie can be read by javascript\b/i,
      /\bset-cookie header mist\b|\bcookies? zonder vlaggen\b|\bciasteczko\b[^.\n]{0,30}\bflagi\b|\bsamesite=none zonder secure\b|\bcookie\b[^.\n]{0,30}\b(?:isn'?t|is not|not) httponly\b|\bw\/o secure attr/i,
      /\bcookies? (?:lack|lacks|missing|without) (?:security )?flags\b|\bfehlendes? (?:httponly|secure|samesite)[- ]attribut\b|\bcookies? (?:also )?sent over (?:plain )?http because secure is not set\b|\bcookies\b[^.\n]{0,40}\bwithout httponly\b/i,
    ],
    // SameSite named beside a missing CSRF token is a report of the CSRF, which the flag would have softened.
    notWhen: [/\b(?:no|missing|without) (?:an? )?(?:anti-?csrf |csrf |xsrf )?tokens?\b/i],
    exceptions: ["sensitive-cookie"],
  },
  {
    id: "options-method",
    title: "OPTIONS HTTP method enabled",
    policyText: "OPTIONS HTTP method enabled.",
    vrt: "server_security_misconfiguration.potentially_unsafe_http_method_enabled.options",
    match: [
      /\b(?:http )?options (?:http )?(?:methode|method|verb|request)s?\b[^.\n]{0,30}\b(?:enabled|allowed|supported|active|accepted|aan|ingeschakeld)/i,
      /\b(?:enabled|allowed|supported) (?:http )?options (?:method|verb)/i,
      /\bhttp options method\b/i,
      /\boptions-?methode\b/i,
      /\boptions requests? (?:expose|reveal|disclose|list|return)\w*\b[^.\n]{0,40}\bmethods\b/i,
      /\b(?:allowed|supported|enabled) (?:http )?methods\b[^.\n]{0,40}\b(?:via|through|by|in|with) (?:an? |the )?(?:http )?options\b/i,
      /\boptions\b[^.\n]{0,20}\b(?:expos|reveal|disclos|list)\w*\b[^.\n]{0,20}\b(?:allowed|supported|enabled) methods\b/i,
      /\bhttp options toegestaan\b|\bmethod options (?:is )?(?:enabled|allowed)\b|\boptions (?:method )?(?:is )?not (?:restricted|disabled|blocked)\b|-x options\b|\boptions \* requests?\b/i,
      /\boptions (?:requests?|responses?)\b[^.\n]{0,30}\b(?:allow|dav|public) header\b|\ballow header in (?:the )?options\b|\bhttp-methode options\b|\boptions[- ]methode\b[^.\n]{0,20}\b(?:toegestaan|staat aan|aan)\b|\ballowed (?:http )?methods:[^\n]{0,30}\boptions\b|\boptions requests?\b[^.\n]{0,30}\breturns? (?:the )?(?:allowed )?methods?\b|\baccepts? the options method\b/i,
      /\b(?:http )?options (?:verb|method|request|response|handler)s?\b[^.\n]{0,40}\b(?:enabled|allowed|supported|accepted|not disabled|should be disabled|advertis\w*|lists?|includes?|exposes?|returns?)\b/i,
      /\b(?:responds?|answer\w*|reply|replies) to (?:an? )?(?:http )?options\b|\b(?:allows?|accepts?|supports?) (?:http )?options (?:requests?|method|verb)\b|\bhttp (?:verb|method) options\b|\boptions \* (?:http|requests?)\b|\boptions on \/|\bresponse to options\b|\ballow header reveals\b|\bhttp options (?:ingeschakeld|aan|toegestaan)\b/i,
      /\bhttp options (?:is )?(?:enabled|allowed|supported|permitted|activ\w*)\b|\boptions (?:method|request|verb)s? (?:is |are )?(?:permitted|not blocked|not disabled)\b|\bm[ée]thode options activ[ée]e\b|\bm[ée]todo options habilitado\b|\boptions (?:http )?method should be disabled\b|\bthe options http method\b|\baccepts options\b|\boptions request gives\b[^.\n]{0,30}\ballow\b/i,
      /\boptions\b[^.\n]{0,30}\b(?:enabled|aktif|activo|ativo|responds 200|works)\b[^.\n]{0,30}\b(?:on|op) (?:all paths|the|your|de|het|sharepoint|cdn|static)\b|\bopt?ions metodu aktif\b/i,
      /\b(?:allow header|allowed methods)\b[^.\n]{0,30}\b(?:via|through|in) (?:the )?options\b|\ballowed methods information disclosure\b|\binsecure http methods?: options\b/i,
      /\bopt(?:ions)?-?(?:aanvraag|verzoek|request)\w*\b[^.\n]{0,30}\b(?:methodes|methods|toegestane|allowed)\b|\baccepteert options\b|\bserver answers options\b|\boptions (?:http )?method not disabled\b|\boptions works on\b|\boptions method is on\b|\brespond\w* on options\b/i,
      /\boptions enabled on\b|\boptions (?:responds?|returns?) 200\b/i,
      /\boptions(?:-anfrage| requests?| response)?\b[^.\n]{0,30}\b(?:reveals?|enumerat\w*|liefert|renvoient|returns?|lists?|shows?|zeigt)\b[^.\n]{0,30}\b(?:methods|methoden|m[ée]thodes|verbs|allow|webdav)\b|\bles requ[êe]tes options\b/i,
      /\bopt(?:ions|oins)\b[^.\n]{0,15}\b(?:method )?(?:found )?(?:enabled?|enabeld|aktiv|staat open|accepted)\b|\bunnecessary http method \(options\)|\bsupported methods:[^\n]{0,30}\boptions\b|\bhttp methods allowed\b[^\n]{0,30}\boptions\b|\bbeantwoordt options\b|\ballow header via options\b/i,
      /\b(?:answers?|replies|reply|responds?) (?:\d{3} )?to (?:an? )?(?:http )?['"]?options\b|\boptions (?:answered|verb answered)\b|\b(?:exposes?|advertised|advertises|lists?) (?:supported |allowed )?(?:verbs|methods)\b[^.\n]{0,20}\b(?:via|in) (?:the )?options\b|\bverbs advertised in the options\b/i,
      /\ballow header disclosed\b[^.\n]{0,30}\boptions\b|\boptions \* returns\b|\boptions-anfragen\b|\bmetodo http options abilitato\b|\bla m[ée]thode options r[ée]v[èe]le\b/i,
    ],
    notWhen: [
      /\b(?:cors|access-control-allow-origin)\b[^.\n]{0,60}\b(?:credentials|steal|read)/i,
      /\bssrf\b|\bserver[- ]side request forgery\b|\bfetches (?:arbitrary )?(?:internal )?urls\b/i,
    ],
    exceptions: [],
  },
  {
    id: "rate-limiting",
    title: "Missing rate limiting without clear impact",
    policyText: "Rate limiting vulnerabilities without clear impact.",
    vrt: "server_security_misconfiguration.no_rate_limiting_on_form",
    cwe: ["CWE-799", "CWE-307"],
    match: [
      re(`${MISSING}${GAP}\\brate[- ]?limit\\w*`),
      re(`\\brate[- ]?limit\\w*${GAP}\\b(?:missing|absent|not (?:implemented|enforced|present|applied)|bypass\\w*|ontbreekt)`),
      /\b(?:no|missing|lack of|without) (?:brute[- ]?force|anti[- ]automation|captcha) (?:protection|prevention|mitigation|on)\b/i,
      /\bbrute[- ]?forc\w*(?: attacks?)? (?:is |are )?(?:possible|allowed|not prevented) (?:on|against|in|at) (?:the )?(?:log[- ]?in|sign[- ]?in|password|auth\w*|account)/i,
      /\bunlimited (?:login|password|otp|sign[- ]?in|reset|verification|coupon|voucher|requests?|attempts?)\b/i,
      /\b(?:no|without) (?:limit|limits|lockout|account lockout) (?:on|for) (?:the )?(?:number of )?(?:login|password|otp|requests|attempts|e-?mails|sms)/i,
      /\b(?:email|e-mail|sms) (?:bombing|flooding)\b/i,
      /\bcaptcha (?:bypass\w*|can be bypassed|is not (?:validated|verified|checked)|not working|can be reused|reuse)\b|\bbypass\w* (?:the )?captcha\b/i,
      /\b(?:defeat\w*|bypass\w*|circumvent\w*|evad\w*) (?:the )?(?:ip[- ]based |per[- ]ip )?rate[- ]?limit\w*/i,
      /\bno (?:[\w-]+[- ])?attempts?[- ]limits?\b|\bno limit (?:for|on) (?:the )?(?:reset|password reset|reset password|login|otp|verification)/i,
      /\bspam\w*\b[^.\n]{0,40}\b(?:password reset|reset password|forgot password)\b|\b(?:password reset|reset password|forgot password)\b[^.\n]{0,40}\bspam\w*/i,
      /\b(?:no|missing|lack of|without) (?:an? )?(?:account )?lock-?out\b/i,
      /\baccount lock-?out (?:is )?(?:not implemented|not enforced|missing|absent|disabled)\b/i,
      /\b(?:no|missing|lack of|without) throttl\w* (?:of|on|for) (?:the )?(?:login|sign[- ]?in|password|otp|requests|attempts|verification|resend|e-?mails?|sms|invit\w*)\b/i,
      /\bonbeperkt\w*\b[^.\n]{0,30}\b(?:e-?mails?|sms|pogingen|verzoeken|aanvragen|inlogpogingen|reset)|\blimitation de débit\b|\b(?:sent|send|sending|requested|triggered|submitted) (?:an? )?unlimited (?:times|number|amount)\b|\bunlimited (?:times|number of (?:times|e-?mails|requests|sms|messages|attempts))\b/i,
      /\bbrute[- ]?forc\w*\b[^.\n]{0,40}\b(?:coupon|voucher|promo|discount|invite|invitation|gift[- ]card) codes?\b|\b(?:coupon|voucher|promo|discount|invite|invitation|gift[- ]card) codes?\b[^.\n]{0,40}\b(?:brute[- ]?forc\w*|guess\w*|enumerat\w*)/i,
      /\bbrute[- ]?forc\w*\b[^.\n]{0,30}\b(?:otp|totp|2fa|mfa|one[- ]time (?:password|code)s?|verification codes?|email codes?|reset (?:codes?|tokens?)|pins?)\b|\b(?:otp|totp|2fa|mfa|verification codes?|email codes?|reset (?:codes?|tokens?))\b[^.\n]{0,30}\bbrute[- ]?forc\w*/i,
      /\bfuerza bruta\b|\bfor[çc]a bruta\b|\bspam\w* (?:on|via|through|in) (?:the |our )?(?:contact|feedback|sign[- ]?up|registration|comment|newsletter)(?:[- ]us)? forms?\b/i,
      /\b(?:geen|keine|no|without|sans|sin|missing) captcha\b|\bratenbegrenzung\b|\blimitation de tentatives\b|\bsend unlimited (?:e-?mails|messages|sms|invites?|invitations)\b|\bmass (?:account creation|registration|sign-?ups?)\b/i,
      /\bsend (?:\d{2,}|hundreds of|unlimited) (?:\w+ )?(?:e-?mails|mails|sms|messages|requests)\b|\bkein(?:e|en)? rate[- ]?limit\w*|\bsin l[ií]mite de intentos\b|\blimite de taxa\b|\battempts? (?:are |is )?not limited\b|\b(?:no|missing|lack of|without) throttling\b|\bunlimited (?:\w+ ){0,2}submissions\b/i,
      /\bbrute[- ]?forc\w*(?: attacks?)? (?:is |are )?(?:possible|allowed|not prevented) (?:on|against|in|at) (?:the )?\/?(?:wp-)?(?:log[- ]?in|sign[- ]?in|password|auth\w*|account)|\bbrute[- ]?force mogelijk\b|\binfinite (?:\w+ ){0,2}(?:e-?mails|requests|sms|messages|submissions)\b/i,
      /\bspam any (?:e-?mail|user|address|phone)|\bautomated endlessly\b|\bendless(?:ly)? (?:submissions?|requests?)\b/i,
      /\bsms[- ]?bomb\w*|\b(?:unlimited|infinite|endless) (?:e-?mails?|invites?|invite e-?mails?|sms|messages?|e-?mail sending)\b|\b(?:contact form|form) can be submitted (?:thousands|hundreds|unlimited|an unlimited number) of times\b/i,
      /\b(?:aus[êe]ncia de|sin|geen|kein|pas de) (?:rate[- ]?limit\w*|limiet)\b|\bgeen limiet op\b|\bbrute[- ]?force (?:koruması yok|protection (?:is )?missing)\b|\bgift ?card (?:number |code )?(?:guessing|brute\w*)\b/i,
      /\b(?:captcha|recaptcha) (?:is )?(?:missing|absent|not (?:present|implemented))\b[^.\n]{0,30}\b(?:registration|sign[- ]?up|bots?|contact|login)\b|\bno captcha on\b/i,
      /\b(?:not|isn't|is not|never) (?:being )?(?:rate[- ]?limited|throttled)\b|\bunthrottled\b|\b(?:without|no) (?:any )?throttling\b/i,
      /\b(?:can|could) be (?:sent|sent out|triggered|requested|submitted|resent) (?:\d[\d,.]*|hundreds of|thousands of|unlimited|infinite|endless)(?: times)?\b|\b(?:accepts?|allows?) \d[\d,.]* (?:requests|attempts|tries)\s?(?:\/|per |a )(?:min|minute|second|sec|s)\b/i,
      /\brate[- ]?limit\w*\b[^.\n]{0,40}\b(?:resets?|bypass\w*|bypassable|umgehbar|only enforced client[- ]side|(?:can be )?evaded)\b|\b(?:lockout|lock-out) bypass\b/i,
      /\bsms (?:verzending|sending|bombing|flood\w*) (?:onbeperkt|unlimited|via)\b|\bsem limite de requisi[çc][õo]es\b|\bbrak limitu\b|\bkeine begrenzung der anmeldeversuche\b|\bpas de limite de tentatives\b|\bmass (?:e-?mail|sms) sending\b|\bbrute-?forceable\b|\bcan spam someone'?s inbox\b/i,
      /\bcan be spammed\b|\b(?:zonder|sans|sin|senza) (?:de )?captcha\b|\bpas de captcha\b|\bno tiene l[íi]mite de env[íi]os\b|\btry unlimited passwords\b|\brate limit\b[^.\n]{0,30}\bbypassed by rotating\b/i,
    ],
    notWhen: [/\b403\b/i],
    exceptions: ["clear-impact"],
  },
  {
    id: "security-headers",
    title: "HTTP security headers",
    policyText:
      "Anything related to HTTP security headers (Strict-Transport-Security, X-Frame-Options, X-XSS-Protection, X-Content-Type-Options, Content-Security-Policy).",
    vrt: "server_security_misconfiguration.lack_of_security_headers",
    cwe: ["CWE-693"],
    match: [
      re(`${MISSING}${GAP}\\b${SECURITY_HEADER}`),
      re(
        `\\b${SECURITY_HEADER}(?: header| response header)?s?\\b${GAP}\\b(?:missing|absent|not (?:set|present|configured|enabled|enforced|implemented|returned|sent)|isn't (?:set|present)|disabled|misconfigured|ontbre\\w*|niet ingesteld|manquante?s?|fehlt)`,
      ),
      /\b(?:weak|permissive|insecure|misconfigured|unsafe) (?:csp|content[- ]security[- ]policy|hsts|security headers?)\b/i,
      /\b(?:csp|content[- ]security[- ]policy) (?:allows|contains|uses|includes) (?:'?unsafe-inline'?|'?unsafe-eval'?|wildcards?|\*)/i,
      /\bhsts (?:max-age|preload|includesubdomains)\b/i,
      /\bsecurity (?:http|response) headers?\b/i,
      re(`\\bfehlende[rsn]? ${SECURITY_HEADER}|\\b(?:csp|content[- ]security[- ]policy)\\b[^.\\n]{0,20}\\breport[- ]only\\b`),
      re(
        `^[^\\n]{0,20}?\\b(?:add|enable|set|implement|configure)\\w* (?:the |an? )?(?:missing )?${SECURITY_HEADER}(?: \\([\\w-]+\\))? (?:response )?headers?\\b`,
      ),
      /\bx-xss-protection\b/i,
      /\b(?:hsts|strict[- ]transport[- ]security) (?:max-age|preload|includesubdomains)\b|\b(?:without|no|missing) (?:the )?(?:includesubdomains|preload)\b|\bsicherheits-?header\b/i,
      /\b(?:x-frame-options|content[- ]security[- ]policy|csp)\b[^.\n]{0,20}\b(?:invalid|allowall)\b|\breferrer[- ]policy\b[^.\n]{0,20}\bleak\w*/i,
      /\ben-t[êe]tes? de s[ée]curit[ée]\b|\bhsts (?:is )?not preloaded\b/i,
      /\babsence of anti-mime-sniffing header\b|\banti-mime-sniffing\b|\b(?:cabe[cç]alhos|en-t[êe]tes)\b[^.\n]{0,30}\b(?:seguran[cç]a|s[ée]curit[ée]|ausentes|manquants)\b|\bgüvenlik başlıkları eksik/i,
      /\b(?:mozilla observatory|securityheaders\.com|security headers? score)\b|\bmissing (?:some )?recommended (?:http |security )?headers\b/i,
      /\baccess-control-allow-origin: ?\* on (?:static|public)\b/i,
      /\bheader di sicurezza\b|\bno nosniff\b|\b(?:old )?feature-policy instead of permissions-policy\b|\bhsts only sent on\b/i,
    ],
    notWhen: [],
    exceptions: [],
  },
  {
    id: "tls-configuration",
    title: "SSL/TLS configuration, forward secrecy and cipher suites",
    policyText: "SSL configuration issues, SSL Forward Secrecy disabled, weak or insecure cipher suites.",
    vrt: "server_security_misconfiguration.insecure_ssl.insecure_cipher_suite",
    cwe: ["CWE-326"],
    match: [
      /\btls-?compressie\b|\bcrime\b[^.\n]{0,20}\b(?:tls|ssl|compressi\w*)\b|\b(?:tls|ssl)[^.\n]{0,30}\bcrime\b|\bexport[- ]grade ciphers?\b/i,
      /\b(?:ssl|tls|ssl\/tls|https) (?:configuration|config|misconfiguration|settings?|issues?|best practices?)\b/i,
      /\b(?:weak|insecure|deprecated|outdated|obsolete|zwakke|onveilige) (?:ssl |tls )?(?:cipher|ciphers|cipher ?suites?|protocols?|encryption|versleuteling)\b/i,
      /\b(?:perfect )?forward secrecy\b/i,
      // "TLS 1.0 and 1.1 are enabled": the versions' own full stops would end the gap.
      /\b(?:tls|ssl) ?(?:v?1\.[01]|v?[23](?:\.0)?)\b(?:(?:,| and| en| or| &|\/) ?(?:tls ?|ssl ?)?(?:v?1\.[01]|v?[23](?:\.0)?)\b){0,3}[^.\n]{0,30}\b(?:enabled|supported|allowed|accepted|aan|vulnerable|insecure|disable)\b/i,
      /\b(?:supports?|accepts?|allows?|enabled|have|has) (?:tls|ssl) ?(?:v?1\.[01]|v?[23](?:\.0)?)\b/i,
      /\b(?:disable|drop|remove|deprecate|turn off|phase out)\w* (?:support (?:for )?)?(?:the )?(?:old |older |legacy |insecure |weak )?(?:tls|ssl) ?(?:v?1(?:\.[01])?\b(?!\.\d)|v?[23]\b|versions?|protocols?)|\b(?:disable|drop|remove)\w* (?:the )?(?:weak |insecure |old |legacy )?cipher(?:s| ?suites?)\b/i,
      /\b(?:old|older|outdated|insecure|deprecated|weak|legacy|obsolete) (?:and (?:insecure|old|outdated|deprecated|weak) )?(?:tls|ssl) (?:versions?|protocols?)\b/i,
      /\b(?:sweet32|beast|poodle|lucky13|logjam|freak|robot attack|crime attack|rc4|3des|export ciphers?|cbc mode ciphers?)\b/i,
      /\b(?:des|rc2|null|anon(?:ymous)?|md5) cipher(?:s| ?suites?)\b|\b(?:revise|harden|restrict|update) (?:the )?cipher (?:list|suites?)\b/i,
      /\bssl ?labs?\b/i,
      /\b(?:dh|diffie[- ]hellman)\b[^.\n]{0,30}\b(?:parameters?|params|groups?|key exchange)\b[^.\n]{0,40}\b(?:weak|insufficient\w*|insecure|small|1024)\b/i,
      /\b(?:weak|insufficient\w*|insecure|small)\b[^.\n]{0,30}\b(?:parameters?|params|groups?)\b[^.\n]{0,20}\b(?:dh|diffie[- ]hellman)\b/i,
      /\b(?:tls|ssl) versions? (?:is |are )?(?:out of date|outdated|old|deprecated|insecure)\b/i,
      /\b(?:verouderde|oude|onveilige|zwakke) (?:tls|ssl)[- ]?(?:versies?|protocol(?:len)?)\b/i,
      /\b(?:insecure|unsafe|client[- ]initiated) (?:tls |ssl )?renegotiation\b/i,
      /\b(?:tls|ssl) compression\b/i,
      /\btls ?v?1\.3 (?:is )?(?:not supported|unsupported|not enabled|not available|missing|disabled)\b|\b(?:no|missing|lack of|without) (?:support for )?tls ?v?1\.3\b/i,
      /\banonymous (?:dh|diffie[- ]hellman|ecdh)\b/i,
      /\bconfiguraci[oó]n (?:tls|ssl)\b/i,
      /\brobot vulnerability\b|\bcipher (?:suite )?order\b|\bbreach\b(?=[^.\n]{0,30}\bcompression\b)|\bprotocoles? (?:tls|ssl)\b|\b(?:static )?rsa key exchange\b|\btls_(?:rsa|dhe?|ecdhe?)_\w+|\bweak (?:elliptic )?curves\b/i,
      /\bdhe?\b[^.\n]{0,20}\b1024[- ]?bits?\b|\bweak (?:diffie[- ]hellman|dh)\b|\b(?:des-cbc3|rc4|3des|des)-\w*sha\b|\b(?:tls|ssl) ?v?1\.[01]\b[^.\n]{0,20}\b(?:und|y|et) (?:tls ?)?v?1\.[01]\b[^.\n]{0,20}\b(?:aktiviert|activ\w*|habilitad\w*)\b/i,
      /\b64-bit block ciphers?\b/i,
      /\bcbc[- ]mode ciphers?\b|\bsecure renegotiation not supported\b/i,
      /zay[ıi]f şifreleme|\bconnect (?:with|using|over) tls ?1\.[01]\b|\btls1\.[01]\b/i,
      /\b(?:ssl ?(?:v?2|v?3|2\.0|3\.0)|sslv[23]|tls ?1\.[01]|tls ?v?1\.[01])\b[^.\n]{0,40}\b(?:enabled|ingeschakeld|aktiv|actief|offered|supported|accepted|succeeds|destekliyor|obs[łl]uguje|ondersteunt|still)\b|\b(?:supports?|ondersteunt|destekliyor|obs[łl]uguje|accepts?|offers?)\b[^.\n]{0,30}\b(?:sslv[23]|ssl [23]\.0|tls ?1\.[01])\b/i,
      /\btls version 1\.[01] protocol detection\b|\bveraltete tls-versionen\b|\bcbc ciphers\b|\bssl-enum-ciphers grades\b|\btestssl(?:\.sh)?:|\bsslscan (?:shows|reports|lists)\b/i,
      /\b1024-bit dh\b|\btls_fallback_scsv\b|\bprotocol downgrade possible\b|\b(?:accepts|admite|akzeptiert|accepte) tls ?v?1(?:\.[01])?\b|\binsecure tls\b|\btestssl output\b/i,
    ],
    notWhen: [/\bheartbleed\b/i, /\b(?:extracted|leaked|dumped|read) (?:the )?(?:server'?s? )?(?:private key|memory)\b/i],
    exceptions: [],
  },
  {
    id: "ssl-certificate",
    title: "Problems with SSL certificates",
    policyText: "Problems with SSL certificates.",
    vrt: "server_security_misconfiguration.insecure_ssl.certificate_error",
    cwe: ["CWE-295"],
    match: [
      /\bniet priv(?:e\b|é)|\bzelfgemaakt certificaat\b|\bdoor de site zelf getekend\b|\bcertificaat\b[^.\n]{0,30}\bvoor een andere naam\b|\bno san\b|\bcn only\b|\bsct\w*\b[^.\n]{0,10}\(ct\)|\blacks embedded scts\b|\bcertificate (?:will )?(?:run|runs) out\b|\bissued for www only\b|\bexpired (?:cross-signed )?intermediate\b/i,
      /\b(?:ssl|tls|https|x\.?509)[- ]?(?:certificate|certificaat|cert)s?\b/i,
      /\b(?:expired|self[- ]signed|invalid|untrusted|mismatched|revoked|verlopen|ongeldig) (?:ssl |tls )?(?:certificate|certificaat|cert)s?\b/i,
      /\b(?:certificate|certificaat|cert) (?:has )?(?:expired|is expired|is verlopen|mismatch|is invalid|chain (?:is )?incomplete|name mismatch|not trusted|is self[- ]signed)\b/i,
      /\b(?:certificate|cert)s? (?:hostname|host ?name|common name|cn|domain|subject) mismatch\b/i,
      /\b(?:net::)?err_cert_\w+|\byour connection is not private\b|\b(?:wildcard )?cert(?:ificate)? (?:does ?n[o']?t|doesnt|fails to) cover\b/i,
      /\b(?:abgelaufenes|ungültiges|selbstsigniertes) (?:ssl-|tls-)?zertifikat|\bcertificat (?:ssl |tls )?(?:expiré|invalide|auto-signé)/i,
      /\b(?:certificate|cert)s? (?:uses|with|has|signed with|using) (?:an? )?(?:weak|sha-?1|md5|short|1024[- ]bit)\b/i,
      /\b(?:certificate|certificaat|cert)s?\b[^.\n]{0,30}\b(?:expir\w*|verlopen|revoked|untrusted|niet geldig|ongeldig|(?:issued|valid) for (?:the )?wrong|1024[- ]?bits?|valid for more than)\b|\b(?:incomplete|expired|untrusted|broken) (?:certificate |cert )?chain\b|\bintermediate (?:certificate|cert)s? (?:missing|expired|not sent)\b|\b(?:untrusted|unknown|self[- ]signed) root ca\b/i,
      /\b(?:md5|sha-?1) signature\b[^.\n]{0,30}\bcertificate|\bcertificates? in (?:the )?wrong order\b|\bexpired\b[^.\n]{0,25}\bcert(?:ificate)?s?\b|\bcertificate validity (?:period )?(?:too long|exceeds)/i,
      /\bocsp stapling\b|\bzertifikat abgelaufen\b|\b(?:ssl|tls)-zertifikat\b|\bcert(?:ificate)? (?:for|of) \*\.|\b(?:ev|dv|ov) certificates?\b/i,
      /\bzelfondertekend\b|\bissued (?:for|to) (?:a |the )?(?:different|wrong|another) (?:domain|host ?name|name)\b|\bcertificado (?:ssl |tls )?(?:ha )?(?:caducado|expirado|inv[aá]lido)\b|\bcertificate transparency\b|\bsubject alternative names?\b|\bwildcard (?:ssl |tls )?certificates?\b/i,
      /\bcert(?:ificate)? san list\b|\bcertificate key length\b|\bcertifica(?:at|te)\b[^\n]{0,40}\b(?:niet klopt|is wrong|klopt niet)\b|\bpadlock is red\b|\buntrusted root certificate\b/i,
      /\b(?:1024[- ]bit|rsa[- ]1024|1024[- ]bit rsa)\b[^.\n]{0,30}\bcert\w*|\bcert\w*\b[^.\n]{0,30}\b(?:1024[- ]bit|rsa[- ]1024)\b|\bcn mismatch\b|\bhostname (?:doesn'?t|does not|don'?t) match\b[^.\n]{0,30}\bcert|\bcert(?:ificate)? (?:valid|issued) for [\w.-]+ but not\b/i,
      /\bcert(?:ificate|ificaat|ificado)?\b[^.\n]{0,30}\b(?:expired|verlopen|abgelaufen|not yet valid|autofirmado|self[- ]signed|zelfondertekend|s[üu]resi dolmu[şs]|factory|default|sha-?1|verkeerd domein|andere domeinnaam|komt niet overeen|niet overeen)\b|\bsha1withrsaencryption\b|\bsan list does not include\b|\binvalid ssl\b|\bsertifikas\w* s[üu]resi\b/i,
      /\bcertificate (?:cn|common name)\b[^.\n]{0,30}\bmismatch\b|\bwrong hostname on (?:the )?certificate\b|\bcertificate for a different domain\b|\b(?:missing|expired) intermediate\b|\bintermediate (?:certificate )?(?:missing|expired)\b|\bzertifikatskette\b|\bzwischenzertifikat\b|\bcertificate chain\b[^.\n]{0,40}\b(?:expired|incomplete|missing)\b/i,
      /\bsha-?1[- ]signed certificate\b|\bcertificate\b[^.\n]{0,40}\bexpires in \d+ days\b|\bcertificate validity of \d+ years\b/i,
    ],
    notWhen: [
      /\bdnssec\b/i,
      /\b(?:certificate|cert) (?:validation|verification|pinning) (?:is )?(?:disabled|bypass\w*|not performed|skipped)\b/i,
      /\b(?:accepts?|trusts?|ignores?) (?:all |any |invalid |untrusted |self[- ]signed |expired )+(?:ssl |tls |server )?certificates?\b|\b(?:does ?n[o']t|doesnt|never|fails? to|not) (?:properly )?(?:validat|verif|check)\w* (?:the )?(?:ssl |tls |server )?certificates?\b/i,
    ],
    exceptions: [],
  },
  {
    id: "email-authentication",
    title: "SPF, DKIM or DMARC",
    policyText: "Issues with SPF, DKIM or DMARC.",
    vrt: "server_security_misconfiguration.mail_server_misconfiguration.missing_or_misconfigured_spf_and_or_dkim",
    cwe: ["CWE-290"],
    match: [/\b(?:spf|dkim|dmarc)\b/i, ...MAIL_SPOOFING_WORDINGS],
    notWhen: [],
    exceptions: [],
  },
  {
    id: "dns-configuration",
    title: "DNS configuration problems",
    policyText: "DNS configuration problems.",
    vrt: "server_security_misconfiguration.misconfigured_dns",
    match: [
      /\bwildcard\b[^.\n]{0,30}\b(?:dns|records?|subdomains?|subdomein|resolves)\b|\bdns-?beveiliging\b|\bnameservers?\b[^.\n]{0,30}\b(?:same \/\d{1,2}|redundan\w*)\b|\bptr\b[^.\n]{0,20}\bmismatch\b|\belk willekeurig subdomein\b/i,
      /\bdns[- ]?(?:configuration|configuratie|misconfiguration|settings?|records?|issues?|problems?|zone)\b/i,
      /\b(?:caa|dnssec|ptr) (?:records?|not|is|missing|ontbreekt)\b/i,
      /\b(?:missing|no|without|geen|enable|activate|turn on) (?:caa|dnssec|ptr)\b/i,
      /\b(?:zone transfer|axfr)\b/i,
      /\b(?:spf|dkim|dmarc|caa|mx|txt|ptr)[- ]?(?:records?|entry|entries)\b/i,
      /\b(?:missing|no|without|weak|misconfigured|misconfiguration in|lack of|lacks|lacking) (?:an? |the )?(?:spf|dkim|dmarc)\b|\benregistrement (?:dmarc|spf|dkim|caa|dns)\b/i,
      /\b(?:spf|dkim|dmarc) (?:policy|policies|configuration|misconfiguration|is missing|not (?:set|configured))\b/i,
      /\b(?:wildcard dns|open (?:dns )?resolver)\b/i,
      /\b(?:name ?servers?|dns servers?|resolvers?)\b[^.\n]{0,20}\b(?:allows?|permits?|supports?|answers?) recursi(?:on|ve)\b|\b(?:soa|dnskey|ds|ns) (?:records?|serials?)\b/i,
      /\b(?:spf|dmarc)\b[^.\n]{0,30}(?:~all|\+all|\bsoftfail\b|\bp=none\b|\bnot (?:at |set to )?(?:quarantine|reject)\b|\btoo permissive\b|\bnot enforced\b)|\bsender policy framework\b|\blame delegation\b|\bzone[- ]walk\w*|\bnsec3? (?:zone )?walk\w*/i,
      /\bregistro (?:dmarc|spf|dkim|caa)\b|\bpct=\d|\b(?:only one|single) (?:name ?server|dns server)\b|\bany queries\b/i,
      /\brecursive quer(?:y|ies)\b|\btransferencia de zona\b|\bopen recursor\b|\bonly one authoritative\b/i,
      /\b(?:spf|dkim|dmarc)\b/i,
      /\brrsig\b|\bdnssec validation\b|\breverse dns\b|\bcaa polic(?:y|ies)\b/i,
      /\bdns (?:cache snooping|recursion)\b|\brecursion (?:enabled|allowed) on (?:the )?(?:authoritative )?(?:name ?server|dns)\b|\bopen (?:dns )?resolver\b/i,
      /\bcaa\b[^.\n]{0,20}\b(?:eksik|fehlend\w*|ontbreekt|missing|absent|manquant)\b|\bfehlender caa-eintrag\b|\bdnssec (?:niet|nicht|no|not) (?:geactiveerd|aktiviert|activado|enabled|configured)\b|\black of dnssec\b/i,
      /\bzone ?(?:transfer|overdracht|ntransfer)\b[^.\n]{0,30}\b(?:erlaubt|toegestaan|permitida|autorisé|allowed)\b|\bzonentransfer\b|\bzoneoverdracht\b/i,
      /\bwildcard(?:[- ]dns)? (?:a |dns )?records?\b|\bwildcard-dns\b|\binternal ip\b[^.\n]{0,20}\b(?:public )?dns\b|\bdnssec validation fails\b/i,
      ...MAIL_SPOOFING_WORDINGS,
      /\bzone (?:xfer|transfer)\b|\b[ai]xfr\b|\bb[öo]lge transferi\b|\bversion\.bind\b|\bopen recursive resolver\b|\bsingle authoritative nameserver\b|\bwildcard (?:a-?record|dns|en dns)\b|\bregistro wildcard\b|\bany subdomain\b[^.\n]{0,30}\bresolves\b|\bdnssec niet ingeschakeld\b/i,
      /\bsend an? e-?mail as [\w.-]+@|\bdig txt\b[^.\n]{0,40}\bv=spf1\b|\bno v=spf1\b/i,
      /\b(?:no tiene|sin|fehlt|pas de) dnssec\b|\bdnssec\b[^.\n]{0,20}\b(?:missing|not enabled|fehlt|ontbreekt)\b|\bstale (?:a|aaaa|cname|dns) records?\b|\bwildcard (?:subdomain|dns) records?\b|\binternal (?:hostnames|ip addresses)\b[^.\n]{0,30}\bpublic dns\b|\bdangling cname\b[^.\n]{0,60}\btakeover not attempted\b/i,
    ],
    notWhen: [/\b(?:subdomain|sub-domain|domain) takeover\b/i, /\bdangling\b/i, /\bdns rebinding\b/i],
    exceptions: [],
  },
  {
    id: "host-header-injection",
    title: "Host header injection",
    policyText: "Host header injection.",
    cwe: ["CWE-644"],
    match: [
      /\bhost[- ]header[- ](?:injection|poisoning|attack|manipulation|spoofing|redirect|is reflected|reflected|injectie)\b/i,
      /\b(?:inject\w*|manipulat\w*|spoof\w*|arbitrary|modif\w*|poison\w*) (?:the )?host[- ]header\b/i,
      /\bx-forwarded-host\b/i,
      /\bhost[- ]injection\b|\bduplicate host headers?\b|\bx-host\b|\binjection d'en-tête host\b/i,
      /\b(?:built|generated|constructed|derived|taken) from (?:the )?(?:user[- ]supplied |client[- ]supplied |untrusted )?host header\b|\bhost[- ]header\b[^.\n]{0,30}\b(?:reflected|gereflecteerd|injektion)\b/i,
      /\binyecci[oó]n de (?:la )?cabecera host\b|\bhost header (?:is )?not (?:validated|checked|verified|sanitized)\b/i,
      /\bchang\w* (?:the )?host header\b|\bforwarded: ?host=/i,
      /\b(?:responds?|answers?) to any host\b|\bany host (?:header|value)\b|\bhost header\b[^.\n]{0,20}\bechoed\b/i,
      /\bgemanipuleerde host-?header\b/i,
      /\bhost (?:header\b|başlığı|başlık)[^.\n]{0,30}\b(?:wordt niet gevalideerd|wordt teruggegeven|teruggegeven|enjeksiyonu|gives? a 30[1-8]|(?:not |un)validated|unvalidated|cache poisoning|injection|trusted|reflected)\b|\binje[cç][ãa]o de cabe[cç]alho host\b/i,
      /\bhost: ?[\w.-]+\.(?:com|net|org|nl|io)\b[^.\n]{0,30}\b(?:gives?|returns?|redirects?|reflected|appears?)\b|\bunvalidated host header\b|\binjected host value\b|\bvirtual host routing accepts arbitrary host\b|\bx-original-host\b|\bchanging host in\b/i,
      /\bhost[- ]?header[- ]?injecti(?:on|e)\b|\bhostheader\b|\bhhi\b|\bwstrzykni[ęe]cie nag[łl][óo]wka host\b|\binyecci[oó]n en la cabecera host\b|\bfremder host-header\b/i,
      /\b(?:trusts?|uses?|accepts?)\b[^.\n]{0,20}\b(?:client-supplied |attacker'?s? |arbitrary )?host(?: header| value)?\b[^.\n]{0,30}\b(?:to build|for generating|to generate|urls?|links?)\b|\bhost: ?[\w.-]+\b[^.\n]{0,20}\b(?:gets? (?:reflected|redirected)|→ ?30[1-8]|30[1-8] to)\b/i,
      /\b(?:attacker|injected|arbitrary)(?:-supplied)? host\b[^.\n]{0,20}\b(?:in|into)\b|\bhost (?:value|header)\b[^.\n]{0,20}\b(?:reflected|injected|echoe?d?s?) (?:in|into)\b|\bvia (?:the )?host header\b|\bport part of host header\b|\bx-forwarded-host\b/i,
      /\b(?:port in|absolute-uri)\b[^.\n]{0,30}\bhost header\b|\bhost header\b[^.\n]{0,30}\breflected into\b|\b(?:link|links|urls?)\b[^.\n]{0,30}\bbuilt from (?:the )?request host\b/i,
    ],
    notWhen: [
      /\b(?:password[- ]reset|reset[- ](?:link|token|url|e-?mail|mail)|wachtwoord[- ]?(?:reset|herstel))/i,
      /\baccount (?:takeover|take-over)\b/i,
      /(?<!\b(?:potential|possible|possibly)(?: web)? )\b(?:web )?cache (?:poisoning|deception)\b(?![^.\n]{0,40}(?:\?|\bnot confirmed\b|\bunconfirmed\b))/i,
      /\b(?:ssrf|server[- ]side request forgery|token (?:leak\w*|theft|stolen))\b/i,
    ],
    exceptions: [],
  },
  {
    id: "outdated-software",
    title: "Outdated software without a working exploit",
    policyText: "Reporting outdated versions of any software without a proof of concept of a working exploit.",
    vrt: "using_components_with_known_vulnerabilities.outdated_software_version",
    cwe: ["CWE-1104"],
    match: [
      /\b(?!(?:tls|ssl|tlsv|sslv|http|ipv)\b)[a-z][\w.-]{1,20} v?\d+(?:\.\d+){1,3}\b[^.\n]{0,30}\b(?:unsupported|outdated|end[- ]of[- ]life|eol|niet meer ondersteund|(?:several|multiple|many|known)(?: [\w-]+)? cves)\b|\bniet meer ondersteund\b|\bmissing (?:the )?latest (?:cu|patch|update|security update)\b/i,
      /\b(?:outdated|out[- ]of[- ]date|obsolete|end[- ]of[- ]life|unsupported|unpatched|verouderde?|oude|niet meer ondersteunde?|veraltete?[nrs]?|desactualizad[oa])\b[^.\n]{0,40}\b(?:version|versie|software|library|libraries|component|plugin|plug-in|framework|cms|server|installation|instance|editor|theme|module|extension|jquery|php|wordpress|apache|nginx|openssl|bootstrap|angular\w*|magento|drupal|joomla|typo3|jenkins|tomcat)/i,
      /\bversion obsolète\b/i,
      /\b(?:version|versie|library|jquery|php|wordpress|apache|nginx|openssl|bootstrap|angular\w*|drupal|joomla|iis|tomcat)\b[^\n]{0,30}?\b(?:is |are )?(?:outdated|out[- ]of[- ]date|obsolete|end[- ]of[- ]life|verouderd|eol)\b/i,
      /\b(?:vulnerable|old|older|known[- ]vulnerable) (?:version|versie|library|component|jquery|release) (?:of|in use|is used|detected|van)\b/i,
      /\b(?:known vulnerabilit\w+|bekende kwetsbaarhe\w+) (?:in|of|van) (?:the )?(?:used |installed )?(?:version|library|component|software|jquery|php|plugin|framework|versie)/i,
      /\b(?:components|libraries) with known vulnerabilities\b/i,
      /^[^\n]{0,20}?\b(?:upgrade|update) (?:the |your )?(?:outdated |old )?(?:jquery(?:[- ]ui)?|wordpress|php|nginx|apache|openssl|bootstrap|drupal|joomla|tomcat|angular\w*|lodash)\b(?! (?:plugin|theme|docs|documentation|guide|page|section|example)s?\b)/i,
      /\bvulnerable (?:jquery|jquery-ui|jquery ui|lodash|bootstrap|angular|angularjs|moment|moment\.js|handlebars|wordpress|php|apache|nginx|openssl|drupal|joomla|tomcat)\b/i,
      /\bvulnerable (?:javascript |js |third-party |third party )?(?:library|libraries|component|components|dependency|dependencies|plugin|plugins|framework)\b/i,
      /\b(?:has|have|with|contains?|carries|carrying) (?:an? |multiple |several |many |publicly |public )?known (?:[\w-]+ ){0,2}(?:vulnerabilit(?:y|ies)|cves?)\b/i,
      /\bretire\.js\b/i,
      // "Previously known vulnerable libraries": a library and its version named with the CVE it carries.
      /\b(?:jquery(?:[- ]ui)?|lodash|bootstrap|angular\w*|moment(?:\.js)?|handlebars|log4j\w*|struts|spring(?:[- ]\w+)?|openssl|php|wordpress|apache|nginx|drupal|joomla|tomcat|jackson\w*|library|libraries|component|dependency|package|plugin|plug-in|framework)\b[^.\n]{0,30}?\bv?\d+\.\d+(?:\.\d+)?\b[^\n]{0,80}?\bCVE-\d{4}-\d{4,7}\b/i,
      /\bCVE-\d{4}-\d{4,7}\b[^\n]{0,80}?\b(?:in|affects|affecting|of) (?:the )?(?:used |installed |bundled )?(?:jquery(?:[- ]ui)?|lodash|bootstrap|angular\w*|moment(?:\.js)?|log4j\w*|struts|openssl|php|wordpress|apache|nginx|drupal|joomla|tomcat|library|component|dependency|package|plugin|framework)\b[^.\n]{0,30}?\bv?\d+\.\d+/i,
      /\b(?:old|older|outdated|vulnerable)\b[^\n]{0,25}?\b(?:library|libraries|component|plugin|framework|version) (?:detected|in use|is used|found|running|loaded)\b/i,
      /\bmet bekende kwetsbaarhe\w+\b|\b(?:reached|past|beyond) (?:its )?end[- ]of[- ](?:life|support)\b|^[^\n]{0,40}?\bno longer (?:supported|receiv\w* (?:security )?updates)\b/i,
      /\b(?:is|are) not up[- ]to[- ]date\b/i,
      /\b(?:jquery|lodash|bootstrap|angular(?:js)?|moment|handlebars|wordpress|php|openssl|nginx|apache|tomcat|drupal|joomla|magento) ?<=? ?v?\d+\.\d+|\blogiciel obsol[eè]te\b|\bv?\d+\.\d+(?:\.\d+)* (?:is )?still (?:used|in use|running|installed|deployed)\b|\b(?:plugin|theme|cms|software|library|component|wordpress|woocommerce) (?:is )?not (?:updated|up to date|patched)\b/i,
      /\beski sürüm\b|\bvers[ãa]o desatualizada\b|\b(?:not patched|security update missing)\b|\bis not supported anymore\b|\blog4j 2\.1[0-4]\b/i,
      /\b(?:three|two|several|multiple|\d+) (?:major |minor )?versions? behind\b|\b(?:joomla|drupal|wordpress|magento|typo3) [1-5](?:\.x|\.\d+)?(?: installation| in use| instance)\b|\bopenssl 1\.0\.\d\b/i,
      /\b(?:uso de|utilise une|versione obsoleta di|ancienne version de|old|veraltete)\b[^.\n]{0,20}\b(?:jquery|php|apache|openssl|wordpress|nginx|tomcat|drupal|joomla)\b|\b(?:jquery|php|apache|openssl)\b[^.\n]{0,10}\bobsoleto\b|\b(?:php|apache|nginx) non maintenue\b/i,
      /\b(?:wordpress|drupal|joomla|lodash|jquery|moment(?:\.js)?|struts|log4j)\b[^.\n]{0,20}\b\d+(?:\.\d+){1,2}\b[^.\n]{0,20}\b(?:in use|multiple public cves|public cves|known cves|cve)\b/i,
    ],
    // An outdated TLS version is a TLS configuration, which the policies name on their own.
    notWhen: [
      /\b(?:outdated|out[- ]of[- ]date|obsolete|deprecated|verouderde?|oude) (?:tls|ssl)\b(?![- ]?(?:librar|lib\b|implementation|package|module))/i,
    ],
    exceptions: ["working-poc"],
  },
  {
    id: "metadata-exposure",
    title: "Information exposure in metadata",
    policyText: "Information exposure in metadata.",
    vrt: "sensitive_data_exposure.exif_geolocation_data_not_stripped_from_uploaded_images",
    cwe: ["CWE-1230"],
    match: [
      /\b(?:exif|xmp)\b/i,
      /\b(?:metadata|meta-data|metagegevens)\b[^.\n]{0,40}\b(?:of|in|from|van) (?:the )?(?:uploaded |public |published |downloadable )?(?:images?|photos?|pictures?|documents?|pdfs?|files?|office|word|docx?|xlsx?|documenten|bestanden|afbeeldingen|foto's)\b/i,
      /\b(?:images?|photos?|pictures?|documents?|pdfs?|files?|docx?|xlsx?|documenten|bestanden|afbeeldingen|foto's)\b[^.\n]{0,40}\b(?:metadata|meta-data|metagegevens)\b/i,
      /\b(?:metadata|meta-data|metagegevens) (?:exposure|leak\w*|disclosure|reveals?|contains?|not stripped)\b/i,
      /\b(?:retain|contain|keep|include|expose|leak)\w* (?:the )?(?:gps|geo(?:location)?) (?:coordinates|data|tags|info\w*|locations?)\b|\b(?:excel|word|powerpoint) (?:export|files?|documents?)\b[^.\n]{0,40}\bmetadata\b/i,
      /\bexiftool\b|\bmetadaten\b|\bpdf properties\b|\bmetadata of\b[^.\n]{0,30}\b(?:pdfs?|documents?|images?|photos?|files?)\b|\b(?:office|word|excel|powerpoint) (?:docs?|documents?|files?)\b[^.\n]{0,30}\b(?:metadata|author)\b/i,
      /\bgps\b(?=[^.\n]{0,30}\b(?:photos?|images?|pictures?|foto'?s)\b)|(?<=\b(?:photos?|images?|pictures?|foto'?s)\b[^.\n]{0,30})\bgps\b/i,
      /\b(?:photos?|images?|pictures?)\b[^.\n]{0,30}\blocation data\b/i,
      /\bauthor (?:field|property|name)\b[^.\n]{0,20}\b\w+\.(?:pdf|docx?|xlsx?|pptx?)\b/i,
      /\b\w+\.(?:pdf|docx?|xlsx?|pptx?)\b[^.\n]{0,20}\bauthor\b/i,
      /\bfoca\b|\blocatiegegevens\b/i,
      /\b(?:pdfs?|documents?|excel sheets?|spreadsheets?|pptx|docx|xlsx|invoices?)\b[^.\n]{0,40}\b(?:properties|creator field|producer field|author name|template path)\b|\b(?:creator|producer|author) field\b[^.\n]{0,30}\b(?:pdfs?|documents?|internal|reveals?|shows?)\b/i,
      /\b(?:documenten|eigenschappen van het)\b[^.\n]{0,40}\b(?:naam van de maker|gebruikersnaam van de opsteller|auteur|maker)\b|\b(?:pdf|document)\b[^.\n]{0,30}\bunc path\b/i,
      /\bgps(?:position| latitude| longitude)?\b[^.\n]{0,30}\b(?:photos?|images?|jpe?gs?|attachments?)\b|\b(?:photos?|jpe?gs?|images?)\b[^.\n]{0,30}\b(?:gps|device model|gpsposition)\b|\blocation metadata\b|\bmetad(?:ata|atos)\b[^.\n]{0,30}\b(?:niet verwijderd|exponen|expose|leak|shows)\b/i,
      /\bpdf(?:-eigenschappen| properties|\/author| title)\b|\/(?:author|creator) (?:and \/creator )?fields?\b|\b(?:pdfs?|brochures?|powerpoint downloads|pptx?)\b[^.\n]{0,40}\b(?:author names?|edit history|template path|creator =)\b|\binkscape metadata\b/i,
      /\bdocumenteigenschappen\b|\bmetadatos internos\b|\bmetadata in\b[^.\n]{0,20}\b(?:pdfs?|docx?|documents|files|photos|images)\b|\b(?:svg|pdf|word|office|excel) files?\b[^.\n]{0,30}\b(?:contain|include|keep)\b[^.\n]{0,30}\b(?:export paths|internal (?:windows )?(?:file )?paths|author names?|user ?names?)\b/i,
    ],
    notWhen: [
      // A memory-safety flaw in code that reads metadata is that flaw, not metadata exposed.
      re(MEMORY_SAFETY_FLAW),
      /\b(?:instance|cloud|aws|gcp|azure|ec2) metadata\b/i,
      /\bmetadata (?:service|endpoint|api|server)\b/i,
      /\b(?:169\.254\.169\.254|imds|ssrf|server[- ]side request forgery)\b/i,
      /\b(?:xxe|xml external entit)/i,
    ],
    exceptions: [],
  },
  {
    id: "demo-environment",
    title: "Demo environments",
    policyText: "Demo environments.",
    aboutLocation: true,
    placeOfDemonstration: true,
    match: [
      /\bdemo[- ]?(?:environment|env|site|server|instance|omgeving|account|shop|app|application|installation|portal)s?\b/i,
      /\b(?:https?:\/\/)?demo\d*\.[a-z0-9-]+\.[a-z]{2,}/i,
      /\b(?:on|in|against) the demo\b/i,
    ],
    notWhen: [],
    exceptions: [],
  },
  {
    id: "username-enumeration",
    title: "Username enumeration on client-facing systems",
    policyText: "Enumeration of usernames on client-facing systems (using server responses to determine whether an account exists).",
    vrt: "server_security_misconfiguration.username_enumeration",
    cwe: ["CWE-204"],
    match: [
      /\bzie je of\b[^.\n]{0,30}\b(?:al )?een account heeft\b|\bverklapt of iemand\b|\b(?:laadtijd|loading time|response time)\b[^.\n]{0,40}\b(?:of|whether|if) een gebruikersnaam bestaat\b|\bgebruikersnaam[- ]?opsomming\b|\b(?:returns?|geeft)\b[^.\n]{0,20}\b(?:true|false)\b[^.\n]{0,20}\b(?:for|voor) (?:each|every|elk|ieder) e-?mail(?:adres)?\b|\b(?:returns?|shows?) a different page for existing (?:user ?names|users|accounts)\b|\bfigure out (?:staff |user )?e-?mail addresses from\b/i,
      /\b(?:user(?:name)?|account|e-?mail(?: address)?|customer|login|gebruikers(?:naam)?|account)[- ]?(?:enumeration|enumeratie|enumerating|harvesting)\b/i,
      /\benumerat\w* (?:of )?(?:valid |existing |registered |all )?(?:users?|usernames?|accounts?|e-?mails?|e-?mail addresses|customers?|gebruikers(?:namen)?)\b/i,
      /\b(?:determine|check|find out|tell|verify|confirm|detect|discover|learn)\b[^.\n]{0,20}\b(?:if|whether) (?:an? |the |a given |a specific |any )?(?:user|username|account|e-?mail(?: address)?|customer)\b[^.\n]{0,30}\b(?:exists|is registered|is valid|has an account)/i,
      /\b(?:nagaan|achterhalen|bepalen|meldt|toont|laat zien|zien) of (?:het |een |dit |de )?(?:account|gebruiker|e-?mailadres|klant)\b[^.\n]{0,30}\bbestaat\b/i,
      /\b(?:gebruikers(?:namen)?|accounts|e-?mailadressen|klanten)\b[^.\n]{0,20}\b(?:te achterhalen|achterhalen|opsommen|enumereren)\b/i,
      /\b(?:reveal|disclose|leak|expose|confirm)\w* (?:the )?(?:user|account|e-?mail)(?:'s)? existence\b/i,
      /\benumera(?:ção|cao|ción|cion) de (?:usu[áa]rios|e-?mails?|contas|cuentas|correos)\b|\bbenutzer(?:namen)?[- ]?(?:enumeration|aufzählung)\b|(?<![\w\u00C0-\u024F])énumération (?:des |d')?(?:utilisateurs|comptes|e-?mails)\b/i,
      /ユーザー列挙|用户枚举|用戶枚舉|(?:账号|账户|帐号|帐户|邮箱)枚举/,
      /\b(?:tells?|says|reveals?|shows?) (?:people |anyone |users |an attacker )?(?:if|whether|that) (?:they|an? (?:e-?mail|user|account)|the (?:e-?mail|user|account)) (?:is|are|was|were) already (?:signed up|registered|taken|in use)\b/i,
      /\b(?:user ?names?|users|accounts|e-?mails?|e-?mail addresses|customers) (?:(?:can|could|may) be |are |is )?(?:enumerated|enumerable)\b|\b(?:user|e-?mail|account)s? ?[&/] ?(?:e-?mail|mail|user(?:name)?|account)s? enumerat\w*|\buser enumuration\b/i,
      /\b(?:reveal|disclos|expos|confirm)\w* (?:the )?(?:valid|existing|registered) (?:user ?names|users|accounts|e-?mails|e-?mail addresses|logins)\b(?!'|’)/i,
      /\b(?:reveal|disclos|expos|confirm|indicat|tell|show|leak)\w*\b[^.\n]{0,25}\b(?:if|whether) (?:an? |the |a given )?(?:user ?name|user|e-?mail(?: address)?|account) (?:exists|is registered|is associated with an account)\b/i,
      /\b(?:reveal|disclos|leak|confirm|expos)\w*\b[^.\n]{0,20}\bexist[ae]nce of (?:an? |the )?(?:user ?names?|users?|e-?mails?|e-?mail addresses|accounts?)\b/i,
      /\b(?:log[- ]?in|sign[- ]?in|password reset|error) messages? (?:differs?|is different|are different|varies|vary)\b[^.\n]{0,40}\b(?:user ?name|user|e-?mail|account)\b/i,
      /\b(?:user ?names?|users?|e-?mails?|accounts?)(?:\/(?:user ?names?|e-?mails?))? (?:leak\w*|disclosure) (?:via|through|in|on) (?:the )?(?:sign[- ]?(?:in|up)|log[- ]?in|registration|password reset|reset password|forgot password)\b/i,
      /\b(?:reset password|password reset|forgot password|sign[- ]?(?:in|up)|log[- ]?in|registration)\b[^.\n]{0,20}\b(?:user ?name|e-?mail|account) (?:leak\w*|disclosure)\b/i,
      /\bcan be (?:verified|confirmed|checked|determined) (?:as|to be) (?:registered|existing|valid)\b/i,
      /\bauthor (?:enumeration|archives? (?:reveal|expose|disclose|leak)\w*)\b|\?author=\d|\bwp\/v2\/users\b|\buser ?enum\b|\bphone(?: number)? enumeration\b/i,
      /\b(?:reveal|disclos|expos|indicat|tell|show|leak)\w*\b[^.\n]{0,25}\b(?:if|whether) (?:an? |the )?(?:user ?name|user|e-?mail(?: address)?|account|phone number) (?:is )?already (?:in use|registered|taken|exists)\b/i,
      /\bonly for (?:existing|valid|registered|known) (?:accounts|users|user ?names|e-?mails|e-?mail addresses)\b|\b(?:response|message|error|page)s? (?:length |size |time |timing )?(?:differs?|is different|are different|varies|vary)\b[^.\n]{0,30}\b(?:known|valid|existing|registered) (?:user ?names|users|accounts|e-?mails)\b/i,
      /\b(?:check|verify|validate)[_-]?(?:user|username|e-?mail|account)[_-]?exists?\b|\b(?:can(?:no|')t|could(?:n't| not)) find an account with (?:that|this) (?:user ?name|e-?mail)\b/i,
      /\b(?:valid|existing|registered) (?:user ?names?|users|accounts|e-?mails?|e-?mail addresses) (?:can|could|may) be (?:determined|identified|discovered|found|guessed|enumerated|confirmed|obtained|listed)\b/i,
      /\bzien of (?:een |het )?(?:e-?mailadres|gebruiker|account)\b[^.\n]{0,30}\b(?:account heeft|bestaat|geregistreerd)|\benumeratie van\b/i,
      /\bvalid and invalid (?:user ?names|users|accounts|e-?mails|e-?mail addresses)\b|\bso (?:the )?(?:user|account|e-?mail) exists\b|\b(?:e-?mail|user|account|user ?name) existence (?:check|test|oracle)\b/i,
      /\b(?:check|see|tell|find out|verify)\w* (?:if|whether) (?:someone|somebody|a person|anyone) (?:is|has) (?:a |an )?(?:customer|user|member|account|client)\b|\bconfirms? (?:that )?(?:my |an? |the )?(?:e-?mail|user ?name|account)(?: address)? (?:is registered|exists)\b|\b(?:e-?mails?|user ?names?|accounts?) can be (?:validated|verified|confirmed|checked)\b/i,
      /\b(?:users?|e-?mails?|accounts?)\/exists\b|\bregistered e-?mail check\b|\bachterhalen of (?:iemand|een (?:persoon|gebruiker))\b|\bcwe-204\b|\bobservable (?:response )?discrepancy\b/i,
      /\b(?:user|account|e-?mail) (?:does not|doesn't) exist\b[^.\n]{0,20}\bvs\.?(?:\s|$)|\bcheck[-_]e-?mail\b|\bexists: ?true\b|\bexisting and non-?existing (?:e-?mails?|users?|accounts?|user ?names?)\b/i,
      /\bzien of (?:een |het )?(?:e-?mailadres|gebruiker|account)\b[^.\n]{0,30}\bklant\b|\breveals? (?:the )?author(?:'s)? user ?names?\b|\breveals? which (?:accounts|users|e-?mails|user ?names) (?:are|exist)\b|\buname enum\b/i,
      /\b(?:e-?mail|user ?name|account|phone number)\b[^.\n]{0,20}\balready (?:in use|registered|taken|exists)\b[^.\n]{0,30}\b(?:reveals?|tells?|shows?|leaks?|discloses?)\b|\b(?:e-?mail|user|account) existence (?:leak|disclosure|check)\w*|\btells? (?:you |me )?(?:whether|if) (?:you are|someone is|i am|a person is) (?:a )?(?:customer|user|member|registered)\b/i,
      /\bvalid (?:vs\.?|versus|and) invalid (?:user ?names|users|accounts|e-?mails)\b|\b(?:valid|existing|registered) (?:accounts|users|user ?names|e-?mails) (?:are )?discoverable\b/i,
      /\b(?:user|account|e-?mail|customer|user ?name) (?:does not|doesn't|not) (?:exist|found)\b["'’]?[^.\n]{0,30}(?:\bvs\.?(?:\s|$)|\bversus\b|\benumerat\w*|\b(?:incorrect|wrong|invalid) password\b)/i,
      /\b(?:reveal|disclos|expos|indicat|tell|show|leak|verraad|verraadt|verklapt)\w*\b[^.\n]{0,25}\b(?:if|whether|of) (?:an? |the |een |het |de )?(?:user ?name|user|e-?mail(?: ?address)?|e-?mailadres|account|gebruiker(?:snaam)?)\b[^.\n]{0,30}\b(?:is valid|is correct|bestaat|klant|exists|has an account|is registered)\b/i,
      /\b(?:password reset|reset password|forgot(?:ten)? password|log[- ]?in|sign[- ]?in)\b[^.\n]{0,40}\bno (?:account|user) (?:was )?(?:found|exists|registered) (?:with|for)\b/i,
      /\bmailbox(?:es)? enumerat\w*|\bvrfy\b[^.\n]{0,30}\benumerat\w*|\b(?:kullanıcı adı|kullanıcı) numaralandırma/i,
      /\bfind out (?:which|who|whether|if)\b[^.\n]{0,30}\b(?:ha(?:s|ve) an account|(?:is|are) (?:registered|customers?|members?))\b/i,
      /\bdifferent (?:http )?(?:status(?: codes?)?|responses?|error messages?|response times?)\b[^.\n]{0,40}\b(?:existing|valid|registered|non-?existent|unknown) (?:users?|accounts?|e-?mails?|user ?names?)\b/i,
      /\b(?:valid|existing|registered) phone numbers? (?:can|could|may) be (?:determined|identified|discovered|found|guessed|enumerated|confirmed)\b/i,
      /\b(?:account|user|e-?mail|phone number|username)s? existence disclosed\b|\b(?:reveals?|leaks?|discloses?|verraadt|verraden)\b[^.\n]{0,30}\b(?:who has an account|which phone numbers are registered|taken usernames|bestaande accounts|if (?:a )?(?:domain )?user exists|if a colleague'?s e-?mail has an account)\b/i,
      /\b(?:e-mail-adressen|e-?mail addresses)\b[^.\n]{0,30}\b(?:geprüft|checked|verified)\b[^.\n]{0,20}\b(?:registrierung|registration|sign[- ]?up)\b|\benumerat\w* registered phone numbers\b|\bgeldige\b[^.\n]{0,30}\bte raden\b|\bcheck(?:en)? of iemand een account heeft\b|\bonly (?:shown )?for (?:existing|valid) (?:users|addresses|accounts)\b|\bverraadt of e-?mailadres\b|\bverschil in foutmelding\b|\be-?mailadres enumeratie\b|\busername enum\b|\busernme enumeration\b/i,
      /\b(?:invalid password|wrong password)['"]? vs\.? ['"]?(?:user|account) not found\b|\b404 for unknown users and 200 for existing\b|\bshows? a green tick for existing usernames\b|\bonly leaks existence\b/i,
      /\benumerazione (?:degli |dei )?(?:utenti|account)\b|\bpermet de savoir si\b[^.\n]{0,30}\b(?:adresse|compte|utilisateur|e-?mail)\b[^.\n]{0,10}\bexiste\b|\bsays ['"]?no account found\b|\bthis e-?mail is already taken\b[^.\n]{0,30}\bcheck which\b/i,
      /\b(?:valid|real|existing) (?:customer numbers|employee ids|staff accounts|accounts)\b[^.\n]{0,30}\b(?:enumerable|can be listed|listable)\b|\b(?:can be listed|enumerable) via response length\b|\breveals? whether e-?mail already has a (?:local )?account\b/i,
    ],
    notWhen: [
      /\b(?:pii|personal data|(?<!valid )phone numbers?(?! (?:enumerat\w*|can be found))|home address\w*|dates? of birth|persoonsgegevens|full names? and)\b/i,
      /\bsql ?i\b|\bsql[- ]?injection\b|\b(?:boolean|time|error|union)[- ]based\b/i,
    ],
    exceptions: [],
    readableImpactOnly: true,
  },
  {
    id: "outdated-browser",
    title: "Bugs that rely on an outdated browser",
    policyText: "Any bug that relies on an outdated browser.",
    match: [
      /\b(?:outdated|old|older|legacy|unsupported|unpatched|verouderde?) (?:web ?)?browsers?\b/i,
      // The versions written out (not "[5-9]|1[01]") so that the words every match holds can be read from it.
      /\b(?:internet explorer|ie ?(?:5|6|7|8|9|10|11))\b/i,
      /\b(?:only|works) (?:works |in )?(?:in |on )?(?:old|older|legacy) (?:versions of )?(?:chrome|firefox|safari|edge|opera)\b/i,
      /\b(?:chrome|firefox|safari|edge|opera) (?:version )?(?:[1-6]?\d|7[0-5])(?:\.\d+)? or (?:older|earlier|lower|below)\b/i,
      /\b(?:ie|internet explorer)[- ]only\b|\bonly (?:works |reproducible |exploitable )?(?:in|on) (?:legacy |old )?(?:ie|edge|safari|opera|firefox|android)\b|\blegacy (?:ie|edge)\b|\bie compatibility mode\b|\bvbscript\b[^.\n]{0,30}\b(?:ie|internet explorer|legacy)\b/i,
      /\b(?:oude|alte|eski|viejos?|antigos?) (?:browsers?|navegadores)\b|\beski safari sürümü/i,
      /\b(?:safari|firefox|opera|chrome) (?:1|2|3|4|5|6|7|8|9|10|11|12|3\.6)\b[^.\n]{0,20}\b(?:on ios [1-9]\b|\(presto\)|only|for the payload)/i,
      /\bandroid (?:2|3|4)(?:\.\d)?(?:\.x)? webview\b|\bxss auditor abuse\b|\bcss expression\(\)/i,
      /\boutdated (?:mobile )?(?:safari|firefox|chrome|opera|edge|android browser)\b|\b(?:attack|works|only) (?:on|in) ie\b|\bon ie when\b/i,
      /\b(?:old|older|legacy|outdated|deprecated|veraltete[mn]?)\b[^.\n]{0,20}\b(?:android (?:stock browser|webview)|safari|chrome|firefox|edge|webview|ipads?)\b|\bandroid webview (?:<|before|below) ?\d|\b(?:chrome|firefox|safari) (?:<|before|below) ?\d|\bonly affects (?:firefox|safari|chrome) \d|\bneeds safari \d\b|\bie'?s lax\b|\bie document mode\b|\bedge legacy\b|\bedgehtml\b/i,
      /\b(?:in|with|only with|on) (?:old |older )?ie(?:'s)?\b[^.\n]{0,20}\b(?:mime sniffing|via|treating|versions?)\b|\bie treating\b|\bfirefox 3(?:\.\d)?\b|\bandroid 4(?:\.x)? (?:stock )?browser\b|\bverouderde (?:android-)?browser\b/i,
    ],
    notWhen: [
      // The flaw works in the browsers people use now, or the title says an old one is not needed.
      /\bnot (?:ie|internet explorer)[- ]only\b|\b(?:no|geen) (?:old|older|oude) browser (?:needed|required|nodig)\b|\b(?:not|niet) (?:needed|required|nodig)\b|\b(?:in|on) (?:all )?(?:modern|current|latest|up-to-date) (?:browsers?|chrome|firefox|safari|edge)\b|\b(?:current|latest) (?:chrome|firefox|safari|edge)\b|\b(?:chrome|firefox|safari|edge) latest\b|\bserver[- ]side\b|\b(?:in |on )?(?:every|all|any) (?:modern )?browsers?\b|\b(?:fires|works|executes|triggers) (?:also )?in (?:chrome|firefox|safari|edge)\b/i,
      // A page or flow the site keeps for old browsers is where the flaw is found, not what the attack needs.
      /\b(?:unsupported|old|outdated|legacy|oude|verouderde)[- ]browser(?:[- ]?(?:pagina|page|notice|warning|melding))\b|['"‘’](?:unsupported|outdated|old) browser['"‘’] (?:page|notice|screen)\b|\b(?:page|pagina|flow|fallback|versie|version) (?:for|voor) (?:old|oude|legacy|outdated|verouderde|unsupported) browsers\b/i,
      SERVER_SIDE_FLAW,
      PRECONDITION_SET_ASIDE,
    ],
    exceptions: [],
    aboutPrecondition: true,
  },
  {
    id: "csrf-unauthenticated",
    title: "Unauthenticated, login or logout CSRF",
    policyText: "Unauthenticated, logout or login CSRF.",
    vrt: "cross_site_request_forgery_csrf.action_specific.logout",
    cwe: ["CWE-352"],
    match: [
      /\b(?:forms?|formulier|request|zoekopdracht|sign-?up form|call me back)\w*\b[^.\n]{0,50}\b(?:from|via|vanaf|door) (?:a |een )?(?:different|other|another|andere|bad|evil|malicious|kwaadwillende) (?:web)?site\b|\b(?:andere|different|other|bad|evil) (?:web)?site\b[^.\n]{0,40}\b(?:namens|in (?:their|his|her) name|on behalf of)\b|\baccepts? requests from other sites\b|\banonymous (?:survey|poll|form) submission csrf\b/i,
      /\b(?:log[- ]?in|log[- ]?out|sign[- ]?in|sign[- ]?out|signin|signout|uitlog|inlog|unauthenticated|unauthorised|pre[- ]?auth\w*|contact[- ]form|newsletter)[- ]?(?:csrf|xsrf|cross[- ]site request forgery)\b/i,
      /\b(?:csrf|xsrf|cross[- ]site request forgery)\b[^.\n]{0,25}\b(?:on|in|at|for|via|op|bij) (?:the |an? |de |het )?(?:log[- ]?in|log[- ]?out|sign[- ]?in|sign[- ]?out|uitlog\w*|inlog\w*|unauthenticated|contact|newsletter|subscribe)\w*/i,
      /\b(?:sign-up|sign up|signup|registration) (?:csrf|xsrf|cross-site request forgery|cross site request forgery)\b/i,
      /\b(?:log[- ]?out|sign[- ]?out|uitlog)\w*\b[^.\n]{0,40}\b(?:csrf|xsrf|cross[- ]site request forgery|without (?:a )?(?:csrf )?token)\b/i,
      /\b(?:log[- ]?out|sign[- ]?out)\b[^.\n]{0,30}\b(?:does not|doesn't|do not|don't) require (?:a )?post\b/i,
      /\b(?:log[- ]?out|sign[- ]?out) (?:works |happens |is possible |is done )?(?:via|over|with|using|through|by) (?:a |an )?(?:simple |plain )?(?:http )?get(?: request)?\b/i,
      /\bget (?:request )?(?:to |on )?\/?(?:log[- ]?out|sign[- ]?out)\b|\bget\/(?:log[- ]?out|sign[- ]?out)\b/i,
      /\b(?:log[- ]?in|log[- ]?out|sign[- ]?(?:in|out|up)|signup|regist(?:er|ration)|contact[- ]form|newsletter|(?:un)?subscri\w*)\b(?: (?:page|form|endpoints?|requests?|action))? (?:is |are )?(?:vulnerable to|lacks?|without|missing|exempt from|has no|have no) (?:any )?(?:csrf|xsrf|cross[- ]site request forgery)\b/i,
      /\b(?:csrf|xsrf|cross[- ]site request forgery)\b(?: (?:protection|tokens?|checks?|vulnerability))? (?:of|for|on|in) (?:both )?(?:the )?(?:log(?:ging)?[- ]?(?:in|out)|sign(?:ing)?[- ]?(?:in|out|up)|regist(?:er|ration))\b/i,
      /\b(?:log[- ]?out|sign[- ]?out)\b(?: requests?| endpoint| action| route| url)? (?:should|must) (?:be|use|require) (?:a |an )?post\b/i,
      /\b(?:log[- ]?out|sign[- ]?out)\b (?:only )?(?:via|over|with|through|as) (?:a )?post\b/i,
      /\bmake (?:the )?(?:log[- ]?out|sign[- ]?out)\b[^.\n]{0,15}\bpost\b/i,
      /\b(?:log[- ]?out|sign[- ]?out)\b[^.\n]{0,30}\b(?:triggered|forced|performed|initiated) (?:from (?:an? |another )?)?cross[- ]site\b/i,
      // OAuth's state parameter is the login flow's CSRF token.
      /\b(?:missing|no|without|lack of|absent|unvalidated|unverified) (?:the )?(?:oauth ?2?(?:\.0)? )?state param(?:eter)?\b|\b(?:oauth ?2?(?:\.0)? )?state param(?:eter)? (?:is )?(?:missing|not (?:validated|checked|verified|used|bound))\b/i,
      /(?:注册|登录|登出)[^。\n]{0,10}csrf|csrf[^。\n]{0,10}(?:注册|登录|登出)/i,
      /\b(?:contact|feedback|demo request|quote request|newsletter|subscription|sign-?up|registration|enquiry|inquiry|nieuwsbrief\w*) forms?\b[^.\n]{0,30}\b(?:csrf|xsrf|cross[- ]site request forgery)\b|\b(?:csrf|xsrf)[- ]tokens? (?:op|on) (?:de |het |the )?\/?(?:nieuwsbrief\w*|sign-?up|signup|registration|register)\b/i,
      /\b(?:csrf|xsrf) sur la (?:d[ée]connexion|connexion)\b|\bsubmitted cross[- ]site\b|\b(?:no account needed|without (?:an? )?account)\b[^.\n]{0,40}\b(?:csrf|xsrf)\b|\bnewsletter\b[^.\n]{0,40}\bvia (?:csrf|xsrf)\b/i,
      /\b(?:no|missing|without|lack of) (?:an? )?(?:anti-?)?csrf[- ]?(?:token|protection)\b[^.\n]{0,30}\b(?:public|contact|feedback|newsletter|signup|sign-up|registration|login|logout|unsubscribe|callback)\b|\bcsrf sur (?:le|la) (?:formulaire (?:de |d')?)?(?:newsletter|contact|connexion|d[ée]connexion|inscription)/i,
      /\b(?:csrf|xsrf|cross[- ]site request forgery)\b[^.\n]{0,25}\b(?:on|in|at|for|via) (?:the |an? )?(?:unsubscribe|callback|public|feedback|"request a callback")\w*|\b(?:unsubscribe|callback request) (?:link|form|button)?\b[^.\n]{0,20}\b(?:vulnerable to )?(?:csrf|xsrf)\b|\b(?:log[- ]?out|sign[- ]?out) (?:link|url|button)\b[^.\n]{0,30}\b(?:from|on) (?:any )?(?:other|another|third[- ]party|external) (?:web)?sites?\b/i,
      /\b(?:csrf|xsrf|cross[- ]site request forgery)\b[^.\n]{0,30}\b(?:currency|locale|language|search|newsletter|opt-?out|forgot[- ]password|event registration)\b|\b(?:currency|locale|language|search|opt-?out)\b[^.\n]{0,30}\b(?:via|through|by) (?:csrf|xsrf)\b/i,
      /\b(?:log[- ]?in|sign[- ]?in|log[- ]?out|registration|sign[- ]?up|contact|newsletter|feedback|forgot[- ]password|search) (?:form|page|endpoint)s? (?:does not|doesn't|do not|don't) (?:have|use|include|contain) (?:an? |any )?(?:anti-?)?(?:csrf|xsrf)\b|\b(?:csrf|xsrf|cross[- ]site request forgery) \((?:log[- ]?out|log[- ]?in)\)|\b(?:triggered|submitted|performed|done) by any (?:third[- ]party |other |external )?(?:web)?sites?\b/i,
      /\bforce (?:log[- ]?out|sign[- ]?out)\b|\bsrc="?\/log[- ]?out/i,
      /\b(?:csrf|xsrf)\b[^.\n]{0,30}\b(?:tell[- ]a[- ]friend|subscri\w*|suscripci[oó]n|bolet[ií]n|formul[aá]rio de conta(?:c)?to|nieuwsbrief\w*|anonymous (?:poll|vot\w*|survey)|guest\b|poll voting|request a quote)|\b(?:csrf|xsrf) \(unauthenticated\)/i,
      /\b(?:nieuwsbrief|newsletter|subscription)[- ]?(?:aanmelding|sign[- ]?up|form)?\b[^.\n]{0,20}\b(?:zonder|without|no) (?:a )?(?:csrf|xsrf)[- ]?token\b|\bforced (?:log[- ]?out|sign[- ]?out)\b/i,
      /\b(?:csrf|xsrf)\b[^.\n]{0,10}\b(?:beim|bei der|sul|sulla|en el|en la|au|lors de la)\b[^.\n]{0,10}\b(?:logout|log-?out|login|abmeldung|anmeldung|disconnessione|cierre de sesi[oó]n|d[ée]connexion)\b|\bcsrf logout\b|\blogout csrf\b/i,
      /\bkein(?:en)? csrf[- ]schutz\b[^.\n]{0,30}\b(?:kontakt|newsletter|anmeld|login|registrier)\w*|\b(?:nieuwsbrief|contact|inschrijf)\w*\b[^.\n]{0,30}\bzonder csrf\b/i,
      /\b(?:contact|newsletter|brochure|sign[- ]?up|application|feedback|callback|forgot[- ]password|password[- ]reset request|reset request|quote|demo) (?:request )?(?:form|endpoint|api)\b[^.\n]{0,40}\b(?:is )?(?:csrf[- ]?able|no csrf protection|without csrf|lacks csrf)\b|\bcsrf (?:in|on) (?:the )?(?:brochure|job application|application|quote|demo|callback) (?:request )?form\b/i,
      /\b(?:\/api\/)?(?:contact|log[- ]?in|sign[- ]?in|newsletter|subscribe)\w*\b[^.\n]{0,30}\baccepts? cross[- ](?:site|origin) (?:post|requests?)\b|\blog[- ]?out\b[^.\n]{0,20}\btriggerable\b[^.\n]{0,30}\b(?:from any site|cross[- ]site|<img)/i,
    ],
    // Login CSRF that links the attacker's account to the victim's is a takeover, not the policy's login CSRF.
    notWhen: [
      /\b(?:oauth|social|google|facebook|apple|github) (?:account )?linking\b|\battach\w* (?:his|her|their|an?|the attacker'?s?) (?:own )?(?:\w+ )?account to\b|\blink\w* (?:the )?attacker'?s? (?:\w+ )?account\b/i,
      /\bchain\w* with (?:a |an )?(?:self[- ]?)?xss\b|\b(?:yields?|leads? to|results? in|achiev\w*) (?:script execution|xss|stored xss)\b/i,
    ],
    exceptions: [],
  },
  {
    id: "mitm-physical-access",
    title: "Attacks requiring MITM or physical access to a user's device",
    policyText: "Attacks requiring MITM or physical access to a user's device.",
    cwe: ["CWE-300"],
    match: [
      /\b(?:sends?|stuurt|verstuurt)\b[^.\n]{0,30}\b(?:password|wachtwoord|credentials)\b[^.\n]{0,20}\b(?:unencrypted|onversleuteld|in plain ?text)\b|\bzonder slotje\b|\bvia (?:gewone|onbeveiligde) http\b|\bvia http (?:worden |wordt )?aangeboden\b|\bgeen certificaat (?:controleert|controle)\b|\bafgeluisterd\b|\bachter iemand staat\b|\bborrows? (?:my|the|a|your) (?:laptop|phone|computer|device)\b|\bonreceivedsslerror\b|^\W*(?:\[[^\]\n]{1,60}\] )?physical access\b|\bkiosk escape\b|\bhttp-adres\b[^.\n]{0,40}\b(?:netwerk|network)\b/i,
      /\b(?:mitm|man[- ]in[- ]the[- ]middle|adversary[- ]in[- ]the[- ]middle|aitm)\b/i,
      /\bphysical (?:access|possession) (?:to|of) (?:the |a |an |victim'?s? |user'?s? )?(?:unlocked )?(?:device|phone|laptop|computer|machine|workstation|browser)\b/i,
      /\b(?:access to|has|have|with) (?:the |a )?(?:victim'?s?|user'?s?) (?:unlocked )?(?:device|phone|laptop|computer)\b/i,
      /\bfysieke toegang\b/i,
      /\b(?:with|requires?|requiring|needs?|needing|given|having|has|have|gains?|gaining|obtains?) (?:local |direct )?physical access\b|\bphysical access (?:attack|is required|required|needed|to (?:an? |the )?(?:logged[- ]in|unlocked|victim'?s?|user'?s?)|shows|reveals|gives|lets|allows)\b/i,
      /\bgeen (?:ssl[- ]|certificate[- ]|certificaat[- ])?pinning\b|(?<![\w\u00C0-\u024F])épinglage de certificat/i,
      /\b(?:missing|no|lack of|lacks|without|absent|bypass\w*|not implement\w*|does not implement|doesn't implement) (?:ssl |tls |certificate |cert |public[- ]key )?pinning\b|\b(?:ssl|tls|certificate|cert|public[- ]key) pinning (?:is )?(?:missing|not implemented|absent|disabled|bypass\w*|not enforced)\b/i,
      // Where a title or body begins: further in, downgrades and SSL stripping are what a missing HSTS header allows.
      /^(?![^\n]{0,80}\b(?:hsts|strict[- ]transport[- ]security)\b)[^\n]{0,60}?(?:\b(?:https?|ssl|tls|protocol) downgrade attacks?\b|\bdowngrade attacks? (?:to|from) (?:plain )?http\b|\bssl ?strip\w*\b)/i,
      /\b(?:same|shared|public) (?:wi-?fi|network) (?:as|with) (?:the )?victim\b/i,
      /\b(?:downloads?|binar(?:y|ies)|installers?|updates?|packages?|artifacts?|releases?|executables?|dependencies)\b[^.\n]{0,40}\b(?:served|downloaded|fetched|delivered|hosted|distributed|retrieved|pulled|offered) (?:over|via|through|using) (?:plain |plaintext |plain-text |unencrypted |insecure |unsecure |cleartext |clear-text )?http\b/i,
      /\b(?:serv(?:es|ing)|download(?:s|ing)?|fetch(?:es|ing)?|distribut(?:es|ing)|host(?:s|ing)|offer(?:s|ing)) (?:the |its |all |our )?(?:downloads?|binar(?:y|ies)|installers?|updates?|packages?|artifacts?|releases?|executables?|dependencies)\b[^.\n]{0,30}\b(?:over|via|through|using) (?:plain |unencrypted |insecure |unsecure |cleartext |clear-text )?http\b/i,
      /\b(?:insecure|unencrypted|plain[- ]http) downloads?\b/i,
      /\bplain(?:[- ]?text)? (?:ftp|telnet)\b/i,
      /\b(?:requests?|api calls?|traffic|connections?|passwords?|credentials|api[- ]?keys?|tokens?)\b[^.\n]{0,30}\b(?:sent|made|transmitted|passed|go|goes|travel\w*) (?:over|via|through) (?:plain |unencrypted |insecure |unsecure |cleartext )?http\b/i,
      /\b(?:passwords?|credentials|api[- ]?keys?|tokens?)\b (?:are |is )?(?:being |beeing )?(?:sent|transmitted) (?:unencrypted|without encryption)\b/i,
      // Only where a title or body begins (triage reads each on its own): further into a body these are often one
      // remark of a report whose finding is another (a missing cookie flag, an admin page open to anyone), while a
      // report that leads with them is about them. The same holds for the certificate checks below.
      /^[^\n]{0,60}?\b(?:passwords?|credentials|api[- ]?keys?|tokens?|secrets?|pins?|sensitive (?:data|information))\b[^.\n]{0,30}\b(?:sent|transmitted|transferred|passed)\b[^.\n]{0,25}(?:\bin (?:the )?clear\b|\b(?:in|as) (?:plain ?text|clear ?text)\b)|^[^\n]{0,60}?\btransmission of\b[^.\n]{0,30}(?:\bin (?:the )?clear\b|\b(?:in|as) (?:plain ?text|clear ?text)\b)/i,
      /\b(?:serv|download|fetch|load|retriev)\w* (?:the |its |all |external |remote )?(?:[\w-]+ )?(?:resources?|files?|assets?|scripts?|javascript|images?|fonts?|stylesheets?)\b[^.\n]{0,30}\b(?:over|using) (?:an? )?(?:plain |plaintext |plain-text |unencrypted |insecure |unsecure |cleartext |clear-text )?http\b(?!s|:)/i,
      /\b(?:website|site|api|app|application|updates?|updater|downloads?|installers?|log[- ]?in|sign[- ]?in)\b[^.\n]{0,25}\b(?:does not|doesn't|do not|don't|is not|isn't|no) (?:use |using |support |enforce |served over )?https\b/i,
      /\b(?:updates?|auto-?updates?|update[- ]?check(?:er|s)?|updater|log[- ]?in|sign[- ]?in)\b[^.\n]{0,30}\b(?:over|via|uses?|using) (?:plain |unencrypted |insecure |unsecure |cleartext )?http\b(?!s|:)/i,
      /^[^\n]{0,60}?\b(?:certificate|cert|ssl|tls|hostname|host ?name)s? (?:validation|verification|verifying|checks?|checking)\b[^.\n]{0,25}\b(?:disabled|skipped|turned off|missing|not (?:being )?(?:performed|done|enabled|enforced))\b/i,
      /^[^\n]{0,60}?(?:\b(?:certificates?|hostnames?|host names?) (?:are|is) not (?:being )?(?:validated|verified|checked)\b|\b(?:does not|doesn't|do not|don't|never|fails? to|skips?) (?:properly |correctly )?(?:validat|verif|check)\w* (?:the )?(?:server'?s? |remote |peer |ssl |tls |x\.?509 )?(?:certificates?|certs?|hostnames?|host ?names?)\b)/i,
      /^[^\n]{0,60}?(?:\b(?:rejectunauthorized:? ?false|insecureskipverify:? ?true|trustallcerts|node_tls_reject_unauthorized)\b|\baccepts? (?:all|any) (?:ssl |tls |server )?certificates?\b)/i,
      /\b(?:ignores?|ignoring|suppress\w*) (?:ssl |tls |certificate |cert )(?:validation |verification )?errors?\b|\btrusts? (?:user[- ]installed|user[- ]added|all) (?:ca )?certificates?\b|\baccepteert (?:elk|ieder|alle) certifica\w*/i,
      /\b(?:passwords?|credentials|log[- ]?ins?|basic auth\w*)\b[^.\n]{0,30}\b(?:submitted|sent|transmitted|posted) (?:over|via|through) (?:an? )?(?:unencrypted|insecure|plain(?:[- ]?text)?|cleartext|non-tls|non-https) (?:connection|channel|http)\b|\bbasic auth(?:entication)? (?:over|via) (?:plain )?http\b(?!s)|\b(?:inloggegevens|wachtwoorden?)\b[^.\n]{0,30}\b(?:via|over) http\b(?!s)/i,
      /\b(?:someone|somebody|anyone|any person|a person|an attacker) with (?:access to )?(?:my |the |your |their |a |an )?(?:unlocked )?(?:phone|device|laptop|computer|pc|tablet)\b|\baccess to (?:the |an? |my |your )?unlocked (?:phone|device|laptop|computer)\b/i,
      /\bkeine zertifikatspr[üu]fung\b|\bfalta de (?:certificate |ssl )?pinning\b|\b(?:ssl|tls|certificate|cert|public[- ]key) pinning\b/i,
      /\bintercept\w* (?:the )?(?:app|api|mobile|network) traffic\b|\b(?:transmitted|sent|submitted|posted) without (?:tls|ssl|https|encryption)\b|\bnot served over https\b|\bunencrypted (?:http )?(?:form )?submission\b|\bhttp form submission\b/i,
      /\bintercept\w* (?:the )?(?:app |api |mobile |network )?traffic\b|\baccepts? (?:user[- ]installed|user[- ]added) (?:ca )?certificates?\b|\bonderschep\w*|\bonversleutelde verbinding\b/i,
      /\barp (?:spoofing|poisoning)\b|\bpublic wi-?fi\b|\bon (?:the )?victim'?s? (?:device|phone)\b|\b(?:with|via) adb\b|\bshared (?:computer|device|pc)\b/i,
      /\brogue (?:access point|ap|wi-?fi)\b|\bevil twin\b|\bunlocked (?:phone|device|laptop|computer)\b|\bphysical access:|\b(?:root|jailbreak) detection\b/i,
      /\bcleartext submission of (?:password|credentials)\b|\bcredenciales enviadas en texto (?:plano|claro)\b|\b(?:zugangsdaten|passw[öo]rter|kennwort)\b[^.\n]{0,30}\bunverschl[üu]sselt\b|\b(?:wachtwoord|inloggegevens|wachtwoorden)\b[^.\n]{0,20}\bonversleuteld\b/i,
      /\bmixed content\b[^.\n]{0,30}\b(?:scripts?|javascript|iframes?|forms?) (?:loaded |served |included )?(?:over|via) http\b/i,
      /\b(?:trusts?|accepts?) any (?:ssl |tls |server )?cert(?:ificate)?s?\b|\btrustmanager\b[^.\n]{0,30}\b(?:accepts?|trusts?) all\b|\buses ?cleartext ?traffic\b|\bcleartext traffic\b[^.\n]{0,20}\b(?:allowed|enabled|permitted)\b/i,
      /\bshoulder[- ]surf\w*|\b(?:rooted|jailbroken) (?:device|phone)s?\b[^.\n]{0,30}\b(?:reads?|access\w*|extract\w*|steal\w*)\b|\btask switcher (?:snapshot|screenshot)\b/i,
      /\b(?:unencrypted|plain[- ]http) log[- ]?in (?:form|page)\b|\blog[- ]?in (?:form|page) (?:on|over|via) (?:plain )?http:\/\/|\b(?:op|via) (?:het |een )?(?:openbare |publieke )?wifi(?:-netwerk)?\b[^.\n]{0,40}\b(?:inloggegevens|wachtwoord|meekijken|zien)\b/i,
      /\b(?:pop3|imap|ftp|telnet|smtp|ldap)\b[^.\n]{0,30}\b(?:without (?:tls|ssl|starttls|encryption)|zonder tls|in (?:clear ?text|klartext)|cleartext|unencrypted|onversleuteld)\b|\b(?:cleartext|klartext)\b[^.\n]{0,30}\b(?:pop3|imap|ftp|telnet|passwords?|passw[öo]rter)\b|\bzugangsdaten im klartext\b/i,
      /\b(?:allowbackup=true|adb backup allowed|nsallowsarbitraryloads|disables? ats)\b|\bunencrypted ws(?::\/\/)?\b|\bgeen certificaatvalidatie\b|\bsertifika do[ğg]rulamas[ıi] yapm[ıi]yor\b|\bim gleichen wlan\b|\b(?:downloads?|fetches|t[ée]l[ée]charge|descarga)\b[^.\n]{0,40}\b(?:over|via|en|por) http\b(?!s)|\bover http:\/\/|\bvia usb\b|\busb[- ](?:kabel|cable|boot)\b|\bunlocked (?:laptop|tablet)s?\b|\bonvergrendelde\b|\bscreen lock not enforced\b|\bphysical access to\b/i,
      /\b(?:acceso f[ií]sico|physischem? zugriff|acc[eè]s physique|accesso fisico)\b|\b(?:ataque de intermediario|attacco man in the middle|attaque de l'homme du milieu)\b|\bverify=false\b/i,
      /\b(?:non verifica|no valida|ne v[ée]rifie pas|pr[üu]ft nicht|validiert nicht)\b[^.\n]{0,20}\b(?:il |el |le |das )?(?:certificat[oe]?|zertifikat)\b|\b(?:l[äa]dt|downloads?|pulls?)\b[^.\n]{0,40}\b(?:unverschl[üu]sselt [üu]ber http|from http:\/\/)/i,
      /\b(?:updates?|update check|updater)\b[^.\n]{0,40}\bhttp:\/\/[^\s]{1,60}\b[^.\n]{0,20}\bwithout (?:a )?signature\b|\bfalls? back to (?:cleartext|plain(?:text)?) http\b|\battacker (?:must be |in )(?:in (?:bluetooth |radio )?proximity|in the network path)|\brequires? an attacker in the network path\b/i,
      /\b(?:usb debugging|adb access)\b[^.\n]{0,40}\b(?:enabled|holding|physical)\b|\b- physical access\b|\bautofills? (?:the )?previous user'?s? credentials\b/i,
    ],
    notWhen: [
      // A cookie sent over plain HTTP for want of its Secure flag is the cookie-flags finding, not an attack the policy places with MITM.,
      /\b(?:missing|without|no|lacks?|lacking|absent) (?:the )?secure (?:flag|attribute)\b|\bsecure (?:flag|attribute) (?:is )?(?:missing|not set|absent)\b/i,
      /\b(?:no|without|zonder|geen) (?:need for (?:a )?|nodig (?:voor )?)?(?:mitm|man[- ]in[- ]the[- ]middle|(?:cert(?:ificate)? )?pinning bypass)\b/i,
      // Reading one's own traffic through a proxy is how a tester works, not a man in the middle an attack needs.
      /\b(?:my|his|her|their|our|mijn|zijn|haar|eigen) (?:own |eigen )?(?:app |api |network |netwerk)?(?:traffic|verkeer)\b|\bin own traffic\b/i,
      SERVER_SIDE_FLAW,
      PRECONDITION_SET_ASIDE,
    ],
    exceptions: [],
    aboutPrecondition: true,
  },
  {
    id: "csv-injection",
    title: "CSV injection without a demonstrated vulnerability",
    policyText: "Comma Separated Values (CSV) injection without demonstrating a vulnerability.",
    vrt: "external_behavior.csv_injection",
    cwe: ["CWE-1236"],
    match: [
      /\b(?:excel|spreadsheet|csv)\b[^.\n]{0,40}\b(?:formul\w*|rekent|uitrekent|does weird things|waarschuwing)\b|\bformula sanitisation\b|\bparsed as formula\b|\bals formule\b|\bruns formulas\b|\bexcel\b[^.\n]{0,20}\b(?:rekent|uitrekent)\b/i,
      /\b(?:csv|formula|excel|spreadsheet|dde)[- ]?(?:(?:formula|formular|function|macro|command)[- ])?(?:injection|injectie)\b/i,
      /\b(?:escap|neutrali[sz]|sanitiz|sanitis)\w* (?:the )?(?:spreadsheet |excel )?formula(?:s|e)\b[^.\n]{0,30}\b(?:csv|excel|spreadsheet|export\w*)\b/i,
      /\bcomma[- ]separated values? (?:\(csv\) )?injection\b/i,
      /\bformule[- ]?injectie\b|\binjection de formules?\b|\bdde (?:payloads?|attacks?|formulas?)\b/i,
      /\binject\w* (?:a |an )?(?:excel |spreadsheet )?formula\w*\b/i,
      /\binyecci[oó]n de f[oó]rmulas\b|\binjection (?:csv|de formules?)\b|\ballows? formulas\b|\bnot (?:sanitized|sanitised|escaped) in (?:the )?(?:csv|excel|xlsx) export\b/i,
      /\binje[çc][ãa]o de (?:csv|f[óo]rmulas?)\b|=hyperlink\b|\bleading (?:equals|=) ?(?:signs?)?\b|\bequals sign\b[^.\n]{0,30}\b(?:csv|export|excel|spreadsheet)\b/i,
      /\bcsv[- ]injektion\b|\binyecci[oó]n csv\b|\bunescaped\b[^.\n]{0,20}[=+@][^.\n]{0,30}\b(?:csv|excel|export)\b/i,
      /\bimportxml\b/i,
      /\bimproper neutralization of formula elements\b|\bcwe-1236\b|\bcsv (?:export|enjeksiyonu)\b[^.\n]{0,30}\b(?:does not sanitize|not sanitized|dışa aktarma)\b|\bcsv enjeksiyonu\b|\bcel begint met =|\bnot prefixed with (?:a )?single quote\b/i,
      /\b(?:csv|export)\b[^.\n]{0,20}\bdoes(?:n't| not) escape\b[^.\n]{0,30}(?:=|\bformula|\bcells)|\bdoes(?:n't| not) escape leading ['"]?=|\b(?:=cmd|dde-style) payload\b[^.\n]{0,40}\b(?:csv|export\w*)\b|\blands unescaped in\b[^.\n]{0,30}\bcsv\b|\bcsv injection ['"]?rce['"]?/i,
    ],
    notWhen: [],
    exceptions: ["demonstrated-exploit"],
  },
  {
    id: "server-configuration",
    title: "Server configuration issues (open ports, TLS versions, missing best practices)",
    policyText: "Server configuration issues (open ports, TLS versions, missing best practices in SSL/TLS configuration).",
    cwe: ["CWE-16"],
    match: [
      /\bhttp (?:trace|track) (?:enabled|allowed)\b|\b(?:trace|track)[' ]*(?:verzoeken|requests?|method) (?:accepteert|accepted|enabled)\b|\bmanagement (?:ui|console|interface)\b[^.\n]{0,20}\b(?:exposed|reachable|open)\b|\bhttp not redirected to https\b|\bwelcome to nginx\b|\bkale ip-adres\b|\bmappenoverzicht\b|\b(?:api|port|poort) \d{2,5} (?:publicly |is )?(?:reachable|open|exposed)\b|\bbeheerpagina\b[^.\n]{0,40}\bvan buitenaf\b/i,
      /\bopen (?:(?:tcp|udp|db|database|debug|debugging|management|admin) )?(?:ports?|poorten|poort)\b|\b(?:openstaande|offene) (?:poorten|poort|ports?)\b|\bports? (?:\w+ )?ouverts?\b/i,
      /\bpermitrootlogin\b|\b(?:root ssh|ssh root) login\b/i,
      /\bports? \d{2,5}(?:\/(?:tcp|udp))?(?:(?:, ?|,? and )\d{2,5}){0,10} (?:is |are |staat |staan )?(?:open|exposed|reachable|accessible|publicly)/i,
      /\b(?:server|webserver|web server|apache|nginx|iis) (?:configuration|config|misconfiguration|hardening|configuratie)\b/i,
      /\b(?:missing|not following|lack of) (?:security |hardening )?best practices?\b/i,
      /\b(?:tls|ssl) ?(?:v?1\.[01])\b/i,
      /\b(?:tls|ssl) versions?\b/i,
      /\b(?:ssh|ftp|telnet|rdp|smtp|snmp|mysql|postgres\w*|mssql|redis|mongodb|memcached|elasticsearch) (?:service |server |port )?(?:is |are )?(?:exposed|open|reachable|accessible|running) (?:to|on|from) the internet\b/i,
      /\bverbose (?:server )?(?:error|banner)s?\b/i,
      /\b(?:ssh|ftp|sftp|telnet|rdp|smtp|snmp|mysql|postgres|postgresql|mssql|redis|mongodb|memcached|elasticsearch) (?:service|server|port|daemon)s? (?:is |are )?(?:open|exposed|enabled|running|reachable|publicly (?:accessible|reachable|available))\b/i,
      /\bexposed (?:tcp |udp |network )?ports?\b/i,
      /\bdefault (?:apache|nginx|iis|tomcat|web ?server|server) (?:page|welcome page|test page|installation page|index page|splash page)\b/i,
      /\b(?:apache|nginx|iis|tomcat|lighttpd|caddy) (?:default|welcome|test|splash) (?:splash |welcome )?page\b|\bdefault (?:splash|welcome|test) page\b|\bstandaard (?:apache|nginx|iis|tomcat)[- ]?pagina\b/i,
      /\bit works!? page\b|"it works!?"|\bwebdav (?:is )?enabled\b|\bpuertos? (?:\w+ )?abiertos?\b/i,
      /\b(?:open|exposed) (?:ftp|sftp|ssh|telnet|rdp|smtp|snmp|mysql|postgres|postgresql|mssql|redis|mongodb|database|db) ports?\b|\bpoorten open\b|\bpoort\b[^.\n]{0,20}\bstaat open\b|\bunnecessary (?:services|ports)\b|\bicmp timestamp\b/i,
      /\bports? \d{2,5} (?:\(?[a-z0-9]+\)? )?(?:is |are )?(?:open|exposed|reachable|accessible)\b|\b(?:pop3|imap|smtp|ftp|ssh|telnet|rdp)\b[^.\n]{0,20}\bports? (?:are |is )?open\b|\bport \d{2,5}\b[^.\n]{0,10}\b(?:is )?(?:reachable|exposed|open)\b|\borigin (?:server|ip)\b[^.\n]{0,30}\b(?:reachable|exposed|accessible|bypass\w*)/i,
      /\bssh (?:allows|permits|accepts) password auth\w*|\bpasswordauthentication yes\b|\bonnodige (?:diensten|services|poorten)\b|\b(?:visible|indexed|found) (?:in|on|via) shodan\b/i,
      /\b(?:admin(?:istrative|istration)?|management|beheer)[- ]?(?:interface|login)\b[^.\n]{0,30}\b(?:publicly|public|exposed|reachable|accessible|bereikbaar|internet)\b/i,
      /\byönetim paneli\b[^.\n]{0,20}herkese açık|\bexponierte administrationsoberfl[äa]che\b/i,
      /\b(?:phpmyadmin|adminer|jenkins|grafana|kibana|kubernetes dashboard|tomcat manager|webmin|portainer)\b[^.\n]{0,20}\blog[- ]?in\b[^.\n]{0,20}\b(?:exposed|publicly|reachable|accessible|bereikbaar|open to the internet)\b|\bwebmin\b[^.\n]{0,40}\bpubliek bereikbaar\b/i,
      /\b(?:exposed|publicly reachable|public) (?:phpmyadmin|adminer|jenkins|grafana|kibana|tomcat manager|webmin)\b|\b(?:phpmyadmin|jenkins|grafana|kibana|tomcat manager|webmin) (?:login )?(?:panel|page|login) (?:exposed|reachable|accessible)\b/i,
      /\banonymous ftp\b|\bunnecessary (?:service|port)s? (?:running|open|enabled)\b|\b(?:puerto|porta|poort|port) (?:rdp|ssh|3389|22|23|telnet)\b[^.\n]{0,20}\b(?:expuesto|exposto|open|open voor|exposed|bereikbaar)\b|\bsnmp\b[^.\n]{0,40}\b(?:internet|public|exposed|accessible)\b/i,
      /\b(?:ssh|sshd)\b[^.\n]{0,20}\ballows? password auth\w*|\bpassword authentication (?:is )?(?:enabled|allowed) (?:on|for) ssh\b|\b(?:web ?server|httpd|nginx|apache|process|service) (?:process )?(?:is )?running as root\b/i,
      /\b(?:wp-admin|admin(?:istrator)? login|log[- ]?in page)\b[^.\n]{0,30}\bnot restricted by ip\b|\bno ip (?:whitelist|allowlist|restriction)\b/i,
      /\b(?:redis|memcached|mongodb|elasticsearch|postgres(?:ql)?|mysql)\b[^.\n]{0,20}\blistening on 0\.0\.0\.0\b|\bno security\.txt\b|\bsecurity\.txt (?:is )?(?:missing|not (?:published|present|found))\b/i,
      /\b(?:answers|responds|available|reachable) (?:also )?on plain http without (?:a )?redirect\w*\b|\bdoes not redirect (?:http )?to https\b|\bno (?:http[- ]to[- ]https|https) redirect\b/i,
      /\b(?:mysql|smb|vnc|rdp|telnet|elasticsearch|mongodb|redis|ftp|ssh)\b[^.\n]{0,25}\b(?:poort|port|:)? ?\d{2,5}\b[^.\n]{0,30}\b(?:open|exposed|publiek bereikbaar|bereikbaar|reachable|naar buiten)\b|\bopen naar buiten\b|\bgereksiz a[çc][ıi]k portlar\b|\btelnet enabled\b|\b22\/tcp open\b/i,
      /\b(?:cpanel|whm|synology dsm|dsm|exchange (?:server )?ecp|ecp|jenkins|nas|webmin|plesk)\b[^.\n]{0,30}\blog[- ]?in\b[^.\n]{0,20}\b(?:exposed|reachable|accessible|publicly|bereikbaar)|\bexposed (?:cpanel|plesk|webmin|dsm)\b|\b(?:exchange (?:server )?ecp|verwaltungsoberfl[äa]che)\b[^.\n]{0,30}\b(?:bereikbaar|erreichbar|reachable|exposed)\b|\bpainel do jenkins exposto\b|\bdefault ['"]?it works!?['"]? page\b|\bhttp trace method enabled\b/i,
      /\b(?:exposed|open) (?:ftp|sftp|ssh|telnet|rdp|snmp|smb) service\b|\bsnmp (?:\(161\/udp\) )?answering\b|\btrace[- ]methode? (?:staat aan|ist aktiviert|enabled|aktiviert)\b|\bhttp[- ]methode trace\b/i,
      /\b(?:porta|puerto|port d'administration|admin(?:istration)? port)\b[^.\n]{0,30}\b(?:esposta|accesible|expos[ée]|exposed)\b[^.\n]{0,20}\b(?:internet|publicly)\b|\bmisconfigured web ?server\b/i,
      /\b(?:ssh|bastion)\b[^.\n]{0,40}\bpassword auth\w* (?:allowed|enabled|accepted)\b|\bport 80\b[^.\n]{0,40}\b(?:instead of redirecting|without (?:any )?redirect)\b|\bwithout any redirect to https\b/i,
      /\b(?:manager\/html|tomcat manager|weblogic (?:admin )?console|admin console)\b[^.\n]{0,40}\b(?:reachable|exposed|publicly|from outside)\b|\bstandaard iis-welkomstpagina\b|\baccepts http\/0\.9\b/i,
    ],
    notWhen: [
      /\b(?:on|in|into|of|across) (?:the |an? )?(?:internal|intranet) (?:network|hosts?|services?)\b|\bssrf\b|\bserver[- ]side request forgery\b/i,
      /\b(?:without|no|zonder) (?:any )?(?:authentication|auth|password|wachtwoord)\b/i,
      /\b(?:unauthenticated|anonymous) (?:access|login|read|write)\b/i,
      /\bdefault (?:credentials|password)\b/i,
    ],
    exceptions: [],
  },
  {
    id: "denial-of-service",
    title: "Denial of service",
    policyText: "Any activity that could lead to a disruption of the service (DoS).",
    vrt: "application_level_denial_of_service_dos",
    cwe: ["CWE-400"],
    match: [
      /\b(?:hangt|hangen) (?:minuten|lang|urenlang)\b|\bcrasht\b|\b(?:gaat|ging) plat\b|\bplatgaat\b|\bloopt vast\b|\btraag (?:wordt )?voor iedereen\b|\bstop(?:s)? responding\b|\bexhausts?\b[^.\n]{0,30}\bmemory\b|\bstream flood\b|\bdegrades? (?:the )?service\b|\bfreezes for everyone\b/i,
      /\b(?:denial[- ]of[- ]service|ddos|dos-aanval|dienstweigering|redos)\b/i,
      // Spanish and Portuguese "dos" (two; of the) and MS-DOS are not a denial of service.
      /\bdos\b(?<!\b(?:ms-|los |las |de |en |y |e |com |para |por |um |uno |entre |cada |ou |os )dos)(?! (?:cosas|veces|usuarios|usuários|dados|datos|clientes|códigos|años|anos|días|dias|meses|horas|minutos|pasos|passos|formas|maneras|partes|campos|archivos|arquivos|sistemas|servicios|serviços|de|del|la|las|los|que|y|e|ou|mil|en|em|no|na|nos|nas|con|com|más|mais)\b| ?(?:语句|命令))/i,
      /\b(?:crash\w*|take\w* down|took down|knock\w* (?:out|offline)|overload\w*|exhaust\w*|disrupt\w*) (?:the |your |whole |entire )?(?:server|service|site|website|application|app|api|backend|database|platform|dienst)\b/i,
      /\b(?:resource|memory|cpu|disk|stack) exhaustion\b/i,
      /\b(?:slowloris|(?:zip|gzip|xml|decompression|compression)[- ]bombs?|billion laughs?|hash collision|(?:exponential|recursive|unbounded) entity expansion|uncontrolled (?:resource|memory) consumption|allocation of resources without limits|(?:dns|udp|ntp|reflection) amplification|amplification attacks?)\b/i,
      /\bdeeply[- ]nested\b[^.\n]{0,60}\b(?:crash\w*|overflow\w*|stack|hang\w*|segfault\w*|bus error)|\b(?:crash\w*|overflow\w*|hang\w*|segfault\w*|bus error)\b[^.\n]{0,40}\bdeeply[- ]nested\b|\brecurs\w* without (?:a |any )?(?:depth )?limit\b|\bno (?:recursion|depth) limit\b/i,
      /\bexhaust\w* (?:all |the )*(?:available )?(?:file descriptors|memory|connections|connection pool|threads|sockets|disk space)\b/i,
      /\bno (?:upper )?(?:limit|bound|cap|maximum) (?:on|for) (?:the )?(?:upload|request body|request|body|payload|file|header)s? (?:size|length)\b|\bregex\w*\b[^.\n]{0,40}\b(?:extremely|very|super|catastrophically) slow\b/i,
      /\b(?:infinite|endless|unbounded|never[- ]ending|uncontrolled|unlimited|excessive) (?:[a-z]+ )?(?:loop|recursion)\b/i,
      /\bstack ?overflow ?(?:error|exception)\b|\bstack[- ]?overflows?\b[^.\n]{0,40}\b(?:nest\w*|recurs\w*|deep\w*)|\b(?:nest\w*|recurs\w*|deep\w*)\b[^.\n]{0,40}\bstack[- ]?overflows?\b/i,
      /\bunbounded (?:request body|body|upload|disk (?:use|usage)|memory (?:use|usage|allocation|growth)|allocation)\b|\bhangs? (?:on|when|with|while)\b[^.\n]{0,30}\b(?:malformed|crafted|malicious)\b/i,
      /\b(?:quadratic|exponential|super-?linear|catastrophic)[- ](?:time|complexity|backtracking|blow-?up|growth|runtime)\b/i,
      /\b100 ?% (?:of (?:the |a )?)?cpu\b|\b(?:hangs?|hung|freezes?|stuck|loops?|spins?) (?:forever|indefinitely|infinitely|endlessly)\b|\bpermanent(?:ly)? hang/i,
      /\b(?:server|service|daemon|broker)s? (?:crash(?:es|ed|ing)?|hangs?|dies|goes down)\b/i,
      /\b(?:kills?|brings? down|knocks? over) (?:the )?(?:whole |entire )?(?:server|service|daemon|broker|node|cluster)\b|\bbring\w* (?:the )?(?:[\w.-]+ )?(?:server|service|site|app|application|node|cluster)s? down\b/i,
      /\bpanic(?:s|ked)?\b/i,
      // Only where a title or body begins: further in, bodies quote fuzzers' and sanitizers' output, where the words sit
      // beside memory written.
      /^[^\n]{0,60}?\b(?:oom|out[- ]of[- ]memory)\b/i,
      /\b(?:overbelast\w*|plat (?:leggen|gelegd)|loopt vast)\b|(?<![\w\u00C0-\u024F])d[ée]ni de service\b|\bpixel flood\b/i,
      /\bunbounded (?:pagination|page size|limit|query|result size)\b|\bslows? down (?:the )?(?:api|server|site|service|application|database)\b/i,
      /\bdenegaci[oó]n de servicio\b|\bserver wordt traag\b|\b(?:site|website|server|service|app|application) (?:can be |could be |was )?(?:taken|brought|knocked) (?:down|offline)\b|\bexhausts? (?:the )?(?:server'?s? )?(?:cpu|memory|ram|disk)\b/i,
      /\b(?:becomes?|became|goes|went) (?:unresponsive|down|offline)\b|\block(?:s|ing)? out (?:any|all|other) (?:users?|accounts?)\b/i,
      /\bcookie bomb\w*|\btakes? (?:the )?(?:app|site|server|service|website|application) down\b|\brapid reset\b|\bcrash(?:es|ed)? (?:the )?(?:\w+ )?(?:endpoint|server|service|api)\b/i,
      /\bdienstverweigerung\b|\bservidor se cae\b|\b(?:cpu|memory) (?:spike|exhaustion|to 100 ?%)\b|\bpushes (?:the )?cpu to 100\b|\b(?:oversized|huge|large|long) (?:request )?(?:header|password|json|payload)s?\b[^.\n]{0,30}\b(?:crash\w*|cpu|hang\w*|slow\w*)\b/i,
      /\baccount lockout (?:abuse|can be abused)\b|\block(?:ing)? out any user\b|\bslows? the (?:whole )?site down\b/i,
      /\bonly (?:a |causes? a |leads? to a |results? in a )?(?:crash|segfault|dos)\b|\b(?:goes|went|runs?|ran) (?:oom|out of memory)\b|\babsturz (?:des|der) (?:servers?|dienstes|anwendung|webservers?|backends?|applikation)\b|\b(?:server|dienst|anwendung) st[üu]rzt ab\b/i,
      /\b(?:cache|connection|websocket|syn|udp|http|request) flood(?:ing|s)?\b|\bfill (?:up )?(?:the )?(?:storage|disk|bucket)\b|\bvolle schijf\b|\bonbeperkte bestandsgrootte\b|\bcpu (?:at|to) 100 ?%|\bpins? (?:the )?cpu\b/i,
      /\bno (?:query )?(?:depth|complexity)(?:\/(?:depth|complexity))? limit\b|\bbillion-laughs\b|\bno upper bound on (?:the )?(?:page size|limit|results?|pagination)\b|\bheavy (?:db|database) load\b|\bhangs? until (?:a )?restart\b|\bmakes? (?:the )?(?:\w+ )?(?:worker|server|service|process|backend|app) (?:hang|freeze|crash)\b/i,
    ],
    inBody: [MEMORY_SAFETY_CRASH],
    notWhen: [
      /\bexploitable (?:heap|stack|buffer) (?:overflow|corruption)\b|\bnot (?:only|just) (?:a )?(?:dos|denial of service|crash)\b/i,
      MEMORY_SAFETY_BEYOND_A_CRASH,
    ],
    exceptions: [],
  },
  {
    id: "content-spoofing",
    title: "Content spoofing and text injection without an attack vector",
    policyText: "Content spoofing and text injection without showing an attack vector or without being able to modify HTML/CSS.",
    vrt: "server_side_injection.content_spoofing.text_injection",
    cwe: ["CWE-451"],
    match: [
      /\b(?:shows?|displays?|toont|laat zien)\b[^.\n]{0,20}\b(?:whatever|any|elke|iedere|willekeurige) (?:text|tekst)\b|\b(?:eigen|willekeurige) tekst (?:plaatsen|tonen|zetten)\b|\bwhatever you (?:type|put|write)\b|\bcan (?:be made to )?(?:say|show|display) anything\b|\bcan write anything\b|\bnepmelding\b|\bcan be anything (?:they|you|he|she) (?:like|want)\b/i,
      /\bcontent[- ]?(?:spoofing|injection)\b/i,
      /\btext[- ]?(?:injection|injecting|injektion|spoofing)\b|\bwillekeurige tekst\b/i,
      /\b(?:arbitrary|custom|attacker-controlled|attacker controlled|attacker-supplied|attacker supplied|misleading|fake|spoofed) (?:text|content|message|messages)\b (?:can be |is |gets |may be )?(?:reflected|displayed|shown|rendered|injected|on|in)\b/i,
      /\b(?:textinjection|tekstinjectie|tekst[- ]injectie)\b/i,
      /\b(?:arbitrary|custom|attacker[- ]controlled) text (?:is |gets )?(?:reflected|displayed|shown|rendered|injected)\b/i,
      re(`\\breflected (?:text|content|message)\\b${GAP}\\b(?:page|pagina|message|response)\\b`),
      ERROR_PAGE_SHOWS_INPUT,
      /\bhtml[- ]?(?:injection|injectie)\b/i,
      /\bfoutpagina\b[^.\n]{0,40}\btekst\b/i,
      /\bsuplantaci[oó]n de contenido\b|\binjection de texte\b|\b(?:plain )?text (?:is )?reflected (?:on|in)\b|\breflected plain text\b|\bfake text\b|\bspoofing message\b|\berror page spoofing\b|\bmisleading text\b/i,
      /\bfake (?:"[^"\n]{0,60}"|'[^'\n]{0,60}') (?:text|message)|\bspoof(?:ing|ed) text\b|\bfoutmelding\b[^.\n]{0,30}\btoont\b/i,
      /\btexteinschleusung\b|\binyecci[oó]n de texto\b|\btext reflection\b|\breflected content\b/i,
      ...ERROR_PAGE_TEXT_WORDINGS,
      ...ERROR_STATUS_REFLECTS_INPUT,
      /\bchange the text on\b|\biniezione di testo\b|\bspoofing of (?:the )?(?:page )?content\b|\busurpation de contenu\b/i,
      /\binhaltsf[äa]lschung\b|\binje[cç][ãa]o de (?:texto|conte[uú]do)\b|\b(?:site|page|website) (?:shows|displays|toont) my (?:own )?text\b|\bop (?:jullie|uw|de) (?:pagina|site|website) (?:laten )?(?:staan|zetten|tonen)\b/i,
      /\b(?:fake|spoofed|misleading) (?:announcement |warning |error |status )?(?:text|messages?|notices?) (?:via|through|in|using) (?:the )?(?:query string|url|link|[\w-]+ param(?:eter)?)\b/i,
      /\b(?:content spoof|inhoud vervalsen|nepbericht|metin enjeksiyonu|spoofed notice|contnet spoofng|content spoofng)\b|\bmake the site say\b|\b(?:url|query) param(?:eter)?\b[^.\n]{0,30}\b(?:shown|displayed) as (?:plain )?text\b|\b\?[\w]+=[^\n]{0,40}\bshows on\b/i,
      /\bonly (?:the )?text can be (?:spoofed|changed|injected|controlled)\b|\bhtml is (?:encoded|escaped)\b[^.\n]{0,40}\btext\b|\b(?:[\w-]+ )?param(?:eter)? spoofing\b|\binjected text (?:in|on|into)\b|\btext is reflected\b/i,
      /\b(?:misleading|phishing|fake|spoofed|arbitrary) (?:phishing |confirmation |warning |status )?text (?:from|via|through|in) (?:the |an? )?['"]?[\w-]+['"]? param(?:eter)?\b|\bspoofed (?:confirmation|warning|error|status|notice|heading|success) (?:text|message)\b/i,
      /\bchange the (?:[\w-]+ )?text\b[^.\n]{0,30}\bto (?:any|arbitrary|whatever)\b|\btakes its text from\b|\bshows? (?:[\w-]+ )?text from the (?:url|query string|link|request)\b/i,
      /\b(?:caption|heading|banner|title|label|toast|greeting|notice|notification)s?\b[^.\n]{0,30}\b(?:reflects|displays|shows|echoes|takes)\b[^.\n]{0,30}\b(?:param(?:eter)?|\?[\w-]+=)|\btext (?:is )?(?:controllable|attacker[- ]controlled|user[- ]controlled|injectable) (?:via|through|from|with|in)\b/i,
      /\bfake (?:"[^"\n]{0,40}" |'[^'\n]{0,40}' )?(?:notice|banner|announcement|warning)s? (?:via|through|in|from)\b/i,
    ],
    notWhen: [
      /\b(?:xss|cross[- ]site[- ]scripting|<script|javascript:|onerror=|alert\()/i,
      /\binject\w{0,3} (?:script|javascript)\b/i,
      /\bjavascript execution\b|\bexecut\w* (?:of )?(?:arbitrary )?javascript\b|\bescalat\w* to (?:xss|javascript|script)/i,
    ],
    exceptions: ["attack-vector"],
  },
  {
    id: "rate-limit-csrf-403",
    title: "CSRF protection read as rate limiting (403 responses)",
    policyText: "Rate limiting behaviour triggered by CSRF protection and reported solely on 403 responses.",
    match: [
      /\b403\b[^\n]{0,100}\b(?:rate[- ]?limit\w*|throttl\w*|too many)\b/i,
      /\b(?:rate[- ]?limit\w*|throttl\w*|too many requests)\b[^\n]{0,100}\b403\b/i,
      /\b(?:csrf|xsrf)[- ]?(?:token|protection|check)\b[^\n]{0,80}\b(?:rate[- ]?limit\w*|throttl\w*)/i,
    ],
    // The policy excludes a 403 misread as rate limiting, not a 403 that is got round: a bypass that then reaches
    // data, a page or an action is a finding. Saying "can be bypassed" without showing what it reaches is not.
    notWhen: [
      /\b(?:403|forbidden)\b[^\n]{0,80}\b(?:bypass\w*|circumvent\w*|got around|get around)\b[^\n]{0,120}\b(?:200(?: ok)?|access(?:ed|ing)?|retriev\w*|read|download\w*|expos\w*|leak\w*|dump\w*|returns? (?:the |all |a )?(?:\w+ )?(?:data|panel|page|records|details|content|file|response body))\b/i,
      /\b(?:bypass\w*|circumvent\w*|got around|get around)\b[^\n]{0,80}\b(?:403|forbidden)\b[^\n]{0,120}\b(?:200(?: ok)?|access(?:ed|ing)?|retriev\w*|read|download\w*|expos\w*|leak\w*|dump\w*|returns? (?:the |all |a )?(?:\w+ )?(?:data|panel|page|records|details|content|file|response body))\b/i,
    ],
    exceptions: [],
  },
];

const catalogById = new Map(catalog.map((entry) => [entry.id, entry]));
const exceptionById = new Map(exceptionCatalog.map((exception) => [exception.id, exception]));

export function catalogIds(): string[] {
  return catalog.map((entry) => entry.id);
}

export function exceptionIds(): ExceptionId[] {
  return exceptionCatalog.map((exception) => exception.id);
}

export function catalogEntry(id: string): CatalogEntry | undefined {
  return catalogById.get(id);
}

export function exceptionDefinition(id: string): ExceptionDefinition | undefined {
  return exceptionById.get(id as ExceptionId);
}

/** The VRT display name and CWE ids of a catalog entry, for the tracking issue. */
export function taxonomyOf(entry: CatalogEntry): { vrt?: string; vrtName?: string; cwe: readonly string[] } {
  if (entry.vrt === undefined) return { cwe: entry.cwe ?? [] };
  const vrt: { name: string; cwe?: readonly string[] } = vrtEntries[entry.vrt];
  return { vrt: entry.vrt, vrtName: vrt.name, cwe: entry.cwe ?? vrt.cwe ?? [] };
}
