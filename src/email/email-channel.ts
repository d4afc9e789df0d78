import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { installationClients } from "../github/email-gateway.js";
import type { HandlerDependencies } from "../handlers/dependencies.js";
import type { EmailSettings } from "./email-settings.js";
import { emailInboundRoute } from "./inbound-route.js";
import { createEmailReceiver } from "./receive-email.js";
import { createSmtpMailer } from "./smtp-mailer.js";

/** The e-mail channel as the server mounts it: the inbound route, receiving with the App's own locks and caches. */
export function emailChannel(app: Probot, dependencies: HandlerDependencies, settings: EmailSettings): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const log = app.log.child({ name: "email" });
  log.info({ routes: settings.routes.size, smtp: settings.smtpUrl !== undefined }, "e-mail channel listening on /email/inbound");
  return emailInboundRoute({
    secret: settings.inboundSecret,
    maxBytes: settings.maxBytes,
    receive: createEmailReceiver({
      routes: settings.routes,
      installationFor: installationClients(app, dependencies.now),
      dependencies,
      mailer: settings.smtpUrl ? createSmtpMailer(settings.smtpUrl) : undefined,
      log,
    }),
    onError: (error) => log.error({ err: error }, "e-mail intake failed: the mail system is asked to deliver it again"),
  });
}
