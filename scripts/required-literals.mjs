// Works out, once when the code is built, the words every built-in expression cannot match without, and writes them
// beside the compiled code: a process then reads them instead of reading each expression at its start (see
// `builtLists` in src/policy/literals.ts). Run by `npm run build`; the argument is the build folder (default dist).
import { rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const build = resolve(process.argv[2] ?? "dist");
const load = (module) => import(pathToFileURL(`${build}/${module}`).href);
const listsFile = pathToFileURL(`${build}/policy/required-literals.json`);
// Written by an earlier run, the file would answer the lists it holds, and only what it lacks would be worked out.
rmSync(listsFile, { force: true });

const { BUILT_LISTS_FILE, workedOutLists } = await load("policy/literals.js");
const { catalogIds } = await load("policy/catalog.js");
const { conductIds } = await load("policy/conduct.js");
const { compilePolicy } = await load("policy/triage.js");
const { parseConfigText } = await load("config/load.js");
// Containment's classifier, whose expressions are gated when it loads.
await load("policy/classify.js");

// Every built-in exclusion and conduct rule, and a topic with every concept scope entries are read for: the expressions
// any config can ask for. A config's own patterns are not built in and are read when it is compiled.
const everything = [
  `exclusions: [${catalogIds().join(", ")}]`,
  `conduct: [${conductIds().join(", ")}]`,
  "scope:",
  "  outOfScope: [customer-hosted content on self-hosted websites, third-party programs and plug-ins]",
].join("\n");
const { config, errors } = parseConfigText(everything);
if (errors.length > 0) throw new Error(`the config of every rule is not valid: ${errors.map((error) => error.message).join("; ")}`);
compilePolicy(config);

const lists = workedOutLists();
// The module reads the lists from where they are written here.
if (new URL(BUILT_LISTS_FILE, pathToFileURL(`${build}/policy/literals.js`)).href !== listsFile.href) {
  throw new Error(`src/policy/literals.ts reads the lists from ${BUILT_LISTS_FILE}, not required-literals.json`);
}
writeFileSync(listsFile, `${JSON.stringify(lists)}\n`);
console.log(`required words of ${lists.length} built-in expressions written to ${build.replace(`${process.cwd()}/`, "")}/policy`);
