import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Jest runs many test files in one worker process, and nock patches that process's `node:http`. A file that imports
 * nock and does not restore it leaves the next files in its worker talking through nock's interceptor, where a
 * keep-alive agent opens a new connection per request and the transport tests measure nock instead of Node.
 */

const testRoot = fileURLToPath(new URL("..", import.meta.url));

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const RESTORES_NOCK = /afterAll\(\s*(?:async\s*)?\(\)\s*=>\s*\{[^}]*\bnock\.restore\(\)/;

describe("test isolation", () => {
  const usingNock = testFiles(testRoot).filter((path) => /from "nock"/.test(readFileSync(path, "utf8")));

  it("finds the test files that use nock", () => {
    expect(usingNock.length).toBeGreaterThan(0);
  });

  it("every test file that uses nock restores Node's http after its last test", () => {
    const leaking = usingNock.filter((path) => !RESTORES_NOCK.test(readFileSync(path, "utf8"))).map((path) => relative(testRoot, path));
    expect(leaking).toEqual([]);
  });

  it("tells a file that restores nock from one that does not", () => {
    expect(RESTORES_NOCK.test("afterAll(() => {\n  nock.restore();\n});")).toBe(true);
    expect(RESTORES_NOCK.test("afterEach(() => {\n  nock.cleanAll();\n});")).toBe(false);
    expect(RESTORES_NOCK.test("afterAll(() => {\n  nock.cleanAll();\n});")).toBe(false);
  });
});
