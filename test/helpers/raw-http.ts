import { connect } from "node:net";

/**
 * A POST written by hand on a TCP socket, for tests of request-size limits. An HTTP client can hide whether the server
 * stopped reading: nock's interceptor, for one, accepts every write without backpressure (each test file that uses nock
 * restores Node's http after it, test/architecture/test-isolation.test.ts). A raw socket sees exactly what the server
 * does.
 */

export interface RawPostResult {
  /** The status of the answer, if one arrived. */
  status: number | undefined;
  /** The server cut the connection before answering. */
  reset: boolean;
  /** Body bytes the socket accepted before the answer or the cut. */
  written: number;
}

export interface RawPostOptions {
  port: number;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Sent as Content-Length; without it the body goes chunked (Transfer-Encoding: chunked). */
  declaredLength?: number;
  /** Write one chunk, then wait for the answer: a server that refuses by the declared length answers without the rest. */
  firstChunkOnly?: boolean;
  timeoutMs?: number;
}

const CHUNK_BYTES = 64 * 1024;

/** Bounded: at most `body.length` bytes and `timeoutMs` (15 s by default); always to 127.0.0.1. */
export function rawPost(options: RawPostOptions): Promise<RawPostResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: options.port });
    const chunked = options.declaredLength === undefined;
    let written = 0;
    let received = "";
    let done = false;
    const finish = (status: number | undefined, reset: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, reset, written });
    };
    const timer = setTimeout(() => finish(undefined, false), options.timeoutMs ?? 15_000);
    socket.on("data", (data: Buffer) => {
      received += data.toString("latin1");
      const statusLine = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (statusLine?.[1]) finish(Number(statusLine[1]), false);
    });
    socket.on("error", () => finish(undefined, true));
    socket.on("close", () => finish(undefined, true));

    const head = [
      `POST ${options.path} HTTP/1.1`,
      `Host: 127.0.0.1:${options.port}`,
      ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
      chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${options.declaredLength}`,
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    const frame = (chunk: Buffer) =>
      chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
    const writeNext = () => {
      while (!done && written < options.body.length) {
        const chunk = options.body.subarray(written, written + CHUNK_BYTES);
        written += chunk.length;
        const flushed = socket.write(frame(chunk));
        if (options.firstChunkOnly) return;
        if (!flushed) {
          socket.once("drain", writeNext);
          return;
        }
      }
      if (!done && chunked) socket.write("0\r\n\r\n");
    };
    socket.once("connect", () => {
      socket.write(head);
      writeNext();
    });
  });
}
