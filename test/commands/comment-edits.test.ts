import { afterEach, describe, expect, it } from "@jest/globals";
import { HANDLED_COMMENTS_KEPT } from "../../src/commands/plan-comment.js";
import { maintainer } from "../fixtures/webhook-payloads.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { days, resolvedAt, resolvedCase } from "../closing/fixtures.js";
import {
  admin,
  commentEvent,
  currentRecord,
  deliver,
  maintainerOnlyYaml,
  replies,
  researcherMessages,
  roles,
  seedCase,
  trackingRepository,
  writer,
} from "./comment-delivery.js";
import { commandAt, openedCase } from "./fixtures.js";
import { afterHandling } from "./handled-history.js";
import { openworx, policyConfig, policyYaml } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";

/**
 * Edits reach the handler as `issue_comment.edited`, whose sender is whoever edited. Commands run only as the
 * author's: an edit by someone else runs nothing, and an edit of a comment older than every remembered handled one
 * runs nothing either. Each attack has its control, delivered the same way, that does act.
 */

afterEach(stopTestGitHubs);

describe("a command edited into someone else's comment", () => {
  const publishAt = days(resolvedAt, 1);
  const resolved = () => resolvedCase(policyConfig(openworx));
  const adminComment = { id: 2_400_000_050, author: admin, before: "Thanks, we will publish after the review.", record: resolved() };

  it("uses an edit GitHub's webhook schema accepts", () => {
    expect(validateWebhookPayload("issue_comment", commentEvent({ ...adminComment, body: "/disclosure publish", editor: writer }))).toEqual(
      [],
    );
  });

  it("a write user adds /disclosure publish to an admin's comment: nothing changes, and the reply says why", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: maintainerOnlyYaml, roles });
    seedCase(github, resolved());
    await deliver(
      github,
      commentEvent({ ...adminComment, body: `${adminComment.before}\n/disclosure publish`, editor: writer }),
      publishAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toEqual(resolved());
    expect(github.advisoryUpdates()).toEqual([]);
    expect(researcherMessages(github)).toEqual([]);
    expect(github.writesTo(trackingRepository).map((write) => write.method)).toEqual(["POST"]);
    expect(replies(github)).toEqual([
      expect.stringContaining(
        "⛔ Commands edited into someone else's comment are not run: wes-writer edited a comment someone else wrote. Nothing was changed.",
      ),
    ]);
    expect(replies(github)[0]).toContain("<!-- disclosure-desk:reply 2400000050 -->");
  });

  it("control: the admin adds /disclosure publish to their own comment, and the publication is requested", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: maintainerOnlyYaml, roles });
    seedCase(github, resolved());
    await deliver(github, commentEvent({ ...adminComment, body: `${adminComment.before}\n/disclosure publish`, editor: admin }), publishAt);

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github).closing?.publication).toEqual({ requestedAt: publishAt.toISOString(), by: "ada-admin", cve: false });
    expect(currentRecord(github).commands).toEqual([2_400_000_050]);
    expect(replies(github)).toEqual([expect.stringContaining("✅ /disclosure publish — the maintainer-only consent gate is met")]);
  });

  it("an admin editing a write user's comment is refused too: the text is not the editor's", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: maintainerOnlyYaml, roles });
    seedCase(github, resolved());
    await deliver(
      github,
      commentEvent({ id: 2_400_000_051, author: writer, editor: admin, body: "/disclosure publish", record: resolved() }),
      publishAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toEqual(resolved());
    expect(replies(github)).toEqual([expect.stringContaining("ada-admin edited a comment someone else wrote")]);
  });
});

describe("an edit of a comment older than every remembered one", () => {
  const first = 2_400_000_001;
  const history = () =>
    afterHandling(openedCase(policyConfig(openworx), { state: "accepted", resolveBy: "2026-12-18" }), first, HANDLED_COMMENTS_KEPT + 1);

  it("after more than the record keeps, editing the first handled comment does not act again and asks for a new comment", async () => {
    const record = history();
    expect(record.commands).not.toContain(first);
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles });
    seedCase(github, record);
    await deliver(
      github,
      commentEvent({
        id: first,
        author: maintainer,
        editor: maintainer,
        body: "/disclosure update The fix is released.",
        before: "/disclosure update The fix is in review.",
        record,
      }),
      commandAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(researcherMessages(github)).toEqual([]);
    expect(currentRecord(github)).toEqual(record);
    expect(replies(github)).toEqual([
      expect.stringContaining("This comment is older than the comments whose commands Disclosure Desk remembers"),
    ]);
  });

  it("control: a new comment acts", async () => {
    const record = history();
    const github = await startTestGitHub({ trackingPrivate: false, config: policyYaml(openworx), roles });
    seedCase(github, record);
    const newest = first + HANDLED_COMMENTS_KEPT + 10;
    await deliver(
      github,
      commentEvent({ id: newest, author: maintainer, body: "/disclosure update The fix is released.", record }),
      commandAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(researcherMessages(github)).toEqual([expect.stringContaining("> The fix is released.")]);
    expect(currentRecord(github).commands?.at(-1)).toBe(newest);
    expect(currentRecord(github).commandsHandledThrough).toBe(first + 1);
  });
});
