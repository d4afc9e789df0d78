import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** A non-blank line of a batch file, numbered from 1 as an editor shows it. */
export interface BatchLine {
  number: number;
  text: string;
}

/** What some lines of a batch produced, in their order: decisions for standard output, line errors for standard error. */
export interface BatchPart {
  writes: { stream: "stdout" | "stderr"; text: string }[];
  invalid: number;
}

/** What every thread triaging a batch shares, so that a line gets the same decision whichever thread reads it. */
export interface BatchSettings {
  /** The batch file as named on the command line, for the line errors. */
  path: string;
  /** Milliseconds since the epoch: the time of receipt of lines that name none. */
  startedAt: number;
}

/** The non-blank lines of a batch file. */
export function batchLines(text: string): BatchLine[] {
  const lines: BatchLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== "") lines.push({ number: index + 1, text: line });
  });
  return lines;
}

/** A thread that triages chunks of a batch beside this one: a worker thread, or a stand-in in tests. */
export interface ChunkWorker {
  /** Hands over a chunk; the answer comes through `WorkerEvents.done`. */
  send(chunk: number, lines: readonly BatchLine[]): void;
  stop(): Promise<void>;
}

export interface WorkerEvents {
  /** The worker has read the policy and takes chunks. */
  ready(): void;
  done(chunk: number, part: BatchPart): void;
  /** The worker is gone; the chunks it held go back to the others. */
  failed(error: unknown): void;
}

export type StartWorker = (events: WorkerEvents) => ChunkWorker;

/**
 * Chunks a ready worker holds at once: while this thread triages a chunk of its own it cannot answer, so a worker
 * keeps the next chunk in its queue instead of waiting idle.
 */
const CHUNKS_PER_WORKER = 2;

/** Worker threads started ahead of a batch, so that they load while this thread still checks the policy. */
export interface ChunkHelpers {
  /**
   * Triages a batch's chunks in this thread and in the workers, and gives `emit` each chunk's part in input order as
   * soon as every chunk before it is done. A chunk goes to a worker only once the worker is ready, so a slow start
   * never holds the batch back; a worker that fails gives its chunks back, and nothing is lost as long as this thread
   * runs. Stops the workers when done.
   */
  triage(
    chunks: readonly (readonly BatchLine[])[],
    triageHere: (lines: readonly BatchLine[]) => BatchPart,
    emit: (part: BatchPart) => void,
  ): Promise<void>;
  stop(): Promise<void>;
}

interface Helper {
  worker?: ChunkWorker;
  ready: boolean;
  alive: boolean;
  held: number[];
}

export function startChunkHelpers(start: readonly StartWorker[]): ChunkHelpers {
  const parts = new Map<number, BatchPart>();
  const waiting: number[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const helpers = start.map((startWorker) => {
    const helper: Helper = { ready: false, alive: true, held: [] };
    helper.worker = startWorker({
      ready() {
        helper.ready = true;
        notify();
      },
      done(chunk, part) {
        // A chunk this thread took back is done already.
        if (!helper.alive || !helper.held.includes(chunk)) return;
        helper.held = helper.held.filter((held) => held !== chunk);
        parts.set(chunk, part);
        notify();
      },
      failed() {
        helper.alive = false;
        waiting.unshift(...helper.held);
        helper.held = [];
        notify();
      },
    });
    return helper;
  });
  const stop = async () => {
    await Promise.all(helpers.map((helper) => helper.worker?.stop()));
  };

  return {
    stop,
    async triage(chunks, triageHere, emit) {
      waiting.push(...chunks.keys());
      let emitted = 0;
      const dispatch = () => {
        for (const helper of helpers) {
          while (helper.alive && helper.ready && helper.held.length < CHUNKS_PER_WORKER && waiting.length > 0) {
            const chunk = waiting.shift() ?? 0;
            helper.held.push(chunk);
            helper.worker?.send(chunk, chunks[chunk] ?? []);
          }
        }
      };
      // With nothing left to hand out, this thread takes back a chunk a worker holds but has not begun (a worker
      // answers in the order it was sent chunks) rather than wait for it at the end of the batch.
      const takeBack = () => {
        const helper = helpers.find((candidate) => candidate.alive && candidate.held.length >= 2);
        return helper?.held.pop();
      };
      const emitInOrder = () => {
        for (let part = parts.get(emitted); part !== undefined; part = parts.get(emitted)) {
          parts.delete(emitted);
          emit(part);
          emitted += 1;
        }
      };
      try {
        while (emitted < chunks.length) {
          emitInOrder();
          dispatch();
          const next = waiting.shift() ?? takeBack();
          if (next !== undefined) {
            parts.set(next, triageHere(chunks[next] ?? []));
            // Lets the workers' answers and readiness in before the next chunk.
            await new Promise((resolve) => setImmediate(resolve));
          } else if (emitted < chunks.length) {
            await new Promise<void>((resolve) => (wake = resolve));
          }
        }
      } finally {
        await stop();
      }
    },
  };
}

/** What a triage worker thread is started with. */
export interface TriageWorkerSetup {
  configText: string;
  configPath: string;
  batch: BatchSettings;
}

export type TriageWorkerMessage = { kind: "ready" } | { kind: "done"; chunk: number; part: BatchPart };

const workerScript = new URL("./triage-worker.js", import.meta.url);

/**
 * Starts triage worker threads, or says why it cannot: the worker runs the compiled script, which is not there when
 * the command runs from its TypeScript sources.
 */
export function triageWorkers(setup: TriageWorkerSetup, onFailure: (error: unknown) => void): StartWorker | string {
  if (!existsSync(fileURLToPath(workerScript))) return "the worker script is not built";
  return (events) => {
    let stopping = false;
    const worker = new Worker(workerScript, { workerData: setup });
    const fail = (error: unknown) => {
      if (stopping) return;
      stopping = true;
      onFailure(error);
      events.failed(error);
      void worker.terminate();
    };
    worker.on("message", (message: TriageWorkerMessage) => {
      if (message.kind === "ready") events.ready();
      else events.done(message.chunk, message.part);
    });
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`it exited with code ${code}`)));
    return {
      send: (chunk, lines) => worker.postMessage({ chunk, lines }),
      async stop() {
        stopping = true;
        await worker.terminate();
      },
    };
  };
}
