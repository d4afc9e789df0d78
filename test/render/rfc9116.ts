/**
 * An RFC 9116 checker written for the tests from the RFC's own grammar (§4) and field rules (§2.5), independent of
 * the renderer: it shares no code with src/messages/security-txt.ts. No package in the registry validates
 * security.txt (the ones there generate it), so the check lives here.
 *
 *   unsigned = *line (contact-field eol) *line (expires-field eol) *line [lang-field eol] *line
 *   line     = [ (field / comment) ] eol
 *   eol      = *WSP [CR] LF
 *   comment  = "#" *(WSP / VCHAR / %x80-FFFFF)
 *   field    = ack / can / contact / encryption / hiring / policy / ext-field; each "Name" fs SP value
 *   lang-values = lang-tag *(*WSP "," *WSP lang-tag)
 *   ext-field   = field-name fs SP unstructured     (field-name: 1*ftext, %d33-57 / %d59-126)
 */

const URI_FIELDS = ["acknowledgments", "canonical", "contact", "encryption", "hiring", "policy"];
/** RFC 3339 §5.6 date-time. */
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
/** RFC 5646 §2.1 langtag, the common shape: language, optional script, region and variants. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;
/** RFC 3986 §3: scheme ":" hier-part, without white space. */
const URI = /^[a-z][a-z\d+.-]*:[^\s]+$/i;
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const COMMENT = /^#[\t\x20-\x7e\x80-\u{10ffff}]*$/u;

export function rfc9116Problems(text: string, now: Date): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\n")) problems.push("the last line has no line end");
  const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n").map((line) => line.replace(/[\t ]*\r?$/, ""));
  const counts = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line === "" || (line.startsWith("#") && COMMENT.test(line))) return;
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    if (colon <= 0 || !FIELD_NAME.test(name) || line.charAt(colon + 1) !== " ") {
      problems.push(`line ${index + 1} is neither a field ("Name: value") nor a comment`);
      return;
    }
    const key = name.toLowerCase();
    const value = line.slice(colon + 2);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (URI_FIELDS.includes(key)) {
      if (!URI.test(value)) problems.push(`${name} is not a URI: ${value}`);
      else if (/^http:/i.test(value)) problems.push(`${name} is a web URI that does not begin with https:// (§2.3)`);
    }
    if (key === "expires") {
      if (!DATE_TIME.test(value)) problems.push(`Expires is not an RFC 3339 date-time: ${value}`);
      else if (new Date(value).getTime() <= now.getTime()) problems.push("Expires is in the past (§2.5.5)");
    }
    if (key === "preferred-languages" && !value.split(/[\t ]*,[\t ]*/).every((tag) => LANGUAGE_TAG.test(tag))) {
      problems.push(`Preferred-Languages is not a list of language tags: ${value}`);
    }
  });
  if ((counts.get("contact") ?? 0) === 0) problems.push("Contact is required (§2.5.3)");
  if ((counts.get("expires") ?? 0) !== 1) problems.push("Expires must appear exactly once (§2.5.5)");
  if ((counts.get("preferred-languages") ?? 0) > 1) problems.push("Preferred-Languages must not appear more than once (§2.5.8)");
  return problems;
}
