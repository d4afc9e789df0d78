import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { readBoundedBody, refuseTooLarge } from "../email/bounded-body.js";

/**
 * A size limit on webhook bodies, checked before they are buffered whole, parsed or their signature verified.
 * GitHub caps a webhook payload at 25 MB, so the default, 26 MiB, refuses nothing GitHub sends.
 *
 * Probot's server puts its webhook middleware in front of every handler an app adds (`options.addHandler`), and the
 * middleware reads the whole body into memory before it checks anything. So the limit wraps the middleware itself:
 * the server asks the app for it (`getNodeMiddleware`) after the app has loaded. The body, once read within the
 * limit, is handed on as `request.body`, which the middleware takes instead of reading the stream again.
 */

export const DEFAULT_WEBHOOK_MAX_BYTES = 26 * 1024 * 1024;
export const MIN_WEBHOOK_MAX_BYTES = 1024 * 1024;

export function webhookMaxBytesProblems(env: NodeJS.ProcessEnv): string[] {
  const value = env.WEBHOOK_MAX_BYTES || undefined;
  if (value === undefined || (/^\d+$/.test(value) && Number(value) >= MIN_WEBHOOK_MAX_BYTES)) return [];
  return [
    `WEBHOOK_MAX_BYTES must be a whole number of bytes, at least ${MIN_WEBHOOK_MAX_BYTES} (GitHub sends webhooks of up to 25 MB), got "${value}"`,
  ];
}

/** WEBHOOK_MAX_BYTES, or the default when it is unset, empty or fails its check. */
export function readWebhookMaxBytes(env: NodeJS.ProcessEnv): number {
  return env.WEBHOOK_MAX_BYTES && webhookMaxBytesProblems(env).length === 0 ? Number(env.WEBHOOK_MAX_BYTES) : DEFAULT_WEBHOOK_MAX_BYTES;
}

type WebhookMiddleware = Awaited<ReturnType<Probot["getNodeMiddleware"]>>;

export function limitWebhookBodies(app: Pick<Probot, "getNodeMiddleware" | "webhookPath">, maxBytes: number): void {
  const webhookMiddleware = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (options) =>
    boundedWebhookMiddleware(await webhookMiddleware(options), options?.path ?? app.webhookPath, maxBytes);
}

export function boundedWebhookMiddleware(middleware: WebhookMiddleware, path: string, maxBytes: number): WebhookMiddleware {
  const webhookPath = withoutTrailingSlashes(path);
  // A URL spelled exactly as the path, when the path is already as parsing leaves it, needs no parsing to match.
  const pathIsParsed = pathnameOf(webhookPath) === webhookPath;
  const isWebhookPath = (url: string | undefined) => (pathIsParsed && url === webhookPath) || pathnameOf(url) === webhookPath;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  return async (request: IncomingMessage, response: ServerResponse, next?: Parameters<WebhookMiddleware>[2]) => {
    if (request.method !== "POST" || !isWebhookPath(request.url)) return middleware(request, response, next);
    const body = await readBoundedBody(request, maxBytes);
    if (body.status === "too-large") return refuseTooLarge(response, maxBytes);
    return middleware(Object.assign(request, { body: decoder.decode(body.bytes) }), response, next);
  };
}

/** The path as the webhook middleware computes it, so that no spelling of the URL reaches it unbounded. */
function pathnameOf(url: string | undefined): string | undefined {
  try {
    return new URL(withoutTrailingSlashes(url ?? ""), "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === 0 ? "/" : path.slice(0, end);
}
