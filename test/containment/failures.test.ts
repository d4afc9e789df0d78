import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { readCaseBlock } from "../../src/case/case-record.js";
import { readOriginal, sha256 } from "../../src/containment/original-copy.js";
import { stopTestGitHubs } from "../helpers/github.js";
import { createTestProbot, testDependencies } from "../helpers/probot.js";
import {
  deliverIssue,
  issuePayload,
  now,
  publicName,
  reportBody,
  reportTitle,
  setUp,
  trackingRepository,
  type ContainmentGitHub,
  type Failure,
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

const tracking = `/repos/${trackingRepository}`;
const publicIssue = `/repos/${publicName}/issues/42`;
const neutralTitle = "Report moved to a private channel";

/** Each step of containment, in order, and whether the public text is already replaced when it fails. */
const steps: { step: string; failure: Omit<Failure, "status">; hiddenWhenItFails: boolean }[] = [
  { step: "open the case", failure: { method: "POST", path: new RegExp(`^${tracking}/issues$`) }, hiddenWhenItFails: false },
  {
    step: "open the draft advisory",
    failure: { method: "POST", path: new RegExp(`^/repos/${publicName}/security-advisories$`) },
    hiddenWhenItFails: false,
  },
  { step: "read the copy back", failure: { method: "GET", path: new RegExp(`^${tracking}/issues/1$`) }, hiddenWhenItFails: false },
  { step: "lock the issue", failure: { method: "PUT", path: new RegExp(`^${publicIssue}/lock$`) }, hiddenWhenItFails: false },
  { step: "replace the public text", failure: { method: "PATCH", path: new RegExp(`^${publicIssue}$`) }, hiddenWhenItFails: false },
  { step: "label the issue", failure: { method: "POST", path: new RegExp(`^${publicIssue}/labels$`) }, hiddenWhenItFails: true },
  { step: "guide the reporter", failure: { method: "POST", path: new RegExp(`^${publicIssue}/comments$`) }, hiddenWhenItFails: true },
  { step: "record the containment", failure: { method: "PATCH", path: new RegExp(`^${tracking}/issues/1$`) }, hiddenWhenItFails: true },
];

function alertsFor(github: ContainmentGitHub): string[] {
  const caseComments = github.comments.filter((comment) => comment.repository === trackingRepository).map((comment) => comment.body);
  const alertIssues = (github.issues.get(trackingRepository) ?? [])
    .filter((issue) => issue.title.includes("did not finish"))
    .map((issue) => issue.body);
  return [...caseComments, ...alertIssues].filter((body) => body.includes("disclosure-desk:containment-alert"));
}

describe("a failure at any step of containment", () => {
  it.each(steps)(
    "when GitHub fails to $step, the report is never lost, maintainers are alerted, and a redelivery finishes the job",
    async ({ failure, hiddenWhenItFails }) => {
      const github = await setUp();
      github.failOn({ ...failure, status: 502, times: 1 });
      const delivery = issuePayload(github);

      await expect(deliverIssue(createTestProbot(testDependencies(now), github.url), delivery)).rejects.toThrow();

      const publicText = github.issue(publicName, 42)?.body ?? "";
      const [alert, ...moreAlerts] = alertsFor(github);
      expect(moreAlerts).toEqual([]);
      expect(alert).toContain("did not finish");
      expect(alert).toContain("GitHub answered 502");
      expect(alert).not.toContain("OR 1=1");
      if (hiddenWhenItFails) {
        expect(publicText).not.toContain("OR 1=1");
        expect(github.issue(publicName, 42)?.title).toBe(neutralTitle);
        expect(alert).toContain("already been replaced");
        const caseIssue = github.issues.get(trackingRepository)?.[0];
        const block = readCaseBlock(caseIssue?.body);
        const hash = block.status === "found" ? (block.record.containment?.originalSha256 ?? "") : "";
        expect(readOriginal([caseIssue?.body ?? ""], hash)).toBe(reportBody);
        const titleHash = block.status === "found" ? (block.record.containment?.originalTitleSha256 ?? "") : "";
        expect(readOriginal([caseIssue?.body ?? ""], titleHash)).toBe(reportTitle);
      } else {
        expect(publicText).toBe(reportBody);
        expect(github.issue(publicName, 42)?.title).toBe(reportTitle);
        expect(alert).toContain("still public");
      }

      // GitHub redelivers the original event, with the report's text in it.
      await deliverIssue(createTestProbot(testDependencies(now), github.url), delivery, "redelivery");
      const cases = (github.issues.get(trackingRepository) ?? []).filter((issue) => !issue.title.includes("did not finish"));
      expect(cases).toHaveLength(1);
      const block = readCaseBlock(cases[0]?.body);
      expect(block.status === "found" && block.record.containment?.status).toBe("contained");
      expect(github.advisories).toHaveLength(1);
      expect(github.issue(publicName, 42)?.body).toContain("moved to a private channel");
      expect(github.issue(publicName, 42)?.title).toBe(neutralTitle);
      expect(github.issue(publicName, 42)?.locked).toBe(true);
      expect(github.commentsOn(publicName, 42)).toHaveLength(1);
      expect(github.mock.problems()).toEqual([]);
    },
  );

  it.each([
    { part: "text", original: reportBody },
    { part: "title", original: reportTitle },
  ])("hides nothing, title included, when the copy of the $part read back from the case is not the report's", async ({ original }) => {
    const github = await setUp();
    // The stored copy is damaged between writing and reading back: its part no longer hashes to the public text.
    const probot = createTestProbot(testDependencies(now), github.url);
    const damaged = new RegExp(`(sha256=${sha256(original)} part=1/1 )[A-Za-z0-9+/]{4}`);
    const tamper = setInterval(() => {
      const caseIssue = github.issues.get(trackingRepository)?.[0];
      if (caseIssue && damaged.test(caseIssue.body)) caseIssue.body = caseIssue.body.replace(damaged, "$1AAAA");
    }, 0);
    await expect(deliverIssue(probot, issuePayload(github))).rejects.toThrow("does not match");
    clearInterval(tamper);
    expect(github.issue(publicName, 42)?.body).toBe(reportBody);
    expect(github.issue(publicName, 42)?.title).toBe(reportTitle);
    expect(github.issue(publicName, 42)?.locked).toBe(false);
    expect(alertsFor(github)[0]).toContain("does not match the public text");
  });
});
