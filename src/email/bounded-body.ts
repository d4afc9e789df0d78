import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A request body read up to a limit, so that a sender cannot make the server hold more than that in memory: a
 * declared `Content-Length` over the limit is refused before a byte is read, and a body without one (chunked) is
 * counted as it streams and dropped at the first byte over.
 */

export type BoundedBody = { status: "read"; bytes: Buffer } | { status: "too-large" };

export function readBoundedBody(request: IncomingMessage, maxBytes: number): Promise<BoundedBody> {
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve({ status: "too-large" });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      resolve({ status: "too-large" });
    };
    const onEnd = () => {
      stop();
      // A body that came in one chunk is that chunk: copying it would only make garbage.
      resolve({ status: "read", bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on("data", onData);
    request.once("end", onEnd);
    request.once("error", onError);
  });
}

/**
 * 413, and the connection closed once the answer is out: the rest of an oversized body is not read, and a sender
 * streaming without end is cut off rather than drained.
 */
export function refuseTooLarge(response: ServerResponse, maxBytes: number): true {
  response
    .writeHead(413, { "content-type": "application/json", connection: "close" })
    .end(JSON.stringify({ error: `the body is larger than ${maxBytes} bytes` }));
  return true;
}
