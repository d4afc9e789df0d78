#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { runCli } from "./run-cli.js";

const readStdin = () => text(process.stdin);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (output) => void process.stdout.write(output),
  stderr: (output) => void process.stderr.write(output),
  readFile: (path) => (path === "-" ? readStdin() : readFile(path, "utf8")),
  readStdin,
  now: () => new Date(),
  env: process.env,
});
