import { lazyModel, predict, type Prediction } from "./model.js";
import { excerpt, reportText } from "./report.js";

/**
 * Is this public issue (or comment) a vulnerability report that should not be public? A pure, explainable score:
 * each signal is a small rule with a weight and a name, every rule that fires becomes a reason quoting the text it
 * matched, and the weights add up to a confidence between 0 and 1.
 *
 * What separates a report from a security-themed discussion is rarely the vocabulary ("XSS", "CSRF" appear in both)
 * but what surrounds it: a concrete payload or target, an attacker who can do something now, a first-person finding
 * on a real system. Questions, proposals, hardening requests and already-public CVEs in a dependency count against:
 * a CVE that is already published about a dependency has nothing left to contain, while a report that the project's
 * own fix for a CVE can be bypassed is a new finding. Evidence combines: an impact statement backed by a payload, a
 * request, numbered steps or a first-hand finding earns a corroboration bonus, and the kind of personal data exposed
 * counts only next to an impact or a missing login, never alone.
 * Patterns are the project's own (not configuration), written without nested quantifiers, and read at most
 * `MAX_MATCHED_TEXT` characters, so matching stays linear in practice.
 *
 * The rules were written from reports as researchers write them and miss findings described in other words (an
 * advisory's "allows remote attackers to ...", a stack trace). A linear model trained on public disclosures,
 * security discussions and plain issues (data/README.md) adds its judgement as one more weighted reason, naming the
 * words that carried it. In favour it corroborates: it speaks when a rule has found some sign of a vulnerability (or
 * alone when very sure). Against it speaks only when the rules decide narrowly and it is very sure, because on short
 * issues in the project's own sets its milder doubts were wrong more often than the rules.
 */

export interface ClassifyInput {
  title: string;
  body: string;
  /** GitHub's `author_association` of whoever wrote the text. */
  authorAssociation?: string;
}

export interface ClassifyPolicy {
  /** Confidence from which the text counts as a vulnerability report. */
  threshold: number;
  /** Whether text written by the repository's own people (owner, members, collaborators) is classified too. */
  includeMaintainers: boolean;
}

export interface ClassifyReason {
  rule: string;
  /** What the rule means, in a sentence a maintainer can check against the text. */
  explanation: string;
  /** The text that made it fire, one line, shortened. */
  matched: string;
  weight: number;
}

export interface Classification {
  vulnerabilityReport: boolean;
  confidence: number;
  reasons: ClassifyReason[];
}

export const defaultClassifyPolicy: ClassifyPolicy = { threshold: 0.6, includeMaintainers: false };

export const MAINTAINER_ASSOCIATIONS: readonly string[] = ["OWNER", "MEMBER", "COLLABORATOR"];

interface Signal {
  rule: string;
  explanation: string;
  weight: number;
  /** Where the rule looks: the title only, or title and body. */
  in: "title" | "body" | "all";
  patterns: RegExp[];
  /** Fires only when one of these rules fired before it: evidence that means something only next to another. */
  requires?: readonly string[];
  /** Does not fire on text one of these rules already quoted, so one phrase is not counted twice. */
  distinctFrom?: readonly string[];
}

/**
 * A pattern written as named alternatives, one a line, so that each can be read and reviewed on its own. Joined with
 * `|` they are exactly the single pattern they replace: matching, and the text a match quotes, are unchanged.
 */
function oneOf(flags: string, ...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join("|"), flags);
}

/** A store, dump or listing that is publicly readable, or private data that is exposed. */
const EXPOSED_STORE_OR_DATA = oneOf(
  "i",
  String.raw`\b(?:bucket|storage|database|elasticsearch|index|backups?|dump|directory listing)\b[^.\n]{0,80}\b(?:publicly|world)[ -](?:listable|readable|accessible|writable|open)\b`,
  String.raw`\bsensitive data (?:exposure|in (?:a |an )?public|exposed|leak)`,
  String.raw`\b(?:private|confidential|internal|personal) (?:data|repositories|files|documents|messages|information) (?:are |is )?(?:visible|exposed|accessible|readable|leaked)\b`,
);

/** A reset, invite or login link that never expires or can be replayed; an admin or debug page that is reachable. */
const REUSABLE_LINK_OR_REACHABLE_ADMIN_PAGE = oneOf(
  "i",
  String.raw`\b(?:reset|magic|invite|invitation|one-time|login|verification) (?:link|token|code)s? (?:never expires?|can be (?:reused|replayed)|(?:does|do) not expire|(?:is|are) reusable)\b`,
  String.raw`\b(?:reset|verification|magic|invite|invitation|login) (?:links?|tokens?|codes?|e-?mails?)\b[^.\n]{0,30}\b(?:(?:are|is) not expiring|can be (?:re)?used (?:again|more than once|multiple times))`,
  String.raw`\b(?:magic|log ?in|login|reset|invite|invitation|verification|one-time|access|session|auth) ?(?:links?|tokens?)\b[^.\n]{0,30}\b(?:(?:are|is) re-?us(?:e)?able|can be re-?used|(?:is |are )?not (?:expiring|expired|invalidated|blacklisted|revoked) after|(?:aren't|are not|isn't|is not) invalidated|(?:has|have) no expir(?:y|ation)|never expires?)`,
  String.raw`\b(?:log ?out|logging out|sign ?out|signing out)\b[^.\n]{0,40}\b(?:does ?n.t|does not|never|isn.t|is not|not|without) (?:really |actually |properly )?(?:invalidat|revok|destroy|expir|clear|delet|kill)\w*|\bdeleted (?:users?|accounts?) (?:still )?(?:can|could|are able to|is able to|may) (?:still )?(?:log|sign)[ -]?in\b`,
  String.raw`\btokens? never expires?\b|\bsessions? (?:remains?|stays?|is still|are still) (?:valid|active|usable)\b[^.\n]{0,50}\b(?:after|even if|even after|when)\b|\b(?:sessions?|tokens?) (?:are |is )?not (?:invalidated|revoked|destroyed|cleared) (?:when|after|on)\b`,
  String.raw`\b(?:tokens?|sessions?|jwts?|cookies?)\b[^.\n]{0,30}\b(?:is |are )?(?:still )?valid\w*\b[^.\n]{0,20}\beven (?:after|when|if|though)\b[^.\n]{0,25}\b(?:log(?:ged|ging)? ?out|logout|sign(?:ed|ing)? ?out|expire[sd]?)`,
  String.raw`\blog ?out\b[^.\n]{0,20}\bdoes(?:n.t| not) (?:really |actually )?do anything\b|\bdoes(?:n.t| not) (?:log ?out|invalidate|revoke|terminate|end) (?:the )?(?:other|all|existing|active|old) (?:sessions?|devices?|tokens?)`,
  String.raw`\b(?:reset|verification|magic|invite|invitation|login)s? (?:(?:password|and|or|e-?mail|\w+s) ){0,2}(?:links?|tokens?|codes?)\b[^.\n]{0,30}\b(?:(?:is|are) not (?:expired|expiring)|should(?:n.t| not) be re-?us(?:e)?able)|验证码[^。\n]{0,10}(?<!不)(?:可以|能|可)重复使用`,
  String.raw`\binstall(?:ation|er)?(?:\.php)?(?: (?:page|script|wizard|directory|folder))?\b[^.\n]{0,30}\b(?:still )?(?:accessible|reachable|available|can be (?:accessed|run|re-?run|opened))\b[^.\n]{0,30}\bafter (?:the )?install\w*|\binstall\.php\b[^.\n]{0,60}\bafter (?:the )?install\w*`,
  String.raw`\b(?:admin|management|internal|debug) (?:panel|page|interface|console|dashboard)\b(?:(?!\bnot\b|n't\b)[^.\n]){0,40}\b(?:reachable|accessible|available|exposed)\b`,
  String.raw`\b(?:admin|administration|management) (?:panel|page|site|area|section|backend|dashboard|console|interface)s?\b[^.\n]{0,60}\b(?:(?:for|to) (?:every ?(?:one|body)|anyone|all (?:users|visitors)|every users?)|non[- ]?(?:logged|authenticated|admin))`,
);

/** A check that only asks whether you are logged in, or runs only in the browser. */
const CLIENT_SIDE_ONLY_CHECK = oneOf(
  "i",
  String.raw`\bonly checks? (?:that|whether|if) (?:you(?:'re| are)|the user is|you have) (?:logged in|signed in|a member|authenticated|an account)\b`,
  String.raw`\bonly (?:checked|checks|validated|enforced) (?:in the (?:browser|frontend|client|ui)|client[ -]side)\b`,
  String.raw`\bcontroleert (?:alleen|enkel) in de (?:browser|app|frontend)\b`,
);

/** Dutch: breaking in, bypassing login, rights or payment, taking over an account or session. */
const DUTCH_BREAK_IN_OR_BYPASS = oneOf(
  "i",
  String.raw`\b(?:inbreken|ingebroken|inbreekt)\b`,
  String.raw`\b(?:inloggen|inlog|authenticatie|beveiliging|beheerrechten|rechten|tweestapsverificatie|2fa|betaling)(?: te)? omzeilen\b`,
  String.raw`\bomzeil\w{0,3} (?:de |het )?(?:inlog|authenticatie|beveiliging|beheer|rechten|tweestaps|2fa|betaling)`,
  String.raw`\b(?:account|sessie|accounts|sessies|profiel)(?: van [\w ]{1,40})? overnemen\b`,
);

/** A cross-site scripting payload. */
const XSS_PAYLOAD = oneOf(
  "i",
  String.raw`<script>\s?(?:alert|prompt|confirm|fetch|eval|document|new image)`,
  String.raw`\bon(?:error|load|mouseover|focus)\s?=\s?["']?(?:alert|prompt|confirm|fetch|eval|document\.|javascript:)`,
  String.raw`\bjavascript:(?:alert|confirm|prompt|fetch|document)`,
  String.raw`\balert\(\s?(?:1|document\.(?:cookie|domain)|origin)\s?\)`,
  String.raw`<svg\b[^>\n]{0,80}\bon\w+=`,
  String.raw`<img src=x`,
);

/** Who an attacker is: an attacker, adversary, user, visitor or account, of some kind. */
const ATTACKER = String.raw`(?:(?:an? |the |any )(?:remote |malicious |unauthenticated |authenticated |anonymous |logged[ -]in |normal |regular |ordinary |non-admin |low[ -]privileged? )?|remote |malicious |unauthenticated |anonymous |low[ -]privileged? )(?:attacker|adversary|user|visitor|account)s?`;
/** What an attacker does to others. */
const ATTACKER_ACTION = [
  String.raw`read|access|download|view|see|steal|exfiltrate|take over|take (?:the |a )?(?:service|site|server|it) down`,
  String.raw`hijack|impersonate|execute|run|modify|change|delete|overwrite|bypass|escalate|obtain|retrieve|list|enumerate`,
  String.raw`inject|forge|reset|log in|login|sign in|redirect|write|upload|send|get|gain|create|push|spend|use`,
  String.raw`cause|crash|trigger|guess|perform|conduct|spoof|exhaust|determine`,
].join("|");
/** An attacker (of some kind) who can do something to others. */
const ATTACKER_CAN = oneOf(
  "i",
  String.raw`\b${ATTACKER} (?:who [^.\n]{0,40})?(?:can|could|is able to|are able to|may|might|keeps?) (?:${ATTACKER_ACTION})\b`,
);

/** Anyone, a stranger, a low-privileged account or a malicious page. */
const ANYONE = [
  String.raw`anyone|anybody|someone|somebody|a stranger|strangers|any (?:logged[ -]in |authenticated )?user|everyone`,
  String.raw`(?:a |any )?(?:guest|viewer|read-only|low[ -]privileged?) (?:account|user)s?`,
  String.raw`someone on the (?:same )?(?:network|network path|wi-?fi)|iedereen`,
  String.raw`a (?:malicious|evil|attacker'?s?) (?:page|site|website|link|file|user)|(?:team )?admins of any \w+`,
].join("|");
/** What they should not be able to do. */
const ANYONE_ACTION = [
  String.raw`read|access|download|view|see|steal|take over|hijack|impersonate|execute|run|modify|change|delete|overwrite`,
  String.raw`bypass|obtain|reset|log in|sign in|push|send|create|post|deface|use|call|query|serve|register|forge`,
  String.raw`make (?:itself|themselves|himself|herself) (?:an? )?(?:admin|owner)|zonder|alle|inzien|bekijken|grab|fetch|list|edit|enumerate`,
].join("|");
/** Anyone, a stranger or a low-privileged account who can do something they should not. */
const ANYONE_CAN = oneOf(
  "i",
  String.raw`\b(?:${ANYONE}) (?:who [^.\n]{0,40})?(?:can|could|is able to|kan) (?:${ANYONE_ACTION})\b`,
  String.raw`\b(?:lets|allows) (?:${ANYONE}) (?:to )?(?:${ANYONE_ACTION})\b`,
);

/** Logged in as another user, able to log in as an administrator (logging in as one is a reproduction step), or acting as the victim. */
const AS_SOMEONE_ELSE = oneOf(
  "i",
  String.raw`\b(?:can|could|able to|managed to|allows? (?:\w+ )?to|lets? (?:\w+ )?) (?:log|sign) in as (?:the |an? )?(?:admin|administrator|root)\b`,
  String.raw`\b(?:log|logged|sign|signed) in as (?:the |an? )?(?:other user|another user|any user|that user)\b`,
  String.raw`\bas another user\b`,
  String.raw`\bbelongs? to another (?:user|customer|tenant|account|organi[sz]ation)\b`,
  String.raw`\bvictim'?s? (?:session|account|e-?mail|password|cookies?|data|token|browser)\b`,
);

/** Something that leaks the data of all or other users, or shows it beyond admins. */
const LEAKS_OTHER_USERS_DATA = oneOf(
  "i",
  String.raw`\b(?:leaks?|exposes?|reveals?|returns?|discloses?|shows?)\b[^.\n]{0,30}\b(?:all|other|every) (?:users?|customers?|members?|accounts?|tenants?)'?s? (?:phone numbers|e-?mail addresses|e-?mails|addresses|names|dates of birth|data|details|records)\b`,
  String.raw`\bnot only (?:to )?(?:admins|administrators|the owner|owners|moderators)\b`,
  String.raw`\b(?:a |the )?(?:malicious|evil|attacker'?s?) (?:page|site|website) can log (?:a |the )?victim\b`,
);

/** The data, records or secrets of other users, customers or tenants. */
const OTHER_USERS_DATA = oneOf(
  "i",
  String.raw`\b(?:other|another|all|every|any) (?:users?|customers?|tenants?|teams?|accounts?|organi[sz]ations?|members?)'?s? (?:api |access |auth |session |private |personal )?(?:data|members|records?|invoices?|files?|widgets?|e-?mails?|addresses|orders|messages|documents|sessions?|tokens?|passwords?|profiles?|accounts?|details|information|pii)\b`,
  String.raw`\b(?:other|another) (?:players?|students?|people|employees?|patients?|members?|users?|customers?)'?s? (?:posts?|comments?|chats?|orders?|accounts?|characters?|grades?|submissions?|bookings?|reservations?|notes?|photos?|pictures?|projects?|tickets?|carts?|payments?|passwords?|histor(?:y|ies)|conversations?|results?)\b`,
);

/**
 * Beyond one's own tenant, role or drafts: another tenant's data, a viewer or editor role that can do more, drafts and
 * private pages shown to anyone, and (Chinese) an ordinary user who can change the administrator.
 */
const TENANTS_ROLES_OR_DRAFTS = oneOf(
  "i",
  String.raw`\b(?:data|records?|information)\b[^.\n]{0,20}\b(?:belong(?:s|ing)? to|of|from) (?:other|another|different) tenants?\b|\bdifferent tenant(?:'s|s')? data\b`,
  String.raw`\b(?:users?|members?|accounts?) with (?:only )?(?:\w+ )?(?:viewer|read[- ]only|edit|basic|limited|guest|member) (?:access|rights|roles?|permissions?) (?:can|could|are able to|is able to)\b`,
  String.raw`\b(?:drafts?|unpublished|private) (?:posts?|projects?|channels?|notes?|files?|pages?|documents?|dashboards?)\b[^.\n]{0,40}\b(?:publicly|public(?:ly)? (?:available|visible|accessible)|(?:visible|accessible|available) (?:to|for|by) (?:everyone|anyone|guests|non-[\w-]+ users|anonymous))`,
  String.raw`普通用户(?:可以|能|可|也能|也可以)[^。\n]{0,10}(?:删除|修改|查看|进入)[^。\n]{0,6}管理员`,
  String.raw`\b(?:users?|members?|guests?|non[- ]?admins?|viewers?)\b[^.\n]{0,30}\b(?:can|could|is able to|are able to|(?:is|are) allowed to)\b[^.\n]{0,15}\b(?:change|edit|modify|set|give|grant|elevate|promote)\b[^.\n]{0,15}\b(?:their|its|his|her|own|themselves)\b[^.\n]{0,20}\b(?:roles?|permissions?|privileges?|rights|admin|superuser|is_admin)\b|\bguests? (?:got|gets|has|have|gain(?:s|ed)?) admin(?:istrator)? (?:rights|privileges|access)\b`,
  String.raw`\b(?:data|content|accounts?|comments?|posts?|salar(?:y|ies)|invoices?|orders?|passwords?|profiles?|messages?|files?|details|information) of (?:all |any )?(?:the )?other (?:users?|vendors?|sellers?|members?|players?|people|clients?)\b|\b(?:edit|delete|modify|change)\b[^.\n]{0,20}\bany (?:post|comment|page|file|message|item|order|record)s? of any (?:user|one|body)\b|\b(?:does(?:n.t| not)|without|no) (?:check(?:ing)?|verify(?:ing)?|validat(?:e|ing)) (?:the )?(?:ownership|owner)\b`,
);

/** Dutch: an attacker can, or the data of other users or customers. */
const DUTCH_ATTACKER_OR_OTHERS_DATA = oneOf(
  "i",
  String.raw`\been aanvaller kan\b`,
  String.raw`\bkan (?:een )?(?:aanvaller|derde)\b`,
  String.raw`\bgegevens van (?:andere|een andere) (?:gebruikers?|klanten?)\b`,
  String.raw`\bvan (?:andere|een andere) (?:klanten?|gebruikers?|bewoners?|leden|lid|bedrijf|bedrijven|organisaties?|vestigingen|patiënten)\b`,
  String.raw`\b(?:van )?(?:het |een )?andere? account\b`,
  String.raw`\bandermans\b`,
);

/** Dutch: anyone can download, view, take over or change something. */
const DUTCH_ANYONE_CAN = oneOf(
  "i",
  String.raw`\b(?:kan (?:iemand|iedereen|een gewone gebruiker|elke gebruiker|ieder)|(?:iedereen|iemand) kan) (?:[\w-]{1,30} ){0,8}(?:downloaden|ophalen|inzien|bekijken|overnemen|verwijderen|wijzigen|uitvoeren|aanpassen|resetten|binnenkomen|inloggen)\b`,
  String.raw`\bkun je (?:[\w-]{1,30} ){0,6}(?:van (?:alle|andere|elke|iedere)|elk|ieder|andermans) (?:[\w-]{1,30} ){0,3}(?:downloaden|ophalen|inzien|bekijken|overnemen|verwijderen|wijzigen|resetten)\b`,
  String.raw`\b(?:elk|ieder|alle) accounts? (?:overnemen|resetten|inzien)\b`,
);

/**
 * Chinese names of vulnerability classes, as reports in Chinese write them (no word boundaries in the script).
 * "getshell" is how such reports, in English too, say an upload or injection gave them a shell on the server.
 */
const CHINESE_VULNERABILITY_CLASS = oneOf(
  "i",
  String.raw`sql\s?注入|(?:命令|代码|模板|表达式|ldap|xpath)注入`,
  String.raw`跨站(?:脚本|请求伪造)|服务(?:端|器端)请求伪造|xml\s?外部实体`,
  String.raw`(?:远程|任意)?(?:代码|命令)执行`,
  String.raw`任意(?:文件|目录)(?:上传|读取|下载|删除|写入|覆盖|包含)|(?:本地|远程)?文件包含`,
  String.raw`(?:目录|路径)(?:遍历|穿越)`,
  String.raw`未授权访问|未经授权(?:的)?访问|越权|(?:权限|认证|鉴权|身份验证|登录|登陆)绕过|绕过(?:认证|鉴权|登录|登陆|权限)`,
  String.raw`反序列化漏洞|任意用户(?:密码重置|登录|登陆)|硬编码(?:的)?(?:密钥|密码|凭证|token)`,
  String.raw`缓冲区溢出|(?:堆|栈)(?:缓冲区)?溢出|释放后(?:使用|重用)|空指针(?:解引用|引用)|内存越界`,
  String.raw`敏感信息泄[露漏]|\bgetshell\b`,
);

/** Chinese: a named place "has a" named class of vulnerability (存在SQL注入漏洞), or the steps that reproduce one (漏洞复现). */
/** Prices or amounts a buyer can change; (Chinese) access without authorisation or without any check of rights. */
const PRICE_TAMPERING_OR_NO_AUTHORISATION = oneOf(
  "i",
  String.raw`\b(?:can|could|able to) (?:change|modify|tamper(?: with)?|manipulate|alter) (?:the )?(?:payment|item|product|order|total) (?:price|amount)s?\b|\bmodify the value of (?:the )?payment\b|\bhack (?:the )?(?:item |product )?prices?\b|任意修改(?:商品)?(?:价格|金额)|(?:价格|金额)(?:可以|能)被?(?:任意)?(?:修改|篡改)`,
  String.raw`未授权访问|未经授权(?:的)?访问|(?:没有|无|缺少|缺乏)(?:任何)?(?:鉴权|权限(?:控制|管控|校验|验证)|登录(?:校验|验证))`,
);

const CHINESE_FLAW_IN_PLACE = oneOf(
  "i",
  String.raw`存在[^。，,\n]{0,8}(?:xss|sql|注入|越权|文件上传|文件下载|文件读取|文件删除|代码执行|命令执行|重定向|未授权|ssrf|xxe|反序列化|目录遍历|路径遍历|csrf)[^。，,\n]{0,8}漏洞`,
  String.raw`漏洞复现`,
);

/** Chinese: an attacker can, anyone can obtain the data of users or the server, or it leads to a class of vulnerability. */
const CHINESE_ATTACKER_CAN = oneOf(
  "i",
  String.raw`攻击者(?:可以|可|能够|能|可能|即可|通过|利用)`,
  String.raw`(?:无需|不需要|不用|未)(?:登录|登陆|认证|授权)(?:即可|就能|就可以|也能|也可以|可)`,
  String.raw`(?:可以|能够|可|能)(?:直接)?(?:获取|读取|下载|查看|修改|删除|执行|上传)(?:到)?(?:所有|任意|其他|其它|全部|大量)?(?:用户|服务器|数据库|管理员|敏感|系统)`,
  String.raw`导致[^。\n]{0,10}(?:未授权访问|越权|任意|远程|代码执行|命令执行|sql注入|敏感信息|getshell)`,
  String.raw`(?:可以|能够|可|能|就能|均可|都可以)[^。\n]{0,10}(?:修改|查看|看到|查询|删除|获取|读取|篡改|重置)(?:到)?[^。\n]{0,4}(?:他人|别人|其他用户|其它用户|其他人|任意用户|所有用户)`,
);

/**
 * A title in the form of a vulnerability record: the affected component, a colon, and the kind of flaw
 * ("url-parse: Open Redirect", "smart-admin: Unauthorized access"). A leading label of an issue tracker
 * ("Security:", "Feature:", "Question:") is not a component.
 */
const COMPONENT_AND_FLAW_TITLE = oneOf(
  "i",
  String.raw`^\s*(?!(?:security|bug|feature|question|fix|feat|docs|chore|proposal|rfc|idea|request|enhancement|discussion|help|suggestion|todo|task|story|epic)\b)[\w.@/-]{2,40}:\s[^\n]{0,60}\b(?:injection|xss|cross[ -]site|traversal|redirect|overflow|bypass|execution|pollution|redos|denial of service|dos|exposure|forgery|ssrf|xxe|deseriali[sz]ation|use[ -]after[ -]free|out[ -]of[ -]bounds|privilege escalation|unauthori[sz]ed access|arbitrary file|timing attack|csrf|spoofing|hijacking|takeover)\b`,
);

/**
 * A title naming a kind of flaw and the code it is in: "SQL injection in admin/users", "XXE in ImportFromSMathStudio.java",
 * "double free in parse_object", "open redirect via login?next=". The place has a mark of code (a path, a file, a
 * function, a parameter) or is quoted as code, so that "XSS in search" or "overflow on start" is not one.
 */
const FLAW_IN_CODE_TITLE = oneOf(
  "i",
  String.raw`\b(?:sql[ -]?injection|sqli|xss|cross[ -]site scripting|rce|remote code execution|code execution|(?:command|code|template|ldap|xpath|header|crlf) injection|ssrf|xxe|(?:path|directory) traversal|open redirect|prototype pollution|(?:heap|stack|global)[ -]buffer[ -]overflow|buffer overflow|heap overflow|use[ -]after[ -]free|double[ -]free|null pointer dereference|out[ -]of[ -]bounds (?:read|write)|deseriali[sz]ation|csrf|idor|redos|arbitrary file (?:read|write|upload|download|deletion))\b (?:vulnerability )?(?:in|at|via|on|through|inside) (?:the )?(?:function |method |parameter |param |file |endpoint |module |class )?(?:\`[^\`\n]{2,60}\`|[\w$-]*[/.:_(][\w$./:()-]*\w)`,
);

/** Cryptography misused in the project's own code: a fixed IV or nonce, ECB mode, a comparison of secrets that leaks timing. */
const CRYPTO_MISUSE = oneOf(
  "i",
  String.raw`\b(?:static|fixed|constant|hard-?coded|zero|reused?) (?:iv|nonce|initiali[sz]ation vector)s?\b|\b(?:iv|nonce) reuse\b`,
  String.raw`\becb mode\b|\baes[- ]ecb\b`,
  String.raw`\b(?:non|not)[- ]constant[- ]time\b|\btiming[- ]attacks?\b|\btiming[- ]unsafe\b`,
);

/** A crash a fuzzer found: the input that triggers it was produced, so the crash was reproduced. */
const FUZZER_FINDING = oneOf(
  "i",
  String.raw`\b(?:found|discovered|detected|caught|reported) (?:by|using|with|via|through) (?:go-?fuzz|libfuzzer|afl\+*|honggfuzz|cargo[- ]fuzz|oss-fuzz|jazzer|atheris|(?:a |the |our )?fuzzer)\b`,
  String.raw`\bcrash(?:ing)? inputs?\b|\b(?:running|ran) (?:the |a |my )?fuzzer\b`,
  String.raw`\b(?:found|detected|discovered|caught|identified|triggered|reported)\b[^.\n]{0,30}\b(?:by|using|with|via|through|while|during|when|on|in) (?:the |an? |our |my )?(?:\`?[\w-]+\`? )?(?:fuzz(?:ing|er|ers)?|cargo[- ]fuzz|go-?fuzz|libfuzzer|afl(?:\.rs|\+\+)?|honggfuzz|oss-fuzz|clusterfuzz|jazzer|atheris|fuzz targets?)\b`,
  String.raw`\[fuzz(?:ing|er)?\]|\bthe fuzzer (?:detected|found|reported|triggered)\b`,
  String.raw`(?:\bi (?:have )?fuzzed|\bfuzz(?:ing)? (?:session|campaign|experiment|efforts?)|\b(?:while|during|when) (?:a |my |our |the )?fuzzing)\b[^.\n]{0,80}\b(?:crash|crashes|crashed|panic|panics|overflow|hang|hangs|abort|assertion|double[ -]free|use[ -]after[ -]free|segfault|sigsegv|segv|out of memory|infinite loop|memory leak)\b`,
);

/** Something forged, read or taken over by anyone; the owner locked out. */
const DONE_BY_ANYONE = oneOf(
  "i",
  String.raw`\b(?:forged|read|stolen|hijacked|taken over|accessed|downloaded|reset|changed|deleted|revoked|listed|guessed) by (?:anybody|anyone|any user|everyone|strangers?|an attacker|attackers|other users)\b`,
  String.raw`\b(?:lock|locks|locking) (?:the owner|the victim|the real owner) out\b`,
  String.raw`\blogged in as (?:me|him|her|them|the victim)\b`,
);

/** Data exfiltrated or sent to an attacker's server; scripts running on the site's origin. */
const DATA_SENT_TO_ATTACKER = oneOf(
  "i",
  String.raw`\b(?:exfiltrat\w{1,6}|(?:are |is )?sent to (?:my|an? attacker'?s?|the attacker'?s?|a third[ -]party) (?:server|site|domain|host))\b`,
  String.raw`\bsends? (?:their|the victim'?s?|the user'?s?|your) (?:cookies?|session|tokens?|data|e-?mail|password)s? to\b`,
  String.raw`\bwith access to (?:the |a |their )?(?:user|victim|admin|other user)s?'?s? (?:cookies|session|tokens?)\b`,
  String.raw`\bruns? (?:its |their |arbitrary )?scripts? (?:on|in) (?:the |your )?(?:main |app |admin )?(?:domain|origin|[\w-]{1,60}\.[a-z]{2,6})\b`,
);

/**
 * One character within a sentence: anything but a line break or a full stop that ends one. A dot inside a version
 * number, a host or a file name ("Subrion4.1.0", "addpage.php") does not end the sentence.
 */
const IN_SENTENCE = String.raw`(?:[^.\n]|\.(?=[\w/]))`;

/** What the writer did or saw, in the first person. */
const I_DID = String.raw`found|discovered|identified|noticed|observed|came across|was able to|managed to|could|got|obtained|achieved|uploaded|deleted|created|listed|saw`;
/** What a finding is about: a word of security, access or data. */
const FINDING_OBJECT = [
  String.raw`vulnerab|exploit|inject|bypass|access|leak|expos|read|dump|execute|execution|take over|escalat`,
  String.raw`endpoint|token|password|key|session|other users|payload|security|download|log in|logged in|sign in`,
  String.raw`admin|account|bucket|file|comment|another|overflow|double free|use[ -]after[ -]free|out[ -]of[ -]bounds|trigger`,
].join("|");
/** A first-person finding on a real system. */
const I_FOUND = oneOf("i", String.raw`\bi (?:have )?(?:${I_DID})\b${IN_SENTENCE}{0,120}\b(?:${FINDING_OBJECT})`);

/** A finding confirmed first-hand, on the writer's own test accounts, then stopped. */
const FIRST_HAND_VERIFICATION = oneOf(
  "i",
  String.raw`\bi (?:have )?(?:confirmed|verified|reproduced) (?:it|this|with|on|against|using)\b`,
  String.raw`\b(?:my (?:own |second |other )?test (?:account|org|organi[sz]ation|user)s?|test (?:accounts|orgs) i created)\b`,
  String.raw`\b(?:to confirm|and stopped(?: there)?|then stopped|did not (?:go|look) further|only (?:looked at|viewed|read) (?:the first|one|a single))\b`,
  String.raw`\btested (?:against|on|with) (?:version |v)?\d`,
);

/** The writer changed a parameter or replayed a request and saw the result. */
const I_CHANGED_AND_SAW = oneOf(
  "i",
  String.raw`\bwhen i (?:change|modify|replace|increment|decrement|remove|swap|set)\b[^.\n]{0,80}\bi (?:see|get|can|receive)\b`,
  String.raw`\bi (?:used|reused|replayed|tried|changed|modified|downloaded|enumerated|guessed|iterated)\b[^.\n]{0,60}\b(?:link|token|id|url|parameter|cookie|header|request|worked|times|dump|file|backup|documents|accounts|other)`,
  String.raw`\b(?:checked|tested|verified|confirmed) (?:it |this )?with (?:a |my )?(?:fresh |new |free |second |another |test )+account\b`,
);

/** Testing stopped in time, between the writer's own accounts, as a low-privileged role. */
const CAREFUL_TESTING = oneOf(
  "i",
  String.raw`\bi stopped\b`,
  String.raw`\bi (?:didn'?t|did not) (?:download|open|keep|read|look at) (?:any|anything|more)`,
  String.raw`\b(?:tested|checked|confirmed) (?:it )?between my (?:own )?(?:two )?accounts\b`,
  String.raw`\bas a (?:viewer|guest|member|read-only user|normal user|regular user|free user)\b[^.\n]{0,20}\bi (?:could|can|was able|moved|changed|deleted|read|saw|got|created|invited|made)\b`,
  String.raw`\bik heb (?:het|dit) (?:scherm |bestand |venster )?(?:meteen |direct |daarna )?(?:gesloten|verwijderd)\b`,
  String.raw`\b(?:en )?ben (?:toen |daarna )?gestopt\b`,
  String.raw`\bgetest (?:op|met) (?:de |het |een |mijn )?(?:demo|test|eigen)`,
);

/** No private way to report found, or a request to handle the report confidentially. */
const NO_PRIVATE_CHANNEL = oneOf(
  "i",
  String.raw`\b(?:didn'?t|did not|couldn'?t|could not) find (?:a |any )?(?:private|security|way to report|security contact|security policy)`,
  String.raw`\bnot (?:sure|certain) (?:where|how) to report (?:this|a) (?:privately|securely|security)`,
  String.raw`\bplease (?:handle|treat) (?:this )?(?:privately|confidentially|as confidential)\b`,
  String.raw`\bbefore (?:this is |it is )?(?:fixed|patched|disclosed)\b`,
);

/** A key, token, password or credential that is exposed, leaked or hard-coded. */
const SECRET_EXPOSED = oneOf(
  "i",
  String.raw`\b(?:api[ -]?key|access[ -]?token|secret(?: key)?|password|private key|credentials?|aws keys?|client secret|signing key|jwt secret|database url)s? (?:is |are |was |were |got |have been |has been )?(?:exposed|leaked|committed|hard-?coded|visible|publicly (?:readable|accessible|available)|in plain ?text|world-readable|included in the (?:bundle|build|repo|image))\b`,
);

/** Password hashes exposed, or a secret printed in logs or leaking. */
const HASH_OR_SECRET_LEAKED = oneOf(
  "i",
  String.raw`\b(?:password )?hash(?:es)? (?:are |is )?(?:exposed|leaked|included|downloadable)\b`,
  String.raw`\b(?:prints?|logs?|shows?|exposes?) (?:the |a |an |our |your )?(?:deploy |api |access |admin |root |database |production )?(?:token|key|password|secret|credentials?)s? in (?:plain ?text|clear ?text|the (?:public )?logs?)\b`,
  String.raw`\b(?:token|api key|password|secret|session id|cookie)s? (?:leaks?|leaked|is leaked|are leaked)\b`,
  String.raw`\b(?:passwords?|passkeys?|tokens?|api[ -]?keys?|secrets?|credentials?)\b(?: of (?:the )?users?)? (?:(?:is|are|get|gets|getting|being|were|was) ){0,2}(?:shown|displayed|printed|logged|written|echoed|output|visible|dumped|leaked|exposed) (?:in plain ?text )?(?:in|to|into|on) (?:the )?(?:\w+ )?(?:logs?|log files?|console|stdout|terminal|plan output)\b`,
  String.raw`\b(?:passwords?|credentials?|tokens?|secrets?|private keys?)\b[^\n]{0,80}\b(?:world[- ]readable|readable by (?:everyone|anyone|any (?:uid|user)|all users|other users))|\b(?:world[- ]readable|readable by (?:everyone|anyone|any (?:uid|user)|all users|other users))\b[^\n]{0,80}\b(?:passwords?|credentials|tokens?|secrets?|private keys?)\b`,
  String.raw`\b(?:passwords?|tokens?|secrets?|credentials) in (?:the )?(?:error |debug |server |system )?logs?\b|\blogs? (?:shows?|contains?|includes?|prints?) (?:the )?(?:users?\W?s? )?(?:plain ?text )?(?:passwords?|tokens?|secrets?|credentials)\b`,
);

/** A secret in a bundle, page source, well-known file or the repository itself, or printed from the environment or logged. */
const SECRET_IN_BUNDLE_OR_FILE = oneOf(
  "i",
  String.raw`\bhooks\.slack\.com\/services\/`,
  String.raw`\b(?:webhook url|api[ -]?key|token|secret|credentials?|password)s? in (?:the |your |our )?(?:public |production |minified |client[ -]side )?(?:js |javascript )?(?:bundle|source map|page source|html)\b`,
  String.raw`\bdatabase (?:backups?|dumps?)\b`,
  String.raw`(?:\.sql\.gz|\.env file|\bid_rsa|\.git\/config|\bwp-config\.php)\b`,
  String.raw`\b(?:echo(?:es)?|prints?|logs?|dumps?) (?:the |our |your )?\$?[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|KEY|PASSWORD)\b`,
  String.raw`\bwachtwoord(?:en)? in platte tekst\b`,
  String.raw`\b(?:private (?:signing )?keys?|bot tokens?|api tokens?|access tokens?|secret[ _]keys?|api keys?|tokens?|passwords?)\b[^.\n]{0,40}\b(?:checked in(?:to)?|committed (?:to|in|into)|hard-?coded in(?:to)?|(?:is |are )?in (?:the |your |this )?(?:public )?(?:repo(?:sitory)?|source(?: code)?|github))\b`,
  String.raw`\b(?:you|u) (?:left|leaked|committed|pushed|published) (?:a |your |the |an )?(?:private |bot |api |access |secret |telegram |discord )?(?:signing )?(?:key|token|password|secret)s?\b`,
  String.raw`\b(?:tokens?|passwords?|secrets?|api keys?|credentials)\b (?:(?:is|are|gets|get|getting|being) ){0,2}(?:console\.)?logged\b`,
);

/** Sensitive data or secrets printed, logged or shown on errors, not masked; password hashes an API returns. */
const LOGGED_SECRETS_OR_RETURNED_HASHES = oneOf(
  "i",
  String.raw`\b(?:print(?:s|ing)?|log(?:s|ging)?|leak(?:s|ing)?) (?:of )?(?:the )?(?:sensitive|confidential) (?:info(?:rmation)?|data)\b`,
  String.raw`\b(?:sensitive|confidential) (?:info(?:rmation)?|data)\b[^.\n]{0,30}\b(?:in|to|into) (?:the )?(?:[\w-]+ )?(?:logs?|console|plans?)\b`,
  String.raw`\blogs? (?:exposes?|leaks?|reveals?) (?:the )?(?:secrets?|passwords?|tokens?|credentials|api keys?)\b`,
  String.raw`\b(?:keys?|secrets?|passwords?|tokens?|credentials)\b (?:are |is )?(?:printed|logged|shown|displayed|dumped) (?:on|when|if|in) (?:an? |the )?(?:errors?|exceptions?|crash(?:es)?|stack ?traces?|plans?)\b`,
  String.raw`\b(?:passwords?|tokens?|secrets?|credentials|api keys?) in (?:the )?[\w-]+ logs?\b`,
  String.raw`\b(?:passwords?|tokens?|secrets?|credentials|api keys?)\b[^.\n]{0,30}\bnot (?:correctly |properly )?masked\b`,
  String.raw`(?<!\b(?:to|n't|not|never|actually) )\b(?:returns?|exposes?|leaks?|sends?)\b[^.\n]{0,30}\b(?:hashed passwords?|password[ _-]?hash(?:es)?)\b|\b(?:hashed passwords?|password[ _-]?hash(?:es)?)\b[^.\n]{0,30}\b(?:returned|exposed|sent|included) (?:in|to|by)\b`,
);

/** Credentials of a named production service in a public place. */
const PRODUCTION_CREDENTIALS = oneOf(
  "i",
  String.raw`\b(?:production|prod|live|smtp|database|db|stripe|aws|sendgrid|twilio|mailgun|slack|openai|mapbox) (?:smtp |database |db |stripe |aws |api |root )?(?:password|credentials|api[ -]?key|secret key|secret|private key)s?\b[^.\n]{0,60}\b(?:in (?:the |a |an |your )?(?:public|repo|repository|docker image|bundle|apk|gist|source code|git history)|(?:is|are) (?:public|exposed|readable))`,
  String.raw`\b(?:prints?|shows?|contains?|returns?|reveals?|dumps?) (?:the |a |an |our |your )?(?:production |prod |live )?(?:smtp |database |db |stripe |aws |sendgrid |twilio |mailgun |slack |openai |mapbox )(?:password|credentials|api[ -]?key|secret key|key|token)s?\b`,
  String.raw`\b(?:wachtwoord|inloggegevens|api-sleutel|sleutel) van de (?:productie)?(?:database|server|omgeving)\b`,
);

/** A secret in a URL, query string or Referer. */
const SECRET_IN_URL = oneOf(
  "i",
  String.raw`\b(?:access[ _-]?token|api[ _-]?key|session(?: id| token)?|jsessionid|tokens?|passwords?|secrets?|credentials)s? (?:is |are |ends up |goes |is put |is placed |is sent )?in the (?:url|query string|query parameters?|link)\b`,
  String.raw`[?&;](?:access_token|api_key|apikey|jsessionid|session_?id)=`,
  String.raw`\breferr?er\b[^.\n]{0,60}\b(?:leaks?|third[ -]part|sent to every)`,
  String.raw`\b(?:leaks?|leaked|sent|exposed)\b[^.\n]{0,40}\breferr?er header\b`,
);

/** Works without logging in: no session, a private window, no authorization header. */
const WITHOUT_LOGIN = oneOf(
  "i",
  String.raw`\bno (?:login|sign-in|account|session|authentication) (?:is )?(?:needed|required|necessary)\b`,
  String.raw`\bin an? (?:private|incognito) (?:browser )?(?:window|tab)\b`,
  String.raw`\bno session at all\b`,
  String.raw`\bwithout (?:the |an? )?(?:authori[sz]ation|auth|api[ -]key) header\b`,
  String.raw`--no-sign-request\b`,
  String.raw`\bnobody (?:even )?needs an account\b`,
  String.raw`\b(?:reachable|open|accessible|readable|works?|answers?|returns?) without (?:any )?(?:credentials|a password|an account|logging in|authentication|a login)\b`,
  String.raw`\bzonder (?:in te loggen|account|wachtwoord|authenticatie|inloggen)\b`,
  String.raw`\bwithout logging\b|\bnon[- ]?logged(?:[- ]in)? users?\b`,
  String.raw`\bwithout (?:any |being |proper |prior )?(?:authentication|authenticated|logged in|signed in|signing in)\b`,
  String.raw`\b(?:access|reach|see|open|view|use|edit|delete)\b[^.\n]{0,60}\b(?:when|while|even when|even if|if) (?:i'?m |i am |you'?re |you are |the user is |users are )?(?:not logged in|logged out|not signed in|signed out)\b`,
  String.raw`(?:在|于)?(?:不|未|没有?)(?:登录|登陆)(?:的)?(?:情况下|状态下)|无需(?:登录|登陆|认证|授权|鉴权)`,
);

/** Says something should be reachable without logging in. */
const SHOULD_BE_PUBLIC = oneOf(
  "i",
  String.raw`\b(?:should|is supposed to|are supposed to|ought to|used to|expected to) (?:be |work |load |open |show |stay )?(?:visible |accessible |available |public |readable |reachable )?(?:to (?:everyone|anyone|visitors) )?without (?:logging in|a login|login|an account|signing in)\b`,
  String.raw`\b(?:moet|moeten|zou|zouden|mag|mogen) (?:ook |gewoon |weer )?(?:[\w-]{1,30} ){0,4}zonder in te loggen\b`,
  String.raw`\bzonder in te loggen(?:, | )(?:zoals|net als)\b`,
);

/** A scanner's finding, or a CVE in a dependency to update. */
const SCANNER_OR_DEPENDENCY_CVE = oneOf(
  "i",
  String.raw`\b(?:our|my|the|a|onze|mijn|de) (?:security |vulnerability |dependency |kwetsbaarheden)?scanner (?:flags|reports|found|finds|shows|meldt|vindt|geeft)\b`,
  String.raw`\b(?:bijwerken|updaten|upgraden|ophogen|versie omhoog)\b[^\n]{0,60}\b(?:cve-\d{4}-\d{4,7}|ghsa-[\w-]+)`,
  String.raw`\b(?:cve-\d{4}-\d{4,7}|ghsa-[\w-]+)\b[^.\n]{0,80}\b(?:afhankelijkheid|dependency)\b`,
);

/** The finding of a code scanner, SAST/DAST or composition-analysis product, pasted rather than verified by the writer. */
const SCANNER_TOOL_FINDING = oneOf(
  "i",
  String.raw`\b(?:checkmarx|fortify|hp fod|veracode|sonarqube|sonarcloud|deepsource|black ?duck|acunetix|nessus|qualys|whitehat ?sentinel|sd elements|appscan|nuclei)\b`,
  String.raw`\b(?:gosec|bandit|semgrep|brakeman|coverity|codeql|lgtm|owasp zap|grype)\b`,
  String.raw`\b(?:automatic|automated) (?:vulnerability|security)[- ](?:detection|scanning|scan) tool\b`,
  String.raw`\bvulnerability[- ](?:detection|scanning) tool\b`,
  String.raw`\bsecurity hotspots?\b`,
);

/** Asks where or how to report privately, instead of reporting. */
const PRIVATE_CHANNEL_REQUEST = oneOf(
  "i",
  String.raw`\b(?:how|where) (?:can|could|should|do|may) (?:i|we) (?:report|disclose|send|submit|communicate)\b`,
  String.raw`\bhow (?:i|we) (?:can|could|should) (?:report|disclose|send|submit)\b`,
  String.raw`\b(?:explaining|describing|sharing|disclosing|posting|giving) (?:the |any |more )?(?:vulnerability|details|specifics)\b[^.\n]{0,30}\b(?:here|in this issue|in public|publicly)\b`,
  String.raw`\bhow to (?:report|submit|disclose|send) (?:a |the |this |it|them|security|vulnerabilit)`,
  String.raw`\bprefer(?:r?ed) way (?:of|to|for) (?:disclos|report|submit)`,
  String.raw`\b(?:provide|share|recommend|point me (?:at|to)) (?:a |an )?(?:private|working|current )?(?:security )?(?:contact|channel|e-?mail(?: address)?)\b`,
  String.raw`\benable (?:github )?private vulnerability reporting\b`,
  String.raw`\b(?:without disclosing|not (?:disclose|release|publish)) (?:any )?(?:the )?(?:details|them|it) publicly\b`,
  String.raw`\brather not (?:put|share|post|disclose) (?:the |any )?details\b`,
  String.raw`\b(?:secure|private|safe|confidential) (?:way|channel|place|means|method|address|e-?mail) (?:to|of|for) (?:report|disclos|contact|send|share|reach|discuss)`,
  String.raw`\breport (?:it|this|them|the (?:issue|vulnerability|details)) (?:privately|securely|confidentially|in private)\b`,
  String.raw`\b(?:don'?t|do not|wouldn'?t|would not) want to (?:expose|disclose|share|post|publish|reveal) (?:it|this|them|the details)\b`,
  String.raw`\b(?:chat|talk|discuss|communicate) (?:off[- ]?site|offline|privately|in private|via e-?mail|by e-?mail|over e-?mail)\b|\b(?:get|have|need) (?:a |an )?(?:security )?contact\b`,
);

/**
 * A title that opens with a request ("Add ...", "Use ..."). "Use" followed by "after" or "of" is a noun, as in the
 * names of flaws ("Use after free in ...", "Use of out-of-range pointer offset"), and a hyphen joins a class name
 * ("Use-after-free when ..."): neither is a request.
 */
const IMPERATIVE_TITLE = oneOf(
  "i",
  String.raw`^\s*(?:add|allow|enable|support|implement|introduce|provide|document|expose|make|let|switch|consider|offer|publish|set up|create)\b`,
  String.raw`^\s*(?:swap|replace|improve|migrate|upgrade|bump|refactor)\b`,
  String.raw`^\s*use(?=\s)(?!\s+(?:after|of)\b)`,
);

/** Asks to add a hardening measure (CSP, 2FA, rate limiting, security headers, ...). */
const HARDENING_REQUEST = oneOf(
  "i",
  String.raw`\b(?:add|enable|support|implement|consider|adopt|introduce|enforce)\b[^.\n]{0,30}\b(?:content[ -]security[ -]policy|csp|2fa|two-factor|mfa|sso|saml|hsts|rate limiting|security headers?|signed (?:commits|releases)|sbom|provenance|code scanning|codeql|secret scanning|security\.txt|security\.md|dependency pinning|scorecard)\b`,
);

/**
 * Memory-safety flaws in the words advisories and sanitizers use beyond the short class names: a heap-based buffer
 * over-read, a NULL pointer dereference, an out-of-bounds access, memory that is used uninitialised.
 */
const MEMORY_SAFETY_FLAW = oneOf(
  "i",
  String.raw`\b(?:heap|stack)-based buffer (?:overflow|over-?read|under-?read|underflow)\b`,
  String.raw`\bbuffer (?:over-read|overread|under-?read|underflow)\b`,
  String.raw`\bnull pointer de-?reference\b`,
  String.raw`\bnull pointer (?:can be |could be |may be |is |gets )de-?referenced\b`,
  String.raw`\buse[ -]after[ -](?:poison|scope|return)\b`,
  String.raw`\bout[ -]of[ -]bounds (?:access|memory|array access)\b`,
  String.raw`\bmemory corruption\b`,
  String.raw`\buninitiali[sz]ed (?:memory|heap|stack|buffer)\b`,
  String.raw`\binteger underflow\b`,
);

/**
 * A denial of service that something causes, rather than one a text wishes to prevent: the service crashed, hung,
 * exhausted or sent into catastrophic backtracking.
 */
const DENIAL_OF_SERVICE_CAUSED = oneOf(
  "i",
  String.raw`\b(?:causes?|causing|leads? to|leading to|results? in|resulting in|trigger(?:s|ing)?|making) (?:a |an )?(?:remote )?(?:denial[ -]of[ -]service|dos)\b`,
  String.raw`\bcan (?:crash|hang) (?:the |a )?(?:server|process|application|service|daemon|broker|program)\b`,
  String.raw`\b(?:catastrophic|excessive) backtracking\b`,
  String.raw`\binefficient regular expression\b`,
  String.raw`\b(?:memory|resource|cpu) exhaustion\b`,
  String.raw`\b(?:server|service|daemon|process|bot|node|broker)s? (?:crash(?:es|ed)?|goes down|go down|dies|panics?)\b[^.\n]{0,50}\b(?:invalid|malformed|crafted|specially|any user|unauthenticated|remote)\b|\bcrash exploit\b|\bexploit (?:that )?(?:crash|disconnect|dc)\w*\b`,
);

/**
 * An advisory's sentence of impact: a flaw that allows, or makes it easier for, attackers of some kind to do
 * something ("allows remote attackers to cause a denial of service", "could be leveraged by local users to ...").
 */
const ATTACKERS_ALLOWED_TO = oneOf(
  "i",
  String.raw`\b(?:allows?|allowing|enables?|lets?|makes? it (?:easier|possible) for|could be (?:leveraged|used|exploited) by) (?:local |remote |context-dependent |physically proximate |authenticated |unauthenticated |malicious |man-in-the-middle |guest os |an? |the ){0,3}(?:attackers?|adversar(?:y|ies)) to\b`,
  String.raw`\b(?:allows?|allowing|enables?|lets?|makes? it (?:easier|possible) for) (?:an? |the )?(?:local |remote |context-dependent |physically proximate |authenticated |unauthenticated |malicious |low-privileged |guest os ){1,2}users? to\b`,
);

/** The opening of a vulnerability record ("X was discovered to contain ...", "A flaw was found in ...") or its sentence that the flaw affects or allows something. */
const ADVISORY_OPENING = oneOf(
  "i",
  String.raw`\bwas discovered to contain an? \w`,
  String.raw`\ba (?:flaw|vulnerability) was (?:found|discovered|identified) in\b`,
  String.raw`\b(?:this|the) (?:vulnerability|flaw|weakness) (?:affects|allows|exists|could allow|can be exploited|is exploitable)\b`,
);

/**
 * A sanitizer's report line ("AddressSanitizer: heap-buffer-overflow") or the frames of a stack trace after a
 * sanitizer's or valgrind's header: a debugger's backtrace of a crash in normal use has the same frames.
 */
const SANITIZER_REPORT = oneOf(
  "i",
  String.raw`\b(?:address|memory|thread|undefined ?behavior)sanitizer: [a-z]{3,}(?:-[a-z]+){0,4}`,
  String.raw`(?:sanitizer|==\d+==|\bruntime error:|\bvalgrind\b|\binvalid (?:read|write) of size)[\s\S]{0,2000}?#\d{1,3} 0x[0-9a-f]{6,16} in \w`,
);

/** A named security check that is bypassed: "Validation Bypass", "sandbox bypass", "CSP bypass". */
const SECURITY_CHECK_BYPASSED = oneOf(
  "i",
  String.raw`\b(?:validation|verification|security|sandbox|access control|filter|sanitization|sanitizer|csp|same-origin policy|protection|restriction)s? bypass\b`,
);

/** Restricted, private or sensitive information (or users' password hashes) disclosed, or shown to the unauthorised. */
const RESTRICTED_DATA_EXPOSED = oneOf(
  "i",
  String.raw`\b(?:discloses?|exposes?|leaks?|reveals?) (?:sensitive |private |confidential |restricted |unpublished |hidden )(?:and (?:sensitive |private |confidential |restricted |unpublished |hidden ))?(?:information|data|content|pages|files|documents|records)\b`,
  String.raw`\b(?:information|data|content)\b[^.\n]{0,40}\bto (?:unauthori[sz]ed|unauthenticated|anonymous) (?:users|parties|actors|callers|attackers)\b`,
  String.raw`\b(?:exposes?|leaks?|leaking|returns?|reveals?) (?:the |a )?(?:user'?s? |users'? |all )?password hash(?:es)?\b`,
);

/** Secrets that can be guessed: a weak salt, too little entropy, a random source that is not cryptographic. */
const GUESSABLE_SECRETS = oneOf(
  "i",
  String.raw`\bweak salt\b`,
  String.raw`\binsufficient (?:entropy|randomness|key length|(?:shared )?secret length)\b`,
  String.raw`\bnon-cryptographically (?:strong|secure)\b`,
  String.raw`\bpredictable (?:tokens?|session ids?|random|nonces?|passwords?)\b`,
);

/** Files that others on the machine can read or change. */
const INSECURE_FILE_PERMISSIONS = oneOf(
  "i",
  String.raw`\binsecure (?:file )?permissions\b`,
  String.raw`\bworld[- ](?:readable|writable|writeable)\b`,
  String.raw`\b0?(?:666|777) permissions\b`,
);

/** Passwords stored in plain text or hashed without a salt, said as a fact rather than wished away. */
const PASSWORDS_STORED_WEAKLY = oneOf(
  "i",
  String.raw`\bpasswords?\b[^.\n]{0,30}\b(?:are|is|were|was|get|gets|being)\b (?:\w+ )?(?:stored|saved|kept|written|persisted|hashed)\b[^.\n]{0,25}\b(?:(?:in|as) (?:plain ?text|clear ?text|clear)|unsalted|without (?:a )?salt|unencrypted|unhashed)`,
  String.raw`\bunsalted (?:md5|sha-?1|sha-?256|sha|hash(?:es)?)\b|\b(?:md5|sha-?1)\b[^.\n]{0,30}\b(?:is |are )?(?:unsalted|without (?:a )?salt)\b`,
);

/** Someone who can open an admin page, panel or setting they should not: "a student can access admin modules through the URL". */
const REACHES_ADMIN_PAGES = oneOf(
  "i",
  String.raw`\b(?:can|could|able to|is able to|are able to)\b[^.\n]{0,15}\b(?:access|reach|open|see|view|use|get into|force (?:your|their|my|his|her) way into)\b[^.\n]{0,20}\b(?:the )?(?:admin|administrator|administration)(?:'s)? ?(?:\w+ )?(?:modules?|pages?|panels?|settings?|menus?|area|section|dashboard|side|interface|functions?|features?)\b`,
);

/** A data store or admin interface open to the internet or without a password, as a deployment ships it. */
const SERVICE_OPEN_TO_THE_INTERNET = oneOf(
  "i",
  String.raw`\b(?:redis|mongo(?:db)?|elasticsearch|memcached|mysql|postgres(?:ql)?|docker (?:daemon|socket|api)|admin (?:port|interface|panel))\b[^.\n]{0,60}\b(?:(?:to|on) the (?:public )?internet|publicly|on (?:all (?:network )?interfaces|0\.0\.0\.0)|with no auth(?:entication)?|without (?:a )?password)\b`,
);

/** A sandbox that code breaks out of. */
const SANDBOX_ESCAPE = oneOf(
  "i",
  String.raw`\bsandbox (?:escape|break-?out|breakout)s?\b|\b(?:escape|escaping|break out of|breaking out of|break|breaks) (?:the |a |its )?sandbox\b`,
  String.raw`\bsandbox (?:can|could) be (?:broken|escaped|bypassed)\b|\bis escap(?:e)?able\b`,
);

/** Software, updates or install steps fetched over plain HTTP, where anyone on the path can swap them. */
const FETCHED_OVER_HTTP = oneOf(
  "i",
  String.raw`\b(?:downloads?|downloaded|updates?|updater|update checker|installer|install(?:ation)? (?:script|instructions)|instructions)\b[^.\n]{0,40}\b(?:over|via|through|uses?|using) (?:an? )?(?:insecure |plain |unencrypted |non-secure )?http\b(?!s|://localhost)`,
);

/** Uploads whose type nobody checks: any file can be uploaded. */
const UNCHECKED_UPLOAD = oneOf(
  "i",
  String.raw`\b(?:no|without|not|missing|never|doesn't|does not|isn't|is not)\b (?:any )?(?:check(?:ing|s|ed)?|validat(?:ion|ing|ed|es)?|verif(?:ication|ying|ied|ies)|restrict(?:ion|ing|ed)?)\b[^.\n]{0,20}\b(?:file|image|upload(?:ed)?)(?:'s)? ?(?:types?|extensions?|mime(?: ?types?)?|formats?)\b`,
  String.raw`\b(?:can|could|able to|allows? (?:you |users |me )?to) upload (?:any|arbitrary|all|every) (?:kind of |type of )?files?\b|\bcan upload anything\b`,
);

/** Credentials written into the code or shipped as a default that still logs in: admin:admin, a hard-coded password. */
const DEFAULT_CREDENTIALS = oneOf(
  "i",
  String.raw`\bhard-?coded (?:default )?(?:admin |root |user )?(?:passwords?|credentials?|logins?)\b`,
  String.raw`\b(?:default|built-in) (?:admin |root )?(?:password|credentials?|account)s?\b[^.\n]{0,40}\b(?:can|could|still|allows?|lets?) (?:be used to )?(?:log ?in|login|sign ?in|access)`,
  String.raw`\b(?:admin|root)[:/](?:admin|root|password|123456|admin123)\b(?![/\w-])`,
);

/** Deserialization gadgets: classes a polymorphic deserializer can be made to instantiate. */
const DESERIALIZATION_GADGET = oneOf("i", String.raw`\bserialization gadgets?\b`, String.raw`\bpolymorphic typing\b`);

/** Three published CVE ids in a row: a list copied from a tracker or an advisory feed, already public. */
const PUBLISHED_CVE_LIST = oneOf("i", String.raw`\bcve-\d{4}-\d{4,7}\b[^\n]{0,40}\bcve-\d{4}-\d{4,7}\b[^\n]{0,40}\bcve-\d{4}-\d{4,7}\b`);

/** The writer says the flaw is not one: not a vulnerability, not an issue in the library, not exploitable, only in a fuzzing harness. */
const SAYS_NOT_A_VULNERABILITY = oneOf(
  "i",
  String.raw`\b(?:is|are) not (?:an? )?(?:security )?(?:vulnerability|vulnerabilities|security (?:issue|bug|problem|hole))\b`,
  String.raw`\bnot (?:an? )?(?:security )?(?:issue|bug|vulnerability|problem) (?:in|of|with) the (?:library|project|package)\b`,
  String.raw`\bnot exploitable\b`,
  String.raw`\bno security (?:impact|implications?)\b`,
  String.raw`\b(?:in|of) the (?:fuzz(?:ing|er)? )?harness\b|\b(?:not|n't) (?:seem to be )?(?:a problem|an issue|a bug) in \S+ but in (?:the )?\S*(?:fuzzer|harness)\b`,
);

/** A textbook definition of a class of attack: "SSTI is a type of code injection that ...". */
const CLASS_DEFINITION = oneOf(
  "i",
  String.raw`\b(?:is|are) an? (?:type|kind|class|form) of (?:[\w-]+ ){0,2}(?:attack|vulnerability|injection|exploit)\b`,
  String.raw`\bis an? (?:http |web |common )?(?:exploit|attack|vulnerability) (?:which|that) allows\b`,
);

/** Training material and plans: lessons, scenarios, cheat sheets, a roadmap, a call for contributors. */
const TEACHING_OR_ROADMAP = oneOf(
  "i",
  String.raw`\bcontributors? (?:are )?(?:needed|welcome)\b`,
  String.raw`\bprs? welcome\b`,
  String.raw`\broadmap\b`,
  String.raw`\bthis scenario (?:helps|demonstrates)\b`,
  String.raw`\b(?:new|vulnerable) (?:lesson|module|challenge|scenario)s?\b`,
  String.raw`\badd (?:a |an |another |more |new )+[\w -]{0,30}?vulnerabilit(?:y|ies)\b`,
  String.raw`\btraining (?:app|application)\b`,
  String.raw`\bcheat ?sheet\b`,
  String.raw`\bcourse notes\b`,
  String.raw`\btextbook\b`,
);

const signals: readonly Signal[] = [
  {
    rule: "vulnerability-class",
    explanation: "names a class of vulnerability",
    weight: 1.25,
    in: "all",
    patterns: [
      /\bsql[ -]?injection\b|\bsqli\b|\bblind (?:sql|boolean|time)\b/i,
      /\bcross[ -]site scripting\b|\b(?:stored|reflected|dom[ -]based|self)[ -]?xss\b|\bxss\b/i,
      /\bremote code execution\b|\brce\b|\barbitrary (?:code|command) execution\b|\bcode execution\b/i,
      /\b(?:os |shell |command |template |ldap |header |crlf |xpath |nosql |expression language )injection\b|\bssti\b/i,
      /\bserver[ -]side request forgery\b|\bssrf\b/i,
      /\bcross[ -]site request forgery\b|\bcsrf\b|\bxsrf\b/i,
      /\b(?:path|directory) traversal\b|\blocal file inclusion\b|\blfi\b|\bzip[ -]slip\b/i,
      /\binsecure direct object reference\b|\bidor\b|\bbroken (?:object level )?(?:access control|authori[sz]ation)\b/i,
      /\b(?:authentication|auth|authori[sz]ation|2fa|mfa|login|paywall|signature) bypass\b|\bbypass(?:es|ing)? (?:the )?(?:authentication|authori[sz]ation|login|2fa|mfa|permission checks?)\b/i,
      /\bprivilege escalation\b|\bescalate (?:my |their |the )?privileges?\b/i,
      /\b(?:insecure |unsafe )?deseriali[sz]ation (?:of untrusted|vulnerability|gadget|leads|allows)|\bxxe\b|\bxml external entit/i,
      /\bopen redirect\b|\bprototype pollution\b|\baccount takeover\b|\bsession fixation\b|\bsubdomain takeover\b|\bcache poisoning\b|\brequest smuggling\b/i,
      /\b(?:heap|stack|global|buffer|integer)[ -](?:buffer[ -])?overflow\b|\buse[ -]after[ -]free\b|\bdouble free\b|\bout[ -]of[ -]bounds (?:read|write)\b|\bredos\b|\bzip bomb\b|\b(?:de)?compression[ -]bomb\b|\bbillion laughs\b/i,
      /\barbitrary file (?:read|write|upload|download|deletion|overwrite)\b|\bunrestricted file upload\b|\brace condition\b[^.\n]{0,30}\b(?:allows|lets|payment|checkout|coupon|voucher|redeem|balance|withdraw|transfer)/i,
      /\bunauth(?:enticated|ori[sz]ed) access\b|\bmissing (?:authentication|authori[sz]ation)(?: check)?\b|\bmass assignment\b|\bsession (?:is )?not (?:invalidated|revoked|expired)\b|\b(?:signature|token|certificate)s? (?:is |are )?not (?:verified|validated|checked)\b|\bcertificate (?:host ?names?|chains?|names?|subjects?) (?:is |are )?not (?:being )?(?:verified|validated|checked)\b|\bhost ?name (?:verification|validation|checking) (?:is )?(?:disabled|not (?:being )?(?:done|performed))\b|\bskips? (?:signature )?verification\b/i,
      EXPOSED_STORE_OR_DATA,
      REUSABLE_LINK_OR_REACHABLE_ADMIN_PAGE,
      PRICE_TAMPERING_OR_NO_AUTHORISATION,
      /\b(?:state|nonce|origin|redirect_uri|csrf token|hmac)(?: parameter| value| header)? (?:is |are )?not (?:checked|validated|verified)\b|\bpasswords? (?:are |is )?(?:stored |kept |sent )?(?:in (?:plain|clear) ?text|unhashed|not hashed)\b/i,
      /\b(?:without|no|not) (?:checking|verifying|validating|verification of) (?:a |the |any )?(?:signature|certificate|checksum|hash)\b|\bmake (?:itself|themselves|himself|herself|myself) (?:an? )?(?:admin|owner|administrator)\b/i,
      /\bkwetsbaarheid\b|\bbeveiligingslek\b|\bdatalek\b|\blek in\b|^lek\b|\b(?:niet|on)gehasht\b|\bin platte tekst\b/i,
      /\b(?:html|markdown|e-?mail|csv|formula|prompt|css|sql|code|script|command|shell) injection\b|\b(?:account|workspace|project|organi[sz]ation|org|team|tenant|repository|repo|admin|store|shop|session|server) take-?over\b/i,
      CLIENT_SIDE_ONLY_CHECK,
      /\b(?:rate limit(?:ing)?|lockout|captcha|2fa|mfa|otp|second factor|two-factor|signature check|fix|patch|check|protection|sanitizer|filter)\b[^.\n]{0,40}\bcan be (?:bypassed|skipped|circumvented)\b|\b(?:can|could) be brute[ -]?forced\b|\bno (?:attempt|retry|guess|login attempt) limit\b/i,
      /\bwrites? (?:the |a |any )?(?:files? )?(?:into|to) (?:the )?(?:web ?root|document root)\b|\bwrites? (?:the |a |any )?(?:files? )?outside the (?:upload|target|intended|extraction) (?:folder|directory)\b/i,
      /\b(?:fetch(?:es)?|requests?|calls?|loads?|embeds?|reach(?:es)?|lists?) (?:your |the |our |any )?internal (?:urls?|network|services?|hosts?|addresses|ips?|endpoints?|elasticsearch|databases?|apis?|admin)\b/i,
      DUTCH_BREAK_IN_OR_BYPASS,
      CHINESE_VULNERABILITY_CLASS,
      MEMORY_SAFETY_FLAW,
      DENIAL_OF_SERVICE_CAUSED,
      SECURITY_CHECK_BYPASSED,
      RESTRICTED_DATA_EXPOSED,
      GUESSABLE_SECRETS,
      INSECURE_FILE_PERMISSIONS,
      DEFAULT_CREDENTIALS,
      PASSWORDS_STORED_WEAKLY,
      UNCHECKED_UPLOAD,
      SANDBOX_ESCAPE,
      SERVICE_OPEN_TO_THE_INTERNET,
      FETCHED_OVER_HTTP,
      REACHES_ADMIN_PAGES,
      DESERIALIZATION_GADGET,
      CRYPTO_MISUSE,
      /\bget(?:ting)? (?:a )?web ?shell\b|\bupload(?:ed|ing|s)?\b[^.\n]{0,50}\bweb ?shell\b/i,
    ],
  },
  {
    rule: "exploit-payload",
    explanation: "contains an exploit payload or proof-of-concept input",
    weight: 2,
    in: "all",
    patterns: [
      /'\s?(?:or|and)\s?'?\d'?\s?=\s?'?\d|\bunion(?:\s|\/\*\*\/)+(?:all\s+)?select\b|\bsleep\(\d+\)|\bwaitfor delay\b|'\s?--(?![\w-])|%27(?:%20|\+)(?:or|and)/i,
      XSS_PAYLOAD,
      /=\s?(?:\.\.\/|\.\.\\|%2e%2e%2f){2,12}|(?:\.\.\/){2,12}(?:etc|windows|proc|root|boot\.ini)\b|%2e%2e%2f|\/etc\/passwd\b|\/etc\/shadow\b|\bc:\\windows\\win\.ini\b/i,
      /\{\{\s?7\s?\*\s?7\s?\}\}|\$\{\s?7\s?\*\s?7\s?\}|\$\{jndi:|<!entity\b|<!doctype [^>\n]{0,80}\[/i,
      /\b169\.254\.169\.254\b|\bmetadata\.google\.internal\b|\bgopher:\/\/|\bfile:\/\/\/etc\b/i,
      /(?:;|\||&&)\s?(?:id|whoami|uname -a)\s*(?:$|[`'")])|;\s?(?:cat \/etc\/|sleep \d+\s*(?:$|[`'")]))|\$\((?:id|whoami|curl|sleep)\b|`(?:id|whoami)`/im,
      /\b__proto__\[|["']__proto__["']\s?:|\bconstructor\[["']?prototype\b/i,
      /%3cscript|%3csvg|%22%3e%3c|\balg"?\s?:\s?"?none\b|"(?:role|is_?admin|admin)"\s?:\s?"?(?:admin|true|owner)\b|\bhost:\s?(?:evil|attacker)\b|\bshell\.(?:php|jsp|aspx)\b|\bphpinfo\(\)|\bgadget chain\b|\bysoserial\b/i,
      /\buid=\d{1,6}\(\w{1,32}\)|!!python\/object|<iframe src=["']?(?:https?:\/\/(?:localhost|127\.|10\.|192\.168\.)|javascript:|file:)|(?:\.\.\\){2,12}(?:windows|wwwroot|inetpub|system32|[\w-]{1,64}\.(?:aspx?|php|jsp|exe|dll|config|ini))\b|\.\.%2f|%2e%2e\//i,
      /=\s?(?:hyperlink|webservice|importxml|importdata|cmd\|)\(?|\bignore (?:all |the |any )?(?:previous|prior|above) instructions\b|\bpush graphic-context\b|\bevil\.(?:html|svg|xml|php|zip)\b/i,
      /\bcrafted (?:png|jpe?g|gif|svg|file|input|request|packet|image|pdf|zip|archive|payload|url|header)\b|\b(?:asan|addresssanitizer|valgrind) (?:output|report|trace)\b|\berror: addresssanitizer: [a-z-]+/i,
      SANITIZER_REPORT,
    ],
  },
  {
    rule: "attacker-impact",
    explanation: "says what an attacker can do to others",
    weight: 1.5,
    in: "all",
    patterns: [
      ATTACKER_CAN,
      ANYONE_CAN,
      /\b(?:of|from|belonging to) (?:a stranger|strangers|someone else|another person)\b|\b(?:a stranger|someone else)'s\b|\bfor (?:everyone|anyone|every user|every visitor) who (?:opens|views|visits|loads|reads)\b/i,
      AS_SOMEONE_ELSE,
      LEAKS_OTHER_USERS_DATA,
      /\b(?:reachable|accessible|accessed|available|exposed|loads?|works?|opens?)\b[^.\n]{0,60}\b(?:without (?:any )?(?:login|logging in|authentication|a session|credentials)|no (?:session|login|cookies))\b/i,
      /\b(?:conversation|messages?|data|account|profile|orders?|invoices?|files?|repositories|projects?|documents|records?|details|comments?|posts?|notes?|drafts?)s? of (?:an)?other (?:users?|customers?|tenants?|organi[sz]ations?|accounts?)\b/i,
      TENANTS_ROLES_OR_DRAFTS,
      /\b(?:returns?|exposes?|lists?|shows?|leaks?|accessible|readable|downloadable|visible)\b[^.\n]{0,80}\bwithout (?:any )?(?:authentication|logging in|login|credentials|a session)\b/i,
      /\b(?:passport|identity card|id card|driver'?s licen[cs]e)s? (?:scans?|photos?|copies|numbers)\b|\b(?:medical records|credit card numbers|bank account numbers|social security numbers|bsn(?:-nummers)?)\b/i,
      /\bleak(?:s|ing|ed)? (?:the |my |your |their |a )?(?:authori[sz]ation code|api token|access token|token|session|cookie|credentials|password|reset token)s?\b/i,
      /\ballows? (?:an? )?(?:remote |unauthenticated |malicious )?(?:attacker|adversary|anyone|any user|users?|visitors?)s? to (?:read|access|download|view|steal|take over|hijack|impersonate|execute|run|modify|delete|bypass|escalate|obtain|inject|forge|reset|log in)\b/i,
      /\b(?:without|no) (?:any )?(?:authentication|being logged in|login|credentials|a session)\b[^.\n]{0,80}\b(?:returns?|exposes?|shows?|lists?|downloads?|reads?|can|leaks?)\b/i,
      OTHER_USERS_DATA,
      ATTACKERS_ALLOWED_TO,
      /\b(?:leads? to|results? in|resulting in|which gives|giving)\b[^.\n]{0,40}\b(?:code execution|account takeover|full compromise|data (?:exposure|leak)|privilege escalation|session hijacking|credential theft)\b/i,
      DUTCH_ATTACKER_OR_OTHERS_DATA,
      CHINESE_ATTACKER_CAN,
      DUTCH_ANYONE_CAN,
      DONE_BY_ANYONE,
      /\b(?:someone|somebody) (?:else'?s|other than you)|\b(?:isn'?t|is not|aren'?t|are not) (?:mine|yours)\b|\bother (?:people|customers|users)'s\b|\b(?:everyone|anyone|anybody|every customer|any customer)'s\b/i,
      DATA_SENT_TO_ATTACKER,
      /\b(?:deleted|removed) (?:users?|accounts?|customers?)'?s? (?:files|data|documents|attachments|uploads)\b[^.\n]{0,30}\bstill (?:downloadable|reachable|accessible|readable)\b|\b(?:listed|shown|visible) in the public (?:activity feed|feed|api|page|profile|sitemap)\b/i,
      /\b(?:dump|backup|gist|paste|pastebin|spreadsheet)s?\b[^.\n]{0,40}\b(?:with|of|containing|holding) (?:about |over |some |roughly |nearly )?\d[\d,.]{0,9} (?:real )?(?:customers?|users?|patients?|members?|clients?|klanten|gebruikers)\b/i,
      /\bredirect (?:other people'?s?|their|customers'?) (?:deliveries|orders|payments|payouts|e-?mails)\b|\brevoke (?:every|all|any) (?:customer|user)'?s? (?:keys|tokens|sessions)\b|\b(?:opens?|unlocks?) the (?:owner|victim|user)'s (?:vault|account|mailbox|wallet)\b/i,
    ],
  },
  {
    rule: "first-hand-finding",
    explanation: "describes a finding the writer made on a real system",
    weight: 1,
    in: "all",
    patterns: [
      I_FOUND,
      FIRST_HAND_VERIFICATION,
      /\bwhile (?:testing|pentesting|reviewing|auditing|fuzzing|looking at)\b[^.\n]{0,80}\b(?:i|we) (?:found|noticed|discovered|was able|could)\b/i,
      /\b(?:proof[ -]of[ -]concept|poc)\b/i,
      I_CHANGED_AND_SAW,
      /\bik (?:heb|ontdekte|vond|kon|kan|zag|merkte)\b[^.\n]{0,120}\b(?:kwetsbaar|lek|toegang|inloggen|gegevens|wachtwoord|token|downloaden|inzien|bekijken|facturen|binnenkom|installaties)/i,
      CAREFUL_TESTING,
      FUZZER_FINDING,
    ],
  },
  {
    rule: "disclosure-framing",
    explanation: "frames itself as a security report or disclosure",
    weight: 1.5,
    in: "all",
    patterns: [
      /\b(?:reporting|report|disclos(?:e|ing)|found|discovered|identified) (?:a |an |the |this |what (?:looks|seems) like an? |possible |potential |critical |serious |severe )*(?:security )?(?:vulnerability|vuln|security (?:issue|bug|flaw|hole|problem))\b/i,
      /\b(?:responsible|coordinated) disclosure\b|\bbug bounty\b|\bsecurity researcher\b|\bcvss(?::?3\.[01]|:4\.0)?\/av:[nalp]\b|\bcvss (?:score|base score)?:? ?\d{1,2}\.\d\b/i,
      NO_PRIVATE_CHANNEL,
      ADVISORY_OPENING,
      CHINESE_FLAW_IN_PLACE,
      /\b(?:fix|patch)(?:es)? (?:for|of) (?:cve-\d{4}-\d{4,7}|ghsa(?:-[a-z0-9]{4}){3})\b[^.\n]{0,40}\b(?:can be bypassed|is incomplete|incomplete|bypass|does not|doesn'?t|still)|\bstill vulnerable to (?:cve-|ghsa-)/i,
      /\bmelding van een kwetsbaarheid\b|\bverantwoorde? (?:openbaarmaking|melding)\b|\bik wil (?:een )?(?:kwetsbaarheid|beveiligingslek|lek) melden\b/i,
    ],
  },
  {
    rule: "exposed-secret",
    explanation: "points at a secret or credential that is exposed",
    weight: 1.75,
    in: "all",
    patterns: [
      SECRET_EXPOSED,
      /\b(?:exposed|leaked|hard-?coded|committed) (?:an? |the |our |your |production )?(?:api[ -]?key|access[ -]?token|secret|password|private key|credentials?|aws keys?|signing key)\b/i,
      HASH_OR_SECRET_LEAKED,
      SECRET_IN_BUNDLE_OR_FILE,
      LOGGED_SECRETS_OR_RETURNED_HASHES,
      PRODUCTION_CREDENTIALS,
      /\bghp_[a-z0-9]{20,}|\bgithub_pat_[a-z0-9_]{20,}|\bakia[0-9a-z]{16}\b|\bsk_live_[a-z0-9]{10,}|\bxox[bp]-[a-z0-9-]{10,}|-----begin (?:rsa |ec |openssh )?private key-----/i,
    ],
  },
  {
    rule: "secret-in-url",
    explanation: "puts a secret where others can read it: in a URL, a link or a Referer",
    weight: 1,
    in: "all",
    patterns: [SECRET_IN_URL],
  },
  {
    rule: "no-authentication",
    explanation: "says it works without logging in",
    weight: 0.75,
    in: "all",
    distinctFrom: ["attacker-impact"],
    patterns: [WITHOUT_LOGIN],
  },
  {
    rule: "record-title",
    explanation: "is titled as a vulnerability record is: the affected component and the kind of flaw",
    weight: 0.75,
    in: "title",
    patterns: [COMPONENT_AND_FLAW_TITLE],
  },
  {
    rule: "flaw-in-code-title",
    explanation: "names in its title a kind of flaw and the code it is in",
    weight: 0.75,
    in: "title",
    patterns: [FLAW_IN_CODE_TITLE],
  },
  {
    rule: "personal-data",
    explanation: "names the personal data of other people that is exposed",
    weight: 0.75,
    in: "all",
    requires: ["attacker-impact", "no-authentication"],
    patterns: [
      /\b(?:full names?|(?:delivery|home|street|postal|e-?mail) addresse?s?|street|phone numbers?|telephone numbers?|iban|dates? of birth|passports?|bank accounts?|signed contracts|contracts|medical|patients?|patiënten|adres(?:sen)?|telefoonnummers?|geboortedatum|bsn|naam, adres)\b/i,
    ],
  },
  {
    rule: "live-credential",
    explanation: "says a credential still works or must be revoked",
    weight: 1,
    in: "all",
    patterns: [
      /(?<!\b(?:if|whether|when|while|until|as long as)\b[^.\n]{0,40})\bstill (?:seems? |appears? )?(?:to be )?(?:valid|working|active|live)\b|\bplease (?:rotate|revoke)\b/i,
    ],
  },
  {
    rule: "concrete-target",
    explanation: "points at a concrete system, endpoint or version",
    weight: 0.5,
    in: "all",
    patterns: [
      /\bhttps?:\/\/[\w.-]{1,100}\.[a-z]{2,63}(?::\d{1,5})?\/[^\s)]{0,200}[?=/]/i,
      /\b(?:GET|POST|PUT|PATCH|DELETE) \/[\w{}/.-]{2,200}|\bcurl (?:-[a-z]+ )*(?:https?:\/\/|'|")/,
    ],
  },
  {
    rule: "security-metadata",
    explanation: "carries a severity, CWE or CVSS rating",
    weight: 0.75,
    in: "all",
    patterns: [/\bcwe-\d{1,4}\b/i, /\bseverity:? ?(?:critical|high)\b|\b(?:critical|high)[ -]severity\b|\bimpact:? ?(?:critical|high)\b/i],
  },
  {
    rule: "question-or-proposal",
    explanation: "is a question, proposal or feature request rather than a finding",
    weight: -1.5,
    in: "title",
    patterns: [
      /[?？]\s*$|^\s*(?:how|what|why|where|should|would|is there|are there|any plans?) |^\s*(?:如何|怎么|怎样|为什么|为何|能否|是否|请问)/i,
      /\b(?:feature request|feature|proposal|rfc|idea|question|discussion|support for|add support|roadmap|enhancement|suggestion|request:)\b|^\s*(?:docs?|documentation)\b|^\s*\[?(?:feat|docs|chore|question|rfc)\]?[:\]]/i,
      IMPERATIVE_TITLE,
      /\b(?:vraag|voorstel|wens|verzoek)\b/i,
      /^\s*[[【]?(?:建议|需求|功能|新功能|求助|疑问|咨询|提问)[\]】:：]/,
    ],
  },
  {
    rule: "expected-access",
    explanation: "says something should be reachable without logging in, which is a wish, not a finding",
    weight: -1.5,
    in: "all",
    patterns: [SHOULD_BE_PUBLIC],
  },
  {
    rule: "proposal-in-body",
    explanation: "opens as a proposal or feature request",
    weight: -1,
    in: "body",
    patterns: [/^\s*(?:voorstel|proposal|feature request|suggestion|idea|wens|verzoek)\s?:/i],
  },
  {
    rule: "public-dependency-advisory",
    explanation: "is about an already public advisory in a dependency",
    weight: -1.75,
    in: "all",
    patterns: [
      /\b(?:bump|upgrade|update|updating|upgrading|bumping)\b[^.\n]{0,60}\b(?:to|past|beyond|for)\b[^.\n]{0,40}\b(?:cve-\d{4}-\d+|ghsa-[\w-]+|fix(?:es)?|patched|advisory)\b/i,
      /\b(?:dependabot|npm audit|yarn audit|pip-audit|snyk|trivy|grype|osv-scanner|renovate)\b/i,
      /\b(?:cve-\d{4}-\d{4,}|ghsa(?:-[a-z0-9]{4}){3})\b[^.\n]{0,80}\b(?:in|of|affects?) (?:the )?(?:dependency|dependencies|transitive|upstream|package|library)\b/i,
      /\b(?:publicly|already) (?:known|disclosed|published|announced)\b|\bpublished (?:security )?(?:advisory|cve)\b/i,
      SCANNER_OR_DEPENDENCY_CVE,
      /(?:组件|依赖)[^。\n]{0,40}漏洞[^。\n]{0,40}(?:升级|更新)|漏洞[^。\n]{0,20}建议[^。\n]{0,6}(?:升级|更新)/,
    ],
  },
  {
    rule: "names-published-cve",
    explanation: "names a CVE id, which is assigned when a vulnerability is published or about to be",
    weight: -1.5,
    in: "all",
    // A CVE whose fix the text shows bypassed is the old finding; the bypass is a new one.
    distinctFrom: ["disclosure-framing"],
    patterns: [/\bcve-\d{4}-\d{4,7}\b/i],
  },
  {
    rule: "published-cve-list",
    explanation: "lists several CVEs that are already published, as a tracker or a feed does",
    weight: -2,
    in: "all",
    patterns: [PUBLISHED_CVE_LIST],
  },
  {
    rule: "not-a-vulnerability",
    explanation: "says itself that it is not a vulnerability or has no security impact",
    weight: -2,
    in: "all",
    patterns: [SAYS_NOT_A_VULNERABILITY],
  },
  {
    rule: "teaching-material",
    explanation: "defines a class of vulnerability or asks for a lesson or a test, rather than reporting a flaw",
    weight: -1.5,
    in: "all",
    patterns: [CLASS_DEFINITION, TEACHING_OR_ROADMAP],
  },
  {
    rule: "scanner-output",
    explanation: "passes on what a scanning product reported, not a finding the writer verified",
    weight: -1.5,
    in: "all",
    patterns: [SCANNER_TOOL_FINDING],
  },
  {
    rule: "asks-for-private-channel",
    explanation: "asks where to report privately rather than reporting in public",
    weight: -1.5,
    in: "all",
    patterns: [PRIVATE_CHANNEL_REQUEST],
  },
  {
    rule: "csrf-check-error",
    explanation: "quotes the error a CSRF check gives when a form or session breaks, which users meet in normal use",
    weight: -1.5,
    in: "all",
    patterns: [
      /\b(?:csrf|xsrf)(?:[ _-]?(?:session|form|cookie))?(?:[ _-]?token)? (?:mismatch|missing|is missing|invalid|error|failed|validation failed|verification failed|expired)\b|\b(?:invalid|missing|expired|mismatched) (?:csrf|xsrf)[ _-]?token\b/i,
    ],
  },
  {
    rule: "hardening-or-process",
    explanation: "asks for hardening or discusses security process, not a flaw found",
    weight: -1,
    in: "all",
    patterns: [
      HARDENING_REQUEST,
      /\bhardening\b|\bpost[- ]?mortem\b|\bincident report\b|\bno action (?:is )?(?:needed|required)\b/i,
      /\b(?:security policy|threat model|security audit|pen ?test(?:ing)? (?:schedule|plan|vendor)|security review of|security roadmap|best practices?|checklist|guidelines|hardening guide)\b/i,
      /\b(?:would|should) (?:it|we|you|this) (?:be|make|add|consider|document)\b|\bwhat do (?:you|people|folks) think\b|\bany plans? to\b|\bis there a (?:way|plan|recommended)\b|\bhow (?:do|should|can) (?:i|we|you)\b/i,
    ],
  },
];

/**
 * Words of harm and access that reports use even when they name no vulnerability class. One or two are common in any
 * security discussion; many distinct ones together describe an attack. Each distinct term past the first adds
 * `HARM_TERM_WEIGHT`, up to `HARM_MAX_WEIGHT`.
 */
const HARM_WORDS: readonly string[] = [
  String.raw`impersonat\w*`,
  String.raw`intercept\w*`,
  String.raw`brute[ -]?forc\w*`,
  String.raw`hijack\w*`,
  String.raw`take[ -]?over`,
  String.raw`exfiltrat\w*`,
  String.raw`bypass\w*`,
  String.raw`escalat\w*`,
  String.raw`inject\w*`,
  String.raw`forg(?:e|ed|ery)`,
  String.raw`spoof\w*`,
  String.raw`tamper\w*`,
  String.raw`unauthori[sz]ed`,
  String.raw`attacker'?s?`,
  String.raw`malicious`,
  String.raw`victim'?s?`,
  String.raw`exploit\w*`,
  String.raw`payload`,
  String.raw`secret key`,
  String.raw`secrets?`,
  String.raw`credentials?`,
  String.raw`tokens?`,
  String.raw`cookies?`,
  String.raw`session`,
  String.raw`passwords?`,
  String.raw`internal`,
  String.raw`localhost`,
  String.raw`any account`,
  String.raw`anyone`,
  String.raw`another user'?s?`,
  String.raw`other users'?`,
  String.raw`dumps?`,
  String.raw`environment variables`,
  String.raw`certificate validation`,
  String.raw`trust(?:s|ing)? all`,
  String.raw`mitm`,
  String.raw`man[ -]in[ -]the[ -]middle`,
  String.raw`lock(?:ing|s)? (?:the owner|them|users?) out`,
  String.raw`runs? (?:its |their |arbitrary )?scripts?`,
  String.raw`as admin`,
  String.raw`admin rights`,
  String.raw`without (?:authentication|authori[sz]ation|login|permission)`,
  String.raw`not bound to`,
  String.raw`leak\w*`,
  String.raw`referr?er`,
  String.raw`phishing`,
  String.raw`browser history`,
  String.raw`proxy logs`,
];
/** One capturing group per word of harm, so that two spellings of one word ("leaked", "leaking") count once. */
const HARM_TERMS = new RegExp(String.raw`\b(?:${HARM_WORDS.map((word) => `(${word})`).join("|")})\b`, "gi");
const HARM_TERM_WEIGHT = 0.75;
const HARM_MAX_WEIGHT = 3;

const BIAS = 1.75;
const SCALE = 1.1;

/**
 * Classifies a text. The confidence is a logistic function of the summed weights, so a single mention of a
 * vulnerability class stays well below the default threshold and a payload plus an attacker's impact is well above.
 */
export function classify(input: ClassifyInput, policy: ClassifyPolicy = defaultClassifyPolicy): Classification {
  const text = reportText(input);
  const reasons: ClassifyReason[] = [];
  const quoted = new Map<string, string>();
  for (const signal of signals) {
    if (signal.requires && !reasons.some((reason) => signal.requires?.includes(reason.rule))) continue;
    const haystack = signal.in === "title" ? text.title : signal.in === "body" ? text.body : text.all;
    const matched = firstMatch(signal.patterns, haystack);
    if (matched !== undefined && !signal.distinctFrom?.some((rule) => quoted.get(rule)?.includes(matched))) {
      quoted.set(signal.rule, matched);
      reasons.push({ rule: signal.rule, explanation: signal.explanation, matched: excerpt(matched), weight: signal.weight });
    }
  }
  const corroboration = corroborate(reasons, text.all);
  if (corroboration) reasons.push(corroboration);
  const harmTerms = distinctHarmTerms(text.all);
  // Words of harm describe an attack in a report and the class of attack in a discussion: they count only when
  // nothing in the text frames it as a discussion, a scan result or a request.
  if (harmTerms.length > 1 && !reasons.some((reason) => reason.weight < 0)) {
    reasons.push({
      rule: "harm-vocabulary",
      explanation: "describes harm and access in many different words",
      matched: excerpt(harmTerms.join(", ")),
      weight: Math.min(HARM_MAX_WEIGHT, HARM_TERM_WEIGHT * (harmTerms.length - 1)),
    });
  }
  const ruleScore = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  // The model is asked only where the rules fall short or decide narrowly: where they are sure, their reasons are the
  // explanation.
  const ruleConfidence = confidenceOf(ruleScore);
  const judgement =
    ruleConfidence < RULES_SURE && !reasons.some((reason) => SILENCES_MODEL.includes(reason.rule))
      ? modelReason(input.title, input.body, text.all, {
          corroborating: corroborates(reasons),
          rulesDecide: ruleConfidence >= RULES_DECIDE,
        })
      : undefined;
  if (judgement) reasons.push(judgement);
  const confidence = confidenceOf(ruleScore + (judgement?.weight ?? 0));
  const association = input.authorAssociation?.toUpperCase();
  if (association && MAINTAINER_ASSOCIATIONS.includes(association) && !policy.includeMaintainers) {
    return {
      vulnerabilityReport: false,
      confidence,
      reasons: [
        ...reasons,
        {
          rule: "maintainer-author",
          explanation: "was written by the repository's own people, which containment leaves alone unless configured",
          matched: association,
          weight: 0,
        },
      ],
    };
  }
  return { vulnerabilityReport: confidence >= policy.threshold, confidence, reasons };
}

/**
 * Whether the rules found a sign of a vulnerability the model may corroborate, and nothing frames the text as a
 * discussion, a scan result or a request. A concrete target is no such sign (a request line or a URL is how ordinary
 * API bugs are reported as well), nor are a word or two of harm ("token" and "session" appear in ordinary bugs too);
 * three different ones are.
 */
function corroborates(reasons: readonly ClassifyReason[]): boolean {
  return reasons.some(isSign) && !reasons.some((reason) => reason.weight < 0);
}

function isSign(reason: ClassifyReason): boolean {
  if (reason.rule === "harm-vocabulary") return reason.weight >= HARM_TERM_WEIGHT * (HARM_TERMS_A_SIGN - 1);
  return reason.weight > 0 && reason.rule !== "concrete-target";
}

/** How many different words of harm make a sign the model may corroborate. */
const HARM_TERMS_A_SIGN = 3;

/**
 * Rules after which the model is not asked at all, not even when it is very sure: a scanning product's findings are
 * written in the words of a disclosure by design, so a model that learned those words cannot tell them apart.
 */
const SILENCES_MODEL: readonly string[] = ["scanner-output"];

/** Rules that say what harm is done or what is exposed. */
const IMPACT_RULES: readonly string[] = ["attacker-impact", "exposed-secret", "no-authentication"];
/** Rules that show the harm was demonstrated rather than imagined: a payload, a request, a finding. */
const EVIDENCE_RULES: readonly string[] = ["exploit-payload", "first-hand-finding", "concrete-target"];
/** Numbered steps to reproduce, which together with an impact statement make a report rather than a bug. */
const REPRODUCTION_STEPS =
  /^\s*(?:steps(?: to reproduce)?|to reproduce|reproduction|repro|stappen(?: om te reproduceren)?)\s?:?\s*\n\s*1[.)] /im;
const CORROBORATION_WEIGHT = 0.5;

/**
 * An impact statement backed by evidence (a payload, a request, a first-hand finding or steps to reproduce) is more
 * than the sum of the two: a discussion speculates about impact, a bug report shows steps, a report does both.
 */
function corroborate(reasons: readonly ClassifyReason[], text: string): ClassifyReason | undefined {
  if (!reasons.some((reason) => IMPACT_RULES.includes(reason.rule))) return undefined;
  const evidence = reasons.find((reason) => EVIDENCE_RULES.includes(reason.rule));
  const steps = evidence ? undefined : REPRODUCTION_STEPS.exec(text)?.[0];
  const matched = evidence?.matched ?? (steps === undefined ? undefined : excerpt(steps));
  if (matched === undefined) return undefined;
  return {
    rule: "corroborated",
    explanation: "backs its impact with a payload, a request, steps or a first-hand finding",
    matched,
    weight: CORROBORATION_WEIGHT,
  };
}

const vulnerabilityModel = lazyModel("vulnerability.json");
/**
 * Rule confidence from which the rules' reasons alone explain the decision. Fixed rather than the policy's threshold,
 * so that a text's confidence does not depend on the threshold it is compared with.
 */
const RULES_DECIDE = defaultClassifyPolicy.threshold;
/** How much the model's log-odds count next to the rules' weights, and the most they add. */
const MODEL_WEIGHT = 1;
const MODEL_MOST_LOG_ODDS = 4;
/** Log-odds (p ≥ 0.993) from which the model speaks even when no rule found a sign of a vulnerability. */
const MODEL_ALONE_LOG_ODDS = 5;
/**
 * Rule confidence under which the rules decide only narrowly, and log-odds (p ≤ 0.018) under which the model is sure
 * enough to speak against them there: a security discussion often uses the words of several rules at once.
 */
const RULES_SURE = 0.72;
const MODEL_AGAINST_LOG_ODDS = 4;
/** A model's chance is never certainty, and rounded to 0 or 1 the reason would claim it. */
const MOST_SHOWN_PROBABILITY = 0.999;
const LEAST_SHOWN_PROBABILITY = 0.001;

/**
 * The model's judgement as a reason: its weight, and the words that carried it, quoting one the text contains.
 * Where the rules fall short it speaks in favour only, and alone only when it is very sure; `corroborating` says a rule
 * already found a sign (see `corroborates`). Where the rules decide narrowly it speaks only against, and only when it
 * is very sure.
 */
function modelReason(
  title: string,
  body: string,
  text: string,
  { corroborating, rulesDecide }: { corroborating: boolean; rulesDecide: boolean },
): ClassifyReason | undefined {
  if (title.trim() === "" && body.trim() === "") return undefined;
  const prediction = predict(vulnerabilityModel(), title, body);
  const probability = prediction.probabilities[0] ?? 0;
  const logOdds = Math.log(Math.max(probability, 1e-6) / Math.max(1 - probability, 1e-6));
  const direction = rulesDecide ? "against" : "for";
  const speaks = rulesDecide ? logOdds <= -MODEL_AGAINST_LOG_ODDS : logOdds > 0 && (corroborating || logOdds >= MODEL_ALONE_LOG_ODDS);
  if (!speaks) return undefined;
  const shown = Math.max(LEAST_SHOWN_PROBABILITY, Math.min(round(probability), MOST_SHOWN_PROBABILITY));
  const words = strongestWords(prediction, direction);
  return {
    rule: "model",
    explanation:
      `a model trained on public disclosures puts the chance that this is a vulnerability report at ${shown}; ` +
      `the words that weigh most ${direction} it: ${words.map((word) => `"${word}"`).join(", ")}`,
    matched: quotable(words, text) ?? "",
    weight: round(MODEL_WEIGHT * Math.max(-MODEL_MOST_LOG_ODDS, Math.min(MODEL_MOST_LOG_ODDS, logOdds))),
  };
}

function strongestWords(prediction: Prediction, direction: "for" | "against"): string[] {
  return prediction
    .top(0, 8, direction)
    .map((contribution) => contribution.feature)
    .filter((feature) => !feature.includes("_number_") && !feature.includes("_project_"))
    .slice(0, 5);
}

/** The first of the words that the text contains as written, so the reason quotes the text like every other. */
function quotable(words: readonly string[], text: string): string | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, " ");
  for (const word of words) {
    const plain = word.replace(/ \(title\)$/, "");
    const at = lower.indexOf(plain);
    if (at >= 0) return excerpt(text.replace(/\s+/g, " ").slice(at, at + plain.length));
  }
  return undefined;
}

function confidenceOf(score: number): number {
  return round(1 / (1 + Math.exp(-SCALE * (score - BIAS))));
}

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/** The distinct words of harm in a text, each quoted once as first written, however often and however spelled. */
function distinctHarmTerms(text: string): string[] {
  const terms = new Map<number, string>();
  for (const match of text.matchAll(HARM_TERMS)) {
    const word = match.findIndex((group, index) => index > 0 && group !== undefined);
    if (!terms.has(word)) terms.set(word, match[0].toLowerCase().replace(/'?s?$/, "").replace(/'$/, ""));
  }
  return [...terms.values()];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
