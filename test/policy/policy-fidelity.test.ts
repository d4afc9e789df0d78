import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { validateConfig } from "../../src/config/validate.js";
import { compileAssetPattern, normalisedAssetPattern } from "../../src/policy/scope.js";
import { extractAssets } from "../../src/policy/assets.js";
import { triage } from "../../src/policy/triage.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

/** Triage rules read the way the two seed policies write them (issue #16), each with a control that does not fire. */
function example(name: "openworx" | "mijnpartnergroep") {
  const { config, errors } = parseConfigText(readFileSync(new URL(`../../examples/${name}.yml`, import.meta.url), "utf8"));
  expect(errors).toEqual([]);
  return config;
}

const openworx = example("openworx");
const mijnPartnerGroep = example("mijnpartnergroep");

function conductOf(config: typeof openworx, body: string): string[] {
  return triage({ report: { title: "IDOR in the customer API", body }, config }).conduct.map((flag) => flag.id);
}

function exclusionsOf(config: typeof openworx, title: string, body: string): string[] {
  return triage({ report: { title, body }, config }).exclusions.map((exclusion) => exclusion.id);
}

describe("scope as MijnPartnerGroep writes it", () => {
  it("puts the site's own www. in scope for a wildcard asset", () => {
    const decision = triage({
      report: { title: "Stored XSS in reviews", body: "https://www.mijnzorgpartner.nl/reviews stores <script>." },
      config: mijnPartnerGroep,
    });
    expect(decision.scope).toMatchObject({ status: "in", rule: "Mijn*partner.nl/be/de/eu" });
  });

  it("puts content hosted for customers out of scope, and a partner site that is merely hosted somewhere in (control)", () => {
    const customerShop = triage({
      report: { title: "XSS", body: "The customer-hosted shop at https://mijnbouwpartner.nl/shop has XSS." },
      config: mijnPartnerGroep,
    });
    expect(customerShop.scope).toMatchObject({ status: "out", rule: "customer-hosted content" });
    const partnerSite = triage({
      report: { title: "XSS", body: "The website hosted at https://www.mijnzorgpartner.nl/reviews has a stored XSS." },
      config: mijnPartnerGroep,
    });
    expect(partnerSite.scope.status).toBe("in");
  });

  it("keeps other subdomains and other top-level domains out (control)", () => {
    for (const url of ["https://mail.mijnzorgpartner.nl/x", "https://www.mijnzorgpartner.com/x", "https://www.www.mijnzorgpartner.nl/x"]) {
      const decision = triage({ report: { title: "Stored XSS", body: `${url} stores <script>.` }, config: mijnPartnerGroep });
      expect(decision.scope.status).toBe("out");
    }
  });

  it("accepts the policy's notation Mijn*partner.nl/be/de/eu in config and reads it as four domains", () => {
    const text = "scope:\n  assets: [Mijnpartnergroep.nl, Mijn*partner.nl/be/de/eu]\n";
    expect(validateConfig(text, "disclosure.yml")).toEqual([]);
    expect(normalisedAssetPattern("Mijn*partner.nl/be/de/eu")).toBe("Mijn*partner.{nl,be,de,eu}");
    const matcher = compileAssetPattern("Mijn*partner.nl/be/de/eu");
    expect(matcher.pattern).toBe("Mijn*partner.nl/be/de/eu");
    const inside = extractAssets({
      title: "",
      body: "https://mijnbouwpartner.be/a https://www.mijnzorgpartner.de/b https://mijnpartner.eu/",
    });
    expect(inside.length).toBe(3);
    expect(inside.every((asset) => matcher.matches(asset))).toBe(true);
    const outside = extractAssets({
      title: "",
      body: "https://mijnbouwpartner.com/a https://mijnbouwpartner.fr/ https://mijn.evil.partner.nl/",
    });
    expect(outside.length).toBe(3);
    expect(outside.some((asset) => matcher.matches(asset))).toBe(false);
  });

  it("reads the notation in linear time, whatever a hostile config writes", () => {
    const hostileOf = (size: number) => [`${"a.".repeat(size)}nl/b`, `${"a.nl/".repeat(size / 2)}x`, `a.nl${"/be".repeat(size)}/b`];
    for (const hostile of hostileOf(50_000)) expect(normalisedAssetPattern(hostile)).toBe(hostile);
    expectAtMostLinearGrowth((size) => hostileOf(size).forEach((hostile) => normalisedAssetPattern(hostile)), { sizes: [5_000, 50_000] });
  });

  it("still reads one two-letter path as a URL path, not as a domain (control)", () => {
    expect(normalisedAssetPattern("example.nl/de")).toBe("example.nl/de");
    const matcher = compileAssetPattern("example.nl/de");
    const [underPath, otherDomain] = extractAssets({ title: "", body: "https://example.nl/de/login and https://example.de/login" });
    expect(underPath && matcher.matches(underPath)).toBe(true);
    expect(otherDomain && matcher.matches(otherDomain)).toBe(false);
  });
});

describe("data-modification: changing or deleting data that is not the researcher's own", () => {
  it.each([
    ["Openworx", openworx],
    ["MijnPartnerGroep", mijnPartnerGroep],
  ])("is flagged under %s", (_name, config) => {
    expect(
      conductOf(
        config,
        "https://mijnpartnergroep.nl/api/orders/7 accepts DELETE for any id. I deleted another customer's order to prove it.",
      ),
    ).toContain("data-modification");
    expect(conductOf(config, "Op https://mijnzorgpartner.nl/api/afspraken heb ik gegevens van andere klanten gewijzigd.")).toContain(
      "data-modification",
    );
  });

  it.each([
    ["Openworx", openworx],
    ["MijnPartnerGroep", mijnPartnerGroep],
  ])("is not flagged under %s for the researcher's own data or a denial (control)", (_name, config) => {
    expect(
      conductOf(config, "https://mijnpartnergroep.nl/api/orders/7 accepts DELETE for any id. I deleted an order of my own test account."),
    ).not.toContain("data-modification");
    expect(
      conductOf(
        config,
        "https://mijnpartnergroep.nl/api/orders/7: I did not change the data of another customer; I only read the response headers.",
      ),
    ).not.toContain("data-modification");
  });
});

describe("the max-records rule reads counts in words and numbers", () => {
  it.each([
    "https://mijnzorgpartner.nl/api/klanten - I downloaded two records of other customers to confirm it.",
    "https://mijnzorgpartner.nl/api/klanten - ik heb twee records opgehaald om het te bevestigen.",
    "https://mijnzorgpartner.nl/api/klanten - I retrieved 3 records.",
    "https://mijnzorgpartner.nl/api/klanten - I downloaded thousands of records.",
  ])("flags more than one record: %s", (body) => {
    const flag = triage({ report: { title: "IDOR", body }, config: mijnPartnerGroep }).conduct.find(
      (found) => found.id === "excess-data-access",
    );
    expect(flag?.reason).toMatch(/the policy allows at most 1\.$/);
  });

  it.each([
    "https://mijnzorgpartner.nl/api/klanten - I read one record, my own, to confirm it.",
    "https://mijnzorgpartner.nl/api/klanten - I retrieved 1 record.",
    "https://mijnzorgpartner.nl/api/klanten - ik heb één record opgehaald.",
    "https://mijnzorgpartner.nl/api/klanten - I did not download two records; I stopped at the first.",
  ])("leaves one record, or a denial, alone (control): %s", (body) => {
    expect(triage({ report: { title: "IDOR", body }, config: mijnPartnerGroep }).conduct.map((flag) => flag.id)).not.toContain(
      "excess-data-access",
    );
  });
});

describe("previously known vulnerable libraries", () => {
  it("excludes a library named with its version and CVE, without the word outdated", () => {
    const title = "jQuery vulnerability";
    const body = "https://mijnpartnergroep.nl/ loads jQuery 1.12.4, which is affected by CVE-2020-11022.";
    expect(exclusionsOf(mijnPartnerGroep, title, body)).toContain("outdated-software");
    expect(exclusionsOf(openworx, title, body)).toContain("outdated-software");
  });

  it("brings it back in with a working proof of concept (control)", () => {
    const decision = triage({
      report: {
        title: "jQuery vulnerability",
        body: "https://mijnpartnergroep.nl/ loads jQuery 1.12.4, affected by CVE-2020-11022. Working proof of concept: the attached page pops alert(document.domain) on the site.",
      },
      config: mijnPartnerGroep,
    });
    expect(decision.exclusions.map((exclusion) => exclusion.id)).not.toContain("outdated-software");
    expect(decision.exceptionsApplied.map((applied) => `${applied.id}/${applied.exception}`)).toContain("outdated-software/working-poc");
  });

  it("does not exclude a finding in the site's own code that cites a CVE (control)", () => {
    expect(
      exclusionsOf(
        mijnPartnerGroep,
        "Stored XSS in the review form",
        "https://mijnpartnergroep.nl/reviews stores <script>alert(1)</script>; CVE-2026-10001 was reserved for it.",
      ),
    ).not.toContain("outdated-software");
  });
});

describe("rate-limit-csrf-403 does not over-match bypass reports", () => {
  it("does not exclude a 403 bypass that reaches data", () => {
    const body =
      "https://mijnpartnergroep.nl/admin/users returns 403, and after too many requests it throttles. Adding the header X-Original-URL bypasses the 403 and returns the user data of all customers with 200 OK.";
    expect(exclusionsOf(mijnPartnerGroep, "403 bypass on the admin panel", body)).not.toContain("rate-limit-csrf-403");
  });

  it("still excludes a 403 read as rate limiting (control)", () => {
    const body =
      "After a few requests to https://mijnpartnergroep.nl/contact I get a 403 Forbidden response, so the rate limiting seems inconsistent. I think it can be bypassed.";
    expect(exclusionsOf(mijnPartnerGroep, "Rate limiting returns 403", body)).toContain("rate-limit-csrf-403");
  });
});

describe("one problem on the partner sites written in the policy's notation", () => {
  const first = triage({
    report: { title: "Stored XSS in review form", body: "https://www.mijnbouwpartner.nl/review?product=12 stores <script>." },
    config: mijnPartnerGroep,
  });
  const prior = {
    key: "GHSA-aaaa-bbbb-cccc",
    title: "Stored XSS in review form",
    assets: first.assets,
    fingerprint: first.fingerprint ?? "",
  };

  it("joins the same root cause on another partner site, www. included", () => {
    const decision = triage({
      report: {
        title: "XSS in product reviews",
        body: "https://www.mijnzorgpartner.be/review?product=99 stores <script>alert(1)</script>.",
      },
      config: mijnPartnerGroep,
      priorCases: [prior],
    });
    expect(decision.duplicateOf).toBe("GHSA-aaaa-bbbb-cccc");
    expect(decision.duplicateReason).toContain("same codebase (partner-sites)");
  });

  it("does not join a site outside the codebase (control)", () => {
    const decision = triage({
      report: { title: "XSS in product reviews", body: "https://mijnpartnergroep.nl/review?product=99 stores <script>." },
      config: mijnPartnerGroep,
      priorCases: [prior],
    });
    expect(decision.duplicateOf).toBeUndefined();
  });
});
