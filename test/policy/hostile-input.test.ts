import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { catalogIds } from "../../src/policy/catalog.js";
import { conductIds } from "../../src/policy/conduct.js";
import { compilePolicy, triageWith } from "../../src/policy/triage.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

const policy = compilePolicy(
  configSchema.parse({
    scope: { assets: ["*.example.nl", "192.0.2.0/24"], outOfScope: ["customer-hosted content", "third-party programs and plug-ins"] },
    exclusions: catalogIds(),
    conduct: conductIds().map((id) => (id === "excess-data-access" ? { id, maxRecords: 1 } : id)),
  }),
);

describe("hostile report text", () => {
  it.each([
    "\n",
    " ",
    "a.",
    "1.1.",
    "a:",
    "0000:",
    "ab-",
    "-",
    "x ",
    "port 1, ",
    "1,000 records ",
    "missing ",
    "cookie secure missing ",
    "https://a.example.nl/",
    "http://x.nl/?a=",
    "<a ",
    "@a.nl ",
    "did not use sqlmap ",
    "robots.txt ",
    "csv injection 403 ",
    "\u00a0",
    "a-b.c-d.",
    "xss demo site a.a.",
    "xss on the demo\n",
  ])("triages a title and a body of up to 100,000 characters of %j in linear time", (unit) => {
    const textOf = (size: number) => unit.repeat(Math.ceil(size / unit.length));
    const longest = textOf(100_000);
    expect(triageWith(policy, { title: longest, body: longest }).labels.slice(0, 2)).toEqual(["disclosure", "state:triage"]);
    expectAtMostLinearGrowth((size) => triageWith(policy, { title: textOf(size), body: textOf(size) }), { sizes: [10_000, 100_000] });
  });

  it("does not read a version number as an IP address", () => {
    const decision = triageWith(policy, { title: "Old library", body: "libfoo 1.2.3.4.5 and 192.0.2.7." });
    expect(decision.assets).toEqual(["192.0.2.7"]);
  });
});
