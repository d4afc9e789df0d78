import { isInvalidReason } from "../policy/reject-reasons.js";
import { computeDeadlines } from "../sla/index.js";
import { formatPath, parseConfigDocument, resolveConfig } from "./load.js";
import type { ConfigProblem, KeyPath, Locate } from "./config-problem.js";
import type { DisclosureConfig } from "./schema.js";
import { checkStatements } from "./statement-checks.js";

/**
 * Everything wrong with a config file, each with file, line, column and key path: first what loading refuses (a
 * file over a limit, what the schema rejects, an entry the app cannot use such as an unknown catalog id, a pattern
 * RE2 refuses or a time zone that does not exist), then what neither can see (a public tracking repository, an id
 * listed twice, settings that contradict each other).
 */

export interface ValidateOptions {
  /** Whether a repository is public, when the caller can tell; undefined when it cannot. */
  repositoryIsPublic?: (fullName: string) => boolean | undefined;
  /** Enables the checks that depend on today's date; without it validation gives the same answer every day. */
  now?: Date;
}

interface Finding {
  path: KeyPath;
  message: string;
}

type Check = (config: DisclosureConfig, options: ValidateOptions) => Finding[];

/** Closure days that postpone a promised response by more than this many calendar days are likely a typo. */
const MAX_CLOSURE_DELAY_DAYS = 10;

const checks: readonly Check[] = [
  checkPolicyLinks,
  checkTrackingRepository,
  checkClosureDelay,
  checkSla,
  checkExclusions,
  checkConduct,
  checkRewards,
  checkStatements,
];

export function validateConfig(text: string, file = "disclosure.yml", options: ValidateOptions = {}): ConfigProblem[] {
  return checkConfig(text, file, options).problems;
}

/** `validateConfig`, with the config as read: for a caller that goes on to use a valid one without reading it again. */
export function checkConfig(
  text: string,
  file = "disclosure.yml",
  options: ValidateOptions = {},
): { config: DisclosureConfig; problems: ConfigProblem[] } {
  const document = parseConfigDocument(text, file);
  const { config, errors } = resolveConfig(document.raw, { file, locate: document.locate });
  // A section with a schema error, an unusable pattern or a value over a limit has fallen back to its defaults, so
  // the checks below only see valid sections.
  const findings = checks.flatMap((check) => check(config, options));
  const problems = [...document.problems, ...errors, ...findings.map((finding) => toProblem(finding, file, document.locate))];
  const sorted = problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
  return { config, problems: sorted };
}

function toProblem(finding: Finding, file: string, locate: Locate): ConfigProblem {
  // A key left at its default has no line of its own: point at the closest enclosing key that is written.
  let position: ReturnType<Locate>;
  for (let length = finding.path.length; !position && length > 0; length--) {
    position = locate(finding.path.slice(0, length));
  }
  return {
    file: position?.file ?? file,
    path: formatPath(finding.path),
    message: finding.message,
    ...(position ? { line: position.line, column: position.column } : {}),
  };
}

function checkPolicyLinks({ policy }: Pick<DisclosureConfig, "policy">): Finding[] {
  const findings: Finding[] = [];
  if (policy.url !== undefined && !policy.url.startsWith("https://")) {
    findings.push({
      path: ["policy", "url"],
      message: `"${policy.url}" must start with https:// (security.txt requires it, RFC 9116 §2.5.7)`,
    });
  }
  const contact = policy.contact;
  if (contact !== undefined && !/^(?:mailto:[^@\s]+@[^@\s]+|https:\/\/\S+|tel:\+?[\d\s-]+)$/.test(contact)) {
    findings.push({
      path: ["policy", "contact"],
      message: /^[^@\s:]+@[^@\s]+$/.test(contact)
        ? `write an e-mail address as "mailto:${contact}"`
        : `"${contact}" is not a mailto: address, an https:// URL or a tel: number`,
    });
  }
  return findings;
}

function checkTrackingRepository({ tracking }: Pick<DisclosureConfig, "tracking">, { repositoryIsPublic }: ValidateOptions): Finding[] {
  if (tracking.repository === undefined || repositoryIsPublic?.(tracking.repository) !== true) return [];
  return [
    {
      path: ["tracking", "repository"],
      message:
        `${tracking.repository} is public, and report content must never be written to a public place; ` +
        "use a private repository, or leave tracking.repository out for advisory-only mode",
    },
  ];
}

/** With `now`: a closure list that pushes today's response deadline weeks out is almost always a mistyped year. */
function checkClosureDelay({ calendar, sla }: Pick<DisclosureConfig, "calendar" | "sla">, { now }: ValidateOptions): Finding[] {
  if (now === undefined || calendar.closed.length === 0) return [];
  const withClosures = computeDeadlines({ receivedAt: now }, sla, calendar).responseDue;
  const withoutClosures = computeDeadlines({ receivedAt: now }, sla, { ...calendar, closed: [] }).responseDue;
  const delayDays = Math.round((withClosures.getTime() - withoutClosures.getTime()) / 86_400_000);
  if (delayDays <= MAX_CLOSURE_DELAY_DAYS) return [];
  return [
    {
      path: ["calendar", "closed"],
      message:
        `these closure days move the response deadline of a report received today from ` +
        `${withoutClosures.toISOString().slice(0, 10)} to ${withClosures.toISOString().slice(0, 10)} ` +
        `(${delayDays} days later); check the dates`,
    },
  ];
}

function checkSla({ sla }: Pick<DisclosureConfig, "sla">): Finding[] {
  const findings: Finding[] = [];
  const responseDays = sla.response.businessDays;
  if (sla.remind.businessDaysBefore >= responseDays) {
    findings.push({
      path: ["sla", "remind", "businessDaysBefore"],
      message:
        `a reminder ${sla.remind.businessDaysBefore} business days before a ${responseDays}-business-day response ` +
        `deadline would come on the day the report arrives; use a number below ${responseDays}`,
    });
  }
  if (sla.resolution !== undefined && sla.resolution.days < responseDays) {
    findings.push({
      path: ["sla", "resolution", "days"],
      message:
        `a resolution deadline of ${sla.resolution.days} days would fall before the response deadline ` + `(${responseDays} business days)`,
    });
  }
  return findings;
}

function checkExclusions({ exclusions }: Pick<DisclosureConfig, "exclusions">): Finding[] {
  const findings = repeatedIds("exclusions", exclusions);
  exclusions.forEach((entry, index) => {
    if (typeof entry === "string" || !isInvalidReason(entry.id.toLowerCase())) return;
    findings.push({
      path: ["exclusions", index, "id"],
      message:
        `"${entry.id}" is also a reason of /disclosure reject, which comes first: "/disclosure reject ${entry.id}" closes a ` +
        "report as junk with its own message and never cites this exclusion; choose another id",
    });
  });
  return findings;
}

function checkConduct({ conduct }: Pick<DisclosureConfig, "conduct">): Finding[] {
  const findings = repeatedIds("conduct", conduct);
  conduct.forEach((entry, index) => {
    if (typeof entry !== "string" && entry.maxRecords !== undefined && entry.id !== "excess-data-access") {
      findings.push({ path: ["conduct", index, "maxRecords"], message: "maxRecords applies only to excess-data-access" });
    }
  });
  return findings;
}

/** A catalog id listed twice in one section, pointed at where it repeats. */
function repeatedIds(section: "exclusions" | "conduct", entries: readonly (string | { id: string })[]): Finding[] {
  const findings: Finding[] = [];
  const firstIndexById = new Map<string, number>();
  entries.forEach((entry, index) => {
    const id = typeof entry === "string" ? entry : entry.id;
    const firstIndex = firstIndexById.get(id);
    if (firstIndex === undefined) firstIndexById.set(id, index);
    else {
      const idPath: KeyPath = typeof entry === "string" ? [section, index] : [section, index, "id"];
      findings.push({ path: idPath, message: `"${id}" is already listed as ${section}[${firstIndex}]` });
    }
  });
  return findings;
}

function checkRewards({ rewards }: Pick<DisclosureConfig, "rewards">): Finding[] {
  if (rewards.bands === undefined || rewards.enabled) return [];
  return [
    {
      path: ["rewards", "bands"],
      message: "reward bands are set but rewards.enabled is not true, so no reward is ever offered; set enabled: true or remove the bands",
    },
  ];
}
