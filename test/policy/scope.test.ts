import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { extractAssets } from "../../src/policy/assets.js";
import { compileAssetPattern, compileScope, compileTopic, decideScope, hostPatternRegex } from "../../src/policy/scope.js";

function scopeOf(assets: string[], outOfScope: string[] = []) {
  return compileScope({ assets, outOfScope, codebases: [] });
}

function decide(assets: string[], body: string, options: { repository?: string; outOfScope?: string[] } = {}) {
  const report = { title: "Report", body, ...(options.repository === undefined ? {} : { repository: options.repository }) };
  return decideScope(scopeOf(assets, options.outOfScope), extractAssets(report), `${report.title}\n${body}`);
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);

describe("hostname patterns", () => {
  it.each([
    ["mijn*partner.{nl,be,de,eu}", "mijnbouwpartner.nl", true],
    ["mijn*partner.{nl,be,de,eu}", "MijnZorgPartner.EU", true],
    ["mijn*partner.{nl,be,de,eu}", "mijnpartner.de", true],
    ["mijn*partner.{nl,be,de,eu}", "mijnbouwpartner.com", false],
    ["mijn*partner.{nl,be,de,eu}", "mijn.evil.partner.nl", false],
    ["mijn*partner.{nl,be,de,eu}", "mijnbouwpartner.nl.evil.com", false],
    ["mijnpartnergroep.nl", "mijnpartnergroep.nl", true],
    ["mijnpartnergroep.nl", "www.mijnpartnergroep.nl", true],
    ["mijnpartnergroep.nl", "mail.mijnpartnergroep.nl", false],
    ["*.example.org", "a.b.example.org", true],
    ["*.example.org", "example.org", false],
  ])("%s matches %s: %s", (pattern, host, expected) => {
    expect(hostPatternRegex(pattern).test(host)).toBe(expected);
  });

  it("matches any generated subdomain of *.example.org, and no look-alike", () => {
    const matcher = compileAssetPattern("*.example.org");
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
        const sub = labels.join(".");
        const inside = extractAssets({ title: "", body: `https://${sub}.example.org/login` });
        const lookAlike = extractAssets({ title: "", body: `https://example.org.${sub}.com/ and https://${sub}example.org/` });
        return inside.some((asset) => matcher.matches(asset)) && !lookAlike.some((asset) => matcher.matches(asset));
      }),
    );
  });

  it("keeps a star inside one label for any generated label", () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        const regex = hostPatternRegex("mijn*partner.nl");
        return regex.test(`mijn${a}partner.nl`.replace(/--/g, "-")) && !regex.test(`mijn${a}.${b}partner.nl`);
      }),
    );
  });
});

describe("addresses and repositories", () => {
  it.each([
    ["192.0.2.0/24", "192.0.2.200", true],
    ["192.0.2.0/24", "192.0.3.1", false],
    ["198.51.100.7", "198.51.100.7", true],
    ["2001:db8::/32", "2001:db8:1::5", true],
    ["2001:db8::/32", "2001:db9::5", false],
    ["::ffff:192.0.2.0/120", "::ffff:192.0.2.9", true],
  ])("%s contains %s: %s", (pattern, address, expected) => {
    const assets = extractAssets({ title: "", body: `The host ${address} answers.` });
    expect(assets).toHaveLength(1);
    expect(compileAssetPattern(pattern).matches(assets[0]!)).toBe(expected);
  });

  it("finds IPs inside URLs and hosts outside them, not file names or e-mail domains", () => {
    const assets = extractAssets({
      title: "robots.txt and jquery.min.js on portal.example.nl",
      body: "See http://192.0.2.4:8080/x and mail security@mijnpartnergroep.nl about wp-config.php.",
    });
    expect(assets.map((asset) => `${asset.kind}:${asset.value}`)).toEqual(["ip:192.0.2.4", "host:portal.example.nl"]);
  });

  it("matches owner/repo and owner/* patterns", () => {
    expect(decide(["octo-org/web"], "", { repository: "Octo-Org/web" }).status).toBe("in");
    expect(decide(["octo-org/*"], "", { repository: "octo-org/api" }).status).toBe("in");
    expect(decide(["octo-org/web"], "", { repository: "octo-org/api" })).toMatchObject({ status: "out", asset: "octo-org/api" });
  });

  it("matches URL patterns by host and path prefix", () => {
    const matcher = compileAssetPattern("https://portal.example.nl/app");
    const [inside, sibling, other] = extractAssets({
      title: "",
      body: "https://portal.example.nl/app/settings https://portal.example.nl/apply https://portal.example.nl/admin",
    });
    expect([inside, sibling, other].map((asset) => matcher.matches(asset!))).toEqual([true, false, false]);
  });
});

describe("scope decisions", () => {
  it("puts a repository's own code in scope when the scope lists no repositories", () => {
    expect(decide(["mijnpartnergroep.nl"], "The parser crashes.", { repository: "mpg/site" })).toMatchObject({
      status: "in",
      asset: "mpg/site",
    });
  });

  it("puts an unlisted host out of scope when the scope lists assets", () => {
    expect(decide(["mijnpartnergroep.nl"], "XSS on https://shop.other.nl/x")).toMatchObject({ status: "out", asset: "https://shop.other.nl/x" });
  });

  it("does not count references or attacker hosts as the target", () => {
    expect(decide(["mijnpartnergroep.nl"], "See https://owasp.org/x and send it to https://abc.oastify.com").status).toBe("unknown");
  });

  it("is unknown without assets in the report or the policy", () => {
    expect(decide([], "https://shop.other.nl/x")).toMatchObject({ status: "unknown", asset: "https://shop.other.nl/x" });
    expect(decide(["a.nl"], "Something is wrong").status).toBe("unknown");
  });

  it("lets an explicit out-of-scope asset win over the scope list", () => {
    expect(decide(["*.example.nl"], "https://legacy.example.nl/", { outOfScope: ["legacy.example.nl"] })).toMatchObject({
      status: "out",
      asset: "https://legacy.example.nl/",
    });
  });

  it("reads free-text out-of-scope entries as topics", () => {
    const plugins = compileTopic("third-party programs and plug-ins");
    expect(plugins.find("XSS in a 3rd party plugin on the site")).toBe("XSS in a 3rd party plugin on the site");
    expect(plugins.find("Third-party software renders the page")).toBeDefined();
    expect(plugins.find("The WordPress plugin we wrote ourselves")).toBeUndefined();
    const hosted = compileTopic("customer-hosted content");
    expect(hosted.find("A page hosted by a customer on your platform")).toBeDefined();
    expect(hosted.find("XSS on the customer login page")).toBeUndefined();
    expect(hosted.find("The host header of the customer page")).toBeUndefined();
  });
});
