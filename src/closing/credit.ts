import type { CaseRecord } from "../case/case-record.js";
import type { AdvisoryCredit, AdvisoryCreditType } from "../github/advisories.js";

/**
 * Credit: the researcher's answers on the advisory (`credit: name "Jane Doe"`, `credit: handle`,
 * `credit: anonymous`, `consent: yes|no`, or in Dutch `naam`, `gebruikersnaam`, `anoniem`, `toestemming: ja|nee`)
 * and the GHSA credits the advisory should carry. Pure.
 */

export type CreditChoice = "name" | "handle" | "anonymous";
export type CreditRecord = NonNullable<NonNullable<CaseRecord["closing"]>["credit"]>;
export type OtherCredit = NonNullable<NonNullable<CaseRecord["closing"]>["otherCredits"]>[number];

export interface ResearcherAnswers {
  credit?: { choice: CreditChoice; name?: string };
  consent?: "yes" | "no";
}

export const CREDIT_NAME_MAX = 100;

const CREDIT_LINE = /^`?credit\s*:\s*(name|naam|handle|gebruikersnaam|anonymous|anoniem)\b\s*(.*?)`?$/i;
const CONSENT_LINE = /^`?(?:consent|toestemming)\s*:\s*(yes|ja|no|nee)\b.*?`?$/i;
const FENCE = /^(`{3,}|~{3,})/;

const CHOICES: Record<string, CreditChoice> = {
  name: "name",
  naam: "name",
  handle: "handle",
  gebruikersnaam: "handle",
  anonymous: "anonymous",
  anoniem: "anonymous",
};

/**
 * The answers in one comment, the last of each kind winning. A keyword counts only at the start of a line outside
 * quotes and fenced blocks, so quoting the question back is not an answer.
 */
export function parseResearcherAnswers(body: string): ResearcherAnswers {
  const answers: ResearcherAnswers = {};
  let openFence: string | undefined;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const fence = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (openFence === undefined) openFence = fence;
      else if (fence.startsWith(openFence)) openFence = undefined;
      continue;
    }
    if (openFence !== undefined || line.startsWith(">")) continue;
    const credit = CREDIT_LINE.exec(line);
    if (credit) {
      const choice = CHOICES[(credit[1] ?? "").toLowerCase()] ?? "name";
      const name = choice === "name" ? creditName(credit[2] ?? "") : undefined;
      answers.credit = name === undefined ? { choice } : { choice, name };
      continue;
    }
    const consent = CONSENT_LINE.exec(line);
    if (consent) answers.consent = /^(yes|ja)$/i.test(consent[1] ?? "") ? "yes" : "no";
  }
  return answers;
}

/** A name as the researcher wants to be credited: quotes removed, one line, no markup characters, bounded. */
export function creditName(text: string): string | undefined {
  const unquoted = text.trim().replace(/^["“'](.*)["”']$/, "$1");
  const clean = unquoted
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>[\]()`*_|\\#@]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return clean === "" ? undefined : clean.slice(0, CREDIT_NAME_MAX);
}

/**
 * The credits the advisory should carry, or undefined when it already does: the researcher as finder unless they
 * chose to be anonymous (their existing type kept), the analysts and remediation developers maintainers named,
 * and every other credit already there left as it is.
 */
export function desiredCredits(input: {
  current: readonly AdvisoryCredit[];
  researcher: string | undefined;
  credit: CreditRecord | undefined;
  others: readonly OtherCredit[];
}): { login: string; type: AdvisoryCreditType }[] | undefined {
  const { current, researcher, credit } = input;
  const same = (left: string, right: string | undefined) => right !== undefined && left.toLowerCase() === right.toLowerCase();
  const wanted = current.filter((entry) => !same(entry.login, researcher)).map(({ login, type }) => ({ login, type }));
  if (researcher !== undefined && credit !== undefined && credit.choice !== "anonymous") {
    const existing = current.find((entry) => same(entry.login, researcher));
    wanted.unshift({ login: existing?.login ?? researcher, type: existing?.type ?? "finder" });
  } else if (researcher !== undefined && credit === undefined) {
    // No answer yet: leave the researcher's credit as GitHub has it.
    const existing = current.find((entry) => same(entry.login, researcher));
    if (existing) wanted.unshift({ login: existing.login, type: existing.type });
  }
  for (const other of input.others) {
    if (!wanted.some((entry) => same(entry.login, other.login) && entry.type === other.type)) wanted.push({ ...other });
  }
  const key = (list: readonly { login: string; type: string }[]) =>
    list
      .map((entry) => `${entry.login.toLowerCase()}:${entry.type}`)
      .sort()
      .join(",");
  return key(wanted) === key(current) ? undefined : wanted;
}

/** The researcher's GHSA credit state on the advisory, when they have one. */
export function researcherCreditState(
  current: readonly AdvisoryCredit[],
  researcher: string | undefined,
): AdvisoryCredit["state"] | undefined {
  if (researcher === undefined) return undefined;
  return current.find((entry) => entry.login.toLowerCase() === researcher.toLowerCase())?.state;
}
