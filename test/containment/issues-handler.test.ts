import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { readCaseBlock } from "../../src/case/case-record.js";
import { readOriginal } from "../../src/containment/original-copy.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
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

function copyIn(github: ContainmentGitHub, hash: string): string | null {
  const trackingIssue = github.issues.get(trackingRepository)?.[0];
  if (!trackingIssue) return null;
  return readOriginal(
    [trackingIssue.body, ...github.commentsOn(trackingRepository, trackingIssue.number).map((comment) => comment.body)],
    hash,
  );
}

describe("a vulnerability report opened as a public issue", () => {
  it("uses payloads GitHub's webhook schema accepts", async () => {
    const github = await setUp();
    expect(validateWebhookPayload("issues", issuePayload(github))).toEqual([]);
    expect(validateWebhookPayload("issues", issuePayload(github, "edited"))).toEqual([]);
    expect(validateWebhookPayload("issue_comment", commentPayload(github, { id: 77, body: "hi" }))).toEqual([]);
  });

  it("is copied into a private case first, then hidden, locked, labelled and the reporter pointed to the private channel", async () => {
    const github = await setUp();
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));

    expect(github.mock.problems()).toEqual([]);
    const { trackingIssue, record } = caseOf(github);
    expect(trackingIssue.title).toBe(`issue:${publicName}#42: Search endpoint returns other tenants' widgets`);
    expect(trackingIssue.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage", "contained"]));
    expect(trackingIssue.body).toContain("Contained from a public issue");
    expect(trackingIssue.body).toContain("https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab");
    expect(trackingIssue.body).toContain("edit history");
    expect(trackingIssue.body).toContain("`exploit-payload`");
    expect(trackingIssue.body).toContain("[GHSA-c0nt-0001-ab12](https://github.com/");
    expect(record).toMatchObject({
      key: `issue:${publicName}#42`,
      channel: "issue",
      source: { repository: publicName, url: `https://github.com/${publicName}/issues/42` },
      receivedAt: "2026-11-16T09:00:00.000Z",
      acknowledgement: { status: "sent" },
      containment: {
        kind: "issue",
        issue: 42,
        status: "contained",
        lockedByContainment: true,
        advisory: { status: "draft", ghsaId: "GHSA-c0nt-0001-ab12" },
      },
    });
    expect(copyIn(github, record.containment?.originalSha256 ?? "")).toBe(reportBody);

    const [advisory, ...moreAdvisories] = github.advisories;
    expect(moreAdvisories).toEqual([]);
    expect(advisory?.request).toMatchObject({
      summary: "Search endpoint returns other tenants' widgets",
      credits: [{ login: researcher.login, type: "reporter" }],
      vulnerabilities: [{ package: { ecosystem: "other", name: "widgets" } }],
    });
    expect(String(advisory?.request.description)).toContain("OR 1=1");

    const publicIssue = github.issue(publicName, 42);
    expect(publicIssue?.body).not.toContain("OR 1=1");
    expect(publicIssue?.body).toContain("moved to a private channel");
    expect(publicIssue?.locked).toBe(true);
    expect(publicIssue?.labels).toEqual(["moved-to-private"]);
    const [guidance, ...moreGuidance] = github.commentsOn(publicName, 42);
    expect(moreGuidance).toEqual([]);
    expect(guidance?.body).toContain(`https://github.com/${publicName}/security/advisories/new`);
    expect(guidance?.body).toContain("security@example.org");
    expect(guidance?.body).not.toContain("OR 1=1");

    // Nothing touches the public issue before the private copy exists and has been read back.
    const calls = github.mock.requests
      .filter((request) => !request.path.endsWith("/access_tokens"))
      .map((request) => `${request.method} ${request.operationId}`);
    const firstPublicWrite = calls.findIndex((call) => call === "PUT issues/lock");
    expect(calls.indexOf("POST issues/create")).toBeLessThan(firstPublicWrite);
    expect(calls.indexOf("POST security-advisories/create-repository-advisory")).toBeLessThan(firstPublicWrite);
    expect(calls.lastIndexOf("GET issues/get", firstPublicWrite)).toBeGreaterThan(calls.indexOf("POST issues/create"));
  });

  it("opens one case, one advisory and one note to the reporter when the delivery arrives five times at once, and again later", async () => {
    const github = await setUp();
    const probot = createTestProbot(testDependencies(now), github.url);
    await Promise.all([1, 2, 3, 4, 5].map((n) => deliverIssue(probot, issuePayload(github), `d${n}`)));
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github, "edited"), "after-our-edit");
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github), "redelivery");

    expect(github.issues.get(trackingRepository)).toHaveLength(1);
    expect(github.advisories).toHaveLength(1);
    expect(github.commentsOn(publicName, 42)).toHaveLength(1);
    expect(github.mock.problems()).toEqual([]);
  });

  it("leaves ordinary issues, maintainers' own issues and private repositories alone", async () => {
    for (const github of [
      await setUp({ title: "Dark mode toggle resets after reload", body: "Steps: turn on dark mode, reload. Expected dark, got light." }),
      await setUp({ authorAssociation: "MEMBER" }),
    ]) {
      await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
      expect(github.writes()).toEqual([]);
      expect(github.issue(publicName, 42)?.locked).toBe(false);
    }
    const github = await setUp();
    const payload = issuePayload(github);
    await deliverIssue(createTestProbot(testDependencies(now), github.url), {
      ...payload,
      repository: { ...payload.repository, private: true, visibility: "private" },
    });
    expect(github.mock.requests.filter((request) => !request.path.endsWith("/access_tokens"))).toEqual([]);
  });

  it("contains a maintainer's issue when configured to", async () => {
    const github = await setUp({
      authorAssociation: "MEMBER",
      configFiles: {
        [`${publicName}:.github/disclosure.yml`]: `tracking:\n  repository: ${trackingRepository}\ncontainment: { includeMaintainers: true }\n`,
      },
    });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    expect(github.issue(publicName, 42)?.locked).toBe(true);
    expect(caseOf(github).record.containment?.status).toBe("contained");
  });

  it("hides nothing when there is no private place for the copy", async () => {
    const noTracking = await setUp({ configFiles: { [`${publicName}:.github/disclosure.yml`]: "language: en\n" } });
    await deliverIssue(createTestProbot(testDependencies(now), noTracking.url), issuePayload(noTracking));
    expect(noTracking.writes()).toEqual([]);
    expect(noTracking.issue(publicName, 42)?.body).toBe(reportBody);

    const publicTracking = await setUp({ privateRepositories: [] });
    await deliverIssue(createTestProbot(testDependencies(now), publicTracking.url), issuePayload(publicTracking));
    expect(publicTracking.issue(publicName, 42)?.body).toBe(reportBody);
    expect(publicTracking.issue(publicName, 42)?.locked).toBe(false);
    const writes = publicTracking.writes();
    expect(writes).toEqual([`POST /repos/${trackingRepository}/issues`]);
    const notice = publicTracking.issues.get(trackingRepository)?.[0]?.body ?? "";
    expect(notice).toContain("public");
    expect(notice).not.toContain("OR 1=1");
    expect(notice).not.toContain("#42");
    expect(publicTracking.mock.problems()).toEqual([]);
  });

  it("records that advisories are not available and still contains the report", async () => {
    const github = await setUp({ advisoriesDisabled: [publicName] });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const { record, trackingIssue } = caseOf(github);
    expect(record.containment).toMatchObject({ status: "contained", advisory: { status: "not-available" } });
    expect(trackingIssue.body).toContain("— (GitHub answered 403)");
    expect(github.issue(publicName, 42)?.locked).toBe(true);
    expect(github.mock.problems()).toEqual([]);
  });

  it("keeps a body too long for one issue in parts and restores it exactly", async () => {
    const long = `${reportBody}\n${"Response dump of other tenants' widgets: ".repeat(1_500)}`;
    const github = await setUp({ body: long });
    await deliverIssue(createTestProbot(testDependencies(now), github.url), issuePayload(github));
    const { record, trackingIssue } = caseOf(github);
    expect(github.commentsOn(trackingRepository, trackingIssue.number).length).toBeGreaterThanOrEqual(2);
    expect(copyIn(github, record.containment?.originalSha256 ?? "")).toBe(long);

    await deliverComment(
      createTestProbot(testDependencies(now), github.url),
      commentPayload(github, { id: 900, body: "/disclosure release", login: maintainer.login, association: "MEMBER" }),
    );
    expect(github.issue(publicName, 42)?.body).toBe(long);
    expect(github.mock.problems()).toEqual([]);
  });
});
