import { readFileSync, writeSync } from "node:fs";

/**
 * The triage command's reference in `npm run bench`: a Node process that reads the same batch and does what any batch
 * command does with no policy at all. It parses each line, lowers the title and body and counts their words, and
 * writes one JSON line per report. It runs in turn with the command, so its rate shows how fast the machine is at that
 * moment; triage figures taken on different days compare through their ratio to it.
 */
const [path] = process.argv.slice(2);
if (path === undefined) throw new Error("usage: reference-batch <reports.jsonl>");

const WORD = /[\p{L}\p{N}_]+/gu;
let output = "";
for (const line of readFileSync(path, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const { id, title, body } = JSON.parse(line) as { id: string; title: string; body: string };
  const counts = new Map<string, number>();
  for (const [word] of `${title}\n${body}`.toLowerCase().matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
  output += `${JSON.stringify({ id, words: counts.size })}\n`;
}
writeSync(1, output);
