import { describe, expect, it } from "@jest/globals";
import { readCaseBlock, withCaseBlock } from "../../src/case/case-record.js";
import { configSchema } from "../../src/config/schema.js";
import type { RepositoryConfig } from "../../src/config/repository-config.js";
import { emailCaseKey, messageHash, readEmailThread, withEmailThread, type EmailThread } from "../../src/email/email-thread.js";
import { parseInboundMessage, type InboundMessage } from "../../src/email/inbound-message.js";
import { planEmailIntake, reportReceivedAt, type EmailCase, type EmailIntakeFacts } from "../../src/email/plan-email-intake.js";
import { authenticateSender } from "../../src/email/sender-authentication.js";
import { caseRecord } from "./records.js";
import {
  bounceOf,
  dutchReportWithAttachment,
  englishReport,
  replyTo,
  researcherAddress,
  securityAddress,
  trackingRepository,
  trustedAuthservId,
} from "./support.js";

const receivedAt = new Date("2026-11-16T08:31:00Z"); // Monday, 09:31 in Amsterdam

function policy(overrides: Record<string, unknown> = {}): RepositoryConfig {
  return {
    config: configSchema.parse({
      policy: { name: "Openworx Responsible Disclosure", url: "https://example.org/responsible-disclosure?lang=en" },
      tracking: { repository: trackingRepository },
      calendar: { timezone: "Europe/Amsterdam", holidays: "NL" },
      sla: { response: { businessDays: 5 }, resolution: { days: 30 }, needsInfo: { pauseClock: true } },
      scope: { assets: ["widgets.example.org"] },
      ...overrides,
    }),
    errors: [],
    files: [],
    policyVersion: "0123456789abcdef0123456789abcdef01234567",
  };
}

function facts(message: InboundMessage, changes: Partial<EmailIntakeFacts> = {}): EmailIntakeFacts {
  return {
    message,
    route: { address: securityAddress, repository: "octo-org/widgets" },
    policy: policy(),
    tracking: { repository: trackingRepository, isPrivate: true },
    sender: authenticateSender(message, [trustedAuthservId]),
    existingCase: null,
    receivedAt,
    threadToken: "0123456789abcdef",
    now: receivedAt,
    ...changes,
  };
}

function emailCase(message: InboundMessage, changes: Partial<EmailCase> = {}): EmailCase {
  const key = emailCaseKey("<report-1@mail.example.net>");
  const thread: EmailThread = {
    researcher: researcherAddress,
    senderVerified: true,
    address: securityAddress,
    subject: "SQL injection in the widget search endpoint",
    rootMessageId: "<report-1@mail.example.net>",
    lastMessageId: "<report-1@mail.example.net>",
    seen: [messageHash("<report-1@mail.example.net>")],
  };
  const record = caseRecord({ key });
  void message;
  return {
    number: 4,
    body: withEmailThread(withCaseBlock("## the case", record), thread),
    labels: ["disclosure", "state:triage"],
    record,
    thread,
    ...changes,
  };
}

describe("planEmailIntake: a first message", () => {
  it("opens a private case triaged by the policy, counted from the Date header, and acknowledges by e-mail", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    const plan = planEmailIntake(facts(message));
    expect(plan.mode).toBe("new-case");
    expect(plan.caseKey).toBe(emailCaseKey("<report-1@mail.example.net>"));
    expect(plan.actions.map((action) => action.type)).toEqual(["openTrackingIssue", "acknowledgeByEmail"]);
    const [open, acknowledge] = plan.actions;
    if (open?.type !== "openTrackingIssue" || acknowledge?.type !== "acknowledgeByEmail") throw new Error("unexpected plan");

    expect(open.repository).toBe(trackingRepository);
    expect(open.title).toBe(`${plan.caseKey}: SQL injection in the widget search endpoint`);
    expect(open.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage", "scope:in"]));
    expect(open.record).toMatchObject({
      key: plan.caseKey,
      channel: "email",
      source: { repository: "octo-org/widgets" },
      receivedAt: "2026-11-16T08:30:00.000Z",
      deadlines: { responseDue: "2026-11-23T22:59:59.999Z", resolutionDue: "2026-12-16T22:59:59.999Z" },
      acknowledgement: { status: "pending" },
    });
    expect(JSON.stringify(open.record)).not.toContain(researcherAddress);
    expect(open.body).toContain(
      `| Reported by | Rosa Researcher &#60;${researcherAddress.replace("@", "@\u200b")}&#62; on Monday 16 November 2026, 09:30 CET |`,
    );
    expect(open.body).toContain("| Channel | e-mail to `security@example.org`, policy of `octo-org/widgets` |");
    expect(open.body).toContain("builds its SQL query from the q parameter");
    expect(readEmailThread(open.body)).toEqual({
      token: "0123456789abcdef",
      researcher: researcherAddress,
      senderVerified: true,
      address: securityAddress,
      subject: "SQL injection in the widget search endpoint",
      rootMessageId: "<report-1@mail.example.net>",
      lastMessageId: "<report-1@mail.example.net>",
      seen: [messageHash("<report-1@mail.example.net>")],
    });
    expect(readCaseBlock(open.body).status).toBe("found");

    expect(acknowledge.email.messageKey).toBe("acknowledgement");
    expect(acknowledge.email.text).toContain("Hello Rosa Researcher,");
    expect(acknowledge.email.text).toContain("We will respond by Monday 23 November 2026, 23:59 CET with our evaluation");
    expect(acknowledge.email.text).toContain("Openworx Responsible Disclosure (https://example.org/responsible-disclosure?lang=en)");
    expect(acknowledge.email.text).not.toContain("**");
    expect(acknowledge.email.text).not.toContain("disclosure-desk:");
  });

  it("writes the Dutch report, its attachment metadata and a Dutch acknowledgement", async () => {
    const message = await parseInboundMessage(dutchReportWithAttachment().raw);
    const plan = planEmailIntake(facts(message, { policy: policy({ language: "nl" }) }));
    const [open, acknowledge] = plan.actions;
    if (open?.type !== "openTrackingIssue" || acknowledge?.type !== "acknowledgeByEmail") throw new Error("unexpected plan");
    expect(open.body).toContain("Groeten, Joël (café-eigenaar)");
    expect(open.body).toMatch(/\| schermafdruk\.png \| image\/png \| 20 \| `[0-9a-f]{64}` \|/);
    expect(open.body).toContain("### Bijlagen");
    expect(acknowledge.email.text).toContain("Beste Joël de Vriës,");
    expect(acknowledge.email.text).toContain("Wij reageren uiterlijk maandag 23 november 2026, 23:59 CET");
  });

  it.each([
    ["nl", "(geen onderwerp)", "(no subject)"],
    ["en", "(no subject)", "(geen onderwerp)"],
  ])("names a case whose e-mail has no subject in the policy's language (%s)", async (language, named, notNamed) => {
    const withoutSubject = englishReport().replace("Subject: SQL injection in the widget search endpoint\r\n", "");
    const message = await parseInboundMessage(Buffer.from(withoutSubject));
    expect(message.subject).toBe("");
    const [open] = planEmailIntake(facts(message, { policy: policy({ language }) })).actions;
    if (open?.type !== "openTrackingIssue") throw new Error("unexpected plan");
    expect(open.title).toContain(named);
    expect(open.body).toContain(named);
    expect(`${open.title}\n${open.body}`).not.toContain(notNamed);
  });

  it("counts from the receipt when the Date header is in the future or days old", () => {
    expect(reportReceivedAt(new Date("2026-11-16T08:30:00Z"), receivedAt).toISOString()).toBe("2026-11-16T08:30:00.000Z");
    expect(reportReceivedAt(new Date("2026-11-16T08:34:00Z"), receivedAt)).toBe(receivedAt);
    expect(reportReceivedAt(new Date("2026-11-17T08:30:00Z"), receivedAt)).toBe(receivedAt);
    expect(reportReceivedAt(new Date("2026-11-01T08:30:00Z"), receivedAt)).toBe(receivedAt);
    expect(reportReceivedAt(new Date("2026-11-13T09:00:00Z"), receivedAt).toISOString()).toBe("2026-11-13T09:00:00.000Z");
    expect(reportReceivedAt(undefined, receivedAt)).toBe(receivedAt);
  });

  it("refuses without a private tracking repository, and warns in a public one without report content", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    const none = planEmailIntake(facts(message, { policy: policy({ tracking: {} }), tracking: undefined }));
    expect(none).toMatchObject({ mode: "refused", actions: [] });
    const exposed = planEmailIntake(facts(message, { tracking: { repository: "octo-org/public-cases", isPrivate: false } }));
    expect(exposed.mode).toBe("refused");
    expect(exposed.actions.map((action) => action.type)).toEqual(["warnPublicTrackingRepository"]);
    expect(JSON.stringify(exposed.actions)).not.toContain("SQL");
    expect(JSON.stringify(exposed.actions)).not.toContain(researcherAddress);
  });
});

describe("planEmailIntake: a sender the receiving server did not vouch for", () => {
  it("opens the case labelled sender-unverified, plans no acknowledgement and keeps the address unverified", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport({ authentication: null })));
    const plan = planEmailIntake(facts(message));
    expect(plan.mode).toBe("new-case");
    expect(plan.actions.map((action) => action.type)).toEqual(["openTrackingIssue"]);
    const [open] = plan.actions;
    if (open?.type !== "openTrackingIssue") throw new Error("unexpected plan");
    expect(open.labels).toContain("sender-unverified");
    expect(open.record.acknowledgement).toEqual({ status: "relay-needed" });
    expect(readEmailThread(open.body)?.senderVerified).toBe(false);
    expect(plan.reasons.join(" ")).toContain("no-trusted-header");
    // Control: the same message with the trusted server's pass is acknowledged.
    const verified = planEmailIntake(facts(await parseInboundMessage(Buffer.from(englishReport()))));
    expect(verified.actions.map((action) => action.type)).toEqual(["openTrackingIssue", "acknowledgeByEmail"]);
  });

  it("sends nothing when the first message of an unverified case is delivered again", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport({ authentication: null })));
    const existing = emailCase(message);
    const unverified = {
      ...existing,
      thread: { ...existing.thread, senderVerified: false },
      record: { ...existing.record, acknowledgement: { status: "pending" as const } },
    };
    expect(planEmailIntake(facts(message, { existingCase: unverified }))).toMatchObject({ mode: "known-message", actions: [] });
  });
});

describe("planEmailIntake: a message the case already has", () => {
  it("changes nothing for a redelivered first message once acknowledged", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    const plan = planEmailIntake(facts(message, { existingCase: emailCase(message) }));
    expect(plan).toMatchObject({ mode: "known-message", actions: [] });
  });

  it("sends the acknowledgement still pending, counted from the case's own receipt", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    const existing = emailCase(message);
    const pending = { ...existing, record: { ...existing.record, acknowledgement: { status: "pending" as const } } };
    const plan = planEmailIntake(facts(message, { existingCase: pending, now: new Date("2026-11-16T12:00:00Z") }));
    expect(plan.actions.map((action) => action.type)).toEqual(["acknowledgeByEmail"]);
    const [acknowledge] = plan.actions;
    if (acknowledge?.type !== "acknowledgeByEmail") throw new Error("unexpected plan");
    expect(acknowledge.email.text).toContain("We will respond by Monday 23 November 2026, 23:59 CET");
    expect(acknowledge.email.text).toContain("your report reached us on 16 November 2026");
  });
});

describe("planEmailIntake: a reply", () => {
  it("copies the researcher's reply into the case and ends a wait for them", async () => {
    const reply = await parseInboundMessage(Buffer.from(replyTo("<dd.x.acknowledgement@example.org>")));
    const existing = emailCase(reply);
    const waiting: EmailCase = {
      ...existing,
      labels: ["disclosure", "state:needs-info"],
      record: { ...existing.record, state: "needs-info", pause: { since: "2026-11-17T10:00:00.000Z", pausedMs: 0 } },
    };
    const at = new Date("2026-11-18T13:00:05Z");
    const plan = planEmailIntake(facts(reply, { existingCase: waiting, receivedAt: at, now: at }));
    expect(plan.mode).toBe("reply");
    const [mirror, ...rest] = plan.actions;
    expect(rest).toEqual([]);
    if (mirror?.type !== "mirrorReply") throw new Error("unexpected plan");
    expect(mirror.addLabels).toEqual(["state:triage"]);
    expect(mirror.removeLabels).toEqual(["state:needs-info"]);
    expect(mirror.comment).toContain(`<!-- disclosure-desk:email-message ${messageHash("<reply-1@mail.example.net>")} -->`);
    expect(mirror.comment).toContain("The affected version is 2.4.0");
    expect(mirror.comment).toContain("back in `state:triage` and the clock runs again");
    const record = readCaseBlock(mirror.body);
    if (record.status !== "found") throw new Error("no case block");
    expect(record.record.state).toBe("triage");
    expect(record.record.pause).toEqual({ pausedMs: at.getTime() - Date.parse("2026-11-17T10:00:00.000Z") });
    expect(record.record.researcherActivityAt).toBe(at.toISOString());
    expect(readEmailThread(mirror.body)?.lastMessageId).toBe("<reply-1@mail.example.net>");
  });

  it("copies a message from another sender without ending the wait or threading on it", async () => {
    const reply = await parseInboundMessage(
      Buffer.from(replyTo("<dd.x.acknowledgement@example.org>", { from: "someone@else.example", messageId: "<other@else.example>" })),
    );
    const existing = emailCase(reply);
    const waiting: EmailCase = {
      ...existing,
      record: { ...existing.record, state: "needs-info", pause: { since: "2026-11-17T10:00:00.000Z", pausedMs: 0 } },
    };
    const plan = planEmailIntake(facts(reply, { existingCase: waiting }));
    const [mirror] = plan.actions;
    if (mirror?.type !== "mirrorReply") throw new Error("unexpected plan");
    expect(mirror.addLabels).toEqual([]);
    expect(mirror.comment).toContain("(not the researcher's address)");
    expect(readCaseBlock(mirror.body)).toMatchObject({ record: { state: "needs-info" } });
    expect(readEmailThread(mirror.body)?.lastMessageId).toBe("<report-1@mail.example.net>");
    expect(readEmailThread(mirror.body)?.seen).toContain(messageHash("<other@else.example>"));
  });

  it("does not copy a reply twice", async () => {
    const reply = await parseInboundMessage(Buffer.from(replyTo("<dd.x.acknowledgement@example.org>")));
    const existing = emailCase(reply);
    const plan = planEmailIntake(
      facts(reply, {
        existingCase: {
          ...existing,
          thread: { ...existing.thread, seen: [...existing.thread.seen, messageHash("<reply-1@mail.example.net>")] },
        },
      }),
    );
    expect(plan).toMatchObject({ mode: "known-message", actions: [] });
  });

  it("copies a bounce into the case it names and labels it, without ending a wait", async () => {
    const bounce = await parseInboundMessage(Buffer.from(bounceOf("<dd.0123456789ab.acknowledgement@example.org>")));
    const existing = emailCase(bounce);
    const waiting: EmailCase = {
      ...existing,
      record: { ...existing.record, state: "needs-info", pause: { since: "2026-11-16T08:00:00.000Z", pausedMs: 0 } },
    };
    const [mirror] = planEmailIntake(facts(bounce, { existingCase: waiting })).actions;
    if (mirror?.type !== "mirrorReply") throw new Error("unexpected plan");
    expect(mirror.addLabels).toEqual(["email-undelivered"]);
    expect(mirror.comment).toContain("(sent automatically)");
    expect(mirror.comment).toContain("This is a delivery failure report");
    expect(readCaseBlock(mirror.body)).toMatchObject({ record: { state: "needs-info" } });
  });

  it("does not end a wait for an out-of-office answer from the researcher's own address", async () => {
    const auto = await parseInboundMessage(Buffer.from(replyTo("<x@y>").replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:")));
    const existing = emailCase(auto);
    const waiting: EmailCase = {
      ...existing,
      record: { ...existing.record, state: "needs-info", pause: { since: "2026-11-16T08:00:00.000Z", pausedMs: 0 } },
    };
    const [mirror] = planEmailIntake(facts(auto, { existingCase: waiting })).actions;
    if (mirror?.type !== "mirrorReply") throw new Error("unexpected plan");
    expect(mirror.addLabels).toEqual([]);
    expect(readEmailThread(mirror.body)?.lastMessageId).toBe("<report-1@mail.example.net>");
  });

  it("never opens a case for a machine's message that names none", async () => {
    const bounce = await parseInboundMessage(Buffer.from(bounceOf("<dd.0123456789ab.acknowledgement@example.org>")));
    expect(planEmailIntake(facts(bounce))).toMatchObject({ mode: "ignored", actions: [] });
  });
});

describe("planEmailIntake: the promises in the acknowledgement", () => {
  async function acknowledgement(overrides: Record<string, unknown>): Promise<string> {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    const sla = { response: { businessDays: 5 }, updates: { everyDays: 14 } };
    const plan = planEmailIntake(facts(message, { policy: policy({ sla, ...overrides }) }));
    const acknowledge = plan.actions.find((action) => action.type === "acknowledgeByEmail");
    if (acknowledge?.type !== "acknowledgeByEmail") throw new Error("no acknowledgement");
    return acknowledge.email.text;
  }

  it("promises no update interval when the policy words its promises itself and names none", async () => {
    const text = await acknowledgement({
      statements: { promises: ["We will keep you informed of the progress towards resolving the problem,"] },
    });
    expect(text).toContain("We will keep you informed of our progress by e-mail.");
    expect(text).not.toContain("at least every");
  });

  it("promises the interval sla.updates sets when the policy has no words of its own (control)", async () => {
    expect(await acknowledgement({})).toContain("We will keep you informed of our progress by e-mail, at least every 14 days.");
  });
});
