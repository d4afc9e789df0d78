import type { CaseRecord } from "../case/case-record.js";
import type { Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";

/**
 * The hall of fame: one Markdown page per organisation thanking the researchers of its published cases (and the
 * reporters of their duplicates), each credited as they chose — by name, by GitHub handle, or not at all. The page
 * is public: a case that is resolved but not yet published is not on it, since naming its researcher would announce
 * the problem before the publication the policy's consent rule governs. Anonymous researchers, those who declined
 * their credit on the advisory and those whose credit is not settled yet are counted but never named. Pure.
 */

export interface AcknowledgedCase {
  record: CaseRecord;
  /** The advisory's author when the record does not name them. */
  researcher?: string;
}

interface Entry {
  label: string;
  handle: boolean;
  reports: number;
  first: string;
}

export function renderAcknowledgements(cases: readonly AcknowledgedCase[], language: Language): string {
  const entries = new Map<string, Entry>();
  let anonymous = 0;
  const published = new Set(cases.filter(({ record }) => record.state === "published").map(({ record }) => record.key));
  // A duplicate's reporter found a real problem too, only not first: thanked once the original is published.
  const acknowledged = (record: CaseRecord) =>
    record.state === "published" || (record.state === "duplicate" && record.duplicateOf !== undefined && published.has(record.duplicateOf));
  for (const { record, researcher } of cases) {
    if (!acknowledged(record)) continue;
    const credit = record.closing?.credit;
    const login = credit?.login ?? researcher;
    const declined = record.closing?.advisoryCredit?.state === "declined";
    const at = record.closing?.publishedAt ?? record.resolvedAt ?? record.receivedAt;
    const shown = credit === undefined || declined || credit.choice === "anonymous" ? undefined : shownAs(credit, login);
    if (shown === undefined) {
      anonymous += 1;
      continue;
    }
    const key = `${shown.handle ? "@" : ""}${shown.label.toLowerCase()}`;
    const entry = entries.get(key);
    if (entry) {
      entry.reports += 1;
      if (at < entry.first) entry.first = at;
    } else {
      entries.set(key, { ...shown, reports: 1, first: at });
    }
  }
  const researchers = [...entries.values()]
    .sort((left, right) => left.first.localeCompare(right.first) || left.label.localeCompare(right.label))
    .map((entry) => ({
      name: entry.handle ? undefined : untrusted(entry.label),
      handle: entry.handle ? entry.label : undefined,
      reports: entry.reports,
      several: entry.reports > 1,
    }));
  return renderMessage(language, "acknowledgements", { researchers, anonymous, none: researchers.length === 0 && anonymous === 0 });
}

function shownAs(
  credit: NonNullable<NonNullable<CaseRecord["closing"]>["credit"]>,
  login: string | undefined,
): { label: string; handle: boolean } | undefined {
  if (credit.choice === "name" && credit.name !== undefined) return { label: credit.name, handle: false };
  if (login === undefined || !/^[A-Za-z0-9-]+$/.test(login))
    return credit.name === undefined ? undefined : { label: credit.name, handle: false };
  return { label: login, handle: true };
}
