/**
 * Researcher-supplied text is untrusted. Everything it contributes to a message goes through one of these
 * functions: mentions and issue references are neutralised (no one is pinged, nothing is cross-linked), Markdown and
 * HTML are either escaped (inline) or fenced (blocks), and the size is bounded.
 */

const ZERO_WIDTH_SPACE = "\u200b";
export const INLINE_LIMIT = 300;
export const BLOCK_LIMIT = 20_000;

/** `@octo-org/team` → `@\u200bocto-org/team`; `#12` → `#\u200b12`; `GH-12` and `owner/repo#12` likewise. */
export function neutraliseReferences(text: string): string {
  return text.replace(/@(?=[\w-])/g, `@${ZERO_WIDTH_SPACE}`).replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`);
}

/**
 * Researcher text on its way into a case or an advisory, with every Disclosure Desk marker in it broken by an invisible
 * space: a marker typed by the reporter must never be read back as the app's own (a case block, an advisory link, a
 * copy) from the place the app copied it to.
 */
export function withoutAppMarkers(text: string): string {
  return text.replace(/disclosure-desk:/gi, (marker) => `${marker.slice(0, -1)}${ZERO_WIDTH_SPACE}:`);
}

export function truncate(text: string, limit: number): string {
  // A text of no more UTF-16 units than the limit has no more characters either: most texts, not split into characters.
  if (text.length <= limit) return text;
  const characters = Array.from(text);
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join("")}…`;
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&]/g;

/** One line of text safe to place inside a Markdown sentence, heading or table cell. */
export function inlineText(text: string, limit = INLINE_LIMIT): string {
  const oneLine = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\p{Cc}/gu, "")
    .trim();
  return neutraliseReferences(truncate(oneLine, limit)).replace(MARKDOWN_SPECIAL, (char) =>
    char === "&" || char === "<" || char === ">" ? `&#${char.charCodeAt(0)};` : `\\${char}`,
  );
}

/**
 * A fenced block that shows the text as written: the fence is longer than any backtick run inside, so the text
 * cannot close it, and nothing inside is rendered as Markdown or HTML. References are neutralised all the same
 * (an invisible zero-width space), so a quote of the block elsewhere cannot notify anyone either, and so are the
 * app's own markers, so a forged case block in a report is never read back as the app's.
 */
export function fencedText(text: string, limit = BLOCK_LIMIT): string {
  const bounded = truncate(text.replace(/\r\n?/g, "\n").replace(/[^\P{Cc}\n\t]/gu, ""), limit);
  const longestRun = Math.max(0, ...Array.from(bounded.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${withoutAppMarkers(neutraliseReferences(bounded))}\n${fence}`;
}

/**
 * A researcher's text inside a template's view. Handlebars asks `toHTML()` for it, so a plain `{{value}}` in a
 * template renders the escaped, neutralised one-line form; `{{fenced value}}` renders the full text as a block.
 */
export class UntrustedText {
  constructor(readonly raw: string) {}

  toHTML(): string {
    return inlineText(this.raw);
  }

  toString(): string {
    return inlineText(this.raw);
  }
}

export function untrusted(text: string | null | undefined): UntrustedText {
  return new UntrustedText(text ?? "");
}
