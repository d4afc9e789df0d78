/**
 * A labelled set of reports about cJSON 1.7.18 (test/fixtures/code/cjson-1.7.18): genuine ones, written after real
 * cJSON bug reports and advisories and citing its real code; fabricated ones in the manner of machine-written junk,
 * citing functions that do not exist, line numbers past a file's end, versions never released and invented paths.
 * Two fabricated reports make no claim the code can refute; they stay in the set so the figure is honest.
 */

export interface LabelledReport {
  id: string;
  kind: "genuine" | "fabricated";
  summary: string;
  description: string;
}

const trace = (...frames: string[]) =>
  ["```", "==4242==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000011", ...frames, "```"].join("\n");

export const labelledReports: LabelledReport[] = [
  {
    id: "g01",
    kind: "genuine",
    summary: "Out-of-bounds read in parse_string on a trailing backslash",
    description:
      'cJSON 1.7.18: `parse_string()` in `cJSON.c` reads one byte past the input when a string ends in a backslash. The loop at line 812 of cJSON.c skips the escaped character before checking the end.\n\n1. Build `fuzzing/afl.c` with ASan.\n2. Parse the two bytes `"\\`.\n\nImpact: a crash of any process parsing attacker JSON.',
  },
  {
    id: "g02",
    kind: "genuine",
    summary: "NULL dereference in cJSON_InsertItemInArray",
    description:
      "In cJSON 1.7.16, `cJSON_InsertItemInArray()` (cJSON.c line 2281) dereferences `after_inserted->prev` when the array's child has no `prev`. Calling it with an index past the end on an array built by hand crashes.\n\n```c\ncJSON *array = cJSON_CreateArray();\ncJSON_InsertItemInArray(array, 1, cJSON_CreateNull());\n```",
  },
  {
    id: "g03",
    kind: "genuine",
    summary: "cJSON_SetValuestring crashes on an item without a valuestring",
    description:
      "Affected version: 1.7.17. `cJSON_SetValuestring` in `cJSON.c` (line 403) calls `strlen(object->valuestring)` when the item is a string reference with a NULL valuestring. An attacker who can make the application call it on such an item crashes it (denial of service).",
  },
  {
    id: "g04",
    kind: "genuine",
    summary: "cJSON_Minify reads past an unterminated comment",
    description:
      '`cJSON_Minify()` calls `skip_multiline_comment()` (cJSON.c:2825), which runs past the terminating NUL when the comment is never closed.\n\nSteps to reproduce: `char s[] = "/* abc"; cJSON_Minify(s);` under ASan. Impact: out-of-bounds read.',
  },
  {
    id: "g05",
    kind: "genuine",
    summary: "print_number writes null for NaN and infinity",
    description:
      "cJSON v1.7.18 prints NaN and infinity as `null` in `print_number` (cJSON.c, line 553 onwards), so a round trip silently changes data. Low impact: integrity of numeric values.",
  },
  {
    id: "g06",
    kind: "genuine",
    summary: "Unbounded recursion in JSON Patch application",
    description:
      "`cJSONUtils_ApplyPatches()` in `cJSON_Utils.c` calls `apply_patch()` (cJSON_Utils.c:807) for every patch; a patch document that nests deeply makes `compare_json` recurse without limit. Tested on version 1.7.18. An attacker supplying the patch can exhaust the stack.",
  },
  {
    id: "g07",
    kind: "genuine",
    summary: "Deep nesting is limited, but print_array is not",
    description:
      "Parsing stops at the nesting limit in `parse_array` (cJSON.c line 1454), yet a tree built with `cJSON_AddItemToArray` can be nested deeper and `print_array` recurses through `print_value` until the stack is gone. Version 1.7.18.",
  },
  {
    id: "g08",
    kind: "genuine",
    summary: "Quadratic sorting in cJSONUtils_SortObject",
    description:
      "`cJSONUtils_SortObject()` (cJSON_Utils.c:1311) sorts through `sort_list` and `compare_strings`; with many keys sharing a long prefix, sorting a large object takes minutes. Impact: denial of service of services that sort untrusted objects. cJSON 1.7.18.",
  },
  {
    id: "g09",
    kind: "genuine",
    summary: "Heap overflow found by the OSS-Fuzz read fuzzer",
    description: `The read fuzzer crashes on the attached input with cJSON 1.7.18.\n\n${trace(
      "    #0 0x4f2d3c in parse_value /src/cjson/cJSON.c:1340:9",
      "    #1 0x4f3a11 in parse_array /src/cjson/cJSON.c:1500:14",
      "    #2 0x4f1c02 in cJSON_ParseWithLengthOpts /src/cjson/cJSON.c:1130:10",
      "    #3 0x4f0b7e in LLVMFuzzerTestOneInput /src/cjson/fuzzing/cjson_read_fuzzer.c:34:12",
      "    #4 0x7f1e2a in __libc_start_main /usr/lib/x86_64-linux-gnu/libc.so.6:308",
    )}`,
  },
  {
    id: "g10",
    kind: "genuine",
    summary: "Crash on a huge exponent",
    description:
      "cJSON 1.7.18 aborts when a document holds a number with a 5,000-digit exponent. To reproduce: `echo '[1e99999...]' | ./cjson_test`. Impact: a remote client can crash a server that parses its JSON.",
  },
  {
    id: "g11",
    kind: "genuine",
    summary: "Length is ignored after the first object",
    description:
      "https://github.com/octo-org/cjson/blob/v1.7.18/cJSON.c#L1106 — `cJSON_ParseWithLengthOpts` trusts `buffer_length` for the first value only; with `require_null_terminated` false it reads the rest until a NUL. Applications that pass unterminated buffers read past them.",
  },
  {
    id: "g12",
    kind: "genuine",
    summary: "Endless recursion duplicating a cyclic reference",
    description:
      "A reference added with `cJSON_AddItemReferenceToObject()` to one of its own ancestors makes `cJSON_Duplicate()` (cJSON.c line 2729) recurse for ever. Version 1.7.18; impact: stack exhaustion.",
  },
  {
    id: "g13",
    kind: "genuine",
    summary: "cJSON_GetErrorPtr is not thread-safe",
    description:
      "`cJSON_GetErrorPtr()` returns a pointer into `global_error` (cJSON.c:94), shared by all threads, so one thread's failed parse can make another report a position in a freed buffer. cJSON 1.7.18.",
  },
  {
    id: "g14",
    kind: "genuine",
    summary: "JSON pointer decoding accepts a lone tilde",
    description:
      "`decode_pointer_inplace` in `cJSON_Utils.c` (line 359) turns `~` followed by any character into garbage instead of rejecting it, so `cJSONUtils_GetPointer` can address a different member than the one named. Version 1.7.18.",
  },
  {
    id: "g15",
    kind: "genuine",
    summary: "Use after free reported by my own harness",
    description: `Found with a small harness (not part of cJSON) against cJSON 1.7.18:\n\n${trace(
      "    #0 0x55d0 in cJSON_Delete /src/cjson/cJSON.c:260:13",
      "    #1 0x55d1 in run_case /home/rosa/harness/harness.c:88:5",
      "    #2 0x7f00 in __libc_start_main ../csu/libc-start.c:308:16",
    )}\n\nImpact: a double free when the application deletes a detached item twice.`,
  },
  {
    id: "g16",
    kind: "genuine",
    summary: "Integer overflow in cJSON_PrintPreallocated length",
    description:
      "Built with gcc 13.2.0 on Ubuntu 22.04 (Python 3.11 drives the test). `cJSON_PrintPreallocated()` takes an `int` length and casts it to `size_t` in cJSON.c; a negative length becomes huge.\n\n```c\n/* poc.c: gcc -fsanitize=address poc.c cJSON.c */\nchar buffer[8];\ncJSON_PrintPreallocated(item, buffer, -1, 0);\n```\nImpact: a stack buffer overflow in callers that pass unchecked lengths. cJSON 1.7.18.",
  },
  {
    id: "f01",
    kind: "fabricated",
    summary: "Critical heap overflow in cJSON_ParseUnsafe",
    description:
      "A critical heap-based buffer overflow exists in the `cJSON_ParseUnsafe()` function in `cJSON.c` of cJSON 1.7.18. Because the length is never validated, an attacker can achieve remote code execution. CVSS 9.8.",
  },
  {
    id: "f02",
    kind: "fabricated",
    summary: "Off-by-one in parse_string",
    description:
      "In cJSON 1.7.18 the `parse_string()` function at cJSON.c:4512 writes one byte past the output buffer, leading to memory corruption and arbitrary code execution.",
  },
  {
    id: "f03",
    kind: "fabricated",
    summary: "Memory disclosure in cJSON 1.9.2",
    description:
      "Affected version: 1.9.2. The `print_string_ptr()` function in `cJSON.c` discloses uninitialised heap memory to the attacker. This is a critical information disclosure.",
  },
  {
    id: "f04",
    kind: "fabricated",
    summary: "Type confusion in the parser core",
    description:
      "The parser core in `src/cjson_parser.c` confuses numbers and strings in `parse_token()`, allowing an attacker to bypass validation in every application using cJSON.",
  },
  {
    id: "f05",
    kind: "fabricated",
    summary: "Heap overflow confirmed by AddressSanitizer",
    description: `AddressSanitizer confirms the overflow in cJSON 1.7.18:\n\n${trace(
      "    #0 0x4f2d3c in cJSON_DecodeUnicodeEscape /src/cjson/cJSON.c:3620:9",
      "    #1 0x4f3a11 in cJSON_ParseInternal /src/cjson/cJSON.c:3710:14",
      "    #2 0x4f1c02 in main /src/cjson/test.c:22:5",
    )}`,
  },
  {
    id: "f06",
    kind: "fabricated",
    summary: "JSON pointer resolution allows arbitrary memory write",
    description:
      "`cJSONUtils_ResolveReference()` in `cJSON_Utils.c` follows `$ref` members without bounds, giving an arbitrary write primitive. Affects cJSON 1.7.18.",
  },
  {
    id: "f07",
    kind: "fabricated",
    summary: "Number parsing overflow in cJSON_Utils",
    description:
      "The `parse_number()` routine in `cJSON_Utils.c` overflows its 64-byte stack buffer on long numbers (cJSON 1.7.18), leading to remote code execution.",
  },
  {
    id: "f08",
    kind: "fabricated",
    summary: "Prototype pollution-like key injection in cJSON 2.0.1",
    description:
      "cJSON 2.0.1 lets attackers inject `__proto__` keys through `cJSON_AddItemToObject()`, which compromises the whole application. This is a critical issue.",
  },
  {
    id: "f09",
    kind: "fabricated",
    summary: "Decoder buffer overflow",
    description:
      "The UTF-8 decoder in lib/cjson/decoder.c (line 144) does not check the length of multi-byte sequences, causing a heap overflow.",
  },
  {
    id: "f10",
    kind: "fabricated",
    summary: "Unchecked recursion in print_value",
    description: "`print_value()` at line 3300 of cJSON.c recurses without limit, in cJSON 1.7.18. An attacker can crash any server.",
  },
  {
    id: "f11",
    kind: "fabricated",
    summary: "Unsafe allocation helper",
    description:
      "cJSON 1.7.18 uses an unsafe allocation helper, `cJSON_SafeAlloc()`, which can return a buffer smaller than requested. This leads to heap corruption and remote code execution.",
  },
  {
    id: "f12",
    kind: "fabricated",
    summary: "Hard-coded secret in cJSON",
    description:
      "cJSON 1.7.18 contains a hard-coded secret that `cJSON_InitHooks()` in `cJSON.c` uses to sign allocations. Attackers who know it can forge allocations. Severity: critical.",
  },
  {
    id: "f13",
    kind: "fabricated",
    summary: "Deep copy overflow seen in gdb",
    description:
      "Crash in cJSON 1.7.18 while duplicating:\n\n```\n#0  cJSON_DeepCopy (item=0x0, depth=1025) at cJSON.c:2890\n#1  0x00005555 in cJSON_Duplicate (item=0x5555, recurse=1) at cJSON.c:2760\n```",
  },
  {
    id: "f14",
    kind: "fabricated",
    summary: "Undefined behaviour in number printing",
    description:
      "UBSan reports on cJSON 1.7.18:\n\n```\ncJSON.c:3501:12: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'\n```\nAn attacker can exploit this for code execution.",
  },
  {
    id: "f15",
    kind: "fabricated",
    summary: "Fuzzer finds a crash in the parse harness",
    description: "The bundled fuzzer `tests/fuzz_parse.c:77` triggers a write past the buffer in cJSON 1.7.18 when given a long key.",
  },
  {
    id: "f16",
    kind: "fabricated",
    summary: "Regression in cJSON version 1.8.0",
    description: "In version 1.8.0 the `cJSON_Parse()` function stopped validating escapes, allowing injection of arbitrary objects.",
  },
  {
    id: "f17",
    kind: "fabricated",
    summary: "Use after free in cJSON_SetValuestring",
    description:
      "`cJSON_SetValuestring()` in cJSON.c frees the old string and then uses it at line 4021 (cJSON 1.7.18), a classic use after free exploitable for code execution.",
  },
  {
    id: "f18",
    kind: "fabricated",
    summary: "Invalid UTF-8 sequences overflow the decoder",
    description:
      "The internal helper `utf8_decode_sequence()` in `cJSON.c` of cJSON 1.7.18 trusts the length byte of a sequence and overflows the output buffer.",
  },
  {
    id: "f19",
    kind: "fabricated",
    summary: "Parser header declares an unsafe macro",
    description:
      "The header `cJSON_Parser.h` in cJSON 1.7.18 defines a buffer macro without bounds, so every caller is vulnerable to overflow.",
  },
  {
    id: "f20",
    kind: "fabricated",
    summary: "Overflow at the end of the parser",
    description:
      "See https://github.com/octo-org/cjson/blob/master/cJSON.c#L5120 — the final bounds check is missing, so a crafted document overflows the heap.",
  },
  {
    id: "f21",
    kind: "fabricated",
    summary: "Fast printer skips escaping",
    description:
      "`print_json_fast()` in `cJSON.c` (cJSON 1.7.18) skips escaping of control characters, enabling JSON injection into downstream systems.",
  },
  {
    id: "f22",
    kind: "fabricated",
    summary: "cJSON_Minify in the utilities corrupts memory",
    description:
      "`cJSON_Minify()` in `cJSON_Utils.c` writes past the input when minifying, in cJSON 1.7.18, leading to remote code execution.",
  },
];
