import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import type { Language } from "../config/schema.js";
import { renderRelay, type RelayReason } from "../case/relay.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import type { CaseSweepPlan, SweepAction } from "./plan-sweep.js";
import { sweepMarker } from "./plan-sweep.js";
import { isEmailCase, markdownToPlainText } from "../email/researcher-channel.js";
import { sendResearcherEmail } from "../email/researcher-email.js";
import type { Mailer } from "../email/smtp-mailer.js";

/** What the sweep logs through: pino's shape, without depending on Probot here. */
export interface SweepLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SweptCase {
  repository: RepositoryRef;
  number: number;
  /** The issue body as read under the case's lock; the record is written back into it. */
  body: string;
  record: CaseRecord;
  language: Language;
}

export interface CaseSweepOutcome {
  /** Messages posted by this run. */
  posted: number;
  /** Messages a crashed earlier run had already posted, found by their marker and not posted again. */
  alreadyPosted: number;
}

type MessageAction = Extract<SweepAction, { marker: string }>;
type ResearcherMessageAction = Extract<SweepAction, { type: "closeSilentCase" | "tellNewDates" }>;

function isResearcherMessage(action: SweepAction): action is ResearcherMessageAction {
  return action.type === "closeSilentCase" || action.type === "tellNewDates";
}

/**
 * Carries out one case's sweep plan, in order: messages, labels, then the record. A message is posted only when no
 * comment carries its marker yet (see plan.ts for why this makes a crash between two calls converge). The markers
 * are looked up once per case, and only when the plan has a message to send.
 */
export async function executeCaseSweep(
  gateway: GitHubGateway,
  swept: SweptCase,
  plan: CaseSweepPlan,
  log: SweepLog,
  mailer?: Mailer,
): Promise<CaseSweepOutcome> {
  const outcome: CaseSweepOutcome = { posted: 0, alreadyPosted: 0 };
  const trackingMarkers = plan.actions.filter((action): action is MessageAction => "marker" in action && !isResearcherMessage(action));
  const relayMarkers = plan.actions.flatMap((action) => (isResearcherMessage(action) ? [sweepMarker(action.key)] : []));
  const present =
    trackingMarkers.length + relayMarkers.length > 0
      ? await gateway.findIssueCommentMarkers(swept.repository, swept.number, [
          ...trackingMarkers.map((action) => action.marker),
          ...relayMarkers,
        ])
      : new Set<string>();

  const postOnce = async (marker: string, body: string) => {
    if (present.has(marker)) {
      outcome.alreadyPosted += 1;
      return;
    }
    await gateway.addIssueComment(swept.repository, swept.number, body);
    present.add(marker);
    outcome.posted += 1;
  };

  for (const action of plan.actions) {
    switch (action.type) {
      case "remindMaintainers":
      case "escalate":
      case "updateDue":
        await postOnce(action.marker, action.body);
        log.info({ key: action.key }, `${action.type}: done`);
        break;
      case "setSlaLabel":
        if (action.add) await gateway.addLabels(swept.repository, swept.number, [action.add]);
        for (const label of action.remove) await gateway.removeLabel(swept.repository, swept.number, label);
        break;
      case "closeSilentCase":
      case "tellNewDates":
        await sendResearcherMessage(gateway, swept, action, postOnce, outcome, log, mailer);
        break;
      case "recordSweep": {
        const body = withCaseBlock(swept.body, action.record);
        if (action.close) await gateway.closeTrackingIssue(swept.repository, swept.number, body);
        else await gateway.updateTrackingIssue(swept.repository, swept.number, { body });
        swept.body = body;
        swept.record = action.record;
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`unknown sweep action ${JSON.stringify(unknown)}`);
      }
    }
  }
  return outcome;
}

/**
 * A message from the sweep to the researcher (the closing of a silent case, the dates a pause moved): by e-mail for
 * an e-mail case, else on the advisory; without the comments API a maintainer relays it.
 */
async function sendResearcherMessage(
  gateway: GitHubGateway,
  swept: SweptCase,
  action: ResearcherMessageAction,
  postOnce: (marker: string, body: string) => Promise<void>,
  outcome: CaseSweepOutcome,
  log: SweepLog,
  mailer: Mailer | undefined,
): Promise<void> {
  const { record } = swept;
  if (isEmailCase(record)) {
    // By e-mail, threaded; without a mailer, or when delivery fails, the message is surfaced for a maintainer.
    const sent = await sendResearcherEmail(
      { gateway, mailer },
      {
        repository: record.source.repository,
        tracking: swept.repository,
        number: swept.number,
        body: swept.body,
        caseKey: record.key,
        language: swept.language,
      },
      // Keyed by the sweep action, so a case closed a second time (after a reopen), or a second pause, gets a message of its own.
      { messageKey: `sweep-${action.key.replace(/[^\w.-]/g, "-")}`, text: markdownToPlainText(action.message) },
    );
    if (sent.status === "sent") outcome.posted += 1;
    log.info({ key: action.key, delivery: sent.status }, `${action.type}: e-mail case, message handed to the e-mail channel`);
    return;
  }
  let reason: RelayReason = "channel-not-writable";
  if (record.channel === "advisory" && record.source.ghsaId) {
    const advisory = { ...parseRepository(record.source.repository), ghsaId: record.source.ghsaId };
    const earlier = await gateway.findAdvisoryComment(advisory, action.marker);
    if (earlier !== null && earlier !== "unavailable") {
      outcome.alreadyPosted += 1;
      return;
    }
    const sent =
      earlier === "unavailable"
        ? { status: "unavailable" as const, reason: "comments-api-unavailable" as const }
        : await gateway.addAdvisoryComment(advisory, action.message);
    if (sent.status === "sent") {
      outcome.posted += 1;
      log.info({ key: action.key, comment: sent.id }, `${action.type}: researcher told on the advisory`);
      return;
    }
    reason = sent.reason;
  }
  const relay = renderRelay(swept.language, record.source.url ?? record.source.repository, {
    message: action.message,
    reason,
    channel: record.channel,
  });
  await postOnce(sweepMarker(action.key), `${relay}\n${sweepMarker(action.key)}\n`);
  await gateway.addLabels(swept.repository, swept.number, ["relay-needed"]);
  log.warn({ key: action.key, reason }, `${action.type}: message to be relayed by a maintainer`);
}
