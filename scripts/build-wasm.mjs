#!/usr/bin/env node
// Compiles src/policy/weight-sums.wat and writes it into src/policy/weight-sums-module.ts, in base64, so that the
// module is part of the compiled code and needs no file beside it (or the toolkit at run time).
// usage: npm run build:wasm              writes the module
//        npm run build:wasm -- --check   fails unless the written module is the .wat compiled now
import { readFileSync, writeFileSync } from "node:fs";
import wabt from "wabt";

const SOURCE = "src/policy/weight-sums.wat";
const OUTPUT = "src/policy/weight-sums-module.ts";

const unknown = process.argv.slice(2).filter((argument) => argument !== "--check");
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(" ")}\nusage: npm run build:wasm [-- --check]\n`);
  process.exit(2);
}

const toolkit = await wabt();
const parsed = toolkit.parseWat(SOURCE, readFileSync(SOURCE, "utf8"), { simd: true });
parsed.validate();
const { buffer } = parsed.toBinary({ log: false, write_debug_names: false });
parsed.destroy();

const written =
  `// Written by scripts/build-wasm.mjs from weight-sums.wat: change that file and run \`npm run build:wasm\`.\n\n` +
  `/** weight-sums.wat compiled to WebAssembly, in base64 (${buffer.length} bytes). */\n` +
  `export const WEIGHT_SUMS_MODULE =\n  "${Buffer.from(buffer).toString("base64")}";\n`;

if (process.argv.includes("--check")) {
  if (readFileSync(OUTPUT, "utf8") !== written) {
    process.stderr.write(`${OUTPUT} is not ${SOURCE} as it compiles now: run npm run build:wasm\n`);
    process.exit(1);
  }
  process.stdout.write(`${OUTPUT} is ${SOURCE} compiled (${buffer.length} bytes)\n`);
} else {
  writeFileSync(OUTPUT, written);
  process.stdout.write(`wrote ${OUTPUT} (${buffer.length} bytes of WebAssembly)\n`);
}
