import type { CorpusItem } from "./types.js";

/**
 * Real, in-scope vulnerabilities. None may be suggested for exclusion, including those that mention an
 * excluded finding on the way ("bypassing the CSP", "host header poisoning of the reset link").
 */
export const realVulnerabilityReports: CorpusItem[] = [
  {
    name: "Stored XSS bypassing the CSP",
    lang: "en",
    title: "Stored XSS bypassing the CSP",
    body: `The bio field on https://portal.openworx.nl/profile is rendered unescaped. The Content-Security-Policy allows scripts from cdnjs, so I bypassed the CSP with an AngularJS gadget loaded from there.

Steps to reproduce:
1. Set your bio to <script src="https://cdnjs.cloudflare.com/ajax/libs/angular.js/1.6.0/angular.min.js"></script><div ng-app ng-csp>{{$eval.constructor('alert(document.domain)')()}}</div>
2. Visit your public profile.`,
  },
  {
    name: "Account takeover via host header poisoning of the reset link",
    lang: "en",
    title: "Account takeover via host header poisoning of the reset link",
    body: `The password reset email of https://portal.openworx.nl builds the reset link from the Host header. An attacker requests a reset for the victim with Host: attacker.com, the victim receives a link to attacker.com and the token leaks when they click it.

Steps to reproduce:
POST /password/reset HTTP/1.1
Host: attacker.com

email=victim@openworx.nl`,
  },
  {
    name: "Reflected XSS",
    lang: "en",
    title: "Reflected XSS in search parameter",
    body: `The q parameter on https://www.openworx.nl/zoeken is reflected without encoding.

Steps to reproduce: open https://www.openworx.nl/zoeken?q=%3Cscript%3Ealert(document.cookie)%3C/script%3E and an alert box appears.`,
  },
  {
    name: "DOM XSS",
    lang: "en",
    title: "DOM-based XSS via location.hash",
    body: `The page https://portal.openworx.nl/help writes location.hash into innerHTML.

Steps to reproduce: open https://portal.openworx.nl/help#<img src=x onerror=alert(1)> and the alert fires.`,
  },
  {
    name: "SQL injection",
    lang: "en",
    title: "SQL injection in product id parameter",
    body: `The id parameter of https://www.openworx.nl/product.php?id=12 is vulnerable to boolean-based SQL injection.

Steps to reproduce:
1. https://www.openworx.nl/product.php?id=12 AND 1=1 returns the product.
2. https://www.openworx.nl/product.php?id=12 AND 1=2 returns an empty page.
I stopped after confirming the database version.`,
  },
  {
    name: "Blind SQLi time based",
    lang: "en",
    title: "Time-based blind SQLi in login",
    body: `The username field on https://portal.openworx.nl/login is injectable: the payload admin' AND SLEEP(5)-- makes the response take 5 seconds longer.

Steps to reproduce: submit the payload as username with any password and time the response.`,
  },
  {
    name: "Dutch SQL injection",
    lang: "nl",
    title: "SQL-injectie in zoekformulier",
    body: `Het zoekveld op https://mijnpartnergroep.nl/zoeken is kwetsbaar voor SQL-injectie. Met de invoer ' OR '1'='1 krijg je alle resultaten terug in plaats van geen. Stappen: vul de payload in het zoekveld in en druk op zoeken.`,
  },
  {
    name: "IDOR invoices",
    lang: "en",
    title: "IDOR allows viewing other customers' invoices",
    body: `Invoices are served from https://portal.openworx.nl/invoices/10234.pdf and the number is not checked against the logged-in user. Changing it to 10233 shows another customer's invoice. I only opened that one to confirm.

Steps to reproduce:
1. Log in and open one of your own invoices.
2. Decrease the number by one.`,
  },
  {
    name: "Dutch IDOR",
    lang: "nl",
    title: "Toegang tot andermans bestelling via IDOR",
    body: `Op https://mijnbouwpartner.nl/bestelling?id=5512 kun je het id aanpassen en zie je de bestelling van een andere klant met naam en adres. Stappen: log in, open je eigen bestelling, verander het id naar 5511. Ik heb maar 1 record bekeken.`,
  },
  {
    name: "RCE via file upload",
    lang: "en",
    title: "Remote code execution via unrestricted file upload",
    body: `The document upload at https://portal.openworx.nl/documents/upload accepts .php files and stores them under /uploads/ where they are executed.

Steps to reproduce:
1. Upload test.php containing <?php echo 6*7; ?>
2. Open https://portal.openworx.nl/uploads/test.php and the page shows 42.`,
  },
  {
    name: "SSRF to cloud metadata",
    lang: "en",
    title: "SSRF in PDF generator reaches cloud metadata endpoint",
    body: `The PDF export at https://portal.openworx.nl/export?url= fetches any URL server-side. Pointing it at http://169.254.169.254/latest/meta-data/ returns the instance metadata in the generated PDF.

Steps to reproduce: open https://portal.openworx.nl/export?url=http://169.254.169.254/latest/meta-data/`,
  },
  {
    name: "Path traversal",
    lang: "en",
    title: "Path traversal in download endpoint",
    body: `The file parameter of https://www.openworx.nl/download?file=brochure.pdf is not sanitised.

Steps to reproduce: https://www.openworx.nl/download?file=../../../../etc/passwd returns the contents of /etc/passwd.`,
  },
  {
    name: "LFI",
    lang: "en",
    title: "Local file inclusion in template parameter",
    body: `https://mijnpartnergroep.nl/index.php?page=contact includes the page parameter as a PHP file. With php://filter I could read the source of config.php.

Steps to reproduce: https://mijnpartnergroep.nl/index.php?page=php://filter/convert.base64-encode/resource=config`,
  },
  {
    name: "XXE",
    lang: "en",
    title: "XXE in XML import",
    body: `The XML import at https://portal.openworx.nl/import parses external entities.

Steps to reproduce: upload
<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><r>&x;</r>
and the hostname appears in the import preview.`,
  },
  {
    name: "SSTI",
    lang: "en",
    title: "Server-side template injection in greeting name",
    body: `The name field on https://mijnbouwpartner.nl/profiel is rendered with Twig. Setting the name to {{7*7}} shows 49 on the dashboard.

Steps to reproduce: change your display name to {{7*7}} and open the dashboard.`,
  },
  {
    name: "Insecure deserialization",
    lang: "en",
    title: "Insecure deserialization of remember-me cookie",
    body: `The remember_me cookie on https://portal.openworx.nl is a base64 encoded Java serialized object. Using ysoserial CommonsCollections5 I got a DNS callback from the server.

Steps to reproduce: replace the cookie with the payload from the attached script and request the homepage.`,
  },
  {
    name: "Command injection",
    lang: "en",
    title: "OS command injection in ping tool",
    body: `The network diagnostics page https://portal.openworx.nl/tools/ping passes the host field to a shell.

Steps to reproduce: enter 127.0.0.1;id in the host field; the output shows uid=33(www-data).`,
  },
  {
    name: "Auth bypass",
    lang: "en",
    title: "Authentication bypass on admin API",
    body: `The admin API at https://portal.openworx.nl/api/admin/users does not check the session when the header X-Requested-With is missing.

Steps to reproduce: curl https://portal.openworx.nl/api/admin/users returns the user list without logging in. I stopped after seeing the first entry.`,
  },
  {
    name: "Privilege escalation",
    lang: "en",
    title: "Privilege escalation via role parameter on registration",
    body: `Registering at https://mijnpartnergroep.nl/registreren with an extra role=admin field creates an administrator account.

Steps to reproduce:
1. Intercept the registration request.
2. Add &role=admin to the body.
3. Log in and open /admin.`,
  },
  {
    name: "Mass assignment",
    lang: "en",
    title: "Mass assignment lets users set their own discount",
    body: `The profile update endpoint https://mijnbouwpartner.nl/api/profile accepts a discount_percentage field.

Steps to reproduce: send PATCH /api/profile with {"discount_percentage": 100} and place an order; the total becomes 0.`,
  },
  {
    name: "Open redirect",
    lang: "en",
    title: "Open redirect after login",
    body: `The next parameter of https://portal.openworx.nl/login?next= is not validated.

Steps to reproduce: log in via https://portal.openworx.nl/login?next=https://evil.com and you end up on evil.com.`,
  },
  {
    name: "CSRF on email change",
    lang: "en",
    title: "CSRF on change email address",
    body: `The form at https://mijnpartnergroep.nl/account/email has no CSRF token and accepts cross-site POST requests. An attacker can change a logged-in victim's email address and then reset the password.

PoC:
<form action="https://mijnpartnergroep.nl/account/email" method="POST"><input name="email" value="attacker@example.com"></form><script>document.forms[0].submit()</script>`,
  },
  {
    name: "Dutch CSRF password",
    lang: "nl",
    title: "CSRF op wachtwoord wijzigen",
    body: `Het formulier om je wachtwoord te wijzigen op https://mijnbouwpartner.nl/account/wachtwoord heeft geen CSRF-token en vraagt niet om het oude wachtwoord. Een kwaadwillende site kan zo het wachtwoord van een ingelogde gebruiker wijzigen. Proof of concept: een auto-submit formulier, zie bijlage.`,
  },
  {
    name: "Subdomain takeover",
    lang: "en",
    title: "Subdomain takeover of shop.openworx.nl",
    body: `shop.openworx.nl has a dangling CNAME DNS record pointing to an unclaimed Heroku app. I claimed the app name and served a proof page at https://shop.openworx.nl/poc.html.

Steps to reproduce: dig CNAME shop.openworx.nl and open https://shop.openworx.nl/poc.html.`,
  },
  {
    name: "JWT none algorithm",
    lang: "en",
    title: "JWT accepted with alg none",
    body: `The API at https://portal.openworx.nl/api accepts tokens signed with alg none, so any user id can be forged.

Steps to reproduce: take your token, change alg to none, set sub to 1, remove the signature and call https://portal.openworx.nl/api/me.`,
  },
  {
    name: "Session fixation",
    lang: "en",
    title: "Session fixation on login",
    body: `The session id of https://portal.openworx.nl is not regenerated after login. An attacker who sets a victim's session id (via a subdomain cookie) can use the same session after the victim logs in.

Steps to reproduce:
1. Note the session id before login.
2. Log in and compare.`,
  },
  {
    name: "Password reset token reuse",
    lang: "en",
    title: "Password reset token does not expire and can be reused",
    body: `Reset tokens from https://portal.openworx.nl/password/reset stay valid after use and never expire. Anyone who gets hold of an old reset email can take over the account.

Steps to reproduce:
1. Request a reset, use the link.
2. Use the same link again a week later.`,
  },
  {
    name: "Race condition voucher",
    lang: "en",
    title: "Race condition allows redeeming a voucher multiple times",
    body: `Sending the redeem request of https://mijnpartnergroep.nl/voucher/redeem twenty times in parallel with Burp Repeater's group send adds the voucher value several times to my own account.

Steps to reproduce: redeem a single-use voucher with 20 parallel requests.`,
  },
  {
    name: "Negative quantity",
    lang: "en",
    title: "Business logic: negative quantity reduces order total",
    body: `The cart at https://mijnbouwpartner.nl/winkelwagen accepts negative quantities.

Steps to reproduce: add item A, then add item B with quantity -1 via the API; the order total becomes lower than the price of item A and the order can be paid.`,
  },
  {
    name: "2FA bypass",
    lang: "en",
    title: "2FA bypass by skipping the verification step",
    body: `After entering username and password on https://portal.openworx.nl/login the app redirects to /2fa. Browsing directly to https://portal.openworx.nl/dashboard skips the second factor.

Steps to reproduce: log in with a 2FA-enabled test account, then open /dashboard.`,
  },
  {
    name: "OAuth redirect_uri",
    lang: "en",
    title: "OAuth redirect_uri validation allows token theft",
    body: `The OAuth authorize endpoint https://portal.openworx.nl/oauth/authorize accepts any redirect_uri that starts with https://portal.openworx.nl, including https://portal.openworx.nl.attacker.example.

Steps to reproduce: open the authorize URL with that redirect_uri; the code is sent to the attacker's host.`,
  },
  {
    name: "Exposed .env",
    lang: "en",
    title: "Exposed .env file with database credentials",
    body: `https://mijnpartnergroep.nl/.env is served as plain text and contains DB_PASSWORD and the APP_KEY.

Steps to reproduce: curl https://mijnpartnergroep.nl/.env (I did not use the credentials).`,
  },
  {
    name: "Hardcoded API key",
    lang: "en",
    title: "Hardcoded API key in JavaScript bundle",
    body: `The bundle https://portal.openworx.nl/static/js/main.7f3a.js contains a live payment provider secret key (sk_live_...). With it one can issue refunds.

Steps to reproduce: search main.7f3a.js for sk_live.`,
  },
  {
    name: "Public S3 bucket write",
    lang: "en",
    title: "Storage bucket allows anonymous uploads",
    body: `The bucket used by https://www.openworx.nl/media/ allows anonymous PUT requests, so anyone can replace images and scripts served on the site.

Steps to reproduce: curl -X PUT --data "test" https://www.openworx.nl/media/poc-test.txt then GET it back.`,
  },
  {
    name: "CORS with credentials",
    lang: "en",
    title: "CORS misconfiguration reflects arbitrary origins with credentials",
    body: `https://portal.openworx.nl/api/me reflects any Origin in Access-Control-Allow-Origin together with Access-Control-Allow-Credentials: true, so any website can read the logged-in user's profile.

Steps to reproduce: curl -H "Origin: https://evil.com" -I https://portal.openworx.nl/api/me`,
  },
  {
    name: "Request smuggling",
    lang: "en",
    title: "HTTP request smuggling (CL.TE) on the load balancer",
    body: `The front end of https://www.openworx.nl uses Content-Length while the back end honours Transfer-Encoding. I could prefix another request on my own connection.

Steps to reproduce: send the attached request twice; the second response is a 404 for /smuggled.`,
  },
  {
    name: "Web cache poisoning",
    lang: "en",
    title: "Web cache poisoning via unkeyed X-Forwarded-Host leads to stored XSS",
    body: `https://www.openworx.nl caches pages while the X-Forwarded-Host header is unkeyed and reflected into a script src. A poisoned entry serves my script to every visitor.

Steps to reproduce:
GET /?cb=123 HTTP/1.1
Host: www.openworx.nl
X-Forwarded-Host: attacker.example`,
  },
  {
    name: "Prototype pollution",
    lang: "en",
    title: "Client-side prototype pollution leads to XSS",
    body: `https://portal.openworx.nl/search parses the query string with a vulnerable deparam function.

Steps to reproduce: https://portal.openworx.nl/search?__proto__[innerHTML]=<img/src/onerror=alert(1)> triggers an alert.`,
  },
  {
    name: "NoSQL injection",
    lang: "en",
    title: "NoSQL injection in login bypasses password check",
    body: `The login API at https://mijnpartnergroep.nl/api/login passes the JSON body to MongoDB.

Steps to reproduce: POST {"username":"admin","password":{"$ne":null}} logs in as admin.`,
  },
  {
    name: "LDAP injection",
    lang: "en",
    title: "LDAP injection in employee search",
    body: `The search field of https://portal.openworx.nl/medewerkers is used in an LDAP filter. Entering *)(uid=* returns all directory entries.

Steps to reproduce: enter the payload and submit.`,
  },
  {
    name: "CRLF injection",
    lang: "en",
    title: "CRLF injection in redirect parameter allows setting cookies",
    body: `The lang parameter of https://www.openworx.nl/setlang?lang= is put in a Location header without removing line breaks.

Steps to reproduce: https://www.openworx.nl/setlang?lang=nl%0d%0aSet-Cookie:%20x=1 sets the cookie x.`,
  },
  {
    name: "Zip slip",
    lang: "en",
    title: "Zip slip in theme upload overwrites files",
    body: `The theme importer at https://portal.openworx.nl/admin/themes extracts zip entries with ../ in their names outside the theme directory.

Steps to reproduce: upload the attached zip containing ../../public/poc.txt and open https://portal.openworx.nl/poc.txt.`,
  },
  {
    name: "GraphQL IDOR",
    lang: "en",
    title: "Broken access control in GraphQL order query",
    body: `The GraphQL query order(id:) on https://mijnbouwpartner.nl/graphql returns orders of other users.

Steps to reproduce: run query { order(id: 1001) { customer { name email } } } with your own session.`,
  },
  {
    name: "PII exposure in API",
    lang: "en",
    title: "API response exposes other users' phone numbers",
    body: `The endpoint https://mijnpartnergroep.nl/api/reviews includes the reviewer's phone number and email address for every review.

Steps to reproduce: curl https://mijnpartnergroep.nl/api/reviews and look at the author object.`,
  },
  {
    name: "Email verification bypass",
    lang: "en",
    title: "Email verification bypass by changing email after verification",
    body: `On https://portal.openworx.nl you can verify one address and then change it to any other address, which is marked as verified without a new check. This allows impersonating company domains in the partner directory.

Steps to reproduce:
1. Register and verify your own address.
2. Change the address in settings.`,
  },
  {
    name: "SAML signature bypass",
    lang: "en",
    title: "SAML response signature not validated",
    body: `The SSO endpoint https://portal.openworx.nl/saml/acs accepts a SAML response whose assertion was modified after signing.

Steps to reproduce: intercept your SAML response, change the NameID to another user and forward it.`,
  },
  {
    name: "Insecure randomness",
    lang: "en",
    title: "Predictable password reset tokens",
    body: `Reset tokens from https://mijnbouwpartner.nl/wachtwoord-vergeten are the MD5 of the current Unix time. Requesting a reset for a victim and guessing the second gives the token.

Steps to reproduce: request a reset for your own account and compare the token with md5(time).`,
  },
  {
    name: "Stored XSS via SVG",
    lang: "en",
    title: "Stored XSS via SVG avatar upload",
    body: `Avatars uploaded to https://portal.openworx.nl/profile may be SVG files and are served inline.

Steps to reproduce: upload an SVG with <svg onload=alert(document.domain)> and open https://portal.openworx.nl/avatars/you.svg.`,
  },
  {
    name: "Dutch stored XSS",
    lang: "nl",
    title: "Stored XSS in reactieveld",
    body: `In het reactieveld op https://mijnpartnergroep.nl/blog/artikel-1 wordt HTML niet gefilterd. Een reactie met <img src=x onerror=alert(1)> wordt uitgevoerd bij elke bezoeker. Stappen: plaats de reactie en herlaad de pagina.`,
  },
  {
    name: "Dutch authentication bypass",
    lang: "nl",
    title: "Inloggen zonder wachtwoord op beheeromgeving",
    body: `De beheeromgeving op https://portal.openworx.nl/beheer controleert het wachtwoord niet als het veld leeg wordt gelaten. Stappen: vul als gebruikersnaam admin in, laat het wachtwoord leeg en klik op inloggen. Je komt direct in het dashboard.`,
  },
  {
    name: "Dutch path traversal",
    lang: "nl",
    title: "Path traversal in bestandsdownload",
    body: `Via https://mijnbouwpartner.nl/download?bestand=../../etc/passwd kan ik bestanden buiten de downloadmap lezen. Stappen: open de URL, de inhoud van /etc/passwd wordt getoond.`,
  },
  {
    name: "Dutch privilege escalation",
    lang: "nl",
    title: "Gewone gebruiker kan facturen van alle klanten inzien",
    body: `Als gewone gebruiker kan ik op https://mijnpartnergroep.nl/admin/facturen de lijst met facturen openen, terwijl die pagina alleen voor beheerders zou moeten zijn. Stappen: log in als normale gebruiker en ga naar /admin/facturen. Ik heb niets gedownload.`,
  },
  {
    name: "Information disclosure stack trace with secrets",
    lang: "en",
    title: "Debug mode enabled exposes environment variables",
    body: `Django debug mode is enabled on https://portal.openworx.nl. Triggering an error shows the settings including SECRET_KEY and database password.

Steps to reproduce: open https://portal.openworx.nl/api/%ff to trigger the debug page.`,
  },
  {
    name: "Broken access control delete",
    lang: "en",
    title: "Any user can delete other users' documents",
    body: `DELETE https://portal.openworx.nl/api/documents/{id} does not check ownership.

Steps to reproduce: create two test accounts, upload a document with account A and delete it with account B's session.`,
  },
  {
    name: "Self-hosted XSS in PDF viewer",
    lang: "en",
    title: "XSS in the PDF viewer via crafted PDF",
    body: `The built-in PDF viewer at https://mijnpartnergroep.nl/viewer?file= runs JavaScript embedded in a PDF in the site's origin.

Steps to reproduce: upload the attached PDF and open it in /viewer.`,
  },
  {
    name: "Unauthenticated Redis",
    lang: "en",
    title: "Redis exposed to the internet without authentication",
    body: `Redis on 192.0.2.15:6379 is reachable from the internet without authentication and holds session data for the portal.

Steps to reproduce: redis-cli -h 192.0.2.15 INFO returns the server info. I did not read any keys.`,
  },
  {
    name: "Heartbleed",
    lang: "en",
    title: "Heartbleed on VPN gateway leaks memory",
    body: `The VPN gateway at 192.0.2.5 is vulnerable to Heartbleed (CVE-2014-0160). The PoC returned 64KB of server memory containing part of a session cookie.

Steps to reproduce: python heartbleed-poc.py 192.0.2.5`,
  },
  {
    name: "Sensitive data in URL",
    lang: "en",
    title: "Session token in URL leaks via Referer",
    body: `After login https://portal.openworx.nl puts the session token in the query string (?sid=...). External links on the dashboard leak it in the Referer header to third parties.

Steps to reproduce: log in, click the link to the knowledge base and inspect the Referer.`,
  },
  {
    name: "Weak password policy",
    lang: "en",
    title: "Password change does not require the current password",
    body: `https://mijnbouwpartner.nl/account/wachtwoord lets a logged-in session change the password without the current one; combined with a stolen session this locks the owner out.

Steps to reproduce: open the page and set a new password.`,
  },
  {
    name: "Cache deception",
    lang: "en",
    title: "Web cache deception exposes account pages",
    body: `Requesting https://www.openworx.nl/account/settings/x.css returns the account page and the CDN caches it publicly.

Steps to reproduce: open the URL while logged in, then fetch it from another browser without cookies.`,
  },
  {
    name: "Dutch RCE",
    lang: "nl",
    title: "Remote code execution via afbeeldingsupload",
    body: `De afbeeldingsupload op https://mijnpartnergroep.nl/profiel/foto controleert alleen de extensie in de bestandsnaam. Een bestand foto.php.jpg wordt als PHP uitgevoerd. Stappen: upload foto.php.jpg met <?php phpinfo(); ?> en open /uploads/foto.php.jpg.`,
  },
  {
    name: "SSRF via webhook",
    lang: "en",
    title: "Blind SSRF via webhook URL to internal services",
    body: `The webhook setting on https://portal.openworx.nl/integraties sends requests to any URL, including http://10.0.0.5:8080/ which returns a different error than a closed port.

Steps to reproduce: set the webhook to http://127.0.0.1:22 and compare the error with http://127.0.0.1:1.`,
  },
  {
    name: "Account takeover via OAuth email",
    lang: "en",
    title: "Account takeover by linking a social login with an unverified email",
    body: `https://mijnbouwpartner.nl links social logins by email address without checking that the provider verified it.

Steps to reproduce: create a provider account with the victim's email (unverified) and sign in with it on the site; you get the victim's account.`,
  },
];
