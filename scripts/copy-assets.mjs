// Copies the files the compiled code reads beside itself (model weights, message templates) into another build
// folder: `src` compiled to `.build/src` finds them at `.build/models` and `.build/templates`, as `dist` finds them
// at the project root.
import { cpSync } from "node:fs";

const [target] = process.argv.slice(2);
if (!target) {
  console.error("usage: node scripts/copy-assets.mjs <build folder>");
  process.exit(2);
}
for (const folder of ["models", "templates"]) cpSync(folder, `${target}/${folder}`, { recursive: true });
