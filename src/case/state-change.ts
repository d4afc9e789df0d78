import type { CaseRecord, CaseState } from "./case-record.js";
import type { SlaConfig } from "../config/schema.js";
import { isPausedState } from "./case-clock.js";

/**
 * The clock fields a state change touches, for whoever changes the state (a maintainer command, a closing by the
 * sweep): the first response, the evaluation (`triagedAt`, which meets the response deadline), the start and end of
 * a pause, and the resolution time the metrics read.
 * The sweep also applies it when it finds a state that changed without them, with `at` = the sweep's own time.
 */
export function withStateChange(record: CaseRecord, state: CaseState, at: Date, sla: SlaConfig): CaseRecord {
  const iso = at.toISOString();
  const next: CaseRecord = { ...record, state };
  if (state !== "triage" && next.firstResponseAt === undefined) next.firstResponseAt = iso;
  if (["accepted", "rejected", "duplicate"].includes(state) && next.triagedAt === undefined) next.triagedAt = iso;
  if (state === "resolved" && next.resolvedAt === undefined) next.resolvedAt = iso;
  return withPauseFor(next, at, sla);
}

/** Starts the pause when the case waits on the researcher, ends it (adding the period) when it no longer does. */
export function withPauseFor(record: CaseRecord, at: Date, sla: SlaConfig): CaseRecord {
  const pause = record.pause ?? { pausedMs: 0 };
  const waiting = isPausedState(record.state, sla);
  if (waiting && pause.since === undefined) return { ...record, pause: { ...pause, since: at.toISOString() } };
  if (!waiting && pause.since !== undefined) {
    const pausedMs = pause.pausedMs + Math.max(0, at.getTime() - Date.parse(pause.since));
    return { ...record, pause: { pausedMs } };
  }
  return record;
}
