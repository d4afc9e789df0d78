#!/usr/bin/env node
import "./regexp-compilation.js";
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { runCli } from "./run-cli.js";

const readStdin = () => text(process.stdin);

// A reader that stops early (`| head`) closes the pipe: the rest of the output is not wanted, which is no failure, and
// a stack trace for it would hide the output that was.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (output) => void process.stdout.write(output),
  stderr: (output) => void process.stderr.write(output),
  readFile: (path) => (path === "-" ? readStdin() : readFile(path, "utf8")),
  readStdin,
  now: () => new Date(),
  env: process.env,
});
