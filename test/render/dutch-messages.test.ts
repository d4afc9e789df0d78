import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { renderMessage } from "../../src/messages/render.js";
import { untrusted } from "../../src/messages/untrusted-text.js";
import { catalogEntry, catalogIds } from "../../src/policy/catalog.js";
import { dutchExclusionTitles } from "../../src/messages/phrases.js";
import { renderSecurityMd } from "../../src/messages/security-md.js";

function rejection(title: string) {
  return renderMessage("nl", "evaluation-rejected", {
    researcher: "Alex",
    policy: { name: "MijnPartnerGroep Security Policy", url: undefined },
    exclusion: {
      kind: "exclusion",
      title: untrusted(title),
      policyText: untrusted("Problems with SSL certificates."),
      comeBackIn: [],
      assets: [],
      outOfScope: [],
    },
    reason: undefined,
    contact: undefined,
    marker: "<!-- marker -->",
  });
}

describe("Dutch text for what the app writes", () => {
  it("has a Dutch title for every catalog finding", () => {
    expect(catalogIds().filter((id) => dutchExclusionTitles[id] === undefined)).toEqual([]);
  });

  it("names a catalog finding in Dutch in a Dutch rejection, and quotes the policy's sentence as written", () => {
    const message = rejection(catalogEntry("ssl-certificate")?.title ?? "");
    expect(message).toContain("buiten de reikwijdte (Problemen met SSL-certificaten):");
    expect(message).toContain("> Problems with SSL certificates.");
  });

  it("keeps a title the policy wrote itself (control)", () => {
    expect(rejection("Staging environments")).toContain("buiten de reikwijdte (Staging environments):");
  });

  it("writes the nl SECURITY.md's own sentences in Dutch: scope, codebases, exclusions from the catalog", () => {
    const { config } = parseConfigText(
      [
        "scope:",
        "  assets: [Mijnpartnergroep.nl, Mijn*partner.nl/be/de/eu]",
        "  outOfScope: [door klanten gehoste content]",
        "  codebases: [{ name: partner-sites, assets: [Mijn*partner.nl/be/de/eu] }]",
        "exclusions: [ssl-certificate, { id: clickjacking, unless: [sensitive-action] }]",
        "conduct: [excess-data-access, data-modification, automated-scanning]",
      ].join("\n"),
    );
    const markdown = renderSecurityMd(config, "nl");
    expect(markdown).toContain("Dit beleid geldt voor:\n\n- `Mijnpartnergroep.nl`\n- `Mijn*partner.nl/be/de/eu`\n");
    expect(markdown).toContain("Alles wat hier niet staat, valt buiten dit beleid, net als alle door klanten gehoste content.");
    expect(markdown).toContain("Een aantal van onze systemen draait op dezelfde codebase (`Mijn*partner.nl/be/de/eu`).");
    expect(markdown).toContain("- Problemen met SSL-certificaten.\n");
    expect(markdown).toContain("tenzij er een gevoelige actie mee kan worden uitgevoerd.\n");
    expect(markdown).toContain("of door gegevens van anderen te verwijderen of aan te passen.");
    expect(markdown).toContain("- Gebruik geen hackingtools, zoals kwetsbaarhedenscanners.");
    for (const english of ["This policy covers", "Any asset not listed", "similar codebase", "Problems with SSL", "Do not", "We will"]) {
      expect(markdown).not.toContain(english);
    }
  });
});
