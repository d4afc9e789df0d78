import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BatchLine, BatchPart, BatchSettings } from "./triage-batch.js";

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
        if (!helper.alive) return;
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
          const next = waiting.shift();
          if (next !== undefined) {
            parts.set(next, triageHere(chunks[next] ?? []));
            // Lets the workers' answers and readiness in before the next chunk.
            await new Promise((resolve) => setImmediate(resolve));
          } else if (emitted < chunks.length && !parts.has(emitted)) {
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
