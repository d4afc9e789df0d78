import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { guessCategory, modelOutweighs } from "../../src/policy/impact.js";
import { loadModel } from "../../src/policy/model.js";
import { reportText } from "../../src/policy/report.js";
import { compilePolicy, triageWith } from "../../src/policy/triage.js";

/** Asymmetric costs: a real vulnerability suggested as excluded is worse than a missed exclusion. */

function policyWith(exclusions: unknown[]) {
  return compilePolicy(configSchema.parse({ exclusions }));
}

function triaged(exclusions: unknown[], title: string, body: string) {
  const decision = triageWith(policyWith(exclusions), { title, body });
  return {
    excluded: decision.exclusions.map((exclusion) => exclusion.id),
    reasons: decision.exclusions.map((exclusion) => exclusion.reason),
    kept: decision.exceptionsApplied.map((applied) => ({
      id: applied.id,
      exception: applied.exception,
      title: applied.title,
      matched: applied.matched,
    })),
  };
}

/** A title alone that a rule of `exclusion` matches is kept in scope by a strong impact quoting `words`. */
function expectKeptByImpact(exclusion: string, title: string, words: string): void {
  const result = triaged([exclusion], title, "");
  expect(result.excluded).toEqual([]);
  expect(result.kept).toContainEqual(expect.objectContaining({ exception: "strong-impact", matched: expect.stringContaining(words) }));
}

const openPort = "Port 6379 (Redis) is open to the internet on mijnpartner.nl.";

describe("a strong impact keeps a report in scope", () => {
  it("brings back an open port through which anyone can run commands, and says why", () => {
    const result = triaged(
      ["server-configuration"],
      "Open port 6379 on mijnpartner.nl",
      `${openPort} Anyone can execute arbitrary commands on the server through it.`,
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([
      {
        id: "server-configuration",
        exception: "strong-impact",
        title: "The report shows code execution",
        matched: "execute arbitrary commands",
      },
    ]);
  });

  it("still suggests the exclusion for the open port alone (control)", () => {
    const result = triaged(["server-configuration"], "Open port 6379 on mijnpartner.nl", openPort);
    expect(result.excluded).toEqual(["server-configuration"]);
    expect(result.kept).toEqual([]);
  });

  it("does not override a policy that allows the exclusion no exception (unless: [])", () => {
    const text = [
      "Clickjacking on the settings page",
      "The settings page can be framed. Framing it leads to account takeover of the victim.",
    ] as const;
    expect(triaged([{ id: "clickjacking", unless: [] }], ...text).excluded).toEqual(["clickjacking"]);
    // Control: with the catalog's own exceptions, the same report is brought back in.
    expect(triaged(["clickjacking"], ...text).excluded).toEqual([]);
  });

  it("does not override an exclusion about what the attack needs: code execution through a MITM still needs the MITM", () => {
    const mitm = triaged(
      ["mitm-physical-access"],
      "Update channel over plain HTTP",
      "The desktop client downloads updates over plain HTTP. A man-in-the-middle can swap the binary, which gives remote code execution on the user's machine.",
    );
    expect(mitm.excluded).toEqual(["mitm-physical-access"]);
    // Control: code execution that needs no MITM is not excluded.
    const direct = triaged(
      ["mitm-physical-access"],
      "Update endpoint runs uploaded code",
      "The update endpoint on mijnpartner.nl accepts an uploaded archive and runs it, which gives remote code execution on the server.",
    );
    expect(direct.excluded).toEqual([]);
  });
});

describe("a strong impact keeps reports of exposed credentials and memory in scope", () => {
  it("brings back a user listing that includes password hashes, which the enumeration exclusion alone would take out", () => {
    const result = triaged(
      ["username-enumeration"],
      "User list API without login",
      "GET /api/users enumerates all accounts without logging in and includes the users' password hashes.",
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([
      {
        id: "username-enumeration",
        exception: "strong-impact",
        title: "The report exposes the data of other people",
        matched: "includes the users' password",
      },
    ]);
    // Control: enumeration alone stays excluded.
    const control = triaged(
      ["username-enumeration"],
      "Login form reveals accounts",
      "The login form says 'unknown user' for accounts that do not exist, so anyone can enumerate all accounts.",
    );
    expect(control.excluded).toEqual(["username-enumeration"]);
  });

  it("brings back a denial of service that also leaks memory, and leaves a crash alone excluded (control)", () => {
    const leak = triaged(
      ["denial-of-service"],
      "Denial of service in the TIFF decoder",
      "A crafted TIFF causes a denial of service in the decoder and leaks process memory to the attacker.",
    );
    expect(leak.excluded).toEqual([]);
    expect(leak.kept.map((kept) => kept.title)).toEqual(["The report shows memory being read, not only a crash"]);
    const crash = triaged(
      ["denial-of-service"],
      "Denial of service in the TIFF decoder",
      "A crafted TIFF causes a denial of service in the decoder.",
    );
    expect(crash.excluded).toEqual(["denial-of-service"]);
  });

  it("brings back a denial of service that also writes memory or takes over control flow, and a Chinese report of code execution", () => {
    const write = triaged(
      ["denial-of-service"],
      "Read File Record request",
      "A single unauthenticated request causes an out-of-bounds write past msg.buf: a denial of service at least, and a control-flow hijack.",
    );
    expect(write.excluded).toEqual([]);
    expect(write.kept.map((kept) => kept.title)).toEqual([
      "The report shows memory being written or control flow taken over, not only a crash",
    ]);
    const upload = triaged(["denial-of-service"], "文件上传没校验后缀", "攻击者可以直接上传webshell，植入DDoS程序，执行任意文件。");
    expect(upload.excluded).toEqual([]);
    expect(upload.kept.map((kept) => kept.title)).toEqual(["The report shows code execution"]);
    const hang = triaged(
      ["denial-of-service"],
      "Parser hangs",
      "A crafted header makes the parser write the same log line forever: a denial of service.",
    );
    expect(hang.excluded).toEqual(["denial-of-service"]);
  });

  it("reads a sanitizer's out-of-bounds write as memory written, and a crash the writer says is not code execution as a crash", () => {
    const sanitizer = triaged(
      ["denial-of-service"],
      "heap-buffer-overflow in parse_header",
      "A crafted header crashes the server (denial of service):\n==1==ERROR: AddressSanitizer: heap-buffer-overflow\nWRITE of size 4 at 0x602000000011 thread T0",
    );
    expect(sanitizer.excluded).toEqual([]);
    expect(sanitizer.kept.map((kept) => kept.title)).toEqual([
      "The report shows memory being written or control flow taken over, not only a crash",
    ]);
    const bomb = triaged(
      ["denial-of-service"],
      "Zip bomb in unpack",
      "A small archive exhausts memory and crashes the server: a denial of service, an OOM crash rather than RCE.",
    );
    expect(bomb.excluded).toEqual(["denial-of-service"]);
    const claimed = triaged(
      ["denial-of-service"],
      "Zip bomb in unpack",
      "A small archive exhausts memory and crashes the server: a denial of service, and with a second entry RCE.",
    );
    expect(claimed.excluded).toEqual([]);
    expect(claimed.kept.map((kept) => kept.title)).toEqual(["The report shows code execution"]);
  });
});

describe("a real vulnerability worded like an exclusion", () => {
  it("stays in scope when its title names a server-side flaw it found, and says why", () => {
    const result = triaged(["rate-limiting"], "No rate limit on /api/doc/import, and each DOCX is parsed with external entities (XXE)", "");
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([
      {
        id: "rate-limiting",
        exception: "strong-impact",
        title: "The report's title names a server-side vulnerability it found",
        matched: "XXE",
      },
    ]);
  });

  it("reads that title only: a body that names XXE in passing leaves the exclusion (control)", () => {
    const result = triaged(["rate-limiting"], "No rate limit on /api/doc/import", "The parser might also be open to XXE, I did not check.");
    expect(result.excluded).toEqual(["rate-limiting"]);
  });

  it("does not count a class a hardening title wants prevented", () => {
    const result = triaged(["denial-of-service"], "SAML XML hardening: prohibit DTD processing (XXE / entity-expansion DoS)", "");
    expect(result.excluded).toEqual(["denial-of-service"]);
  });

  it("is no outdated-browser or MITM finding when the flaw is on the server, though code execution through a MITM still is", () => {
    expect(triaged(["outdated-browser"], "IE-only SOAP endpoint /legacy/ws still live, XXE via DOCTYPE", "").excluded).toEqual([]);
    expect(
      triaged(["mitm-physical-access"], "Man-in-the-middle relay page fetches any URL, metadata.google.internal included", "").excluded,
    ).toEqual([]);
    expect(triaged(["mitm-physical-access"], "Update downloaded over HTTP: a MITM gets remote code execution", "").excluded).toEqual([
      "mitm-physical-access",
    ]);
  });

  it("keeps an open redirect in scope, but not one the Host header steers, which is the host-header finding", () => {
    expect(triaged(["ssl-certificate"], "'Certificate expired' interstitial has ?continue= that redirects anywhere", "").excluded).toEqual(
      [],
    );
    expect(triaged(["host-header-injection"], "Host header manipulation leads to redirect on attacker domain", "").excluded).toEqual([
      "host-header-injection",
    ]);
  });
});

describe("a title that says its report is more than a finding it names", () => {
  it.each([
    ["username-enumeration", "More than user enumeration: the signup check returns each member's phone number"],
    ["ssl-certificate", "The expired certificate on files.example.test is the least of it: the share lists every invoice"],
    ["dns-configuration", "Missing CAA record? No - the verification TXT is never checked, so any tenant claims any domain"],
    ["clickjacking", "The settings page can be framed, but worse: its return= parameter sends the parent anywhere"],
    ["server-configuration", "Not merely an open port: the Memcached on 11211 hands out every session"],
    ["content-spoofing", "Meer dan tekstinjectie: de melding wordt als HTML getoond en draait script"],
    ["outdated-browser", "Needs no legacy browser: the compatibility page evaluates the user agent string"],
    ["clickjacking", "UI redressing aside: the embed endpoint reads XML with external entities"],
    ["email-authentication", "Aparte del SPF, el buzón de soporte abre cualquier ticket con solo el remitente"],
    ["metadata-exposure", "Not a metadata leak: document properties are unpickled on import"],
    ["clickjacking", "Clickjacking flagged on /account, actually the frame posts the API token to any origin"],
    ["security-headers", "Missing CSP header, but the real issue is that the preview runs uploaded HTML"],
  ])("does not suggest %s for: %s", (exclusion, title) => {
    expect(triaged([exclusion], title, "").excluded).toEqual([]);
  });

  it("still suggests the finding a title states without setting it aside, and one more than a number of tries", () => {
    expect(triaged(["username-enumeration"], "User enumeration on the signup check", "").excluded).toEqual(["username-enumeration"]);
    expect(triaged(["rate-limiting"], "More than 500 login attempts a minute without a lockout", "").excluded).toEqual(["rate-limiting"]);
  });

  it("leaves a location rule alone: a finding on a demo environment is out of scope whatever it is", () => {
    expect(
      triaged(["demo-environment"], "More than a missing header: stored XSS on demo.example.test", "Seen on the demo site.").excluded,
    ).toEqual(["demo-environment"]);
  });
});

describe("impact as researchers in other languages and registers write it", () => {
  it.each([
    ["outdated-software", "Outdated Apache Struts 2.3 on the portal: OGNL injection", "OGNL injection"],
    ["outdated-software", "Outdated Log4j 2.14 in the contact form - wykonanie kodu przez JNDI", "wykonanie kodu"],
    ["outdated-software", "Outdated Jenkins 2.100: ejecución remota de código sin login", "ejecución remota de código"],
    ["outdated-software", "Outdated Apache Commons Collections in the API, ysoserial chain works", "ysoserial"],
    ["outdated-software", "Outdated OpenSSL 1.0.1 on the balancer: private key fragments read", "private key fragments read"],
    ["username-enumeration", "Username enumeration, and an unsigned JWT is accepted", "unsigned JWT is accepted"],
    ["rate-limiting", "No rate limit on the invite code: se descargan los datos de todos los clientes", "de todos los clientes"],
    ["content-spoofing", "Text injection in the profile sets __proto__.isAdmin", "__proto__.isAdmin"],
    ["ssl-certificate", "Expired certificate notice mails a link that signs anyone in as its owner", "signs anyone in as"],
    ["rate-limiting", "Missing rate limit on login, and its return value takes users to anywhere", "takes users to anywhere"],
    ["options-method", "OPTIONS enabled on /api/items, UNION injection on the id", "UNION injection"],
    ["email-authentication", "SPF too weak; the test-mail feature connects to internal IPs", "to internal IPs"],
    ["email-authentication", "Missing DMARC; the mail preview renders the sender name unescaped", "renders the sender name unescaped"],
    ["denial-of-service", "Long Host header crashes the router (DoS) with saved registers overwritten", "saved registers overwritten"],
  ])("keeps in scope, not %s: %s", (exclusion, title, words) => {
    expectKeptByImpact(exclusion, title, words);
  });
});

describe("impact, chains and set-asides as helpdesk staff, platform triagers and chain writers put them", () => {
  it.each([
    ["server-configuration", "Open admin port lets anyone upload a plugin and run code on the server", "run code on the server"],
    ["ssl-certificate", "Expired certificate on test.example.nl → upload form → webshell", "webshell"],
    ["server-configuration", "Port 9200 open → orders index incl. password reset tokens", "incl. password reset tokens"],
    ["rate-limiting", "No rate limit on the voucher check, and with UNION I get every voucher", "with UNION"],
    ["security-headers", "No CSP on the FAQ, and the search term is written into the page as HTML", "as HTML"],
    ["version-disclosure", "Plugin version in X-Generator → unauth role change to administrator", "role change to administrator"],
    [
      "cookie-flags",
      "Cookie klant_nr without the Secure flag; met een ander nummer zie ik de facturen van een andere klant",
      "van een andere klant",
    ],
    ["denial-of-service", "Denial of service on big YAML; a !!python/object tag in it runs id", "runs id"],
    ["metadata-exposure", "EXIF-Kommentar wird beim Skalieren zu lang kopiert und überschreibt den Heap", "überschreibt den Heap"],
    ["rate-limiting", "Six-character magic-link tokens, no throttling → guess one → logged in as the owner", "logged in as"],
    ["rate-limiting", "No rate limit on the coupon form; a template in it ran uname -a on the host", "ran uname -a"],
    ["content-spoofing", "Text injection in the profile reaches __proto__ and sets isStaff", "__proto__ and sets isStaff"],
    ["username-enumeration", "Username enumeration -> password reset token guessed -> ATO", "-> ATO"],
    ["version-disclosure", "Plugin version in X-Generator => no auth on its settings page", "=> no auth"],
  ])("keeps in scope, not %s: %s", (exclusion, title, words) => {
    expectKeptByImpact(exclusion, title, words);
  });

  // A tester's own intercepted traffic is a tool, not the man in the middle an attack needs; a page kept for old
  // browsers is where a flaw is, not an old browser it needs; "looks X-only but" sets the finding aside. Controls:
  // the victim's traffic, a flaw that only fires in an old browser, an identity check that "runs id", and a TLS version
  // that is no outdated product.
  it.each([
    ["mitm-physical-access", "Onderschept mijn eigen verkeer: ander order_id invullen toont andere bestellingen", []],
    ["mitm-physical-access", "Intercepting the victim's traffic on public wifi reveals the session", ["mitm-physical-access"]],
    ["outdated-browser", "'Unsupported browser' page puts ?ua= into a lookup and a quote returns other rows", []],
    ["outdated-browser", "Stored XSS in the profile only fires in Internet Explorer 11", ["outdated-browser"]],
    ["mitm-physical-access", "Custom URL scheme looks MITM-only but installs any add-on", []],
    ["denial-of-service", "Login service runs id verification twice and then hangs (DoS)", ["denial-of-service"]],
    ["outdated-software", "TLS 1.3 unsupported on the API, only TLS 1.2 offered", []],
  ])("under %s reads %p as excluded by %p", (exclusion, title, excluded) => {
    expect(triaged([exclusion], title, "").excluded).toEqual(excluded);
  });

  it.each([
    ["username-enumeration", "Beller zegt dat 'wachtwoord vergeten' verklapt of iemand bij ons een account heeft"],
    ["dns-configuration", "[shop.example.nl] Wildcard record: every subdomain resolves to the web server"],
    ["tls-configuration", "Melding: TLS-compressie staat nog aan op de webmail"],
    ["outdated-software", "Drupal 7.58 on the intranet is end-of-life"],
    ["csrf-unauthenticated", "Caller says a bad website can fill in our contact form in their name"],
    ["content-spoofing", "Reporter: the ?note= parameter shows whatever you type on the thank-you page"],
    ["ssl-certificate", "Beller: de browser zegt 'uw verbinding is niet privé' op de oude site"],
    ["server-configuration", "[cms.example.nl] HTTP TRACE enabled"],
  ])("suggests %s as a helpdesk or a triage summary words it: %s", (exclusion, title) => {
    expect(triaged([exclusion], title, "").excluded).toEqual([exclusion]);
  });
});

describe("a memory-safety flaw whose report shows a crash and nothing more", () => {
  // The labelling guide's table (memorySafetyDenialOnly): a denial of service, unless the report speaks of execution,
  // disclosure or memory written.
  const crashOnly = "Opening the attached file makes the viewer crash with a segmentation fault.\nThread 1 received SIGSEGV.";

  it("is a denial of service when the body shows only the crash", () => {
    const crash = triaged(["denial-of-service"], "heap-buffer-overflow in read_chunk", crashOnly);
    expect(crash.excluded).toEqual(["denial-of-service"]);
    expect(crash.reasons[0]).toMatch(/^Catalog rule "Denial of service" matched "heap-buffer-overflow" in the body/);
  });

  it("is read in the body only: a title that names the flaw and a crash says nothing of what the body shows", () => {
    expect(triaged(["denial-of-service"], "heap-buffer-overflow crashes read_chunk", "").excluded).toEqual([]);
  });

  it("is the flaw it names once the report speaks of execution, disclosure or memory written (controls)", () => {
    const executes = triaged(
      ["denial-of-service"],
      "heap-buffer-overflow in read_chunk",
      `${crashOnly}\nWith a longer chunk the overflow should allow arbitrary code execution.`,
    );
    expect(executes.excluded).toEqual([]);
    const discloses = triaged(
      ["denial-of-service"],
      "use-after-free in decode_frame",
      `${crashOnly}\nThe freed buffer may disclose heap data.`,
    );
    expect(discloses.excluded).toEqual([]);
    // A crash without any memory-safety flaw named is not this wording's to read: only the category model speaks for it.
    expect(triaged(["denial-of-service"], "Viewer problem", crashOnly).reasons).toEqual([expect.stringMatching(/^No rule matched/)]);
  });
});

describe("the category model", () => {
  const divisionByZero = [
    "Division by zero in the thumbnail service",
    "A flaw was found in the thumbnail service: a width of 0 leads to a division by zero that crashes the worker.",
  ] as const;

  it("suggests a listed exclusion that no rule matched, naming the words behind it", () => {
    const result = triaged(["denial-of-service"], ...divisionByZero);
    expect(result.excluded).toEqual(["denial-of-service"]);
    expect(result.reasons[0]).toMatch(/^No rule matched, but the category model reads "Denial of service" \(0\.\d+; strongest words: /);
    // The words named are the report's own, so a maintainer can find them in it.
    const words = /strongest words: (.*)\); /.exec(result.reasons[0] ?? "")?.[1]?.split(", ") ?? [];
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(divisionByZero.join(" ").toLowerCase()).toContain(word.replace(/ \(title\)$/, ""));
  });

  it("suggests nothing the policy does not list (control)", () => {
    expect(triaged(["clickjacking"], ...divisionByZero).excluded).toEqual([]);
  });

  it("leaves a rule the policy narrowed with patterns of its own to those patterns", () => {
    // The policy excludes only the denial of service its own pattern names; the model's broader reading does not count.
    const narrowed = [{ id: "denial-of-service", match: ["flood(ing)? the (server|api)"] }];
    expect(triaged(narrowed, ...divisionByZero).excluded).toEqual([]);
    expect(triaged(narrowed, "Flooding", "Flooding the api with requests makes it slow for everyone.").excluded).toEqual([
      "denial-of-service",
    ]);
  });
});

describe("the category model's vulnerability classes together, against one exclusion", () => {
  const kinds = {
    xss: { kind: "vulnerability" },
    "sql-injection": { kind: "vulnerability" },
    "memory-corruption": { kind: "vulnerability" },
    xxe: { kind: "vulnerability" },
    "access-control": { kind: "vulnerability" },
    clickjacking: { kind: "exclusion", exclusion: "clickjacking" },
    "denial-of-service": { kind: "exclusion", exclusion: "denial-of-service" },
  } as const;
  /** A model without weights, so that every text gets these probabilities (its biases are their logarithms). */
  function modelGiving(probabilities: Partial<Record<keyof typeof kinds, number>>) {
    const classes = Object.keys(kinds);
    return loadModel({
      description: "test",
      buckets: 1024,
      classes,
      bias: classes.map((name) => Math.log(probabilities[name as keyof typeof kinds] ?? 1e-9)),
      weights: [],
      kinds,
    });
  }
  const text = reportText({ title: "Frameable settings page, and the theme field keeps a script for other members", body: "" });
  const outweighs = (probabilities: Partial<Record<keyof typeof kinds, number>>, exclusion: string, read = text) =>
    modelOutweighs(read, guessCategory(read, modelGiving(probabilities)), exclusion);

  it("keeps a report in scope when they reach half and the exclusion stays under 0.3, naming them in the reason", () => {
    // No single class reaches the 0.8 of a confident verdict.
    const signal = outweighs({ xss: 0.35, "sql-injection": 0.2, "access-control": 0.25, clickjacking: 0.2 }, "clickjacking");
    expect(signal).toEqual(expect.objectContaining({ source: "model" }));
    expect(signal?.title).toBe("The category model reads vulnerabilities (0.55 together, xss the likeliest) over clickjacking (0.2)");
  });

  it("does not when the exclusion keeps 0.3, or the classes together stay under half", () => {
    expect(outweighs({ xss: 0.4, "sql-injection": 0.25, clickjacking: 0.3, "access-control": 0.05 }, "clickjacking")).toBeUndefined();
    expect(outweighs({ xss: 0.3, "sql-injection": 0.15, clickjacking: 0.2, "access-control": 0.35 }, "clickjacking")).toBeUndefined();
  });

  it("leaves out access control, where rate limits and reachable consoles land too", () => {
    expect(outweighs({ xss: 0.1, "access-control": 0.75, clickjacking: 0.15 }, "clickjacking")).toBeUndefined();
  });

  it("leaves out memory corruption and XXE against a denial of service, where what was shown decides", () => {
    expect(outweighs({ "memory-corruption": 0.45, xxe: 0.3, "denial-of-service": 0.25 }, "denial-of-service")).toBeUndefined();
    // Against another exclusion they count.
    expect(outweighs({ "memory-corruption": 0.45, xxe: 0.3, clickjacking: 0.25 }, "clickjacking")).toBeDefined();
  });

  it("says nothing for a title that asks for hardening", () => {
    const hardening = reportText({ title: "Harden the settings page against framing and script injection", body: "" });
    expect(
      outweighs({ xss: 0.35, "sql-injection": 0.2, clickjacking: 0.2, "access-control": 0.25 }, "clickjacking", hardening),
    ).toBeUndefined();
  });

  it("keeps a real vulnerability worded like an exclusion in scope with the shipped model", () => {
    // A title of the written titles' tuned half: the port and console read as an exposed service, the commands it runs
    // as code execution, and no readable rule names it.
    const result = triaged(
      ["server-configuration"],
      "Port 8080 ouvert : Jenkins sans authentification, console Groovy exécute nos commandes",
      "",
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([
      expect.objectContaining({
        exception: "strong-impact",
        title: expect.stringMatching(/^The category model reads vulnerabilities \(0\.\d+ together, /),
      }),
    ]);
  });
});
