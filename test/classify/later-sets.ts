/**
 * Three smaller sets of issues, each written after the classifier's rules were settled, so that the numbers say
 * something about text the rules had not seen. Each was measured once before it informed any change:
 *
 * | set | written after | first measurement |
 * |---|---|---|
 * | `heldOut` (10 reports, 13 others) | the main corpus was at 0 errors | 8 of 10 reports missed, 0 false positives |
 * | `secondSet` (10 reports, 12 others) | the rules were extended for `heldOut` | 9 of 10 reports missed, 0 false positives |
 * | `thirdSet` (10 reports, 10 others) | the harm-vocabulary signal was added | 9 of 10 reports missed, 0 false positives |
 *
 * Since then their misses have shaped the rules, so they are regression sets now, not estimates: the lesson they
 * teach is that the classifier is precise but misses reports that use no vocabulary it knows. `/disclosure contain`
 * is the answer for those. After the rules learned plain impact wording and combined evidence, `secondSet` misses 1
 * of its 10 reports (was 5) and `thirdSet` none (was 2); see `fourth-set.ts` for the set measured before and after.
 */
import type { CorpusIssue } from "./corpus.js";

export const heldOut: readonly CorpusIssue[] = [
  {
    id: "held-report-01",
    kind: "report",
    title: "Admin panel reachable without login",
    body: "https://cms.example.org/admin/settings loads for me in a private window, no session. I can change the site name there, so anyone can deface the site.",
  },
  {
    id: "held-report-02",
    kind: "report",
    title: "Stored XSS via widget label",
    body: 'A widget label of `"><svg/onload=alert(origin)>` runs script for every viewer of the dashboard, including admins.',
  },
  {
    id: "held-report-03",
    kind: "report",
    title: "Password reset link never expires and can be reused",
    body: "I used the same reset link three times over two days and it worked every time. An attacker who gets an old reset e-mail can take over the account.",
  },
  {
    id: "held-report-04",
    kind: "report",
    title: "Export endpoint leaks all users' phone numbers",
    body: "GET /api/v2/export?type=users returns phone numbers of all users for any authenticated account, not only admins. I checked with a fresh free account.",
  },
  {
    id: "held-report-05",
    kind: "report",
    title: "Directory listing exposes database backups",
    body: "https://downloads.example.org/backups/ is publicly listable and contains nightly .sql.gz dumps. I downloaded nothing beyond the listing.",
  },
  {
    id: "held-report-06",
    kind: "report",
    title: "SSTI in invoice template",
    body: "Setting the invoice footer to ${7*7} renders 49 in the PDF. Looks like server-side template injection; it probably leads to code execution.",
  },
  {
    id: "held-report-07",
    kind: "report",
    title: "Kwetsbaarheid: wachtwoorden in platte tekst",
    body: "Ik zag dat de wachtwoordvergeten-mail mijn huidige wachtwoord in platte tekst bevat. Dat betekent dat wachtwoorden niet gehasht worden opgeslagen.",
  },
  {
    id: "held-report-08",
    kind: "report",
    title: "OAuth state parameter not checked",
    body: "The OAuth callback accepts any state value, so a malicious site can log a victim into the attacker's account (login CSRF) and capture what they upload.",
  },
  {
    id: "held-report-09",
    kind: "report",
    title: "Slack webhook URL in public JS bundle",
    body: "main.3f2a.js contains https://hooks.slack.com/services/T000/B000/XXXX — anyone can post to your internal channel with it. Please rotate it.",
  },
  {
    id: "held-report-10",
    kind: "report",
    title: "Can view private projects by changing the id",
    body: "When I change /projects/118 to /projects/117 I see a private project of another organisation, with its files. Seems like missing authorization check.",
  },
  {
    id: "held-ordinary-01",
    kind: "ordinary",
    title: "Export button missing on mobile",
    body: "On Android Chrome the export button is hidden behind the footer.",
  },
  { id: "held-ordinary-02", kind: "ordinary", title: "Allow sorting widgets by colour", body: "Would be handy for our warehouse team." },
  {
    id: "held-ordinary-03",
    kind: "ordinary",
    title: "Login page shows wrong error for locked accounts",
    body: "A locked account gets 'wrong password' instead of 'account locked'. Steps: lock an account as admin, try to log in.",
  },
  {
    id: "held-ordinary-04",
    kind: "ordinary",
    title: "Token refresh fails after 1 hour",
    body: "Our integration gets 401 after an hour; the refresh endpoint returns 500. Logs attached (tokens redacted).",
  },
  {
    id: "held-ordinary-05",
    kind: "ordinary",
    title: "Session expires too quickly",
    body: "I'm logged out every 15 minutes while typing long descriptions. Could the session timeout be configurable?",
  },
  {
    id: "held-ordinary-06",
    kind: "ordinary",
    title: "CSV import ignores the last line",
    body: "If the file has no trailing newline the last row is skipped.",
  },
  {
    id: "held-ordinary-07",
    kind: "ordinary",
    title: "Upgrade to React 19",
    body: "React 18 is getting old; upgrading would let us use the new form actions.",
  },
  {
    id: "held-discussion-01",
    kind: "discussion",
    title: "Should the API return 404 instead of 403 for private projects?",
    body: "Returning 403 reveals that the project exists. GitHub returns 404. What do you think?",
  },
  {
    id: "held-discussion-02",
    kind: "discussion",
    title: "Bump express to 4.21.2 (CVE-2024-47764)",
    body: "The cookie dependency has a published advisory. Renovate opened a PR; can someone merge it?",
  },
  {
    id: "held-discussion-03",
    kind: "discussion",
    title: "Document the XSS protections in the editor",
    body: "Contributors keep asking whether the markdown editor sanitises HTML. A docs page explaining the sanitiser would help.",
  },
  {
    id: "held-discussion-04",
    kind: "discussion",
    title: "Enable secret scanning push protection",
    body: "Let's turn on push protection so nobody commits a real key by accident.",
  },
  {
    id: "held-discussion-05",
    kind: "discussion",
    title: "How are uploaded files scanned for malware?",
    body: "Our compliance team asks whether uploads are virus-scanned. Is there an integration with ClamAV?",
  },
  {
    id: "held-discussion-06",
    kind: "discussion",
    title: "Add a bug bounty programme?",
    body: "Would the maintainers consider joining a bug bounty platform? It might attract more security researchers.",
  },
];

export const secondSet: readonly CorpusIssue[] = [
  {
    id: "f-r1",
    kind: "report",
    title: "GraphQL introspection shows internal mutations",
    body: "The public GraphQL endpoint has introspection on and exposes deleteTenant and impersonateUser mutations. Calling impersonateUser with my own token and another user's id returned a session for that user.",
  },
  {
    id: "f-r2",
    kind: "report",
    title: "Email change does not require password",
    body: "If someone gets brief access to a logged in browser they can change the email and then reset the password, locking the owner out permanently.",
  },
  {
    id: "f-r3",
    kind: "report",
    title: "Uploaded HTML files are served inline from the main domain",
    body: "Uploading evil.html as an attachment and opening its link runs its scripts on app.example.org, with access to the user's cookies.",
  },
  {
    id: "f-r4",
    kind: "report",
    title: "Rate limit on OTP can be bypassed with X-Forwarded-For",
    body: "Rotating the X-Forwarded-For header resets the counter, so the 6-digit login code can be brute forced in about an hour. I stopped after confirming the counter resets.",
  },
  {
    id: "f-r5",
    kind: "report",
    title: "Debug endpoint dumps environment variables",
    body: "GET https://api.example.org/debug/env returns all environment variables including DATABASE_URL with the password and the Stripe secret key.",
  },
  {
    id: "f-r6",
    kind: "report",
    title: "Team invite can be accepted by anyone with the link",
    body: "Invitation links are not bound to the invited e-mail. A forwarded or leaked link lets any account join the team as admin.",
  },
  {
    id: "f-r7",
    kind: "report",
    title: "Beveiligingslek in het inlogformulier",
    body: "Bij het inlogformulier van mijn.example.nl kan ik met ' or '1'='1 als wachtwoord inloggen op elk account. Ik heb dit alleen op mijn eigen account geprobeerd.",
  },
  {
    id: "f-r8",
    kind: "report",
    title: "PDF generator fetches internal URLs",
    body: 'Putting <iframe src="http://localhost:8080/actuator/env"> in the invoice notes embeds the internal actuator output in the generated PDF.',
  },
  {
    id: "f-r9",
    kind: "report",
    title: "Mobile app accepts any TLS certificate",
    body: "The Android app disables certificate validation (TrustManager that accepts all). Anyone on the same Wi-Fi can intercept logins with a self-signed cert; I confirmed with mitmproxy.",
  },
  {
    id: "f-r10",
    kind: "report",
    title: "Deleted users' files still downloadable",
    body: "After an account is deleted its files stay reachable at /files/<uuid>, and the uuids are listed in the public activity feed.",
  },
  {
    id: "f-o1",
    kind: "ordinary",
    title: "Filters reset when going back",
    body: "Using the browser back button from a widget page resets all list filters.",
  },
  { id: "f-o2", kind: "ordinary", title: "Add Italian translation", body: "I can provide the Italian strings if you add the locale." },
  {
    id: "f-o3",
    kind: "ordinary",
    title: "Password field does not allow paste",
    body: "Password managers can't paste into the login password field. Please allow paste.",
  },
  {
    id: "f-o4",
    kind: "ordinary",
    title: "API returns 500 for an empty JSON body",
    body: "POST /api/widgets with body {} returns 500 instead of a 422 validation error.",
  },
  {
    id: "f-o5",
    kind: "ordinary",
    title: "Two-factor setup QR code is cut off",
    body: "On small screens the QR code in the 2FA setup is cropped and can't be scanned.",
  },
  {
    id: "f-o6",
    kind: "ordinary",
    title: "Admin user list is slow",
    body: "The admin users page takes 20 s with 50k users. Needs pagination.",
  },
  {
    id: "f-d1",
    kind: "discussion",
    title: "Why does the app need the repo scope?",
    body: "The OAuth app asks for full repo access. Could it work with narrower permissions?",
  },
  {
    id: "f-d2",
    kind: "discussion",
    title: "Move session storage to Redis",
    body: "Sessions are in memory, so a restart logs everyone out. Redis-backed sessions would fix that.",
  },
  {
    id: "f-d3",
    kind: "discussion",
    title: "Consider argon2id instead of bcrypt",
    body: "OWASP now recommends argon2id. Not urgent, bcrypt is still fine.",
  },
  {
    id: "f-d4",
    kind: "discussion",
    title: "Publish a responsible disclosure policy",
    body: "There's no documented way to report vulnerabilities. A policy and security contact would be good.",
  },
  {
    id: "f-d5",
    kind: "discussion",
    title: "CVE-2025-1234 in the image library?",
    body: "Saw a news item about a CVE in libvips. Do we use an affected version?",
  },
  {
    id: "f-d6",
    kind: "discussion",
    title: "Penetration test findings from last year",
    body: "Are the findings of last year's pentest tracked somewhere public, or only internally?",
  },
];

export const thirdSet: readonly CorpusIssue[] = [
  {
    id: "u-r1",
    kind: "report",
    title: "Other people's carts show up in mine",
    body: "Since this morning my cart sometimes contains items and the delivery address of a stranger. Looks like a caching issue on /cart — their full name and street are visible.",
  },
  {
    id: "u-r2",
    kind: "report",
    title: "JWT secret is 'changeme' in the default docker-compose",
    body: "The published docker-compose.yml sets JWT_SECRET=changeme and the app doesn't refuse to start with it. Everyone who deployed with defaults can have tokens forged by anybody who reads the README.",
  },
  {
    id: "u-r3",
    kind: "report",
    title: "Arbitrary file read via the logo URL field",
    body: "Setting the logo URL to file:///etc/passwd makes the settings preview show the server's passwd file.",
  },
  {
    id: "u-r4",
    kind: "report",
    title: "Guest users can call admin-only API",
    body: "A guest account can POST /api/users/42/roles and make itself admin. Reproduced on 5.2.0 with a guest I invited myself.",
  },
  {
    id: "u-r5",
    kind: "report",
    title: "Unsigned update channel",
    body: "The desktop app downloads updates over plain HTTP and runs them without checking a signature. Someone on the network path can serve their own binary and it will be executed.",
  },
  {
    id: "u-r6",
    kind: "report",
    title: "Share links are guessable",
    body: "Share links use 6 lowercase characters. I enumerated 2000 of them in a minute and found documents of other customers. The links have no rate limiting.",
  },
  {
    id: "u-r7",
    kind: "report",
    title: "Exposed .git directory on docs site",
    body: "https://docs.example.org/.git/config is downloadable, so the whole source including deploy keys can be reconstructed.",
  },
  {
    id: "u-r8",
    kind: "report",
    title: "Lek: iedereen kan facturen inzien",
    body: "Via de link in de factuurmail kan iedereen zonder in te loggen alle facturen van het account bekijken, ook als de link wordt doorgestuurd.",
  },
  {
    id: "u-r9",
    kind: "report",
    title: "Markdown preview executes iframes",
    body: "Pasting <iframe src=javascript:alert(document.cookie)> into the issue description runs it in the preview for everyone who opens the issue.",
  },
  {
    id: "u-r10",
    kind: "report",
    title: "Self-hosted runner token printed in workflow logs",
    body: "The release workflow echoes RUNNER_TOKEN and the logs of this public repository are readable by anyone. With it a stranger can register a runner and receive your jobs.",
  },
  {
    id: "u-n1",
    kind: "ordinary",
    title: "Cart total not updated after removing an item",
    body: "Removing an item leaves the old total until I reload.",
  },
  {
    id: "u-n2",
    kind: "ordinary",
    title: "docker-compose uses deprecated version key",
    body: "Compose warns that `version` is obsolete. Remove it?",
  },
  { id: "u-n3", kind: "ordinary", title: "Logo upload rejects SVG", body: "Our logo is an SVG and the upload says unsupported format." },
  {
    id: "u-n4",
    kind: "ordinary",
    title: "Guest users can't see shared folders",
    body: "Guests invited to a folder get an empty list. Expected to see the shared folder.",
  },
  {
    id: "u-n5",
    kind: "ordinary",
    title: "Desktop app update fails on macOS 15",
    body: "The updater says 'download failed' every time. Manual download works.",
  },
  {
    id: "u-n6",
    kind: "discussion",
    title: "Rotate the JWT signing key periodically?",
    body: "Is there support for key rotation with a kid header? We'd like to rotate every 90 days.",
  },
  {
    id: "u-n7",
    kind: "discussion",
    title: "Make share links expire",
    body: "Feature request: an expiry date for share links, like 7 or 30 days.",
  },
  {
    id: "u-n8",
    kind: "discussion",
    title: "Sign the desktop app updates",
    body: "It would be good to sign update packages and verify them before installing. Electron-updater supports this.",
  },
  {
    id: "u-n9",
    kind: "discussion",
    title: "Hide the .git folder in the nginx example",
    body: "The nginx example config in the docs doesn't deny access to dotfiles. Adding `location ~ /\\. { deny all; }` would be a sensible default.",
  },
  {
    id: "u-n10",
    kind: "discussion",
    title: "Restrict which workflows can use secrets",
    body: "Should we move release secrets into an environment with required reviewers? Then only tagged releases can use them.",
  },
];
