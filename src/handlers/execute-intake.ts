import type { Logger } from "probot";
import { renderRelay, type IntakeFacts, type IntakePlan } from "../case/intake.js";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import { parseRepository, type GitHubGateway, type RepositoryRef } from "../github/gateway.js";

interface OpenCase {
  repository: RepositoryRef;
  number: number;
  body: string;
  record: CaseRecord;
}

/**
 * Carries out an intake plan, in order. Each step is safe to repeat: a redelivery after a crash finishes the job.
 * Returns the case it opened or found, for the case index.
 */
export async function executeIntake(gateway: GitHubGateway, plan: IntakePlan, facts: IntakeFacts, log: Logger): Promise<{ repository: RepositoryRef; number: number; record: CaseRecord } | undefined> {
  let openCase: OpenCase | undefined = facts.existingCase && facts.tracking
    ? await existingCase(gateway, facts.tracking.repository, plan.caseKey)
    : undefined;
  const advisory = { ...parseRepository(facts.advisory.repository), ghsaId: facts.advisory.ghsaId };

  for (const action of plan.actions) {
    switch (action.type) {
      case "warnPublicTrackingRepository": {
        const repository = parseRepository(action.repository);
        log.error({ repository: action.repository }, "tracking repository is public: no report content written there");
        await gateway.ensureNotice(repository, { title: action.title, body: action.body });
        break;
      }
      case "openTrackingIssue": {
        const repository = parseRepository(action.repository);
        const created = await gateway.createTrackingIssue(repository, action, plan.caseKey);
        openCase = { repository, number: created.number, body: action.body, record: action.record };
        log.info({ issue: created.number, labels: action.labels }, "tracking issue opened");
        break;
      }
      case "acknowledgeResearcher": {
        const earlier = action.lookForEarlierAcknowledgement ? await gateway.findAdvisoryComment(advisory, action.marker) : null;
        const outcome = earlier === "unavailable"
          ? { status: "unavailable" as const, reason: "the advisory comments API is not available" }
          : earlier
            ? { status: "sent" as const, id: earlier.id }
            : await gateway.addAdvisoryComment(advisory, action.message);
        if (outcome.status === "sent") {
          log.info({ comment: outcome.id, found: Boolean(earlier) }, "researcher acknowledged");
          if (openCase) await recordAcknowledgement(gateway, openCase, "sent", facts.now);
        } else if (openCase) {
          log.warn({ reason: outcome.reason }, "acknowledgement to be relayed by a maintainer");
          await relay(gateway, openCase, facts, action.message, outcome.reason);
        } else {
          log.error({ reason: outcome.reason }, "acknowledgement could not be sent and there is no tracking issue to relay it");
        }
        break;
      }
      case "relayAcknowledgement":
        if (openCase) await relay(gateway, openCase, facts, action.message, action.reason);
        break;
      case "closeBlockedReport": {
        const earlier = await gateway.findAdvisoryComment(advisory, action.marker);
        const told = earlier === null ? (await gateway.addAdvisoryComment(advisory, action.message)).status : earlier === "unavailable" ? earlier : "sent";
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

async function recordAcknowledgement(gateway: GitHubGateway, openCase: OpenCase, status: "sent" | "relay-needed", now: Date, extraBody = ""): Promise<void> {
  const record: CaseRecord = { ...openCase.record, acknowledgement: { status, at: now.toISOString() } };
  const body = withCaseBlock(`${openCase.body.replace(/<!-- disclosure-desk:case [^\n]*-->\s*$/, "").trimEnd()}${extraBody}`, record);
  await gateway.updateTrackingIssue(openCase.repository, openCase.number, { body });
  openCase.record = record;
  openCase.body = body;
}

async function relay(gateway: GitHubGateway, openCase: OpenCase, facts: IntakeFacts, message: string, reason: string): Promise<void> {
  const section = renderRelay(facts.policy.config.language, facts.advisory.htmlUrl, { message, reason });
  await recordAcknowledgement(gateway, openCase, "relay-needed", facts.now, `\n\n${section}`);
  await gateway.addLabels(openCase.repository, openCase.number, ["relay-needed"]);
}
