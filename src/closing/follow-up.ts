import type { CaseRecord } from "../case/case-record.js";
import { isFromDisclosureDesk, type ResearcherComment } from "./researcher-replies.js";
import type { DisclosureConfig } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { fencedText, inlineText, untrusted } from "../messages/untrusted-text.js";
import { formatDeadline } from "../sla/index.js";
import { withStateChange } from "../case/state-change.js";
import { publicationReadiness } from "./advisory-draft.js";
import type { AdvisoryDraft } from "../github/advisories.js";
import { desiredCredits, parseResearcherAnswers, researcherCreditState, type CreditRecord } from "./credit.js";
import type { AdvisoryCreditType } from "../github/advisories.js";
import { evaluateGate, reviewWindowEnd } from "./gate.js";
import { gateProblemViews, readinessViews } from "./problem-views.js";

/**
 * One open case's closing, one sweep, as a pure planner: the record, the tracking issue's labels, the advisory as
 * GitHub has it now, the advisory comments since the last look, the policy and `now` in; the steps out, each with
 * its reason. In order:
 * 1. the researcher's answers on the advisory (`credit: …`, `consent: …`), and whether they answered on the draft;
 * 2. the policy's `credit.default` once `credit.askAfterDays` have passed without an answer;
 * 3. the advisory's credits as the researcher chose (and the analysts and developers maintainers named), and the
 *    researcher's credit state — a declined credit is recorded and maintainers are told;
 * 4. the draft text to the researcher for review, when `/disclosure publish` asked for it;
 * 5. the publication a maintainer asked for, only when the consent gate is still met and the advisory has what
 *    GitHub needs to publish it; otherwise maintainers are told exactly what is missing and nothing is sent.
 * The record is written last, so a crash before it repeats the steps; a message to the researcher carries a marker
 * and is not sent twice.
 */

export type FollowUpConfig = Pick<
  DisclosureConfig,
  "language" | "policy" | "tracking" | "calendar" | "sla" | "credit" | "publication" | "rewards"
>;

export interface FollowUpFacts {
  record: CaseRecord;
  labels: readonly string[];
  advisory: AdvisoryDraft;
  /** Advisory comments since `closing.answersCheckedAt`, oldest first. */
  comments: readonly ResearcherComment[];
  config: FollowUpConfig;
  now: Date;
}

export type FollowUpAction =
  | { type: "setAdvisoryCredits"; credits: { login: string; type: AdvisoryCreditType }[] }
  | { type: "messageResearcher"; purpose: "review" | "published"; message: string; marker: string }
  | { type: "publishAdvisory"; cve: boolean }
  | { type: "noteMaintainers"; body: string }
  | { type: "setLabels"; add: string[]; remove: string[] }
  | { type: "recordClosing"; record: CaseRecord; close: boolean };

export interface FollowUpPlan {
  reasons: string[];
  actions: FollowUpAction[];
}

export const CREDIT_DECLINED_LABEL = "credit-declined";

export function closingMarker(caseKey: string, step: string): string {
  return `<!-- disclosure-desk:closing ${caseKey} ${step} -->`;
}

export function planClosingFollowUp(facts: FollowUpFacts): FollowUpPlan {
  const { advisory, config, now } = facts;
  const reasons: string[] = [];
  const effects: FollowUpAction[] = [];
  const notes: string[] = [];
  const labels = new Set(facts.labels);
  let record = facts.record;
  let closing = { ...record.closing };
  const note = (kind: string, view: Record<string, unknown>) =>
    notes.push(renderMessage(config.language, "closing-note", { ...noteView(kind), ...view, advisoryUrl: advisory.htmlUrl }));

  // 1. Answers on the advisory.
  const researcher = advisory.author;
  const checkedAt = closing.answersCheckedAt;
  const seen = new Set(closing.answersSeen ?? []);
  const seenKey = (comment: { id: number; updatedAt: string }) => `${comment.id}@${comment.updatedAt}`;
  // A record written before `answersSeen` existed read everything up to and including `answersCheckedAt`.
  const isNew = (comment: { id: number; updatedAt: string }) =>
    checkedAt === undefined ||
    comment.updatedAt > checkedAt ||
    (comment.updatedAt === checkedAt && closing.answersSeen !== undefined && !seen.has(seenKey(comment)));
  const fresh = facts.comments.filter(isNew);
  for (const comment of fresh) {
    const fromResearcher = researcher !== undefined && comment.author.toLowerCase() === researcher.toLowerCase();
    if (!fromResearcher || isFromDisclosureDesk(comment)) continue;
    if (closing.review?.status === "sent" && closing.review.answeredAt === undefined && comment.createdAt >= closing.review.at) {
      closing.review = { ...closing.review, answeredAt: comment.createdAt };
      reasons.push(`the researcher answered on the draft on ${comment.createdAt}`);
    }
    const answers = parseResearcherAnswers(comment.body);
    if (answers.credit) {
      // An answer edited later counts from the edit.
      closing.credit = { ...answers.credit, login: comment.author, by: "researcher", at: comment.updatedAt };
      reasons.push(`the researcher chose credit by ${answers.credit.choice}`);
      note("credit-answer", { credit: creditView(closing.credit) });
    }
    if (answers.consent) {
      closing.consent = { answer: answers.consent, by: "researcher", at: comment.updatedAt };
      reasons.push(`the researcher answered consent: ${answers.consent}`);
      note("consent-answer", { consent: answers.consent, mode: config.publication.consent });
    }
  }
  const latest = facts.comments
    .map((comment) => comment.updatedAt)
    .sort()
    .at(-1);
  if (latest !== undefined && (checkedAt === undefined || latest >= checkedAt)) {
    closing.answersSeen = facts.comments.filter((comment) => comment.updatedAt === latest).map(seenKey);
    if (latest !== checkedAt) closing.answersCheckedAt = latest;
    else closing.answersSeen = [...new Set([...seen, ...closing.answersSeen])];
  }

  const closingOpen = record.state === "resolved";
  // 2. The policy's default credit when the researcher did not answer in time (or when the draft needs one now); a
  //    duplicate's reporter was asked too.
  const askedAt = closing.askedAt ?? record.resolvedAt;
  const askAfterDays = config.credit.askAfterDays;
  const defaultDue =
    askedAt !== undefined && askAfterDays !== undefined && now.getTime() >= Date.parse(askedAt) + askAfterDays * 86_400_000;
  if ((closingOpen || awaitsCredit(record)) && closing.credit === undefined && (defaultDue || closing.review?.status === "requested")) {
    closing.credit = {
      choice: config.credit.default,
      ...(researcher === undefined ? {} : { login: researcher }),
      by: "policy-default",
      at: now.toISOString(),
    };
    reasons.push(`no answer about credit: the policy's default (${config.credit.default}) applies`);
    note("credit-default", { credit: creditView(closing.credit) });
  }

  // 3. Credits on the advisory and the researcher's credit state.
  if (closingOpen && advisory.state !== "withdrawn") {
    const credits = desiredCredits({ current: advisory.credits, researcher, credit: closing.credit, others: closing.otherCredits ?? [] });
    if (credits !== undefined) {
      effects.push({ type: "setAdvisoryCredits", credits });
      reasons.push(`advisory credits set to ${credits.map((credit) => `${credit.login} (${credit.type})`).join(", ") || "none"}`);
    }
  }
  const creditState = researcherCreditState(advisory.credits, researcher);
  if (researcher !== undefined && creditState !== undefined && creditState !== closing.advisoryCredit?.state) {
    closing.advisoryCredit = { login: researcher, state: creditState, at: now.toISOString() };
    reasons.push(`the researcher's advisory credit is ${creditState}`);
    if (creditState === "declined") {
      labels.add(CREDIT_DECLINED_LABEL);
      note("credit-declined", { researcher: untrusted(researcher) });
    } else {
      labels.delete(CREDIT_DECLINED_LABEL);
    }
  }

  // 4. The draft for the researcher's review.
  if (closingOpen && closing.review?.status === "requested") {
    const windowEnd = reviewWindowEnd(now.toISOString(), config.publication.reviewDays);
    const marker = closingMarker(record.key, `review ${closing.review.at}`);
    effects.push({
      type: "messageResearcher",
      purpose: "review",
      marker,
      message: renderMessage(config.language, "closing-review", {
        researcher: researcher === undefined ? undefined : untrusted(researcher),
        ...draftView(advisory, closing.credit),
        reviewDays: config.publication.reviewDays,
        reviewUntil: formatDeadline(windowEnd, config.calendar.timezone, config.language),
        consentAsked: config.publication.consent === "mutual" && closing.consent?.answer !== "yes",
        marker,
      }),
    });
    closing.review = { status: "sent", at: now.toISOString() };
    reasons.push(`draft sent to the researcher for review until ${windowEnd.toISOString()}`);
    note("review-sent", { reviewUntil: formatDeadline(windowEnd, config.calendar.timezone, config.language) });
  }

  // 5. The publication a maintainer asked for.
  let close = false;
  const requested = closing.publication;
  if (requested !== undefined) {
    const gate = evaluateGate({ record: { ...record, closing }, config, now });
    const readiness = publicationReadiness(advisory);
    if (advisory.state === "published") {
      // Published by an earlier sweep that stopped before it could record it.
      const published = planPublished({ record: { ...record, closing }, labels: [...labels], advisory, config, now, cve: false });
      effects.push(...published.effects);
      notes.push(published.note);
      ({ record } = published);
      closing = { ...published.record.closing };
      labels.clear();
      for (const label of published.labels) labels.add(label);
      close = true;
      reasons.push("the advisory is published: the case is recorded as published");
    } else if (!gate.met || readiness.length > 0) {
      closing = withoutPublication(closing);
      reasons.push(`publication refused: ${[...gate.problems.map((problem) => problem.kind), ...readiness].join(", ")}`);
      const problems = [...gateProblemViews(gate.problems, config), ...readinessViews(readiness)];
      note("publish-refused", { problems: renderMessage(config.language, "closing-problems", { problems }), by: untrusted(requested.by) });
    } else {
      effects.push({ type: "publishAdvisory", cve: requested.cve && advisory.cveId === undefined });
      reasons.push(`publishing as @${requested.by} asked; the ${gate.mode} gate is met`);
    }
  }

  record = { ...record, closing };
  const actions: FollowUpAction[] = [...effects];
  if (notes.length > 0) actions.push({ type: "noteMaintainers", body: `${notes.map((note) => note.trim()).join("\n\n")}\n` });
  const add = [...labels].filter((label) => !facts.labels.includes(label));
  const remove = facts.labels.filter((label) => !labels.has(label));
  if (add.length > 0 || remove.length > 0) actions.push({ type: "setLabels", add, remove });
  if (JSON.stringify(record) !== JSON.stringify(facts.record)) actions.push({ type: "recordClosing", record, close });
  return { reasons, actions };
}

/** A duplicate whose reporter was asked how to be credited and has not answered, nor had the default applied. */
export function awaitsCredit(record: CaseRecord): boolean {
  return record.state === "duplicate" && record.closing?.askedAt !== undefined && record.closing.credit === undefined;
}

export interface PublishedFacts {
  record: CaseRecord;
  labels: readonly string[];
  advisory: AdvisoryDraft;
  config: FollowUpConfig;
  now: Date;
  /** Whether a CVE id was requested with the publication. */
  cve: boolean;
}

/**
 * After GitHub published the advisory at a maintainer's request: the researcher is thanked (with how they are
 * credited, and the agreed reward where the policy offers rewards), the case becomes `state:published` and the
 * tracking issue is closed.
 */
export function planPublished(facts: PublishedFacts): { effects: FollowUpAction[]; note: string; record: CaseRecord; labels: string[] } {
  const { record, advisory, config, now } = facts;
  const closing = { ...withoutPublication({ ...record.closing }), publishedAt: now.toISOString() };
  const marker = closingMarker(record.key, "published");
  const researcher = advisory.author;
  const message = renderMessage(config.language, "closing-published", {
    researcher: researcher === undefined ? undefined : untrusted(researcher),
    advisoryUrl: advisory.htmlUrl,
    credit: closing.credit === undefined ? undefined : creditView(closing.credit),
    reward: config.rewards.enabled && record.reward !== undefined ? inlineText(record.reward.amount, 60) : undefined,
    marker,
  });
  return {
    effects: [{ type: "messageResearcher", purpose: "published", message, marker }],
    note: renderMessage(config.language, "closing-note", { ...noteView("published"), cve: facts.cve, advisoryUrl: advisory.htmlUrl }),
    record: { ...withStateChange(record, "published", now, config.sla), closing },
    labels: [...facts.labels.filter((label) => !label.startsWith("state:")), "state:published"],
  };
}

/** The record and note when GitHub refused to publish after all: the request is dropped, the case stays resolved. */
export function planPublicationRefusedByGitHub(
  record: CaseRecord,
  config: Pick<DisclosureConfig, "language">,
  message: string,
  advisoryUrl: string,
): { record: CaseRecord; note: string } {
  const closing = withoutPublication({ ...record.closing });
  return {
    record: { ...record, closing },
    note: renderMessage(config.language, "closing-note", {
      ...noteView("publish-refused-by-github"),
      message: inlineText(message),
      advisoryUrl,
    }),
  };
}

function withoutPublication(closing: NonNullable<CaseRecord["closing"]>): NonNullable<CaseRecord["closing"]> {
  const rest = { ...closing };
  delete rest.publication;
  return rest;
}

const NOTE_KINDS = [
  "credit-answer",
  "consent-answer",
  "credit-default",
  "credit-declined",
  "review-sent",
  "publish-refused",
  "publish-refused-by-github",
  "published",
] as const;

/** Every note kind as a flag, so the strict template sees the same keys whatever the kind. */
function noteView(kind: string): Record<string, unknown> {
  return {
    kind: Object.fromEntries(
      NOTE_KINDS.map((name) => [name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase()), name === kind]),
    ),
  };
}

export function creditView(credit: CreditRecord): { choice: string; name: unknown; login: unknown; by: string } {
  return {
    choice: credit.choice,
    name: credit.name === undefined ? undefined : untrusted(credit.name),
    login: credit.login === undefined ? undefined : untrusted(credit.login),
    by: credit.by,
  };
}

function draftView(advisory: AdvisoryDraft, credit: CreditRecord | undefined): Record<string, unknown> {
  return {
    summary: untrusted(advisory.summary),
    description: fencedText(advisory.description),
    severity: advisory.severity,
    cvssVector: advisory.cvssVector,
    packages: advisory.vulnerabilities.map((entry) => ({
      name: untrusted(`${entry.ecosystem ?? "?"}/${entry.name ?? "?"}`),
      vulnerable: entry.vulnerableVersions === undefined ? undefined : untrusted(entry.vulnerableVersions),
      patched: entry.patchedVersions === undefined ? undefined : untrusted(entry.patchedVersions),
    })),
    credit: credit === undefined ? undefined : creditView(credit),
  };
}
