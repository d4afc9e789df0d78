import type { DisclosureConfig, ExclusionEntry, Language } from "../config/schema.js";
import { renderMessage } from "./render.js";
import { catalogEntry, exceptionIds, type ExceptionId } from "../policy/catalog.js";
import { isConductId } from "../policy/conduct.js";
import { formatDate } from "../sla/format.js";
import { promisedUpdateEveryDays } from "../config/researcher-promises.js";
import { conductPhrases, countOf, dutchExclusionSentences, exceptionClauses, humanise, joinList, severityNames } from "./phrases.js";

export type SecurityMdConfig = Pick<
  DisclosureConfig,
  "policy" | "calendar" | "sla" | "scope" | "exclusions" | "conduct" | "rewards" | "credit" | "publication" | "statements"
> &
  Partial<Pick<DisclosureConfig, "containment">>;

export interface SecurityMdOptions {
  /** `owner/name`: links "Report a vulnerability" straight to the repository's private reporting form. */
  repository?: string;
}

/**
 * SECURITY.md in the researcher's language, stating what the config makes Disclosure Desk do: where to report,
 * the rules of conduct, scope and exclusions, the promised deadlines, legal stance, rewards, credit and
 * publication. Every sentence comes from the config: where `statements` quotes the policy's own words for a
 * section, those words are the section; otherwise each sentence is written from the key that backs it, and a
 * promise no key backs is not written. The policy's quoted words stay in the language the policy has.
 */
export function renderSecurityMd(config: SecurityMdConfig, language: Language, options: SecurityMdOptions = {}): string {
  return renderMessage(language, "security-md", securityMdView(config, language, options));
}

function securityMdView(config: SecurityMdConfig, language: Language, options: SecurityMdOptions) {
  const { policy, sla, scope, rewards, publication, statements } = config;
  const contact = policy.contact ?? "";
  const conductIds = config.conduct.map((entry) => (typeof entry === "string" ? entry : entry.id));
  const excessDataAccess = config.conduct.find(
    (entry): entry is Exclude<typeof entry, string> => typeof entry !== "string" && entry.id === "excess-data-access",
  );
  return {
    policyName: policy.name,
    policyUrl: policy.url ?? null,
    intro: paragraphs(statements.intro),
    testing: paragraphs(statements.testing),
    advisoryUrl: options.repository ? `https://github.com/${options.repository}/security/advisories/new` : null,
    reporting: listItems(statements.reporting),
    containsPublicReports: config.containment?.enabled ?? false,
    email: contact.startsWith("mailto:") ? contact.slice("mailto:".length) : null,
    contactUrl: contact.startsWith("https://") ? contact : null,
    conduct: listItems(statements.conduct),
    dataRule:
      conductIds.includes("excess-data-access") || conductIds.includes("data-modification")
        ? {
            excess: conductIds.includes("excess-data-access"),
            modification: conductIds.includes("data-modification"),
          }
        : null,
    maxRecords: excessDataAccess?.maxRecords === undefined ? null : countOf(excessDataAccess.maxRecords, "record", language),
    forbiddenMethods: forbiddenMethods(config.conduct, language),
    hasScope: scope.assets.length > 0 || scope.outOfScope.length > 0 || statements.scope !== undefined,
    assets: scope.assets.map((asset) => asset.trim()),
    scopeStatements: paragraphs(statements.scope),
    outOfScope: scope.outOfScope.length > 0 ? joinList(scope.outOfScope, language, "and") : null,
    codebases: scope.codebases.map((codebase) => ({
      name: codebase.name,
      assets: joinList(
        codebase.assets.map((asset) => `\`${asset.trim()}\``),
        language,
        "and",
      ),
    })),
    exclusionsIntro: paragraphs(statements.exclusions),
    exclusions: unique(config.exclusions.map((entry) => exclusionSentence(entry, language))),
    promises: listItems(statements.promises),
    responseWithin: countOf(sla.response.businessDays, "businessDay", language),
    resolutionWithin: sla.resolution ? countOf(sla.resolution.days, "day", language) : null,
    updateEvery: updateEveryView(config, language),
    businessDays: businessDaysView(config.calendar, language),
    safeHarbor: policy.safeHarbor,
    legal: paragraphs(statements.legal),
    credit: config.credit.default,
    rewardStatements: paragraphs(statements.rewards),
    rewards: rewards.enabled
      ? {
          newOnly: rewards.newOnly,
          bands: Object.entries(rewards.bands ?? {}).map(([severity, reward]) => ({
            severity: severityNames[language][severity as keyof (typeof severityNames)["en"]],
            reward,
          })),
        }
      : null,
    publicationStatements: paragraphs(statements.publication),
    publication: { consent: publication.consent, reviewWithin: countOf(publication.reviewDays, "day", language) },
    closing: paragraphs(statements.closing),
  };
}

function updateEveryView(config: SecurityMdConfig, language: Language): string | null {
  const everyDays = promisedUpdateEveryDays(config);
  return everyDays === undefined ? null : countOf(everyDays, "day", language);
}

/** A quoted section as paragraphs; null when the policy has none, so the template writes its own. */
function paragraphs(quoted: readonly string[] | undefined): string[] | null {
  return quoted === undefined ? null : quoted.map((text) => text.trim());
}

/**
 * A quoted list as bullets. A policy's list reads as one sentence ("…data,", "…third parties, and"); as separate
 * bullets each item ends as a sentence, and only that list punctuation changes, never a word.
 */
function listItems(quoted: readonly string[] | undefined): string[] | null {
  return quoted === undefined ? null : quoted.map((text) => sentence(text.trim().replace(/(?:,\s*and|,|;)$/, "")));
}

/** Two rules quoting the same policy sentence (tls-configuration and server-configuration) are one bullet. */
function unique(sentences: readonly string[]): string[] {
  return [...new Set(sentences)];
}

/** "attacks on physical security, social engineering, distributed denial of service or spam"; null when none. */
function forbiddenMethods(conduct: SecurityMdConfig["conduct"], language: Language): string | null {
  const phrases = conduct
    .map((entry) => (typeof entry === "string" ? entry : entry.id))
    // Reading too much data and changing others' data have their own sentence: they are about data, not a method.
    .filter((id) => id !== "excess-data-access" && id !== "data-modification")
    .map((id) => (isConductId(id) ? conductPhrases[language][id] : humanise(id).toLowerCase()));
  return phrases.length > 0 ? joinList(phrases, language, "or") : null;
}

function exclusionSentence(entry: ExclusionEntry, language: Language): string {
  const rule = typeof entry === "string" ? { id: entry } : entry;
  if (rule.policyText !== undefined) return sentence(rule.policyText);
  const builtIn = catalogEntry(rule.id);
  const base =
    builtIn === undefined
      ? (rule.title ?? humanise(rule.id))
      : language === "nl"
        ? (dutchExclusionSentences[rule.id] ?? builtIn.policyText)
        : builtIn.policyText;
  const clauses = (rule.unless ?? [])
    .filter((id): id is ExceptionId => (exceptionIds() as readonly string[]).includes(id))
    .map((id) => exceptionClauses[language][id]);
  if (clauses.length === 0) return sentence(base);
  return sentence(`${base.replace(/\.$/, "")}, ${joinList(clauses, language, "or")}`);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function businessDaysView(calendar: SecurityMdConfig["calendar"], language: Language) {
  const [country = "", region] = (calendar.holidays ?? "").split("-");
  const countryName = country ? new Intl.DisplayNames([language], { type: "region" }).of(country) : undefined;
  const closures = calendar.closed.map((entry) => {
    const [from, to, reason] =
      typeof entry === "string" ? [entry.slice(0, 10), entry.slice(-10), undefined] : [entry.from, entry.to, entry.reason];
    const dates =
      from === to
        ? formatDate(from, language)
        : `${formatDate(from, language)} ${language === "nl" ? "t/m" : "to"} ${formatDate(to, language)}`;
    return reason ? `${dates} (${reason})` : dates;
  });
  return {
    timezone: calendar.timezone,
    holidays: countryName ? `${countryName}${region ? ` (${region})` : ""}` : null,
    closures: closures.length > 0 ? joinList(closures, language, "and") : null,
  };
}
