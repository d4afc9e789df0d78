import { afterEach, describe, expect, it } from "@jest/globals";
import type { AddressInfo } from "node:net";
import hoodiecrow from "hoodiecrow-imap";
import { pino } from "pino";
import { readEmailSettings } from "../../src/email/email-settings.js";
import { pollMailboxOnce, startImapPoller } from "../../src/email/imap-poller.js";
import { parseImapUrl, type ImapSettings } from "../../src/email/imap-settings.js";
import { parseInboundMessage } from "../../src/email/inbound-message.js";
import type { ReceiveOutcome } from "../../src/email/receive-email.js";
import { englishReport } from "./support.js";

const log = pino({ level: "silent" });
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A real IMAP server on 127.0.0.1 with these messages unseen in INBOX. */
async function mailbox(messages: string[]): Promise<ImapSettings> {
  const server = hoodiecrow({
    plugins: ["IDLE", "UIDPLUS", "ENABLE", "LITERALPLUS", "SPECIAL-USE"],
    users: { desk: { password: "mailbox-password" } },
    storage: { INBOX: { messages: messages.map((raw) => ({ raw, flags: [] })) } },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return parseImapUrl(`imap://desk:mailbox-password@127.0.0.1:${port}/INBOX`, 60, 10);
}

/** Records what it receives; `outcomeFor` decides by Message-ID. */
function recorder(outcomeFor: (messageId: string) => ReceiveOutcome["status"] = () => "opened") {
  const received: string[] = [];
  const receive = async (raw: Buffer): Promise<ReceiveOutcome> => {
    const { messageId } = await parseInboundMessage(raw);
    received.push(messageId);
    const status = outcomeFor(messageId);
    if (status === "refused") return { status, caseKey: "email:000000000000", reason: "no private tracking repository" };
    if (status === "unrouted" || status === "not-installed") return { status };
    if (status === "ignored") return { status, caseKey: "email:000000000000" };
    return { status, caseKey: "email:000000000000", issue: 1 };
  };
  return { received, receive };
}

describe("IMAP_URL", () => {
  it("reads host, port, TLS, credentials and folder", () => {
    expect(parseImapUrl("imaps://sec%40example.org:p%40ss@imap.example.org/Security%20reports", 120)).toEqual({
      host: "imap.example.org",
      port: 993,
      secure: true,
      user: "sec@example.org",
      password: "p@ss",
      mailbox: "Security reports",
      intervalMs: 120_000,
      batch: 50,
    });
    expect(parseImapUrl("imap://u:p@127.0.0.1:1143").mailbox).toBe("INBOX");
    expect(() => parseImapUrl("pop3://u:p@host")).toThrow("IMAP_URL must start with imap:// or imaps://");
  });

  it("turns the channel on with either the inbound secret or a mailbox, and bounds the interval", () => {
    expect(readEmailSettings({})).toBeUndefined();
    expect(readEmailSettings({ IMAP_URL: "imap://u:p@host" })).toMatchObject({
      inboundSecret: undefined,
      imap: { host: "host", intervalMs: 60_000 },
    });
    expect(readEmailSettings({ EMAIL_INBOUND_SECRET: "s" })).toMatchObject({
      inboundSecret: "s",
      imap: undefined,
      maxBytes: 10 * 1024 * 1024,
    });
    expect(() => readEmailSettings({ IMAP_URL: "imap://u:p@host", IMAP_INTERVAL_SECONDS: "1" })).toThrow("at least 10");
  });
});

describe("pollMailboxOnce against a real IMAP server", () => {
  it("receives each unseen message once and leaves the ones to try again unseen", async () => {
    const settings = await mailbox([
      englishReport({ messageId: "<a@x>" }),
      englishReport({ messageId: "<b@x>" }),
      englishReport({ messageId: "<c@x>" }),
    ]);
    const first = recorder((id) => (id === "<b@x>" ? "refused" : id === "<c@x>" ? "unrouted" : "opened"));
    expect(await pollMailboxOnce({ settings, receive: first.receive, maxBytes: 1_000_000, log })).toEqual({
      unseen: 3,
      accepted: 2,
      deferred: 1,
      tooLarge: 0,
    });
    expect(first.received).toEqual(["<a@x>", "<b@x>", "<c@x>"]);

    const second = recorder();
    expect(await pollMailboxOnce({ settings, receive: second.receive, maxBytes: 1_000_000, log })).toEqual({
      unseen: 1,
      accepted: 1,
      deferred: 0,
      tooLarge: 0,
    });
    expect(second.received).toEqual(["<b@x>"]);

    const third = recorder();
    expect(await pollMailboxOnce({ settings, receive: third.receive, maxBytes: 1_000_000, log })).toEqual({
      unseen: 0,
      accepted: 0,
      deferred: 0,
      tooLarge: 0,
    });
    expect(third.received).toEqual([]);
  });

  it("flags a message over the size limit for a person without reading it, and reads at most a batch per poll", async () => {
    const big = englishReport({ messageId: "<big@x>" }).replace("</p>", `${"padding ".repeat(500)}</p>`);
    const settings = {
      ...(await mailbox([big, ...Array.from({ length: 3 }, (_, index) => englishReport({ messageId: `<m${index}@x>` }))])),
      batch: 2,
    };
    const maxBytes = Buffer.byteLength(englishReport({ messageId: "<m0@x>" })) + 100;
    const first = recorder();
    expect(await pollMailboxOnce({ settings, receive: first.receive, maxBytes, log })).toEqual({
      unseen: 4,
      accepted: 1,
      deferred: 0,
      tooLarge: 1,
    });
    expect(first.received).toEqual(["<m0@x>"]);
    const next = recorder();
    expect(await pollMailboxOnce({ settings, receive: next.receive, maxBytes, log })).toEqual({
      unseen: 2,
      accepted: 2,
      deferred: 0,
      tooLarge: 0,
    });
    expect(next.received).toEqual(["<m1@x>", "<m2@x>"]);
  });

  it("polls on start and stops after the running poll", async () => {
    const settings = await mailbox([englishReport({ messageId: "<a@x>" })]);
    const { received, receive } = recorder();
    const poller = startImapPoller({ settings, receive, maxBytes: 1_000_000, log });
    for (let waited = 0; received.length === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await poller.stop();
    expect(received).toEqual(["<a@x>"]);
  });
});
