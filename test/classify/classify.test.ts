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
    expect(both.confidence).toBeGreaterThan(Math.max(impact.confidence, payload.confidence));
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
    expect(exposed.reasons.map((reason) => reason.rule)).toEqual(["no-authentication", "personal-data"]);
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
    // Control: the same words without the product's name score higher, so the name is what counts against.
    const unnamed = {
      title: scanner.title.replace("Checkmarx: ", ""),
      body: scanner.body.replace("Checkmarx reports that", "We see that"),
    };
    expect(classify(unnamed).reasons.map((reason) => reason.rule)).not.toContain("scanner-output");
    expect(result.confidence).toBeLessThan(classify(unnamed).confidence);
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
