/**
 * Ready-made starting points, so a small team writes a few lines: `preset: nl-ncsc` or
 * `preset: [nl-ncsc, common-non-qualifying]`. A preset only supplies defaults; every key the file sets wins, and a
 * list in the file replaces the preset's list. Later presets in the list win over earlier ones.
 */

export const presets = {
  /** Defaults in the spirit of the Dutch NCSC's coordinated vulnerability disclosure guideline. */
  "nl-ncsc": {
    language: "nl",
    policy: { name: "Coordinated Vulnerability Disclosure", safeHarbor: true },
    calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
    sla: {
      response: { businessDays: 5 },
      resolution: { days: 60 },
      updates: { everyDays: 14 },
      remind: { businessDaysBefore: 1 },
      needsInfo: { pauseClock: true, closeAfterDays: 30 },
    },
    conduct: ["social-engineering", "physical-attack", "ddos", "spam", "third-party-application", "excess-data-access"],
    credit: { default: "name" },
    publication: { consent: "mutual", reviewDays: 10 },
  },
  /** The findings most programmes do not reward, each with the exception that brings a report back in. */
  "common-non-qualifying": {
    exclusions: [
      "non-200-page",
      "version-disclosure",
      "public-nonsensitive-file",
      { id: "clickjacking", unless: ["sensitive-action"] },
      "cookie-flags",
      "options-method",
      "rate-limiting",
      "security-headers",
      "tls-configuration",
      "ssl-certificate",
      "email-authentication",
      "dns-configuration",
      "host-header-injection",
      "outdated-software",
      "metadata-exposure",
      "username-enumeration",
      "outdated-browser",
      "csrf-unauthenticated",
      "mitm-physical-access",
      "csv-injection",
      "content-spoofing",
      "rate-limit-csrf-403",
    ],
  },
} as const satisfies Record<string, Record<string, unknown>>;

export type PresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as PresetName[];

/** The file's values over the named presets' defaults; `preset` itself stays, for validation to check. */
export function applyPresets(raw: Record<string, unknown>): Record<string, unknown> {
  const named = raw.preset === undefined ? [] : Array.isArray(raw.preset) ? raw.preset : [raw.preset];
  const known = named.filter((name): name is PresetName => typeof name === "string" && name in presets);
  return known.reduceRight<Record<string, unknown>>(
    (merged, name) => mergeDefaults(merged, structuredClone(presets[name]) as Record<string, unknown>),
    raw,
  );
}

function mergeDefaults(values: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...defaults, ...values };
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = values[key];
    if (isObject(value) && isObject(fallback)) result[key] = mergeDefaults(value, fallback);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
