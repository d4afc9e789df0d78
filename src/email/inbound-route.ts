import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBoundedBody, refuseTooLarge } from "./bounded-body.js";
import type { ReceiveOutcome } from "./receive-email.js";

/**
 * `POST /email/inbound`: one raw RFC 5322 message as the body, the way an MTA pipe or a mail provider's raw inbound
 * webhook delivers it. The sender proves it knows EMAIL_INBOUND_SECRET with
 * `X-Disclosure-Desk-Signature: sha256=<hex HMAC-SHA256 of the body>` — a signature rather than the secret itself,
 * because request headers reach the HTTP access log. Bodies over the size limit are refused before they are read
 * whole. The answer tells the mail system whether to try again: 5xx for "later" (GitHub unreachable, no private
 * tracking repository configured yet), 4xx for "never" (no route for the address, bad signature, too large). At most
 * MAX_INBOUND_IN_FLIGHT deliveries are read and handled at once, so a burst holds at most that many bodies in memory;
 * the next one is answered 503 with Retry-After before its body is read, and the mail system delivers it later.
 */

export const INBOUND_PATH = "/email/inbound";
export const SIGNATURE_HEADER = "x-disclosure-desk-signature";
export const MAX_INBOUND_IN_FLIGHT = 4;
const RETRY_AFTER_SECONDS = 60;

export interface InboundRouteOptions {
  secret: string;
  maxBytes: number;
  receive: (raw: Buffer) => Promise<ReceiveOutcome>;
  onError: (error: unknown) => void;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export function signInboundMessage(secret: string, raw: Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
}

export function hasValidSignature(secret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(signInboundMessage(secret, raw));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function emailInboundRoute(options: InboundRouteOptions): Handler {
  let inFlight = 0;
  return async (request, response) => {
    if ((request.url ?? "").split("?")[0] !== INBOUND_PATH) return false;
    if (request.method !== "POST") return answer(response, 405, { error: "use POST" });
    if (inFlight >= MAX_INBOUND_IN_FLIGHT) return busy(response);
    inFlight++;
    response.once("close", () => inFlight--);
    const body = await readBoundedBody(request, options.maxBytes);
    if (body.status === "too-large") return refuseTooLarge(response, options.maxBytes);
    const raw = body.bytes;
    if (!hasValidSignature(options.secret, raw, request.headers[SIGNATURE_HEADER]))
      return answer(response, 401, { error: "missing or wrong signature" });
    let outcome: ReceiveOutcome;
    try {
      outcome = await options.receive(raw);
    } catch (error) {
      options.onError(error);
      return answer(response, 503, { error: "the message could not be handled now; deliver it again later" });
    }
    switch (outcome.status) {
      case "opened":
        return answer(response, 201, outcome);
      case "threaded":
      case "known":
      case "ignored":
        return answer(response, 200, outcome);
      case "refused":
        return answer(response, 503, { status: outcome.status, caseKey: outcome.caseKey, error: outcome.reason });
      case "not-installed":
        return answer(response, 503, {
          status: outcome.status,
          error: "the App is not installed on the repository this address is routed to",
        });
      case "unrouted":
        return answer(response, 422, { status: outcome.status, error: "no EMAIL_ROUTES entry for any recipient of this message" });
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
  };
}

function answer(response: ServerResponse, status: number, body: object): true {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}

function busy(response: ServerResponse): true {
  response
    .writeHead(503, { "content-type": "application/json", "retry-after": String(RETRY_AFTER_SECONDS), connection: "close" })
    .end(JSON.stringify({ error: `${MAX_INBOUND_IN_FLIGHT} messages are being received already; deliver this one again later` }));
  return true;
}
