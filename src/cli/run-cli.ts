import type { SweepCommandIo } from "./sweep-command.js";
import type { TriageIo } from "./triage-command.js";

export type MainIo = TriageIo & SweepCommandIo;

export const MAIN_USAGE =
  "usage: disclosure-desk <command> [options]\n" +
  "\n" +
  "commands:\n" +
  "  triage --policy <config.yml> [--received-at <ISO time>] <report.md | ->   apply a policy to one report\n" +
  "  triage --policy <config.yml> --batch <reports.jsonl>                      apply it to one report a line\n" +
  "  classify [--batch <issues.jsonl>] <issue.md | ->                          is a public issue a vulnerability report?\n" +
  "  validate <config.yml>                                                      check a policy file\n" +
  "  render security.md|security.txt --policy <config.yml>                     write a policy document\n" +
  "  sweep [--now <ISO time>] [--dry-run]                                       one SLA sweep over all installations\n" +
  "  report [--format md|csv|prometheus|html] [--language en|nl] [--now <ISO time>] metrics and charts over all installations\n" +
  "  export <login | name | e-mail>...                                         what the cases hold about a researcher\n" +
  "  forget <login | name | e-mail>... [--dry-run]                             remove a researcher from every case\n" +
  "  close --where <search qualifiers> [--older-than <Nd>] [--dry-run]          close a backlog of junk reports\n" +
  "\n" +
  "Run disclosure-desk <command> --help for a command's options.\n";

/**
 * Each command loads only its own modules, when it runs: start-up is part of every scheduled or scripted run, and
 * `triage` need not load Probot, the templates or the classifier.
 */
const commands: Record<string, (args: string[], io: MainIo) => Promise<number>> = {
  triage: async (args, io) => (await import("./triage-command.js")).runTriage(args, io),
  classify: async (args, io) => (await import("./classify-command.js")).runClassify(args, io),
  validate: async (args, io) => (await import("./validate-command.js")).runValidate(args, io),
  render: async (args, io) => (await import("./render-command.js")).runRender(args, io),
  sweep: async (args, io) => (await import("./sweep-command.js")).runSweepCommand(args, io),
  report: async (args, io) => (await import("./report-command.js")).runReportCommand(args, io),
  export: async (args, io) => (await import("./forget-command.js")).runExportCommand(args, io),
  forget: async (args, io) => (await import("./forget-command.js")).runForgetCommand(args, io),
  close: async (args, io) => (await import("./close-command.js")).runCloseCommand(args, io),
};

/** Runs one command line (without the program name) and returns the exit code: 0 ok, 1 invalid input, 2 usage. */
export async function runCli(argv: readonly string[], io: MainIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout(MAIN_USAGE);
    return 0;
  }
  const run = command === undefined ? undefined : commands[command];
  if (run === undefined) {
    io.stderr(
      `${command === undefined ? "disclosure-desk: name a command" : `disclosure-desk: unknown command "${command}"`}\n${MAIN_USAGE}`,
    );
    return 2;
  }
  return run(args, io);
}
