import { formatProblem } from "../config/load.js";
import { validateConfig } from "../config/validate.js";
import type { CliIo } from "./io.js";

const USAGE = "usage: disclosure-desk validate <config.yml>";

/**
 * `disclosure-desk validate <config.yml>`: one `file:line:col key: message` line per problem on stderr and
 * exit code 1, or an "ok" line and 0, so a CI step fails on a broken policy. 2 means it could not check.
 */
export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0 || file.startsWith("-")) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const problems = validateConfig(text, file, { now: io.now() });
  if (problems.length > 0) {
    io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(""));
    return 1;
  }
  io.stdout(`ok: ${file} is a valid Disclosure Desk config\n`);
  return 0;
}
