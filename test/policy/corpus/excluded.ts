import type { CorpusItem } from "./types.js";

/** Findings that the catalog excludes, written the way researchers write them. */
export const excludedReports: CorpusItem[] = [
  {
    name: "404 page text injection",
    lang: "en",
    title: "Text injection on 404 page",
    body: `Hi team,

The 404 page at https://www.openworx.nl/ reflects the requested path back to the user, which lets an attacker show arbitrary text.

Steps to reproduce:
1. Open https://www.openworx.nl/Your-account-has-been-suspended-call-0800-1234
2. The not found page shows "The page Your account has been suspended call 0800 1234 was not found".

An attacker could use this to trick users into calling a fake support number.`,
    excluded: ["non-200-page", "content-spoofing"],
    strongest: "non-200-page",
  },
  {
    name: "500 error page reflects content",
    lang: "en",
    title: "Error page reflects user input (content spoofing)",
    body: `The 500 error page on https://portal.openworx.nl/api/v1/orders reflects the value of the "ref" parameter.

Steps to reproduce:
1. Visit https://portal.openworx.nl/api/v1/orders?ref=Please+login+again+at+openworx-support.com
2. The error page displays the text from the ref parameter verbatim.`,
    excluded: ["non-200-page", "content-spoofing"],
  },
  {
    name: "Dutch 404 page",
    lang: "nl",
    title: "Tekstinjectie op 404-pagina",
    body: `Beste Openworx,

Op https://www.openworx.nl/ wordt de opgevraagde URL letterlijk getoond op de 404 pagina. Daardoor kan een aanvaller willekeurige tekst op jullie domein laten zien.

Stappen:
1. Ga naar https://www.openworx.nl/Deze-site-is-verhuisd-naar-openworx-nieuw-nl
2. De foutpagina toont de tekst uit de URL.`,
    excluded: ["non-200-page", "content-spoofing"],
  },
  {
    name: "Server version disclosure",
    lang: "en",
    title: "Server version disclosure in HTTP response headers",
    body: `The server at https://www.openworx.nl discloses the exact version of the web server and PHP in its response headers:

Server: Apache/2.4.41 (Ubuntu)
X-Powered-By: PHP/7.4.3

Steps to reproduce:
1. curl -I https://www.openworx.nl
2. Observe the headers above.

An attacker can use this information to look up known vulnerabilities.`,
    excluded: ["version-disclosure"],
  },
  {
    name: "Fingerprinting",
    lang: "en",
    title: "Fingerprinting of CMS and plugins possible",
    body: `It is possible to fingerprint the CMS running on https://mijnpartnergroep.nl by requesting /readme.html and /wp-includes/ files. The meta generator tag reveals WordPress 6.1.

Steps to reproduce:
1. Open https://mijnpartnergroep.nl/readme.html
2. View source of the homepage and search for "generator".`,
    excluded: ["version-disclosure"],
  },
  {
    name: "Dutch version info",
    lang: "nl",
    title: "Versie-informatie zichtbaar in header",
    body: `Goedemiddag,

De webserver van https://www.openworx.nl geeft in de Server header het versienummer van nginx prijs (nginx/1.18.0). Dit is te zien met curl -I https://www.openworx.nl en helpt een aanvaller bij het vinden van bekende kwetsbaarheden.`,
    excluded: ["version-disclosure"],
  },
  {
    name: "robots.txt",
    lang: "en",
    title: "robots.txt discloses hidden admin path",
    body: `The robots.txt file at https://www.openworx.nl/robots.txt lists a Disallow entry for /beheer/ which reveals the location of the admin login.

Steps to reproduce:
1. Open https://www.openworx.nl/robots.txt
2. See "Disallow: /beheer/"`,
    excluded: ["public-nonsensitive-file"],
  },
  {
    name: "robots.txt called sensitive data exposure",
    lang: "en",
    title: "Sensitive data exposure via robots.txt",
    body: `https://www.openworx.nl/robots.txt lists /admin and /backup as disallowed paths, which tells attackers where to look.

Steps to reproduce: open https://www.openworx.nl/robots.txt`,
    excluded: ["public-nonsensitive-file"],
  },
  {
    name: "Directory listing of images",
    lang: "en",
    title: "Directory listing enabled on /assets/",
    body: `Directory listing is enabled on https://www.openworx.nl/assets/img/ which shows an "Index of /assets/img" page with all logo and banner images.

Steps to reproduce: browse to https://www.openworx.nl/assets/img/ and the server returns the listing.`,
    excluded: ["public-nonsensitive-file"],
  },
  {
    name: "Dutch sitemap",
    lang: "nl",
    title: "sitemap.xml bevat interne pagina's",
    body: `In https://www.openworx.nl/sitemap.xml staan pagina's die niet in het menu voorkomen, zoals /nieuws-concept/. Ga naar https://www.openworx.nl/sitemap.xml om de lijst te zien. Er staat verder geen gevoelige informatie in, maar het lijkt me niet de bedoeling.`,
    excluded: ["public-nonsensitive-file"],
  },
  {
    name: "Clickjacking on homepage",
    lang: "en",
    title: "Clickjacking on homepage",
    body: `The homepage https://www.openworx.nl can be loaded in an iframe on a third party site. An attacker could trick users into clicking on elements of the page.

PoC:
<iframe src="https://www.openworx.nl" width="800" height="600"></iframe>

Save as poc.html and open it in a browser.`,
    excluded: ["clickjacking"],
  },
  {
    name: "UI redressing",
    lang: "en",
    title: "UI redressing possible on contact page",
    body: `The contact page https://mijnpartnergroep.nl/contact can be framed by any origin because frame-ancestors is not set. This enables UI redressing.

Steps to reproduce:
1. Create a page with <iframe src="https://mijnpartnergroep.nl/contact"></iframe>
2. Open it; the page renders inside the frame.`,
    excluded: ["clickjacking"],
  },
  {
    name: "Dutch clickjacking",
    lang: "nl",
    title: "Clickjacking mogelijk op nieuwspagina",
    body: `De pagina https://mijnbouwpartner.nl/nieuws kan in een iframe worden geladen op een andere website. Een aanvaller kan de pagina onzichtbaar over zijn eigen site leggen.

Stappen:
1. Maak een HTML-bestand met <iframe src="https://mijnbouwpartner.nl/nieuws"></iframe>
2. Open het bestand, de pagina wordt getoond.`,
    excluded: ["clickjacking"],
  },
  {
    name: "Cookie without Secure flag",
    lang: "en",
    title: "Cookie without Secure flag",
    body: `The cookie "cookie_consent" set by https://www.openworx.nl is missing the Secure flag and the HttpOnly flag.

Steps to reproduce:
1. Open https://www.openworx.nl in a fresh browser profile.
2. Accept the cookie banner and check the cookie in developer tools.`,
    excluded: ["cookie-flags"],
  },
  {
    name: "HttpOnly missing on language cookie",
    lang: "en",
    title: "Missing HttpOnly attribute on lang cookie",
    body: `The "lang" cookie on https://portal.openworx.nl is not marked HttpOnly, so JavaScript can read it.

Steps to reproduce: open https://portal.openworx.nl, run document.cookie in the console and the lang cookie is shown.`,
    excluded: ["cookie-flags"],
  },
  {
    name: "Dutch cookie flags",
    lang: "nl",
    title: "Cookie zonder Secure vlag",
    body: `De cookie "voorkeur_taal" op https://www.openworx.nl wordt gezet zonder Secure en HttpOnly vlag. Stappen: open https://www.openworx.nl, kies een taal en bekijk de cookie in de ontwikkelaarstools van de browser.`,
    excluded: ["cookie-flags"],
  },
  {
    name: "OPTIONS method",
    lang: "en",
    title: "HTTP OPTIONS method enabled",
    body: `The web server at https://www.openworx.nl has the OPTIONS method enabled and returns the list of allowed methods.

Steps to reproduce:
curl -X OPTIONS https://www.openworx.nl -i

Response contains "Allow: GET, POST, OPTIONS, HEAD".`,
    excluded: ["options-method"],
  },
  {
    name: "Dutch OPTIONS",
    lang: "nl",
    title: "OPTIONS methode staat aan",
    body: `Op https://portal.openworx.nl is de HTTP OPTIONS methode ingeschakeld. Met curl -X OPTIONS https://portal.openworx.nl -i krijg je een Allow header terug met alle toegestane methodes.`,
    excluded: ["options-method"],
  },
  {
    name: "No rate limiting on login",
    lang: "en",
    title: "No rate limiting on login form",
    body: `There is no rate limiting on the login form at https://portal.openworx.nl/login. I sent 50 login requests with wrong passwords for my own account in a row and all of them were processed.

Steps to reproduce:
1. Capture the POST /login request.
2. Repeat it 50 times with different passwords.`,
    excluded: ["rate-limiting"],
  },
  {
    name: "Lack of rate limit on newsletter",
    lang: "en",
    title: "Lack of rate limiting on newsletter signup",
    body: `The newsletter signup on https://www.openworx.nl/nieuwsbrief lacks rate limiting. The same email address can be submitted again and again.

Steps to reproduce:
1. Go to https://www.openworx.nl/nieuwsbrief
2. Submit the form repeatedly with the same address.`,
    excluded: ["rate-limiting"],
  },
  {
    name: "Dutch rate limiting",
    lang: "nl",
    title: "Geen rate limiting op wachtwoord vergeten",
    body: `Op https://portal.openworx.nl/wachtwoord-vergeten zit geen rate limiting. Je kunt onbeperkt reset mails laten versturen naar je eigen adres. Stappen: vul je eigen e-mailadres in en klik 20 keer op versturen.`,
    excluded: ["rate-limiting"],
  },
  {
    name: "Missing HSTS",
    lang: "en",
    title: "Missing HSTS",
    body: `The site https://www.openworx.nl does not send a Strict-Transport-Security header, so users could be downgraded to HTTP.

Steps to reproduce:
curl -I https://www.openworx.nl
No Strict-Transport-Security header in the response.`,
    excluded: ["security-headers"],
  },
  {
    name: "X-Frame-Options header missing",
    lang: "en",
    title: "X-Frame-Options header missing",
    body: `The response of https://www.openworx.nl/contact does not include the X-Frame-Options header.

Steps to reproduce:
curl -I https://www.openworx.nl/contact`,
    excluded: ["security-headers", "clickjacking"],
    strongest: "security-headers",
  },
  {
    name: "Missing security headers list",
    lang: "en",
    title: "Missing HTTP security headers",
    body: `The following security headers are missing on https://portal.openworx.nl:
- Content-Security-Policy
- X-Content-Type-Options
- Referrer-Policy

Steps to reproduce: scan the site on securityheaders.com or run curl -I https://portal.openworx.nl.`,
    excluded: ["security-headers"],
  },
  {
    name: "Weak CSP",
    lang: "en",
    title: "Content-Security-Policy allows unsafe-inline",
    body: `The CSP on https://www.openworx.nl contains 'unsafe-inline' in script-src, which weakens the protection against XSS. I did not find an injection point.

Steps to reproduce: curl -I https://www.openworx.nl and inspect the Content-Security-Policy header.`,
    excluded: ["security-headers"],
  },
  {
    name: "Dutch security headers",
    lang: "nl",
    title: "Beveiligingsheaders ontbreken",
    body: `Op https://www.openworx.nl ontbreken belangrijke beveiligingsheaders zoals X-Content-Type-Options en Strict-Transport-Security. Te controleren met curl -I https://www.openworx.nl. Dit maakt de site kwetsbaarder voor aanvallen.`,
    excluded: ["security-headers"],
  },
  {
    name: "Weak ciphers",
    lang: "en",
    title: "Weak cipher suites supported",
    body: `The TLS endpoint of https://www.openworx.nl supports weak cipher suites (TLS_RSA_WITH_3DES_EDE_CBC_SHA), which is vulnerable to SWEET32.

Steps to reproduce:
nmap --script ssl-enum-ciphers -p 443 www.openworx.nl`,
    excluded: ["tls-configuration"],
    conduct: ["active-network-scanning"],
  },
  {
    name: "Forward secrecy",
    lang: "en",
    title: "SSL Forward Secrecy not supported",
    body: `According to SSL Labs, https://portal.openworx.nl does not support forward secrecy with reference browsers and gets grade B.

Steps to reproduce: run the SSL Labs test for portal.openworx.nl and look at the protocol details section.`,
    excluded: ["tls-configuration"],
  },
  {
    name: "Dutch TLS configuration",
    lang: "nl",
    title: "Zwakke ciphers in TLS configuratie",
    body: `De server van https://www.openworx.nl ondersteunt nog zwakke ciphers zoals RC4 en CBC mode ciphers. Dit is te zien in de SSL Labs test van www.openworx.nl onder Cipher Suites. Advies: schakel deze uit.`,
    excluded: ["tls-configuration"],
  },
  {
    name: "Expired certificate",
    lang: "en",
    title: "Expired SSL certificate on mail subdomain",
    body: `The SSL certificate of https://mail.mijnpartnergroep.nl expired on 12 March. Browsers show a warning and users may get used to clicking through certificate warnings.

Steps to reproduce: open https://mail.mijnpartnergroep.nl in any browser.`,
    excluded: ["ssl-certificate"],
    scope: "out",
  },
  {
    name: "Certificate name mismatch",
    lang: "en",
    title: "Certificate name mismatch",
    body: `The certificate served on https://mijnzorgpartner.be is issued for mijnpartnergroep.nl only, so visitors get a name mismatch error.

Steps to reproduce: browse to https://mijnzorgpartner.be and inspect the certificate.`,
    excluded: ["ssl-certificate"],
  },
  {
    name: "Dutch certificate",
    lang: "nl",
    title: "SSL certificaat verlopen",
    body: `Het SSL certificaat van https://mijnbouwpartner.de is verlopen. Bezoekers krijgen een waarschuwing in de browser. Open de site in Chrome of Firefox om dit te zien, de foutmelding is NET::ERR_CERT_DATE_INVALID.`,
    excluded: ["ssl-certificate"],
  },
  {
    name: "No DMARC record",
    lang: "en",
    title: "No DMARC record",
    body: `The domain openworx.nl has no DMARC record, so anyone can send email that appears to come from @openworx.nl.

Steps to reproduce:
dig TXT _dmarc.openworx.nl
No record is returned.`,
    excluded: ["email-authentication", "dns-configuration"],
    strongest: "email-authentication",
  },
  {
    name: "SPF softfail",
    lang: "en",
    title: "SPF record uses ~all (softfail) - email spoofing possible",
    body: `The SPF record of openworx.nl ends with ~all instead of -all. Combined with p=none in DMARC this allows email spoofing.

Steps to reproduce:
1. dig TXT openworx.nl
2. Send a spoofed mail from info@openworx.nl with a tool like emkei and see it arrive in the inbox.`,
    excluded: ["email-authentication", "dns-configuration"],
  },
  {
    name: "Dutch DKIM",
    lang: "nl",
    title: "Geen DKIM en DMARC ingesteld voor mijnpartnergroep.nl",
    body: `Voor het domein mijnpartnergroep.nl is geen DKIM en geen DMARC ingesteld. Hierdoor kunnen kwaadwillenden e-mail versturen namens jullie. Controleer met dig TXT _dmarc.mijnpartnergroep.nl, er komt geen antwoord terug.`,
    excluded: ["email-authentication", "dns-configuration"],
  },
  {
    name: "Missing CAA",
    lang: "en",
    title: "Missing CAA record",
    body: `The domain mijnpartnergroep.nl has no CAA record, so any certificate authority can issue certificates for it.

Steps to reproduce:
dig CAA mijnpartnergroep.nl returns an empty answer.`,
    excluded: ["dns-configuration"],
  },
  {
    name: "DNSSEC",
    lang: "en",
    title: "DNSSEC not enabled",
    body: `DNSSEC is not enabled for mijnpartnergroep.nl, which makes DNS spoofing attacks easier.

Steps to reproduce: check https://dnsviz.net/d/mijnpartnergroep.nl/dnssec/ which shows the zone is unsigned.`,
    excluded: ["dns-configuration"],
  },
  {
    name: "Dutch DNS",
    lang: "nl",
    title: "DNS configuratie: zone transfer toegestaan",
    body: `De nameserver van mijnpartnergroep.nl staat een zone transfer (AXFR) toe vanaf elk IP-adres. Stappen: dig AXFR mijnpartnergroep.nl @ns1.mijnpartnergroep.nl geeft de hele zone terug.`,
    excluded: ["dns-configuration"],
  },
  {
    name: "Host header injection",
    lang: "en",
    title: "Host header injection",
    body: `The application at https://www.openworx.nl reflects the Host header in the canonical link of the page.

Steps to reproduce:
GET / HTTP/1.1
Host: attacker.com

The response contains <link rel="canonical" href="https://attacker.com/">.`,
    excluded: ["host-header-injection"],
  },
  {
    name: "X-Forwarded-Host redirect",
    lang: "en",
    title: "Open redirect via X-Forwarded-Host",
    body: `Sending an X-Forwarded-Host header to https://portal.openworx.nl/login makes the server redirect to that host.

Steps to reproduce:
curl -i https://portal.openworx.nl/login -H "X-Forwarded-Host: evil.com"
The Location header points to https://evil.com/login.`,
    excluded: ["host-header-injection"],
  },
  {
    name: "jQuery 1.8 outdated",
    lang: "en",
    title: "jQuery 1.8 outdated",
    body: `https://www.openworx.nl loads jquery-1.8.3.min.js, which is affected by CVE-2012-6708 and CVE-2015-9251.

Steps to reproduce: view source of https://www.openworx.nl and look for the jQuery script tag.`,
    excluded: ["outdated-software"],
  },
  {
    name: "Outdated WordPress",
    lang: "en",
    title: "Outdated WordPress version in use",
    body: `The site https://mijnpartnergroep.nl runs an outdated version of WordPress (5.8.1). Several known vulnerabilities exist in this version according to WPVulnDB.

Steps to reproduce: open https://mijnpartnergroep.nl/feed/ and read the generator tag.`,
    excluded: ["outdated-software"],
  },
  {
    name: "Dutch outdated PHP",
    lang: "nl",
    title: "Verouderde PHP versie",
    body: `De server van https://portal.openworx.nl draait een verouderde PHP versie (7.2) die niet meer ondersteund wordt. Er zijn bekende kwetsbaarheden in deze versie. Te zien met curl -I https://portal.openworx.nl in de X-Powered-By header.`,
    excluded: ["outdated-software", "version-disclosure"],
  },
  {
    name: "EXIF in uploaded images",
    lang: "en",
    title: "EXIF data not stripped from uploaded images",
    body: `Profile pictures uploaded to https://portal.openworx.nl/profile keep their EXIF data, including GPS coordinates of where the photo was taken.

Steps to reproduce:
1. Upload a photo with GPS EXIF data as your avatar.
2. Download the avatar from the public profile and run exiftool on it.`,
    excluded: ["metadata-exposure"],
  },
  {
    name: "PDF metadata",
    lang: "en",
    title: "Information exposure in PDF metadata",
    body: `The brochures on https://www.openworx.nl/downloads contain metadata that reveals internal user names and the software used (Author: j.devries, Producer: Microsoft Word 2016).

Steps to reproduce: download https://www.openworx.nl/downloads/brochure.pdf and run exiftool brochure.pdf.`,
    excluded: ["metadata-exposure"],
  },
  {
    name: "Dutch metadata",
    lang: "nl",
    title: "Metagegevens in documenten lekken gebruikersnamen",
    body: `De Word-documenten op https://www.openworx.nl/documenten bevatten metagegevens met namen van medewerkers en interne paden. Download bijvoorbeeld https://www.openworx.nl/documenten/offerte.docx en bekijk de eigenschappen van het bestand.`,
    excluded: ["metadata-exposure"],
  },
  {
    name: "Demo environment XSS",
    lang: "en",
    title: "Reflected input on demo environment",
    body: `On the demo environment https://demo.openworx.nl the search page reflects input without encoding, e.g. https://demo.openworx.nl/search?q=%22%3E%3Cb%3Etest%3C/b%3E shows bold text.

Steps to reproduce: open the URL above.`,
    excluded: ["demo-environment"],
  },
  {
    name: "Dutch demo",
    lang: "nl",
    title: "Standaard wachtwoord op demo omgeving",
    body: `Op de demo omgeving https://demo.openworx.nl kun je inloggen met admin/admin. Stappen: ga naar https://demo.openworx.nl/login en log in met gebruikersnaam admin en wachtwoord admin.`,
    excluded: ["demo-environment"],
  },
  {
    name: "Account enumeration via password reset",
    lang: "en",
    title: "Account enumeration via password reset",
    body: `The password reset form on https://mijnpartnergroep.nl/wachtwoord-vergeten returns "No account found with this email address" for unknown emails and "We sent you an email" for registered ones. This allows an attacker to determine whether an account exists.

Steps to reproduce:
1. Enter a random email address and submit.
2. Enter a registered email address and submit.
3. Compare the messages.`,
    excluded: ["username-enumeration"],
  },
  {
    name: "Username enumeration login",
    lang: "en",
    title: "Username enumeration on login page",
    body: `The login page https://mijnbouwpartner.nl/login responds with "unknown user" for non-existing usernames and "wrong password" for existing ones.

Steps to reproduce:
1. Log in with username doesnotexist123 and any password.
2. Log in with a valid username and a wrong password.`,
    excluded: ["username-enumeration"],
  },
  {
    name: "Dutch enumeration",
    lang: "nl",
    title: "Gebruikersnaam enumeratie via registratieformulier",
    body: `Bij het registreren op https://mijnpartnergroep.nl/registreren meldt de site "dit e-mailadres is al in gebruik". Zo kun je nagaan of een e-mailadres bestaat als klant. Stappen: registreer met een bestaand adres en kijk naar de foutmelding.`,
    excluded: ["username-enumeration"],
  },
  {
    name: "Dutch enumeration via password reset",
    lang: "nl",
    title: "Gebruikersnamen te achterhalen via wachtwoord vergeten",
    body: `De pagina https://mijnpartnergroep.nl/wachtwoord-vergeten meldt of het account bestaat: "onbekend e-mailadres" of "we hebben je een mail gestuurd". Stappen: vul een willekeurig adres in en daarna je eigen adres.`,
    excluded: ["username-enumeration"],
  },
  {
    name: "Internet Explorer only",
    lang: "en",
    title: "XSS-like behaviour that only works in Internet Explorer 11",
    body: `The page https://mijnpartnergroep.nl/zoeken renders the query with a legacy content sniffing quirk so an injected tag executes only in Internet Explorer 11.

Steps to reproduce:
1. Open https://mijnpartnergroep.nl/zoeken?q=test in IE11 with compatibility mode.`,
    excluded: ["outdated-browser"],
  },
  {
    name: "Outdated browser autocomplete",
    lang: "en",
    title: "Password shown in outdated browsers",
    body: `In outdated browsers such as Firefox 3 the password field on https://mijnbouwpartner.eu/login is rendered as plain text because the page relies on a CSS trick.

Steps to reproduce: open the login page in an old browser VM.`,
    excluded: ["outdated-browser"],
  },
  {
    name: "Dutch outdated browser",
    lang: "nl",
    title: "Probleem in verouderde browser",
    body: `In een verouderde browser (Internet Explorer 8) wordt de sessie op https://mijnpartnergroep.nl niet goed afgesloten na uitloggen. Stappen: log in met IE8, log uit en klik op de terugknop.`,
    excluded: ["outdated-browser"],
  },
  {
    name: "Logout CSRF",
    lang: "en",
    title: "Logout CSRF",
    body: `The logout endpoint https://mijnpartnergroep.nl/logout accepts GET requests without a CSRF token, so any site can log a user out.

PoC:
<img src="https://mijnpartnergroep.nl/logout">`,
    excluded: ["csrf-unauthenticated"],
  },
  {
    name: "Login CSRF",
    lang: "en",
    title: "Login CSRF on partner portal",
    body: `The login form at https://mijnbouwpartner.nl/login has no CSRF token. An attacker can log the victim into the attacker's account.

Steps to reproduce:
1. Host an auto-submitting form that posts the attacker's credentials to /login.
2. Visit it while logged out.`,
    excluded: ["csrf-unauthenticated"],
  },
  {
    name: "Dutch logout CSRF",
    lang: "nl",
    title: "CSRF op uitloggen",
    body: `De uitlogknop op https://mijnpartnergroep.nl werkt met een simpele GET request zonder token. Een andere website kan je dus uitloggen. Proof of concept: <img src="https://mijnpartnergroep.nl/uitloggen">`,
    excluded: ["csrf-unauthenticated"],
  },
  {
    name: "MITM required",
    lang: "en",
    title: "Session token can be stolen by a man-in-the-middle on the app update channel",
    body: `The desktop updater fetches https://mijnpartnergroep.nl/update.json and an attacker in a man-in-the-middle position on the same network could tamper with it if the user ignores the certificate warning.

Steps to reproduce: set up mitmproxy with a self-made CA and intercept the request.`,
    excluded: ["mitm-physical-access"],
  },
  {
    name: "Physical access",
    lang: "en",
    title: "Session remains active after closing the browser",
    body: `An attacker with physical access to the victim's unlocked laptop can reopen https://mijnbouwpartner.nl and still be logged in, because the session does not expire when the browser is closed.

Steps to reproduce:
1. Log in, close the browser.
2. Reopen the browser and visit the site.`,
    excluded: ["mitm-physical-access"],
  },
  {
    name: "Dutch physical access",
    lang: "nl",
    title: "Wachtwoord zichtbaar bij fysieke toegang",
    body: `Met fysieke toegang tot de telefoon van een gebruiker kun je in de app van https://mijnpartnergroep.nl het opgeslagen wachtwoord uitlezen via de instellingen. Stappen: open de app op een ontgrendeld toestel en ga naar profiel.`,
    excluded: ["mitm-physical-access"],
  },
  {
    name: "CSV injection",
    lang: "en",
    title: "CSV injection in order export",
    body: `The name field is exported unescaped in the CSV export at https://mijnpartnergroep.nl/account/orders/export. If I set my name to =1+1 the cell is interpreted as a formula when the file is opened in Excel.

Steps to reproduce:
1. Change your name to =1+1
2. Export orders and open the file in Excel.`,
    excluded: ["csv-injection"],
  },
  {
    name: "Formula injection",
    lang: "en",
    title: "Formula injection in contact form export",
    body: `Input in the contact form at https://mijnbouwpartner.nl/contact is stored and later exported to a spreadsheet for staff. An attacker can inject a formula like =HYPERLINK("http://x","click").

Steps to reproduce: submit the contact form with the value above in the message field.`,
    excluded: ["csv-injection"],
  },
  {
    name: "Dutch CSV injection",
    lang: "nl",
    title: "CSV-injectie in export van facturen",
    body: `In het veld bedrijfsnaam op https://mijnpartnergroep.nl/profiel kun je =SUM(1+1) invullen. Bij de export van facturen naar CSV wordt dit als formule uitgevoerd in Excel. Stappen: wijzig bedrijfsnaam, exporteer en open het bestand.`,
    excluded: ["csv-injection"],
  },
  {
    name: "Open ports",
    lang: "en",
    title: "Open ports on mail server",
    body: `The server 192.0.2.10 has ports 21, 22 and 3306 open to the internet.

Steps to reproduce: telnet 192.0.2.10 3306 connects and shows a MySQL handshake banner.`,
    excluded: ["server-configuration"],
  },
  {
    name: "TLS 1.0 enabled",
    lang: "en",
    title: "TLS 1.0 and TLS 1.1 enabled",
    body: `The server behind https://mijnpartnergroep.nl still accepts TLS 1.0 and TLS 1.1 connections.

Steps to reproduce:
openssl s_client -connect mijnpartnergroep.nl:443 -tls1
The handshake succeeds.`,
    excluded: ["tls-configuration", "server-configuration"],
  },
  {
    name: "Missing best practices",
    lang: "en",
    title: "Server configuration does not follow best practices",
    body: `The nginx configuration of https://mijnzorgpartner.nl is missing best practices: server_tokens is on and TLS session tickets are enabled.

Steps to reproduce: curl -I https://mijnzorgpartner.nl and run testssl.sh against the host.`,
    excluded: ["server-configuration"],
  },
  {
    name: "Dutch open ports",
    lang: "nl",
    title: "Open poorten op server van mijnpartnergroep",
    body: `Op 192.0.2.20 staan poort 8080 en 8443 open naar het internet. Met telnet 192.0.2.20 8080 krijg je een Tomcat standaardpagina. Dit lijkt me een configuratiefout die dichtgezet moet worden.`,
    excluded: ["server-configuration"],
  },
  {
    name: "Application DoS",
    lang: "en",
    title: "Denial of service via large image upload",
    body: `Uploading a 40000x40000 pixel PNG as avatar to https://mijnpartnergroep.nl/profiel makes the server spend more than a minute resizing it. Several uploads in parallel could crash the server.

Steps to reproduce: upload the attached decompression bomb image.`,
    excluded: ["denial-of-service"],
  },
  {
    name: "ReDoS in search",
    lang: "en",
    title: "ReDoS in search endpoint",
    body: `The search endpoint https://mijnbouwpartner.nl/api/search?q= uses a regex that takes exponential time on input like aaaaaaaaaaaaaaaaaaaaaaaa!. One request takes 20 seconds of CPU.

Steps to reproduce: curl "https://mijnbouwpartner.nl/api/search?q=aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"`,
    excluded: ["denial-of-service"],
  },
  {
    name: "Dutch DoS",
    lang: "nl",
    title: "Dienstweigering via zoekfunctie",
    body: `Door een zoekopdracht met 10.000 tekens op https://mijnpartnergroep.nl/zoeken wordt de database overbelast en reageert de site een halve minuut niet. Stappen: plak een lange tekst in het zoekveld en verstuur.`,
    excluded: ["denial-of-service"],
  },
  {
    name: "Content spoofing",
    lang: "en",
    title: "Content spoofing via error parameter",
    body: `The login page https://mijnpartnergroep.nl/login?error=Your+session+expired shows the error parameter as plain text. An attacker can change the message shown to users.

Steps to reproduce: open https://mijnpartnergroep.nl/login?error=Call+us+at+0900-FAKE`,
    excluded: ["content-spoofing"],
  },
  {
    name: "Text injection",
    lang: "en",
    title: "Text injection in message parameter",
    body: `Arbitrary text is displayed on https://mijnbouwpartner.nl/bedankt?msg=... The text is HTML-encoded, so no tags are rendered.

Steps to reproduce: visit https://mijnbouwpartner.nl/bedankt?msg=Your+account+is+blocked`,
    excluded: ["content-spoofing"],
  },
  {
    name: "Dutch text injection",
    lang: "nl",
    title: "Tekstinjectie op bedankpagina",
    body: `Op https://mijnpartnergroep.nl/bedankt?naam=Jan wordt de naam uit de URL getoond. Je kunt er elke tekst in zetten, bijvoorbeeld https://mijnpartnergroep.nl/bedankt?naam=Uw+account+is+geblokkeerd. HTML wordt wel ge-escaped.`,
    excluded: ["content-spoofing"],
  },
  {
    name: "Rate limiting triggered by CSRF (403)",
    lang: "en",
    title: "Rate limiting bypass - requests return 403",
    body: `After a few requests to https://mijnpartnergroep.nl/contact I get a 403 Forbidden response. When I replay the same request in Burp Repeater it is blocked with 403 again, so the rate limiting seems inconsistent.

Steps to reproduce: replay the POST request to /contact five times.`,
    excluded: ["rate-limit-csrf-403"],
  },
  {
    name: "403 means rate limiting",
    lang: "en",
    title: "Form throttling returns 403",
    body: `The subscription form on https://mijnbouwpartner.nl/aanmelden returns HTTP 403 after I resubmit the captured request. I think this is rate limiting that can be bypassed by changing the User-Agent.

Steps to reproduce: capture the request and resend it.`,
    excluded: ["rate-limit-csrf-403"],
  },
];
