import type { Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { untrusted } from "../messages/untrusted-text.js";

/**
 * When the app cannot post a message for the researcher itself, a maintainer relays it: the note says why and holds
 * the message. Why is a code that the relay templates word in each language.
 */
export type RelayReason =
  | "comments-api-unavailable"
  | "comments-api-not-found"
  | "no-email-thread"
  /** The sweep cannot write where the case came in (a contained public issue): the relay names the channel. */
  | "channel-not-writable";

export interface Relay {
  message: string;
  reason: RelayReason;
  /** Where the case came in, for `channel-not-writable`. */
  channel?: string;
}

/** The acknowledgement a maintainer is to post on the advisory, in the tracking issue. */
export function renderRelay(language: Language, advisoryUrl: string, relay: Relay): string {
  return renderMessage(language, "relay-needed", {
    advisoryUrl,
    reason: relay.reason,
    channel: relay.channel,
    message: untrusted(relay.message),
  });
}

/** A message for the researcher a maintainer is to post on the advisory, in a comment on the tracking issue. */
export function renderMessageRelay(language: Language, advisoryUrl: string, relay: Relay): string {
  return renderMessage(language, "message-relay", {
    advisoryUrl,
    reason: relay.reason,
    channel: relay.channel,
    message: relay.message,
    marker: "",
  });
}
