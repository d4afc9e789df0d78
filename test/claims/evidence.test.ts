import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { assessEvidence, missingRequirements } from "../../src/policy/evidence.js";
import { reportText } from "../../src/policy/report.js";
import { triage } from "../../src/policy/triage.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

const evidenceOf = (body: string) => assessEvidence(reportText({ title: "Report", body }));
const kinds = (body: string) => evidenceOf(body).present.map((item) => item.kind);

describe("the evidence a report brings", () => {
  it.each([
    ["steps", "Steps to reproduce: open the page and submit the form."],
    ["steps", "1. Log in as a user\n2. Open /admin\n3. See the list"],
    ["request", "POST /api/login HTTP/1.1\nHost: example.org"],
    ["request", "$ ./cjson_test < crash.json"],
    ["request", "curl -X POST https://example.org/api"],
    ["request", "https://example.org/search?q=test"],
    ["proof-of-concept", "```python\nimport requests\nrequests.get(url)\n```"],
    ["proof-of-concept", "The payload <img src=x onerror=alert(1)> runs."],
    ["trace", "==4242==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020"],
    ["trace", "Traceback (most recent call last):"],
    ["version", "Affected version: 1.7.18"],
    ["version", "Fixed in nothing before v2.4"],
    ["impact", "An attacker can read every customer's invoices."],
    ["impact", "Een aanvaller kan alle facturen lezen."],
  ])("recognises %s in %j", (kind, body) => {
    expect(kinds(body)).toContain(kind);
  });

  it("calls a code block of crash output a trace, not proof-of-concept code", () => {
    expect(kinds("```\n==1==ERROR: AddressSanitizer: SEGV on unknown address\n#0 0x1 in f /a.c:1\n```")).toEqual(["trace"]);
  });

  it("finds nothing in a confident report without any of it", () => {
    const evidence = evidenceOf(
      "I have discovered a critical vulnerability in your software. It is very dangerous. Please fix it urgently and pay the bounty.",
    );
    expect(evidence).toEqual({
      present: [],
      missing: ["steps", "request", "proof-of-concept", "trace", "version", "impact"],
      reproducer: false,
      aiDisclosure: false,
    });
  });

  it("counts the affected versions given in the advisory form", () => {
    expect(assessEvidence(reportText({ title: "x", body: "It is broken." }), { versions: true }).present.map((item) => item.kind)).toEqual([
      "version",
    ]);
  });

  it.each([
    ["AI use: none, I wrote this myself.", true],
    ["I used ChatGPT to improve the wording of this report.", true],
    ["Ik heb geen AI gebruikt.", true],
    ["The AI chatbot on your site leaks data.", false],
    ["Nothing said about tools.", false],
  ])("reads an AI-use statement in %j: %s", (body, stated) => {
    expect(evidenceOf(body).aiDisclosure).toBe(stated);
  });

  it("labels a report with none of it evidence:none, and one with some of it not", () => {
    const config = configSchema.parse({});
    expect(
      triage({ report: { title: "Critical vulnerability", body: "Your product is vulnerable. Please fix." }, config }).labels,
    ).toContain("evidence:none");
    expect(
      triage({ report: { title: "XSS", body: "An attacker can steal sessions via https://example.org/?q=<script>x</script>" }, config })
        .labels,
    ).not.toContain("evidence:none");
  });

  it("asks for what the policy requires and the report lacks, nothing else", () => {
    const intake = { requireReproduction: true, requireAiDisclosure: true };
    expect(missingRequirements({ reproducer: false, aiDisclosure: false }, intake)).toEqual(["reproduction", "ai-disclosure"]);
    expect(missingRequirements({ reproducer: true, aiDisclosure: false }, intake)).toEqual(["ai-disclosure"]);
    expect(
      missingRequirements({ reproducer: false, aiDisclosure: false }, { requireReproduction: false, requireAiDisclosure: false }),
    ).toEqual([]);
  });

  it.each(["1. a\n", "```\n", "GET /", "AI used ", "version 1.", "#0 0x1 in "])(
    "reads up to 100,000 characters of %j in linear time",
    (unit) => {
      const textOf = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      expectAtMostLinearGrowth((size) => evidenceOf(textOf(size)), { sizes: [10_000, 100_000] });
    },
  );
});
