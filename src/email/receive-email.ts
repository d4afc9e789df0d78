import type { Logger } from "probot";
import { checkReportedCode } from "../case/code-claims.js";
import type { InstallationClient } from "../github/email-gateway.js";
import { recentCaseKey, type RecentCases } from "../github/gateway-cache.js";
import { GitHubGateway } from "../github/gateway.js";
import { parseRepository, type RepositoryRef } from "../github/refs.js";
import { caseHome, findCase, type CaseHome } from "../intake/open-case.js";
import type { AppServices } from "../github/services.js";
import { emailCaseKey, newThreadToken, readEmailThread, threadCandidates } from "./email-thread.js";
import { executeEmailIntake } from "./execute-email-intake.js";
import { emailReportIdentity, indexCase } from "../reporters/index-case.js";
import { screenIntake } from "../reporters/intake-screening.js";
import { parseInboundMessage } from "./inbound-message.js";
import { planEmailIntake, type EmailCase, type EmailIntakeFacts } from "./plan-email-intake.js";
import { routeFor } from "./email-settings.js";
import { authenticateSender } from "./sender-authentication.js";
import type { Mailer, RetryPolicy } from "./smtp-mailer.js";

/**
 * One inbound e-mail, from raw bytes to a case: parse, check the sender against the trusted receiving server's
 * Authentication-Results, route by recipient, authenticate as the routed repository's installation, find the case
 * the message belongs to, then plan and execute under the case's lock. Log lines carry the case key, counts and
 * decisions — never an address, the subject or the text.
 *
 * Finding the case costs at most two searches (GitHub allows 30 a minute, shared with advisory intake): the recent-case
 * index is asked about every key the message may belong to first; only when it knows none is one key searched — the
 * most telling one — and under the lock the message's own key is looked up (one more search when the index does not
 * know it either).
 */

export type ReceiveOutcome =
  | { status: "opened" | "threaded" | "known"; caseKey: string; issue: number | undefined; acknowledgement?: "sent" | "undelivered" }
  | { status: "refused"; caseKey: string; reason: string }
  | { status: "ignored"; caseKey: string }
  | { status: "unrouted" | "not-installed" };

export interface EmailReceiverOptions {
  routes: ReadonlyMap<string, string>;
  installationFor: (repository: RepositoryRef) => Promise<InstallationClient | null>;
  dependencies: Pick<AppServices, "cache" | "locks" | "now" | "trust">;
  /** EMAIL_TRUSTED_AUTHSERV_ID: the receiving servers whose Authentication-Results verify a sender. */
  trustedAuthservIds: readonly string[];
  mailer: Mailer | undefined;
  retry?: RetryPolicy;
  log: Logger;
}

export function createEmailReceiver(options: EmailReceiverOptions): (raw: Buffer) => Promise<ReceiveOutcome> {
  const { dependencies } = options;
  return async (raw) => {
    const receivedAt = new Date(dependencies.now());
    const message = await parseInboundMessage(raw);
    const route = routeFor(message.recipients, options.routes);
    if (!route) {
      options.log.warn({ recipients: message.recipients.length, bytes: raw.length }, "e-mail to an address without a route: not accepted");
      return { status: "unrouted" };
    }
    const client = await options.installationFor(parseRepository(route.repository));
    if (!client) {
      options.log.error({ repository: route.repository }, "e-mail routed to a repository the App is not installed on");
      return { status: "not-installed" };
    }
    const gateway = new GitHubGateway(client.octokit, dependencies.cache, client.installationId, dependencies.now);
    const home = await caseHome(gateway, route.repository);
    const { policy, tracking, privateTracking: trackingRepository } = home;

    // A reply names its case; a first message (or its redelivery) is its own case.
    const ownKey = emailCaseKey(message.messageId);
    const answered = trackingRepository
      ? await findAnsweredCase(
          gateway,
          dependencies.cache.recentCases,
          trackingRepository,
          threadCandidates(message).filter((key) => key !== ownKey),
        )
      : undefined;
    const caseKey = answered ?? ownKey;
    const sender = authenticateSender(message, options.trustedAuthservIds);
    const log = options.log.child({ caseKey, repository: route.repository });

    return dependencies.locks.withLock(`case:${caseKey}`, async () => {
      const existingCase = await readEmailCase(gateway, home, caseKey);
      const facts: EmailIntakeFacts = {
        message,
        route,
        policy,
        ...(tracking ? { tracking } : {}),
        sender,
        existingCase,
        receivedAt,
        threadToken: newThreadToken(),
        now: new Date(dependencies.now()),
      };
      const screening = { index: dependencies.cache.caseIndex, installationId: client.installationId, secret: dependencies.trust.secret };
      if (!existingCase)
        facts.screening = await screenIntake(screening, emailReportIdentity(message, sender.verified, ownKey), policy.config, facts.now);
      // Only a first message that will open a case is worth the reads of the code it names; a blocked reporter's is not.
      const opensCase =
        trackingRepository !== undefined &&
        existingCase === null &&
        !message.automated &&
        message.from !== undefined &&
        !facts.screening?.blocked;
      const code = opensCase ? gateway.codeReader(parseRepository(route.repository)) : undefined;
      if (code) {
        const codeClaims = await checkReportedCode({ title: message.subject, body: message.text, repository: route.repository }, (read) =>
          code.read(read),
        );
        if (codeClaims) facts.codeClaims = codeClaims;
      }
      const plan = planEmailIntake(facts);
      log.info(
        {
          mode: plan.mode,
          reasons: plan.reasons,
          actions: plan.actions.map((action) => action.type),
          labels: plan.triage?.labels,
          attachments: message.attachments.length,
          bytes: raw.length,
        },
        "e-mail intake planned",
      );
      const result = await executeEmailIntake(
        { gateway, mailer: options.mailer, ...(options.retry ? { retry: options.retry } : {}), log },
        plan,
        facts,
      );
      const opened = plan.actions.find((action) => action.type === "openTrackingIssue");
      if (opened && trackingRepository && result.issue !== undefined)
        await indexCase(screening, { repository: trackingRepository, number: result.issue, record: opened.record });
      if (plan.mode === "refused") return { status: "refused", caseKey, reason: plan.reasons.join("; ") };
      if (plan.mode === "ignored") return { status: "ignored", caseKey };
      const status = plan.mode === "new-case" ? "opened" : plan.mode === "reply" ? "threaded" : "known";
      return { status, caseKey, issue: result.issue, ...(result.acknowledgement ? { acknowledgement: result.acknowledgement } : {}) };
    });
  };
}

/**
 * The case a message answers: the first of `candidates` (most telling first) the recent-case index knows, else the
 * first candidate if a search finds it. The other candidates cost no search: a reply whose mail program kept neither
 * our Message-ID nor the case tag first in line is, at worst, a case of its own.
 */
async function findAnsweredCase(
  gateway: GitHubGateway,
  recentCases: RecentCases,
  tracking: RepositoryRef,
  candidates: readonly string[],
): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (
      (await recentCases.recall(recentCaseKey(tracking, candidate))) !== undefined &&
      (await gateway.findTrackingIssue(tracking, candidate))
    )
      return candidate;
  }
  const [first] = candidates;
  return first !== undefined && (await gateway.findTrackingIssue(tracking, first)) ? first : undefined;
}

async function readEmailCase(gateway: GitHubGateway, home: CaseHome, caseKey: string): Promise<EmailCase | null> {
  const found = await findCase(gateway, home, caseKey);
  if (!found || !home.privateTracking) return null;
  const thread = readEmailThread(found.body);
  // Opening a second case would split the conversation; the delivery fails and the mail system tries again later.
  if (!thread) throw new Error(`tracking issue #${found.number} of an e-mail case has no e-mail thread block`);
  const { labels } = await gateway.getOpenCase(home.privateTracking, found.number);
  return { number: found.number, body: found.body, labels, record: found.record, thread };
}
