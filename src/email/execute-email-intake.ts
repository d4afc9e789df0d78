import type { Logger } from "probot";
import { withCaseBlock, type CaseRecord } from "../case/case-record.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import type { EmailIntakeFacts, EmailIntakePlan } from "./plan-email-intake.js";
import { sendResearcherEmail, type ResearcherEmailDependencies } from "./researcher-email.js";

/**
 * Carries out an e-mail intake plan, in order. Each step is safe to repeat: a redelivered message finds its case and
 * only finishes what is left (an acknowledgement still pending); a reply is copied before it is recorded as seen, so
 * a crash in between can copy it twice but never lose it.
 */

export interface EmailIntakeEffects extends ResearcherEmailDependencies {
  gateway: GitHubGateway;
  log: Logger;
}

export interface EmailIntakeResult {
  issue: number | undefined;
  acknowledgement: "sent" | "undelivered" | undefined;
}

interface OpenCase {
  repository: RepositoryRef;
  number: number;
  body: string;
  record: CaseRecord;
  labels: string[];
}

export async function executeEmailIntake(
  effects: EmailIntakeEffects,
  plan: EmailIntakePlan,
  facts: EmailIntakeFacts,
): Promise<EmailIntakeResult> {
  const { gateway, log } = effects;
  const tracking = facts.tracking ? parseRepository(facts.tracking.repository) : undefined;
  let openCase: OpenCase | undefined = facts.existingCase && tracking ? { repository: tracking, ...facts.existingCase } : undefined;
  let acknowledgement: EmailIntakeResult["acknowledgement"];

  for (const action of plan.actions) {
    switch (action.type) {
      case "warnPublicTrackingRepository": {
        const repository = parseRepository(action.repository);
        log.error({ repository: action.repository }, "tracking repository is public: e-mail report not written there");
        await gateway.ensureNotice(repository, { title: action.title, body: action.body });
        break;
      }
      case "openTrackingIssue": {
        const repository = parseRepository(action.repository);
        const created = await gateway.createTrackingIssue(repository, action, plan.caseKey);
        openCase = { repository, number: created.number, body: action.body, record: action.record, labels: action.labels };
        log.info({ issue: created.number, labels: action.labels }, "tracking issue opened");
        break;
      }
      case "acknowledgeByEmail": {
        if (!openCase) throw new Error("an e-mail acknowledgement needs its tracking issue");
        const outcome = await sendResearcherEmail(
          effects,
          {
            repository: openCase.record.source.repository,
            tracking: openCase.repository,
            number: openCase.number,
            body: openCase.body,
            caseKey: plan.caseKey,
            language: facts.policy.config.language,
          },
          action.email,
        );
        if (outcome.status === "not-an-email-case") throw new Error("the tracking issue has no e-mail thread");
        acknowledgement = outcome.status === "sent" ? "sent" : "undelivered";
        const record: CaseRecord = {
          ...openCase.record,
          acknowledgement: { status: outcome.status === "sent" ? "sent" : "relay-needed", at: facts.now.toISOString() },
        };
        const body = withCaseBlock(openCase.body, record);
        await gateway.updateTrackingIssue(openCase.repository, openCase.number, { body });
        openCase = { ...openCase, body, record };
        if (outcome.status === "sent") log.info({ attempts: outcome.attempts }, "researcher acknowledged by e-mail");
        else
          log.error(
            { attempts: outcome.attempts, reason: outcome.reason },
            "acknowledgement e-mail not delivered: surfaced on the tracking issue",
          );
        break;
      }
      case "mirrorReply": {
        if (!openCase) throw new Error("a reply needs its tracking issue");
        await gateway.addIssueComment(openCase.repository, openCase.number, action.comment);
        const labels = [
          ...openCase.labels.filter((label) => !action.removeLabels.includes(label)),
          ...action.addLabels.filter((label) => !openCase?.labels.includes(label)),
        ];
        const changedLabels = action.addLabels.length > 0 || action.removeLabels.length > 0;
        await gateway.updateTrackingIssue(openCase.repository, openCase.number, {
          body: action.body,
          ...(changedLabels ? { labels } : {}),
        });
        log.info(
          { issue: openCase.number, labelsAdded: action.addLabels, labelsRemoved: action.removeLabels },
          "e-mail reply copied into the case",
        );
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`unknown e-mail intake action ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { issue: openCase?.number, acknowledgement };
}
