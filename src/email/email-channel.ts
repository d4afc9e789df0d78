import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { installationClients } from "../github/email-gateway.js";
import type { AppServices } from "../github/services.js";
import type { EmailSettings } from "./email-settings.js";
import { startImapPoller } from "./imap-poller.js";
import { emailInboundRoute } from "./inbound-route.js";
import { createEmailReceiver } from "./receive-email.js";
import { createInProcessSendQuota, type SendQuota } from "./outbound-rules.js";
import { createSmtpMailer, type Mailer } from "./smtp-mailer.js";

/**
 * The e-mail channel as the server mounts it: the inbound route (when EMAIL_INBOUND_SECRET is set) and the mailbox
 * poller (when IMAP_URL is set), both receiving with the App's own locks and caches. The poller's timer does not keep
 * the process alive; a poll cut short by the process ending leaves its messages unseen for the next start.
 */
export interface EmailChannel {
  /** The inbound endpoint's route (answers nothing when no inbound secret is set). */
  route: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /** Stops the mailbox poller, letting a poll in progress finish. */
  stop(): Promise<void>;
  /** The SMTP mailer for messages to researchers (SMTP_URL), shared with the commands; absent without SMTP_URL. */
  mailer: Mailer | undefined;
}

/** `quota`: the count of messages per recipient shared by every replica (Redis); this process's own otherwise. */
export function emailChannel(app: Probot, dependencies: AppServices, settings: EmailSettings, quota?: SendQuota): EmailChannel {
  const log = app.log.child({ name: "email" });
  const rules = {
    routes: settings.routes,
    quota: quota ?? createInProcessSendQuota(settings.messagesPerRecipientPerHour, dependencies.now),
  };
  const mailer = settings.smtpUrl ? createSmtpMailer(settings.smtpUrl, rules) : undefined;
  const receive = createEmailReceiver({
    routes: settings.routes,
    trustedAuthservIds: settings.trustedAuthservIds,
    installationFor: installationClients(app, dependencies.now),
    dependencies,
    mailer,
    log,
  });
  const poller = settings.imap ? startImapPoller({ settings: settings.imap, receive, maxBytes: settings.maxBytes, log }) : undefined;
  const stop = async () => poller?.stop();
  log.info(
    {
      routes: settings.routes.size,
      endpoint: settings.inboundSecret !== undefined,
      imap: settings.imap !== undefined,
      smtp: settings.smtpUrl !== undefined,
      trustedServers: settings.trustedAuthservIds.length,
    },
    "e-mail channel on",
  );
  if (settings.trustedAuthservIds.length === 0)
    log.warn("EMAIL_TRUSTED_AUTHSERV_ID is not set: no e-mail sender counts as verified, so no report is acknowledged by e-mail");
  if (settings.inboundSecret === undefined) return { route: async () => false, stop, mailer };
  const route = emailInboundRoute({
    secret: settings.inboundSecret,
    maxBytes: settings.maxBytes,
    receive,
    onError: (error) => log.error({ err: error }, "e-mail intake failed: the mail system is asked to deliver it again"),
  });
  return { route, stop, mailer };
}
