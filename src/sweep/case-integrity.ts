import type { Language } from "../config/schema.js";
import type { RepositoryRef } from "../github/refs.js";
import { renderMessage } from "../messages/render.js";

/**
 * What the team is told about a case record's seal, once per issue each: a record that fails its seal is labelled
 * `case-tampered` and never acted on; a record from before seals is sealed as it stands, in view of the team.
 */

export const CASE_TAMPERED_LABEL = "case-tampered";

export interface IntegrityGateway {
  addLabels(repository: RepositoryRef, issueNumber: number, labels: string[]): Promise<void>;
  findIssueCommentMarkers(repository: RepositoryRef, issueNumber: number, markers: string[]): Promise<Set<string>>;
  addIssueComment(repository: RepositoryRef, issueNumber: number, body: string): Promise<number>;
  updateTrackingIssue(repository: RepositoryRef, issueNumber: number, changes: { body?: string }): Promise<void>;
}

export interface IntegrityTarget {
  tracking: RepositoryRef;
  number: number;
  labels: readonly string[];
  language: Language;
  /** Who is told: the team the policy names for reminders (`tracking.team`), or the maintainer whose command was refused. */
  mention: string | undefined;
}

/**
 * Labels the case `case-tampered` and tells whom `mention` names, once per `occasion` (the sweep's, or a refused
 * command's). Nothing in the case is read or acted on.
 */
export async function reportTamperedCase(
  gateway: IntegrityGateway,
  target: IntegrityTarget & { problem: string; occasion: string },
): Promise<void> {
  if (!target.labels.includes(CASE_TAMPERED_LABEL)) await gateway.addLabels(target.tracking, target.number, [CASE_TAMPERED_LABEL]);
  const marker = `<!-- disclosure-desk:case-tampered ${target.number} ${target.occasion} -->`;
  const found = await gateway.findIssueCommentMarkers(target.tracking, target.number, [marker]);
  if (found.has(marker)) return;
  await gateway.addIssueComment(
    target.tracking,
    target.number,
    renderMessage(target.language, "case-tampered", { mention: target.mention, problem: target.problem, marker }),
  );
}

/**
 * Seals a record from before seals, as it stands (the gateway seals every case block it writes), and says so on the
 * issue. Each sealing leaves its own note: a seal removed by hand and put back by a later sweep shows up twice.
 */
export async function sealLegacyCase(gateway: IntegrityGateway, target: IntegrityTarget & { body: string; at: Date }): Promise<void> {
  await gateway.updateTrackingIssue(target.tracking, target.number, { body: target.body });
  const marker = `<!-- disclosure-desk:case-sealed ${target.number} ${target.at.toISOString()} -->`;
  await gateway.addIssueComment(
    target.tracking,
    target.number,
    renderMessage(target.language, "case-sealed", { mention: target.mention, marker }),
  );
}
