/**
 * Constraints GitHub states only in prose, so no schema validator can see them. Each rule quotes the sentence it
 * enforces (from the operation's or the field's description in GitHub's REST description, unless noted).
 * Rules here are stateless: the ones that depend on the stored advisory live in the stand-in.
 */

export interface ProseRuleInput {
  operationId: string;
  query: Record<string, unknown>;
  body: unknown;
}

interface ProseRule {
  /** Operation ids the rule applies to; `undefined` for every operation. */
  operations?: readonly string[];
  /** The sentence the rule enforces. */
  text: string;
  /** A problem when the request breaks the rule. */
  check(input: ProseRuleInput): string | undefined;
}

function bodyField(body: unknown, field: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

const rules: readonly ProseRule[] = [
  {
    text: 'per_page: "The number of results per page (max 100)."',
    check: ({ query }) => {
      const perPage = Number(query.per_page);
      return query.per_page !== undefined && perPage > 100 ? `per_page is ${perPage}, above the maximum of 100` : undefined;
    },
  },
  {
    operations: [
      "security-advisories/create-repository-advisory",
      "security-advisories/update-repository-advisory",
      "security-advisories/create-private-vulnerability-report",
    ],
    text: 'severity: "You must choose between setting this field or `cvss_vector_string`."',
    check: ({ body }) =>
      isSet(bodyField(body, "severity")) && isSet(bodyField(body, "cvss_vector_string"))
        ? "severity and cvss_vector_string are both set; GitHub accepts one or the other, not both"
        : undefined,
  },
  {
    operations: ["issues/update"],
    text: 'state_reason: "The reason for the state change. Ignored unless `state` is changed."',
    check: ({ body }) =>
      isSet(bodyField(body, "state_reason")) && !isSet(bodyField(body, "state"))
        ? "state_reason is sent without state, so GitHub ignores it"
        : undefined,
  },
  {
    operations: ["issues/update"],
    text: 'duplicate_issue_id: "Ignored when `state_reason` is not `duplicate`."',
    check: ({ body }) =>
      isSet(bodyField(body, "duplicate_issue_id")) && bodyField(body, "state_reason") !== "duplicate"
        ? 'duplicate_issue_id is sent without state_reason "duplicate", so GitHub ignores it'
        : undefined,
  },
  {
    operations: ["issues/create-label", "issues/update-label"],
    text: 'color: "The hexadecimal color code for the label, without the leading `#`."',
    check: ({ body }) => {
      const color = bodyField(body, "color");
      return typeof color === "string" && !/^[0-9a-fA-F]{6}$/.test(color)
        ? `color "${color}" is not a six-digit hexadecimal colour code without "#"`
        : undefined;
    },
  },
  {
    operations: ["issues/create-label", "issues/update-label"],
    text: 'description: "A short description of the label. Must be 100 characters or fewer."',
    check: ({ body }) => {
      const description = bodyField(body, "description");
      return typeof description === "string" && [...description].length > 100
        ? `label description has ${[...description].length} characters; the maximum is 100`
        : undefined;
    },
  },
];

/** Problems found by the prose rules, each followed by the sentence it breaks. */
export function proseRuleProblems(input: ProseRuleInput): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    if (rule.operations && !rule.operations.includes(input.operationId)) continue;
    const problem = rule.check(input);
    if (problem) problems.push(`${problem} (GitHub: ${rule.text})`);
  }
  return problems;
}
