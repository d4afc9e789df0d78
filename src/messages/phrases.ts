import type { ExceptionId } from "../policy/catalog.js";
import type { ConductId } from "../policy/conduct.js";
import type { Language } from "../config/schema.js";

/**
 * The words a published policy needs beyond what the templates say: catalog findings in Dutch (the catalog
 * itself speaks English), what each exception and conduct rule means in a sentence, lists and plurals.
 */

/** Catalog findings as a Dutch policy states them; English comes from the catalog's own `policyText`. */
export const dutchExclusionSentences: Readonly<Record<string, string>> = {
  "non-200-page":
    "HTTP 404-pagina's of andere pagina's met een HTTP-statuscode anders dan 200, en content spoofing of tekstinjectie op die pagina's.",
  "version-disclosure": "Fingerprinting of het tonen van versienummers op publieke diensten.",
  "public-nonsensitive-file": "Publieke bestanden of mappen met niet-gevoelige informatie (zoals robots.txt).",
  clickjacking: "Clickjacking en problemen die alleen via clickjacking te misbruiken zijn.",
  "cookie-flags": "Ontbrekende Secure- of HttpOnly-vlaggen op niet-gevoelige cookies.",
  "options-method": "Een ingeschakelde HTTP OPTIONS-methode.",
  "rate-limiting": "Ontbrekende rate limiting zonder duidelijke impact.",
  "security-headers":
    "Alles wat met HTTP-beveiligingsheaders te maken heeft (Strict-Transport-Security, X-Frame-Options, X-XSS-Protection, X-Content-Type-Options, Content-Security-Policy).",
  "tls-configuration": "Problemen met de SSL-configuratie, uitgeschakelde SSL Forward Secrecy en zwakke of onveilige cipher suites.",
  "ssl-certificate": "Problemen met SSL-certificaten.",
  "email-authentication": "Problemen met SPF, DKIM of DMARC.",
  "dns-configuration": "Problemen met de DNS-configuratie.",
  "host-header-injection": "Host header injection.",
  "outdated-software": "Het melden van verouderde versies van software zonder proof of concept van een werkende exploit.",
  "metadata-exposure": "Informatie die via metadata vrijkomt.",
  "demo-environment": "Demo-omgevingen.",
  "username-enumeration":
    "Het achterhalen van gebruikersnamen op systemen voor klanten (aan de reactie van de server zien of een account bestaat).",
  "outdated-browser": "Elke bug die afhangt van een verouderde browser.",
  "csrf-unauthenticated": "CSRF zonder authenticatie, of op inloggen of uitloggen.",
  "mitm-physical-access": "Aanvallen die een man-in-the-middle-positie of fysieke toegang tot het apparaat van een gebruiker vereisen.",
  "csv-injection": "CSV-injectie (Comma Separated Values) zonder aangetoonde kwetsbaarheid.",
  "server-configuration":
    "Problemen met de serverconfiguratie (zoals open poorten, TLS-versies, ontbrekende best practices in de SSL/TLS-configuratie).",
  "denial-of-service": "Elke activiteit die tot een verstoring van onze dienstverlening kan leiden (DoS).",
  "content-spoofing": "Content spoofing en tekstinjectie zonder aangetoonde aanvalsvector of zonder HTML/CSS te kunnen wijzigen.",
  "rate-limit-csrf-403": "Rate limiting die eigenlijk de CSRF-bescherming is, gemeld op grond van alleen een HTTP 403-antwoord.",
};

/** Catalog finding titles in Dutch, for Dutch messages; English comes from the catalog's own `title`. */
export const dutchExclusionTitles: Readonly<Record<string, string>> = {
  "non-200-page": "HTTP 404- en andere niet-200-pagina's, en tekst die erin wordt geïnjecteerd",
  "version-disclosure": "Fingerprinting en het tonen van versienummers",
  "public-nonsensitive-file": "Publieke bestanden of mappen met niet-gevoelige informatie",
  clickjacking: "Clickjacking",
  "cookie-flags": "Ontbrekende Secure- of HttpOnly-vlaggen op niet-gevoelige cookies",
  "options-method": "Ingeschakelde HTTP OPTIONS-methode",
  "rate-limiting": "Ontbrekende rate limiting zonder duidelijke impact",
  "security-headers": "HTTP-beveiligingsheaders",
  "tls-configuration": "SSL/TLS-configuratie, forward secrecy en cipher suites",
  "ssl-certificate": "Problemen met SSL-certificaten",
  "email-authentication": "SPF, DKIM of DMARC",
  "dns-configuration": "Problemen met de DNS-configuratie",
  "host-header-injection": "Host header injection",
  "outdated-software": "Verouderde software zonder werkende exploit",
  "metadata-exposure": "Informatie die via metadata vrijkomt",
  "demo-environment": "Demo-omgevingen",
  "username-enumeration": "Het achterhalen van gebruikersnamen op systemen voor klanten",
  "outdated-browser": "Bugs die afhangen van een verouderde browser",
  "csrf-unauthenticated": "CSRF zonder authenticatie, of op inloggen of uitloggen",
  "mitm-physical-access": "Aanvallen die een man-in-the-middle-positie of fysieke toegang tot een apparaat vereisen",
  "csv-injection": "CSV-injectie zonder aangetoonde kwetsbaarheid",
  "server-configuration": "Problemen met de serverconfiguratie (open poorten, TLS-versies, ontbrekende best practices)",
  "denial-of-service": "Denial of service",
  "content-spoofing": "Content spoofing en tekstinjectie zonder aanvalsvector",
  "rate-limit-csrf-403": "CSRF-bescherming aangezien voor rate limiting (HTTP 403-antwoorden)",
};

/** The clause an `unless` exception adds to an exclusion: "…, unless a sensitive action is exposed." */
export const exceptionClauses: Readonly<Record<Language, Readonly<Record<ExceptionId, string>>>> = {
  en: {
    "sensitive-action": "unless a sensitive action is exposed",
    "sensitive-cookie": "unless the cookie is sensitive (a session or authentication cookie)",
    "sensitive-data": "unless it holds sensitive data",
    "clear-impact": "unless it has a clear impact, such as account takeover or a brute-force attack that works",
    "working-poc": "unless you have a working proof of concept",
    "demonstrated-exploit": "unless you demonstrate a vulnerability",
    "attack-vector": "unless you show an attack vector or can modify HTML or CSS",
  },
  nl: {
    "sensitive-action": "tenzij er een gevoelige actie mee kan worden uitgevoerd",
    "sensitive-cookie": "tenzij het een gevoelige cookie is (een sessie- of authenticatiecookie)",
    "sensitive-data": "tenzij er gevoelige gegevens in staan",
    "clear-impact": "tenzij er een duidelijke impact is, zoals het overnemen van een account of een brute-force-aanval die werkt",
    "working-poc": "tenzij u een werkende proof of concept heeft",
    "demonstrated-exploit": "tenzij u een kwetsbaarheid aantoont",
    "attack-vector": "tenzij u een aanvalsvector laat zien of HTML of CSS kunt wijzigen",
  },
};

/** What a researcher must not do, as the object of "Do not use …" / "Gebruik geen …". */
export const conductPhrases: Readonly<Record<Language, Readonly<Record<ConductId, string>>>> = {
  en: {
    "physical-attack": "attacks on physical security",
    "social-engineering": "social engineering",
    ddos: "distributed denial of service",
    spam: "spam",
    "third-party-application": "applications of third parties",
    "automated-scanning": "hacking tools, such as vulnerability scanners",
    "active-network-scanning": "active scans of our network",
    "excess-data-access": "access to more data than needed to demonstrate the problem",
    "data-modification": "changes to or deletion of data that is not your own",
  },
  nl: {
    "physical-attack": "aanvallen op fysieke beveiliging",
    "social-engineering": "social engineering",
    ddos: "distributed denial of service (DDoS)",
    spam: "spam",
    "third-party-application": "applicaties van derden",
    "automated-scanning": "hackingtools, zoals kwetsbaarhedenscanners",
    "active-network-scanning": "actieve scans van ons netwerk",
    "excess-data-access": "toegang tot meer gegevens dan nodig om het probleem aan te tonen",
    "data-modification": "het wijzigen of verwijderen van gegevens die niet van u zijn",
  },
};

const conjunctions: Record<Language, { and: string; or: string }> = {
  en: { and: "and", or: "or" },
  nl: { and: "en", or: "of" },
};

/** "a, b or c" / "a, b of c". */
export function joinList(items: readonly string[], language: Language, conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunctions[language][conjunction]} ${items[items.length - 1]}`;
}

const units = {
  businessDay: { en: ["business day", "business days"], nl: ["werkdag", "werkdagen"] },
  day: { en: ["day", "days"], nl: ["dag", "dagen"] },
  record: { en: ["record", "records"], nl: ["record", "records"] },
} as const;

/** "1 business day", "5 business days", "3 werkdagen". */
export function countOf(count: number, unit: keyof typeof units, language: Language): string {
  const [singular, plural] = units[unit][language];
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `staging-hosts` → "Staging hosts", for a custom rule that has no title. */
export function humanise(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const severityNames: Readonly<Record<Language, Readonly<Record<"critical" | "high" | "medium" | "low", string>>>> = {
  en: { critical: "Critical", high: "High", medium: "Medium", low: "Low" },
  nl: { critical: "Kritiek", high: "Hoog", medium: "Gemiddeld", low: "Laag" },
};

/** What a case is called in its tracking issue when the researcher's e-mail has no subject. */
export const noSubject: Readonly<Record<Language, string>> = { en: "(no subject)", nl: "(geen onderwerp)" };
