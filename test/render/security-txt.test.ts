import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { readFileSync } from "node:fs";
import { renderSecurityTxt, SecurityTxtError } from "../../src/messages/security-txt.js";
import { rfc9116Problems } from "./rfc9116.js";

const { config } = parseConfigText(
  [
    "language: nl",
    "policy:",
    "  name: MijnPartnerGroep Security Policy",
    "  url: https://www.mijnpartnergroep.nl/security-policy",
    "  contact: mailto:security@mijnpartnergroep.nl",
  ].join("\n"),
);
const now = new Date("2026-03-02T09:30:15.250Z");

/** RFC 9116 §2.5, in the order the RFC defines the fields. */
const rfcFieldOrder = ["Acknowledgments", "Canonical", "Contact", "Encryption", "Expires", "Hiring", "Policy", "Preferred-Languages"];

function fieldNames(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.slice(0, line.indexOf(":")));
}

describe("renderSecurityTxt", () => {
  it("writes the required and known fields, a year ahead by default", () => {
    const { text, warnings } = renderSecurityTxt(config, {
      now,
      canonical: "https://www.mijnpartnergroep.nl/.well-known/security.txt",
      repository: "mijnpartnergroep/website",
    });
    expect(text).toBe(
      [
        "Canonical: https://www.mijnpartnergroep.nl/.well-known/security.txt",
        "Contact: mailto:security@mijnpartnergroep.nl",
        "Contact: https://github.com/mijnpartnergroep/website/security/advisories/new",
        "Expires: 2027-03-02T09:30:15Z",
        "Policy: https://www.mijnpartnergroep.nl/security-policy",
        "Preferred-Languages: nl",
        "",
      ].join("\n"),
    );
    expect(warnings).toEqual([]);
  });

  it("keeps the RFC's field order, only known fields, and LF line ends", () => {
    const { text } = renderSecurityTxt(config, {
      now,
      canonical: ["https://example.org/.well-known/security.txt", "https://www.example.org/.well-known/security.txt"],
      encryption: "https://example.org/pgp-key.txt",
      acknowledgments: "https://example.org/hall-of-fame",
    });
    const names = fieldNames(text);
    expect(names).toEqual([
      "Acknowledgments",
      "Canonical",
      "Canonical",
      "Contact",
      "Encryption",
      "Expires",
      "Policy",
      "Preferred-Languages",
    ]);
    const positions = names.map((name) => rfcFieldOrder.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes Expires as an RFC 3339 instant in UTC", () => {
    const { text } = renderSecurityTxt(config, { now, expiresInDays: 90 });
    const expires = /^Expires: (.+)$/m.exec(text)?.[1];
    expect(expires).toBe("2026-05-31T09:30:15Z");
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("warns when the file expires within 30 days, or more than a year ahead", () => {
    expect(renderSecurityTxt(config, { now, expiresInDays: 30 }).warnings).toEqual([
      "Expires 2026-04-01T09:30:15Z is within 30 days; publish a renewed file before then",
    ]);
    expect(renderSecurityTxt(config, { now, expiresInDays: 31 }).warnings).toEqual([]);
    expect(renderSecurityTxt(config, { now, expiresInDays: 400 }).warnings).toEqual([
      "Expires is 400 days away; RFC 9116 recommends less than a year",
    ]);
  });

  it("warns about a web URI that is not https", () => {
    const { warnings } = renderSecurityTxt(config, { now, acknowledgments: "http://example.org/thanks" });
    expect(warnings).toEqual(["Acknowledgments http://example.org/thanks must use https:// (RFC 9116 §2.5)"]);
  });

  it("prefers English alone for an English policy", () => {
    const english = parseConfigText("policy: { contact: 'mailto:info@openworx.nl' }").config;
    expect(renderSecurityTxt(english, { now }).text).toContain("\nPreferred-Languages: en\n");
    expect(renderSecurityTxt(english, { now }).text).not.toContain("Policy:");
  });

  it("refuses to write a file without a Contact, or a value that would add a field", () => {
    const { config: noContact } = parseConfigText("policy: { name: Security }");
    expect(() => renderSecurityTxt(noContact, { now })).toThrow(SecurityTxtError);
    expect(() => renderSecurityTxt(noContact, { now })).toThrow("set policy.contact");
    expect(() => renderSecurityTxt(config, { now, encryption: "https://example.org/key\nHiring: https://x" })).toThrow(
      "Encryption must be a single line",
    );
  });
});

describe("security.txt from the policy's own keys", () => {
  function example(name: "openworx" | "mijnpartnergroep") {
    const { config, errors } = parseConfigText(readFileSync(new URL(`../../examples/${name}.yml`, import.meta.url), "utf8"));
    expect(errors).toEqual([]);
    return config;
  }

  it("prefers the policy's language alone: nl for a Dutch policy, and the languages the policy names", () => {
    expect(renderSecurityTxt(config, { now }).text).toContain("\nPreferred-Languages: nl\n");
    const both = parseConfigText("language: nl\npolicy: { contact: 'mailto:a@example.nl', languages: [nl, en] }").config;
    expect(renderSecurityTxt(both, { now }).text).toContain("\nPreferred-Languages: nl, en\n");
  });

  it("writes Policy and Canonical when their URLs are set, and Acknowledgments when a hall of fame is published", () => {
    const { config: published } = parseConfigText(
      [
        "policy: { contact: 'mailto:security@mijnpartnergroep.nl', url: 'https://www.mijnpartnergroep.nl/security-policy' }",
        "documents: { securityTxt: { canonical: ['https://www.mijnpartnergroep.nl/.well-known/security.txt'] } }",
        "publication: { acknowledgements: { repository: mijnpartnergroep/security } }",
      ].join("\n"),
    );
    const { text } = renderSecurityTxt(published, { now });
    expect(text).toBe(
      [
        "Acknowledgments: https://github.com/mijnpartnergroep/security/blob/HEAD/ACKNOWLEDGEMENTS.md",
        "Canonical: https://www.mijnpartnergroep.nl/.well-known/security.txt",
        "Contact: mailto:security@mijnpartnergroep.nl",
        "Expires: 2027-03-02T09:30:15Z",
        "Policy: https://www.mijnpartnergroep.nl/security-policy",
        "Preferred-Languages: en",
        "",
      ].join("\n"),
    );
    expect(rfc9116Problems(text, now)).toEqual([]);
  });

  it("leaves out Canonical and Acknowledgments when nothing sets them (control)", () => {
    const { text } = renderSecurityTxt(example("openworx"), { now });
    expect(text).not.toContain("Canonical:");
    expect(text).not.toContain("Acknowledgments:");
    expect(text).not.toContain("Policy:");
  });

  it.each(["openworx", "mijnpartnergroep"] as const)("passes an independent RFC 9116 check for %s", (name) => {
    const { text } = renderSecurityTxt(example(name), { now, repository: `${name}/website` });
    expect(rfc9116Problems(text, now)).toEqual([]);
  });

  it("has a checker that fails what RFC 9116 forbids (control)", () => {
    const valid = "Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\n";
    expect(rfc9116Problems(valid, now)).toEqual([]);
    expect(rfc9116Problems("Contact: mailto:a@example.org\n", now)).toEqual(["Expires must appear exactly once (§2.5.5)"]);
    expect(rfc9116Problems(`${valid}Expires: 2027-02-01T00:00:00Z\n`, now)).toContain("Expires must appear exactly once (§2.5.5)");
    expect(rfc9116Problems("Expires: 2027-01-01T00:00:00Z\n", now)).toEqual(["Contact is required (§2.5.3)"]);
    expect(rfc9116Problems("Contact: mailto:a@example.org\nExpires: 2025-01-01T00:00:00Z\n", now)).toEqual([
      "Expires is in the past (§2.5.5)",
    ]);
    expect(rfc9116Problems("Contact: mailto:a@example.org\nExpires: 1 January 2027\n", now)).toEqual([
      "Expires is not an RFC 3339 date-time: 1 January 2027",
    ]);
    expect(rfc9116Problems(`${valid}Policy: http://example.org/policy\n`, now)).toEqual([
      "Policy is a web URI that does not begin with https:// (§2.3)",
    ]);
    expect(rfc9116Problems(`${valid}Preferred-Languages: nl, en\nPreferred-Languages: en\n`, now)).toEqual([
      "Preferred-Languages must not appear more than once (§2.5.8)",
    ]);
    expect(rfc9116Problems(`${valid}Preferred-Languages: Dutch\n`, now)).toEqual([
      "Preferred-Languages is not a list of language tags: Dutch",
    ]);
    expect(rfc9116Problems(`${valid}Contact:mailto:b@example.org\n`, now)).toEqual([
      'line 3 is neither a field ("Name: value") nor a comment',
    ]);
    expect(rfc9116Problems(valid.trimEnd(), now)).toEqual(["the last line has no line end"]);
    expect(rfc9116Problems(`# a comment\n\n${valid}X-Extension: anything at all\n`, now)).toEqual([]);
  });
});
