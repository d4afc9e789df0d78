import { parseArgs } from "node:util";
import { formatProblem, parseConfigText } from "../config/load.js";
import { languageSchema } from "../config/schema.js";
import { validateConfig } from "../config/validate.js";
import { renderSecurityMd } from "../messages/security-md.js";
import { renderSecurityTxt, SecurityTxtError } from "../messages/security-txt.js";
import type { CliIo } from "./io.js";

const USAGE =
  "usage: disclosure-desk render security.md|security.txt --policy <config.yml> [--language en|nl] [--now <ISO time>]\n" +
  "         [--repository <owner/name>] [--expires-in-days <n>] [--canonical <url>] [--encryption <uri>] [--acknowledgments <url>]";

/**
 * `disclosure-desk render security.md|security.txt --policy <config.yml>`: the document on stdout, warnings on
 * stderr. An invalid config is reported like `validate` does and nothing is rendered (exit 1); 2 is a usage error.
 */
export async function runRender(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        language: { type: "string" },
        now: { type: "string" },
        repository: { type: "string" },
        "expires-in-days": { type: "string" },
        canonical: { type: "string", multiple: true },
        encryption: { type: "string" },
        acknowledgments: { type: "string" },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [document] = positionals;
  if (positionals.length !== 1 || (document !== "security.md" && document !== "security.txt")) {
    return usageError(io, "name one document: security.md or security.txt");
  }
  if (values.policy === undefined) return usageError(io, "--policy <config.yml> is required");
  const language = values.language === undefined ? undefined : languageSchema.safeParse(values.language);
  if (language?.success === false) return usageError(io, `--language must be en or nl, not "${values.language}"`);
  const now = values.now === undefined ? io.now() : new Date(values.now);
  if (Number.isNaN(now.getTime())) return usageError(io, `--now is not an ISO 8601 time: "${values.now}"`);
  const expiresInDays = values["expires-in-days"] === undefined ? undefined : Number(values["expires-in-days"]);
  if (expiresInDays !== undefined && !(Number.isInteger(expiresInDays) && expiresInDays > 0)) {
    return usageError(io, "--expires-in-days must be a whole number of days above 0");
  }

  let text: string;
  try {
    text = await io.readFile(values.policy);
  } catch (error) {
    io.stderr(`cannot read ${values.policy}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const problems = validateConfig(text, values.policy);
  if (problems.length > 0) {
    io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(""));
    return 1;
  }
  const { config } = parseConfigText(text, values.policy);

  if (document === "security.md") {
    const repository = values.repository === undefined ? {} : { repository: values.repository };
    io.stdout(renderSecurityMd(config, language?.data ?? config.language, repository));
    return 0;
  }
  try {
    const securityTxt = renderSecurityTxt(config, {
      now,
      ...(expiresInDays === undefined ? {} : { expiresInDays }),
      ...(values.canonical === undefined ? {} : { canonical: values.canonical }),
      ...(values.encryption === undefined ? {} : { encryption: values.encryption }),
      ...(values.acknowledgments === undefined ? {} : { acknowledgments: values.acknowledgments }),
      ...(values.repository === undefined ? {} : { repository: values.repository }),
    });
    io.stdout(securityTxt.text);
    io.stderr(securityTxt.warnings.map((warning) => `warning: ${warning}\n`).join(""));
    return 0;
  } catch (error) {
    if (!(error instanceof SecurityTxtError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return 2;
}
