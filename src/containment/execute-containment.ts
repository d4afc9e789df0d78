import type { Logger } from "probot";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { readOriginal } from "./original-copy.js";
import type {
  ContainmentAction,
  ContainmentFacts,
  ContainmentPlan,
  ExistingCase,
  PublicParts,
  ReleaseFacts,
  ReleasePlan,
} from "./plan-containment.js";
import { ADVISORY_PENDING, ALERT_LABEL, alertMarker } from "./public-text.js";
import type { ContainmentGateway, DraftAdvisoryResult } from "../github/containment-gateway.js";
import type { GitHubGateway } from "../github/gateway.js";
import { hasStatus } from "../github/status.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { renderMessage } from "../messages/render.js";

/** The copy read back from the case is not the public text: containment stops before hiding anything. */
export class CopyNotConfirmedError extends Error {
  constructor(readonly caseNumber: number) {
    super(`the copy in tracking issue #${caseNumber} does not match the public text`);
    this.name = "CopyNotConfirmedError";
  }
}

export interface ContainmentGateways {
  shared: GitHubGateway;
  containment: ContainmentGateway;
}

interface Progress {
  step: ContainmentAction["type"] | "start";
  copied: boolean;
  hidden: boolean;
  locked: boolean;
  remaining: ContainmentAction["type"][];
}

/**
 * Carries out a containment plan in order. Any failure stops it where it is: nothing is hidden before the copy is
 * confirmed, and the maintainers get an alert in the case (or, when the case could not be opened, a content-free
 * alert issue in the private tracking repository) saying what failed and whether the text is still public. The
 * error is then rethrown, so the delivery is marked failed too.
 */
export async function executeContainment(
  gateways: ContainmentGateways,
  plan: ContainmentPlan,
  facts: ContainmentFacts,
  log: Logger,
): Promise<void> {
  const { shared, containment } = gateways;
  const { text } = facts;
  const publicRepository = parseRepository(text.repository);
  const tracking = facts.tracking ? parseRepository(facts.tracking.repository) : undefined;
  let openCase: ExistingCase | undefined = facts.existingCase ?? undefined;
  let advisory: DraftAdvisoryResult | undefined;
  let guidanceSent = false;
  const progress: Progress = {
    step: "start",
    copied: false,
    hidden: !plan.actions.some((action) => action.type === "replacePublicText"),
    locked: facts.issueLocked,
    remaining: plan.actions.map((action) => action.type),
  };

  try {
    for (const action of plan.actions) {
      progress.step = action.type;
      switch (action.type) {
        case "warnPublicTrackingRepository": {
          const repository = parseRepository(action.repository);
          log.error({ repository: action.repository }, "tracking repository is public: the report is not contained");
          await shared.ensureNotice(repository, { title: action.title, body: action.body });
          break;
        }
        case "openCase": {
          const repository = parseRepository(action.repository);
          const created = await shared.createTrackingIssue(repository, action, plan.caseKey);
          openCase = { number: created.number, body: action.body, record: action.record };
          for (const part of action.originalComments) await containment.createComment(repository, created.number, part);
          log.info({ issue: created.number, parts: action.originalComments.length }, "containment case opened");
          break;
        }
        case "addCopy": {
          const current = requireCase(openCase);
          for (const part of action.originalComments) await containment.createComment(requireTracking(tracking), current.number, part);
          current.record = action.record;
          break;
        }
        case "createDraftAdvisory": {
          const earlier = facts.existingCase ? await containment.findDraftAdvisory(publicRepository, action.marker) : null;
          advisory = earlier
            ? { status: "draft", ...earlier }
            : await containment.createDraftAdvisory(publicRepository, {
                summary: action.summary,
                description: action.description,
                ...(action.reporter ? { reporter: action.reporter } : {}),
              });
          log.info({ advisory: advisory.status, found: Boolean(earlier) }, "draft advisory");
          break;
        }
        case "confirmCopy": {
          const current = requireCase(openCase);
          const repository = requireTracking(tracking);
          const issue = await containment.getIssue(repository, current.number);
          if ((await readCaseCopy(containment, repository, { number: current.number, body: issue.body }, action.sha256)) === null) {
            throw new CopyNotConfirmedError(current.number);
          }
          current.body = issue.body;
          progress.copied = true;
          break;
        }
        case "lockIssue":
          await containment.lock(publicRepository, text.issueNumber);
          progress.locked = true;
          break;
        case "replacePublicText":
          await replacePublicText(containment, text, action.changes);
          progress.hidden = true;
          log.info({ kind: text.kind, title: action.changes.title !== undefined }, "public text replaced with a neutral note");
          break;
        case "labelIssue":
          await containment.addLabels(publicRepository, text.issueNumber, action.labels);
          break;
        case "guideReporter": {
          const earlier = facts.existingCase ? await containment.findAppComment(publicRepository, text.issueNumber, action.marker) : null;
          if (earlier === null) await containment.createComment(publicRepository, text.issueNumber, action.body);
          guidanceSent = true;
          break;
        }
        case "recordContained": {
          const current = requireCase(openCase);
          const record = containedRecord(current.record, {
            advisory,
            guidanceSent,
            lockedByContainment: action.lockedByContainment,
            now: facts.now,
          });
          const body = withCaseBlock(
            current.body.replace(ADVISORY_PENDING, () => advisoryCell(advisory)),
            record,
          );
          await shared.updateTrackingIssue(requireTracking(tracking), current.number, { body });
          current.body = body;
          current.record = record;
          log.info({ issue: current.number }, "report contained");
          break;
        }
        default: {
          const unknown: never = action;
          throw new Error(`unknown containment action ${JSON.stringify(unknown)}`);
        }
      }
      progress.remaining.shift();
    }
  } catch (error) {
    await alertMaintainers(gateways, plan, facts, openCase, tracking, progress, error, log);
    throw error;
  }
}

/**
 * The exact originals with these hashes, from the case's body or, when they did not fit there, the comments the app
 * wrote on it; null unless every one reads back whole.
 */
export async function readCaseCopy(
  containment: ContainmentGateway,
  tracking: RepositoryRef,
  caseIssue: { number: number; body: string },
  hashes: PublicParts,
): Promise<PublicParts | null> {
  const read = (texts: string[]): PublicParts | null => {
    const body = hashes.body === undefined ? undefined : readOriginal(texts, hashes.body);
    const title = hashes.title === undefined ? undefined : readOriginal(texts, hashes.title);
    if (body === null || title === null) return null;
    return { ...(body === undefined ? {} : { body }), ...(title === undefined ? {} : { title }) };
  };
  return (
    read([caseIssue.body]) ??
    read([caseIssue.body, ...(await containment.listAppCommentBodies(tracking, caseIssue.number)).map((comment) => comment.body)])
  );
}

/** One edit: an issue's title and body change together, so the public issue is never half hidden by this step. */
async function replacePublicText(containment: ContainmentGateway, text: ContainmentFacts["text"], changes: PublicParts): Promise<void> {
  if (text.kind === "issue") await containment.updateIssue(parseRepository(text.repository), text.issueNumber, changes);
  else if (text.commentId !== undefined && changes.body !== undefined)
    await containment.updateCommentBody(parseRepository(text.repository), text.commentId, changes.body);
}

function containedRecord(
  record: CaseRecord,
  outcome: { advisory: DraftAdvisoryResult | undefined; guidanceSent: boolean; lockedByContainment: boolean; now: Date },
): CaseRecord {
  const containment = record.containment;
  if (!containment) return record;
  const advisory = outcome.advisory
    ? outcome.advisory.status === "draft"
      ? { status: "draft" as const, ghsaId: outcome.advisory.ghsaId }
      : { status: "not-available" as const }
    : containment.advisory;
  return {
    ...record,
    acknowledgement: outcome.guidanceSent ? { status: "sent", at: outcome.now.toISOString() } : record.acknowledgement,
    containment: {
      ...containment,
      status: "contained",
      lockedByContainment: outcome.lockedByContainment,
      containedAt: containment.containedAt ?? outcome.now.toISOString(),
      ...(advisory ? { advisory } : {}),
    },
  };
}

function advisoryCell(advisory: DraftAdvisoryResult | undefined): string {
  if (!advisory) return "—";
  return advisory.status === "draft" ? `[${advisory.ghsaId}](${advisory.url})` : `— (${advisory.reason})`;
}

function requireCase(openCase: ExistingCase | undefined): ExistingCase {
  if (!openCase) throw new Error("containment step needs the case, which is not open");
  return openCase;
}

function requireTracking(tracking: RepositoryRef | undefined): RepositoryRef {
  if (!tracking) throw new Error("containment step needs the tracking repository");
  return tracking;
}

function describeProblem(error: unknown): string {
  if (error instanceof CopyNotConfirmedError) return "the copy read back from the case does not match the public text";
  if (hasStatus(error, 400, 401, 403, 404, 409, 410, 422, 500, 502, 503)) return `GitHub answered ${(error as { status: number }).status}`;
  return error instanceof Error ? error.name : "unexpected error";
}

async function alertMaintainers(
  gateways: ContainmentGateways,
  plan: ContainmentPlan,
  facts: ContainmentFacts,
  openCase: ExistingCase | undefined,
  tracking: RepositoryRef | undefined,
  progress: Progress,
  error: unknown,
  log: Logger,
): Promise<void> {
  const { text } = facts;
  const problem = describeProblem(error);
  log.error(
    { caseKey: plan.caseKey, step: progress.step, problem, hidden: progress.hidden, copied: progress.copied },
    "containment did not finish",
  );
  if (!tracking || facts.tracking?.isPrivate !== true) return;
  const body = renderMessage(facts.policy.config.language, "containment-alert", {
    source: `${text.repository}#${text.issueNumber}${text.kind === "comment" ? ` (comment ${text.commentId ?? ""})` : ""}`,
    step: progress.step,
    problem,
    hidden: progress.hidden,
    locked: progress.locked,
    copied: progress.copied,
    remaining: progress.remaining.slice(1).join(", ") || "nothing",
    commentId: text.kind === "comment" ? text.commentId : undefined,
    marker: alertMarker(plan.caseKey),
  });
  try {
    if (openCase) {
      await gateways.containment.createComment(tracking, openCase.number, body);
      await gateways.containment.addLabels(tracking, openCase.number, [ALERT_LABEL]);
    } else {
      await gateways.shared.createIssue(tracking, { title: `Disclosure Desk: containment of ${plan.caseKey} did not finish`, body });
    }
  } catch (alertError) {
    log.error({ caseKey: plan.caseKey, problem: describeProblem(alertError) }, "the containment alert could not be written either");
  }
}

/** Carries out a release: the exact text (and title) back, the lock and label off, the case closed with a note. */
export async function executeRelease(
  gateways: ContainmentGateways,
  plan: ReleasePlan,
  facts: ReleaseFacts,
  tracking: RepositoryRef,
  log: Logger,
): Promise<void> {
  const { shared, containment } = gateways;
  const { text } = facts;
  const publicRepository = parseRepository(text.repository);
  for (const action of plan.actions) {
    switch (action.type) {
      case "restorePublicText":
        await replacePublicText(containment, text, action.changes);
        break;
      case "unlockIssue":
        await containment.unlock(publicRepository, text.issueNumber);
        break;
      case "unlabelIssue":
        await containment.removeLabel(publicRepository, text.issueNumber, action.label);
        break;
      case "closeCase": {
        const current = facts.existingCase;
        if (!current) break;
        await containment.createComment(tracking, current.number, action.note);
        await shared.closeTrackingIssue(tracking, current.number, withCaseBlock(current.body, action.record));
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`unknown release action ${JSON.stringify(unknown)}`);
      }
    }
  }
  log.info({ caseKey: plan.caseKey }, "contained report released");
}
