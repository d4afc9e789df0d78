import { describe, expect, it } from "@jest/globals";
import { withCaseBlock, readCaseBlock } from "../../src/case/case-record.js";
import {
  answersCaseThread,
  caseTag,
  emailCaseKey,
  outboundMessageId,
  readEmailThread,
  replySubject,
  threadCandidates,
  withEmailThread,
  withSeenMessage,
  type EmailThread,
} from "../../src/email/email-thread.js";
import { parseEmailRoutes, routeFor } from "../../src/email/email-settings.js";
import { caseRecord } from "./records.js";

describe("case keys and tags", () => {
  it("derives a short key with nothing address-like from the Message-ID, the same for every spelling of its case", () => {
    const key = emailCaseKey("<report-1@mail.example.net>");
    expect(key).toMatch(/^email:[0-9a-f]{12}$/);
    expect(emailCaseKey(" <REPORT-1@mail.example.net> ")).toBe(key);
    expect(emailCaseKey("<report-2@mail.example.net>")).not.toBe(key);
    expect(caseTag(key)).toBe(`[DD-${key.slice(6)}]`);
  });

  it("tags the subject once and answers with Re: once", () => {
    const key = "email:0123456789ab";
    expect(replySubject("XSS in login", key)).toBe("Re: XSS in login [DD-0123456789ab]");
    expect(replySubject("Re: XSS in login [DD-0123456789ab]", key)).toBe("Re: XSS in login [DD-0123456789ab]");
    expect(replySubject("Antw: lek", key)).toBe("Antw: lek [DD-0123456789ab]");
    expect(replySubject("", key)).toBe("Re: your report [DD-0123456789ab]");
  });

  it("finds the case of a reply by our own Message-ID, the tag, then the researcher's earlier Message-IDs", () => {
    const key = "email:0123456789ab";
    const ours = outboundMessageId(key, "acknowledgement", "security@example.org");
    expect(ours).toBe("<dd.0123456789ab.acknowledgement@example.org>");
    const person = { inReplyTo: undefined, references: [], subject: "", automated: false, quotedOwnMessageIds: [ours] };
    expect(threadCandidates({ ...person, inReplyTo: ours, references: ["<report-1@x>", ours], subject: "Re: hi" })).toEqual([
      key,
      emailCaseKey("<report-1@x>"),
    ]);
    expect(threadCandidates({ ...person, subject: "Re: hi [DD-ABCDEF012345]" })).toEqual(["email:abcdef012345"]);
    expect(threadCandidates({ ...person, subject: "a new report quoting an old message" })).toEqual([]);
    expect(threadCandidates({ ...person, automated: true, subject: "Undelivered Mail Returned to Sender" })).toEqual([key]);
    // The root of the thread is the researcher's Message-ID most likely to name the case: it comes first.
    expect(threadCandidates({ ...person, inReplyTo: "<r3@x>", references: ["<r1@x>", "<r2@x>", "<r3@x>"] })).toEqual(
      ["<r1@x>", "<r3@x>", "<r2@x>"].map(emailCaseKey),
    );
    const many = Array.from({ length: 300 }, (_, index) => `<r${index}@x>`);
    expect(threadCandidates({ ...person, references: many })).toHaveLength(5);
  });
});

describe("answersCaseThread: a reply in the case's own thread", () => {
  const key = "email:0123456789ab";
  const token = "fedcba9876543210";
  const thread = { token, rootMessageId: "<report-1@mail.example.net>", seen: [] as string[] };
  const reply = (...ids: string[]) => ({ inReplyTo: ids[0], references: ids.slice(1) });

  it("names a message we sent for the case, with its token, or one we received for it", () => {
    expect(answersCaseThread(reply(outboundMessageId(key, "acknowledgement", "security@example.org", token)), key, thread)).toBe(true);
    expect(answersCaseThread(reply("<x@y>", "<report-1@mail.example.net>"), key, thread)).toBe(true);
  });

  it("does not count a made-up Message-ID of ours, another case's, a stranger's, or none", () => {
    expect(answersCaseThread(reply(outboundMessageId(key, "acknowledgement", "security@example.org")), key, thread)).toBe(false);
    expect(
      answersCaseThread(reply(outboundMessageId(key, "acknowledgement", "security@example.org", "0000000000000000")), key, thread),
    ).toBe(false);
    expect(
      answersCaseThread(reply(outboundMessageId("email:aaaaaaaaaaaa", "acknowledgement", "security@example.org", token)), key, thread),
    ).toBe(false);
    expect(answersCaseThread(reply("<unrelated@mail.example.net>"), key, thread)).toBe(false);
    expect(answersCaseThread({ inReplyTo: undefined, references: [] }, key, thread)).toBe(false);
  });

  it("accepts our Message-IDs by the case's hash alone for a case opened before thread tokens", () => {
    expect(
      answersCaseThread(reply(outboundMessageId(key, "acknowledgement", "security@example.org")), key, { ...thread, token: undefined }),
    ).toBe(true);
  });
});

describe("the e-mail block", () => {
  const thread: EmailThread = {
    researcher: "rosa@example.net",
    senderVerified: true,
    address: "security@example.org",
    subject: "a <b> --> c",
    rootMessageId: "<a@x>",
    lastMessageId: "<a@x>",
    seen: [],
  };

  it("round-trips through the issue body beside the case block, which it cannot end early", () => {
    const body = withCaseBlock("## Report", caseRecord());
    const withThread = withEmailThread(body, thread);
    expect(readEmailThread(withThread)).toEqual(thread);
    expect(readCaseBlock(withThread).status).toBe("found");
    expect(withThread.indexOf("disclosure-desk:email")).toBeLessThan(withThread.indexOf("disclosure-desk:case"));
    expect(withThread).not.toContain("a <b> --> c");
    const updated = withEmailThread(withThread, withSeenMessage(thread, "<b@x>"));
    expect(readEmailThread(updated)?.lastMessageId).toBe("<b@x>");
    expect(updated.match(/disclosure-desk:email/g)).toHaveLength(1);
  });

  it("remembers a bounded number of messages", () => {
    let current = thread;
    for (let index = 0; index < 250; index += 1) current = withSeenMessage(current, `<m${index}@x>`);
    expect(current.seen).toHaveLength(200);
    expect(readEmailThread("no block")).toBeUndefined();
  });
});

describe("EMAIL_ROUTES", () => {
  it("maps addresses to repositories, case-insensitively", () => {
    const routes = parseEmailRoutes("Security@Example.org=octo-org/widgets,\n security@example.nl = octo-org/portal");
    expect(routeFor(["other@example.org", "security@example.org"], routes)).toEqual({
      address: "security@example.org",
      repository: "octo-org/widgets",
    });
    expect(routeFor(["nobody@example.org"], routes)).toBeUndefined();
  });

  it("refuses a malformed entry without quoting it", () => {
    expect(() => parseEmailRoutes("security@example.org octo-org/widgets")).toThrow("got an entry of 37 characters");
  });
});
