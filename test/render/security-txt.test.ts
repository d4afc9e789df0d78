import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { renderSecurityTxt, SecurityTxtError } from "../../src/render/security-txt.js";

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
const rfcFieldOrder = [
  "Acknowledgments",
  "Canonical",
  "Contact",
  "Encryption",
  "Expires",
  "Hiring",
  "Policy",
  "Preferred-Languages",
];

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
        "Preferred-Languages: nl, en",
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
