import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { configSchema, type DisclosureConfig } from "../../src/config/schema.js";
import { compilePolicy, triage, triageWith } from "../../src/policy/triage.js";
import { wordSetRefusals } from "../../src/policy/word-sets.js";

async function example(name: string): Promise<DisclosureConfig> {
  const text = await readFile(new URL(`../../examples/${name}`, import.meta.url), "utf8");
  expect(text.startsWith("# yaml-language-server: $schema=../schema/disclosure.schema.json\n")).toBe(true);
  return configSchema.parse(parse(text));
}

function exclusionIds(config: DisclosureConfig): string[] {
  return config.exclusions.map((entry) => (typeof entry === "string" ? entry : entry.id));
}

describe("examples/openworx.yml (policy 000)", () => {
  it("holds the policy's promises", async () => {
    const config = await example("openworx.yml");
    expect(config.calendar).toEqual({ timezone: "Europe/Amsterdam", holidays: "NL", closed: [] });
    expect(config.sla.response.businessDays).toBe(5);
    expect(config.sla.resolution).toBeUndefined();
    expect(config.policy).toMatchObject({ contact: "mailto:info@openworx.nl", safeHarbor: true });
    expect(config.rewards.enabled).toBe(false);
    expect(config.credit.default).toBe("name");
    expect(exclusionIds(config).sort()).toEqual(
      [
        "non-200-page",
        "content-spoofing",
        "version-disclosure",
        "public-nonsensitive-file",
        "clickjacking",
        "cookie-flags",
        "options-method",
        "rate-limiting",
        "security-headers",
        "tls-configuration",
        "email-authentication",
        "host-header-injection",
        "outdated-software",
        "metadata-exposure",
        "demo-environment",
      ].sort(),
    );
    expect(config.exclusions.every((entry) => typeof entry !== "string" && entry.policyText !== undefined)).toBe(true);
  });

  it("excludes every clickjacking report and spoofing only on error pages", async () => {
    const config = await example("openworx.yml");
    const deletion = triage({ report: { title: "Clickjacking on account deletion", body: "Delete your account in one click." }, config });
    expect(deletion.exclusions.map((exclusion) => exclusion.id)).toEqual(["clickjacking"]);
    expect(deletion.exclusions[0]?.policyText).toBe("Clickjacking and issues that can only be exploited through clickjacking");
    const onLogin = triage({
      report: { title: "Content spoofing on the login page", body: "https://www.openworx.nl/login?msg=x" },
      config,
    });
    expect(onLogin.exclusions).toEqual([]);
    const on404 = triage({ report: { title: "Text injection on 404 page", body: "https://www.openworx.nl/x" }, config });
    expect(on404.exclusions.map((exclusion) => exclusion.id)).toEqual(["non-200-page", "content-spoofing"]);
  });

  it("leaves scope to a maintainer and flags forbidden methods", async () => {
    const config = await example("openworx.yml");
    const decision = triage({
      report: {
        title: "SQL injection in search",
        body: "https://www.openworx.nl/search?q=' - I then dumped the entire database and phoned your helpdesk pretending to be IT.",
      },
      config,
    });
    expect(decision.scope.status).toBe("unknown");
    expect(decision.conduct.map((flag) => flag.id)).toEqual(["social-engineering", "excess-data-access"]);
    expect(decision.reward).toBeUndefined();
  });
});

describe("examples/mijnpartnergroep.yml (policy 001)", () => {
  it("holds the policy's promises", async () => {
    const config = await example("mijnpartnergroep.yml");
    expect(config.sla.response.businessDays).toBe(3);
    expect(config.sla.resolution).toEqual({ days: 30 });
    expect(config.policy).toMatchObject({ contact: "mailto:security@mijnpartnergroep.nl", safeHarbor: false });
    expect(config.rewards).toEqual({ enabled: true, newOnly: true });
    expect(config.publication.consent).toBe("mutual");
    expect(config.scope.assets).toEqual(["Mijnpartnergroep.nl", "Mijn*partner.nl/be/de/eu"]);
    expect(config.scope.codebases).toEqual([{ name: "partner-sites", assets: ["Mijn*partner.nl/be/de/eu"] }]);
    expect(config.conduct).toContainEqual({ id: "excess-data-access", maxRecords: 1 });
  });

  it("triages reports the way the policy reads", async () => {
    const config = await example("mijnpartnergroep.yml");
    const sensitive = triage({
      report: {
        title: "Clickjacking on account deletion",
        body: "https://mijnbouwpartner.nl/account can be framed to delete the account.",
      },
      config,
    });
    expect(sensitive.exclusions).toEqual([]);
    expect(sensitive.scope).toMatchObject({ status: "in", rule: "Mijn*partner.nl/be/de/eu" });

    const plain = triage({
      report: { title: "Clickjacking on the news page", body: "https://mijnpartnergroep.nl/nieuws can be framed." },
      config,
    });
    expect(plain.labels).toEqual(expect.arrayContaining(["scope:in", "excluded:clickjacking"]));

    const elsewhere = triage({
      report: { title: "Stored XSS", body: "https://partnerportal.example-shop.nl/review stores <script>." },
      config,
    });
    expect(elsewhere.scope).toMatchObject({ status: "out", asset: "https://partnerportal.example-shop.nl/review" });

    const plugin = triage({
      report: {
        title: "XSS in third-party plug-in",
        body: "The reviews plug-in on https://mijnpartnergroep.nl/reviews, a third-party plug-in, is vulnerable.",
      },
      config,
    });
    expect(plugin.scope.status).toBe("out");

    const records = triage({
      report: { title: "IDOR on orders", body: "https://mijnzorgpartner.de/api/orders/5 - I downloaded 3 orders of other customers." },
      config,
    });
    expect(records.conduct.map((flag) => flag.id)).toEqual(["excess-data-access"]);
    expect(records.reward).toMatchObject({ eligible: true });
  });
});

describe("both example policies in one process", () => {
  it("read every rule's words in one pass over a report, as a server holding both repositories' configs does", async () => {
    for (const name of ["mijnpartnergroep.yml", "openworx.yml"]) {
      const policy = compilePolicy(await example(name));
      triageWith(policy, { title: "Reflected XSS in the search page", body: "The q parameter reflects <script>alert(1)</script>." });
    }
    expect(wordSetRefusals()).toBe(0);
  });
});
