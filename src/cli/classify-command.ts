import { z } from "zod";
import { classify, defaultClassifyPolicy, type Classification } from "../policy/classify.js";
import type { CliIo } from "./io.js";

/**
 * `disclosure-desk classify [--batch <issues.jsonl>] <issue.md | ->`: is this public issue a vulnerability report?
 * The same decision the containment handler takes on a newly opened public issue, with the default threshold.
 *
 * A single issue is Markdown whose first line, when it is a `# heading`, is the title. `-` reads standard input
 * (through `io.readFile("-")`). With `--batch`, each line is `{"id","title","body"}` (optionally
 * `authorAssociation`) and each output line carries its `id`. Exit code 0 when every input was classified, 1 when
 * a line could not be read, 2 on a usage error.
 */

export const CLASSIFY_USAGE = "usage: disclosure-desk classify [--batch <issues.jsonl>] <issue.md | ->";

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  body: z.string(),
  authorAssociation: z.string().optional(),
});

export async function runClassify(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args);
  if ("problem" in parsed) {
    io.stderr(`${parsed.problem}\n${CLASSIFY_USAGE}\n`);
    return 2;
  }
  const text = await io.readFile(parsed.path);
  if (!parsed.batch) {
    io.stdout(`${JSON.stringify(output(classify(issueFromMarkdown(text))))}\n`);
    return 0;
  }
  let failures = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const issue = readBatchLine(line);
    if ("problem" in issue) {
      failures += 1;
      io.stderr(`${parsed.path}:${index + 1}: ${issue.problem}\n`);
      return;
    }
    const { id, ...input } = issue.value;
    io.stdout(`${JSON.stringify({ id, ...output(classify(input, defaultClassifyPolicy)) })}\n`);
  });
  return failures === 0 ? 0 : 1;
}

function parseArguments(args: readonly string[]): { path: string; batch: boolean } | { problem: string } {
  const rest = [...args];
  let batch = false;
  if (rest[0] === "--batch") {
    batch = true;
    rest.shift();
  }
  const unknown = rest.find((arg) => arg.startsWith("--"));
  if (unknown) return { problem: `unknown option ${unknown}` };
  if (rest.length !== 1 || !rest[0]) return { problem: batch ? "--batch needs one file" : "expected one issue file or -" };
  return { path: rest[0], batch };
}

/** `# Title` on the first line is the title; everything after it is the body. Without a heading, all is body. */
export function issueFromMarkdown(text: string): { title: string; body: string } {
  const match = /^#[ \t]+([^\r\n]*)\r?\n?/.exec(text);
  return match ? { title: (match[1] ?? "").trim(), body: text.slice(match[0].length) } : { title: "", body: text };
}

function readBatchLine(line: string): { value: z.infer<typeof batchLine> } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { problem: "not a JSON object" };
  }
  const result = batchLine.safeParse(json);
  return result.success ? { value: result.data } : { problem: z.prettifyError(result.error).replace(/\n/g, "; ") };
}

function output(result: Classification): Classification {
  return { vulnerabilityReport: result.vulnerabilityReport, confidence: result.confidence, reasons: result.reasons };
}
