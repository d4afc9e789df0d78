import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { readCaseBlock } from "../../src/case/case-record.js";
import { parseContainmentCommand } from "../../src/containment/commands.js";
import { maintainer, researcher } from "../fixtures/webhook-payloads.js";
import { stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import {
  commentPayload,
  deliverComment,
  deliverIssue,
  issuePayload,
  now,
  publicName,
  reportBody,
  setUp,
  trackingRepository,
} from "./support.js";

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith("127.0.0.1:"));
});

afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await stopTestGitHubs();
});

// nock patches Node's http for the whole Jest worker: the files that run after this one get it as Node made it.
afterAll(() => {
  nock.restore();
});

const ordinaryTitle = "Widget export is slow";
const ordinaryBody = "Export takes a minute.\r\nAlso: the admin password is `hunter2` on the shared demo box, everyone can log in.";

describe("parseContainmentCommand", () => {
  it.each([
    ["/disclosure contain", { verb: "contain" }],
    ["thanks!\n/disclosure release\n", { verb: "release" }],
    ["/disclosure contain 2400000123", { verb: "contain", commentId: 2_400_000_123 }],
    [
      "/Disclosure Release https://github.com/octo-org/widgets/issues/42#issuecomment-2400000123",
      { verb: "release", commentId: 2_400_000_123 },
    ],
  ])("reads %j", (body, expected) => {
    expect(parseContainmentCommand(body)).toEqual(expected);
  });

  it.each([
    "> /disclosure contain",
    "```\n/disclosure contain\n```",
    "please /disclosure contain",
    "/disclosure containment",
    "/disclosure accept",
  ])("ignores %j", (body) => {
    expect(parseContainmentCommand(body)).toBeNull();
  });
});

describe("/disclosure contain and release on a public issue", () => {
  it("contains by hand what the classifier let through, and a release restores it byte for byte", async () => {
    const github = await setUp({ title: ordinaryTitle, body: ordinaryBody });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.writes()).toEqual([]);

    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 901, body: "/disclosure contain", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.issue(publicName, 42)?.body).not.toContain("hunter2");
    expect(github.issue(publicName, 42)?.locked).toBe(true);
    const caseIssue = github.issues.get(trackingRepository)?.[0];
    expect(caseIssue?.body).toContain("`/disclosure contain` by max-maintainer");
    expect(github.advisories[0]?.request.credits).toEqual([{ login: researcher.login, type: "reporter" }]);

    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 902, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
    );
    const restored = github.issue(publicName, 42);
    expect(restored?.body).toBe(ordinaryBody);
    expect(restored?.locked).toBe(false);
    expect(restored?.labels).toEqual([]);
    const closed = github.issues.get(trackingRepository)?.[0];
    expect(closed?.state).toBe("closed");
    const block = readCaseBlock(closed?.body);
    expect(block.status === "found" && block.record).toMatchObject({ state: "rejected", containment: { status: "released" } });
    expect(github.commentsOn(trackingRepository, 1).at(-1)?.body).toContain("Released by max-maintainer");

    // The restore fires issues.edited: a released case is not contained again automatically.
    const before = github.writes().length;
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"), "after-release");
    expect(github.writes()).toHaveLength(before);
    expect(github.mock.problems()).toEqual([]);
  });

  it("releases an automatically contained report exactly as it was posted", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.issue(publicName, 42)?.body).not.toBe(reportBody);
    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 903, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.issue(publicName, 42)?.body).toBe(reportBody);
    expect(github.mock.problems()).toEqual([]);
  });

  it("does nothing for a commenter without the configured permission", async () => {
    const github = await setUp({ title: ordinaryTitle, body: ordinaryBody });
    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 904, body: "/disclosure contain" }),
    );
    expect(github.writes()).toEqual([]);

    const contained = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), contained.url), issuePayload(contained));
    const before = contained.writes().length;
    await deliverComment(
      createTestProbot(testDependencies(now), contained.url),
      commentPayload(contained, { id: 905, body: "/disclosure release" }),
    );
    expect(contained.writes()).toHaveLength(before);
    expect(contained.issue(publicName, 42)?.body).not.toBe(reportBody);
  });

  it("refuses a release with nothing to restore, and changes nothing", async () => {
    const github = await setUp({ title: ordinaryTitle, body: ordinaryBody });
    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 906, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.writes()).toEqual([]);
  });
});

describe("a comment that discloses a vulnerability on an ordinary issue", () => {
  const disclosure =
    "FYI the export endpoint has an IDOR: GET https://widgets.example.org/api/export?account=1002 gives me another customer's widgets. Any logged-in user can download other customers' data.";

  it("is copied into its own case, then its text is replaced; the issue stays open for the normal discussion", async () => {
    const github = await setUp({ title: ordinaryTitle, body: "Export takes a minute." });
    github.addComment({
      id: 950,
      repository: publicName,
      issueNumber: 42,
      body: disclosure,
      user: researcher,
      authorAssociation: "NONE",
      createdAt: "2026-11-16T09:30:00Z",
    });
    await deliverComment(createTestProbot(testDependencies(now), github.url), commentPayload(github, { id: 950, body: disclosure }));

    expect(github.mock.problems()).toEqual([]);
    const caseIssue = github.issues.get(trackingRepository)?.[0];
    expect(caseIssue?.title).toBe(`issue:${publicName}#42:comment-950: comment on ${ordinaryTitle}`);
    expect(caseIssue?.body).toContain("Contained from a public comment");
    const comment = github.comments.find((candidate) => candidate.id === 950);
    expect(comment?.body).toContain("This comment was moved to a private channel");
    expect(github.issue(publicName, 42)?.locked).toBe(false);
    expect(github.issue(publicName, 42)?.body).toBe("Export takes a minute.");
    expect(github.commentsOn(publicName, 42).filter((candidate) => candidate.id !== 950)).toHaveLength(1);

    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 951, body: "/disclosure release 950", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.comments.find((candidate) => candidate.id === 950)?.body).toBe(disclosure);
    expect(github.mock.problems()).toEqual([]);
  });

  it("leaves a maintainer's comment and an ordinary comment alone", async () => {
    const github = await setUp({ title: ordinaryTitle, body: "Export takes a minute." });
    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 960, body: disclosure, login: maintainer.login, association: "MEMBER" }),
    );
    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 961, body: "Same here, takes 70 seconds on our instance." }),
    );
    expect(github.writes()).toEqual([]);
  });
});
