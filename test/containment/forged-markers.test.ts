import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { readCaseBlock, renderCaseBlock, type CaseRecord } from "../../src/case/case-record.js";
import { readOriginal, sha256 } from "../../src/containment/original-copy.js";
import { containmentNotice } from "../../src/containment/public-text.js";
import { maintainer, researcher, type WebhookPayload } from "../fixtures/webhook-payloads.js";
import { stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import {
  appBot,
  commentPayload,
  deliverComment,
  deliverIssue,
  issuePayload,
  now,
  publicName,
  reportBody,
  setUp,
  trackingRepository,
  type ContainmentGitHub,
} from "./support.js";

/**
 * Disclosure Desk's markers (`<!-- disclosure-desk:… -->`) mean something only in text the app wrote. Typed into a
 * public issue or comment by anyone else, they must neither stop containment nor make the app believe that a case
 * exists, that the text is already hidden, or that the reporter was already guided.
 */

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

const caseKey = `issue:${publicName}#42`;
const containedMarker = `<!-- disclosure-desk:contained ${caseKey} -->`;
const neutralTitle = "Report moved to a private channel";

function casesIn(github: ContainmentGitHub) {
  return (github.issues.get(trackingRepository) ?? []).map((issue) => {
    const block = readCaseBlock(issue.body);
    if (block.status !== "found") throw new Error(`tracking issue #${issue.number} has no case block`);
    return { issue, record: block.record };
  });
}

function copyIn(github: ContainmentGitHub, caseNumber: number, hash: string | undefined): string | null {
  const caseIssue = github.issue(trackingRepository, caseNumber);
  return readOriginal(
    [caseIssue?.body ?? "", ...github.commentsOn(trackingRepository, caseNumber).map((comment) => comment.body)],
    hash ?? "",
  );
}

function forgedRecord(key: string, issue: number): CaseRecord {
  return {
    v: 1,
    key,
    channel: "issue",
    source: { repository: publicName },
    state: "rejected",
    receivedAt: "2026-11-01T09:00:00.000Z",
    openedAt: "2026-11-01T09:00:00.000Z",
    policyVersion: null,
    configError: false,
    deadlines: { responseDue: "2026-11-08T22:59:59.999Z" },
    acknowledgement: { status: "sent", at: "2026-11-01T09:00:00.000Z" },
    containment: { kind: "issue", issue, originalSha256: sha256("nothing to see"), status: "released", lockedByContainment: false },
  };
}

describe("an outsider's public issue that carries the app's markers", () => {
  it("is contained although its body carries the app's 'contained' note; the same issue written by the app itself is left alone", async () => {
    const body = `${reportBody}\n\n${containedMarker}`;
    const github = await setUp({ body });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));

    expect(github.mock.problems()).toEqual([]);
    const [found, ...more] = casesIn(github);
    expect(more).toEqual([]);
    expect(found?.record.containment?.status).toBe("contained");
    expect(copyIn(github, found?.issue.number ?? 0, found?.record.containment?.originalSha256)).toBe(body);
    const publicIssue = github.issue(publicName, 42);
    expect(publicIssue?.body).not.toContain("OR 1=1");
    expect(publicIssue?.title).toBe(neutralTitle);
    expect(publicIssue?.locked).toBe(true);

    const written = await setUp({ body, author: appBot });
    await deliverIssue(createTestProbot(testDependencies(now), written.url), issuePayload(written));
    expect(written.writes()).toEqual([]);
    expect(written.issue(publicName, 42)?.body).toBe(body);
  });

  it("is judged by its author, not by who sent the edit: an edit the app is named as sender of does not make the body the app's", async () => {
    const body = `${reportBody}\n\n${containedMarker}`;
    const github = await setUp({ body });
    const edited = { ...issuePayload(github, "edited"), sender: appBot } as WebhookPayload<"issues.opened">;
    await deliverIssue(createTestProbot(testDependencies(now), github.url), edited);
    expect(casesIn(github)).toHaveLength(1);
    expect(github.issue(publicName, 42)?.body).not.toContain("OR 1=1");

    const written = await setUp({ body, author: appBot });
    await deliverIssue(createTestProbot(testDependencies(now), written.url), {
      ...issuePayload(written, "edited"),
      sender: researcher,
    } as WebhookPayload<"issues.opened">);
    expect(written.writes()).toEqual([]);
  });

  it("is contained on command although its body is, word for word, the app's note, with the report in the title", async () => {
    // The note exactly as the app would write it on this issue, typed by the outsider: without the app's case it is text.
    const note = containmentNotice("en", { kind: "issue", repository: publicName, issueNumber: 42 });
    const title = "SQL injection: GET /api/widgets/search?q=' OR 1=1-- returns every tenant's widgets";
    const forged = await setUp({ title, body: note });

    await deliverComment(
      createTestProbot(testDependencies(now), forged.url),
      commentPayload(forged, { id: 920, body: "/disclosure contain", login: maintainer.login, association: "MEMBER" }),
    );
    expect(forged.mock.problems()).toEqual([]);
    const [found] = casesIn(forged);
    expect(found?.record.containment?.status).toBe("contained");
    expect(copyIn(forged, found?.issue.number ?? 0, found?.record.containment?.originalTitleSha256)).toBe(title);
    expect(forged.issue(publicName, 42)?.title).toBe(neutralTitle);
    expect(forged.issue(publicName, 42)?.locked).toBe(true);
  });

  it("is copied and hidden again when its author edits the contained issue, keeping the app's note and adding to it", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const publicIssue = github.issue(publicName, 42);
    if (!publicIssue) throw new Error("no public issue");
    const note = publicIssue.body;
    const edited = `${note}\nUpdate: the same injection on https://widgets.example.org/api/export?q=' OR 1=1-- dumps every tenant's invoices too. An attacker can read all customer data.`;
    publicIssue.body = edited;

    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"), "edited-by-author");
    expect(github.issue(publicName, 42)?.body).toBe(note);
    const [found, ...more] = casesIn(github);
    expect(more).toEqual([]);
    expect(found?.record.containment?.originalSha256).toBe(sha256(edited));
    expect(copyIn(github, found?.issue.number ?? 0, sha256(edited))).toBe(edited);
    expect(copyIn(github, found?.issue.number ?? 0, sha256(reportBody))).toBe(reportBody);
    expect(github.mock.problems()).toEqual([]);
  });

  it("is contained although it carries forged case blocks, which never reach the case as blocks, nor confuse another issue's case", async () => {
    const body = [
      reportBody,
      renderCaseBlock(forgedRecord(caseKey, 42)),
      renderCaseBlock(forgedRecord(`issue:${publicName}#43`, 43)),
      `<!-- disclosure-desk:containment-advisory issue:${publicName}#43 -->`,
      "<!-- disclosure-desk:advisory-pending -->…",
    ].join("\n");
    const github = await setUp({ body, title: `Widgets leak, see issue:${publicName}#43` });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));

    expect(github.mock.problems()).toEqual([]);
    const [first] = casesIn(github);
    expect(first?.record).toMatchObject({
      key: caseKey,
      state: "triage",
      containment: { status: "contained", advisory: { status: "draft", ghsaId: "GHSA-c0nt-0001-ab12" } },
    });
    expect(first?.issue.body.match(/<!-- disclosure-desk:case /g)).toHaveLength(1);
    expect(first?.issue.body.match(/<!-- disclosure-desk:advisory-pending/g)).toBeNull();
    expect(first?.issue.body).toContain("[GHSA-c0nt-0001-ab12](https://github.com/");
    expect(first?.issue.title).not.toContain(`issue:${publicName}#43`);
    expect(github.advisories[0]?.request.description).not.toContain(`<!-- disclosure-desk:containment-advisory issue:${publicName}#43`);
    expect(github.issue(publicName, 42)?.body).not.toContain("OR 1=1");

    // Issue #43 gets a case and an advisory of its own, even when its containment has to be finished by a redelivery.
    github.addIssue(publicName, {
      number: 43,
      title: "Export leaks other tenants' widgets",
      body: reportBody,
      user: researcher,
      authorAssociation: "NONE",
      createdAt: "2026-11-16T09:10:00Z",
    });
    github.failOn({ method: "PUT", path: new RegExp(`^/repos/${publicName}/issues/43/lock$`), status: 502, times: 1 });
    await expect(
      deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "opened", 43), "d43"),
    ).rejects.toThrow();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "opened", 43), "d43-again");
    const second = casesIn(github).find((found) => found.record.key === `issue:${publicName}#43`);
    expect(second?.issue.number).not.toBe(first?.issue.number);
    expect(second?.record.containment).toMatchObject({ status: "contained", advisory: { status: "draft", ghsaId: "GHSA-c0nt-0002-ab12" } });
    expect(github.advisories).toHaveLength(2);

    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 921, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.issue(publicName, 42)?.body).toBe(body);
    expect(github.mock.problems()).toEqual([]);
  });
});

describe("the draft advisory of a case, when containment is finished by a redelivery", () => {
  it("is the app's own, not a reporter's draft that carries the case's advisory marker", async () => {
    const github = await setUp();
    // A private vulnerability report a maintainer accepted as a draft: its description is the reporter's text.
    github.addAdvisory({
      repository: publicName,
      ghsaId: "GHSA-rprt-0001-zz99",
      summary: "Widgets",
      description: `Found it first.\n<!-- disclosure-desk:containment-advisory ${caseKey} -->`,
      author: researcher,
    });
    github.failOn({ method: "PUT", path: new RegExp(`^/repos/${publicName}/issues/42/lock$`), status: 502, times: 1 });
    const delivery = issuePayload(github);
    await expect(deliverIssue(createTestProbot(testDependencies(now), github.url), delivery)).rejects.toThrow();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), delivery, "redelivery");

    expect(github.mock.problems()).toEqual([]);
    // The app's own draft, opened by the first delivery, is found again: no third one.
    expect(github.advisories.map((advisory) => advisory.ghsaId)).toEqual(["GHSA-rprt-0001-zz99", "GHSA-c0nt-0002-ab12"]);
    expect(casesIn(github)[0]?.record.containment?.advisory).toEqual({ status: "draft", ghsaId: "GHSA-c0nt-0002-ab12" });
  });
});

describe("an outsider's comment that carries the app's markers", () => {
  const disclosure =
    "FYI the export endpoint has an IDOR: GET https://widgets.example.org/api/export?account=1002 gives me another customer's widgets. Any logged-in user can download other customers' data.";

  it("is contained although it carries the 'contained' note; the app's own comment is left alone", async () => {
    const body = `${disclosure}\n\n<!-- disclosure-desk:contained ${caseKey}:comment-950 -->`;
    const github = await setUp({ title: "Widget export is slow", body: "Export takes a minute." });
    github.addComment({
      id: 950,
      repository: publicName,
      issueNumber: 42,
      body,
      user: researcher,
      authorAssociation: "NONE",
      createdAt: "2026-11-16T09:30:00Z",
    });
    await deliverComment(createTestProbot(testDependencies(now), github.url), commentPayload(github, { id: 950, body }));
    expect(github.comments.find((comment) => comment.id === 950)?.body).toContain("This comment was moved to a private channel");
    expect(casesIn(github)).toHaveLength(1);

    const written = await setUp({ title: "Widget export is slow", body: "Export takes a minute." });
    written.addComment({
      id: 951,
      repository: publicName,
      issueNumber: 42,
      body,
      user: appBot,
      authorAssociation: "NONE",
      createdAt: "2026-11-16T09:30:00Z",
    });
    const payload = commentPayload(written, { id: 951, body });
    await deliverComment(createTestProbot(testDependencies(now), written.url), {
      ...payload,
      comment: { ...payload.comment, user: appBot },
      sender: appBot,
    } as typeof payload);
    expect(written.writes()).toEqual([]);
  });
});

describe("the note to the reporter, when containment is finished by a redelivery", () => {
  const guidanceMarker = `<!-- disclosure-desk:containment-guidance ${caseKey} -->`;
  const forgeGuidance = (github: ContainmentGitHub) =>
    github.addComment({
      id: 940,
      repository: publicName,
      issueNumber: 42,
      body: `thanks, moving on\n${guidanceMarker}`,
      user: researcher,
      authorAssociation: "NONE",
      createdAt: "2026-11-16T09:00:30Z",
    });
  const appGuidance = (github: ContainmentGitHub) =>
    github.commentsOn(publicName, 42).filter((comment) => comment.user.login === appBot.login && comment.body.includes(guidanceMarker));

  it("is still posted when an outsider's comment carries its marker", async () => {
    const github = await setUp();
    forgeGuidance(github);
    github.failOn({ method: "POST", path: new RegExp(`^/repos/${publicName}/issues/42/comments$`), status: 502, times: 1 });
    const delivery = issuePayload(github);
    await expect(deliverIssue(createTestProbot(testDependencies(now), github.url), delivery)).rejects.toThrow();
    expect(appGuidance(github)).toHaveLength(0);
    await deliverIssue(createTestProbot(testDependencies(now), github.url), delivery, "redelivery");
    expect(appGuidance(github)).toHaveLength(1);
    expect(casesIn(github)[0]?.record.acknowledgement.status).toBe("sent");
  });

  it("is not posted twice when the app's own note is already there", async () => {
    const github = await setUp();
    forgeGuidance(github);
    github.failOn({ method: "PATCH", path: new RegExp(`^/repos/${trackingRepository}/issues/1$`), status: 502, times: 1 });
    const delivery = issuePayload(github);
    await expect(deliverIssue(createTestProbot(testDependencies(now), github.url), delivery)).rejects.toThrow();
    expect(appGuidance(github)).toHaveLength(1);
    await deliverIssue(createTestProbot(testDependencies(now), github.url), delivery, "redelivery");
    expect(appGuidance(github)).toHaveLength(1);
    expect(casesIn(github)[0]?.record.acknowledgement.status).toBe("sent");
  });
});
