import { createHmac } from "node:crypto";
import type { CaseSecret } from "../case/trust.js";

/**
 * A reporter's key in case records and the index: an HMAC of their login or e-mail address, lower case, under the
 * server's case secret. It tells one reporter's cases apart from another's, and a copy of the index reveals no
 * address (a plain hash of an e-mail address can be guessed back).
 */
export function reporterKey(secret: CaseSecret, identity: string): string {
  return createHmac("sha256", secret)
    .update(`reporter\0${normalisedIdentity(identity)}`)
    .digest("hex")
    .slice(0, 32);
}

/** A login or e-mail address as the blocked list compares it: trimmed, `@` before a login dropped, lower case. */
export function normalisedIdentity(identity: string): string {
  const trimmed = identity.trim();
  return (trimmed.includes("@", 1) ? trimmed : trimmed.replace(/^@/, "")).toLowerCase();
}

/** Whether any of the reporter's identities (login, e-mail address) is on the policy's `reporters.blocked` list. */
export function isBlocked(blocked: readonly string[], identities: readonly string[]): boolean {
  if (blocked.length === 0) return false;
  const list = new Set(blocked.map(normalisedIdentity));
  return identities.some((identity) => list.has(normalisedIdentity(identity)));
}
