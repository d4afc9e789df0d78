import type { CaseLocks } from "../case/case-locks.js";
import type { AppIdentity, CaseSecret } from "../case/trust.js";
import type { GatewayCache } from "./gateway-cache.js";

/**
 * What work on an installation's cases is given, built once at start-up: the caches, the case locks, the clock, what
 * the GitHub platform offers, the app's identity and seal key.
 */
export interface AppServices {
  cache: GatewayCache;
  locks: CaseLocks;
  now: () => number;
  /** Whether GitHub offers repository security advisories: not on GitHub Enterprise Server (decided at start-up). */
  platform: { advisories: boolean };
  /** Who the app is (to tell its own issues and comments from look-alikes) and the key of its case seals. */
  trust: { identity: AppIdentity; secret: CaseSecret };
}
