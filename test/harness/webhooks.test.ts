import { describe, expect, it } from "@jest/globals";
import { issueCommentCreatedPayload, issuesOpenedPayload, repositoryAdvisoryReportedPayload, validateWebhookPayload } from "./webhooks.js";

describe("webhook fixtures", () => {
  it("builds a schema-valid repository_advisory.reported payload from a researcher", () => {
    const payload = repositoryAdvisoryReportedPayload();
    expect(validateWebhookPayload("repository_advisory", payload)).toEqual([]);
    expect(payload.repository_advisory.ghsa_id).toMatch(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
    expect(payload.repository_advisory.state).toBe("triage");
    expect(payload.repository.private).toBe(false);
    expect(payload.installation).toEqual({ id: expect.any(Number), node_id: expect.any(String) });
  });

  it("builds schema-valid issues.opened and issue_comment.created payloads", () => {
    expect(validateWebhookPayload("issues", issuesOpenedPayload())).toEqual([]);
    expect(validateWebhookPayload("issue_comment", issueCommentCreatedPayload())).toEqual([]);
  });

  it("deep-merges overrides without losing sibling fields", () => {
    const payload = repositoryAdvisoryReportedPayload({
      repository_advisory: { summary: "Stored XSS in widget titles", severity: "medium" },
      repository: { private: true, visibility: "private" },
    });
    expect(payload.repository_advisory.summary).toBe("Stored XSS in widget titles");
    expect(payload.repository_advisory.description).toContain("Steps to reproduce");
    expect(payload.repository.full_name).toBe("octo-org/widgets");
    expect(validateWebhookPayload("repository_advisory", payload)).toEqual([]);
    const comment = issueCommentCreatedPayload({ comment: { body: "/disclosure reject clickjacking" } });
    expect(comment.comment.body).toBe("/disclosure reject clickjacking");
    expect(comment.comment.user?.login).toBe("max-maintainer");
  });

  it("accepts the researcher as author although GitHub's schema says null-only", () => {
    const payload = repositoryAdvisoryReportedPayload();
    expect(payload.repository_advisory.author).not.toBeNull();
    expect(validateWebhookPayload("repository_advisory", payload)).toEqual([]);
  });

  it("fails a payload with a missing field, naming the field", () => {
    const payload = repositoryAdvisoryReportedPayload({ repository_advisory: { summary: undefined } });
    expect(validateWebhookPayload("repository_advisory", payload)).toEqual([
      'repository-advisory-reported: repository_advisory: missing required field "summary"',
    ]);
  });

  it("fails a payload with a wrong type or an unknown field", () => {
    const wrongType = issuesOpenedPayload({ issue: { number: "42" as unknown as number } });
    expect(validateWebhookPayload("issues", wrongType)).toEqual(["issues-opened: issue.number: must be integer"]);
    const unknownField = repositoryAdvisoryReportedPayload({
      repository_advisory: { comments_count: 3 } as never,
    });
    expect(validateWebhookPayload("repository_advisory", unknownField)).toEqual([
      'repository-advisory-reported: repository_advisory: unknown field "comments_count"',
    ]);
    const wrongAction = repositoryAdvisoryReportedPayload({ action: "drafted" as never });
    expect(validateWebhookPayload("repository_advisory", wrongAction)).toEqual([
      'no webhook schema for repository-advisory-drafted (event "repository_advisory")',
    ]);
  });
});
