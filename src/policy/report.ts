/** A vulnerability report as the policy engine sees it: plain data, whatever channel it came from. */
export interface Report {
  /** The case key or an input id; the engine only passes it through. */
  id?: string;
  title: string;
  body: string;
  /** Severity chosen in the advisory form, when the researcher gave one. */
  severity?: AdvisorySeverity;
  cvssVector?: string;
  packages?: { ecosystem?: string; name: string; versions?: string }[];
  /** `owner/name` of the repository the report was filed against through GitHub. */
  repository?: string;
  cweIds?: string[];
}

export type AdvisorySeverity = "critical" | "high" | "medium" | "low";

/** Upper bound on the text the matchers read: long enough for any real report, short enough to bound the work. */
export const MAX_MATCHED_TEXT = 100_000;

export interface ReportText {
  title: string;
  body: string;
  /** Title and body, joined by a line break, whitespace normalised. */
  all: string;
}

/** Normalises typographic quotes and dashes so that patterns need only one spelling. */
export function reportText(report: Pick<Report, "title" | "body">): ReportText {
  const title = normaliseText(report.title);
  const body = normaliseText(report.body);
  return { title, body, all: `${title}\n${body}` };
}

/** Anything `normaliseText` would change: most reports have no typographic characters and single spaces only. */
const NEEDS_NORMALISING = /[\u2018\u2019\u201b\u201c\u201d\u201e\u2010-\u2015\t\u00a0]| {2}/;

function normaliseText(text: string): string {
  const bounded = text.slice(0, MAX_MATCHED_TEXT);
  if (!NEEDS_NORMALISING.test(bounded)) return bounded;
  return bounded
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[ \t\u00a0]+/g, " ");
}

const EXCERPT_LENGTH = 160;

/** Matched text as shown in a decision: one line, at most 160 characters. */
export function excerpt(matched: string): string {
  const oneLine = matched.replace(/\s+/g, " ").trim();
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH - 1)}…` : oneLine;
}
