import type { Logger } from "probot";
import { renderRelay, type RelayReason } from "../case/relay.js";
import { relayedCaseOpening, type IntakeFacts, type IntakePlan } from "../case/plan-intake.js";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { CommentResult } from "../github/advisory-comments.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";

interface OpenCase {
  repository: RepositoryRef;
  number: number;
  body: string;
  record: CaseRecord;
}

/**
 * Carries out an intake plan, in order. Each step is safe to repeat: a redelivery after a failure finishes the job.
 * An acknowledgement posted before its case opens is entered in the ledger of pending acknowledgements until the case
 * is open, so a redelivery opens the case without acknowledging again. Returns the case it opened or found, for the
 * case index.
 */
export async function executeIntake(
  gateway: GitHubGateway,
  plan: IntakePlan,
  facts: IntakeFacts,
  log: Logger,
): Promise<OpenCase | undefined> {
  let openCase: OpenCase | undefined =
    facts.existingCase && facts.tracking ? await existingCase(gateway, facts.tracking.repository, plan.caseKey) : undefined;
  const advisory = { ...parseRepository(facts.advisory.repository), ghsaId: facts.advisory.ghsaId };
  const pending = gateway.pendingAcknowledgements();
  const opensCase = plan.actions.some((action) => action.type === "openTrackingIssue");
  let acknowledgement: CommentResult | undefined;

  for (const action of plan.actions) {
    switch (action.type) {
      case "warnPublicTrackingRepository": {
        const repository = parseRepository(action.repository);
        log.error({ repository: action.repository }, "tracking repository is public: no report content written there");
        await gateway.ensureNotice(repository, { title: action.title, body: action.body });
        break;
      }
      case "acknowledgeResearcher": {
        const earlier = action.lookForEarlierAcknowledgement ? await gateway.findAdvisoryComment(advisory, action.marker) : null;
        acknowledgement =
          earlier === "unavailable"
            ? { status: "unavailable" as const, reason: "comments-api-unavailable" as const }
            : earlier
              ? { status: "sent", id: earlier.id }
              : await gateway.addAdvisoryComment(advisory, action.message);
        if (acknowledgement.status === "sent") {
          log.info({ comment: acknowledgement.id, found: Boolean(earlier) }, "researcher acknowledged");
          if (openCase) await recordAcknowledgement(gateway, openCase, "sent", facts.now);
          else if (opensCase) await pending.record(plan.caseKey, acknowledgement.id, facts.now);
        } else if (openCase) {
          log.warn({ reason: acknowledgement.reason }, "acknowledgement to be relayed by a maintainer");
          await relay(gateway, openCase, facts, action.message, acknowledgement.reason);
        } else if (!opensCase) {
          log.error({ reason: acknowledgement.reason }, "acknowledgement could not be sent and there is no tracking issue to relay it");
        }
        break;
      }
      case "openTrackingIssue": {
        const repository = parseRepository(action.repository);
        const opening = acknowledgement?.status === "unavailable" ? relayedCaseOpening(facts, plan, acknowledgement.reason) : action;
        if (acknowledgement?.status === "unavailable")
          log.warn({ reason: acknowledgement.reason }, "acknowledgement to be relayed by a maintainer");
        const created = await gateway.createTrackingIssue(
          repository,
          { title: action.title, body: opening.body, labels: opening.labels },
          plan.caseKey,
        );
        await pending.settle(plan.caseKey);
        openCase = { repository, number: created.number, body: opening.body, record: opening.record };
        log.info({ issue: created.number, labels: opening.labels }, "tracking issue opened");
        break;
      }
      case "relayAcknowledgement":
        if (openCase) await relay(gateway, openCase, facts, action.message, action.reason);
        break;
      case "closeBlockedReport": {
        const earlier = await gateway.findAdvisoryComment(advisory, action.marker);
        const told =
          earlier === null
            ? (await gateway.addAdvisoryComment(advisory, action.message)).status
            : earlier === "unavailable"
              ? earlier
              : "sent";
        await gateway.closeAdvisory(advisory);
        log.info({ told }, "report of a blocked reporter closed; no case opened");
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`unknown intake action ${JSON.stringify(unknown)}`);
      }
    }
  }
  return openCase;
}

async function existingCase(gateway: GitHubGateway, trackingName: string, caseKey: string): Promise<OpenCase | undefined> {
  const repository = parseRepository(trackingName);
  const found = await gateway.findTrackingIssue(repository, caseKey);
  return found ? { repository, number: found.number, body: found.body, record: found.record } : undefined;
}

async function recordAcknowledgement(
  gateway: GitHubGateway,
  openCase: OpenCase,
  status: "sent" | "relay-needed",
  now: Date,
  extraBody = "",
): Promise<void> {
  const record: CaseRecord = { ...openCase.record, acknowledgement: { status, at: now.toISOString() } };
  const body = withCaseBlock(`${openCase.body.replace(/<!-- disclosure-desk:case [^\n]*-->\s*$/, "").trimEnd()}${extraBody}`, record);
  await gateway.updateTrackingIssue(openCase.repository, openCase.number, { body });
  openCase.record = record;
  openCase.body = body;
}

async function relay(gateway: GitHubGateway, openCase: OpenCase, facts: IntakeFacts, message: string, reason: RelayReason): Promise<void> {
  const section = renderRelay(facts.policy.config.language, facts.advisory.htmlUrl, { message, reason });
  await recordAcknowledgement(gateway, openCase, "relay-needed", facts.now, `\n\n${section}`);
  await gateway.addLabels(openCase.repository, openCase.number, ["relay-needed"]);
}
