import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import type { Language } from "../config/schema.js";
import { catalogEntry, catalogIds } from "../policy/catalog.js";
import { dutchExclusionTitles } from "./phrases.js";
import { fencedText, UntrustedText } from "./untrusted-text.js";

/**
 * Every message a human reads is a Handlebars template in `templates/<language>/<name>.hbs`, compiled in strict
 * mode (a missing value is an error, not an empty string). Researcher text reaches templates only as
 * `UntrustedText`, which renders escaped and neutralised wherever it is placed.
 */

export const templateNames = [
  "acknowledgement",
  "tracking-issue",
  "triage-suggestions",
  "relay-needed",
  "public-tracking-repository",
  "case-tampered",
  "case-sealed",
  "sla-reminder",
  "sla-escalation",
  "update-draft",
  "needs-info-closing",
  "deadline-moved",
  "security-md",
  "containment-case",
  "containment-notice",
  "containment-title",
  "containment-guidance",
  "containment-alert",
  "containment-advisory",
  "containment-released",
  "command-reply",
  "evaluation-accepted",
  "evaluation-rejected",
  "needs-info-question",
  "duplicate-notice",
  "resolved-notice",
  "reward-notice",
  "researcher-update",
  "withdrawn-notice",
  "reopened-notice",
  "resolution-date-changed",
  "researcher-reply-mirror",
  "message-relay",
  "advisory-refused",
  "closing-note",
  "closing-problems",
  "closing-reply",
  "closing-review",
  "closing-published",
  "acknowledgements",
  "closing-outside-gate",
  "closing-question",
  "email-acknowledgement",
  "email-tracking-issue",
  "email-reply-mirror",
  "email-undelivered",
  "dashboard",
  "dashboard-title",
  "cve-assigned",
  "cve-reminder",
  "report-overview",
  "report-html",
  "blocked-report",
  "reporter-history",
  "case-outcome",
  "evidence-kind",
  "evaluation-invalid",
  "not-security-notice",
  "blocked-reporters-proposal",
  "blocked-reporters-title",
  "blocked-reporters-pull-request",
  "code-claims",
  "evidence-question",
] as const;
export type TemplateName = (typeof templateNames)[number];

const templatesDirectory = new URL("../../templates/", import.meta.url);

const handlebars = Handlebars.create();
handlebars.registerHelper("fenced", (value: unknown) => {
  const text = value instanceof UntrustedText ? value.raw : String(value ?? "");
  return new handlebars.SafeString(fencedText(text));
});
handlebars.registerHelper("eq", (left: unknown, right: unknown) => left === right);
/** A catalog finding's Dutch title where the text is the catalog's English title; a policy's own title stays. */
handlebars.registerHelper("dutchTitle", (title: unknown) => {
  const text = title instanceof UntrustedText ? title.raw : String(title ?? "");
  const id = catalogIds().find((candidate) => catalogEntry(candidate)?.title === text);
  return id === undefined ? title : (dutchExclusionTitles[id] ?? title);
});

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(language: Language, name: TemplateName): Handlebars.TemplateDelegate {
  const id = `${language}/${name}`;
  let delegate = compiled.get(id);
  if (!delegate) {
    const source = readFileSync(new URL(`${id}.hbs`, templatesDirectory), "utf8");
    delegate = handlebars.compile(source, { strict: true });
    compiled.set(id, delegate);
  }
  return delegate;
}

export function renderMessage(language: Language, name: TemplateName, view: object): string {
  return `${template(language, name)(view).trim()}\n`;
}

/**
 * The wording of each value of a closed set (a case outcome, an evidence kind) as its template words it, rendered
 * once per language: a message that shows one on every line interpolates the wording rather than testing each value
 * on each line. A value outside the set is worded as nothing, as the template words it.
 */
export function wordingOf<Value extends string>(
  name: TemplateName,
  field: string,
  values: readonly Value[],
): (language: Language, value: Value) => string {
  const byLanguage = new Map<Language, ReadonlyMap<string, string>>();
  return (language, value) => {
    let wordings = byLanguage.get(language);
    if (wordings === undefined) {
      wordings = new Map(values.map((each) => [each, renderMessage(language, name, { [field]: each }).trim()]));
      byLanguage.set(language, wordings);
    }
    return wordings.get(value) ?? "";
  };
}
