import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { defaultConfig } from "../../src/config/schema.js";
import { catalogIds } from "../../src/policy/catalog.js";
import { dutchExclusionSentences } from "../../src/messages/phrases.js";
import { renderSecurityMd } from "../../src/messages/security-md.js";

/** Fixtures written after the two real policies: Openworx ("000") and MijnPartnerGroep ("001"). */
function fixture(name: "openworx" | "mijnpartnergroep") {
  const { config, errors } = parseConfigText(readFileSync(new URL(`fixtures/${name}.yml`, import.meta.url), "utf8"));
  expect(errors).toEqual([]);
  return config;
}

const openworx = fixture("openworx");
const mijnPartnerGroep = fixture("mijnpartnergroep");

describe("renderSecurityMd, Openworx in English", () => {
  const markdown = renderSecurityMd(openworx, "en", { repository: "openworx/website" });

  it("says how to report: the private reporting form and the contact address", () => {
    expect(markdown).toContain(
      "- Report it privately on GitHub: [Report a vulnerability](https://github.com/openworx/website/security/advisories/new).",
    );
    expect(markdown).toContain("- Or e-mail your findings to info@openworx.nl.");
  });

  it("states the rules of conduct", () => {
    expect(markdown).toContain(
      "- Do not use attacks on physical security, social engineering, distributed denial of service, spam or applications of third parties.",
    );
    expect(markdown).toContain("by downloading more data than necessary to demonstrate the vulnerability");
    expect(markdown).not.toContain("read out a maximum of");
  });

  it("lists every exclusion with its policy sentence, in the config's order", () => {
    const section = markdown.slice(markdown.indexOf("## Out of scope"), markdown.indexOf("## What we promise"));
    const items = section.split("\n").filter((line) => line.startsWith("- "));
    expect(items).toHaveLength(14);
    expect(items[0]).toBe("- HTTP 404 codes/pages or other HTTP non-200 codes/pages and content spoofing/text injection on these pages.");
    expect(items).toContain("- Clickjacking and issues that can only be exploited through clickjacking.");
    expect(items[13]).toBe("- Demo environments.");
  });

  it("promises the response deadline, safe harbour, confidentiality, updates and credit", () => {
    expect(markdown).toContain(
      "- We will respond to your report within 5 business days with our evaluation of the report and an expected resolution date.\n",
    );
    expect(markdown).toContain(
      "- If you have followed the instructions above, we will not take any legal action against you in regard to the report.",
    );
    expect(markdown).toContain("not pass on your personal details to third parties without your permission");
    expect(markdown).toContain("- We will keep you informed of the progress towards resolving the problem, at least every 14 days.");
    expect(markdown).toContain("we will give your name as the discoverer of the problem (unless you desire otherwise)");
    expect(markdown).toContain(
      "Business days are Monday to Friday in the Europe/Amsterdam time zone, except public holidays (Netherlands).",
    );
    expect(markdown).not.toContain("not possible to exclude legal action");
  });

  it("has no scope or rewards section the policy does not have", () => {
    expect(markdown).not.toContain("## Scope");
    expect(markdown).not.toContain("## Rewards");
  });

  it("states the publication terms", () => {
    expect(markdown).toContain("A publication may only be placed with mutual consent.");
    expect(markdown).toContain("we would like to review your publication at least 10 days before it appears");
  });
});

describe("renderSecurityMd, MijnPartnerGroep in English", () => {
  const markdown = renderSecurityMd(mijnPartnerGroep, "en");

  it("points at the Security tab when no repository is named", () => {
    expect(markdown).toContain("choose **Report a vulnerability** on this repository's **Security** tab");
    expect(markdown).toContain("- Or e-mail your findings to security@mijnpartnergroep.nl.");
  });

  it("limits data access to one record and forbids scanners", () => {
    expect(markdown).toContain("use your own accounts if possible and read out a maximum of 1 record.");
    expect(markdown).toContain(
      "- Do not use attacks on physical security, social engineering or hacking tools, such as vulnerability scanners.",
    );
  });

  it("states the scope, the out-of-scope assets and the shared codebase", () => {
    expect(markdown).toContain("This policy covers:\n\n- `mijnpartnergroep.nl`\n- `mijn*partner.{nl,be,de,eu}`\n");
    expect(markdown).toContain(
      "Any asset not listed in the scope is out of scope for the purposes of this policy, as is all content hosted by and for customers and third-party programs and plug-ins.",
    );
    expect(markdown).toContain("such findings are considered and treated as one problem");
  });

  it("quotes the policy's own sentences where the config gives them", () => {
    expect(markdown).toContain("- Clickjacking on pages without sensitive actions.\n");
    expect(markdown).toContain("- Previously known vulnerable libraries without a working proof of concept.\n");
    expect(markdown).toContain("- Comma Separated Values (CSV) injection without demonstrating a vulnerability.\n");
  });

  it("promises three business days, 30 days without a date, and no safe harbour", () => {
    expect(markdown).toContain(
      "within 3 business days with our evaluation of the report and an expected resolution date. If no date for resolution is given, the problem will be addressed and resolved within 30 days of the report.",
    );
    expect(markdown).toContain(
      "Unfortunately, it is not possible to exclude legal action in advance. We want to be able to weigh each situation separately.",
    );
    expect(markdown).not.toContain("we will not take any legal action");
    expect(markdown).toContain("- In notifications about the reported problem, we will, if you wish, include your name as the discoverer.");
  });

  it("offers a reward for problems not yet known", () => {
    expect(markdown).toContain(
      "we offer a reward for every report of a security problem not yet known to us. The size of the reward is determined by the severity of the problem and the quality of the report.",
    );
  });
});

describe("renderSecurityMd in Dutch", () => {
  it("renders MijnPartnerGroep's promises and rules in Dutch", () => {
    const markdown = renderSecurityMd(mijnPartnerGroep, "nl");
    expect(markdown).toMatch(/^# Beveiligingsbeleid\n/);
    expect(markdown).toContain("- Of e-mail uw bevindingen naar security@mijnpartnergroep.nl.");
    expect(markdown).toContain("lees maximaal 1 record uit.");
    expect(markdown).toContain(
      "- Gebruik geen aanvallen op fysieke beveiliging, social engineering of hackingtools, zoals kwetsbaarhedenscanners.",
    );
    expect(markdown).toContain(
      "- Wij reageren binnen 3 werkdagen op uw melding met onze beoordeling ervan en een verwachte datum waarop het probleem is opgelost. Als wij geen datum noemen, pakken wij het probleem aan en lossen wij het op binnen 30 dagen na uw melding.",
    );
    expect(markdown).toContain("Helaas is het niet mogelijk om juridische stappen vooraf uit te sluiten.");
    expect(markdown).toContain("- Problemen met SSL-certificaten.\n");
    expect(markdown).toContain("Een publicatie mag alleen met wederzijdse instemming geplaatst worden.");
    expect(markdown).toContain("## Beloning");
    expect(markdown).toContain("behalve op feestdagen (Nederland)");
  });

  it("renders Openworx's safe harbour and credit in Dutch", () => {
    const markdown = renderSecurityMd(openworx, "nl", { repository: "openworx/website" });
    expect(markdown).toContain("[Report a vulnerability](https://github.com/openworx/website/security/advisories/new)");
    expect(markdown).toContain("- Wij reageren binnen 5 werkdagen op uw melding");
    expect(markdown).toContain("ondernemen wij geen juridische stappen tegen u met betrekking tot de melding.");
    expect(markdown).toContain("vermelden wij uw naam als ontdekker van het probleem (tenzij u dat anders wenst).");
    expect(markdown).toContain(
      "- Gebruik geen aanvallen op fysieke beveiliging, social engineering, distributed denial of service (DDoS), spam of applicaties van derden.",
    );
    expect(markdown).toContain("- Clickjacking en problemen die alleen via clickjacking te misbruiken zijn.\n");
    expect(markdown).not.toContain("## Reikwijdte");
  });

  it("has a Dutch sentence for every catalog finding", () => {
    expect(catalogIds().filter((id) => dutchExclusionSentences[id] === undefined)).toEqual([]);
  });
});

describe("renderSecurityMd details", () => {
  it("adds an unless exception to the catalog sentence, and lists custom rules by title", () => {
    const { config } = parseConfigText(
      [
        "exclusions:",
        "  - { id: clickjacking, unless: [sensitive-action] }",
        "  - { id: staging-hosts, title: Staging environments, match: ['staging\\.'] }",
        "  - { id: test-accounts, match: ['test account'] }",
      ].join("\n"),
    );
    const english = renderSecurityMd(config, "en");
    expect(english).toContain(
      "- Clickjacking and issues that can only be exploited through clickjacking, unless a sensitive action is exposed.\n",
    );
    expect(english).toContain("- Staging environments.\n- Test accounts.\n");
    expect(renderSecurityMd(config, "nl")).toContain(
      "- Clickjacking en problemen die alleen via clickjacking te misbruiken zijn, tenzij er een gevoelige actie mee kan worden uitgevoerd.\n",
    );
  });

  it("lists reward bands, closure days and the credit by handle", () => {
    const { config } = parseConfigText(
      [
        "calendar: { timezone: Europe/Brussels, holidays: BE, closed: [2025-12-24/2026-01-02, { from: 2026-07-20, to: 2026-07-20, reason: summer party }] }",
        "rewards: { enabled: true, newOnly: false, bands: { critical: EUR 1000, high: EUR 500, medium: EUR 150, low: a T-shirt } }",
        "credit: { default: handle }",
        "publication: { consent: researcher-informed, reviewDays: 5 }",
      ].join("\n"),
    );
    const markdown = renderSecurityMd(config, "en");
    expect(markdown).toContain(
      "| Severity | Reward |\n| --- | --- |\n| Critical | EUR 1000 |\n| High | EUR 500 |\n| Medium | EUR 150 |\n| Low | a T-shirt |\n",
    );
    expect(markdown).toContain("we offer a reward for every report of a security problem. The size");
    expect(markdown).toContain(
      "in the Europe/Brussels time zone, except public holidays (Belgium), and except the days we are closed: 24 December 2025 to 2 January 2026 and 20 July 2026 (summer party).",
    );
    expect(markdown).toContain("we will credit your GitHub username as the discoverer");
    expect(markdown).toContain("please send us your publication at least 5 days before it appears");
  });

  it("renders the defaults without a missing value", () => {
    const markdown = renderSecurityMd(defaultConfig(), "en");
    expect(markdown).toContain("This is our Responsible Disclosure.");
    expect(markdown).not.toContain("e-mail your findings");
    expect(markdown).not.toContain("## Out of scope");
    expect(markdown).toContain("within 5 business days");
    // The default consent is mutual: the document ends on the publication terms that key backs, not on a closing
    // sentence one of the seed policies wrote.
    expect(markdown.endsWith("A publication may only be placed with mutual consent.\n")).toBe(true);
    expect(markdown).not.toContain("We strive to resolve all problems");
    expect(markdown).not.toContain("We consider the security of our systems a top priority");
  });

  it("writes a promise only when a key backs it", () => {
    const { config } = parseConfigText("publication: { consent: researcher-informed, reviewDays: 7 }");
    const markdown = renderSecurityMd(config, "en");
    expect(markdown).not.toContain("We will keep you informed");
    expect(markdown).not.toContain("without our permission");
    expect(markdown).not.toContain("mutual consent");
    expect(markdown).toContain("please send us your publication at least 7 days before it appears");
    const withUpdates = renderSecurityMd(parseConfigText("sla: { updates: { everyDays: 14 } }").config, "en");
    expect(withUpdates).toContain("- We will keep you informed of the progress towards resolving the problem, at least every 14 days.\n");
  });

  it("quotes a section the policy words itself instead of writing it, and the rest from the keys", () => {
    const { config } = parseConfigText(
      [
        "sla: { updates: { everyDays: 14 } }",
        "publication: { consent: mutual, reviewDays: 10 }",
        "statements:",
        "  intro: ['We care about security.']",
        "  promises: ['We answer within a week,', 'We keep you informed, and']",
        "  publication: ['Publish when we agree.']",
      ].join("\n"),
    );
    const markdown = renderSecurityMd(config, "en");
    expect(markdown).toContain("This is our Responsible Disclosure.\n\nWe care about security.\n");
    expect(markdown).toContain("## What we promise\n\n- We answer within a week.\n- We keep you informed.\n\nBusiness days");
    expect(markdown).not.toContain("at least every 14 days");
    expect(markdown).toContain("## Publication\n\nPublish when we agree.\n");
    expect(markdown).not.toContain("at least 10 days before it appears");
    // Sections the policy does not word itself are still written from their keys.
    expect(markdown).toContain("- Do not reveal the problem to others until it has been resolved.");
  });

  it("writes one bullet for rules that quote the same policy sentence", () => {
    const { config } = parseConfigText(
      [
        "exclusions:",
        "  - { id: server-configuration, policyText: 'Server configuration issues.' }",
        "  - { id: tls-configuration, policyText: 'Server configuration issues.' }",
        "  - dns-configuration",
      ].join("\n"),
    );
    const markdown = renderSecurityMd(config, "en");
    expect(markdown.split("\n").filter((line) => line === "- Server configuration issues.")).toHaveLength(1);
    expect(markdown).toContain("- DNS configuration problems.\n");
  });

  it("states the data rules the conduct list holds, and only those", () => {
    const both = renderSecurityMd(parseConfigText("conduct: [excess-data-access, data-modification]").config, "en");
    expect(both).toContain(
      "for example by downloading more data than necessary to demonstrate the vulnerability or deleting or modifying other people's data.",
    );
    const modificationOnly = renderSecurityMd(parseConfigText("conduct: [data-modification]").config, "en");
    expect(modificationOnly).toContain("for example by deleting or modifying other people's data.");
    expect(modificationOnly).not.toContain("downloading more data");
    const none = renderSecurityMd(parseConfigText("conduct: [spam]").config, "en");
    expect(none).not.toContain("Do not take advantage");
  });

  it("shows scope assets the way the policy writes them", () => {
    const { config } = parseConfigText("scope: { assets: [Mijnpartnergroep.nl, Mijn*partner.nl/be/de/eu] }");
    expect(renderSecurityMd(config, "en")).toContain("This policy covers:\n\n- `Mijnpartnergroep.nl`\n- `Mijn*partner.nl/be/de/eu`\n");
  });
});
