import { catalogIds, exceptionIds } from "../policy/catalog.js";
import { conductIds } from "../policy/conduct.js";
import { checkPattern } from "../policy/pattern.js";
import { checkAssetPattern, isTopicEntry } from "../policy/scope.js";
import { isKnownHolidayRegion } from "../sla/index.js";
import { dayNumber } from "../sla/local-date.js";
import { closest } from "./closest.js";
import type { KeyPath } from "./config-problem.js";
import { MAX_CONFIG_DAYS, type DisclosureConfig } from "./schema.js";

export interface UnusableEntry {
  /** Starts with the top-level key of the section that holds the entry. */
  path: KeyPath;
  message: string;
}

/**
 * Every entry the app would have to refuse when it uses the config: an asset pattern over a limit, a match pattern
 * RE2 cannot run, an exclusion, exception or conduct id that is unknown and has no patterns of its own, a time zone,
 * holiday region or closure day the business calendar cannot count with. Loading leaves the sections that hold one
 * at their defaults, so that triage and deadlines never meet an entry they would throw on.
 */
export function unusableEntries(config: Pick<DisclosureConfig, "calendar" | "scope" | "exclusions" | "conduct">): UnusableEntry[] {
  return [...calendarEntries(config), ...policyEntries(config)];
}

function calendarEntries({ calendar }: Pick<DisclosureConfig, "calendar">): UnusableEntry[] {
  const found: UnusableEntry[] = [];
  if (!isTimeZone(calendar.timezone)) {
    const suggestion = closest(calendar.timezone, Intl.supportedValuesOf("timeZone"));
    found.push({
      path: ["calendar", "timezone"],
      message:
        `unknown time zone "${calendar.timezone}"` +
        (suggestion ? `; did you mean "${suggestion}"?` : " (expected an IANA name such as Europe/Amsterdam)"),
    });
  }
  if (calendar.holidays !== undefined && !isKnownHolidayRegion(calendar.holidays)) {
    found.push({
      path: ["calendar", "holidays"],
      message: `no public-holiday data for "${calendar.holidays}" (expected a country code such as NL, or country-region such as DE-BY)`,
    });
  }
  let closedDays = 0;
  calendar.closed.forEach((entry, index) => {
    const [from, to, fromPath, toPath]: [string, string, KeyPath, KeyPath] =
      typeof entry === "string"
        ? [entry.slice(0, 10), entry.slice(-10), ["calendar", "closed", index], ["calendar", "closed", index]]
        : [entry.from, entry.to, ["calendar", "closed", index, "from"], ["calendar", "closed", index, "to"]];
    const ends =
      typeof entry === "string" && from === to
        ? [{ date: from, path: fromPath }]
        : [
            { date: from, path: fromPath },
            { date: to, path: toPath },
          ];
    const invalid = ends.filter(({ date }) => !isCalendarDate(date));
    for (const { date, path } of invalid) found.push({ path, message: `${date} is not a date in the calendar` });
    if (invalid.length === 0 && from > to) {
      found.push({ path: toPath, message: `the closure ends (${to}) before it starts (${from})` });
    }
    if (invalid.length === 0 && from <= to) closedDays += dayNumber(to) - dayNumber(from) + 1;
  });
  // Deadlines are counted day by day past every closure day: their total is bounded like any other number of days.
  if (closedDays > MAX_CONFIG_DAYS) {
    found.push({
      path: ["calendar", "closed"],
      message: `the closures add up to ${closedDays} days, over the limit of ${MAX_CONFIG_DAYS} days (ten years)`,
    });
  }
  return found;
}

function policyEntries({ scope, exclusions, conduct }: Pick<DisclosureConfig, "scope" | "exclusions" | "conduct">): UnusableEntry[] {
  const found: UnusableEntry[] = [];
  const asset = (pattern: string, path: KeyPath) => {
    const problem = checkAssetPattern(pattern);
    if (problem !== undefined) found.push({ path, message: `asset "${pattern}": ${problem}` });
  };
  const patterns = (list: readonly string[] | undefined, path: KeyPath) =>
    list?.forEach((pattern, index) => {
      const problem = checkPattern(pattern);
      if (problem !== undefined) found.push({ path: [...path, index], message: `pattern "${pattern}": ${problem}` });
    });

  scope.assets.forEach((pattern, index) => asset(pattern, ["scope", "assets", index]));
  scope.outOfScope.forEach((entry, index) => {
    if (!isTopicEntry(entry)) asset(entry, ["scope", "outOfScope", index]);
  });
  scope.codebases.forEach((codebase, codebaseIndex) =>
    codebase.assets.forEach((pattern, index) => asset(pattern, ["scope", "codebases", codebaseIndex, "assets", index])),
  );

  const knownExclusions = catalogIds();
  const knownExceptions = exceptionIds();
  exclusions.forEach((entry, index) => {
    const rule = typeof entry === "string" ? { id: entry } : entry;
    const idPath: KeyPath = typeof entry === "string" ? ["exclusions", index] : ["exclusions", index, "id"];
    if (!knownExclusions.includes(rule.id) && (rule.match === undefined || rule.match.length === 0)) {
      found.push({
        path: idPath,
        message:
          `unknown exclusion id "${rule.id}" (a rule of your own needs match patterns: { id, title, match: [...] })` +
          didYouMean(rule.id, knownExclusions),
      });
    }
    if (typeof entry === "string") return;
    entry.unless?.forEach((exception, exceptionIndex) => {
      if ((knownExceptions as readonly string[]).includes(exception)) return;
      found.push({
        path: ["exclusions", index, "unless", exceptionIndex],
        message: `unknown exception "${exception}" (known: ${knownExceptions.join(", ")})${didYouMean(exception, knownExceptions)}`,
      });
    });
    patterns(entry.match, ["exclusions", index, "match"]);
  });

  const knownConduct: readonly string[] = conductIds();
  conduct.forEach((entry, index) => {
    const rule = typeof entry === "string" ? { id: entry } : entry;
    const idPath: KeyPath = typeof entry === "string" ? ["conduct", index] : ["conduct", index, "id"];
    if (!knownConduct.includes(rule.id) && (rule.match === undefined || rule.match.length === 0)) {
      found.push({
        path: idPath,
        message:
          `unknown conduct id "${rule.id}" (known: ${knownConduct.join(", ")}; a rule of your own needs match patterns)` +
          didYouMean(rule.id, knownConduct),
      });
    }
    if (typeof entry !== "string") patterns(entry.match, ["conduct", index, "match"]);
  });
  return found;
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}
