import { describe, expect, it } from "@jest/globals";
import type { CaseRecord } from "../../src/case/case-record.js";
import { defaultConfig } from "../../src/config/schema.js";
import type { RepositoryConfig } from "../../src/config/repository-config.js";
import { readOriginal, sha256 } from "../../src/containment/original-copy.js";
import { planContainment, planRelease, type ContainmentFacts } from "../../src/containment/plan-containment.js";
import { attachmentLinks, containedMarker, containmentNotice, neutralTitle, type PublicText } from "../../src/containment/public-text.js";
import { classify } from "../../src/policy/classify.js";

const body = "GET https://shop.example.org/search?q=' OR 1=1-- returns every customer's orders. An attacker can read all orders.";

function policy(overrides: Partial<ReturnType<typeof defaultConfig>> = {}): RepositoryConfig {
  const config = { ...defaultConfig(), tracking: { repository: "octo-org/security-cases" }, ...overrides };
  return { config, errors: [], files: [], policyVersion: "abc" };
}

function text(overrides: Partial<PublicText> = {}): PublicText {
  return {
    kind: "issue",
    repository: "octo-org/shop",
    issueNumber: 7,
    issueTitle: "SQL injection in search",
    url: "https://github.com/octo-org/shop/issues/7",
    author: "rosa-researcher",
    authorIsBot: false,
    authorAssociation: "NONE",
    postedAt: new Date("2026-11-16T09:00:00Z"),
    body,
    ...overrides,
  };
}

function facts(overrides: Partial<ContainmentFacts> = {}): ContainmentFacts {
  const publicText = overrides.text ?? text();
  return {
    text: publicText,
    trigger: { type: "automatic", classification: classify({ title: publicText.issueTitle, body: publicText.body }) },
    policy: policy(),
    tracking: { repository: "octo-org/security-cases", isPrivate: true },
    existingCase: null,
    issueLocked: false,
    issueLabels: [],
    now: new Date("2026-11-16T09:01:00Z"),
    ...overrides,
  };
}

function containedCase(
  hash: string,
  status: "copied" | "contained" | "released" = "contained",
): { number: number; body: string; record: CaseRecord } {
  return {
    number: 3,
    body: "case",
    record: {
      v: 1,
      key: "issue:octo-org/shop#7",
      channel: "issue",
      source: { repository: "octo-org/shop" },
      state: "triage",
      receivedAt: "2026-11-16T09:00:00.000Z",
      openedAt: "2026-11-16T09:01:00.000Z",
      policyVersion: "abc",
      configError: false,
      deadlines: { responseDue: "2026-11-23T22:59:59.999Z" },
      acknowledgement: { status: status === "copied" ? "pending" : "sent" },
      containment: {
        kind: "issue",
        issue: 7,
        originalSha256: hash,
        status,
        lockedByContainment: true,
        advisory: { status: "draft", ghsaId: "GHSA-x" },
      },
    },
  };
}

const types = (plan: { actions: { type: string }[] }) => plan.actions.map((action) => action.type);

describe("planContainment", () => {
  it("copies first, confirms the copy, and only then hides, labels and guides", () => {
    const plan = planContainment(facts());
    expect(plan.outcome).toBe("contain");
    expect(plan.caseKey).toBe("issue:octo-org/shop#7");
    expect(types(plan)).toEqual([
      "openCase",
      "createDraftAdvisory",
      "confirmCopy",
      "lockIssue",
      "replacePublicText",
      "labelIssue",
      "guideReporter",
      "recordContained",
    ]);
    const open = plan.actions[0];
    if (open?.type !== "openCase") throw new Error("expected openCase");
    expect(readOriginal([open.body], sha256(body))).toBe(body);
    expect(open.record.containment).toMatchObject({ status: "copied", originalSha256: sha256(body) });
    const notice = plan.actions.find((action) => action.type === "replacePublicText");
    expect(notice?.type === "replacePublicText" && notice.changes.body).toContain(containedMarker("issue:octo-org/shop#7"));
    expect(JSON.stringify(plan.actions.slice(3))).not.toContain("OR 1=1");
  });

  it("leaves what is not a report, what is turned off and what a maintainer released", () => {
    const ordinary = text({ issueTitle: "Dark mode resets", body: "After reload the theme is light." });
    expect(planContainment(facts({ text: ordinary })).outcome).toBe("leave");
    expect(
      planContainment(
        facts({ policy: policy({ containment: { enabled: false, threshold: 0.6, includeMaintainers: false, draftAdvisory: true } }) }),
      ).outcome,
    ).toBe("leave");
    const released = planContainment(facts({ existingCase: containedCase(sha256(body), "released") }));
    expect(released).toMatchObject({ outcome: "leave", actions: [] });
    expect(released.reasons.at(-1)).toContain("released");
  });

  it("refuses, hiding nothing, without a private tracking repository", () => {
    expect(planContainment(facts({ tracking: undefined }))).toMatchObject({ outcome: "refuse", actions: [] });
    const publicTracking = planContainment(facts({ tracking: { repository: "octo-org/security-cases", isPrivate: false } }));
    expect(types(publicTracking)).toEqual(["warnPublicTrackingRepository"]);
  });

  it("finishes an interrupted containment without copying twice", () => {
    const hidden = text({ body: containmentNotice("en", text()), issueTitle: neutralTitle("en") });
    // The delivery's text was the report; GitHub now shows the note from the interrupted run.
    const trigger = { type: "automatic" as const, classification: classify({ title: hidden.issueTitle, body }) };
    const plan = planContainment(facts({ text: hidden, trigger, existingCase: containedCase(sha256(body), "copied"), issueLocked: true }));
    expect(types(plan)).toEqual(["labelIssue", "guideReporter", "recordContained"]);
    expect(plan.actions.at(-1)).toEqual({ type: "recordContained", lockedByContainment: true });
  });

  it("copies new text the author wrote into a contained issue before hiding it again", () => {
    const edited = text({ body: `${body}\nAlso /admin is open.` });
    const plan = planContainment(
      facts({ text: edited, existingCase: containedCase(sha256(body)), issueLocked: true, issueLabels: ["moved-to-private"] }),
    );
    expect(types(plan)).toEqual(["addCopy", "confirmCopy", "replacePublicText", "recordContained"]);
  });

  it("copies and hides an issue's title with its body, keeping the title's hash in the record", () => {
    const plan = planContainment(facts());
    const open = plan.actions[0];
    if (open?.type !== "openCase") throw new Error("expected openCase");
    expect(open.record.containment?.originalTitleSha256).toBe(sha256("SQL injection in search"));
    expect(readOriginal([open.body], sha256("SQL injection in search"))).toBe("SQL injection in search");
    expect(plan.actions.find((action) => action.type === "confirmCopy")).toEqual({
      type: "confirmCopy",
      sha256: { body: sha256(body), title: sha256("SQL injection in search") },
    });
    expect(plan.actions.find((action) => action.type === "replacePublicText")).toEqual({
      type: "replacePublicText",
      changes: { body: containmentNotice("en", text()), title: "Report moved to a private channel" },
    });
  });

  it("copies and hides only the title when the app's case shows the body already hidden", () => {
    const retitled = text({ body: containmentNotice("en", text()), issueTitle: "Also: /admin has no password" });
    const trigger = { type: "command" as const, maintainer: "max-maintainer" };
    const plan = planContainment(
      facts({ text: retitled, trigger, existingCase: containedCase(sha256(body)), issueLocked: true, issueLabels: ["moved-to-private"] }),
    );
    expect(types(plan)).toEqual(["addCopy", "confirmCopy", "replacePublicText", "recordContained"]);
    const copy = plan.actions[0];
    if (copy?.type !== "addCopy") throw new Error("expected addCopy");
    expect(readOriginal(copy.originalComments, sha256("Also: /admin has no password"))).toBe("Also: /admin has no password");
    expect(copy.record.containment).toMatchObject({
      originalSha256: sha256(body),
      originalTitleSha256: sha256("Also: /admin has no password"),
    });
    expect(plan.actions[1]).toEqual({ type: "confirmCopy", sha256: { title: sha256("Also: /admin has no password") } });
    expect(plan.actions[2]).toEqual({ type: "replacePublicText", changes: { title: "Report moved to a private channel" } });
  });

  it("takes the app's note for hidden only with the app's case: without it, the note and its marker are text like any other", () => {
    const note = text({ body: containmentNotice("en", text()), issueTitle: "Report moved to a private channel" });
    const plan = planContainment(facts({ text: note, trigger: { type: "command", maintainer: "max-maintainer" } }));
    expect(types(plan)).toEqual([
      "openCase",
      "createDraftAdvisory",
      "confirmCopy",
      "lockIssue",
      "replacePublicText",
      "labelIssue",
      "guideReporter",
      "recordContained",
    ]);
    const typed = text({ body: `${body}\n${containedMarker("issue:octo-org/shop#7")}` });
    expect(types(planContainment(facts({ text: typed })))[0]).toBe("openCase");
    // The note in the other language counts too, with the case: the policy's language may have changed since.
    const dutch = text({ body: containmentNotice("nl", text()), issueTitle: "Melding verplaatst naar een vertrouwelijk kanaal" });
    const command = { type: "command" as const, maintainer: "max-maintainer" };
    const hiddenBefore = facts({
      text: dutch,
      trigger: command,
      existingCase: containedCase(sha256(body)),
      issueLocked: true,
      issueLabels: ["moved-to-private"],
    });
    expect(planContainment(hiddenBefore)).toMatchObject({
      outcome: "leave",
      actions: [],
      reasons: ["max-maintainer asked to contain it", "the public text is already replaced", "already contained: nothing left to do"],
    });
  });

  it("neither locks nor labels the issue for a comment, and does not open an advisory when turned off", () => {
    const comment = text({ kind: "comment", commentId: 99, url: "https://github.com/octo-org/shop/issues/7#issuecomment-99" });
    const plan = planContainment(
      facts({
        text: comment,
        policy: policy({ containment: { enabled: true, threshold: 0.6, includeMaintainers: false, draftAdvisory: false } }),
      }),
    );
    expect(plan.caseKey).toBe("issue:octo-org/shop#7:comment-99");
    expect(types(plan)).toEqual(["openCase", "confirmCopy", "replacePublicText", "guideReporter", "recordContained"]);
  });

  it("contains by command whatever the classifier says", () => {
    const ordinary = text({ issueTitle: "Export is slow", body: "takes a minute" });
    const plan = planContainment(facts({ text: ordinary, trigger: { type: "command", maintainer: "max-maintainer" } }));
    expect(plan.outcome).toBe("contain");
    expect(plan.reasons[0]).toBe("max-maintainer asked to contain it");
  });
});

describe("planRelease", () => {
  const hidden = text({ body: containmentNotice("en", text()), issueTitle: neutralTitle("en") });
  const base = {
    text: hidden,
    maintainer: "max-maintainer",
    policy: policy(),
    issueLocked: true,
    issueLabels: ["moved-to-private", "bug"],
    now: new Date("2026-11-17T10:00:00Z"),
  };

  it("restores the exact text, unlocks, unlabels and closes the case as not a report", () => {
    const plan = planRelease({ ...base, existingCase: containedCase(sha256(body)), original: { body } });
    expect(plan.actions).toEqual([
      { type: "restorePublicText", changes: { body } },
      { type: "unlockIssue" },
      { type: "unlabelIssue", label: "moved-to-private" },
      expect.objectContaining({
        type: "closeCase",
        record: expect.objectContaining({
          state: "rejected",
          containment: expect.objectContaining({ status: "released", releasedAt: "2026-11-17T10:00:00.000Z" }),
        }),
      }),
    ]);
  });

  it("restores the exact title with the text when the case holds a copy of it", () => {
    const title = "SQL injection in search  ";
    const plan = planRelease({ ...base, existingCase: containedCase(sha256(body)), original: { body, title } });
    expect(plan.actions[0]).toEqual({ type: "restorePublicText", changes: { body, title } });
    const comment = text({ kind: "comment", commentId: 99, body: containmentNotice("en", text({ kind: "comment", commentId: 99 })) });
    expect(
      planRelease({ ...base, text: comment, existingCase: containedCase(sha256(body)), original: { body, title } }).actions[0],
    ).toEqual({
      type: "restorePublicText",
      changes: { body },
    });
  });

  it("refuses without a case or without a whole copy", () => {
    expect(planRelease({ ...base, existingCase: null, original: null }).outcome).toBe("refuse");
    expect(planRelease({ ...base, existingCase: containedCase(sha256(body)), original: null })).toMatchObject({
      outcome: "refuse",
      actions: [],
    });
  });

  it("does not unlock an issue that was locked before containment", () => {
    const before = containedCase(sha256(body));
    if (before.record.containment) before.record.containment.lockedByContainment = false;
    expect(types(planRelease({ ...base, existingCase: before, original: { body } }))).not.toContain("unlockIssue");
  });
});

describe("attachmentLinks", () => {
  it("finds uploaded files and nothing else", () => {
    expect(
      attachmentLinks(
        "see ![x](https://github.com/user-attachments/assets/abc-123) and https://private-user-images.githubusercontent.com/1/2.png?jwt=x and https://example.org/a.png",
      ),
    ).toEqual(["https://github.com/user-attachments/assets/abc-123", "https://private-user-images.githubusercontent.com/1/2.png?jwt=x"]);
  });
});
