import { describe, expect, it } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { claimsWorlds } from "./world.js";

/**
 * Reports about cJSON 1.7.18 through the real `repository_advisory.reported` handler against the stand-in: what the
 * tracking issue says about the claims, the labels, and what the check costs in GitHub calls.
 */

const openWorld = claimsWorlds();

const genuine = {
  summary: "Out-of-bounds read in parse_string",
  description: [
    "cJSON 1.7.18: `parse_string()` in `cJSON.c` reads past the end of the input when a string ends in a lone backslash.",
    "The loop at line 812 of cJSON.c does not check `input_end` before skipping the escaped character.",
    "",
    "Steps to reproduce:",
    "1. Build the fuzzer `fuzzing/afl.c` with ASan.",
    '2. Feed it the input `"\\` (quote, backslash).',
    "",
    "Impact: an attacker who controls the JSON can crash the process.",
  ].join("\n"),
};

const fabricated = {
  summary: "Critical heap overflow in cJSON_ParseUnsafe",
  description: [
    "A heap buffer overflow exists in `cJSON_ParseUnsafe()` in `cJSON.c` at line 4512 of cJSON 1.7.18.",
    "The helper `parse_utf32_surrogate()` in `src/cjson_unicode.c` copies without bounds.",
    "An attacker can achieve remote code execution.",
  ].join("\n"),
};

describe("claims checked against the code", () => {
  it("leaves a report whose code exists unlabelled and lists what holds, at the tag it names", async () => {
    const world = await openWorld();
    const reported = await world.report(genuine);

    expect(reported.labels).not.toContain("claims:unverified");
    const body = reported.issue.body ?? "";
    expect(body).toContain("### Claims checked against the code");
    expect(body).toContain("Checked at tag `v1.7.18`.");
    expect(body).toContain("- version `1.7.18` is tag `v1.7.18`");
    expect(body).toContain("- `cJSON.c` exists");
    expect(body).toContain("- `parse_string` occurs in `cJSON.c`");
    expect(body).toContain("- `cJSON.c` has line 812 (of 3143)");
    expect(body).not.toContain("Not found in the repository");
  });

  it("labels a report citing a missing path, function and line claims:unverified and lists what is missing", async () => {
    const world = await openWorld();
    const reported = await world.report(fabricated);

    expect(reported.labels).toContain("claims:unverified");
    const body = reported.issue.body ?? "";
    expect(body).toContain("**Not found in the repository** (`claims:unverified`");
    expect(body).toContain("- `cJSON_ParseUnsafe` occurs nowhere in `cJSON.c`");
    expect(body).toContain("- `cJSON.c` has no line 4512: it has 3143");
    // The case is opened all the same, in triage: the label is for a maintainer to weigh.
    const block = readCaseBlock(reported.issue.body);
    expect(block.status === "found" && block.record.state).toBe("triage");
  });

  it("finds a path that does not exist at the named tag", async () => {
    const world = await openWorld();
    const reported = await world.report({
      summary: "Use after free in the unicode decoder",
      description: "In cJSON 1.7.18 the decoder in `src/cjson_unicode.c` frees the buffer twice (see src/cjson_unicode.c:88).",
    });
    expect(reported.labels).toContain("claims:unverified");
    expect(reported.issue.body).toContain("- `src/cjson_unicode.c` does not exist at `v1.7.18`");
  });

  it("says an invented version does not exist, and checks the rest on the default branch", async () => {
    const world = await openWorld();
    const reported = await world.report({
      summary: "Stack overflow in print_value",
      description: "Affected version: v9.9.9. `print_value()` in cJSON.c recurses without a limit.",
    });
    expect(reported.labels).toContain("claims:unverified");
    const body = reported.issue.body ?? "";
    expect(body).toContain("- version `v9.9.9` does not exist: no tag names it");
    expect(body).toContain("Checked at the default branch.");
    expect(body).toContain("- `print_value` occurs in `cJSON.c`");
  });

  it("says not verified, and labels nothing, when the app may not read the repository's code", async () => {
    const world = await openWorld({ permissions: { issues: "write", metadata: "read", repository_advisories: "write" } });
    const reported = await world.report(fabricated);
    expect(reported.labels).not.toContain("claims:unverified");
    const body = reported.issue.body ?? "";
    expect(body).toContain("were **not verified**");
    expect(body).not.toContain("does not exist");
    expect(body).not.toContain("occurs nowhere");
  });

  it("does not call a path missing when the repository's tree is truncated", async () => {
    const world = await openWorld();
    world.github.state.features.treeEntryLimit = 50;
    const reported = await world.report({
      summary: "Hard-coded key",
      description: "`tests/secret_keys.h` and `tests/parse_number.c` and `zz/nothing_here.c` hold a hard-coded private key.",
    });
    expect(reported.labels).not.toContain("claims:unverified");
    expect(reported.issue.body).toContain("- `zz/nothing_here.c` — the repository has too many files to list them all");
  });

  it("does not read symbols in a binary file", async () => {
    const world = await openWorld();
    const pdf = "tests/unity/docs/UnityAssertionsCheatSheetSuitableforPrintingandPossiblyFraming.pdf";
    world.source.files.set("tests/unity/docs/key.c", "\0\0binary");
    const reported = await world.report({
      summary: "Key in a binary",
      description: `The function \`load_private_key()\` in \`tests/unity/docs/key.c\` leaks it; see also ${pdf}.`,
    });
    expect(reported.labels).not.toContain("claims:unverified");
    expect(reported.issue.body).toContain("- `load_private_key` — a binary file");
  });
});

describe("what the check costs", () => {
  it("makes no GitHub call for a report that names no code", async () => {
    const world = await openWorld();
    const reported = await world.report({
      summary: "XSS on the website",
      description: "The search page reflects the q parameter: https://example.org/?q=<script>alert(1)</script>",
    });
    expect(reported.codeReads).toEqual([]);
    expect(reported.issue.body).not.toContain("Claims checked against the code");
  });

  it("makes no GitHub call for the code a blocked reporter names, and reads it for anyone else (control)", async () => {
    const world = await openWorld({
      config: `tracking: { repository: octo-org/security-cases }\nreporters: { blocked: [rosa-researcher] }\n`,
    });
    const blocked = await world.deliver(fabricated);
    expect(blocked.codeReads).toEqual([]);
    expect(world.tracking.issues.size).toBe(0);
    world.source.files.set(".github/disclosure.yml", "tracking: { repository: octo-org/security-cases }\n");
    expect((await world.deliver(fabricated)).codeReads).not.toEqual([]);
  });

  it("makes at most two more calls when a report names code: one tree read per commit, cached by its SHA", async () => {
    const world = await openWorld();
    const plain = await world.report({
      summary: "XSS on the website",
      description: "The search page reflects the q parameter: https://example.org/?q=<script>x</script>",
    });
    const first = await world.report(fabricated, { shared: true });
    expect(first.codeReads.map((entry) => entry.operationId)).toEqual(["git/list-matching-refs", "repos/get-content"]);
    expect(first.requests.length - plain.requests.length).toBe(2);

    const bareName = await world.report(
      { summary: "Leak", description: "`cJSON_Utils.h` and `sort_list` in `cJSON_Utils.c`, cJSON 1.7.18." },
      { shared: true },
    );
    expect(bareName.codeReads.map((entry) => entry.operationId)).toEqual(["repos/get-content", "git/get-tree"]);
    // The tags are remembered; the tree of v1.7.18 is read once and then served from the cache by its SHA.
    const again = await world.report(
      { summary: "Leak", description: "`sort_list()` in `cJSON_Utils.c` and `missing_one.c`, cJSON 1.7.18." },
      { shared: true },
    );
    expect(again.codeReads.map((entry) => entry.operationId)).toEqual(["repos/get-content"]);
    expect(again.labels).toContain("claims:unverified");
    for (const reported of [first, bareName, again]) expect(reported.codeReads.length).toBeLessThanOrEqual(2);
  });
});
