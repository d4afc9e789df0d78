import { describe, expect, it } from "@jest/globals";
import {
  checkClaims,
  countLines,
  emptyCodeFacts,
  nextCodeRead,
  occurs,
  recordRead,
  tagForVersion,
  type CodeFacts,
  type CodeRead,
  type ReadOutcome,
  type RepositoryFile,
  type TreeEntry,
} from "../../src/policy/claim-check.js";
import { extractCodeClaims, MAX_FILE_CLAIMS, type CodeClaims } from "../../src/policy/claims.js";
import { reportText } from "../../src/policy/report.js";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

const claimsOf = (body: string, repository = "DaveGamble/cJSON") =>
  extractCodeClaims(reportText({ title: "Report", body }), { repository });

describe("claims a report makes about the code", () => {
  it.each([
    ["a path with a line", "see lib/cookie.c:120", [{ path: "lib/cookie.c", match: "exact", lines: [120], symbols: [] }]],
    ["a GitHub line anchor", "lib/cookie.c#L42-L50", [{ path: "lib/cookie.c", match: "exact", lines: [42], symbols: [] }]],
    [
      "a symbol placed in a file",
      "`Curl_cookie_merge()` in `lib/cookie.c`",
      [{ path: "lib/cookie.c", match: "exact", lines: [], symbols: ["Curl_cookie_merge"] }],
    ],
    ["line N of a file", "at line 812 of cJSON.c", [{ path: "cJSON.c", match: "name", lines: [812], symbols: [] }]],
    ["a bare name followed by its line", "(cJSON.c line 2281)", [{ path: "cJSON.c", match: "name", lines: [2281], symbols: [] }]],
    [
      "a blob link to this repository",
      "https://github.com/DaveGamble/cJSON/blob/v1.7.18/cJSON.c#L1106",
      [{ path: "cJSON.c", match: "exact", lines: [1106], symbols: [] }],
    ],
    [
      "a sanitizer frame through the repository's directory",
      "    #0 0x4f2d3c in parse_value /src/cjson/cJSON.c:1340:9",
      [{ path: "cJSON.c", match: "tail", lines: [1340], symbols: ["parse_value"] }],
    ],
    [
      "a gdb frame",
      "#0  cJSON_DeepCopy (item=0x0) at cJSON.c:2890",
      [{ path: "cJSON.c", match: "tail", lines: [2890], symbols: ["cJSON_DeepCopy"] }],
    ],
    [
      "a UBSan line",
      "cJSON.c:3501:12: runtime error: signed integer overflow",
      [{ path: "cJSON.c", match: "tail", lines: [3501], symbols: [] }],
    ],
  ])("reads %s", (_name, body, files) => {
    expect(claimsOf(body).files).toEqual(files);
  });

  it.each([
    ["a web address", "https://example.org/admin/index.php?id=1 and example.org/login.php"],
    ["an absolute path on the researcher's machine", "it reads /etc/passwd and /tmp/x.c"],
    ["a product name", "the admin panel is written in Node.js and Vue.js"],
    ["the reporter's own code in a code block", "```\ngcc -o poc poc.c cJSON.c\n./poc\n```"],
    [
      "frames of the C library, the sanitizer and another project",
      "#1 0x1 in __libc_start_main ../csu/libc-start.c:308\n#2 0x2 in run /home/rosa/harness/harness.c:88:5\n#3 0x3 in __interceptor_memcpy /src/llvm/compiler-rt/lib/asan.cpp:22",
    ],
    ["prose in parentheses", "the value(s) of the field(s)"],
    ["a link into another repository", "https://github.com/octo-org/private-secrets/blob/main/keys/deploy.c#L3"],
  ])("reads no file from %s", (_name, body) => {
    const claims = claimsOf(body);
    expect(claims.files).toEqual([]);
    expect(claims.symbols).toEqual([]);
  });

  it.each([
    ["cJSON 1.7.18 crashes", "1.7.18"],
    ["Affected version: v9.9.9", "v9.9.9"],
    ["tested on v1.7.18 only", "v1.7.18"],
    ["cjson@1.7.17 from npm", "1.7.17"],
    ["in version 1.7.15 and later", "1.7.15"],
  ])("reads the version the report names: %s", (body, version) => {
    expect(claimsOf(body).version).toBe(version);
  });

  it.each(["Python version 3.11.2", "gcc 13.2.0 on Ubuntu 22.04", "node v20.1.0", "from 192.168.1.10", "since 2024.05.13"])(
    "reads no version of this repository from %j",
    (body) => {
      expect(claimsOf(body).version).toBeUndefined();
    },
  );

  it("keeps functions named without a file apart, and leaves macros, type names and prose out", () => {
    const claims = claimsOf(
      "`cJSON_SafeAlloc()` returns a `size_t` below `SIZE_MAX`; the eval() call; a value(s) list; the parse_token function",
    );
    expect(claims.symbols).toEqual(["cJSON_SafeAlloc", "eval", "parse_token"]);
  });

  it("reads a link into the reported repository (control for the link into another one)", () => {
    expect(claimsOf("https://github.com/octo-org/private-secrets/blob/main/keys/deploy.c#L3", "octo-org/private-secrets").files).toEqual([
      { path: "keys/deploy.c", match: "exact", lines: [3], symbols: [] },
    ]);
  });

  it("takes the advisory form's vulnerable functions as symbols to look for in the files the report names", () => {
    const claims = extractCodeClaims(reportText({ title: "Overflow", body: "In `cJSON.c`." }), {
      repository: "DaveGamble/cJSON",
      functions: ["cJSON_FakeParse", "not a name; rm -rf"],
    });
    expect(claims.symbols).toEqual(["cJSON_FakeParse"]);
    const { facts } = run(claims, () => file("int cJSON_Parse(void);"));
    expect(checkClaims(claims, facts).findings).toContainEqual({
      kind: "symbol",
      symbol: "cJSON_FakeParse",
      files: ["cJSON.c"],
      status: "missing",
    });
  });

  it("bounds the files it keeps", () => {
    const body = Array.from({ length: 50 }, (_, index) => `src/file_${index}.c:1`).join(" ");
    expect(claimsOf(body).files).toHaveLength(MAX_FILE_CLAIMS);
  });

  it.each([
    "a/",
    "`a_b()` ",
    "x.c:1 ",
    "#0 0x1 in f /src/cjson/",
    "line 1 of ",
    "v1.",
    "`",
    "(((",
    "https://github.com/DaveGamble/cJSON/blob/",
  ])("reads up to 100,000 characters of %j in linear time", (unit) => {
    const textOf = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    expectAtMostLinearGrowth((size) => claimsOf(textOf(size)), { sizes: [10_000, 100_000] });
  });
});

const tree = (paths: Record<string, number>, truncated = false): ReadOutcome<unknown> => ({
  status: "found",
  value: { truncated, entries: new Map<string, TreeEntry>(Object.entries(paths).map(([path, size]) => [path, { type: "blob", size }])) },
});
const file = (text: string): ReadOutcome<RepositoryFile> => ({ status: "found", value: { kind: "file", text } });
const lines = (count: number, extra = "") => `${extra}\n${"x\n".repeat(count - 1)}`;

/** Runs the planner against answers given per read, as the gateway would; returns the reads in order. */
function run(claims: CodeClaims, answer: (read: CodeRead) => ReadOutcome<unknown>, budget = 2): { reads: string[]; facts: CodeFacts } {
  const facts = emptyCodeFacts();
  const reads: string[] = [];
  let calls = 0;
  for (let step = 0; step < 10; step++) {
    const read = nextCodeRead(claims, facts);
    if (!read) break;
    const free = read.kind === "tree" && read.cachedOnly;
    const outcome = free ? { status: "skipped" as const } : calls >= budget ? { status: "skipped" as const } : answer(read);
    if (!free && calls < budget) calls++;
    reads.push(
      read.kind === "file"
        ? `file ${read.ref}:${read.path}`
        : read.kind === "tree"
          ? `tree${read.cachedOnly ? " (cached only)" : ""} ${read.ref}`
          : "tags",
    );
    recordRead(facts, read, outcome);
  }
  return { reads, facts };
}

describe("the reads the check plans", () => {
  const cjson = "static int parse_string(void) {}\n";

  it("reads the tag list, then the file that must be read whole: two calls, no tree", () => {
    const claims = claimsOf("`parse_string()` in `cJSON.c`, cJSON 1.7.18");
    const { reads, facts } = run(claims, (read) =>
      read.kind === "tags" ? { status: "found", value: ["v1.7.17", "v1.7.18"] } : file(cjson),
    );
    expect(reads).toEqual(["tags", "tree (cached only) v1.7.18", "file v1.7.18:cJSON.c"]);
    expect(checkClaims(claims, facts)).toMatchObject({ tag: "v1.7.18", unverified: false });
  });

  it("reads the tree when a file it read was not there, before calling the path missing", () => {
    const claims = claimsOf("`parse_token()` in `src/cjson_parser.c`");
    const { reads, facts } = run(claims, (read) => (read.kind === "tree" ? tree({ "cJSON.c": 100 }) : { status: "not-found" }));
    expect(reads).toEqual(["tree (cached only) HEAD", "file HEAD:src/cjson_parser.c", "tree HEAD"]);
    expect(checkClaims(claims, facts).findings).toContainEqual({ kind: "path", path: "src/cjson_parser.c", status: "missing" });
  });

  it("calls a path missing at a tag without the tree: the tag is known to exist", () => {
    const claims = claimsOf("lib/cookie.c:12 in curl 8.11.0", "curl/curl");
    const { reads, facts } = run(claims, (read) =>
      read.kind === "tags" ? { status: "found", value: ["curl-8_11_0"] } : { status: "not-found" },
    );
    expect(reads).toEqual(["tags", "tree (cached only) curl-8_11_0", "file curl-8_11_0:lib/cookie.c"]);
    const check = checkClaims(claims, facts);
    expect(check).toMatchObject({ tag: "curl-8_11_0", unverified: true });
    expect(check.findings).toContainEqual({ kind: "path", path: "lib/cookie.c", status: "missing" });
  });

  it("makes no call for a report that names no code", () => {
    expect(run(claimsOf("The login form of https://example.org has XSS."), () => ({ status: "not-found" })).reads).toEqual([]);
  });

  it("stops at the budget and says what it could not read", () => {
    const claims = claimsOf("`a_one()` in `src/a.c`, `b_two()` in `src/b.c`, `c_three()` in `src/c.c`; cJSON 1.0.0");
    const { reads, facts } = run(claims, (read) =>
      read.kind === "tags" ? { status: "found", value: ["v1.0.0"] } : file("a_one b_two c_three"),
    );
    // The last two are answered `skipped` without a call: the budget went on the tags and one file.
    expect(reads).toEqual(["tags", "tree (cached only) v1.0.0", "file v1.0.0:src/a.c", "file v1.0.0:src/b.c", "tree v1.0.0"]);
    const check = checkClaims(claims, facts);
    expect(check.unverified).toBe(false);
    expect(check.findings).toContainEqual({ kind: "path", path: "src/b.c", status: "not-verified", reason: "budget" });
  });

  it.each([
    [
      "a truncated tree",
      tree({ "cJSON.c": 10 }, true),
      { kind: "path", path: "zz/none.c", status: "not-verified", reason: "truncated-tree" },
    ],
    ["a tree that is there", tree({ "cJSON.c": 10 }), { kind: "path", path: "zz/none.c", status: "missing" }],
  ])("judges an absent path by %s", (_name, answer, finding) => {
    const claims = claimsOf("`zz/none.c` and `cJSON.c` hold a key");
    const { facts } = run(claims, () => answer);
    expect(checkClaims(claims, facts).findings).toContainEqual(finding);
  });

  it("says not verified, never missing, when the repository cannot be read", () => {
    const claims = claimsOf("`cJSON_ParseUnsafe()` in `cJSON.c` at line 9999, cJSON 1.7.18");
    const { facts } = run(claims, () => ({ status: "unreadable", reason: "forbidden" }));
    const check = checkClaims(claims, facts);
    expect(check).toMatchObject({ unverified: false, unreadable: "forbidden" });
    expect(check.findings.every((finding) => finding.status === "not-verified")).toBe(true);
  });

  it("holds nothing against a version when the repository has no tags", () => {
    const claims = claimsOf("cJSON 9.9.9: `parse_string()` in `cJSON.c`");
    const { facts } = run(claims, (read) => (read.kind === "tags" ? { status: "found", value: [] } : file(cjson)));
    expect(checkClaims(claims, facts).findings).toContainEqual({
      kind: "version",
      version: "9.9.9",
      status: "not-verified",
      reason: "no-tags",
    });
  });

  it("proves a line missing from a blob's size alone, and holds a line within a file read whole", () => {
    const claims = claimsOf("tests/a.c:5000 and cJSON.c:3");
    const { facts } = run(
      claims,
      (read) =>
        read.kind === "tree"
          ? tree({ "tests/a.c": 200, "cJSON.c": 20 })
          : read.kind === "file" && read.path === "cJSON.c"
            ? file(lines(3))
            : { status: "not-found" },
      3,
    );
    const findings = checkClaims(claims, facts).findings;
    expect(findings).toContainEqual({ kind: "line", path: "tests/a.c", line: 5000, status: "missing" });
    expect(findings).toContainEqual({ kind: "line", path: "cJSON.c", line: 3, status: "holds", lineCount: 3 });
  });

  it.each([
    ["1.7.18", ["v1.7.17", "v1.7.18"], "v1.7.18"],
    ["8.11.0", ["curl-8_10_1", "curl-8_11_0"], "curl-8_11_0"],
    ["v2.0", ["v2.0.3"], "v2.0.3"],
    ["1.8.0", ["v1.7.18"], undefined],
    ["1.7.1", ["v1.7.18"], undefined],
  ])("finds the tag of version %s", (version, tags, tag) => {
    expect(tagForVersion(version, tags)).toBe(tag);
  });

  it("counts lines and finds whole words only", () => {
    expect([countLines(""), countLines("a"), countLines("a\n"), countLines("a\nb")]).toEqual([0, 1, 1, 2]);
    expect(occurs("parse_string(x)", "parse")).toBe(false);
    expect(occurs("x = parse(y)", "parse")).toBe(true);
  });
});
