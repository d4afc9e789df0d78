import { languageSchema, type Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";

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

/** The neutral note that stands in for a contained text. */
export function containmentNotice(language: Language, text: Pick<PublicText, "kind" | "repository" | "issueNumber" | "commentId">): string {
  return renderMessage(language, "containment-notice", {
    comment: text.kind === "comment",
    marker: containedMarker(containmentCaseKey(text)),
  });
}

/** The title that stands in for a contained issue's title: it says nothing about the report. */
export function neutralTitle(language: Language): string {
  return renderMessage(language, "containment-title", {}).trim();
}

const sameText = (left: string, right: string) => left.replace(/\r\n/g, "\n").trim() === right.replace(/\r\n/g, "\n").trim();

/**
 * Whether the public text is, word for word, the note the app puts in place of a contained text, in any language
 * (the configured one may have changed since). The marker inside is not what counts: anyone can type it, and the
 * author of a contained issue stays its reporter after the app's edit. Only together with the app's own case for
 * this text does this say that the text is already hidden.
 */
export function isContainmentNotice(text: Pick<PublicText, "kind" | "repository" | "issueNumber" | "commentId" | "body">): boolean {
  return languageSchema.options.some((language) => sameText(text.body, containmentNotice(language, text)));
}

export function isNeutralTitle(title: string): boolean {
  return languageSchema.options.some((language) => sameText(title, neutralTitle(language)));
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
