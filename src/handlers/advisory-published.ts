import type { Context } from "probot";
import { withCaseBlock } from "../case/case-record.js";
import { ClosingGateway } from "../github/closing-gateway.js";
import { planOutsidePublication } from "../closing/outside-publication.js";
import { ConversationGateway } from "../github/conversation-gateway.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { caseHome, findCase } from "../intake/open-case.js";
import { loadPinnedConfig } from "../config/pinned-config.js";
import type { HandlerDependencies } from "./dependencies.js";

/**
 * `repository_advisory.published`: an advisory went public. When Disclosure Desk published it, the case already says
 * so and nothing happens. Otherwise, under the case's lock, the case is marked published and, when the consent gate
 * was not met at that moment, maintainers are alerted on the tracking issue (see `planOutsidePublication`).
 */
export function handleAdvisoryPublished(dependencies: HandlerDependencies) {
  return async (context: Context<"repository_advisory.published">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    const ghsaId = payload.repository_advisory.ghsa_id;
    const log = context.log.child({ caseKey: ghsaId });
    if (installationId === undefined) return;
    const gateway = new GitHubGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const conversation = new ConversationGateway(context.octokit, dependencies.cache, installationId, dependencies.now);
    const source = parseRepository(payload.repository.full_name);
    const home = await caseHome(gateway, payload.repository.full_name);
    if (!home.tracking) return;
    const tracking = home.privateTracking;
    if (!tracking) {
      log.warn("tracking repository is public: nothing written there");
      return;
    }

    await dependencies.locks.withLock(`case:${ghsaId}`, async () => {
      const found = await findCase(gateway, home, ghsaId);
      if (found === null) {
        log.info("published advisory without a case: nothing to do");
        return;
      }
      const issue = await conversation.readIssue(tracking, found.number);
      const { reading } = issue;
      if (reading.status !== "found" || reading.record.key !== ghsaId) return;
      const { config } = await loadPinnedConfig(
        (ref) => gateway.readConfigFile(ref),
        (ref, sha) => conversation.readBlob(ref, sha),
        source,
        reading.record.policyVersion,
      );
      const now = new Date(dependencies.now());
      const publishedAt = payload.repository_advisory.published_at ? new Date(payload.repository_advisory.published_at) : now;
      const plan = planOutsidePublication({
        record: reading.record,
        labels: issue.labels,
        config,
        advisoryUrl: payload.repository_advisory.html_url,
        publishedAt,
        now,
      });
      if (plan.status === "already-published") {
        log.info("advisory published by Disclosure Desk: case already recorded");
        return;
      }
      log[plan.outsideGate ? "warn" : "info"]({ issue: issue.number, reasons: plan.reasons }, "advisory published outside Disclosure Desk");
      await conversation.commentOnIssue(tracking, issue.number, plan.comment);
      await new ClosingGateway(context.octokit).closeAsCompleted(tracking, issue.number, {
        body: withCaseBlock(issue.body, plan.record),
        labels: plan.labels,
      });
    });
  };
}
