import type { Context } from "probot";
import { loadRepositoryConfig } from "../config/repository-config.js";
import { parseRepository } from "../github/refs.js";
import { ProposalsGateway } from "../github/proposals-gateway.js";
import { executeProposals } from "../proposals/execute.js";
import { planSecurityMd, pushChangesPolicy, type PushFacts } from "../proposals/security-md.js";
import type { HandlerDependencies } from "./dependencies.js";

/**
 * `push`: when `.github/disclosure.yml` changed on the default branch of a repository (or of the organisation's
 * `.github` repository) whose policy opted in, propose the SECURITY.md rendered from the new policy through a pull
 * request, saying whether private vulnerability reporting is on. Every other push costs no request.
 */
export function handlePush(dependencies: HandlerDependencies) {
  return async (context: Context<"push">): Promise<void> => {
    // 1. Is this a change to the policy on the default branch?
    const push = pushFacts(context.payload);
    const trigger = pushChangesPolicy(push);
    if (!trigger.changes || context.payload.installation === undefined) return;
    const log = context.log.child({ repository: `${push.repository.owner}/${push.repository.repo}`, after: push.after });

    // 2. The policy as just pushed: read without the gateways' short-lived caches.
    const gateway = new ProposalsGateway(context.octokit);
    const policy = await loadRepositoryConfig((ref) => gateway.readText(ref), push.repository);
    const settings = policy.config.documents.securityMd;
    if (!settings.enabled) {
      log.debug("policy changed; SECURITY.md refresh not enabled");
      return;
    }

    // 3. Where the page sends researchers: GitHub's private reporting form, when it is on.
    const privateReporting = dependencies.platform.advisories ? await gateway.privateReporting(push.repository) : "unknown";
    if (privateReporting === "disabled") log.warn("private vulnerability reporting is off on this repository");

    // 4. Plan, then propose.
    const plan = planSecurityMd({
      push,
      config: policy.config,
      errors: policy.errors,
      policyVersion: policy.policyVersion,
      privateReporting,
      advisories: dependencies.platform.advisories,
    });
    log.info(
      { reasons: plan.reasons, actions: plan.actions.map((action) => action.type), problems: policy.errors.length },
      "SECURITY.md refresh planned",
    );
    await executeProposals(gateway, plan, log);
  };
}

export function pushFacts(payload: Context<"push">["payload"]): PushFacts {
  const changedPaths = new Set<string>();
  for (const commit of [...payload.commits, ...(payload.head_commit ? [payload.head_commit] : [])]) {
    for (const path of [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]) changedPaths.add(path);
  }
  return {
    repository: parseRepository(payload.repository.full_name),
    ref: payload.ref,
    defaultBranch: payload.repository.default_branch,
    after: payload.after,
    deleted: payload.deleted,
    changedPaths: [...changedPaths],
  };
}
