import type { Mailer } from "../email/smtp-mailer.js";
import type { AppServices } from "../github/services.js";

/** What every handler is given, built once at start-up: nothing here is read from the environment by a handler. */
export interface HandlerDependencies extends AppServices {
  /** Sends researcher messages of e-mail cases (SMTP_URL, when the e-mail channel is on); absent: they are relayed. */
  mailer?: Mailer;
}
