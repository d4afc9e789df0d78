import type { Logger } from "probot";
import type { ImapSettings } from "./imap-settings.js";
import type { ReceiveOutcome } from "./receive-email.js";

/**
 * For a security mailbox that cannot pipe or forward to `POST /email/inbound`: every interval, read the unseen
 * messages of one IMAP folder and receive each one as if it had been posted. A message is marked seen only once its
 * outcome is final (a case opened or found, no route, from a machine); when GitHub did not answer or the policy has no
 * private tracking repository yet it stays unseen and is read again next time. Each poll is bounded: at most `batch`
 * messages, connection and socket timeouts, and polls never overlap. IMAPFlow's own logger is off — it would log
 * addresses.
 */

export interface PollResult {
  unseen: number;
  accepted: number;
  deferred: number;
  tooLarge: number;
}

export interface ImapPollerOptions {
  settings: ImapSettings;
  receive: (raw: Buffer) => Promise<ReceiveOutcome>;
  maxBytes: number;
  log: Logger;
}

const TIMEOUT_MS = 30_000;

function isFinal(outcome: ReceiveOutcome): boolean {
  return outcome.status !== "refused" && outcome.status !== "not-installed";
}

export async function pollMailboxOnce(options: ImapPollerOptions): Promise<PollResult> {
  const { settings } = options;
  // Loaded when a mailbox is polled: a server without IMAP_URL never holds the IMAP client in memory.
  const { ImapFlow } = await import("imapflow");
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const result: PollResult = { unseen: 0, accepted: 0, deferred: 0, tooLarge: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      result.unseen = unseen.length;
      for (const uid of unseen.slice(0, settings.batch)) {
        const envelope = await client.fetchOne(String(uid), { size: true }, { uid: true });
        if (envelope && (envelope.size ?? 0) > options.maxBytes) {
          // Left for a person: flagged in the mailbox, read no further.
          await client.messageFlagsAdd(String(uid), ["\\Seen", "\\Flagged"], { uid: true });
          options.log.warn({ bytes: envelope.size }, "mailbox message larger than EMAIL_MAX_BYTES: flagged for a person");
          result.tooLarge += 1;
          continue;
        }
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        const outcome = await options.receive(message.source);
        if (isFinal(outcome)) {
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          result.accepted += 1;
        } else {
          result.deferred += 1;
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return result;
}

export interface ImapPoller {
  /** Stops polling, letting a running poll finish. */
  stop(): Promise<void>;
}

export function startImapPoller(options: ImapPollerOptions): ImapPoller {
  let running: Promise<void> | undefined;
  let stopped = false;
  const poll = () => {
    if (running || stopped) return;
    running = pollMailboxOnce(options)
      .then(
        (result) => {
          if (result.unseen > 0) options.log.info({ ...result }, "mailbox polled");
        },
        (error: unknown) => options.log.error({ err: error }, "mailbox poll failed: messages stay unseen for the next poll"),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(poll, options.settings.intervalMs);
  timer.unref();
  poll();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
