/** Why a message for the researcher must be posted by a maintainer; the relay templates word it in each language. */
export type RelayReason =
  | "comments-api-unavailable"
  | "comments-api-not-found"
  | "no-email-thread"
  /** The sweep cannot write where the case came in (a contained public issue): the relay names the channel. */
  | "channel-not-writable";
