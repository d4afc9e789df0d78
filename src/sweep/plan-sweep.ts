import type { CaseRecord } from "../case/case-record.js";
import type { DisclosureConfig } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import { createBusinessCalendar, formatDeadline, localDateOf, type DeadlineStatus } from "../sla/index.js";
import { caseClock, daysSince, movedDates, type RunningDeadline } from "../case/case-clock.js";
import { withStateChange } from "../case/state-change.js";

/**
 * One case, one sweep, as a pure planner: the case record, the tracking issue's labels, the policy and `now` in; the
 * reminders, labels, escalations, update drafts, closings and the new case record out, each with its reason.
 *
 * Idempotency. Every message the sweep sends has a key (`response:2026-11-27T22:59:59.999Z:remind`) that goes into
 * the record's `reminders` and, as a hidden marker, into the message itself. The plan puts the visible effects first
 * and the record last (`recordSweep`), and the executor looks for the marker before it posts. So:
 * - a second sweep finds the key in the record and plans nothing;
 * - a crash after a message but before the record is written plans the message again, the executor finds its marker
 *   and does not post it twice, and the record is written — the two converge without a duplicate;
 * - writing the record first instead would lose the message on such a crash, which is worse than one look-up.
 * Labels need no key: the plan compares them with the labels the issue has.
 */

export type SlaLabel = "sla:due-soon" | "sla:breached";
export const SLA_LABELS: readonly SlaLabel[] = ["sla:due-soon", "sla:breached"];

export type SweepAction =
  | {
      type: "remindMaintainers";
      key: string;
      deadline: "response" | "resolution";
      due: string;
      businessDaysLeft: number;
      mention: string | undefined;
      body: string;
      marker: string;
    }
  | {
      type: "escalate";
      key: string;
      deadline: "response" | "resolution";
      due: string;
      mention: string | undefined;
      body: string;
      marker: string;
    }
  | { type: "updateDue"; key: string; due: string; body: string; marker: string }
  | { type: "setSlaLabel"; add: SlaLabel | undefined; remove: SlaLabel[] }
  | { type: "closeSilentCase"; key: string; silentDays: number; message: string; marker: string }
  | { type: "tellNewDates"; key: string; pausedDays: number; message: string; marker: string }
  | { type: "recordSweep"; record: CaseRecord; close: boolean };

export type SweepActionType = SweepAction["type"];

export interface CaseSweepInput {
  record: CaseRecord;
  /** The labels the tracking issue has now. */
  labels: readonly string[];
  config: Pick<DisclosureConfig, "language" | "policy" | "tracking" | "sla" | "calendar">;
  now: Date;
}

export interface CaseSweepPlan {
  reasons: string[];
  actions: SweepAction[];
}

export function sweepMarker(key: string): string {
  return `<!-- disclosure-desk:sweep ${key} -->`;
}

export function planCaseSweep(input: CaseSweepInput): CaseSweepPlan {
  const { config, now } = input;
  const reasons: string[] = [];
  const actions: SweepAction[] = [];
  let record = withStateChange(input.record, input.record.state, now, config.sla);
  if (JSON.stringify(record) !== JSON.stringify(input.record)) {
    reasons.push(`clock fields missing for state ${record.state}: recorded as of this sweep`);
  }
  const sent = new Set((record.reminders ?? []).map((reminder) => reminder.key));
  const sentNow: string[] = [];
  const send = (action: Extract<SweepAction, { key: string }>) => {
    actions.push(action);
    sentNow.push(action.key);
  };

  const closing = planSilenceClosing(input, record, sent);
  if (closing) {
    reasons.push(closing.reason);
    send(closing.action);
    record = {
      ...withStateChange(record, "withdrawn", now, config.sla),
      closedAt: now.toISOString(),
      closedReason: "researcher-silent",
    };
  }

  const newDates = planNewDates(input, record, sent);
  if (newDates) {
    reasons.push(newDates.reason);
    send(newDates.action);
  }

  const clock = caseClock(record, config, now);
  if (clock.paused) reasons.push(`clock paused while waiting on the researcher (${Math.floor(clock.pausedMs / 3_600_000)} h so far)`);
  const broken = new Set(record.sla?.broken ?? []);
  for (const deadline of clock.running) {
    const action = deadlineAction(deadline, record, input, sent);
    if (deadline.status === "breached") broken.add(deadline.kind);
    if (!action) continue;
    reasons.push(action.reason);
    send(action.action);
  }

  const status = worstStatus(clock.running.filter((deadline) => deadline.kind !== "update").map((deadline) => deadline.status));
  const labelAction = planSlaLabel(status, input.labels);
  if (labelAction) {
    reasons.push(`SLA status ${status}: ${labelAction.add ? `label ${labelAction.add}` : "no SLA label"}`);
    actions.push(labelAction);
  }
  if (record.sla !== undefined || status !== "ok" || broken.size > 0) {
    record = { ...record, sla: { status, broken: [...broken].sort() } };
  }
  if (sentNow.length > 0) {
    record = { ...record, reminders: [...(record.reminders ?? []), ...sentNow.map((key) => ({ key, at: now.toISOString() }))] };
  }

  if (JSON.stringify(record) !== JSON.stringify(input.record)) {
    actions.push({ type: "recordSweep", record, close: closing !== undefined });
  }
  return { reasons, actions };
}

function planSilenceClosing(
  input: CaseSweepInput,
  record: CaseRecord,
  sent: ReadonlySet<string>,
): { reason: string; action: Extract<SweepAction, { type: "closeSilentCase" }> } | undefined {
  const closeAfterDays = input.config.sla.needsInfo.closeAfterDays;
  const askedAt = record.pause?.since;
  if (record.state !== "needs-info" || closeAfterDays === undefined || askedAt === undefined) return undefined;
  const silentSince =
    [askedAt, record.researcherActivityAt]
      .filter((at): at is string => at !== undefined)
      .sort()
      .at(-1) ?? askedAt;
  const silentDays = Math.floor(daysSince(silentSince, input.now));
  if (silentDays < closeAfterDays) return undefined;
  const key = `needs-info:${askedAt}:close`;
  if (sent.has(key)) return undefined;
  const marker = closingMarker(record.key);
  return {
    reason: `researcher silent for ${silentDays} days in needs-info (policy closes after ${closeAfterDays}): closing`,
    action: {
      type: "closeSilentCase",
      key,
      silentDays,
      marker,
      message: renderMessage(input.config.language, "needs-info-closing", {
        silentDays,
        policy: { name: input.config.policy.name, url: input.config.policy.url },
        marker,
      }),
    },
  };
}

/** After a pause, the researcher hears the dates it moved: once per total of paused days. */
function planNewDates(
  input: CaseSweepInput,
  record: CaseRecord,
  sent: ReadonlySet<string>,
): { reason: string; action: Extract<SweepAction, { type: "tellNewDates" }> } | undefined {
  const { config } = input;
  const moved = movedDates(record, config);
  // A date already past is no news to the researcher: the maintainers have the escalation.
  if (!moved || moved.evaluationDue.getTime() < input.now.getTime()) return undefined;
  const key = `pause:${moved.pausedDays}d:new-dates`;
  if (sent.has(key)) return undefined;
  const marker = sweepMarker(key);
  const { timezone } = config.calendar;
  return {
    reason: `the clock stood still ${moved.pausedDays} whole day(s) waiting on the researcher: telling them the evaluation is now due ${moved.evaluationDue.toISOString()}${moved.resolutionDue ? ` and resolution ${moved.resolutionDue.toISOString()}` : ""}`,
    action: {
      type: "tellNewDates",
      key,
      pausedDays: moved.pausedDays,
      marker,
      message: renderMessage(config.language, "deadline-moved", {
        pausedDays: moved.pausedDays,
        evaluationDue: formatDeadline(moved.evaluationDue, timezone, config.language),
        resolutionDue: moved.resolutionDue === undefined ? undefined : formatDeadline(moved.resolutionDue, timezone, config.language),
        policy: { name: config.policy.name, url: config.policy.url },
        marker,
      }),
    },
  };
}

export function closingMarker(caseKey: string): string {
  return `<!-- disclosure-desk:closing ${caseKey} -->`;
}

type MessageAction = Extract<SweepAction, { key: string }>;

function deadlineAction(
  deadline: RunningDeadline,
  record: CaseRecord,
  input: CaseSweepInput,
  sent: ReadonlySet<string>,
): { reason: string; action: MessageAction } | undefined {
  const { config, now } = input;
  const { timezone } = config.calendar;
  const due = deadline.due.toISOString();
  const dueText = formatDeadline(deadline.due, timezone, config.language);
  const mention = config.tracking.team;
  const common = { key: record.key, due: dueText, mention, policyName: config.policy.name };

  if (deadline.kind === "update") {
    if (deadline.status === "ok") return undefined;
    const key = `update:${due}:draft`;
    if (sent.has(key)) return undefined;
    const marker = sweepMarker(key);
    return {
      reason: `keep-informed update due ${due}: draft for maintainers`,
      action: {
        type: "updateDue",
        key,
        due,
        marker,
        body: renderMessage(config.language, "update-draft", {
          ...common,
          everyDays: config.sla.updates?.everyDays,
          caseUrl: record.source.url,
          marker,
        }),
      },
    };
  }

  if (deadline.status === "breached") {
    const key = `${deadline.kind}:${due}:breach`;
    if (sent.has(key)) return undefined;
    const marker = sweepMarker(key);
    return {
      reason: `${deadline.kind} deadline ${due} breached: escalating`,
      action: {
        type: "escalate",
        key,
        deadline: deadline.kind,
        due,
        mention,
        marker,
        body: renderMessage(config.language, "sla-escalation", { ...common, kind: deadline.kind, marker }),
      },
    };
  }
  if (deadline.status === "due-soon") {
    const key = `${deadline.kind}:${due}:remind`;
    if (sent.has(key)) return undefined;
    const marker = sweepMarker(key);
    const businessDaysLeft = Math.max(
      0,
      createBusinessCalendar(config.calendar).businessDaysBetween(localDateOf(now, timezone), localDateOf(deadline.due, timezone)),
    );
    return {
      reason: `${deadline.kind} deadline ${due} in ${businessDaysLeft} business day(s): reminding maintainers`,
      action: {
        type: "remindMaintainers",
        key,
        deadline: deadline.kind,
        due,
        businessDaysLeft,
        mention,
        marker,
        body: renderMessage(config.language, "sla-reminder", { ...common, kind: deadline.kind, businessDaysLeft, marker }),
      },
    };
  }
  return undefined;
}

const STATUS_RANK: Record<DeadlineStatus, number> = { ok: 0, "due-soon": 1, breached: 2 };

function worstStatus(statuses: DeadlineStatus[]): DeadlineStatus {
  return statuses.reduce<DeadlineStatus>((worst, status) => (STATUS_RANK[status] > STATUS_RANK[worst] ? status : worst), "ok");
}

function planSlaLabel(status: DeadlineStatus, labels: readonly string[]): Extract<SweepAction, { type: "setSlaLabel" }> | undefined {
  const wanted: SlaLabel | undefined = status === "ok" ? undefined : `sla:${status}`;
  const add = wanted !== undefined && !labels.includes(wanted) ? wanted : undefined;
  const remove = SLA_LABELS.filter((label) => label !== wanted && labels.includes(label));
  return add === undefined && remove.length === 0 ? undefined : { type: "setSlaLabel", add, remove };
}
