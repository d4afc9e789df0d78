import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "../../src/config/load.js";
import { computeDeadlines } from "../../src/sla/index.js";
import { triage } from "../../src/policy/triage.js";

const fiveLines = `
preset: [nl-ncsc, common-non-qualifying]
policy:
  name: Beleid van Voorbeeld BV
  contact: mailto:security@voorbeeld.nl
tracking: { repository: voorbeeld/meldingen }
`;

describe("presets", () => {
  it("give a five-line config a whole programme", () => {
    const { config, errors } = parseConfigText(fiveLines);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      language: "nl",
      policy: { name: "Beleid van Voorbeeld BV", contact: "mailto:security@voorbeeld.nl", safeHarbor: true },
      calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
      sla: { response: { businessDays: 5 }, resolution: { days: 60 }, updates: { everyDays: 14 } },
      publication: { consent: "mutual" },
    });
    expect(config.exclusions).toHaveLength(22);
    // Received on Friday 24 April 2026: Monday 27 April is King's Day, so five business days end on Monday 4 May.
    const { responseDue } = computeDeadlines({ receivedAt: new Date("2026-04-24T10:00:00Z") }, config.sla, config.calendar);
    expect(responseDue.toISOString()).toBe("2026-05-04T21:59:59.999Z");
    const decision = triage({
      report: {
        title: "Missing HSTS header on the login page",
        body: "https://voorbeeld.nl/login has no Strict-Transport-Security header.",
      },
      config,
    });
    expect(decision.labels).toContain("excluded:security-headers");
  });

  it("lets the file's own keys win, and a list in the file replaces the preset's", () => {
    const { config } = parseConfigText(`preset: nl-ncsc\nlanguage: en\nsla:\n  response: { businessDays: 3 }\nconduct: [spam]\n`);
    expect(config.language).toBe("en");
    expect(config.sla.response.businessDays).toBe(3);
    expect(config.sla.resolution?.days).toBe(60);
    expect(config.conduct).toEqual(["spam"]);
  });

  it("names an unknown preset as an error at its line", () => {
    const { errors } = parseConfigText("language: en\npreset: nl-nsc\n", "disclosure.yml");
    expect(errors).toEqual([expect.objectContaining({ path: "preset", line: 2 })]);
    expect(errors[0]?.message).toContain("nl-ncsc");
  });
});
