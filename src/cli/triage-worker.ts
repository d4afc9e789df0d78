import { parentPort, workerData } from "node:worker_threads";
import { loadPolicy, triageLines } from "./triage-batch.js";
import type { BatchLine, TriageWorkerMessage, TriageWorkerSetup } from "./triage-threads.js";

/**
 * A worker thread of `disclosure-desk triage --batch`: compiles the policy the command has already validated, then
 * triages each chunk it is sent, with the batch's own start time, so every line gets what one thread would give it.
 */
const { configText, configPath, batch } = workerData as TriageWorkerSetup;
const loaded = { ...loadPolicy(configPath, configText), dueTimesAt: new Map() };
const port = parentPort;
if (port === null) throw new Error("triage-worker runs only as a worker thread of the triage command");

port.on("message", ({ chunk, lines }: { chunk: number; lines: BatchLine[] }) => {
  const message: TriageWorkerMessage = { kind: "done", chunk, part: triageLines(lines, loaded, batch) };
  port.postMessage(message);
});
port.postMessage({ kind: "ready" } satisfies TriageWorkerMessage);
