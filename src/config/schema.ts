import { z } from "zod";
import { presetNames } from "./presets.js";

/**
 * The `.github/disclosure.yml` contract. Key names are public: documentation, examples and
 * users' files rely on them. Add keys; never rename one without a migration.
 *
 * Objects are strict so that a typo ("respone") is an error rather than a silently ignored key.
 * Semantic checks that need more than one key (a pattern that can hang, an unknown catalog id)
 * live in `validate.ts`, so this schema stays exportable as JSON Schema.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

const closureDay = z.union([
  isoDate,
  z.string().regex(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/, "expected a date range as YYYY-MM-DD/YYYY-MM-DD"),
  z.strictObject({ from: isoDate, to: isoDate, reason: z.string().optional() }),
]);

export const languageSchema = z.enum(["en", "nl"]);

const policySchema = z.strictObject({
  name: z.string().min(1).default("Responsible Disclosure"),
  url: z.url().optional(),
  contact: z.string().min(1).optional().describe("mailto: address or URL where researchers report"),
  safeHarbor: z.boolean().default(false).describe('the "no legal action" promise'),
  languages: z
    .array(z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "expected a language tag such as nl or en"))
    .min(1)
    .optional()
    .describe("languages reports may be written in, for security.txt's Preferred-Languages; defaults to `language`"),
});

const statement = z.array(z.string().min(1));

/**
 * The policy's own sentences, quoted where SECURITY.md says what the policy says in its own way. A section given
 * here replaces the sentences Disclosure Desk would otherwise write for it from the other keys.
 */
const statementsSchema = z.strictObject({
  intro: statement.optional().describe("the policy's opening paragraphs"),
  testing: statement.optional().describe("what the policy invites or discourages: test environments, scanning and what it may cost"),
  reporting: statement.optional().describe("how to report, as the policy asks it; replaces the generated contact line"),
  conduct: statement.optional().describe("what the policy asks of researchers; replaces the generated rules of conduct"),
  scope: statement
    .optional()
    .describe("the policy's sentences after its list of assets; replace the generated out-of-scope and codebase sentences"),
  exclusions: statement.optional().describe("the sentence that introduces the list of exclusions"),
  promises: statement.optional().describe("the policy's promises; replace the generated ones"),
  legal: statement.optional().describe("the policy's legal stance; replaces the generated one"),
  rewards: statement.optional().describe("the policy's reward terms; replace the generated ones"),
  publication: statement.optional().describe("the policy's publication terms; replace the generated ones"),
  closing: statement.optional().describe("the policy's closing paragraphs"),
});

const trackingSchema = z.strictObject({
  repository: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name")
    .optional()
    .describe("private repository for tracking issues; leave out for advisory-only mode"),
  team: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected org/team-slug")
    .optional()
    .describe("mentioned on reminders and breaches"),
});

const calendarSchema = z.strictObject({
  timezone: z.string().min(1).default("UTC").describe("IANA time zone of the business calendar"),
  holidays: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Za-z0-9]+)?$/, "expected a country code such as NL, or country-region such as DE-BY")
    .optional()
    .describe("country (and region) whose public holidays are not business days"),
  closed: z.array(closureDay).default([]).describe("extra closure days: dates or date ranges"),
});

/**
 * Every number of days in a policy is at most ten years: deadlines are counted day by day through the calendar, and
 * a larger number would take seconds to count or leave the dates JavaScript can hold.
 */
export const MAX_CONFIG_DAYS = 3650;
const days = z.number().int().positive().max(MAX_CONFIG_DAYS);
const daysBefore = z.number().int().nonnegative().max(MAX_CONFIG_DAYS);
const nonNegativeInt = z.number().int().nonnegative();

const slaSchema = z.strictObject({
  response: z.strictObject({ businessDays: days }).default({ businessDays: 5 }),
  resolution: z.strictObject({ days }).optional(),
  updates: z.strictObject({ everyDays: days }).optional(),
  remind: z.strictObject({ businessDaysBefore: daysBefore }).default({ businessDaysBefore: 1 }),
  needsInfo: z
    .strictObject({
      pauseClock: z.boolean().default(true),
      closeAfterDays: days.optional(),
    })
    .default({ pauseClock: true }),
});

const scopeSchema = z.strictObject({
  assets: z.array(z.string().min(1)).default([]).describe("hostnames with * and {a,b}, URLs, IPs or CIDR ranges, owner/repo names"),
  outOfScope: z.array(z.string().min(1)).default([]),
  codebases: z.array(z.strictObject({ name: z.string().min(1), assets: z.array(z.string().min(1)).min(1) })).default([]),
});

export const exclusionEntrySchema = z.union([
  z.string().min(1).describe("a catalog id"),
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case id with dashes"),
    title: z.string().min(1).optional(),
    policyText: z.string().min(1).optional().describe("the sentence of the policy this rule comes from"),
    match: z.array(z.string().min(1)).optional().describe("patterns (RE2 syntax, case-insensitive)"),
    unless: z.array(z.string().min(1)).optional().describe("exception ids that bring a report back in"),
  }),
]);

export const conductEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    match: z.array(z.string().min(1)).optional(),
    maxRecords: nonNegativeInt.optional().describe('for excess-data-access: "read out a maximum of 1 record"'),
  }),
]);

const rewardsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  newOnly: z.boolean().default(true),
  bands: z.partialRecord(z.enum(["critical", "high", "medium", "low"]), z.string()).optional(),
});

const creditSchema = z.strictObject({
  default: z.enum(["name", "handle", "anonymous"]).default("name"),
  askAfterDays: days.optional(),
});

const repositoryPath = z
  .string()
  .regex(/^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/, "expected a path inside the repository, such as SECURITY.md");

const publicationSchema = z.strictObject({
  consent: z.enum(["mutual", "researcher-informed", "maintainer-only"]).default("mutual"),
  reviewDays: days.default(10),
  acknowledgements: z
    .strictObject({
      repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name"),
      path: repositoryPath.default("ACKNOWLEDGEMENTS.md"),
      language: languageSchema.optional().describe("the page's language; defaults to `language`"),
    })
    .optional()
    .describe("keep a hall of fame page up to date through a pull request"),
});

const documentsSchema = z.strictObject({
  securityMd: z
    .strictObject({
      enabled: z.boolean().default(false).describe("propose SECURITY.md again through a pull request when this file changes"),
      path: repositoryPath.default("SECURITY.md"),
      language: languageSchema.optional().describe("SECURITY.md's language; defaults to `language`"),
    })
    .default({ enabled: false, path: "SECURITY.md" }),
  securityTxt: z
    .strictObject({
      canonical: z
        .array(z.url({ protocol: /^https$/ }))
        .default([])
        .describe("the https:// addresses where security.txt is published (its Canonical fields)"),
    })
    .default({ canonical: [] }),
});

const cveSchema = z.strictObject({
  remindAfterDays: days
    .default(7)
    .describe("days after a CVE request without an id before the dashboard flags it and the team is reminded once"),
});

const intakeSchema = z.strictObject({
  requireReproduction: z
    .boolean()
    .default(false)
    .describe("a report without steps, a request or command, or proof-of-concept code waits in needs-info, its clock paused"),
  requireAiDisclosure: z
    .boolean()
    .default(false)
    .describe("a report that does not say whether AI tools were used waits in needs-info, its clock paused"),
  policyText: z
    .string()
    .min(1)
    .optional()
    .describe("the policy's own words on what a report must contain, quoted when a report waits for them"),
});

const commandsSchema = z.strictObject({
  permission: z.enum(["triage", "write", "maintain", "admin"]).default("write"),
});

const reportersSchema = z.strictObject({
  blocked: z
    .array(z.string().min(1).max(254))
    .max(10_000)
    .default([])
    .describe(
      "GitHub logins or e-mail addresses (case-insensitive) whose reports are closed at intake; kept by /disclosure block and unblock",
    ),
  blockedMessage: z
    .string()
    .min(1)
    .max(2_000)
    .optional()
    .describe("the policy's words to a blocked reporter, quoted in the message that closes their report"),
});

const containmentSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("contain vulnerability reports opened in public issues or comments"),
  threshold: z.number().min(0).max(1).default(0.6).describe("classifier confidence from which a public issue is contained"),
  includeMaintainers: z.boolean().default(false).describe("also contain what the repository's owners, members and collaborators write"),
  draftAdvisory: z.boolean().default(true).describe("also open a draft security advisory crediting the reporter"),
});

export const configSchema = z.strictObject({
  _extends: z.string().optional().describe("another repository's config to extend, as in other Probot apps"),
  preset: z
    .union([z.enum(presetNames), z.array(z.enum(presetNames))], {
      error: `expected a preset name or a list of them: ${presetNames.join(", ")}`,
    })
    .optional()
    .describe("ready-made defaults: nl-ncsc, common-non-qualifying; the file's own keys win"),
  language: languageSchema.default("en"),
  policy: policySchema.default({ name: "Responsible Disclosure", safeHarbor: false }),
  tracking: trackingSchema.default({}),
  calendar: calendarSchema.default({ timezone: "UTC", closed: [] }),
  sla: slaSchema.default({
    response: { businessDays: 5 },
    remind: { businessDaysBefore: 1 },
    needsInfo: { pauseClock: true },
  }),
  scope: scopeSchema.default({ assets: [], outOfScope: [], codebases: [] }),
  exclusions: z.array(exclusionEntrySchema).default([]),
  conduct: z.array(conductEntrySchema).default([]),
  rewards: rewardsSchema.default({ enabled: false, newOnly: true }),
  credit: creditSchema.default({ default: "name" }),
  publication: publicationSchema.default({ consent: "mutual", reviewDays: 10 }),
  commands: commandsSchema.default({ permission: "write" }),
  intake: intakeSchema.default({ requireReproduction: false, requireAiDisclosure: false }),
  cve: cveSchema.default({ remindAfterDays: 7 }),
  reporters: reportersSchema.default({ blocked: [] }),
  containment: containmentSchema.default({ enabled: true, threshold: 0.6, includeMaintainers: false, draftAdvisory: true }),
  documents: documentsSchema.default({ securityMd: { enabled: false, path: "SECURITY.md" }, securityTxt: { canonical: [] } }),
  statements: statementsSchema.default({}).describe("the policy's own wording, quoted in SECURITY.md"),
});

/** A parsed, defaulted configuration. */
export type DisclosureConfig = z.output<typeof configSchema>;
/** What a user may write. */
export type DisclosureConfigInput = z.input<typeof configSchema>;
export type Language = z.output<typeof languageSchema>;
export type CalendarConfig = DisclosureConfig["calendar"];
export type SlaConfig = DisclosureConfig["sla"];
export type ScopeConfig = DisclosureConfig["scope"];
export type ExclusionEntry = z.output<typeof exclusionEntrySchema>;
export type ConductEntry = z.output<typeof conductEntrySchema>;
export type ClosureDay = CalendarConfig["closed"][number];
export type StatementsConfig = DisclosureConfig["statements"];
export type IntakeConfig = DisclosureConfig["intake"];
export type ReportersConfig = DisclosureConfig["reporters"];

/** The configuration used when a repository has none, or when its file is invalid. */
export function defaultConfig(): DisclosureConfig {
  return configSchema.parse({});
}
