import { describe, expect, it } from "@jest/globals";
import { startChunkHelpers, type BatchLine, type BatchPart, type StartWorker, type WorkerEvents } from "../../src/cli/triage-threads.js";

/** A part that says which thread triaged which lines, so order and completeness can be read off the output. */
function partOf(lines: readonly BatchLine[], thread: string): BatchPart {
  return { writes: lines.map((line) => ({ stream: "stdout" as const, text: `${line.number}:${thread}\n` })), invalid: 0 };
}

const chunksOf = (count: number, size = 3): BatchLine[][] =>
  Array.from({ length: count }, (_, chunk) =>
    Array.from({ length: size }, (_, index) => ({ number: chunk * size + index + 1, text: "{}" })),
  );

const tick = () => new Promise((resolve) => setImmediate(resolve));

interface FakeWorker {
  start: StartWorker;
  received: number[];
  stopped: () => boolean;
}

/**
 * A worker thread's stand-in: ready after `readyAfter` turns of the event loop, it answers each chunk after
 * `answerAfter` turns, and with `failAfter` it fails once it holds that many chunks.
 */
function fakeWorker(
  name: string,
  options: { readyAfter?: number; answerAfter?: number; failAfter?: number; neverReady?: boolean } = {},
): FakeWorker {
  const received: number[] = [];
  let stopped = false;
  const start: StartWorker = (events: WorkerEvents) => {
    void (async () => {
      for (let turn = 0; turn < (options.readyAfter ?? 1); turn++) await tick();
      if (!options.neverReady && !stopped) events.ready();
    })();
    return {
      send(chunk, lines) {
        received.push(chunk);
        if (options.failAfter !== undefined && received.length >= options.failAfter) {
          void tick().then(() => events.failed(new Error(`${name} crashed`)));
          return;
        }
        void (async () => {
          for (let turn = 0; turn < (options.answerAfter ?? 1); turn++) await tick();
          if (!stopped) events.done(chunk, partOf(lines, name));
        })();
      },
      async stop() {
        stopped = true;
      },
    };
  };
  return { start, received, stopped: () => stopped };
}

async function run(chunks: BatchLine[][], workers: FakeWorker[]): Promise<{ lines: string[]; here: number }> {
  const written: string[] = [];
  let here = 0;
  await startChunkHelpers(workers.map((worker) => worker.start)).triage(
    chunks,
    (lines) => {
      here += 1;
      return partOf(lines, "here");
    },
    (part) => part.writes.forEach((write) => written.push(...write.text.trim().split("\n"))),
  );
  return { lines: written, here };
}

const numbersOf = (lines: string[]) => lines.map((line) => Number(line.split(":")[0]));
const inOrder = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("sharing a batch among threads", () => {
  it("gives every line once, in input order, though a slow worker answers after later chunks are done here", async () => {
    const slow = fakeWorker("slow", { answerAfter: 5 });
    const { lines, here } = await run(chunksOf(30), [slow]);
    expect(numbersOf(lines)).toEqual(inOrder(90));
    // Control: the worker did take chunks, and they came out in their place.
    expect(slow.received.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.endsWith(":slow"))).toHaveLength(slow.received.length * 3);
    expect(here + slow.received.length).toBe(30);
    expect(slow.stopped()).toBe(true);
  });

  it("triages here the chunks of a worker that fails while holding them, so no line is lost or written twice", async () => {
    const failing = fakeWorker("failing", { answerAfter: 3, failAfter: 3 });
    const steady = fakeWorker("steady", { answerAfter: 2 });
    const { lines } = await run(chunksOf(40), [failing, steady]);
    expect(numbersOf(lines)).toEqual(inOrder(120));
    expect(failing.received.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line.endsWith(":failing"))).toBe(true);
    expect(lines.some((line) => line.endsWith(":steady"))).toBe(true);
  });

  it("gives a worker nothing before it is ready, and finishes here when it never is", async () => {
    const late = fakeWorker("late", { neverReady: true });
    const { lines, here } = await run(chunksOf(12), [late]);
    expect(numbersOf(lines)).toEqual(inOrder(36));
    expect(late.received).toEqual([]);
    expect(here).toBe(12);
    expect(late.stopped()).toBe(true);
  });

  it("holds at most two chunks in a worker, and takes back the one it has not begun once nothing else is left", async () => {
    // The worker answers only after this thread has done the rest.
    const busy = fakeWorker("busy", { answerAfter: 1_000 });
    const { lines, here } = await run(chunksOf(10), [busy]);
    expect(numbersOf(lines)).toEqual(inOrder(30));
    expect(busy.received).toHaveLength(2);
    // Its first chunk comes from the worker; the second, taken back, from this thread, and written once.
    expect(lines.filter((line) => line.endsWith(":busy"))).toHaveLength(3);
    expect(here).toBe(9);
  });

  it("stops workers started ahead of a batch that is not triaged", async () => {
    const unused = fakeWorker("unused");
    await startChunkHelpers([unused.start]).stop();
    expect(unused.stopped()).toBe(true);
  });
});
