import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { readBoundedBody } from "../../src/email/bounded-body.js";

/** A request body streamed in the given chunks, without a declared length (as a chunked upload arrives). */
function streamed(chunks: Buffer[]): IncomingMessage {
  return Object.assign(Readable.from(chunks), { headers: {} }) as unknown as IncomingMessage;
}

describe("a body read up to a limit", () => {
  it("is the bytes sent, however they were split into chunks, and refused from the first byte over the limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 400 }),
        async (parts, maxBytes) => {
          const chunks = parts.map((part) => Buffer.from(part));
          const sent = Buffer.concat(chunks);
          const body = await readBoundedBody(streamed(chunks), maxBytes);
          if (sent.length > maxBytes) expect(body).toEqual({ status: "too-large" });
          else expect(body).toEqual({ status: "read", bytes: sent });
        },
      ),
      { numRuns: 500, seed: 21 },
    );
  });
});
