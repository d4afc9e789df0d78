import { describe, expect, it } from "@jest/globals";
import { classify, defaultClassifyPolicy } from "../../src/policy/classify.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";
import { corpus, type CorpusIssue } from "./corpus.js";
import { developmentSet } from "./development-set.js";
import { fourthSet } from "./fourth-set.js";
import { heldOut, secondSet, thirdSet } from "./later-sets.js";

describe("classify on the corpus", () => {
  const results = corpus.map((issue) => ({ issue, result: classify(issue) }));
  const falsePositives = results.filter(({ issue, result }) => issue.kind !== "report" && result.vulnerabilityReport);
  const falseNegatives = results.filter(({ issue, result }) => issue.kind === "report" && !result.vulnerabilityReport);

  it("holds at least 40 issues of each kind", () => {
    for (const kind of ["report", "ordinary", "discussion"] as const) {
      expect(corpus.filter((issue) => issue.kind === kind).length).toBeGreaterThanOrEqual(40);
    }
  });

  it("contains every report and leaves every bug, feature request and security discussion alone", () => {
    process.stdout.write(
      `classify corpus: ${corpus.length} issues, ${falsePositives.length} false positives, ${falseNegatives.length} false negatives\n`,
    );
    expect(falsePositives.map(({ issue, result }) => `${issue.id} ${result.confidence}`)).toEqual([]);
    expect(falseNegatives.map(({ issue, result }) => `${issue.id} ${result.confidence}`)).toEqual([]);
  });

  it("explains every report it contains by naming what matched", () => {
    for (const { issue, result } of results.filter(({ result }) => result.vulnerabilityReport)) {
      expect(result.reasons.length).toBeGreaterThanOrEqual(2);
      const text = `${issue.title}\n${issue.body}`.toLowerCase().replace(/\s+/g, " ");
      for (const reason of result.reasons) {
        const quoted = reason.matched.toLowerCase().replace(/…$/, "");
        // The harm vocabulary quotes its distinct terms as a list; every other rule quotes one stretch of text.
        for (const part of reason.rule === "harm-vocabulary" ? quoted.split(", ").filter(Boolean) : [quoted]) expect(text).toContain(part);
      }
    }
  });
});

describe("classify on the sets written after the rules", () => {
  // The most reports each set may miss today: a regression bound, and the honest size of the gap.
  const sets = [
    { name: "heldOut", issues: heldOut, mostMissed: 0 },
    { name: "secondSet", issues: secondSet, mostMissed: 1 },
    { name: "thirdSet", issues: thirdSet, mostMissed: 0 },
    { name: "developmentSet", issues: developmentSet, mostMissed: 0 },
    { name: "fourthSet", issues: fourthSet, mostMissed: 7 },
  ];

  it.each(sets)(
    "never contains an ordinary issue or discussion of $name, and misses at most $mostMissed reports",
    ({ name, issues, mostMissed }) => {
      const falsePositives = issues.filter((issue) => issue.kind !== "report" && classify(issue).vulnerabilityReport);
      const falseNegatives = issues.filter((issue) => issue.kind === "report" && !classify(issue).vulnerabilityReport);
      process.stdout.write(
        `classify ${name}: ${issues.length} issues, ${falsePositives.length} false positives, ${falseNegatives.length} false negatives\n`,
      );
      expect(falsePositives.map((issue) => issue.id)).toEqual([]);
      expect(falseNegatives.length).toBeLessThanOrEqual(mostMissed);
    },
  );

  it("holds reports and other issues in English and Dutch in the fourth set, written before the rules it measures", () => {
    const reports = fourthSet.filter((issue) => issue.kind === "report");
    const others = fourthSet.filter((issue) => issue.kind !== "report");
    expect(reports.length).toBeGreaterThanOrEqual(20);
    expect(others.length).toBeGreaterThanOrEqual(20);
    const dutch = (issue: CorpusIssue) => /\b(?:het|een|van|niet|zonder|wordt)\b/i.test(`${issue.title} ${issue.body}`);
    expect(reports.filter(dutch).length).toBeGreaterThanOrEqual(5);
    expect(others.filter(dutch).length).toBeGreaterThanOrEqual(5);
    expect(new Set([...corpus, ...heldOut, ...secondSet, ...thirdSet, ...developmentSet, ...fourthSet].map((issue) => issue.id)).size).toBe(
      corpus.length + heldOut.length + secondSet.length + thirdSet.length + developmentSet.length + fourthSet.length,
    );
  });

  it("prints one table of every set, with no false positive anywhere", () => {
    const rows = [{ name: "corpus", issues: corpus }, ...sets].map(({ name, issues }) => {
      const reports = issues.filter((issue) => issue.kind === "report");
      const missed = reports.filter((issue) => !classify(issue).vulnerabilityReport).length;
      const falsePositives = issues.filter((issue) => issue.kind !== "report" && classify(issue).vulnerabilityReport).length;
      return { name, reports: reports.length, others: issues.length - reports.length, missed, falsePositives };
    });
    const table = [
      "| set | reports | other issues | reports missed | false positives | recall |",
      "|---|---:|---:|---:|---:|---:|",
      ...rows.map(
        (row) =>
          `| ${row.name} | ${row.reports} | ${row.others} | ${row.missed} | ${row.falsePositives} | ${Math.round((100 * (row.reports - row.missed)) / row.reports)}% |`,
      ),
    ].join("\n");
    process.stdout.write(`classify per set (threshold ${defaultClassifyPolicy.threshold}):\n${table}\n`);
    expect(rows.map((row) => row.name)).toEqual(["corpus", "heldOut", "secondSet", "thirdSet", "developmentSet", "fourthSet"]);
    expect(rows.filter((row) => row.falsePositives > 0)).toEqual([]);
  });
});

describe("classify", () => {
  const report = {
    title: "SQL injection in the search endpoint",
    body: "GET https://shop.example.org/search?q=' OR 1=1-- returns every customer's orders. An attacker can read all orders.",
  };

  it("says why, rule by rule, with the matched text", () => {
    const result = classify(report);
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).toEqual([
      "vulnerability-class",
      "exploit-payload",
      "attacker-impact",
      "concrete-target",
      "corroborated",
      "harm-vocabulary",
    ]);
    expect(result.reasons[0]?.matched).toBe("SQL injection");
    expect(result.reasons[1]?.matched).toBe("' OR 1=1");
    // The impact is backed by the payload, and the decision quotes that payload as the evidence.
    expect(result.reasons[4]).toMatchObject({ rule: "corroborated", matched: "' OR 1=1", weight: 0.5 });
  });

  it("does not act on the repository's own people unless configured", () => {
    for (const authorAssociation of ["OWNER", "MEMBER", "COLLABORATOR"]) {
      const result = classify({ ...report, authorAssociation });
      expect(result.vulnerabilityReport).toBe(false);
      expect(result.reasons.at(-1)).toMatchObject({ rule: "maintainer-author", matched: authorAssociation });
      expect(classify({ ...report, authorAssociation }, { ...defaultClassifyPolicy, includeMaintainers: true }).vulnerabilityReport).toBe(
        true,
      );
    }
    expect(classify({ ...report, authorAssociation: "CONTRIBUTOR" }).vulnerabilityReport).toBe(true);
    expect(classify({ ...report, authorAssociation: "NONE" }).vulnerabilityReport).toBe(true);
  });

  it("reads typographic quotes, capitals and line breaks the same way", () => {
    const written = classify({
      title: "sql INJECTION in search",
      body: "Searching for \u2018 OR 1=1-- shows all customers\u2019 orders.\nAn   attacker\ncan read them.",
    });
    expect(written.reasons.map((reason) => reason.rule)).toEqual(expect.arrayContaining(["vulnerability-class", "exploit-payload"]));
    expect(written.vulnerabilityReport).toBe(true);
  });

  it("follows the configured threshold", () => {
    const { confidence } = classify(report);
    expect(classify(report, { threshold: confidence, includeMaintainers: false }).vulnerabilityReport).toBe(true);
    expect(classify(report, { threshold: confidence + 0.001, includeMaintainers: false }).vulnerabilityReport).toBe(false);
  });

  it("keeps a lone mention of a vulnerability class well below the threshold", () => {
    const result = classify({ title: "How do you prevent XSS in the editor?", body: "Just curious how the editor sanitises HTML." });
    expect(result.vulnerabilityReport).toBe(false);
    expect(result.confidence).toBeLessThan(0.2);
  });

  it.each([
    "../",
    "a ",
    "i found ",
    "an attacker who ",
    "' or ",
    "GET /a",
    "when i change ",
    "http://x.example.org/",
    "..\\",
    "kun je ",
    "kan iedereen ",
    "dump with ",
    "as a viewer ",
    "moet ",
    "zonder ",
    "referer ",
    "fix for cve-2026-1234 ",
  ])("reads 100,000 characters of %j in linear time", (unit) => {
    const bodyOf = (size: number) => unit.repeat(Math.ceil(size / unit.length));
    expectAtMostLinearGrowth((size) => classify({ title: unit.repeat(50), body: bodyOf(size) }), { sizes: [10_000, 100_000] });
  });

  it("leaves a public CVE in a dependency alone but contains a bypass of the project's own fix", () => {
    const bump = classify({
      title: "Please update lodash for CVE-2021-23337",
      body: "lodash 4.17.20 has a published advisory; 4.17.21 fixes it.",
    });
    expect(bump.vulnerabilityReport).toBe(false);
    expect(bump.reasons.map((reason) => reason.rule)).toContain("public-dependency-advisory");
    const dutchBump = classify({
      title: "Graag axios bijwerken",
      body: "Kunnen jullie axios bijwerken naar 1.6.0 vanwege CVE-2023-45857?",
    });
    expect(dutchBump.reasons.map((reason) => reason.rule)).toContain("public-dependency-advisory");
    const bypass = classify({
      title: "The fix for CVE-2026-1234 is incomplete",
      body: "On 3.1.2, GET https://files.example.org/download?name=..%2f..%2fconfig/secrets.yml still returns the secrets file.",
    });
    expect(bypass.vulnerabilityReport).toBe(true);
    expect(bypass.reasons.map((reason) => reason.rule)).toEqual(expect.arrayContaining(["disclosure-framing", "exploit-payload"]));
  });

  it("counts an impact backed by a payload for more than either alone", () => {
    const impact = classify({ title: "Profile pages", body: "Anyone can read the private notes of other users' profiles." });
    const payload = classify({ title: "Profile pages", body: "A note of `<img src=x onerror=alert(document.cookie)>` is saved as is." });
    const both = classify({
      title: "Profile pages",
      body: "A note of `<img src=x onerror=alert(document.cookie)>` is saved as is. Anyone can read the private notes of other users' profiles.",
    });
    expect(impact.reasons.map((reason) => reason.rule)).not.toContain("corroborated");
    expect(payload.reasons.map((reason) => reason.rule)).not.toContain("corroborated");
    const quotedPayload = both.reasons.find((reason) => reason.rule === "exploit-payload")?.matched;
    expect(quotedPayload).toBeDefined();
    expect(both.reasons.find((reason) => reason.rule === "corroborated")?.matched).toBe(quotedPayload);
    // The rules' weights, whatever the trained model adds: it may corroborate a payload alone, but is not asked once
    // the rules decide.
    const rulesWeight = (result: ReturnType<typeof classify>) =>
      result.reasons.filter((reason) => reason.rule !== "model").reduce((sum, reason) => sum + reason.weight, 0);
    expect(rulesWeight(both)).toBeGreaterThan(Math.max(rulesWeight(impact), rulesWeight(payload)));
    expect(both.confidence).toBeGreaterThan(impact.confidence);
    // Steps to reproduce corroborate an impact too, but not an ordinary bug.
    const steps = classify({
      title: "Invoices",
      body: "Steps:\n1. Log in as a customer\n2. Open /invoices/1001\n\nAny logged-in user can read other customers' invoices.",
    });
    expect(steps.reasons.map((reason) => reason.rule)).toContain("corroborated");
    const bug = classify({ title: "Dark mode resets", body: "Steps:\n1. Turn on dark mode\n2. Reload" });
    expect(bug.reasons).toEqual([]);
  });

  it("names exposed personal data only next to an impact or a missing login", () => {
    const field = classify({
      title: "Phone numbers lose their leading zero",
      body: "Saving 0612345678 as phone number stores 612345678. Same for the IBAN field.",
    });
    expect(field.reasons.map((reason) => reason.rule)).not.toContain("personal-data");
    expect(field.vulnerabilityReport).toBe(false);
    const exposed = classify({
      title: "Order page",
      body: "The order page loads in a private window. On it: the full name and phone numbers of the buyer.",
    });
    // The rules that fire, whatever the trained model adds to them.
    expect(exposed.reasons.map((reason) => reason.rule).filter((rule) => rule !== "model")).toEqual(["no-authentication", "personal-data"]);
    expect(exposed.confidence).toBeGreaterThan(
      classify({ title: "Order page", body: "The order page loads in a private window." }).confidence,
    );
  });

  it("tells a wish for public pages from pages that are public by mistake, in English and Dutch", () => {
    const wish = classify({ title: "Status page", body: "The status page should be visible without logging in, like before." });
    expect(wish.vulnerabilityReport).toBe(false);
    expect(wish.reasons.map((reason) => reason.rule)).toContain("expected-access");
    const wens = classify({ title: "Agenda", body: "De openbare agenda moet weer zonder in te loggen te zien zijn." });
    expect(wens.vulnerabilityReport).toBe(false);
    expect(wens.reasons.map((reason) => reason.rule)).toContain("expected-access");
    const lek = classify({
      title: "Lek: facturen zonder in te loggen",
      body: "Via https://mijn.example.nl/facturen/1001 kan iedereen zonder in te loggen facturen van andere klanten downloaden.",
    });
    expect(lek.vulnerabilityReport).toBe(true);
  });

  it("reads a report written in Chinese by its class and what an attacker can do, and a question about the class as a question (control)", () => {
    const report = classify({
      title: "后台存在SQL注入漏洞",
      body: "/admin/user/list 接口的 orderBy 参数未经过滤直接拼接进SQL语句，攻击者可以读取数据库中所有用户的密码。",
    });
    expect(report.vulnerabilityReport).toBe(true);
    expect(report.reasons.map((reason) => [reason.rule, reason.matched])).toEqual(
      expect.arrayContaining([
        ["vulnerability-class", "SQL注入"],
        ["attacker-impact", "攻击者可以"],
      ]),
    );
    const withoutLogin = classify({ title: "未授权访问", body: "无需登录即可访问 /api/system/user 获取所有用户的手机号和邮箱。" });
    expect(withoutLogin.reasons.map((reason) => reason.rule)).toEqual(expect.arrayContaining(["vulnerability-class", "attacker-impact"]));
    expect(withoutLogin.vulnerabilityReport).toBe(true);
    const question = classify({ title: "如何防止SQL注入？", body: "使用这个库的时候，怎样写查询才能避免SQL注入？" });
    expect(question.vulnerabilityReport).toBe(false);
    expect(question.reasons.map((reason) => reason.rule)).toContain("question-or-proposal");
    const wish = classify({ title: "【建议】登录增加验证码", body: "希望登录页面增加图形验证码。" });
    expect(wish.reasons.map((reason) => reason.rule)).toContain("question-or-proposal");
    expect(wish.vulnerabilityReport).toBe(false);
  });

  it("reads getshell as a class of vulnerability, in the English that reports write it too", () => {
    expect(classify({ title: "upload shell.jsp and getshell", body: "" }).reasons.map((reason) => reason.rule)).toContain(
      "vulnerability-class",
    );
    expect(classify({ title: "Get shell history in the terminal widget", body: "" }).reasons).toEqual([]);
  });

  it("returns a confidence between 0 and 1 and no reasons for an empty issue", () => {
    expect(classify({ title: "", body: "" })).toEqual({ vulnerabilityReport: false, confidence: expect.any(Number), reasons: [] });
    const huge = classify({ title: "x", body: "<script>".repeat(100_000) });
    expect(huge.confidence).toBeGreaterThanOrEqual(0);
    expect(huge.confidence).toBeLessThanOrEqual(1);
  });
});

describe("classify on security talk that is not a finding", () => {
  const scanner = {
    title: "Checkmarx: Reflected_XSS_All_Clients in search.jsp",
    body: "Checkmarx reports that search.jsp embeds untrusted input in its output without encoding, enabling an attacker to inject malicious code. Severity: High. CWE-79.",
  };

  it("leaves a pasted scanner finding alone, saying which product reported it", () => {
    const result = classify(scanner);
    expect(result.vulnerabilityReport).toBe(false);
    expect(result.reasons).toContainEqual(expect.objectContaining({ rule: "scanner-output", matched: "Checkmarx" }));
    // Control: the same words without the product's name weigh more in the rules, so the name is what counts against.
    // (The model, which also reads a scanner's "Severity: High", may doubt both.)
    const unnamed = {
      title: scanner.title.replace("Checkmarx: ", ""),
      body: scanner.body.replace("Checkmarx reports that", "We see that"),
    };
    const ruleWeight = (text: { title: string; body: string }) =>
      classify(text)
        .reasons.filter((reason) => reason.rule !== "model")
        .reduce((sum, reason) => sum + reason.weight, 0);
    expect(classify(unnamed).reasons.map((reason) => reason.rule)).not.toContain("scanner-output");
    expect(ruleWeight(scanner)).toBeLessThan(ruleWeight(unnamed));
  });

  it("contains the same class of finding when the writer shows it working (control)", () => {
    const result = classify({
      title: "Reflected XSS in search.jsp",
      body: "The q parameter of /search.jsp is echoed unencoded. GET /search.jsp?q=<script>alert(document.cookie)</script> runs the script; an attacker can send the link to steal a victim's session.",
    });
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).not.toContain("scanner-output");
  });

  it("leaves a request for a private channel alone, and contains the report once it names the weakness (control)", () => {
    const request = classify({
      title: "Security contact?",
      body: "I found a vulnerability in the export feature and would like to report it privately. How can I report it? Please enable private vulnerability reporting.",
    });
    expect(request.vulnerabilityReport).toBe(false);
    expect(request.reasons.map((reason) => reason.rule)).toContain("asks-for-private-channel");
    const report = classify({
      title: "Invoices of other customers readable",
      body: "I found a vulnerability: GET /export?id=2 returns the invoices of other customers without logging in.",
    });
    expect(report.vulnerabilityReport).toBe(true);
  });

  it("reads a sanitizer's hyphenated overflow as a class of vulnerability and its report as evidence", () => {
    const result = classify({
      title: "heap-buffer-overflow in parse_header()",
      body: "==123==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000011\nREAD of size 4 in parse_header src/header.c:88, with the attached file.",
    });
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons).toContainEqual(expect.objectContaining({ rule: "vulnerability-class", matched: "heap-buffer-overflow" }));
    expect(result.reasons.map((reason) => reason.rule)).toContain("exploit-payload");
  });
});

/** The rules that fire on a text, each with the text it quoted. */
function fired(title: string, body: string): Record<string, string> {
  return Object.fromEntries(classify({ title, body }).reasons.map((reason) => [reason.rule, reason.matched]));
}

describe("classify on the wording of vulnerability records", () => {
  it("reads an advisory's memory-safety wording as a class of vulnerability, and not a memory leak or a Java exception (control)", () => {
    expect(
      fired("Crash in read_chunk()", "libfoo 2.3 has a heap-based buffer over-read in read_chunk() when parsing a PNG."),
    ).toMatchObject({
      "vulnerability-class": "heap-based buffer over-read",
    });
    expect(fired("Crash in the KDC", "The KDC has a NULL pointer dereference in do_tgs_req.c.")).toMatchObject({
      "vulnerability-class": "NULL pointer dereference",
    });
    expect(
      fired("Memory leak in CreateProfile", "Valgrind: 156 bytes definitely lost. A NullPointerException follows on save."),
    ).not.toHaveProperty("vulnerability-class");
  });

  it("reads a denial of service that something causes as a class, and not a wish to prevent one (control)", () => {
    const caused = fired("Error handling", "An attacker that forces an error can crash the server, causing a denial of service.");
    expect(caused).toMatchObject({ "vulnerability-class": "can crash the server" });
    const wish = fired(
      "Protect the API against denial of service",
      "Rate limiting would keep a burst of requests from slowing the API down.",
    );
    expect(wish).not.toHaveProperty("vulnerability-class");
  });

  it("reads an advisory's sentence of impact as what an attacker can do, and not what administrators may configure (control)", () => {
    expect(fired("Decapsulator", "The ppp decapsulator allows remote attackers to cause a denial of service.")).toMatchObject({
      "attacker-impact": "allows remote attackers to",
    });
    expect(fired("Decapsulator", "The new option allows administrators to configure which decapsulators run.")).not.toHaveProperty(
      "attacker-impact",
    );
  });

  it("reads the opening of a vulnerability record as framing a disclosure, and not a question about one (control)", () => {
    expect(fired("use-after-poison in memset", "MariaDB v10.7 was discovered to contain a use-after-poison in memset.")).toMatchObject({
      "disclosure-framing": "was discovered to contain a u",
      "vulnerability-class": "use-after-poison",
    });
    expect(fired("Backport?", "The 3.x notes mention a fix; was a vulnerability found in 2.x as well?")).not.toHaveProperty(
      "disclosure-framing",
    );
  });

  it("does not read the name of a flaw that starts with Use as a request, but still reads a request so (control)", () => {
    expect(fired("Use after free in append_command", "Use after free in append_command in vim prior to 8.2.4895.")).not.toHaveProperty(
      "question-or-proposal",
    );
    expect(fired("Use-After-Free in aggregate callbacks", "Freed memory is read again.")).not.toHaveProperty("question-or-proposal");
    expect(fired("Use random_bytes() for tokens", "Use random_bytes() instead of uniqid() when generating tokens.")).toMatchObject({
      "question-or-proposal": "Use",
    });
  });

  it("reads a bypassed check, exposed restricted data, guessable secrets, open file permissions and gadgets as classes", () => {
    expect(fired("paypal-ipn: Validation Bypass", "The module trusts the test_ipn parameter.")).toMatchObject({
      "vulnerability-class": "Validation Bypass",
    });
    expect(fired("Nested pages", "GET /api/pages/nested leaks restricted and unpublished content to any caller.")).toMatchObject({
      "vulnerability-class": "leaks restricted and unpublished content",
    });
    expect(fired("Messages API", "The JSON API exposes user password hashes.")).toMatchObject({
      "vulnerability-class": "exposes user password hashes",
    });
    expect(fired("SSHA passwords", "The gem uses a weak salt when generating SSHA passwords.")).toMatchObject({
      "vulnerability-class": "weak salt",
    });
    expect(fired("Permissions", "rack-cors 2.0.1 ships its .rb files with 0666 permissions.")).toMatchObject({
      "vulnerability-class": "0666 permissions",
    });
    expect(fired("jackson-databind", "It mishandles the interaction between serialization gadgets and typing.")).toMatchObject({
      "vulnerability-class": "serialization gadgets",
    });
  });

  it("does not read a wish about validation, logging or salting as a class of vulnerability (control)", () => {
    expect(fired("Validate the signup form", "Users can leave the email field blank; we should validate it.")).not.toHaveProperty(
      "vulnerability-class",
    );
    expect(
      fired("Avoid logging sensitive information", "Logs should never contain sensitive information such as tokens."),
    ).not.toHaveProperty("vulnerability-class");
    expect(fired("Salt the password hashes", "Passwords are hashed with bcrypt; should we add a pepper?")).not.toHaveProperty(
      "vulnerability-class",
    );
  });

  it("reads a sanitizer's report line and stack frames as evidence, and not a wish to run a sanitizer (control)", () => {
    expect(fired("AddressSanitizer: heap-buffer-overflow at src/open_utils.c:1215", "see the attached file")).toMatchObject({
      "exploit-payload": "AddressSanitizer: heap-buffer-overflow",
    });
    const frames = "#0 0x4f3a2c in read_metadata src/open_utils.c:1215:9";
    expect(fired("Crash", `src/open_utils.c:1215:9: runtime error: index 12 out of bounds for type 'int [8]'\n${frames}`)).toMatchObject({
      "exploit-payload": expect.stringMatching(/^runtime error: /),
    });
    expect(fired("Run the tests under AddressSanitizer in CI", "It would catch memory errors earlier.")).not.toHaveProperty(
      "exploit-payload",
    );
  });

  it("does not read a debugger's backtrace of a crash as a sanitizer's frames, and reads them after a sanitizer's header (control)", () => {
    const frames = "#0 0x4f3a2c in read_metadata src/open_utils.c:1215:9\n#1 0x4f1b07 in main src/main.c:40";
    expect(fired("Segfault on start", `Program received signal SIGSEGV, Segmentation fault.\n${frames}`)).not.toHaveProperty(
      "exploit-payload",
    );
    expect(fired("Segfault on start", `==4242==ERROR: LeakSanitizer: detected memory leaks\n${frames}`)).toHaveProperty("exploit-payload");
  });

  it("reads a version number's dots as part of the sentence a first-hand finding is written in", () => {
    expect(fired("Website vulnerability", "I found a Subrion4.1.0 SQL injection, my mail is below")).toMatchObject({
      "first-hand-finding": "I found a Subrion4.1.0 SQL inject",
    });
    // Control: a full stop still ends the sentence.
    expect(fired("Website", "I found a new theme. SQL injection is a topic for another day")).not.toHaveProperty("first-hand-finding");
  });
});

describe("classify on security talk that names its own reason not to be contained", () => {
  const podofo = {
    title: "podofo: multiple vulnerabilities",
    body: "A stack-based buffer over-read in PdfEncrypt.cpp could be leveraged by remote attackers to cause a denial-of-service.",
  };

  it("counts a list of published CVE ids against, and not a single CVE id (control)", () => {
    const listed = classify({ ...podofo, body: `CVE IDs: CVE-2018-5783, CVE-2018-11254, CVE-2018-11255\n${podofo.body}` });
    const single = classify({ ...podofo, body: `CVE-2018-5783\n${podofo.body}` });
    expect(listed.reasons).toContainEqual(expect.objectContaining({ rule: "published-cve-list" }));
    expect(single.reasons.map((reason) => reason.rule)).not.toContain("published-cve-list");
    expect(listed.confidence).toBeLessThan(single.confidence);
  });

  it("leaves alone a sanitizer crash its writer says is not an issue in the library, and contains it without that (control)", () => {
    const body = "==64198==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x60200000ea12 in the pe_reader example.";
    const disowned = classify({ title: "A heap overflow in pe_reader.c:133 (not an issue in the library)", body });
    expect(disowned.vulnerabilityReport).toBe(false);
    expect(disowned.reasons).toContainEqual(
      expect.objectContaining({ rule: "not-a-vulnerability", matched: "not an issue in the library" }),
    );
    expect(classify({ title: "A heap overflow in pe_reader.c:133", body }).vulnerabilityReport).toBe(true);
  });

  it("leaves alone a textbook definition and a call for contributors, and contains a report of the same class (control)", () => {
    const lesson = classify({
      title: "Active Test / Server-Side Template Injection",
      body: "Server-side template injection is a type of code injection that allows an attacker to execute code on the server. Contributors are needed to write the test.",
    });
    expect(lesson.vulnerabilityReport).toBe(false);
    expect(lesson.reasons).toContainEqual(expect.objectContaining({ rule: "teaching-material", matched: "is a type of code injection" }));
    const report = classify({
      title: "Server-Side Template Injection in the invoice preview",
      body: "The invoice preview renders the note field as a template: a note of {{7*7}} shows 49, and {{config}} prints the secret key.",
    });
    expect(report.vulnerabilityReport).toBe(true);
    expect(report.reasons.map((reason) => reason.rule)).not.toContain("teaching-material");
  });

  it("reads 'how I can submit this' and a refusal to explain in public as asking for a private channel", () => {
    expect(fired("Security Vulnerability.", "During my testing I have discovered a vulnerability. How I can submit this?")).toMatchObject({
      "asks-for-private-channel": "How I can submit",
    });
    expect(fired("Vulnerability report", "Explaining the vulnerability further in this issue could help attackers.")).toMatchObject({
      "asks-for-private-channel": "Explaining the vulnerability further in this issue",
    });
  });

  it("does not let the model speak after a scanning product's findings, and lets it without the product's name (control)", () => {
    const findings =
      "4 critical vulnerabilities are detected. A vulnerability was discovered in the PyYAML library before 5.4, where it is susceptible to arbitrary code execution when it processes untrusted YAML files through the full_load method.";
    const scanned = classify({ title: "4 CVEs detected when using Black Duck", body: `Scan the result with Black Duck. ${findings}` });
    expect(scanned.reasons.map((reason) => reason.rule)).toEqual(expect.arrayContaining(["scanner-output"]));
    expect(scanned.reasons.map((reason) => reason.rule)).not.toContain("model");
    expect(scanned.vulnerabilityReport).toBe(false);
    const unnamed = classify({ title: "4 CVEs detected", body: findings });
    expect(unnamed.reasons.map((reason) => reason.rule)).not.toContain("scanner-output");
    expect(unnamed.confidence).toBeGreaterThan(scanned.confidence);
  });

  it("counts a word of harm once however it is spelled, and distinct words each (control)", () => {
    const oneWord = classify({ title: "Report page", body: "The page leaked it; we keep leaking it, and a leak like this is bad." });
    expect(oneWord.reasons.map((reason) => reason.rule)).not.toContain("harm-vocabulary");
    const threeWords = classify({ title: "Report page", body: "The page leaked the session token to the linked site." });
    expect(threeWords.reasons).toContainEqual(expect.objectContaining({ rule: "harm-vocabulary", matched: "leaked, session, token" }));
  });
});

describe("classify on wording met in more public GitHub issues", () => {
  const rules = (title: string, body = "") => classify({ title, body }).reasons.map((reason) => reason.rule);
  const matched = (title: string, body: string, rule: string) =>
    classify({ title, body }).reasons.find((reason) => reason.rule === rule)?.matched;

  it("reads an attacker with a qualifier, and someone who can do something, as what an attacker can do", () => {
    expect(matched("XXE", "An authenticated user can upload a malicious XML file.", "attacker-impact")).toBe(
      "An authenticated user can upload",
    );
    expect(matched("Users API", "Someone who is authenticated can grab all the users with their emails.", "attacker-impact")).toBe(
      "Someone who is authenticated can grab",
    );
    expect(rules("Users API", "An authenticated user sees the list of their own projects.")).not.toContain("attacker-impact");
  });

  it("reads more ways of saying it works without logging in, and not an error page seen while logged out (control)", () => {
    expect(rules("Admin pages", "I can access addpage.php without logging admin.")).toContain("no-authentication");
    expect(rules("Admin pages", "Admin access from non logged users.")).toContain("no-authentication");
    expect(rules("Admin page", "I have access to an admin page when not logged in.")).toContain("no-authentication");
    expect(rules("接口问题", "在不登录的情况下访问 /api/v1/user/list 接口，能够获取用户列表数据。")).toEqual(
      expect.arrayContaining(["no-authentication", "attacker-impact"]),
    );
    expect(rules("World map", "A fatal error is thrown on the world map when logged out.")).not.toContain("no-authentication");
  });

  it("reads an admin site shown to everyone as reachable, and not an admin site's theme for every tenant (control)", () => {
    expect(rules("Admin", "It will show you always the admin site for every users and non users.")).toContain("vulnerability-class");
    expect(rules("Admin", "The admin site for every tenant has its own theme.")).not.toContain("vulnerability-class");
  });

  it("reads a password or token shown in logs or a console as an exposed secret, and not a log that says a password was wrong (control)", () => {
    expect(rules("The password is shown in the log", "During login the user's password appears.")).toContain("exposed-secret");
    expect(rules("Token", "The access token is displayed in plain text in the log file.")).toContain("exposed-secret");
    expect(rules("Passwords in error logs", "After a failed registration.")).toContain("exposed-secret");
    expect(rules("Login fails", "The log shows 'invalid password' for every attempt.")).not.toContain("exposed-secret");
  });

  it("does not read an admin page that fails to load or is not accessible as reachable, and reads one that is (control)", () => {
    expect(rules("Admin page doesn't load after changing the port", "Problem loading page.")).not.toContain("vulnerability-class");
    expect(rules("Admin", "How do I secure the admin page so it is not accessible from outside?")).not.toContain("vulnerability-class");
    expect(rules("Admin", "The admin panel (/admin) remains accessible with the default password.")).toContain("vulnerability-class");
  });

  it("counts the findings of more code scanners as pasted scanner output, and not the same text without one (control)", () => {
    const body = "I ran gosec on the whole code base and the result was a total of 55 security issues, from low to medium severity.";
    expect(rules("55 possible security issues", body)).toContain("scanner-output");
    expect(rules("55 possible security issues", body.replace("gosec", "a script"))).not.toContain("scanner-output");
  });

  it("reads a title that asks to swap, replace or improve something as a request, and not a past participle (control)", () => {
    expect(rules("Swap out yaml.load() for yaml.safe_load()")).toContain("question-or-proposal");
    expect(rules("Swapped parameters allow SQL injection")).not.toContain("question-or-proposal");
  });

  it("reads a request to add a vulnerability to a training app as teaching material, and not a report of one (control)", () => {
    expect(
      rules("Add a command injection vulnerability", "Perhaps a user can upload a file that is processed on the command line."),
    ).toContain("teaching-material");
    expect(rules("Command injection in the upload handler", "The file name is passed to the shell unescaped.")).not.toContain(
      "teaching-material",
    );
  });

  it("reads a credential that is still valid as live, and not a condition on one (control)", () => {
    expect(rules("Leaked token", "The leaked token is still valid.")).toContain("live-credential");
    expect(rules("Clear JWTs on 401", "It should call /refresh if the refresh token is still valid.")).not.toContain("live-credential");
  });

  it("reads unvalidated certificate host names, decompression bombs and a NULL pointer that can be dereferenced as classes", () => {
    expect(rules("Certificate hostnames are not validated")).toContain("vulnerability-class");
    expect(rules("Certificate renewal is not automated")).not.toContain("vulnerability-class");
    expect(rules("std/encoding/compress: no decompression-bomb limit")).toContain("vulnerability-class");
    expect(rules("PKCS7", "A NULL pointer can be dereferenced when signatures are being verified.")).toContain("vulnerability-class");
  });

  it("reads a first-person finding of a memory-safety flaw as first-hand", () => {
    expect(rules("parse_object", "During a fuzzing session I found that it is possible to trigger a double free.")).toContain(
      "first-hand-finding",
    );
    expect(rules("parse_object", "During a fuzzing session I found that the build takes long.")).not.toContain("first-hand-finding");
  });

  it("reads a vulnerability record's sentence of what the flaw affects as framing, and not a question about it (control)", () => {
    expect(rules("Git for Windows", "This vulnerability affects users working on multi-user machines.")).toContain("disclosure-framing");
    expect(rules("Git for Windows", "Does this vulnerability affect users of the portable build?")).not.toContain("disclosure-framing");
  });

  it("reads a title naming a component and a kind of flaw as a record's title, and not a tracker's label before one (control)", () => {
    expect(rules("url-parse: Open Redirect", "url-parse returns the wrong hostname")).toContain("record-title");
    expect(rules("smart-admin: Unauthorized access")).toContain("record-title");
    expect(rules("Security: how can I report a redirect bypass privately?")).not.toContain("record-title");
    expect(rules("docs: explain the open redirect option")).not.toContain("record-title");
    expect(rules("url-parse: support IPv6 hosts")).not.toContain("record-title");
  });

  it("does not let a URL alone be the sign the model corroborates, and lets a class of vulnerability (control)", () => {
    const upload = "On production https://data.example.org/dataset/new?id=1 a file upload failed and the user was not informed.";
    expect(rules("Large file upload fails", `${upload} The issue can be reproduced by attempting to upload a large file.`)).toEqual([
      "concrete-target",
    ]);
    const xss = classify({
      title: "Stored XSS in the file upload",
      body: "On production https://data.example.org/dataset/new?id=1 the file name is shown unescaped, so an upload can run script for the user.",
    });
    expect(xss.reasons.map((reason) => reason.rule)).toContain("model");
    expect(xss.vulnerabilityReport).toBe(true);
  });

  it("reads logging in as an administrator as a reproduction step, and being able to as an attacker's impact (control)", () => {
    expect(rules("401 Unauthorized", "After logged in as admin, got a 401 unauthorized from /api/account.")).not.toContain(
      "attacker-impact",
    );
    expect(rules("Login", "Anyone could log in as admin with an empty password.")).toContain("attacker-impact");
    expect(rules("Login", "With the remember-me cookie of a user I logged in as another user.")).toContain("attacker-impact");
  });

  it("reads misused cryptography, a fuzzer's crash input, reusable reset links and a web shell as signs of a vulnerability", () => {
    expect(rules("AES ECB encryption", "Why are you using the most insecure AES mode?")).toContain("vulnerability-class");
    expect(rules("Static IV used in AES-GCM", "The IV is b'0' * 16 when none is given.")).toContain("vulnerability-class");
    expect(rules("Token check", "The token is compared with ===, which is not constant-time.")).toContain("vulnerability-class");
    expect(rules("AES modes", "Which AES mode does the library use by default?")).not.toContain("vulnerability-class");
    expect(rules("Panic in writeRep", "A panic in the master tree was found using go-fuzz.")).toContain("first-hand-finding");
    expect(rules("Fuzzing", "Please add the project to OSS-Fuzz.")).not.toContain("first-hand-finding");
    expect(rules("Reset links", "Password reset links are not expiring: I used the same e-mail twice.")).toContain("vulnerability-class");
    expect(rules("Upload", "In the background you can upload a php file to get webshell.")).toContain("vulnerability-class");
    expect(
      rules("Subscribers API", "The link https://example.org/api/subscribers?users_id=2 lets anyone see all verified e-mails."),
    ).toContain("attacker-impact");
  });

  it("reads a record's 'allows local users to' as what an attacker can do, and not a feature that allows the user to (control)", () => {
    expect(rules("sshd", "sshd allows remote authenticated users to obtain access to arbitrary SELinux roles.")).toContain(
      "attacker-impact",
    );
    expect(rules("systemd", "systemd allows local users to change the permissions of arbitrary files via a symlink attack.")).toContain(
      "attacker-impact",
    );
    expect(rules("Themes", "The settings page allows the user to choose a theme.")).not.toContain("attacker-impact");
  });

  it("counts naming a CVE id against, since an assigned CVE is published or about to be, and not the same text without one (control)", () => {
    const body =
      "zlib through 1.2.12 has a heap-based buffer over-read or buffer overflow in inflate in inflate.c via a large gzip header.";
    const named = classify({ title: "CVE-2022-37434", body });
    expect(named.reasons.map((reason) => reason.rule)).toContain("names-published-cve");
    expect(named.vulnerabilityReport).toBe(false);
    expect(rules("zlib heap overflow", body)).not.toContain("names-published-cve");
  });

  it("does not count a CVE against when the text shows its fix bypassed, a new finding, and counts it otherwise (control)", () => {
    const body = "4.2.3 checks the Origin header with startsWith, so a page on https://example.com.attacker.net passes the check.";
    expect(rules("The fix for CVE-2025-1111 can be bypassed", body)).not.toContain("names-published-cve");
    expect(rules("CVE-2025-1111 in 4.2.3", body)).toContain("names-published-cve");
  });

  it("reads a Chinese report that says the flaw leads to a class of vulnerability as an attacker's impact", () => {
    expect(rules("[Bug] Unauthorized access", "/api/display/info 未对接口做权限校验，导致可以未授权访问")).toContain("attacker-impact");
    expect(rules("回调问题", "回调地址设置正确，请问什么问题导致回调不正常")).not.toContain("attacker-impact");
  });
});

describe("classify on the wording of terse public disclosures", () => {
  const rules = (title: string, body = "") => classify({ title, body }).reasons.map((reason) => reason.rule);

  it("reads more ways of saying it works without authentication, and not an SMTP connection without auth (control)", () => {
    const body = "Go to localhost/admin-panel1.php and you will be able to access the admin dashboard without any authentication.";
    expect(rules("Admin panel", body)).toContain("no-authentication");
    expect(rules("Doctors", "Crafted HTTP packet can delete doctors without being authenticated.")).toContain("no-authentication");
    expect(rules("Mail", "Connection to the SMTP server failed without auth.")).not.toContain("no-authentication");
  });

  it("reads default and hard-coded credentials as a class of vulnerability, and not an admin path (control)", () => {
    expect(rules("Default login", "The default password can log in to the management background.")).toContain("vulnerability-class");
    expect(rules("Hardcoded admin:admin", "Why is admin:admin the default?")).toContain("vulnerability-class");
    expect(rules("Admin log", "See admin/admin-log/search for the list.")).not.toContain("vulnerability-class");
  });

  it("reads a world-readable file with credentials as an exposed secret, and a world-readable web folder only as a class (control)", () => {
    expect(rules("Credentials file", "The credentials file generated by the script is world readable (0644).")).toContain("exposed-secret");
    const folder = rules("Web folder", "The public web folder is world readable.");
    expect(folder).toContain("vulnerability-class");
    expect(folder).not.toContain("exposed-secret");
  });

  it("reads reusable or never-expiring login links and tokens, and sessions that survive a logout, as classes", () => {
    for (const [title, body] of [
      ["MagicLinks are re-useable", "Someone who finds an old link can log in again."],
      ["Login token is not invalidated on logout", "The token keeps working."],
      ["Deleted Users can log in.", "And remain logged in."],
      ["Tokens never expire", "A request can be replayed for ever."],
    ] as const) {
      expect(rules(title, body)).toContain("vulnerability-class");
    }
    expect(rules("Magic links", "Magic links expire after 15 minutes and are sent by e-mail.")).not.toContain("vulnerability-class");
  });

  it("reads passwords stored in plain text or unsalted as a class, and not a wish not to store them so (control)", () => {
    expect(rules("Passwords", "Password is saved in plain text.")).toContain("vulnerability-class");
    expect(rules("Hashing", "Currently passwords are saved as unsalted md5.")).toContain("vulnerability-class");
    expect(rules("Passwords", "Passwords should not be saved in plain text, use bcrypt.")).not.toContain("vulnerability-class");
  });

  it("reads someone reaching admin pages, uploads of any file, sandbox escapes and updates over HTTP as classes", () => {
    expect(rules("URL", "A student can access admin modules through the URL.")).toContain("vulnerability-class");
    expect(rules("Uploads", "No checking done on file type.")).toContain("vulnerability-class");
    expect(rules("Uploads", "Can upload anything.")).toContain("vulnerability-class");
    expect(rules("Sandbox", "Using functions and constructors it is possible to escape the sandbox.")).toContain("vulnerability-class");
    expect(rules("Update Checker uses insecure HTTP", "It connects over port 80.")).toContain("vulnerability-class");
  });

  it("does not read admins changing settings, a failed upload, a test sandbox or updates over HTTPS as classes (control)", () => {
    expect(rules("Settings", "Only admins can change the admin settings.")).not.toContain("vulnerability-class");
    expect(rules("Uploads", "Upload fails for files over 2 MB.")).not.toContain("vulnerability-class");
    expect(rules("Tests", "Run the tests in a sandbox.")).not.toContain("vulnerability-class");
    expect(rules("Updates", "The update checker uses HTTPS.")).not.toContain("vulnerability-class");
  });

  it("reads other players' accounts and, in Chinese, seeing others' chats as an attacker's impact, and not one's own (control)", () => {
    expect(rules("Accounts", "Players are able to log into other players accounts.")).toContain("attacker-impact");
    expect(rules("[BUG] 聊天", "把后面的10改成任意前面的数字，就可以看到别人的聊天")).toContain("attacker-impact");
    expect(rules("[BUG] 聊天", "把后面的10改成11，就可以看到自己的聊天")).not.toContain("attacker-impact");
    expect(rules("Messages", "Messages from any member conversation show up twice.")).not.toContain("attacker-impact");
  });

  it("reads a Chinese report that a place has a named class of vulnerability as framing, and not a dependency that has one (control)", () => {
    expect(rules("后台", "后台存在任意代码执行漏洞")).toContain("disclosure-framing");
    expect(rules("升级", "当前FastJson版本存在漏洞，建议升级")).not.toContain("disclosure-framing");
  });

  it("reads more ways of saying a fuzzer found it as first-hand, and a flaw in a fuzzing harness as not one (control)", () => {
    expect(rules("Infinite loop on malformed inputs", "Found by the `decode_buffer` fuzz target.")).toContain("first-hand-finding");
    expect(rules("Panic", "I fuzzed rule_from_yaml with cargo-fuzz and found a crash.")).toContain("first-hand-finding");
    expect(rules("Fuzzing", "We should add a fuzz target to CI.")).not.toContain("first-hand-finding");
    expect(rules("Double-free in the harness `examples/dwgfuzz.c`", "During fuzzing.")).toContain("not-a-vulnerability");
    expect(rules("Double-free in dwg_free", "During fuzzing.")).not.toContain("not-a-vulnerability");
  });

  it("reads a key or token committed to a repository or logged as an exposed secret, and not a question where to keep one (control)", () => {
    expect(rules("Security: private key checked into repo", "It should be removed.")).toContain("exposed-secret");
    expect(rules("Telegram", "You have a telegram bot token hardcoded in repository.")).toContain("exposed-secret");
    expect(rules("Token logged", "In debug logs the bot's token is logged when connecting.")).toContain("exposed-secret");
    expect(rules("API key", "Where should I keep the API key for the weather service?")).not.toContain("exposed-secret");
    expect(rules("Sessions", "Users are logged out when the token expires.")).not.toContain("exposed-secret");
  });

  it("reads others' comments, another tenant's data, a viewer who can edit and public drafts as an attacker's impact", () => {
    expect(rules("Comments", "User A is able to delete comments of other users.")).toContain("attacker-impact");
    expect(rules("Tenants", "Users from a tenant can read data belonging to other tenants.")).toContain("attacker-impact");
    expect(rules("Views", "Users with VIEWER access can create, edit and delete views.")).toContain("attacker-impact");
    expect(rules("Drafts", "Draft posts are publicly available by direct link.")).toContain("attacker-impact");
    expect(rules("权限", "普通用户可以删除修改管理员账户")).toContain("attacker-impact");
  });

  it("does not read one's own comments, one's own tenant, a viewer who can view or a draft kept private as such (control)", () => {
    expect(rules("Comments", "Users can delete their own comments.")).not.toContain("attacker-impact");
    expect(rules("Tenants", "Each tenant has its own data and theme.")).not.toContain("attacker-impact");
    expect(rules("Views", "Users with viewer access see the dashboards.")).not.toContain("attacker-impact");
    expect(rules("Drafts", "Draft posts are kept private until published.")).not.toContain("attacker-impact");
    expect(rules("权限", "普通用户可以修改自己的密码")).not.toContain("attacker-impact");
  });

  it("reads a data store open to the internet as a class and a token being printed to the console as exposed, and not their opposites (control)", () => {
    expect(rules("Compose", "docker-compose.yml exposes mongodb and redis to the internet.")).toContain("vulnerability-class");
    expect(rules("Compose", "docker-compose.yml binds redis to 127.0.0.1 only.")).not.toContain("vulnerability-class");
    expect(rules("Logging", "The access token is being printed on the console log.")).toContain("exposed-secret");
    expect(rules("Logging", "The access token is never printed; only its expiry.")).not.toContain("exposed-secret");
  });

  it("reads disabled host name verification and a server crashed by invalid input as classes, and not their opposites (control)", () => {
    expect(rules("TLS", "SSL host name verification disabled by default.")).toContain("vulnerability-class");
    expect(rules("TLS", "Host name verification is enabled by default.")).not.toContain("vulnerability-class");
    expect(rules("Crash", "Server crash on invalid http method.")).toContain("vulnerability-class");
    expect(rules("Crash", "Server crashes when the disk is full.")).not.toContain("vulnerability-class");
  });

  it("reads a title naming a flaw and the code it is in, and not a flaw and a plain word (control)", () => {
    expect(rules("SQL injection in admin/users", "By using field sSortDir_0.")).toContain("flaw-in-code-title");
    expect(rules("A heap-buffer-overflow in `copy_from_lzss_window`", "See the trace.")).toContain("flaw-in-code-title");
    expect(rules("XSS in search", "See the screenshot.")).not.toContain("flaw-in-code-title");
  });
});

describe("classify on wording met in natural samples of public issues", () => {
  const rules = (title: string, body = "") => classify({ title, body }).reasons.map((reason) => reason.rule);

  it("reads sessions that outlive a logout, reset links that do not expire, reusable codes and open install pages as classes", () => {
    expect(rules("Logout", "The token is valid even after logout.")).toContain("vulnerability-class");
    expect(rules("Logout doesn't really do anything")).toContain("vulnerability-class");
    expect(rules("Password change doesn't logout other sessions")).toContain("vulnerability-class");
    expect(rules("Reset password link is not expired")).toContain("vulnerability-class");
    expect(rules("验证码", "网速慢的时候，验证码可以重复使用")).toContain("vulnerability-class");
    expect(rules("Installation page still accessible after installation")).toContain("vulnerability-class");
  });

  it("does not read a token's lifetime, a logout that works, an expired link, a code used once or an install page during installation as such (control)", () => {
    expect(rules("Logout", "The token is valid for one hour.")).not.toContain("vulnerability-class");
    expect(rules("Logout button doesn't really fit on mobile")).not.toContain("vulnerability-class");
    expect(rules("Password change logs out all other sessions")).not.toContain("vulnerability-class");
    expect(rules("Reset password link is expired after an hour")).not.toContain("vulnerability-class");
    expect(rules("验证码", "验证码不能重复使用")).not.toContain("vulnerability-class");
    expect(rules("Installation page accessible during installation")).not.toContain("vulnerability-class");
  });

  it("reads sensitive data printed or logged, secrets printed on errors, unmasked passwords and returned hashes as exposed", () => {
    expect(rules("Avoid printing sensitive info")).toContain("exposed-secret");
    expect(rules("[SECURITY] HA Log expose secrets")).toContain("exposed-secret");
    expect(rules("Secret keys are printed on error")).toContain("exposed-secret");
    expect(rules("RTSP", "The RTSP password is not correctly masked in the log file.")).toContain("exposed-secret");
    expect(rules("api returns password-hash for users")).toContain("exposed-secret");
  });

  it("does not read debug info printed, warnings in a log, secrets never printed, masked passwords or hashes not returned as such (control)", () => {
    expect(rules("Avoid printing debug info")).not.toContain("exposed-secret");
    expect(rules("Log exposes warnings")).not.toContain("exposed-secret");
    expect(rules("Secret keys are never printed on error")).not.toContain("exposed-secret");
    expect(rules("RTSP", "The RTSP password is masked in the log file.")).not.toContain("exposed-secret");
    expect(rules("ListPasswords doesn't actually return password hashes")).not.toContain("exposed-secret");
  });

  it("reads others' salaries, any user's posts, missing ownership checks and users raising their own role as an attacker's impact", () => {
    expect(rules("users see salaries of all other users - bug")).toContain("attacker-impact");
    expect(rules("Fix: The user can edit/delete any post of any user")).toContain("attacker-impact");
    expect(rules("Chapter 4, deleteAction does not check ownership")).toContain("attacker-impact");
    expect(rules("users can change their role to system-admin")).toContain("attacker-impact");
    expect(rules("Guest got admin rights")).toContain("attacker-impact");
  });

  it("does not read one's own team's salaries, an admin deleting posts, a checked owner or admins changing roles as such (control)", () => {
    expect(rules("users see salaries of their own team")).not.toContain("attacker-impact");
    expect(rules("The admin can delete any post")).not.toContain("attacker-impact");
    expect(rules("deleteAction checks ownership first")).not.toContain("attacker-impact");
    expect(rules("admins can change their users' roles")).not.toContain("attacker-impact");
    expect(rules("Guest got a welcome message")).not.toContain("attacker-impact");
  });

  it("reads a payment price a buyer can change and (Chinese) missing authorisation as classes, and not a shop owner's price or checked rights (control)", () => {
    expect(rules("There is a Business logic vulnerability that can change the payment price.")).toContain("vulnerability-class");
    expect(rules("Vulnerability: hack item price")).toContain("vulnerability-class");
    expect(rules("价格", "有个很严重的问题，就是可以任意修改价格！")).toContain("vulnerability-class");
    expect(rules("接口", "后端没有权限管控")).toContain("vulnerability-class");
    expect(rules("接口", "存在未授权访问")).toContain("vulnerability-class");
    expect(rules("Prices", "The shop owner can change the price in the settings.")).not.toContain("vulnerability-class");
    expect(rules("价格", "管理员可以在后台修改商品信息")).not.toContain("vulnerability-class");
    expect(rules("接口", "后端已有权限管控")).not.toContain("vulnerability-class");
  });

  it("leaves alone the error a CSRF check gives when a form or session breaks", () => {
    const mismatch = classify({
      title: "Getting CSRF token mismatch error",
      body: "After the upgrade every login attempt fails with a CSRF token mismatch. The session cookie is set and the token is in the form.",
    });
    expect(mismatch.vulnerabilityReport).toBe(false);
    expect(mismatch.reasons.map((reason) => reason.rule)).toContain("csrf-check-error");
    expect(rules("Flask-WTF: The CSRF session token is missing when streaming templates")).toContain("csrf-check-error");
  });

  it("still contains a missing CSRF check an attacker can use (control)", () => {
    const missing = classify({
      title: "CSRF in the account settings form",
      body: "The /account/email form has no CSRF token. An attacker's page can submit it for a logged-in victim and change the victim's e-mail address, then reset the password: account takeover.",
    });
    expect(missing.vulnerabilityReport).toBe(true);
    expect(missing.reasons.map((reason) => reason.rule)).not.toContain("csrf-check-error");
  });
});
