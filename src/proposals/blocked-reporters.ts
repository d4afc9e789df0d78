import { isMap, isSeq, parseDocument } from "yaml";
import { MAX_CONFIG_FILE_BYTES } from "../config/config-document.js";
import { CONFIG_PATH } from "../config/repository-config.js";
import type { Language } from "../config/schema.js";
import type { ProposalOutcome, ProposalsGateway, ProposedPullRequest } from "../github/proposals-gateway.js";
import type { RepositoryRef } from "../github/refs.js";
import { normalisedIdentity } from "../reporters/reporter-key.js";
import { renderMessage } from "../messages/render.js";
import { proposalBranch, proposalMarker } from "./proposal.js";

/**
 * `/disclosure block` and `unblock` keep `reporters.blocked` in the organisation's config (its `.github`
 * repository's `.github/disclosure.yml`) through one pull request of Disclosure Desk's own branch. A second block
 * while that pull request is open adds to what it already proposes; the file's other keys and comments are kept as
 * they are on the default branch. The pull request names the reporter (the list is the config) and nothing of any
 * report: the `.github` repository may be public.
 */

export type BlockChange = "block" | "unblock";

/** Why the config file cannot be edited by the app; the reply's template words each in the policy's language. */
export type BlockedListProblem = "too-large" | "not-yaml" | "not-a-map";

export interface BlockedListEdit {
  /** The file with the new list, or why it cannot be edited. */
  content?: string;
  problem?: BlockedListProblem;
  changed: boolean;
}

/** The new text of a config file whose `reporters.blocked` gets (or loses) `reporter`. Pure. */
export function editBlockedList(base: string | null, proposed: string | null, change: BlockChange, reporter: string): BlockedListEdit {
  const baseText = base ?? "";
  if (Buffer.byteLength(baseText, "utf8") > MAX_CONFIG_FILE_BYTES) return { problem: "too-large", changed: false };
  const document = parseDocument(baseText, { customTags: [], uniqueKeys: true });
  if (document.errors.length > 0) return { problem: "not-yaml", changed: false };
  if (document.contents !== null && !isMap(document.contents)) return { problem: "not-a-map", changed: false };
  const current = blockedListIn(proposed ?? baseText) ?? blockedListIn(baseText) ?? [];
  const wanted = normalisedIdentity(reporter);
  const kept = current.filter((entry) => normalisedIdentity(entry) !== wanted);
  const next = change === "block" ? [...kept, reporter] : kept;
  const before = blockedListIn(baseText) ?? [];
  if (sameList(before, next)) return { changed: false };
  if (document.contents === null)
    return { content: `reporters:\n  blocked:\n${next.map((entry) => `    - ${JSON.stringify(entry)}\n`).join("")}`, changed: true };
  document.setIn(["reporters", "blocked"], document.createNode(next));
  return { content: document.toString(), changed: true };
}

function blockedListIn(text: string): string[] | undefined {
  const document = parseDocument(text, { customTags: [], uniqueKeys: true });
  if (document.errors.length > 0) return undefined;
  const node = document.getIn(["reporters", "blocked"], true);
  if (!isSeq(node)) return undefined;
  return node.items.flatMap((item) => {
    const value = (item as { value?: unknown }).value;
    return typeof value === "string" ? [value] : [];
  });
}

function sameList(left: string[], right: string[]): boolean {
  return left.length === right.length && left.every((entry, index) => normalisedIdentity(entry) === normalisedIdentity(right[index] ?? ""));
}

export type BlockProposalOutcome =
  | ProposalOutcome
  | { status: "not-editable"; problem: BlockedListProblem }
  /** The open pull request proposed only what this change undoes: it is closed and the list stays as it is. */
  | { status: "withdrawn"; pullRequest: ProposedPullRequest };

/** Reads the organisation's config (and an open proposal of it), edits the list and proposes it. */
export async function proposeBlockedReporter(
  gateway: Pick<ProposalsGateway, "readText" | "readOpenProposal" | "proposeFile" | "closeProposal">,
  organisation: string,
  language: Language,
  change: BlockChange,
  reporter: string,
): Promise<BlockProposalOutcome> {
  const repository: RepositoryRef = { owner: organisation, repo: ".github" };
  const branch = proposalBranch("reporters-blocked", CONFIG_PATH);
  const base = await gateway.readText({ ...repository, path: CONFIG_PATH });
  const proposed = await gateway.readOpenProposal(repository, CONFIG_PATH, branch);
  const edit = editBlockedList(base, proposed, change, reporter);
  if (edit.problem !== undefined) return { status: "not-editable", problem: edit.problem };
  if (!edit.changed || edit.content === undefined) {
    const closed = proposed === null ? null : await gateway.closeProposal(repository, branch);
    return closed === null ? { status: "unchanged" } : { status: "withdrawn", pullRequest: closed };
  }
  return gateway.proposeFile({
    repository,
    path: CONFIG_PATH,
    content: edit.content,
    branch,
    title: renderMessage(language, "blocked-reporters-title", {}).trim(),
    body: renderMessage(language, "blocked-reporters-pull-request", {}),
    marker: proposalMarker("reporters-blocked", CONFIG_PATH),
  });
}
