import { describe, expect, it } from "@jest/globals";
import { parseInboundMessage } from "../../src/email/inbound-message.js";
import { aligned, authenticateSender, parseAuthenticationResults } from "../../src/email/sender-authentication.js";
import { englishReport, passingAuthentication, trustedAuthservId } from "./support.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

/** Who counts as the sender: only the trusted receiving server's topmost Authentication-Results, read by one rule. */

const rosa = { fromAddresses: ["rosa@mail.example.net"], fromHeaders: 1 };
const trusted = [trustedAuthservId];

function check(results: string[], from = rosa, trustedIds: string[] = trusted) {
  return authenticateSender({ ...from, authenticationResults: results }, trustedIds);
}

describe("parseAuthenticationResults (RFC 8601)", () => {
  it("reads the authserv-id, each method's result and its properties, without comments and with quoted values", () => {
    expect(
      parseAuthenticationResults(
        'MX.example.org 1; dkim=pass (good signature) header.d=Mail.Example.net header.s="s 1"; spf = softfail smtp.mailfrom=x@y.example; dmarc=fail (p=reject; sp=reject) header.from=mail.example.net',
      ),
    ).toEqual({
      authservId: "mx.example.org",
      results: [
        { method: "dkim", result: "pass", properties: { "header.d": "mail.example.net", "header.s": "s 1" } },
        { method: "spf", result: "softfail", properties: { "smtp.mailfrom": "x@y.example" } },
        { method: "dmarc", result: "fail", properties: { "header.from": "mail.example.net" } },
      ],
    });
    expect(parseAuthenticationResults("mx.example.org; none")).toEqual({ authservId: "mx.example.org", results: [] });
    expect(parseAuthenticationResults("")).toBeUndefined();
  });

  it("reads a header parsed from a real message, folded over several lines", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    expect(message.authenticationResults).toHaveLength(1);
    expect(
      parseAuthenticationResults(message.authenticationResults[0] ?? "")?.results.map((result) => `${result.method}=${result.result}`),
    ).toEqual(["dkim=pass", "spf=pass", "dmarc=pass"]);
  });
});

describe("authenticateSender", () => {
  it.each([
    [
      "dmarc=pass for the From domain",
      "mx.example.org; dmarc=pass header.from=mail.example.net",
      "dmarc=pass (header.from=mail.example.net)",
    ],
    [
      "dkim=pass signed by the From domain",
      "mx.example.org; dkim=pass header.d=mail.example.net; dmarc=fail header.from=mail.example.net",
      "dkim=pass (header.d=mail.example.net)",
    ],
    [
      "dkim=pass signed by a parent of the From domain",
      "mx.example.org; dkim=pass header.d=example.net",
      "dkim=pass (header.d=example.net)",
    ],
    ["dkim=pass with only header.i", "mx.example.org; dkim=pass header.i=@mail.example.net", "dkim=pass (header.i=mail.example.net)"],
    [
      "spf=pass for the From domain",
      "mx.example.org; spf=pass smtp.mailfrom=bounces@mail.example.net",
      "spf=pass (smtp.mailfrom=mail.example.net)",
    ],
  ])("verifies: %s", (_name, header, passed) => {
    expect(check([header])).toMatchObject({ verified: true, authservId: "mx.example.org", passed });
  });

  it.each([
    [
      "dkim=pass by another domain",
      "mx.example.org; dkim=pass header.d=attacker.example; spf=pass smtp.mailfrom=attacker.example; dmarc=fail header.from=mail.example.net",
    ],
    ["dkim=pass by a subdomain of the From domain", "mx.example.org; dkim=pass header.d=evil.mail.example.net"],
    ["dkim=pass by a bare top-level domain", "mx.example.org; dkim=pass header.d=net"],
    ["dmarc=pass for another From domain", "mx.example.org; dmarc=pass header.from=attacker.example"],
    [
      "softfail, neutral and none",
      "mx.example.org; spf=softfail smtp.mailfrom=mail.example.net; dkim=neutral header.d=mail.example.net; dmarc=none header.from=mail.example.net",
    ],
    ["spf=pass for the HELO name only", "mx.example.org; spf=pass smtp.helo=mail.example.net"],
  ])("does not verify: %s", (_name, header) => {
    expect(check([header])).toMatchObject({ verified: false, problem: "no-aligned-pass", authservId: "mx.example.org" });
  });

  it("ignores a pass claimed by any other authserv-id: anyone can write that header into their message", () => {
    const forged = passingAuthentication("mail.example.net", "mx.attacker.example").replace(/^Authentication-Results: /, "");
    expect(check([forged])).toMatchObject({ verified: false, problem: "no-trusted-header", ignoredHeaders: 1 });
    // Control: the same header from the trusted server verifies.
    expect(check([passingAuthentication("mail.example.net").replace(/^Authentication-Results: /, "")])).toMatchObject({ verified: true });
  });

  it("reads the topmost trusted header: a trusted-looking pass further down was written by the sender", () => {
    const ownVerdict =
      "mx.example.org; dkim=fail header.d=mail.example.net; spf=fail smtp.mailfrom=mail.example.net; dmarc=fail header.from=mail.example.net";
    const planted = "mx.example.org; dmarc=pass header.from=mail.example.net";
    expect(check([ownVerdict, planted])).toMatchObject({ verified: false, problem: "no-aligned-pass", ignoredHeaders: 1 });
    expect(check([planted, ownVerdict])).toMatchObject({ verified: true, ignoredHeaders: 1 });
  });

  it("verifies no sender when no trusted server is configured (the safe default)", () => {
    expect(check(["mx.example.org; dmarc=pass header.from=mail.example.net"], rosa, [])).toMatchObject({
      verified: false,
      problem: "not-configured",
    });
    expect(check(["mx.example.org; dmarc=pass header.from=mail.example.net"], rosa, [" ", ""])).toMatchObject({
      verified: false,
      problem: "not-configured",
    });
  });

  it("verifies only a single From address in a single From header", () => {
    const pass = ["mx.example.org; dmarc=pass header.from=mail.example.net"];
    expect(check(pass, { fromAddresses: ["rosa@mail.example.net", "victim@example.org"], fromHeaders: 1 })).toMatchObject({
      verified: false,
      problem: "from-count",
    });
    expect(check(pass, { fromAddresses: ["rosa@mail.example.net"], fromHeaders: 2 })).toMatchObject({
      verified: false,
      problem: "from-count",
    });
    expect(check(pass, { fromAddresses: [], fromHeaders: 0 })).toMatchObject({ verified: false, problem: "from-count" });
  });

  it("does not verify a real message with a second From header, whatever the trusted server said", async () => {
    const doubled = await parseInboundMessage(
      Buffer.from(englishReport().replace("From: ", "From: Victim <victim@example.com>\r\nFrom: ")),
    );
    expect(doubled.fromHeaders).toBe(2);
    expect(authenticateSender(doubled, trusted)).toMatchObject({ verified: false, problem: "from-count" });
    // Control: the message as sent, with one From header.
    expect(authenticateSender(await parseInboundMessage(Buffer.from(englishReport())), trusted)).toMatchObject({ verified: true });
  });

  it("accepts several trusted servers, in any case", () => {
    expect(check(["MX2.Example.org; dmarc=pass header.from=mail.example.net"], rosa, ["mx1.example.org", "mx2.example.org"])).toMatchObject(
      { verified: true, authservId: "mx2.example.org" },
    );
  });

  it("reads a bounded number of headers and results from a hostile message", () => {
    const hostileOf = (count: number) => [
      ...Array.from({ length: count }, () => "mx.attacker.example; dmarc=pass"),
      "mx.example.org; dmarc=pass header.from=mail.example.net",
    ];
    expect(check(hostileOf(5_000))).toMatchObject({ verified: false, problem: "no-trusted-header" });
    expectAtMostLinearGrowth((count) => check(hostileOf(count)), { sizes: [5_000, 50_000] });
  });

  it("aligns a domain with itself and its parents, never a child", () => {
    expect(aligned("example.net", "mail.example.net")).toBe(true);
    expect(aligned("mail.example.net", "mail.example.net")).toBe(true);
    expect(aligned("mail.example.net", "example.net")).toBe(false);
    expect(aligned("ample.net", "example.net")).toBe(false);
    expect(aligned("net", "example.net")).toBe(false);
  });
});
