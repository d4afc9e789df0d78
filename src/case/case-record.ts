import { z } from "zod";

/**
 * The machine state of one case, kept as a hidden JSON block in the private tracking issue's body so that GitHub is
 * the database and any replica can serve any event. It carries ids, times and decisions — never report content.
 */

export const CASE_RECORD_VERSION = 1;

export const caseStates = ["triage", "needs-info", "accepted", "resolved", "published", "rejected", "duplicate", "withdrawn"] as const;
export type CaseState = (typeof caseStates)[number];

const instant = z.iso.datetime();

/**
 * Orders two instants of case records (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, every field at a fixed place) as
 * `localeCompare` does, by their UTF-16 code units: where two such texts first differ both hold digits, or `.`
 * against `Z`, which every collation orders alike. Sorting an intake's reporter history with `localeCompare` went
 * through ICU collation for every comparison.
 */
export function compareInstants(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

export const caseRecordSchema = z.object({
  v: z.literal(CASE_RECORD_VERSION),
  key: z.string().min(1),
  channel: z.enum(["advisory", "email", "issue"]),
  source: z.object({
    repository: z.string(),
    ghsaId: z.string().optional(),
    url: z.string().optional(),
  }),
  state: z.enum(caseStates),
  receivedAt: instant,
  openedAt: instant,
  policyVersion: z.string().nullable(),
  configError: z.boolean(),
  deadlines: z.object({
    responseDue: instant,
    resolutionDue: instant.optional(),
    firstUpdateDue: instant.optional(),
  }),
  acknowledgement: z.object({
    status: z.enum(["pending", "sent", "relay-needed"]),
    at: instant.optional(),
  }),
  /**
   * The first message the researcher got from a person: the first move out of `triage` (accept, reject, needs-info,
   * duplicate, withdraw) or the first maintainer message, whichever came first. The time-to-first-response metric
   * reads it; it meets no deadline (only the evaluation, `triagedAt`, meets the response deadline).
   */
  firstResponseAt: instant.optional(),
  /** A resolution date a maintainer gave ("YYYY-MM-DD" in the policy's zone); the pause does not move it. */
  resolveBy: z.iso.date().optional(),
  /** The last "keep informed" message to the researcher; the next one is due `sla.updates.everyDays` later. */
  lastUpdateAt: instant.optional(),
  /** The researcher's last message; a needs-info case is silent from the later of this and the pause's start. */
  researcherActivityAt: instant.optional(),
  /** Time spent waiting on the researcher: closed periods in `pausedMs`, the running one from `since`. */
  pause: z.object({ since: instant.optional(), pausedMs: z.number().int().nonnegative() }).optional(),
  /**
   * What the last sweep found: the worst deadline status and the deadlines ever broken. `response` is the evaluation
   * deadline ("respond within N business days with our evaluation"); `update` a "keep informed" update not sent in time.
   */
  sla: z
    .object({
      status: z.enum(["ok", "due-soon", "breached"]),
      broken: z.array(z.enum(["response", "resolution", "update"])),
    })
    .optional(),
  /** Every reminder, escalation, update draft and closing the sweep has sent, by idempotency key. */
  reminders: z.array(z.object({ key: z.string().min(1), at: instant })).optional(),
  /**
   * The evaluation: the case was accepted (with an expected resolution date), rejected or marked duplicate. It alone
   * meets the response deadline — a progress update or a question to the researcher does not. Every record since the
   * first version sets it at exactly these moves, so old records are read the same way.
   */
  triagedAt: instant.optional(),
  resolvedAt: instant.optional(),
  closedAt: instant.optional(),
  closedReason: z.enum(["researcher-silent"]).optional(),
  /**
   * A report contained from a public issue or comment: where it was, the SHA-256 of the exact text (and, for an issue,
   * title) that was public (the copies themselves live in the tracking issue, never here), and how far containment got.
   */
  containment: z
    .object({
      kind: z.enum(["issue", "comment"]),
      issue: z.number().int().positive(),
      commentId: z.number().int().positive().optional(),
      originalSha256: z.string().regex(/^[0-9a-f]{64}$/),
      originalTitleSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      status: z.enum(["copied", "contained", "released"]),
      lockedByContainment: z.boolean().optional(),
      advisory: z.object({ status: z.enum(["draft", "not-available", "off"]), ghsaId: z.string().optional() }).optional(),
      containedAt: instant.optional(),
      releasedAt: instant.optional(),
    })
    .optional(),
  /** Ids of the tracking-issue comments whose `/disclosure` commands were acted on (the newest, bounded). */
  commands: z.array(z.number().int()).optional(),
  /** The highest comment id ever dropped from `commands`: every comment up to it counts as handled. */
  commandsHandledThrough: z.number().int().optional(),
  /** The severity a maintainer set with `/disclosure severity` or `accept severity:`. */
  severity: z.object({ level: z.enum(["critical", "high", "medium", "low"]), vector: z.string().optional() }).optional(),
  /**
   * Who reported, as a keyed hash of their login or e-mail address (never the address itself): the reporter-history
   * index is built from it, so a reporter's earlier cases are found without reading report text.
   */
  reporter: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  /** The report's text fingerprint (a MinHash signature, base64): duplicates are found by it, never by the text. */
  fingerprint: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .max(512)
    .optional(),
  /** Why a rejected case was rejected, when it was junk or not a security problem (`/disclosure reject invalid`, …). */
  rejectedAs: z.enum(["invalid", "unverified-claims", "no-reproduction", "not-security"]).optional(),
  /** The case (tracking issue `#12`) or advisory (GHSA id) this one duplicates. */
  duplicateOf: z.string().optional(),
  /** The reward a maintainer granted, as they wrote it ("EUR 250"). */
  reward: z.object({ amount: z.string().min(1), at: instant }).optional(),
  /** A CVE id asked of GitHub: when (unknown for one found assigned by hand), the id once it appears, and who was told. */
  cve: z
    .object({
      requestedAt: instant.optional(),
      id: z.string().optional(),
      assignedAt: instant.optional(),
      researcherToldAt: instant.optional(),
      remindedAt: instant.optional(),
    })
    .optional(),
  /** Advisory comments already copied into the tracking issue (the newest ids, bounded) and the last look. */
  conversation: z.object({ mirrored: z.array(z.number().int()), checkedAt: instant.optional() }).optional(),
  /**
   * The closing: how the researcher wants to be credited and who decided, their consent to publish, the review of
   * the draft, an embargo date, a maintainer's request to publish and the publication itself. Names are what the
   * researcher chose to be credited as, never report content.
   */
  closing: z
    .object({
      /** When the researcher was asked about credit and consent (the resolved, rejected or duplicate message). */
      askedAt: instant.optional(),
      credit: z
        .object({
          choice: z.enum(["name", "handle", "anonymous"]),
          name: z.string().min(1).max(100).optional(),
          /** The researcher's GitHub login, for the handle and for the advisory's credit. */
          login: z.string().min(1).optional(),
          by: z.enum(["researcher", "maintainer", "policy-default"]),
          at: instant,
        })
        .optional(),
      /** Analysts and remediation developers a maintainer credits on the advisory, by login. */
      otherCredits: z.array(z.object({ login: z.string().min(1), type: z.enum(["analyst", "remediation_developer"]) })).optional(),
      /** The researcher's GHSA credit as the last sweep found it on the advisory. */
      advisoryCredit: z.object({ login: z.string().min(1), state: z.enum(["accepted", "declined", "pending"]), at: instant }).optional(),
      consent: z.object({ answer: z.enum(["yes", "no"]), by: z.enum(["researcher", "maintainer"]), at: instant }).optional(),
      /** The draft publication sent to the researcher for review (requested by `/disclosure publish`, sent by the sweep). */
      review: z.object({ status: z.enum(["requested", "sent", "relay-needed"]), at: instant, answeredAt: instant.optional() }).optional(),
      /** No publication before this date ("YYYY-MM-DD" in the policy's zone). */
      embargoUntil: z.iso.date().optional(),
      /** A maintainer asked to publish and the gate was met then; the sweep checks the advisory and publishes. */
      publication: z.object({ requestedAt: instant, by: z.string().min(1), cve: z.boolean() }).optional(),
      publishedAt: instant.optional(),
      /** Published on GitHub while the consent gate was not met. */
      publishedOutsideGate: z.boolean().optional(),
      /** Researcher answers on the advisory are read from this time on. */
      answersCheckedAt: instant.optional(),
      /**
       * Comments already read at `answersCheckedAt`, as `id@updatedAt`: GitHub's times have whole seconds, so a
       * comment written in the same second as the last one read is still new, and an edited answer counts again.
       */
      answersSeen: z.array(z.string()).optional(),
    })
    .optional(),
});

export type CaseRecord = z.infer<typeof caseRecordSchema>;

/**
 * The app writes its block at the end of the body, so the last block is the app's: report text quoted earlier in
 * the body cannot stand in for it. The seal that follows the JSON is written and checked in `trust.ts`.
 */
const BLOCK_PATTERN = /<!-- disclosure-desk:case (\{[^\n]*?\})(?: seal:([0-9a-f]{64}))? -->/g;

/** Where a body's case block is: the last one, as the app writes it at the end. */
export interface CaseBlockSpan {
  index: number;
  /** The whole block, `<!--` to `-->`. */
  text: string;
  json: string;
  /** The seal after the JSON, when there is one. */
  seal?: string;
}

export function findCaseBlock(body: string): CaseBlockSpan | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of body.matchAll(BLOCK_PATTERN)) last = match as RegExpExecArray;
  if (!last?.[1]) return undefined;
  return { index: last.index, text: last[0], json: last[1], ...(last[2] ? { seal: last[2] } : {}) };
}

/** Renders the hidden block. `<` and `>` are escaped (they only occur inside strings), so `-->` can never end it early. */
export function renderCaseBlock(record: CaseRecord): string {
  const json = JSON.stringify(record).replace(/[<>]/g, (char) => (char === "<" ? "\\u003c" : "\\u003e"));
  return `<!-- disclosure-desk:case ${json} -->`;
}

export type CaseBlockReading = { status: "found"; record: CaseRecord } | { status: "missing" } | { status: "invalid"; problem: string };

/**
 * Parses the case block of a body, whoever wrote it. Whether it may be believed is decided by `readTrustedCase`
 * (src/github/case-trust.ts), the only reader the app acts on.
 */
export function readCaseBlock(body: string | null | undefined): CaseBlockReading {
  const block = findCaseBlock(body ?? "");
  if (!block) return { status: "missing" };
  let json: unknown;
  try {
    json = JSON.parse(block.json);
  } catch {
    return { status: "invalid", problem: "the case block is not valid JSON" };
  }
  const parsed = caseRecordSchema.safeParse(json);
  if (!parsed.success) return { status: "invalid", problem: z.prettifyError(parsed.error) };
  return { status: "found", record: parsed.data };
}

/** Replaces the (last) block in a body, or appends it when the body has none. GitHub's gateway seals it on the way out. */
export function withCaseBlock(body: string, record: CaseRecord): string {
  const block = renderCaseBlock(record);
  const found = findCaseBlock(body);
  return found ? `${body.slice(0, found.index)}${block}${body.slice(found.index + found.text.length)}` : `${body.trimEnd()}\n\n${block}\n`;
}

/** A case's first record: the policy it was received under, its deadlines, and nothing decided yet. */
export function newCaseRecord(fields: {
  key: string;
  channel: CaseRecord["channel"];
  source: CaseRecord["source"];
  receivedAt: Date;
  now: Date;
  policy: { policyVersion: string | null; errors: readonly unknown[] };
  deadlines: { responseDue: Date; resolutionDue?: Date; firstUpdateDue?: Date };
  acknowledgement: CaseRecord["acknowledgement"]["status"];
}): CaseRecord {
  const { deadlines } = fields;
  return {
    v: CASE_RECORD_VERSION,
    key: fields.key,
    channel: fields.channel,
    source: fields.source,
    state: "triage",
    receivedAt: fields.receivedAt.toISOString(),
    openedAt: fields.now.toISOString(),
    policyVersion: fields.policy.policyVersion,
    configError: fields.policy.errors.length > 0,
    deadlines: {
      responseDue: deadlines.responseDue.toISOString(),
      ...(deadlines.resolutionDue ? { resolutionDue: deadlines.resolutionDue.toISOString() } : {}),
      ...(deadlines.firstUpdateDue ? { firstUpdateDue: deadlines.firstUpdateDue.toISOString() } : {}),
    },
    acknowledgement: { status: fields.acknowledgement },
  };
}
