import { describe, expect, it } from "@jest/globals";
import {
  MAX_CONFIG_ALIAS_COUNT,
  MAX_CONFIG_DEPTH,
  MAX_CONFIG_FILE_BYTES,
  MAX_CONFIG_SECTION_VALUES,
} from "../../src/config/config-document.js";
import { parseConfigText } from "../../src/config/load.js";
import { loadRepositoryConfig, type ConfigFileRef } from "../../src/config/repository-config.js";

const tracking = "tracking:\n  repository: octo-org/security-cases\n";

/** "Billion laughs": nine anchors, each a list of nine aliases to the one before, 9^9 values once expanded. */
function aliasBomb(key: string): string {
  const lines = ["bomb: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let level = 1; level <= 8; level++) {
    lines.push(`bomb${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(", ")}]`);
  }
  lines.push(`${key}: [*l8]`);
  return `${lines.join("\n")}\n`;
}

/** Anchors written under a key the schema knows, so that building that section is where the aliases expand. */
function aliasBombInSection(): string {
  const anchors = ["    - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let level = 1; level <= 8; level++) {
    anchors.push(`    - &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(", ")}]`);
  }
  return `${tracking}exclusions:\n  - id: laughs\n    match:\n${anchors.join("\n")}\n`;
}

describe("config files that could hang or crash the loader are config errors", () => {
  it("reports an alias bomb in one section and keeps the other sections", () => {
    const { config, errors } = parseConfigText(aliasBombInSection(), "disclosure.yml");
    expect(errors).toEqual([
      {
        file: "disclosure.yml",
        path: "exclusions",
        line: 3,
        column: 1,
        message: `its YAML aliases expand more than the limit of ${MAX_CONFIG_ALIAS_COUNT} allows (an alias bomb); write the values out`,
      },
    ]);
    expect(config.tracking.repository).toBe("octo-org/security-cases");
    expect(config.exclusions).toEqual([]);
  });

  it("reports an alias bomb whose anchors sit under unknown keys, where the aliases are used", () => {
    const { config, errors } = parseConfigText(`${tracking}${aliasBomb("conduct")}`, "disclosure.yml");
    expect(errors.find((error) => error.path === "conduct")).toMatchObject({
      line: 12,
      message: expect.stringContaining(`limit of ${MAX_CONFIG_ALIAS_COUNT}`),
    });
    expect(errors.filter((error) => error.path.startsWith("bomb")).map((error) => error.message)).toEqual(
      Array.from({ length: 9 }, () => expect.stringMatching(/^unknown key/)),
    );
    expect(config.tracking.repository).toBe("octo-org/security-cases");
  });

  it("accepts aliases used within the limit (control)", () => {
    const text = `${tracking}scope:\n  assets: &hosts [example.org, '*.example.org']\n  codebases:\n    - { name: site, assets: *hosts }\n    - { name: api, assets: *hosts }\n`;
    const { config, errors } = parseConfigText(text);
    expect(errors).toEqual([]);
    expect(config.scope.codebases.map((codebase) => codebase.assets)).toEqual([
      ["example.org", "*.example.org"],
      ["example.org", "*.example.org"],
    ]);
  });

  it("refuses a section that expands to more values than the limit, aliases counted at every use", () => {
    const hosts = Array.from({ length: 300 }, (_, index) => `h${index}.example.org`).join(", ");
    const uses = Array.from({ length: 80 }, () => "{ name: x, assets: *hosts }").join(", ");
    const text = `${tracking}scope:\n  assets: &hosts [${hosts}]\n  codebases: [${uses}]\n`;
    const { config, errors } = parseConfigText(text);
    expect(errors).toEqual([
      expect.objectContaining({
        path: "scope",
        line: 3,
        message: `its values expand to more than the limit of ${MAX_CONFIG_SECTION_VALUES} (YAML aliases count at every use)`,
      }),
    ]);
    expect(config.scope.assets).toEqual([]);
    expect(config.tracking.repository).toBe("octo-org/security-cases");
  });

  it.each([
    ["flow lists", `scope: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`],
    ["unclosed flow lists", `scope: ${"[".repeat(128_000)}\n`],
    ["flow maps", `scope: ${"{a: ".repeat(40_000)}b${"}".repeat(40_000)}\n`],
    ["compact block lists", `scope:\n  ${"- ".repeat(100_000)}x\n`],
    ["explicit keys", `${"? ".repeat(100_000)}x\n`],
  ])("refuses %s nested deeper than the limit, before YAML builds them", (_shape, text) => {
    const { config, errors } = parseConfigText(text, "disclosure.yml");
    expect(errors).toEqual([
      expect.objectContaining({
        file: "disclosure.yml",
        line: expect.any(Number),
        message: `lists and maps are nested more than ${MAX_CONFIG_DEPTH} levels deep, over the limit for a config file`,
      }),
    ]);
    expect(config.tracking.repository).toBeUndefined();
  });

  it("accepts nesting up to the limit (control)", () => {
    const depth = MAX_CONFIG_DEPTH - 1; // the file's own top-level map is the first level
    const text = `${tracking}policy: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    const { config, errors } = parseConfigText(text);
    expect(errors).toEqual([expect.objectContaining({ path: "policy", message: expect.not.stringContaining("nested") })]);
    expect(config.tracking.repository).toBe("octo-org/security-cases");
    const oneDeeper = parseConfigText(`${tracking}policy: ${"[".repeat(depth + 1)}${"]".repeat(depth + 1)}\n`);
    expect(oneDeeper.errors).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining(`nested more than ${MAX_CONFIG_DEPTH} levels deep`) }),
    ]);
  });

  it("refuses nesting that aliases build beyond the limit, and an alias that contains itself", () => {
    const inner = `${"[".repeat(20)}x${"]".repeat(20)}`;
    const deep = parseConfigText(`${tracking}bomb: &deep ${inner}\nscope: { assets: ${"[".repeat(20)}*deep${"]".repeat(20)} }\n`);
    expect(deep.errors.find((error) => error.path === "scope")?.message).toBe(
      `lists and maps are nested more than ${MAX_CONFIG_DEPTH} levels deep, over the limit for a config file`,
    );
    const cycle = parseConfigText(`${tracking}scope: &loop { assets: [*loop] }\n`);
    expect(cycle.errors).toEqual([
      expect.objectContaining({ path: "scope", line: 3, message: expect.stringContaining(`${MAX_CONFIG_DEPTH} levels deep`) }),
    ]);
    expect(cycle.config.tracking.repository).toBe("octo-org/security-cases");
  });

  it("refuses a file over the size limit without parsing it", () => {
    const text = `${tracking}# ${"x".repeat(MAX_CONFIG_FILE_BYTES)}\n`;
    const { config, errors } = parseConfigText(text, "disclosure.yml");
    expect(errors).toEqual([
      {
        file: "disclosure.yml",
        path: "",
        message: `the file is 257 KiB, over the limit of ${MAX_CONFIG_FILE_BYTES / 1024} KiB for a config file`,
      },
    ]);
    expect(config.tracking.repository).toBeUndefined();
    expect(parseConfigText(`${tracking}# ${"x".repeat(MAX_CONFIG_FILE_BYTES - 100)}\n`).errors).toEqual([]);
  });

  it("counts the size in bytes, as the limit is written", () => {
    const text = `${tracking}# ${"ë".repeat(MAX_CONFIG_FILE_BYTES / 2)}\n`;
    expect(parseConfigText(text).errors[0]?.message).toContain(`over the limit of ${MAX_CONFIG_FILE_BYTES / 1024} KiB`);
  });

  it.each([
    ["a list", "- tracking\n- sla\n", "found a list"],
    ["a single value", "octo-org/security-cases\n", "found a single value"],
  ])("refuses a document that is %s instead of keys", (_kind, text, found) => {
    const { config, errors } = parseConfigText(text, "disclosure.yml");
    expect(errors).toEqual([
      { file: "disclosure.yml", path: "", line: 1, column: 1, message: `expected keys such as "tracking:" at the top level, ${found}` },
    ]);
    expect(config.tracking.repository).toBeUndefined();
  });

  it("refuses a second YAML document and a top-level key that is not a name", () => {
    expect(parseConfigText(`${tracking}---\nlanguage: nl\n`).errors).toEqual([
      expect.objectContaining({ line: 3, message: "a config file holds one YAML document; found a second after ---" }),
    ]);
    const complexKey = parseConfigText(`${tracking}? [a, b]\n: c\n`);
    expect(complexKey.errors).toEqual([expect.objectContaining({ line: 3, message: "a top-level key must be a name such as tracking" })]);
    expect(complexKey.config.tracking.repository).toBe("octo-org/security-cases");
  });

  it("reports invalid YAML with its line", () => {
    const { errors } = parseConfigText(`${tracking}sla: { response: [ }\n`);
    expect(errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^YAML syntax/) });
  });
});

describe("a repository's config chain with hostile files", () => {
  function reader(files: Record<string, string>) {
    return async (ref: ConfigFileRef) => files[`${ref.owner}/${ref.repo}:${ref.path}`] ?? null;
  }

  it("reports an alias bomb in an extended file under that file's name and keeps the extending file", async () => {
    const loaded = await loadRepositoryConfig(
      reader({
        "octo-org/app:.github/disclosure.yml": `_extends: .github\n${tracking}`,
        "octo-org/.github:.github/disclosure.yml": aliasBombInSection().replace(tracking, "language: nl\n"),
      }),
      { owner: "octo-org", repo: "app" },
    );
    expect(loaded.errors).toEqual([
      expect.objectContaining({
        file: "octo-org/.github:.github/disclosure.yml",
        path: "exclusions",
        message: expect.stringContaining("alias bomb"),
      }),
    ]);
    expect(loaded.config.tracking.repository).toBe("octo-org/security-cases");
    expect(loaded.config.language).toBe("nl");
  });

  it("falls back to safe defaults, advisory-only, when the whole file is unusable, and still pins it", async () => {
    const text = `${tracking}sla: ${"[".repeat(50_000)}\n`;
    const loaded = await loadRepositoryConfig(reader({ "octo-org/app:.github/disclosure.yml": text }), { owner: "octo-org", repo: "app" });
    expect(loaded.errors).toEqual([
      expect.objectContaining({
        file: "octo-org/app:.github/disclosure.yml",
        message: expect.stringContaining(`${MAX_CONFIG_DEPTH} levels deep`),
      }),
    ]);
    expect(loaded.config.tracking.repository).toBeUndefined();
    expect(loaded.policyVersion).toMatch(/^[0-9a-f]{40}$/);
  });

  it("reports an _extends value that is not a name, a missing target and a non-mapping base file", async () => {
    const loaded = await loadRepositoryConfig(
      reader({
        "octo-org/app:.github/disclosure.yml": `_extends: base\n${tracking}`,
        "octo-org/base:.github/disclosure.yml": "- just\n- a list\n",
        "octo-org/other:.github/disclosure.yml": "_extends: [a, b]\n",
        "octo-org/third:.github/disclosure.yml": "_extends: nowhere\n",
      }),
      { owner: "octo-org", repo: "app" },
    );
    expect(loaded.errors).toEqual([
      expect.objectContaining({ file: "octo-org/base:.github/disclosure.yml", message: expect.stringContaining("found a list") }),
    ]);
    expect(loaded.config.tracking.repository).toBe("octo-org/security-cases");

    const notAName = await loadRepositoryConfig(reader({ "octo-org/other:.github/disclosure.yml": "_extends: [a, b]\n" }), {
      owner: "octo-org",
      repo: "other",
    });
    expect(notAName.errors).toEqual([expect.objectContaining({ path: "_extends", message: expect.stringContaining("cannot extend") })]);
    const missing = await loadRepositoryConfig(reader({ "octo-org/third:.github/disclosure.yml": "_extends: nowhere\n" }), {
      owner: "octo-org",
      repo: "third",
    });
    expect(missing.errors).toEqual([expect.objectContaining({ path: "_extends", message: "nowhere has no .github/disclosure.yml" })]);
  });
});

describe("a key named __proto__", () => {
  it("is an unknown key like any other, in one file and through _extends, and sets no prototype", async () => {
    const text = "__proto__: { tracking: { repository: octo-org/elsewhere } }\nlanguage: nl\n";
    const single = parseConfigText(text, "disclosure.yml");
    expect(single.errors).toEqual([
      expect.objectContaining({ path: "__proto__", line: 1, message: expect.stringMatching(/^unknown key/) }),
    ]);
    expect(single.config.tracking.repository).toBeUndefined();
    expect(single.config.language).toBe("nl");

    const files: Record<string, string> = {
      "octo-org/app:.github/disclosure.yml": `_extends: base\n${text}`,
      "octo-org/base:.github/disclosure.yml": "__proto__: { a: 1 }\n",
    };
    const chained = await loadRepositoryConfig(async (ref) => files[`${ref.owner}/${ref.repo}:${ref.path}`] ?? null, {
      owner: "octo-org",
      repo: "app",
    });
    expect(chained.errors.map((error) => error.path)).toEqual(["__proto__"]);
    expect(chained.config.tracking.repository).toBeUndefined();
    expect(Object.getPrototypeOf(chained.config)).toBe(Object.prototype);
  });
});
