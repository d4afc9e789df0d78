import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { readCaseBlock } from "../../src/case/case-record.js";
import { readOriginal, sha256 } from "../../src/containment/original-copy.js";
import { maintainer, researcher } from "../fixtures/webhook-payloads.js";
import { stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import {
  commentPayload,
  deliverComment,
  deliverIssue,
  issuePayload,
  now,
  policyText,
  publicName,
  reportBody,
  reportTitle,
  setUp,
  trackingRepository,
  type ContainmentGitHub,
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

function caseOf(github: ContainmentGitHub) {
  const [trackingIssue, ...others] = github.issues.get(trackingRepository) ?? [];
  expect(others).toEqual([]);
  if (!trackingIssue) throw new Error("no case opened");
  const block = readCaseBlock(trackingIssue.body);
  if (block.status !== "found") throw new Error("no case block");
  return { trackingIssue, record: block.record };
}

/** The exact copy with this hash, wherever in the case (body or comments) it is. */
function copyIn(github: ContainmentGitHub, hash: string | undefined): string | null {
  const { trackingIssue } = caseOf(github);
  return readOriginal(
    [trackingIssue.body, ...github.commentsOn(trackingRepository, trackingIssue.number).map((comment) => comment.body)],
    hash ?? "",
  );
}

const release = (github: ContainmentGitHub, id: number) =>
  deliverComment(
    createTestProbot(testDependencies(now), github.url),
    commentPayload(github, { id, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
  );

describe("the title of a contained issue", () => {
  it("is replaced with a neutral one in the same edit as the body, after the copy of both is confirmed; the case keeps the original", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));

    expect(github.mock.problems()).toEqual([]);
    const publicIssue = github.issue(publicName, 42);
    expect(publicIssue?.title).toBe("Report moved to a private channel");
    expect(publicIssue?.body).toContain("moved to a private channel");

    const { trackingIssue, record } = caseOf(github);
    expect(trackingIssue.title).toBe(`issue:${publicName}#42: ${reportTitle}`);
    expect(record.containment?.originalTitleSha256).toBe(sha256(reportTitle));
    expect(copyIn(github, record.containment?.originalTitleSha256)).toBe(reportTitle);
    expect(copyIn(github, record.containment?.originalSha256)).toBe(reportBody);
    // Hashes only in the record: neither the title nor the text.
    expect(JSON.stringify(record)).not.toContain("tenants");
    expect(github.advisories[0]?.request.summary).toBe(reportTitle);

    const requests = github.mock.requests.filter((request) => !request.path.endsWith("/access_tokens"));
    const publicEdits = requests.filter((request) => request.method === "PATCH" && request.path === `/repos/${publicName}/issues/42`);
    expect(publicEdits).toHaveLength(1);
    expect(publicEdits[0]?.body).toEqual({ title: "Report moved to a private channel", body: publicIssue?.body });
    const editAt = requests.indexOf(publicEdits[0] as (typeof requests)[number]);
    const readBackAt = requests.findLastIndex(
      (request, index) => index < editAt && request.method === "GET" && request.path === `/repos/${trackingRepository}/issues/1`,
    );
    expect(readBackAt).toBeGreaterThan(
      requests.findIndex((request) => request.method === "POST" && request.path === `/repos/${trackingRepository}/issues`),
    );
  });

  it("is neutral in the policy's language", async () => {
    const github = await setUp({
      configFiles: { [`${publicName}:.github/disclosure.yml`]: policyText.replace("language: en", "language: nl") },
    });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.issue(publicName, 42)?.title).toBe("Melding verplaatst naar een vertrouwelijk kanaal");
    expect(github.mock.problems()).toEqual([]);
  });

  it("comes back byte for byte with the body on release, unicode and trailing whitespace included", async () => {
    const title = "Zoë’s 🔐 search leaks other tenants’ widgets (café, 東京)  \t ";
    const body = `${reportBody}\r\n\r\n   \t\n\u00a0`;
    const github = await setUp({ title, body });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.issue(publicName, 42)?.title).toBe("Report moved to a private channel");

    await release(github, 910);
    const restored = github.issue(publicName, 42);
    expect(restored?.title).toBe(title);
    expect(restored?.body).toBe(body);
    expect(restored?.locked).toBe(false);
    expect(caseOf(github).trackingIssue.state).toBe("closed");
    expect(github.mock.problems()).toEqual([]);
  });

  it("is released with the body when the body's copy needs comments of its own", async () => {
    const body = `${reportBody}\n${"Response dump of other tenants' widgets: ".repeat(1_500)}`;
    const github = await setUp({ body });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const { trackingIssue, record } = caseOf(github);
    // The title's small copy stays in the case's body; the report's parts are comments.
    expect(readOriginal([trackingIssue.body], record.containment?.originalTitleSha256 ?? "")).toBe(reportTitle);
    expect(github.commentsOn(trackingRepository, trackingIssue.number).length).toBeGreaterThanOrEqual(2);

    await release(github, 911);
    expect(github.issue(publicName, 42)?.title).toBe(reportTitle);
    expect(github.issue(publicName, 42)?.body).toBe(body);
    expect(github.mock.problems()).toEqual([]);
  });

  it("is not released from a copy that no longer reads back whole: nothing is restored", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const { trackingIssue, record } = caseOf(github);
    const titleHash = record.containment?.originalTitleSha256 ?? "";
    trackingIssue.body = trackingIssue.body.replace(new RegExp(`(sha256=${titleHash} part=1/1 )[A-Za-z0-9+/]{4}`), "$1AAAA");
    const before = { title: github.issue(publicName, 42)?.title, body: github.issue(publicName, 42)?.body };

    await release(github, 912);
    expect(github.issue(publicName, 42)?.title).toBe(before.title);
    expect(github.issue(publicName, 42)?.body).toBe(before.body);
    expect(github.issue(publicName, 42)?.locked).toBe(true);
    expect(caseOf(github).trackingIssue.state).toBe("open");
  });

  it("is copied safely when it is hostile: long, Markdown, HTML, mentions, references and direction overrides", async () => {
    const hostile = `@octo-org/security see #12 **now** [click](https://evil.example) <img src=x onerror=alert(1)> \u202eexe.txt ${"🔐".repeat(180)}`;
    const github = await setUp({ title: hostile });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.mock.problems()).toEqual([]);

    const { trackingIssue, record } = caseOf(github);
    expect(Array.from(trackingIssue.title).length).toBeLessThanOrEqual(256);
    expect(trackingIssue.title.startsWith(`issue:${publicName}#42: `)).toBe(true);
    expect(trackingIssue.title).toContain("@\u200bocto-org/security see #\u200b12");
    expect(trackingIssue.title).not.toContain("\u202e");
    // The readable copy: nobody pinged, nothing cross-linked, no HTML, no link to follow.
    expect(trackingIssue.body).not.toMatch(/@octo-org|#12\b|<img|\]\(https:\/\/evil/);
    expect(String(github.advisories[0]?.request.summary)).not.toMatch(/@octo-org|#12\b/);
    expect(copyIn(github, record.containment?.originalTitleSha256)).toBe(hostile);
    expect(github.issue(publicName, 42)?.title).toBe("Report moved to a private channel");

    await release(github, 913);
    expect(github.issue(publicName, 42)?.title).toBe(hostile);
  });
});

describe("an edit to a contained issue", () => {
  const newTitle = "Update on my earlier findings about tenant isolation, @octo-org/security";

  it("is copied and hidden again, whatever it says, when the app's case shows the issue contained", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const publicIssue = github.issue(publicName, 42);
    if (!publicIssue) throw new Error("no public issue");
    const note = publicIssue.body;
    publicIssue.title = newTitle;
    const writesBefore = github.writes().length;

    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"), "retitled");
    expect(github.mock.problems()).toEqual([]);
    expect(github.issue(publicName, 42)?.title).toBe("Report moved to a private channel");
    expect(github.issue(publicName, 42)?.body).toBe(note);
    const { record } = caseOf(github);
    expect(record.containment).toMatchObject({
      status: "contained",
      originalSha256: sha256(reportBody),
      originalTitleSha256: sha256(newTitle),
    });
    expect(copyIn(github, sha256(newTitle))).toBe(newTitle);
    expect(copyIn(github, sha256(reportTitle))).toBe(reportTitle);
    expect(github.writes().length).toBeGreaterThan(writesBefore);

    // The app's own edit comes back as an edit too: with everything already done, nothing is written.
    const settled = github.writes().length;
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"), "our-own-edit");
    expect(github.writes()).toHaveLength(settled);
  });

  it("is left alone when only the label says contained and the app has no case for it", async () => {
    const github = await setUp({ title: newTitle, body: "Export takes a minute." });
    const publicIssue = github.issue(publicName, 42);
    if (!publicIssue) throw new Error("no public issue");
    publicIssue.labels = ["moved-to-private"];
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"));
    expect(github.writes()).toEqual([]);
    expect(github.issue(publicName, 42)?.title).toBe(newTitle);
  });
});

describe("the title of a comment's issue", () => {
  it("is left as it is when only a comment is contained", async () => {
    const title = "Widget export is slow";
    const disclosure =
      "FYI the export endpoint has an IDOR: GET https://widgets.example.org/api/export?account=1002 gives me another customer's widgets. Any logged-in user can download other customers' data.";
    const github = await setUp({ title, body: "Export takes a minute." });
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
    expect(github.comments.find((comment) => comment.id === 950)?.body).toContain("This comment was moved to a private channel");
    expect(github.issue(publicName, 42)?.title).toBe(title);
    expect(caseOf(github).record.containment?.originalTitleSha256).toBeUndefined();
    expect(github.mock.requests.some((request) => request.method === "PATCH" && request.path === `/repos/${publicName}/issues/42`)).toBe(
      false,
    );
  });
});
