/**
 * A development set, written together with the `fourthSet` and used to shape the rules that followed it. Its numbers
 * are therefore no estimate of how the classifier does on new text, only a regression check; `fourthSet` was kept
 * out of the rule work and measured once before and once after.
 */
import type { CorpusIssue } from "./corpus.js";

export const developmentSet: readonly CorpusIssue[] = [
  {
    id: "w-r01",
    kind: "report",
    title: "Anyone can download other users' exports",
    body: "Exports are stored at /exports/<user-id>.zip and served without checking the session. Swapping my id for 1 gave me the export of the first account on the platform.",
  },
  {
    id: "w-r02",
    kind: "report",
    title: "Access token in the URL of the embed page",
    body: "The embed snippet puts ?access_token=... in the iframe URL, so it ends up in browser history, proxy logs and the Referer sent to every image host on the page. That token has full write access to the account.",
  },
  {
    id: "w-r03",
    kind: "report",
    title: "Production credentials in the public Docker image",
    body: "`docker run --entrypoint cat example/app:latest /app/.env` prints the production SMTP password and the Stripe key. The image is public on Docker Hub.",
  },
  {
    id: "w-r04",
    kind: "report",
    title: "Workspace takeover through the transfer endpoint",
    body: "POST /api/workspaces/{id}/transfer only checks that you are a member, not the owner. As a viewer I moved a test workspace of my own to my account.",
  },
  {
    id: "w-r05",
    kind: "report",
    title: "HTML injection in invitation e-mails",
    body: "The project name goes into the invitation e-mail unescaped. Naming a project <a href=https://phish.example>Reset your password</a> sends a convincing phishing link from your domain to whoever I invite.",
  },
  {
    id: "w-r06",
    kind: "report",
    title: "Code execution through the YAML import",
    body: "The import uses the unsafe YAML loader. A file with `!!python/object/apply:os.system ['id']` runs on the server; the job output showed uid=1000(app).",
  },
  {
    id: "w-r07",
    kind: "report",
    title: "Lek: rapporten zonder in te loggen te downloaden",
    body: "De links naar de rapporten (https://rapport.example.nl/r/2026-000123.pdf) werken zonder in te loggen en de nummers lopen op. Zo kun je de rapporten van alle klanten downloaden.",
  },
  {
    id: "w-r08",
    kind: "report",
    title: "Wachtwoord resetten van een ander account",
    body: "Bij 'wachtwoord vergeten' staat het e-mailadres als verborgen veld in het formulier. Pas je dat aan, dan gaat de resetlink naar jouw adres maar wordt het wachtwoord van het andere account gereset. Zo kun je elk account overnemen.",
  },
  {
    id: "w-r09",
    kind: "report",
    title: "Beheerrechten omzeilen via de API",
    body: "Het beheerpaneel controleert alleen in de browser of je beheerder bent. Met de aanroepen uit de netwerk-tab kan een gewone gebruiker alle beheertaken uitvoeren, zoals gebruikers verwijderen.",
  },
  {
    id: "w-r10",
    kind: "report",
    title: "Inbreken met het standaardwachtwoord",
    body: "Na installatie is het beheerwachtwoord admin/admin en het systeem vraagt niet om het te wijzigen. Ik vond tientallen installaties op internet waar je daarmee zo binnenkomt.",
  },
  {
    id: "w-r11",
    kind: "report",
    title: "",
    body: "Confirmed on 6.1 too, and it is worse than described: the same request without the Authorization header still returns other users' API tokens, so nobody even needs an account.",
  },
  {
    id: "w-r12",
    kind: "report",
    title: "Attachment names can write outside the upload folder",
    body: "Uploading with the filename ..\\..\\wwwroot\\x.aspx writes the file into the web root on Windows hosts, where it is then served and executed.",
  },
  {
    id: "w-r13",
    kind: "report",
    title: "Vault PIN can be guessed",
    body: "The 4-digit PIN on /unlock has no attempt limit. A loop over 0000-9999 finds it in under two minutes, which opens the owner's vault with all stored passwords.",
  },
  {
    id: "w-r14",
    kind: "report",
    title: "The fix for CVE-2025-1111 can be bypassed",
    body: "4.2.3 checks the Origin header with startsWith, so a page on https://example.com.attacker.net passes the check and the cross-site request works again.",
  },
  {
    id: "w-r15",
    kind: "report",
    title: "Customer database dump in a public gist",
    body: "A gist linked from your onboarding docs contains an SQL dump with about 3,000 customer rows, names and e-mail addresses. It is still online.",
  },
  {
    id: "w-r16",
    kind: "report",
    title: "Gegevens van andere klanten via de zoekfunctie",
    body: "Als je in de zoekbalk een * invult, toont het resultaat ook adressen en telefoonnummers van klanten van andere vestigingen. Ik heb het scherm meteen gesloten.",
  },
  {
    id: "w-o01",
    kind: "ordinary",
    title: "File handle leak on Windows",
    body: "Every preview leaks a file handle until the process hits the limit and previews fail. Only on Windows.",
  },
  {
    id: "w-o02",
    kind: "ordinary",
    title: "SSO login bypasses the onboarding wizard",
    body: "Users who sign in with SSO never see the onboarding wizard. They should see it once.",
  },
  {
    id: "w-o03",
    kind: "ordinary",
    title: "API token field cuts off long tokens",
    body: "The token field in the integration settings truncates tokens longer than 64 characters, so the connection test fails.",
  },
  {
    id: "w-o04",
    kind: "ordinary",
    title: "Inject configuration through environment variables",
    body: "Allow injecting the configuration through environment variables so we don't have to mount a file in Kubernetes.",
  },
  {
    id: "w-o05",
    kind: "ordinary",
    title: "Factuur van een andere maand wordt getoond",
    body: "Als ik op de factuur van oktober klik, krijg ik die van september te zien. Mijn eigen facturen, maar de verkeerde.",
  },
  {
    id: "w-o06",
    kind: "ordinary",
    title: "Openbare agenda tonen zonder in te loggen",
    body: "Voorstel: laat bezoekers de openbare agenda weer zien zonder in te loggen, zoals in de vorige versie.",
  },
  {
    id: "w-o07",
    kind: "ordinary",
    title: "Embedded login fails without third-party cookies",
    body: "With third-party cookies blocked the embedded login never completes and keeps reloading.",
  },
  {
    id: "w-d01",
    kind: "discussion",
    title: "How should we store API keys in CI?",
    body: "We keep the deploy key in a repository secret. Is an environment with reviewers better? Looking for advice.",
  },
  {
    id: "w-d02",
    kind: "discussion",
    title: "Move to jsonwebtoken 9 (CVE-2022-23529)",
    body: "jsonwebtoken 8.5.1 has a published advisory. Please move to 9.x; the API change is small and I can send a PR.",
  },
  {
    id: "w-d03",
    kind: "discussion",
    title: "Is the appliance affected by CVE-2024-6387?",
    body: "The appliance image runs OpenSSH. Which version does it ship, and is a patched image planned?",
  },
  {
    id: "w-d04",
    kind: "discussion",
    title: "Option to require a login for the public API",
    body: "Some of us would rather not have the read API open to everyone. A setting to require a key would be welcome.",
  },
  {
    id: "w-d05",
    kind: "discussion",
    title: "What counts as account takeover for the reward table?",
    body: "The bug bounty page lists account takeover as critical. Does that include takeovers that need the victim to click a link?",
  },
  {
    id: "w-d06",
    kind: "discussion",
    title: "Vraag: hoe worden wachtwoorden opgeslagen?",
    body: "Voor onze AVG-documentatie: hoe worden wachtwoorden opgeslagen? Gehasht met bcrypt of iets anders?",
  },
  {
    id: "w-d07",
    kind: "discussion",
    title: "Bind Postgres to localhost in the compose example",
    body: "The example publishes 5432 on all interfaces. Binding it to 127.0.0.1 would be a safer default for people who copy it.",
  },
  {
    id: "w-d08",
    kind: "discussion",
    title: "Can a customer theme execute code on the server?",
    body: "We let customers upload themes and want to know whether a template can run code on the server, or whether it is sandboxed.",
  },
  {
    id: "w-d09",
    kind: "discussion",
    title: "Kwetsbaarheden melden: welk adres?",
    body: "Op de website staat geen adres om een kwetsbaarheid te melden. Welk adres moeten onderzoekers gebruiken?",
  },
];
