import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { configSchema, type DisclosureConfigInput } from "../../src/config/schema.js";
import { catalogIds } from "../../src/policy/catalog.js";
import { checkPattern } from "../../src/policy/pattern.js";
import { scoreVector } from "../../src/policy/severity.js";
import { compilePolicy, triage, triageWith } from "../../src/policy/triage.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

function configWith(input: DisclosureConfigInput) {
  return configSchema.parse(input);
}

const partnerPolicy = configWith({
  scope: {
    assets: ["mijnpartnergroep.nl", "mijn*partner.{nl,be,de,eu}"],
    codebases: [{ name: "partner-sites", assets: ["mijn*partner.{nl,be,de,eu}"] }],
  },
  exclusions: catalogIds(),
  conduct: [{ id: "excess-data-access", maxRecords: 1 }, "automated-scanning"],
  rewards: { enabled: true, newOnly: true, bands: { critical: "€ 500", high: "€ 250", medium: "€ 100", low: "€ 50" } },
});

describe("config patterns", () => {
  it("explains why a pattern is unusable", () => {
    expect(checkPattern("staging\\.")).toBeUndefined();
    expect(checkPattern("(?=admin)x")).toMatch(/^not valid RE2 syntax \(invalid perl operator: \(\?=\)/);
    expect(checkPattern("(unclosed")).toMatch(/missing \)/);
    expect(checkPattern("x*")).toBe("the pattern matches empty text, so it would match every report");
    expect(checkPattern("")).toBe("the pattern is empty");
  });

  it("runs a catastrophic pattern in linear time", () => {
    const config = configWith({ exclusions: [{ id: "slow", match: ["(a+)+b"], policyText: "Slow." }] });
    expect(triage({ report: { title: "a", body: "a".repeat(50_000) }, config }).exclusions).toEqual([]);
    expectAtMostLinearGrowth((size) => triage({ report: { title: "a", body: "a".repeat(size) }, config }), { sizes: [5_000, 50_000] });
  });

  it("applies a custom rule with its own policy sentence", () => {
    const config = configWith({
      exclusions: [{ id: "staging-hosts", title: "Staging environments", match: ["staging\\."], policyText: "Staging is out." }],
    });
    const decision = triage({ report: { title: "XSS", body: "On https://staging.example.nl/x" }, config });
    expect(decision.exclusions).toEqual([
      expect.objectContaining({
        id: "staging-hosts",
        title: "Staging environments",
        matched: "staging.",
        policyText: "Staging is out.",
        source: "custom",
      }),
    ]);
    expect(decision.labels).toContain("excluded:staging-hosts");
  });

  it("lets a catalog id's own match replace the built-in wording", () => {
    const config = configWith({ exclusions: [{ id: "content-spoofing", unless: [], match: ["text injection.{0,40}404"] }] });
    const on404 = triage({ report: { title: "Text injection on the 404 page", body: "" }, config });
    const elsewhere = triage({ report: { title: "Text injection on the login page", body: "" }, config });
    expect(on404.exclusions.map((exclusion) => exclusion.id)).toEqual(["content-spoofing"]);
    expect(elsewhere.exclusions).toEqual([]);
  });

  it("refuses unknown exceptions and custom rules without patterns", () => {
    expect(() => compilePolicy(configWith({ exclusions: [{ id: "clickjacking", unless: ["never-heard-of"] }] }))).toThrow(
      'unknown exception "never-heard-of"',
    );
    expect(() => compilePolicy(configWith({ exclusions: ["no-such-rule"] }))).toThrow('needs "match" patterns');
  });
});

describe("exclusions", () => {
  it("follows each policy's clickjacking rule", () => {
    const report = { title: "Clickjacking on the delete account page", body: "https://www.example.nl/account/delete can be framed." };
    const strict = configWith({ exclusions: [{ id: "clickjacking", unless: [] }] });
    const lenient = configWith({ exclusions: [{ id: "clickjacking", unless: ["sensitive-action"] }] });
    expect(triage({ report, config: strict }).exclusions.map((exclusion) => exclusion.id)).toEqual(["clickjacking"]);
    const kept = triage({ report, config: lenient });
    expect(kept.exclusions).toEqual([]);
    expect(kept.exceptionsApplied).toEqual([
      expect.objectContaining({ id: "clickjacking", exception: "sensitive-action", matched: "delete account" }),
    ]);
  });

  it("explains a suggestion with the rule, the matched text and the exceptions checked", () => {
    const [suggestion] = triage({ report: { title: "Missing HSTS", body: "" }, config: partnerPolicy }).exclusions;
    expect(suggestion).toMatchObject({
      id: "security-headers",
      matched: "Missing HSTS",
      where: "title",
      vrt: "server_security_misconfiguration.lack_of_security_headers",
    });
    expect(suggestion?.reason).toBe(
      'Catalog rule "HTTP security headers" matched "Missing HSTS" in the title; the policy allows no exception.',
    );
  });

  const realVulnerabilities = [
    "Stored XSS in the comment field",
    "SQL injection in the order API",
    "IDOR on invoice download",
    "Remote code execution via file upload",
    "SSRF in the PDF renderer",
    "Path traversal in the export endpoint",
    "Account takeover via password reset",
  ];
  const excludedFindings = [
    "The site also lacks HSTS.",
    "By the way, jQuery 1.8 is outdated.",
    "There is no DMARC record for the domain either.",
    "The page can also be framed (clickjacking).",
    "The server header discloses the nginx version.",
    "There is no rate limiting on the form.",
    "The cookie lang is missing the Secure flag.",
    "TLS 1.0 is still enabled.",
    "Open ports 21 and 22 are exposed.",
  ];

  it.each([
    ["No account lockout on the login page", "https://mijnpartnergroep.nl/login accepts any number of wrong passwords.", "rate-limiting"],
    ["Login throttling", "There is no throttling of login attempts on https://mijnpartnergroep.nl/login.", "rate-limiting"],
    [
      "Sign-up tells who is registered",
      "https://mijnpartnergroep.nl/signup reveals the user's existence to anyone.",
      "username-enumeration",
    ],
    ["OPTIONS requests", "OPTIONS requests expose which other methods https://mijnpartnergroep.nl/api supports.", "options-method"],
    ["Logout via GET", "Logout works via a simple GET request to https://mijnpartnergroep.nl/logout.", "csrf-unauthenticated"],
    [
      "Installer served over HTTP",
      "The installer is downloaded over plain http from mijnpartnergroep.nl/download.",
      "mitm-physical-access",
    ],
    ["Missing DMARC policy", "mijnpartnergroep.nl has no DMARC policy, so mail can be sent in its name.", "dns-configuration"],
    [
      "Weak DH parameters",
      "The DH key exchange parameters are weak (1024 bits) on the mail server of mijnpartnergroep.nl.",
      "tls-configuration",
    ],
    ["API over HTTP", "API requests are made over plain http, so the room passwords can be read on the way.", "mitm-physical-access"],
    ["Cookie 缺少 Secure 属性", "https://mijnpartnergroep.nl 的 cookie 缺少 secure 属性。", "cookie-flags"],
    [
      "Binaries over HTTP",
      "mijnpartnergroep.nl is serving binaries over HTTP, so anyone on the network can swap them.",
      "mitm-physical-access",
    ],
    ["Enumeração de usuários", "O formulário de login em mijnpartnergroep.nl permite a enumeração de usuários.", "username-enumeration"],
    ["ユーザー列挙", "mijnpartnergroep.nl のログインAPIでユーザー列挙が可能です。", "username-enumeration"],
    ["Coupon codes", "Coupon codes can be brute-forced at mijnpartnergroep.nl/checkout, nothing limits the attempts.", "rate-limiting"],
    ["Contact form", "There is a lot of spam on the contact forms of mijnpartnergroep.nl.", "rate-limiting"],
    ["Hide the version", "Please hide the Indico version from the public pages of mijnpartnergroep.nl.", "version-disclosure"],
    ["Ciphers", "DES ciphers should be removed from the TLS setup of mijnpartnergroep.nl.", "tls-configuration"],
    ["Reset", "A single request to mijnpartnergroep.nl/reset can DoS the server.", "denial-of-service"],
    ["Unencrypted login", "The app's passwords are transmitted unencrypted to mijnpartnergroep.nl/api/login.", "mitm-physical-access"],
    ["Parser loops", "A crafted PDF sends the parser of mijnpartnergroep.nl/upload into an infinite loop.", "denial-of-service"],
    [
      "Nested brackets",
      "Parsing [[[[ takes quadratic time, so one request holds a worker of mijnpartnergroep.nl for minutes.",
      "denial-of-service",
    ],
    ["Busy worker", "The import at mijnpartnergroep.nl/import hangs forever at 100% CPU on this file.", "denial-of-service"],
    ["Invalid method", "The broker crashes when a client sends an invalid method type.", "denial-of-service"],
    ["Malformed frame", "A malformed HTTP/2 frame makes the server at mijnpartnergroep.nl panic and restart.", "denial-of-service"],
    // Titles alone, as a report list shows them.
    ["chromedriver: Downloads Resources over HTTP", "", "mitm-physical-access"],
    ["SSL host name verification disabled by default", "", "mitm-physical-access"],
    ["Passwords are sent over-the-wire in plaintext", "", "mitm-physical-access"],
    ["Update checker uses insecure HTTP", "", "mitm-physical-access"],
    ["Billion Laugh attack on the XML import", "", "denial-of-service"],
    ["Uncontrolled Recursion in the template parser", "", "denial-of-service"],
    ["Stack overflow when parsing deeply nested arrays", "", "denial-of-service"],
    ["OOM in the PNG decoder", "", "denial-of-service"],
    ["Decompression bomb in the archive upload", "", "denial-of-service"],
    ["User registration vulnerable to Cross-site request forgery", "", "csrf-unauthenticated"],
    ["Logout should be a POST request", "", "csrf-unauthenticated"],
    ["Error message reveals valid usernames", "", "username-enumeration"],
    ["User Accounts Enumerable", "", "username-enumeration"],
    ["Excel Macro Injection in the report export", "", "csv-injection"],
    ["Enable DNSSEC for mijnpartnergroep.nl", "", "dns-configuration"],
    ["Disable TLS 1.0 and 1.1", "", "tls-configuration"],
    ["SSLv3 vulnerable", "", "tls-configuration"],
    ["Old protocols", "TLS 1.0 and 1.1 are still enabled on the mail server of mijnpartnergroep.nl.", "tls-configuration"],
    ["Error page exposes Tomcat version information", "", "version-disclosure"],
    ["TOTP codes can be brute-forced", "", "rate-limiting"],
  ])("reads the wording of low-severity reports: %s", (title, body, id) => {
    expect(triage({ report: { title, body }, config: partnerPolicy }).exclusions.map((exclusion) => exclusion.id)).toContain(id);
  });

  it.each([
    ["Account lockout", "Accounts are locked after five wrong passwords on https://mijnpartnergroep.nl/login, as designed."],
    ["Logout", "After logout via the menu the session cookie of https://mijnpartnergroep.nl is removed."],
    ["Downloads", "The installer is downloaded over https from mijnpartnergroep.nl/download and its checksum matches."],
    ["API", "API requests are made over https only; plain http is refused by mijnpartnergroep.nl."],
    ["Binaries", "mijnpartnergroep.nl is serving binaries over HTTPS only, signed and with checksums."],
    ["Descuentos", "Se pueden probar dos códigos por segundo en mijnpartnergroep.nl/api/discount."],
    ["Usuários", "A API de mijnpartnergroep.nl expõe o nome dos usuários na página pública, como previsto."],
    ["Release", "Please remove the deprecated version of the mijnpartnergroep.nl app from the download page."],
    ["MS-DOS", "The MS-DOS installer of the mijnpartnergroep.nl client still runs."],
    ["Loop", "The retry loop of https://mijnpartnergroep.nl/api stops after three tries, as documented."],
    [
      "Stack buffer overflow",
      "A stack-buffer-overflow in the parser of mijnpartnergroep.nl/upload on deeply nested input overwrites the return address.",
    ],
    ["Recursion", "The menu of mijnpartnergroep.nl is built by recursion over the page tree."],
    ["Update", "The updater of the mijnpartnergroep.nl app fetches its files over https and checks their signatures."],
  ])("leaves the same words alone where nothing is wrong (control): %s", (title, body) => {
    expect(triage({ report: { title, body }, config: partnerPolicy }).exclusions).toEqual([]);
  });

  it("reads plain-text passwords and disabled certificate checks as MITM only where a title or body begins with them", () => {
    // In a body such a remark is often one of several findings, and the report's finding another (here: an admin page
    // anyone can open); a report that leads with it is about it.
    const admin = triage({
      report: {
        title: "Admin page reachable without login",
        body: "The admin page of https://mijnpartnergroep.nl/admin opens without a login.\nAlso, the password is sent in plain text, and TLS validation is disabled in the app.",
      },
      config: partnerPolicy,
    });
    const plain = triage({
      report: { title: "Login", body: "The password is sent in plain text to https://mijnpartnergroep.nl/login." },
      config: partnerPolicy,
    });
    expect(admin.exclusions).toEqual([]);
    expect(plain.exclusions.map((exclusion) => exclusion.id)).toEqual(["mitm-physical-access"]);
  });

  it("keeps content spoofing that plants links in scope where the policy makes that exception", () => {
    const report = {
      title: "Hyperlink injection in the first name",
      body: "Content spoofing: the first name on https://mijnpartnergroep.nl/signup may hold a link, which the welcome mail shows.",
    };
    const decision = triage({ report, config: partnerPolicy });
    expect(decision.exclusions).toEqual([]);
    expect(decision.exceptionsApplied).toEqual([expect.objectContaining({ id: "content-spoofing", exception: "attack-vector" })]);
  });

  it("reads a session cookie written in Chinese or Japanese as the sensitive cookie the exception names", () => {
    for (const body of [
      "https://mijnpartnergroep.nl 的会话 cookie 缺少 HttpOnly 属性。",
      "The セッション cookie of https://mijnpartnergroep.nl is missing the HttpOnly flag.",
    ]) {
      const decision = triage({ report: { title: "Cookie", body }, config: partnerPolicy });
      expect(decision.exclusions).toEqual([]);
      expect(decision.exceptionsApplied).toEqual([expect.objectContaining({ id: "cookie-flags", exception: "sensitive-cookie" })]);
    }
  });

  it("does not exclude a real vulnerability whose body mentions an excluded finding", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realVulnerabilities),
        fc.constantFrom(...excludedFindings),
        fc.array(fc.constantFrom("Steps to reproduce:", "1. Log in.", "2. Open https://mijnpartnergroep.nl/x.", "The payload is stored."), {
          maxLength: 6,
        }),
        fc.nat(),
        (title, finding, lines, position) => {
          const body: string[] = [...lines];
          body.splice(position % (lines.length + 1), 0, finding);
          return triage({ report: { title, body: body.join("\n") }, config: partnerPolicy }).exclusions.length === 0;
        },
      ),
    );
  });
});

describe("conduct", () => {
  const config = configWith({ conduct: ["automated-scanning", { id: "excess-data-access", maxRecords: 1 }] });

  it("flags what the report says was done, not what it says was not done", () => {
    const flagged = triage({ report: { title: "SQLi", body: "Found with sqlmap on https://a.nl/x?id=1" }, config });
    const denied = triage({ report: { title: "SQLi", body: "I did not use sqlmap or any other scanner." }, config });
    expect(flagged.conduct).toEqual([expect.objectContaining({ id: "automated-scanning", matched: "sqlmap" })]);
    expect(denied.conduct).toEqual([]);
  });

  it("counts records against the policy's maximum", () => {
    const one = triage({ report: { title: "IDOR", body: "I retrieved 1 record to confirm." }, config });
    const two = triage({ report: { title: "IDOR", body: "I retrieved 2 records to confirm." }, config });
    const many = triage({ report: { title: "IDOR", body: "In total 1.250 klanten opgehaald via de API." }, config });
    expect(one.conduct).toEqual([]);
    expect(two.conduct).toEqual([expect.objectContaining({ id: "excess-data-access" })]);
    expect(two.conduct[0]?.reason).toBe(
      'The report mentions 2 records read ("I retrieved 2 records to confirm"); the policy allows at most 1.',
    );
    expect(many.conduct[0]?.reason).toContain("1250 records");
  });

  it("reads counts written as words against the policy's own maximum", () => {
    const withLimit = (maxRecords: number) => ({ ...config, conduct: [{ id: "excess-data-access", maxRecords }] });
    const flaggedIds = (body: string, maxRecords: number) =>
      triage({ report: { title: "IDOR", body }, config: withLimit(maxRecords) }).conduct.map((flag) => flag.id);
    expect(flaggedIds("I downloaded a customer record to confirm.", 1)).toEqual([]);
    expect(flaggedIds("I downloaded a customer record to confirm.", 0)).toEqual(["excess-data-access"]);
    expect(flaggedIds("I downloaded one record and then three user records.", 2)).toEqual(["excess-data-access"]);
    expect(flaggedIds("I downloaded one record and then three user records.", 3)).toEqual([]);
    expect(flaggedIds("Ik heb twee klanten opgehaald.", 1)).toEqual(["excess-data-access"]);
  });
});

describe("severity", () => {
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "critical", 9.8, "3.1"],
    ["CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "medium", 6.1, "3.0"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "critical", 9.3, "4.0"],
    ["CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "low", 1.6, "3.1"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "none", 0, "3.1"],
  ])("scores %s", (vector, level, score, version) => {
    expect(scoreVector(vector)).toEqual({ level, score, vector, version, source: "cvss" });
  });

  it("scores a vector seen before as the first time, however many vectors came between", () => {
    const vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    const first = scoreVector(vector);
    first!.level = "low";
    expect(scoreVector(` ${vector} `)).toEqual({ level: "critical", score: 9.8, vector, version: "3.1", source: "cvss" });
    for (const attackVector of ["N", "A", "L", "P"])
      for (const confidentiality of ["H", "L", "N"])
        for (const integrity of ["H", "L", "N"])
          for (const availability of ["H", "L", "N"])
            for (const scope of ["U", "C"])
              for (const privileges of ["N", "L", "H"])
                scoreVector(
                  `CVSS:3.1/AV:${attackVector}/AC:L/PR:${privileges}/UI:N/S:${scope}/C:${confidentiality}/I:${integrity}/A:${availability}`,
                );
    expect(scoreVector(vector)).toEqual({ level: "critical", score: 9.8, vector, version: "3.1", source: "cvss" });
    expect(scoreVector("CVSS:3.1/AV:N")).toBeUndefined();
    expect(scoreVector(`${vector}/${"X".repeat(600)}`)).toBeUndefined();
  });

  it("falls back to the advisory's severity for an incomplete or unknown vector", () => {
    const config = configWith({});
    for (const cvssVector of ["CVSS:3.1/AV:N", "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "garbage"]) {
      expect(triage({ report: { title: "x", body: "", cvssVector, severity: "high" }, config }).severity).toEqual({
        level: "high",
        source: "advisory",
      });
    }
  });
});

describe("duplicates, codebases and rewards", () => {
  const first = triage({
    report: { title: "Stored XSS in review form", body: "https://mijnbouwpartner.nl/review?product=12 stores <script>." },
    config: partnerPolicy,
  });
  const prior = { key: "GHSA-aaaa-bbbb-cccc", title: "Stored XSS in review form", assets: first.assets, fingerprint: first.fingerprint! };

  it("fingerprints the root cause without the host", () => {
    expect(first.fingerprint).toBe("xss|/review|product");
    expect(first.assets).toEqual(["https://mijnbouwpartner.nl/review?product=12"]);
  });

  it("treats the same root cause on another site of the codebase as one problem", () => {
    const decision = triage({
      report: { title: "XSS in product reviews", body: "https://mijnzorgpartner.be/review?product=99 stores <script>alert(1)</script>." },
      config: partnerPolicy,
      priorCases: [prior, { ...prior, key: "GHSA-later" }],
    });
    expect(decision.duplicateOf).toBe("GHSA-aaaa-bbbb-cccc");
    expect(decision.duplicateReason).toContain("same codebase (partner-sites)");
    expect(decision.labels).toContain("duplicate");
    expect(decision.reward).toEqual({
      eligible: false,
      reason: "Already known as GHSA-aaaa-bbbb-cccc; the policy rewards only problems not yet known.",
    });
  });

  it("does not join sites outside the codebase group", () => {
    const decision = triage({
      report: { title: "XSS in product reviews", body: "https://mijnpartnergroep.nl/review?product=99 stores <script>." },
      config: partnerPolicy,
      priorCases: [prior],
    });
    expect(decision.duplicateOf).toBeUndefined();
  });

  it("finds a duplicate on the same asset by a similar title", () => {
    const decision = triage({
      report: { title: "Stored XSS in the review form", body: "Another way in: https://mijnbouwpartner.nl/review" },
      config: partnerPolicy,
      priorCases: [{ key: "case-1", title: "Stored XSS in review form", assets: ["mijnbouwpartner.nl"] }],
    });
    expect(decision.duplicateOf).toBe("case-1");
  });

  it("recognises a repository stored on a prior case", () => {
    const config = configWith({});
    const report = { title: "Prototype pollution in merge()", body: "merge() copies __proto__ keys.", repository: "octo-org/utils" };
    const decision = triage({
      report,
      config,
      priorCases: [{ key: "GHSA-1", title: "Prototype pollution in merge()", assets: ["octo-org/utils"] }],
    });
    expect(decision.assets).toEqual(["octo-org/utils"]);
    expect(decision.duplicateOf).toBe("GHSA-1");
    const elsewhere = triage({
      report,
      config,
      priorCases: [{ key: "GHSA-2", title: "Prototype pollution in merge()", assets: ["octo-org/other"] }],
    });
    expect(elsewhere.duplicateOf).toBeUndefined();
  });

  it("advises the band by severity and says when the report is incomplete", () => {
    const decision = triage({
      report: {
        title: "SQL injection",
        body: "https://mijnpartnergroep.nl/search?q=1' is injectable",
        cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      },
      config: partnerPolicy,
    });
    expect(decision.reward).toEqual({
      eligible: true,
      band: "€ 500",
      quality: "incomplete",
      reason: "Eligible: critical severity; the report lacks description, which may lower the reward.",
    });
    expect(triage({ report: { title: "x", body: "" }, config: configWith({}) }).reward).toBeUndefined();
  });
});

describe("labels", () => {
  it("are exactly what the tracking issue gets", () => {
    const decision = triage({
      report: {
        title: "Logout CSRF",
        body: "Found with Acunetix. https://mijnbouwpartner.nl/logout logs you out from any site: <img src=https://mijnbouwpartner.nl/logout>",
        severity: "low",
      },
      config: partnerPolicy,
    });
    expect(decision.labels).toEqual([
      "disclosure",
      "state:triage",
      "scope:in",
      "severity:low",
      "excluded:csrf-unauthenticated",
      "conduct:automated-scanning",
    ]);
  });
});

describe("performance", () => {
  it("re-triages thousands of reports in seconds with a compiled policy", () => {
    const policy = compilePolicy(partnerPolicy);
    const reports = Array.from({ length: 3_000 }, (_, index) => ({
      title: index % 2 === 0 ? `Missing HSTS on host ${index}` : `Stored XSS in field ${index}`,
      body: `Steps to reproduce:\n1. Open https://mijnbouwpartner.nl/page/${index}?q=<script>\n2. See the alert. I used sqlmap and read 3 records.\n`.repeat(
        5,
      ),
    }));
    expectAtMostLinearGrowth(
      (count) => {
        for (const report of reports.slice(0, count)) triageWith(policy, report);
      },
      { sizes: [300, 3_000] },
    );
  });

  it("compiles a config once", () => {
    const config = configWith({ exclusions: [{ id: "custom", match: ["foo"] }] });
    const report = { title: "foo", body: "" };
    expect(triage({ report, config })).toEqual(triage({ report, config }));
  });
});
