import type { Context } from "probot";
import { isWrittenByApp } from "../case/trust.js";
import { CONTAINED_LABEL } from "../containment/public-text.js";
import { visibilityOf } from "../github/gateway.js";
import { classify } from "../policy/classify.js";
import { contain, containmentRun, loadPolicy, publicTextOfIssue } from "../containment/containment-run.js";
import type { HandlerDependencies } from "./dependencies.js";

type IssueContext = Context<"issues.opened"> | Context<"issues.edited">;

/**
 * `issues.opened` / `issues.edited` in a public repository: a vulnerability report posted in public becomes a
 * private case. Private repositories are left alone (their issues are not public), and so are the issues the app
 * wrote itself. Whose text an issue is, is GitHub's word on the issue's author — not the sender of an edit, and not a
 * marker in the text: a reporter's issue that carries the app's "contained" note (typed, or left by the app's own
 * edit) is judged like any other, and containment itself decides from the app's case whether it is already hidden.
 * An edit to a contained issue is contained again whatever it says, once the app's case confirms the containment.
 */
export function handleIssues(dependencies: HandlerDependencies) {
  return async (context: IssueContext): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    if (visibilityOf(payload.repository) === "private" || installationId === undefined || payload.issue.pull_request) return;
    if (isWrittenByApp(payload.issue, dependencies.trust.identity)) return;
    const text = publicTextOfIssue(payload);

    const run = containmentRun(context.octokit, installationId, dependencies, context.log.child({ issue: text.issueNumber }));
    const policy = await loadPolicy(run, text.repository);
    const { containment } = policy.config;
    if (!containment.enabled) return;
    const classification = classify({ title: text.issueTitle, body: text.body, authorAssociation: text.authorAssociation }, containment);
    if (!classification.vulnerabilityReport) {
      // The label only says where to look; the app's own case decides whether the issue is contained.
      const labelled = payload.issue.labels?.some((label) => label.name === CONTAINED_LABEL) === true;
      if (payload.action === "edited" && labelled) return contain(run, policy, text, { type: "editWhileContained" });
      run.log.debug(
        { confidence: classification.confidence, rules: classification.reasons.map((reason) => reason.rule) },
        "not a vulnerability report",
      );
      return;
    }
    await contain(run, policy, text, { type: "automatic", classification });
  };
}
