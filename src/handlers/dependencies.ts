import type { AppIdentity, CaseSecret } from "../case/trust.js";
import type { Mailer } from "../email/smtp-mailer.js";
import type { GatewayCache } from "../github/gateway-cache.js";
import type { CaseLocks } from "../case/case-locks.js";

/** What every handler is given, built once at start-up: nothing here is read from the environment by a handler. */
export interface HandlerDependencies {
  cache: GatewayCache;
  locks: CaseLocks;
  now: () => number;
  /** Whether GitHub offers repository security advisories: not on GitHub Enterprise Server (decided at start-up). */
  platform: { advisories: boolean };
  /** Sends researcher messages of e-mail cases (SMTP_URL, when the e-mail channel is on); absent: they are relayed. */
  mailer?: Mailer;
  /** Who the app is (to tell its own issues and comments from look-alikes) and the key of its case seals. */
  trust: { identity: AppIdentity; secret: CaseSecret };
}
