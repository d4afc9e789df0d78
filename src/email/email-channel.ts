import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { installationClients } from "../github/email-gateway.js";
import type { HandlerDependencies } from "../handlers/dependencies.js";
import type { EmailSettings } from "./email-settings.js";
import { startImapPoller } from "./imap-poller.js";
import { emailInboundRoute } from "./inbound-route.js";
import { createEmailReceiver } from "./receive-email.js";
import { createSmtpMailer } from "./smtp-mailer.js";

/**
 * The e-mail channel as the server mounts it: the inbound route (when EMAIL_INBOUND_SECRET is set) and the mailbox
 * poller (when IMAP_URL is set), both receiving with the App's own locks and caches. The poller's timer does not keep
 * the process alive; a poll cut short by the process ending leaves its messages unseen for the next start.
 */
export function emailChannel(app: Probot, dependencies: HandlerDependencies, settings: EmailSettings): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const log = app.log.child({ name: "email" });
  const receive = createEmailReceiver({
    routes: settings.routes,
    installationFor: installationClients(app, dependencies.now),
    dependencies,
    mailer: settings.smtpUrl ? createSmtpMailer(settings.smtpUrl) : undefined,
    log,
  });
  if (settings.imap) startImapPoller({ settings: settings.imap, receive, maxBytes: settings.maxBytes, log });
  log.info({ routes: settings.routes.size, endpoint: settings.inboundSecret !== undefined, imap: settings.imap !== undefined, smtp: settings.smtpUrl !== undefined }, "e-mail channel on");
  if (settings.inboundSecret === undefined) return async () => false;
  return emailInboundRoute({
    secret: settings.inboundSecret,
    maxBytes: settings.maxBytes,
    receive,
    onError: (error) => log.error({ err: error }, "e-mail intake failed: the mail system is asked to deliver it again"),
  });
}
