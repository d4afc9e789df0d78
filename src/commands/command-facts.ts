import type { CaseRecord } from "../case/case-record.js";
import type { DisclosureConfig } from "../config/schema.js";
import type { Command } from "./parse.js";

/** What a command planner is given: the command planner (plan.ts) and the closing commands' planner both read it. */

export type CommandConfig = Pick<
  DisclosureConfig,
  "language" | "policy" | "calendar" | "sla" | "scope" | "exclusions" | "rewards" | "credit" | "publication" | "statements"
>;

export interface CommandFacts {
  command: Command;
  /** The command's line as written, for the reply. */
  line: string;
  record: CaseRecord;
  /** The tracking issue's labels now. */
  labels: readonly string[];
  config: CommandConfig;
  actor: string;
  now: Date;
  /** The researcher's login, for the greeting; absent when the advisory could not be read. */
  researcher?: string;
  /** Marks the messages this command sends, so a retry after a crash finds them instead of sending twice. */
  messageKey: string;
}
