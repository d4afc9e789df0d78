// Writes schema/disclosure.schema.json from the compiled config contract (run through `npm run schema`,
// which builds first: Node 20 cannot import the TypeScript sources directly).
import { writeFile } from "node:fs/promises";
import process from "node:process";
import { URL } from "node:url";
import { configJsonSchemaText } from "../dist/config/json-schema.js";

const target = new URL("../schema/disclosure.schema.json", import.meta.url);
await writeFile(target, configJsonSchemaText());
process.stdout.write("wrote schema/disclosure.schema.json\n");
