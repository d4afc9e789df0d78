import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { compilePolicy, triageWith } from "../../src/policy/triage.js";

/**
 * "Demo environments" excludes what is wrong with a demo instance itself. A flaw in the product that a report only
 * shows on the project's public demo is the product's; each rule below has a control where the finding is the demo's.
 */

const policy = compilePolicy(configSchema.parse({ exclusions: ["demo-environment"] }));

/** What triage decided: the exclusions suggested, and each exception that kept one out, with its reason. */
function triaged(title: string, body: string) {
  const { exclusions, exceptionsApplied } = triageWith(policy, { title, body });
  return {
    excluded: exclusions.map(({ id }) => id),
    kept: exceptionsApplied.map(({ id, exception, title: why, matched }) => `${id}/${exception}: ${why} (${matched})`),
  };
}

const reproducedOnly = (matched: string) =>
  `demo-environment/product-flaw-shown-on-demo: The report names a flaw in the product and the demo environment only to reproduce it (${matched})`;
const productCode = (matched: string) =>
  `demo-environment/product-flaw-shown-on-demo: The report names a flaw in the product's code; the demo environment is only where it was shown (${matched})`;

describe("a product flaw shown on a demo environment is not a finding in the demo environment", () => {
  it("keeps a stored XSS whose report names the demo only in its steps to reproduce, and says why", () => {
    const result = triaged(
      "Stored XSS in the comment field",
      [
        "The comment body is rendered without escaping, so a script in a comment runs for every reader.",
        "Steps to reproduce:",
        "1. Log in to https://demo.example.org as any user.",
        "2. Post a comment with <script>alert(document.domain)</script> and open the post.",
      ].join("\n"),
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([reproducedOnly("Stored XSS; 1. Log in to https://demo.example.org as any user.")]);
  });

  it("keeps a flaw whose report says it can be reproduced on the demo", () => {
    const result = triaged(
      "SQL injection in the search API",
      "The q parameter of /api/search is concatenated into the query. You can reproduce it on https://demo.example.org/api/search?q=1'+OR+1=1--.",
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([
      reproducedOnly(
        "SQL injection; The q parameter of /api/search is concatenated into the query. You can reproduce it on https://demo.example.org/api/search?q=1'+OR+1=1--.",
      ),
    ]);
  });

  it("still suggests the exclusion when the report places the same flaw on the demo rather than reproducing it there (control)", () => {
    const result = triaged(
      "Stored XSS on the demo site",
      "The demo site at https://demo.example.org renders comments without escaping, so a script in a comment runs for every reader.",
    );
    expect(result.excluded).toEqual(["demo-environment"]);
    expect(result.kept).toEqual([]);
  });

  it("keeps a CSRF whose proof of concept only targets the demo", () => {
    const result = triaged(
      "CSRF that adds an administrator",
      [
        "After an administrator has logged in, opening this page adds a new administrator.",
        "PoC:",
        '<form action="https://demo.example.org/admin/users/add" method="POST">',
        '<input type="hidden" name="role" value="admin" />',
        "</form>",
      ].join("\n"),
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([reproducedOnly('CSRF; <form action="https://demo.example.org/admin/users/add" method="POST">')]);
  });

  it("still suggests the exclusion for a proof of concept against the demo that names no flaw in the product (control)", () => {
    const result = triaged(
      "A form on another site can post to the admin page",
      ["PoC:", '<form action="https://demo.example.org/admin/users/add" method="POST">', "</form>"].join("\n"),
    );
    expect(result.excluded).toEqual(["demo-environment"]);
  });

  it("keeps a flaw whose report names the product's vulnerable code, wherever it names the demo", () => {
    const result = triaged(
      "Open redirect after login",
      [
        "Vulnerable file: app/controllers/session.php, function redirectAfterLogin.",
        "In the demo site the login page sends the user to any host given in next: https://demo.example.org/login?next=//attacker.example",
      ].join("\n"),
    );
    expect(result.excluded).toEqual([]);
    expect(result.kept).toEqual([productCode("Open redirect; Vulnerable file")]);
  });

  it("still suggests the exclusion when the report names code but no flaw in it, only a listing of uploads (control)", () => {
    const result = triaged(
      "The uploads folder lists its files",
      "Vulnerable file: /uploads/ on https://demo.example.org lists every uploaded file.",
    );
    expect(result.excluded).toEqual(["demo-environment"]);
  });
});

describe("the demo environment's own findings stay excluded, whatever flaw the report also names", () => {
  it.each([
    {
      finding: "the demo's default credentials",
      title: "Broken access control: anyone can open the admin panel",
      body: "Steps to reproduce: log in at https://demo.example.org with the default credentials admin/admin and open the admin panel.",
    },
    {
      finding: "the demo server's configuration",
      title: "Path traversal through the web server",
      body: "The nginx configuration of the demo server serves files outside the web root. Reproduce: open https://demo.example.org/static../etc/passwd.",
    },
    {
      finding: "a flaw that shows only on the demo, not on a fresh installation",
      title: "Stored XSS in the comment field",
      body: "Steps to reproduce: post <script>alert(1)</script> as a comment on https://demo.example.org. It cannot be reproduced on a fresh installation.",
    },
  ])("suggests the exclusion for $finding, even with a reproduction step and a flaw class", ({ title, body }) => {
    expect(triaged(title, body)).toEqual({ excluded: ["demo-environment"], kept: [] });
  });

  it("keeps the same stored XSS without the sentence that it shows only on the demo (control)", () => {
    const product = triaged(
      "Stored XSS in the comment field",
      "Steps to reproduce: post <script>alert(1)</script> as a comment on https://demo.example.org.",
    );
    expect(product.excluded).toEqual([]);
  });
});
