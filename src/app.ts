import type { ApplicationFunction } from "probot";
import { handleAdvisoryPublished } from "./handlers/advisory-published.js";
import { handleAdvisoryReported } from "./handlers/advisory-reported.js";
import type { HandlerDependencies } from "./handlers/dependencies.js";
import { handleIssueComment } from "./handlers/issue-comment.js";
import { handleIssues } from "./handlers/issues.js";
import { handlePush } from "./handlers/push.js";
import { handleCaseChange } from "./handlers/dashboard-case-change.js";

/** Registers Disclosure Desk's handlers; nothing else happens here. */
export function disclosureDesk(dependencies: HandlerDependencies): ApplicationFunction {
  return (app) => {
    app.on("repository_advisory.reported", handleAdvisoryReported(dependencies));
    app.on("repository_advisory.published", handleAdvisoryPublished(dependencies));
    app.on(["issues.opened", "issues.edited"], handleIssues(dependencies));
    app.on(["issue_comment.created", "issue_comment.edited"], handleIssueComment(dependencies));
    app.on("push", handlePush(dependencies));
    app.on(["issues.opened", "issues.edited", "issues.closed", "issues.reopened"], handleCaseChange(dependencies));
  };
}
