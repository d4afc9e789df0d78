import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { extractAssets } from "../../src/policy/assets.js";
import { parseConfigText } from "../../src/config/load.js";
import {
  checkAssetPattern,
  compileAssetPattern,
  compileHostPattern,
  compileScope,
  compileTopic,
  decideScope,
  MAX_ASSET_PATTERN_ALTERNATIVES,
  MAX_ASSET_PATTERN_LENGTH,
  UnusableAssetPatternError,
} from "../../src/policy/scope.js";

function scopeOf(assets: string[], outOfScope: string[] = []) {
  return compileScope({ assets, outOfScope, codebases: [] });
}

function decide(assets: string[], body: string, options: { repository?: string; outOfScope?: string[] } = {}) {
  const report = { title: "Report", body, ...(options.repository === undefined ? {} : { repository: options.repository }) };
  return decideScope(scopeOf(assets, options.outOfScope), extractAssets(report), `${report.title}\n${body}`);
}

/**
 * A DNS label. One that starts with "xn--" is an IDNA A-label, which a URL parser decodes and refuses when it is not
 * valid punycode ("xn--a"): such a host is no asset (tested on its own below), so generated labels leave the prefix out.
 */
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/).filter((text) => !text.startsWith("xn--"));

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
    ["mijn*partner.{nl,be,de,eu}", "www.mijnzorgpartner.nl", true],
    ["mijn*partner.{nl,be,de,eu}", "WWW.MijnBouwPartner.eu", true],
    ["mijn*partner.{nl,be,de,eu}", "mail.mijnzorgpartner.nl", false],
    ["mijn*partner.{nl,be,de,eu}", "www.www.mijnzorgpartner.nl", false],
    ["mijn*partner.{nl,be,de,eu}", "www.mijnzorgpartner.com", false],
    ["*.example.org", "a.b.example.org", true],
    ["*.example.org", "example.org", false],
  ])("%s matches %s: %s", (pattern, host, expected) => {
    expect(compileHostPattern(pattern).matches(host)).toBe(expected);
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

  it("takes no asset from a host whose A-label is not valid punycode, and takes a valid one (control)", () => {
    const assets = extractAssets({ title: "", body: "https://xn--a.example.org/login and https://xn--nxasmq6b.example.org/" });
    expect(assets.map((asset) => asset.value)).toEqual(["https://xn--nxasmq6b.example.org/"]);
  });

  it("keeps a star inside one label for any generated label", () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        const hostPattern = compileHostPattern("mijn*partner.nl");
        return hostPattern.matches(`mijn${a}partner.nl`.replace(/--/g, "-")) && !hostPattern.matches(`mijn${a}.${b}partner.nl`);
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
    expect(decide(["mijnpartnergroep.nl"], "XSS on https://shop.other.nl/x")).toMatchObject({
      status: "out",
      asset: "https://shop.other.nl/x",
    });
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

  it("finds a topic in any sentence, whichever wording of each concept a report uses", () => {
    const plugins = compileTopic("third-party programs and plug-ins");
    const hosted = compileTopic("customer-hosted content");
    const thirdParty = [
      "third party",
      "third-party",
      "3rd party",
      "3rd-party",
      "third parties",
      "thirdparty",
      "derde partij",
      "derde-partijen",
      "externe",
    ];
    const programs = ["program", "programmes", "software", "applications", "app", "tools", "service", "dienst", "programma", "applicatie"];
    const pluginWords = ["plugin", "plug-ins", "plug in", "addon", "add-ons", "extension", "modules", "widget", "integrations"];
    const customers = ["customer", "clients", "klant", "klanten", "tenant", "merchants"];
    const hostings = ["hosted", "hosting", "gehost", "selfhosted", "self-hosted", "self hosted"];
    const contents = ["content", "contents", "website", "sites", "page", "pages", "shop", "webshop", "domains", "inhoud"];
    const missed: string[] = [];
    for (const party of thirdParty) {
      for (const thing of [...programs, ...pluginWords]) {
        const sentence = `Found in the ${party} ${thing}`;
        if (plugins.find(`Intro! ${sentence}. More text`) !== sentence) missed.push(sentence);
      }
    }
    for (const customer of customers) {
      for (const hosting of hostings) {
        for (const content of contents) {
          const sentence = `The ${content} ${hosting} by a ${customer} leaks`;
          if (hosted.find(`Intro.\n${sentence}? More`) !== sentence) missed.push(sentence);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(compileTopic("payment terminals").find("Intro. Our payments terminal crashed")).toBe("Our payments terminal crashed");
    expect(plugins.find("Third-party cookies. The software is ours.")).toBeUndefined();
    expect(hosted.find("The customer logs in. The site is hosted by us")).toBeUndefined();
  });
});

/** The regular expression hostname patterns compiled to before matching went label by label: the reference. */
function backtrackingReference(pattern: string): RegExp {
  const sources = [pattern.toLowerCase().replace(/\.$/, "")].map((alternative) => {
    const anySubdomain = alternative.startsWith("*.");
    const rest = anySubdomain ? alternative.slice(2) : alternative;
    const body = rest
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, "\\$&"))
      .join("[a-z0-9-]*");
    if (anySubdomain) return `(?:[a-z0-9-]+\\.)+${body}`;
    // The site's own www. comes with every pattern that is not `*.`: `mijn*partner.nl` covers www.mijnzorgpartner.nl.
    return `(?:www\\.)?${body}`;
  });
  return new RegExp(`^(?:${sources.join("|")})$`, "i");
}

describe("hostname patterns from an untrusted config", () => {
  const twelveStars = `${"a*".repeat(12)}b.openworx.nl`;

  it("answers a twelve-star pattern against hostile hosts that a backtracking regex could not finish", () => {
    // The reference regex took 61 s on a 36-character label; these labels are 63 (DNS's maximum) and 240 characters.
    const longLabel = extractAssets({ title: "", body: `Found on ${"a".repeat(63)}.openworx.nl today.` });
    const longUrlHost = extractAssets({ title: "", body: `See https://${"a".repeat(240)}.openworx.nl/x` });
    expect(longLabel.map((asset) => asset.kind)).toEqual(["host"]);
    expect(longUrlHost.map((asset) => asset.kind)).toEqual(["url"]);
    const matcher = compileAssetPattern(twelveStars);
    expect(matcher.matches(longLabel[0]!)).toBe(false);
    expect(matcher.matches(longUrlHost[0]!)).toBe(false);
    expect(compileAssetPattern(`https://${twelveStars}/app`).matches(longUrlHost[0]!)).toBe(false);
    expect(decideScope(scopeOf([twelveStars]), longLabel, "")).toMatchObject({ status: "out" });
  });

  it("still matches what a twelve-star pattern stands for (control)", () => {
    const matching = extractAssets({ title: "", body: `Found on ${"a".repeat(62)}b.openworx.nl today.` });
    expect(compileAssetPattern(twelveStars).matches(matching[0]!)).toBe(true);
    expect(compileHostPattern(twelveStars).matches(`${"a-".repeat(30)}ab.openworx.nl`)).toBe(true);
    expect(compileHostPattern(twelveStars).matches(`${"a".repeat(20)}.b.openworx.nl`)).toBe(false);
  });

  it("refuses a brace bomb before expanding it, naming the limit", () => {
    const bomb = `${"{a,b}".repeat(30)}.example.org`;
    expect(checkAssetPattern(bomb)).toBe(
      `its { } groups expand to more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames, the limit for one pattern`,
    );
    expect(() => compileAssetPattern(bomb)).toThrow(UnusableAssetPatternError);
    expect(() => compileAssetPattern(`https://${bomb}/login`)).toThrow(`more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames`);
    expect(checkAssetPattern(`${"{a,b}".repeat(6)}.example.org`)).toBeUndefined();
    expect(compileHostPattern(`${"{a,b}".repeat(6)}.example.org`).matches("abbaba.example.org")).toBe(true);
  });

  it("refuses a pattern longer than the limit, naming it", () => {
    const long = `${"a".repeat(MAX_ASSET_PATTERN_LENGTH)}.example.org`;
    expect(checkAssetPattern(long)).toBe(
      `it is ${long.length} characters long, over the limit of ${MAX_ASSET_PATTERN_LENGTH} for one pattern`,
    );
    expect(checkAssetPattern(`octo-org/${"x".repeat(MAX_ASSET_PATTERN_LENGTH)}`)).toContain(`limit of ${MAX_ASSET_PATTERN_LENGTH}`);
    expect(checkAssetPattern(`${"a".repeat(MAX_ASSET_PATTERN_LENGTH - 12)}.example.org`)).toBeUndefined();
  });

  it("leaves a section with an unusable pattern out of the loaded config, as a config error, and keeps the rest", () => {
    const { config, errors } = parseConfigText(
      `tracking:\n  repository: octo-org/cases\nscope:\n  assets:\n    - example.org\n    - '${"{a,b}".repeat(30)}.example.org'\n`,
      "disclosure.yml",
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: "scope.assets[1]",
        line: 6,
        message: expect.stringContaining(`more than ${MAX_ASSET_PATTERN_ALTERNATIVES} hostnames`),
      }),
    ]);
    expect(config.scope.assets).toEqual([]);
    expect(config.tracking.repository).toBe("octo-org/cases");
  });

  it("matches exactly as the backtracking regex did, for generated patterns and hosts", () => {
    const patternLabel = fc.stringMatching(/^[ab*-]{1,5}$/);
    const hostLabel = fc.stringMatching(/^[abAB_-]{0,6}$/);
    const pattern = fc
      .tuple(fc.boolean(), fc.array(patternLabel, { minLength: 1, maxLength: 3 }))
      .map(([anySubdomain, labels]) => `${anySubdomain ? "*." : ""}${labels.join(".")}`);
    const prefix = fc.constantFrom("", "www.", "x.", "x.y.", "a_b.");
    const randomHost = fc
      .tuple(prefix, fc.array(hostLabel, { minLength: 1, maxLength: 4 }))
      .map(([start, labels]) => `${start}${labels.join(".")}`);
    /** A host written from the pattern itself, so that most cases are near the boundary between match and no match. */
    const hostNear = (generatedPattern: string) =>
      fc.tuple(prefix, fc.array(fc.stringMatching(/^[aAb_.-]{0,3}$/), { minLength: 12, maxLength: 12 })).map(([start, fills]) => {
        let index = 0;
        return `${start}${generatedPattern.replace(/^\*\./, "").replace(/\*/g, () => fills[index++ % fills.length] ?? "")}`;
      });
    const cases = pattern.chain((generatedPattern) =>
      fc.tuple(fc.constant(generatedPattern), fc.oneof(randomHost, hostNear(generatedPattern))),
    );
    fc.assert(
      fc.property(
        cases,
        ([generatedPattern, generatedHost]) =>
          compileHostPattern(generatedPattern).matches(generatedHost) === backtrackingReference(generatedPattern).test(generatedHost),
      ),
      { numRuns: 5_000 },
    );
    for (const [examplePattern, exampleHost] of [
      ["mijn*partner.nl", "mijnpartner.nl"],
      ["*.example.org", "www.example.org"],
      ["example.org", "www.example.org"],
      ["a*", "a"],
      ["*", "localhost"],
    ] as const) {
      expect(compileHostPattern(examplePattern).matches(exampleHost)).toBe(backtrackingReference(examplePattern).test(exampleHost));
      expect(compileHostPattern(examplePattern).matches(exampleHost)).toBe(true);
    }
  });
});
