import { readCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { userObject } from "../fixtures/github-objects.js";
import { issueCommentCreatedPayload, type WebhookPayload } from "../fixtures/webhook-payloads.js";
import { createTestProbot, sealedForTest, testDependencies } from "../helpers/probot.js";
import { caseKey } from "./fixtures.js";
import { openworx, policyYaml } from "../fixtures/policies.js";
import type { TestGitHub } from "../helpers/github.js";
import type { Permission } from "../harness/standin/state.js";

/** Comments on the tracking issue `octo-org/security-cases#7`, new or edited, delivered through Probot. */

export const trackingRepository = "octo-org/security-cases";
export const admin = userObject("ada-admin", 9_200_010);
export const writer = userObject("wes-writer", 9_200_011);
export const roles: Record<string, Permission> = { "ada-admin": "admin", "wes-writer": "write", "max-maintainer": "write" };
export const maintainerOnlyYaml = `${policyYaml(openworx)}\npublication: { consent: maintainer-only }\n`;

export function seedCase(github: TestGitHub, record: CaseRecord): void {
  github.seedIssue(trackingRepository, {
    number: 7,
    title: `${caseKey}: SQL injection`,
    body: sealedForTest(withCaseBlock("## Case\n\nReport details.", record), trackingRepository, 7),
    labels: ["disclosure", `state:${record.state}`],
  });
}

export interface CommentEvent {
  body: string;
  id: number;
  author: ReturnType<typeof userObject>;
  /** Who edited it, for an edit; a new comment is sent by its author. */
  editor?: ReturnType<typeof userObject>;
  before?: string;
  record: CaseRecord;
}

export function commentEvent({ body, id, author, editor, before = "", record }: CommentEvent): WebhookPayload<"issue_comment.created"> {
  const payload = issueCommentCreatedPayload({
    comment: { body, id, user: author },
    sender: editor ?? author,
    repository: { private: true },
  });
  payload.issue.body = withCaseBlock("## Case", record);
  if (editor === undefined) return payload;
  return { ...payload, action: "edited", changes: { body: { from: before } } } as unknown as WebhookPayload<"issue_comment.created">;
}

export async function deliver(github: TestGitHub, payload: WebhookPayload<"issue_comment.created">, now: Date, id = "delivery-1") {
  await createTestProbot(testDependencies(now), github.url).receive({ id, name: "issue_comment", payload } as Parameters<
    ReturnType<typeof createTestProbot>["receive"]
  >[0]);
}

export function currentRecord(github: TestGitHub): CaseRecord {
  const reading = readCaseBlock(github.issues(trackingRepository)?.[0]?.body);
  if (reading.status !== "found") throw new Error(`case block ${reading.status}`);
  return reading.record;
}

export const replies = (github: TestGitHub) => github.commentBodies(trackingRepository, 7);
export const researcherMessages = (github: TestGitHub) => (github.advisoryComments(caseKey) ?? []).map((comment) => comment.body);
