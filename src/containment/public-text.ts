/**
 * A text someone posted on a public issue — the issue itself or one comment on it — as containment sees it:
 * plain data, gathered by the handler from the webhook and GitHub.
 */
export interface PublicText {
  kind: "issue" | "comment";
  /** `owner/name` of the public repository. */
  repository: string;
  issueNumber: number;
  issueTitle: string;
  commentId?: number;
  /** Web address of the issue or the comment. */
  url: string;
  author: string;
  authorIsBot: boolean;
  authorAssociation: string;
  postedAt: Date;
  /** The text as GitHub holds it now. */
  body: string;
}

/** `issue:<owner>/<repo>#<number>`, and `…:comment-<id>` for a comment on that issue. */
export function containmentCaseKey(text: Pick<PublicText, "kind" | "repository" | "issueNumber" | "commentId">): string {
  const issueKey = `issue:${text.repository}#${text.issueNumber}`;
  return text.kind === "comment" ? `${issueKey}:comment-${text.commentId ?? 0}` : issueKey;
}

export const CONTAINED_LABEL = "moved-to-private";
export const CASE_LABEL = "contained";
export const ALERT_LABEL = "containment-failed";

/** Ids only, never report content: the public note says which case holds the text. */
export function containedMarker(caseKey: string): string {
  return `<!-- disclosure-desk:contained ${caseKey} -->`;
}

export function guidanceMarker(caseKey: string): string {
  return `<!-- disclosure-desk:containment-guidance ${caseKey} -->`;
}

export function advisoryMarker(caseKey: string): string {
  return `<!-- disclosure-desk:containment-advisory ${caseKey} -->`;
}

export function alertMarker(caseKey: string): string {
  return `<!-- disclosure-desk:containment-alert ${caseKey} -->`;
}

/** Links to files uploaded into the text: they outlive the edit, so maintainers are told about them. */
export function attachmentLinks(text: string): string[] {
  const links = text.match(
    /https:\/\/(?:github\.com\/(?:user-attachments\/(?:assets|files)|[\w.-]+\/[\w.-]+\/(?:assets|files))|(?:private-)?user-images\.githubusercontent\.com|objects\.githubusercontent\.com)\/[^\s)"'<>\]]+/g,
  );
  return [...new Set(links ?? [])];
}

/** Stands in the case body for the draft advisory's link until the advisory is opened. */
export const ADVISORY_PENDING = "<!-- disclosure-desk:advisory-pending -->…";
