import { findCaseBlock } from "../case/case-record.js";

/**
 * Forgetting a researcher: their name, handle and e-mail address are replaced by a neutral placeholder wherever
 * Disclosure Desk wrote them into a private tracking issue — the issue body outside the case block, and the app's own
 * comments. The case block (ids, times, decisions) stays as it is, so the case itself and its deadlines survive.
 *
 * Pure: text in, text and counts out. An identifier is found the way the app writes it: any letter case, with or
 * without a leading `@`, with the zero-width space that neutralises mentions, and with the backslashes and entities
 * that escape Markdown in a one-line field.
 */

export const FORGOTTEN_RESEARCHER = "[researcher removed]";

/** One researcher's identifiers as the operator names them: login, name, e-mail addresses. */
export interface ResearcherIdentifiers {
  identifiers: readonly string[];
}

export interface ForgetResult {
  text: string;
  replacements: number;
}

const MARKDOWN_ESCAPED = new Set("\\`*_{}[]()#!|~");
const ENTITY_ESCAPED: Record<string, string> = { "&": "&#38;", "<": "&#60;", ">": "&#62;" };
const MINIMUM_IDENTIFIER_LENGTH = 3;

/** A problem with the identifiers (too short to replace safely), or null. */
export function identifierProblem(identifiers: readonly string[]): string | null {
  if (identifiers.length === 0) return "name the researcher: a login, a name or an e-mail address";
  const short = identifiers.find((identifier) => identifier.replace(/^@/, "").trim().length < MINIMUM_IDENTIFIER_LENGTH);
  return short === undefined ? null : `"${short}" is too short to find safely (at least ${MINIMUM_IDENTIFIER_LENGTH} characters)`;
}

/** Replaces every identifier in `text`; longer identifiers first, so a name is not cut by a login inside it. */
export function forgetInText(text: string, researcher: ResearcherIdentifiers): ForgetResult {
  let replacements = 0;
  const replaced = text.replace(identifierPattern(researcher), () => {
    replacements += 1;
    return FORGOTTEN_RESEARCHER;
  });
  return { text: replaced, replacements };
}

/** How often `text` mentions the researcher. */
export function countMentions(text: string, researcher: ResearcherIdentifiers): number {
  return Array.from(text.matchAll(identifierPattern(researcher))).length;
}

/** A tracking issue's body with the researcher forgotten everywhere except inside the case block. */
export function forgetInTrackingIssueBody(body: string, researcher: ResearcherIdentifiers): ForgetResult {
  const block = findCaseBlock(body);
  if (!block) return forgetInText(body, researcher);
  const before = forgetInText(body.slice(0, block.index), researcher);
  const after = forgetInText(body.slice(block.index + block.text.length), researcher);
  return { text: `${before.text}${block.text}${after.text}`, replacements: before.replacements + after.replacements };
}

/** Mentions in the body outside the case block, and whether the case block names them (a credit, for instance). */
export function mentionsInTrackingIssueBody(
  body: string,
  researcher: ResearcherIdentifiers,
): { outsideCaseBlock: number; inCaseBlock: number } {
  const block = findCaseBlock(body);
  if (!block) return { outsideCaseBlock: countMentions(body, researcher), inCaseBlock: 0 };
  return {
    outsideCaseBlock:
      countMentions(body.slice(0, block.index), researcher) + countMentions(body.slice(block.index + block.text.length), researcher),
    inCaseBlock: countMentions(block.text, researcher),
  };
}

function identifierPattern(researcher: ResearcherIdentifiers): RegExp {
  const alternatives = [...new Set(researcher.identifiers.map((identifier) => identifier.trim().replace(/^@/, "")))]
    .filter((identifier) => identifier.length > 0)
    .sort((left, right) => right.length - left.length)
    .map((identifier) => Array.from(identifier, characterPattern).join(""));
  if (alternatives.length === 0) throw new Error("no identifier to look for");
  // Not part of a longer word or login on either side; an optional leading @ (with its zero-width space) goes too.
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:@\\u200b?)?(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_-])`, "giu");
}

function characterPattern(character: string): string {
  const literal = character.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  if (character === "@") return "@\\u200b?";
  if (/\s/.test(character)) return "\\s+";
  if (MARKDOWN_ESCAPED.has(character)) return `\\\\?${literal}`;
  const entity = ENTITY_ESCAPED[character];
  return entity ? `(?:${literal}|${entity})` : literal;
}
