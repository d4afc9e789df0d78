/**
 * A labelled corpus for the containment classifier, written for Disclosure Desk: issues as people really open them on
 * a public tracker. Three kinds: vulnerability reports (which must be contained), ordinary bug reports and feature
 * requests, and security-themed discussions that are not reports (which must be left alone).
 */

export type CorpusKind = "report" | "ordinary" | "discussion";

export interface CorpusIssue {
  id: string;
  kind: CorpusKind;
  title: string;
  body: string;
}

const reports: [string, string][] = [
  [
    "Search endpoint returns other tenants' widgets",
    "Requesting `/api/widgets/search?q=' OR 1=1--` on widgets.example.org returns every tenant's widgets. I only looked at the first record.",
  ],
  [
    "XSS in profile display name",
    "Steps:\n1. Set your display name to `<img src=x onerror=alert(document.cookie)>`\n2. Anyone who views your profile page runs the script.\n\nThis is stored, so an attacker can steal session cookies of admins who open the user list.",
  ],
  [
    "Security vulnerability: password reset token is predictable",
    "Hi, I found a security vulnerability in the password reset flow. The token in the reset link is the user id plus a unix timestamp in base64. An attacker can reset the password of any account by guessing the timestamp within a few seconds.\n\nI didn't find a security contact so I'm opening this here, sorry.",
  ],
  [
    "Path traversal in /download",
    "GET https://files.example.org/download?name=../../../../etc/passwd returns the passwd file of the server. Version 3.2.1, docker image from the README.",
  ],
  [
    "Unauthenticated access to admin API",
    "The endpoint `/api/admin/users` answers without any authentication and returns the full user list with e-mail addresses. Tested with curl, no cookies:\n\n```\ncurl https://app.example.org/api/admin/users\n```",
  ],
  [
    "SSRF via avatar URL import",
    "The 'import avatar from URL' feature fetches any URL server-side. Giving it http://169.254.169.254/latest/meta-data/iam/security-credentials/ returns the instance role credentials in the error message.",
  ],
  [
    "Remote code execution through template preview",
    "The template preview renders user input with the server-side engine. Entering `{{7*7}}` shows 49, and `{{ self.__init__.__globals__ }}` dumps globals. This leads to remote code execution on the preview worker.",
  ],
  [
    "IDOR on invoice download",
    "Invoices are served from /invoices/<id>.pdf and the id is sequential. While logged in as my own test account I could download invoice 10233 which belongs to another customer. Any logged-in user can read other customers' invoices.",
  ],
  [
    "AWS keys committed in config/production.js",
    "The file config/production.js in the latest release contains hard-coded AWS keys (AKIA...). They still seem valid. Please rotate them.",
  ],
  [
    "Command injection in the backup hostname field",
    "The backup target hostname is passed to a shell. Setting it to `example.com; id` makes the job log print uid=0(root). An admin-level user can run arbitrary commands on the host.",
  ],
  [
    "Login can be bypassed with an empty password",
    "When LDAP is enabled, logging in with a valid username and an empty password succeeds. I was able to log in as the admin user on our own instance. This is an authentication bypass for every LDAP deployment.",
  ],
  [
    "Prototype pollution in the query parser",
    "`?__proto__[isAdmin]=true` sets isAdmin on every object in the process. After one request, all subsequent users are treated as admins. PoC attached below.",
  ],
  [
    "Open redirect after login allows phishing",
    "https://portal.example.org/login?next=https://evil.example sends the user to any site after login. Combined with the OAuth flow this leaks the authorization code to the attacker's site.",
  ],
  [
    "Kwetsbaarheid in het klantportaal",
    "Ik heb een kwetsbaarheid gevonden in mijnpartnergroep.nl: door het klantnummer in de URL te veranderen kon ik de gegevens van andere klanten zien (naam, adres). Ik heb maar één record bekeken. Graag vertrouwelijk behandelen.",
  ],
  [
    "Reflected XSS on the search page",
    "https://shop.example.org/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E pops an alert. Works in Firefox and Chrome, no user interaction beyond clicking the link.",
  ],
  [
    "JWT signature not verified",
    "The API accepts tokens with `alg: none`. I changed the `sub` claim of my own token to another user's id and removed the signature; the API returned that user's profile. Any user can impersonate anyone.",
  ],
  [
    "XXE in the SVG upload",
    'Uploading an SVG with `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>` renders the server hostname in the thumbnail. So arbitrary file read is possible.',
  ],
  [
    "Deserialization of untrusted data in the session cookie",
    "The session cookie is a base64 Java serialized object. Insecure deserialization of untrusted input — with a commons-collections gadget chain I got code execution in a local copy of version 5.1.",
  ],
  [
    "Private repositories visible through the GraphQL endpoint",
    "Querying `repository(name: ...)` on the instance's GraphQL endpoint returns private repositories of other organisations without authentication. I confirmed with two test orgs I created.",
  ],
  [
    "Stored XSS in markdown comments",
    "Markdown links with `javascript:alert(document.domain)` are not sanitised. When a maintainer clicks the link in a comment the script runs in their session. Severity: high.",
  ],
  [
    "Race condition in the coupon redeem endpoint",
    "Sending 20 parallel POST requests to /api/coupons/redeem with the same single-use code redeems it 20 times. An attacker can get unlimited discount. Script to reproduce is below.",
  ],
  [
    "Anyone can delete any comment",
    "DELETE /api/comments/{id} only checks that you're logged in, not that the comment is yours. I deleted a comment of my second test account from my first one. Broken access control.",
  ],
  [
    "Password hashes exposed in the /api/users export",
    "The CSV export for team admins includes the bcrypt hash column. Team admins of any team can download hashes of all members, including other teams' members when paging past the end.",
  ],
  [
    "Zip slip in the theme importer",
    "A theme zip containing an entry `../../../../app/config/settings.py` overwrites the application's settings on import. This gives an attacker code execution on next restart. PoC zip available on request.",
  ],
  [
    "CSRF on the change e-mail form",
    "The change e-mail endpoint has no CSRF token and accepts form posts from any origin. A malicious page can change a logged-in victim's e-mail and then reset their password: account takeover.",
  ],
  [
    "Sensitive data in public S3 bucket",
    "The bucket referenced in the mobile app (example-prod-uploads) is publicly listable and contains passport scans uploaded by users. I listed the bucket and opened one file to confirm, then stopped.",
  ],
  [
    "ReDoS in email validator",
    "The email validation regex backtracks catastrophically. An input of 50 'a' characters followed by '!' takes over a minute on the signup endpoint, so one request ties up a worker. Any unauthenticated visitor can take the service down.",
  ],
  [
    "API token leaks in referer header",
    "The dashboard puts the API token in the URL query string. Outbound links on the dashboard leak it through the Referer header to third-party sites. I saw my token in the access log of my own site.",
  ],
  [
    "Webhook secret comparison is not constant-time and can be skipped",
    "If the X-Signature header is absent, the webhook handler skips verification entirely. An attacker can send forged webhooks that create releases. Tested against 4.0.2.",
  ],
  [
    "SQLi in sort parameter",
    "The `sort` parameter in /api/orders is injected into ORDER BY. `sort=(select sleep(5))` delays the response by five seconds. CWE-89.",
  ],
  [
    "Privilege escalation via role parameter on signup",
    'Adding `"role":"admin"` to the JSON body of POST /api/signup creates an admin account. I created one on the demo instance and deleted it afterwards.',
  ],
  [
    "Heap overflow when parsing crafted PNG",
    "A PNG with a width of 0xFFFFFFFF causes an integer overflow in the row buffer size and then a heap buffer overflow. ASan output attached. Reachable from the public thumbnail endpoint.",
  ],
  [
    "Gitlab token in CI logs is public",
    "The CI job 'deploy' prints the deploy token in plain text in its public log (job 88123). Anyone can read the token and push to the registry.",
  ],
  [
    "Security issue - other users' chats visible",
    "Hi team, reporting a security issue: when I reload the chat page quickly, sometimes I see the conversation of another user. Their messages and their name. Happened three times today, screenshots available privately.",
  ],
  [
    "Session not invalidated after password change",
    "After changing the password, other sessions stay logged in forever. So an attacker who stole a session keeps access even after the victim changes their password. I confirmed with two browsers.",
  ],
  [
    "Host header poisoning in password reset email",
    "The reset link in the e-mail is built from the Host header. Sending the reset request with `Host: evil.example` makes the victim's reset link point to my domain, leaking their reset token when they click. This leads to account takeover.",
  ],
  [
    "Mass assignment lets users verify their own e-mail",
    "PATCH /api/me accepts `email_verified: true`. Combined with the SSO trust on verified e-mails, an attacker can sign in as any user of a partner organisation.",
  ],
  [
    "File upload allows .php and executes it",
    "The attachment upload accepts `shell.php` and serves it from /uploads/ where it is executed. I uploaded a file printing phpinfo() and removed it. Unrestricted file upload leading to RCE.",
  ],
  [
    "Datalek: facturen van andere klanten te downloaden",
    "Beste, via https://mijn.example.nl/facturen/download?id=1001 kan ik door het id op te hogen facturen van andere klanten downloaden, zonder dat gecontroleerd wordt of ze van mij zijn. Ik heb dit niet verder onderzocht dan één factuur.",
  ],
  [
    "Cache poisoning exposes logged-in pages",
    "The CDN caches /account responses when the request carries `X-Forwarded-Host`. I got the cache to store my account page under a public URL; the next visitor sees my details, and the same works the other way, so an attacker can read other users' account details.",
  ],
];

const ordinary: [string, string][] = [
  [
    "Dark mode toggle resets after reload",
    "Steps to reproduce:\n1. Turn on dark mode\n2. Reload the page\n\nExpected: dark mode stays on. Actual: light mode again. Firefox 132 on Ubuntu.",
  ],
  [
    "Feature request: export widgets as CSV",
    "It would be great to export the widget list as CSV for reporting. Right now I copy-paste from the table.",
  ],
  [
    "Crash when the config file is empty",
    "Running `widgets start` with an empty widgets.yml throws `TypeError: Cannot read properties of undefined (reading 'port')`. Stack trace below.",
  ],
  ["Typo in the installation docs", "In docs/install.md it says `npm instal`. Should be `npm install`."],
  [
    "Search is slow with more than 10k widgets",
    "Searching takes 8 seconds on our instance with 12,000 widgets. Postgres 15. Is there an index missing on widgets.name?",
  ],
  ["Add support for Node 22", "The engines field says node 18 only. Node 22 seems to work fine in my tests; could you add it?"],
  ["Pagination shows page 0", "On the orders list the pager starts at 0 instead of 1 when there are no filters. Minor but confusing."],
  [
    "Date picker uses US format in Dutch locale",
    "With the language set to nl the date picker still shows MM/DD/YYYY. Expected DD-MM-YYYY.",
  ],
  ["Docker image is 1.2 GB", "The published image is huge. Could the build use a multi-stage Dockerfile? Happy to send a PR."],
  [
    "Webhook retries never stop",
    "When the receiving server returns 500, the webhook is retried every minute forever. There should be a maximum number of attempts.",
  ],
  [
    "Allow custom fields on widgets",
    "We need a free-text 'cost centre' field on each widget. Custom fields would solve this for everyone.",
  ],
  [
    "Memory leak in the import worker",
    "The import worker grows to 4 GB after importing about 200 files and gets OOM-killed. Heap snapshot shows many retained Buffer objects from the CSV parser.",
  ],
  ["Broken link in README", "The link to the contributing guide returns 404."],
  ["Emails are sent twice", "Since 2.3 every notification e-mail arrives twice. Maybe the job is scheduled on both workers?"],
  [
    "Keyboard navigation in the menu",
    "The main menu can't be opened with the keyboard; Tab skips it. This makes the app hard to use with a screen reader.",
  ],
  ["Support for SQLite", "For small installations a Postgres server is overkill. Would you accept a SQLite backend?"],
  ["Wrong total on the invoice when discount is 100%", "With a 100% discount the invoice total shows -0.00 instead of 0.00."],
  ["CLI --help output is cut off", "`widgets --help` cuts the description of the last three flags in an 80-column terminal."],
  ["Question: how do I change the default port?", "I want to run on port 8080 instead of 3000. Where do I set that?"],
  ["Upload progress bar stuck at 99%", "Large uploads (>500 MB) finish but the progress bar stays at 99% until I reload."],
  [
    "Timezone of scheduled reports is UTC",
    "Scheduled reports go out at 02:00 local time because the scheduler uses UTC. Please use the account timezone.",
  ],
  [
    "Add an API endpoint to archive widgets",
    "Archiving is only possible in the UI. An endpoint would let us automate the yearly clean-up.",
  ],
  ["Logo is blurry on retina screens", "The header logo is a 1x PNG. An SVG would look sharp."],
  ["Import fails on CSV with BOM", "CSV files saved from Excel start with a BOM and the first column name is then not recognised."],
  [
    "Deprecation warning on startup",
    "Node prints `DeprecationWarning: The punycode module is deprecated` at startup. Comes from an old dependency.",
  ],
  ["Sort by date does not work on mobile", "Tapping the date column header does nothing on iOS Safari."],
  ["Make the sidebar collapsible", "On small laptop screens the sidebar takes a lot of space. A collapse button would help."],
  ["Translation missing for 'Archive'", "In the German UI the Archive button still says 'Archive'."],
  ["Build fails on Windows", "`npm run build` fails on Windows because the script uses `rm -rf`. Maybe use rimraf?"],
  ["Duplicate widgets after sync", "After syncing with the ERP twice, every widget exists twice. The sync should match on external id."],
  ["Request: keyboard shortcut for search", "A `/` shortcut to focus the search box like GitHub has would be nice."],
  ["Charts show wrong month labels", "The monthly chart labels are shifted by one: January data is labelled February."],
  ["Exit code is 0 when the import fails", "The import command prints an error but exits 0, so our cron job never alerts."],
  ["Slow startup with many plugins", "With 40 plugins startup takes 45 seconds. Plugins seem to be loaded sequentially."],
  ["Copy button copies the wrong value", "The copy button next to the widget id copies the name instead."],
  [
    "Improve error message for invalid YAML",
    "When widgets.yml has a syntax error the message is just 'invalid config'. A line number would help a lot.",
  ],
  ["Notifications page is empty", "Since today the notifications page shows nothing, although the bell shows 3 unread."],
  ["Support for multiple currencies", "We sell in EUR and GBP. Prices can only be in one currency right now."],
  [
    "Foutmelding bij opslaan van adres",
    "Bij het opslaan van een adres met een toevoeging (12A) krijg ik 'ongeldige invoer'. Verwacht: het adres wordt opgeslagen.",
  ],
  ["Wens: donkere modus in de app", "Het zou fijn zijn als de mobiele app ook een donkere modus heeft, net als de website."],
  [
    "Build fails: Cannot find module '../../config/defaults'",
    "After moving the CLI into packages/cli the build fails with `Cannot find module '../../config/defaults'`. The relative import should use the package name.",
  ],
  [
    "Analytics <script> tag blocks rendering",
    "The `<script>` tag for analytics in index.html is not async, so the page stays blank until it loads. Add `defer`?",
  ],
  [
    "Container cannot reach 169.254.169.254 on EKS",
    "Our pods can't read the instance metadata endpoint after the upgrade, so the AWS SDK can't get credentials. IMDSv2 hop limit is probably 1.",
  ],
  ["onload handler not called in Safari", '`<img onload="markLoaded()">` never fires in Safari 17 when the image is cached.'],
  [
    "Run script fails with `; id` in the project name",
    "A project named `demo; id` breaks the build script because the name is not quoted in the shell script. Names with spaces fail too. Please quote the variable.",
  ],
  [
    "Crash when the query contains __proto__",
    "Searching for the literal word `__proto__` throws `TypeError: Cannot convert object to primitive value` in the filter parser.",
  ],
];

const discussions: [string, string][] = [
  [
    "Should we add a Content-Security-Policy header?",
    "Right now the app sends no CSP. Adding one would make XSS much harder to exploit. What do you think about starting with report-only mode?",
  ],
  [
    "Add a SECURITY.md",
    "The repository has no security policy, so people don't know where to report vulnerabilities privately. Could you add a SECURITY.md with a contact address?",
  ],
  [
    "Bump lodash to 4.17.21 for CVE-2021-23337",
    "npm audit reports CVE-2021-23337 (command injection in lodash template) in the lodash dependency. Upgrading to 4.17.21 fixes it.",
  ],
  [
    "How do you protect against CSRF in the API?",
    "I'm building an integration and wondering how the API handles CSRF. Is it token based or does it rely on SameSite cookies?",
  ],
  [
    "Enable 2FA for admin accounts",
    "Feature request: support two-factor authentication (TOTP) for admin accounts. Many of our customers require it.",
  ],
  [
    "Is this project affected by Log4Shell?",
    "Does anything in the stack use log4j? Our security team asks every vendor. The Java connector maybe?",
  ],
  [
    "Document how to rotate the API keys",
    "There's no documentation on rotating API keys. It would be good to have a guide for when someone leaves the team.",
  ],
  [
    "RFC: sign releases with Sigstore",
    "Proposal to sign release artifacts with cosign and publish provenance so users can verify downloads.",
  ],
  [
    "Dependabot alert for minimist",
    "Dependabot flags minimist < 1.2.6 (prototype pollution, GHSA-xvch-5gv4-984h) as a transitive dependency of the CLI. Please update.",
  ],
  [
    "Security best practices for self-hosting",
    "Is there a checklist of best practices for running this in production? TLS, firewall, backups, that kind of thing.",
  ],
  [
    "Add rate limiting to the login endpoint",
    "Consider adding rate limiting to /login so brute-force attempts are slowed down. Maybe with an exponential backoff per IP.",
  ],
  [
    "What's the process for reporting vulnerabilities?",
    "I'd like to know how the team handles security reports. Is there a bug bounty or a disclosure policy?",
  ],
  [
    "Threat model for the plugin system",
    "Plugins run in the same process with full access. Should we write down a threat model for plugins and decide what isolation we want?",
  ],
  [
    "Question about password hashing algorithm",
    "Which algorithm do you use for password hashing? bcrypt or argon2? Asking for our compliance documentation.",
  ],
  ["Support SAML SSO", "Enterprise customers ask for SAML single sign-on. Any plans to support it?"],
  [
    "Enable CodeQL code scanning",
    "GitHub's code scanning is free for public repos. Let's enable CodeQL in CI to catch injection bugs early.",
  ],
  [
    "Update openssl in the Docker image",
    "The base image ships openssl 3.0.2 which has several published CVEs. Updating the base image to bookworm would fix them.",
  ],
  [
    "Should tokens expire?",
    "Personal access tokens currently never expire. Would it make sense to add an optional expiry date like GitHub does?",
  ],
  [
    "Add security.txt to the website",
    "RFC 9116 describes /.well-known/security.txt. It would help researchers find your contact. Happy to open a PR.",
  ],
  [
    "Discussion: escaping in templates",
    "We mix escaped and raw output in templates. How should contributors decide when raw output is fine? A short guideline in CONTRIBUTING would prevent XSS mistakes.",
  ],
  [
    "Is the session cookie HttpOnly?",
    "I couldn't tell from the docs whether the session cookie sets HttpOnly and Secure. Can you confirm?",
  ],
  ["Pin GitHub Actions to commit SHAs", "OpenSSF Scorecard recommends pinning actions by SHA. Our workflows use tags. Should we switch?"],
  [
    "Trivy reports high severity vulnerabilities in the image",
    "Running trivy on the latest image shows 12 HIGH findings, all in Debian packages (libc, zlib). Are there plans to rebuild on a newer base?",
  ],
  ["Add audit log for admin actions", "For compliance we need an audit log of who changed permissions and when. Feature request."],
  ["Publish an SBOM with each release", "Our procurement asks for an SBOM. Could the release workflow generate CycloneDX?"],
  [
    "How to configure TLS for the built-in server?",
    "The docs mention HTTPS but not how to set the certificate. Where do I put the cert and key?",
  ],
  [
    "Security review of the new OAuth flow before release",
    "Before 5.0 ships, should someone outside the core team review the new OAuth implementation? I can help coordinate.",
  ],
  [
    "CVE-2024-4067 in micromatch dependency",
    "CVE-2024-4067 (ReDoS) in micromatch affects the dependency used by the build tooling. It's a dev dependency only so probably low priority, but upgrading is easy.",
  ],
  [
    "Encrypt backups at rest",
    "Backups are written unencrypted to S3. An option to encrypt them with a customer key would be a good enhancement.",
  ],
  ["Make the password policy configurable", "We need a minimum length of 14 for our policy. Could the minimum length be a setting?"],
  [
    "Any plans to get a penetration test?",
    "Our security team would like to see a recent pentest report before we adopt this. Is an independent audit planned?",
  ],
  [
    "Explain the permission model in the docs",
    "It isn't clear which role can see which projects. A table in the docs would help admins avoid giving too much access.",
  ],
  [
    "Vraag over beveiliging van de API",
    "Hoe is de API beveiligd? Gebruiken jullie OAuth of API-sleutels? We willen dit documenteren voor onze klanten.",
  ],
  ["Voorstel: tweestapsverificatie", "Voorstel om tweestapsverificatie toe te voegen voor beheerders. Veel gemeenten vragen hierom."],
  [
    "Switch from MD5 to SHA-256 for file checksums",
    "The download page lists MD5 checksums. MD5 is not collision resistant; please publish SHA-256 sums instead.",
  ],
  [
    "Recommend HSTS in the deployment guide",
    "The nginx example in the deployment guide doesn't set HSTS. Adding it to the example would help people who copy it.",
  ],
  [
    "Where should I report a security bug?",
    "I think I may have found something security related but don't want to post details publicly. Is there a private channel or e-mail?",
  ],
  [
    "Use parameterised queries everywhere (tech debt)",
    "The reporting module still builds some SQL strings by hand (no user input reaches them as far as I can see). Refactoring to the query builder would prevent SQL injection mistakes in the future.",
  ],
  ["Disable the X-Powered-By header", "The server sends X-Powered-By: Express. Hiding it is a common hardening step. Minor enhancement."],
  [
    "I found a security issue - where can I report it privately?",
    "Hi, I think I found a security vulnerability but I don't want to post details here. Is there an e-mail address or a private form?",
  ],
  [
    "Discussion: should SQL injection tests run in CI?",
    "We could add sqlmap against the staging build in CI so SQL injection and XSS regressions are caught early. Thoughts?",
  ],
  [
    "Secret scanning found a test key in fixtures",
    "GitHub secret scanning flagged tests/fixtures/fake-stripe-key.txt. It's a dummy key (sk_test_ prefix) used in unit tests, so this is a false positive, but maybe rename it so the alert stops.",
  ],
];

function entries(kind: CorpusKind, list: [string, string][]): CorpusIssue[] {
  return list.map(([title, body], index) => ({ id: `${kind}-${String(index + 1).padStart(2, "0")}`, kind, title, body }));
}

export const corpus: readonly CorpusIssue[] = [
  ...entries("report", reports),
  ...entries("ordinary", ordinary),
  ...entries("discussion", discussions),
];
