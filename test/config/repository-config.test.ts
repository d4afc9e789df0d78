import { execFileSync } from "node:child_process";
import { describe, expect, it } from "@jest/globals";
import { gitBlobSha, loadRepositoryConfig, type ConfigFileRef } from "../../src/config/repository-config.js";

function reader(files: Record<string, string>) {
  const reads: string[] = [];
  const read = async (ref: ConfigFileRef) => {
    const id = `${ref.owner}/${ref.repo}:${ref.path}`;
    reads.push(id);
    return files[id] ?? null;
  };
  return { read, reads };
}

describe("loadRepositoryConfig", () => {
  it("computes the same blob SHA as git", () => {
    const text = "language: nl\npolicy:\n  name: Beleid ë\n";
    const expected = execFileSync("git", ["hash-object", "--stdin"], { input: text }).toString().trim();
    expect(gitBlobSha(text)).toBe(expected);
  });

  it("uses the repository's own file and pins its blob SHA", async () => {
    const text = "tracking:\n  repository: octo-org/cases\n";
    const { read, reads } = reader({ "octo-org/app:.github/disclosure.yml": text });
    const loaded = await loadRepositoryConfig(read, { owner: "octo-org", repo: "app" });
    expect(reads).toEqual(["octo-org/app:.github/disclosure.yml"]);
    expect(loaded.config.tracking.repository).toBe("octo-org/cases");
    expect(loaded.policyVersion).toBe(gitBlobSha(text));
    expect(loaded.errors).toEqual([]);
  });

  it("falls back to the organisation's .github repository", async () => {
    const { read, reads } = reader({ "octo-org/.github:.github/disclosure.yml": "language: nl\n" });
    const loaded = await loadRepositoryConfig(read, { owner: "octo-org", repo: "app" });
    expect(reads).toEqual(["octo-org/app:.github/disclosure.yml", "octo-org/.github:.github/disclosure.yml"]);
    expect(loaded.config.language).toBe("nl");
  });

  it("follows _extends, the extending file winning and lists replaced", async () => {
    const { read } = reader({
      "octo-org/app:.github/disclosure.yml":
        "_extends: security-policy:policies/base.yml\nsla:\n  response:\n    businessDays: 3\nconduct: [spam]\n",
      "octo-org/security-policy:policies/base.yml": "language: nl\nsla:\n  resolution:\n    days: 30\nconduct: [ddos, physical-attack]\n",
    });
    const loaded = await loadRepositoryConfig(read, { owner: "octo-org", repo: "app" });
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.language).toBe("nl");
    expect(loaded.config.sla.response.businessDays).toBe(3);
    expect(loaded.config.sla.resolution?.days).toBe(30);
    expect(loaded.config.conduct).toEqual(["spam"]);
    expect(loaded.files.map((file) => file.repo)).toEqual(["app", "security-policy"]);
    expect(loaded.policyVersion).toMatch(/^[0-9a-f]{40}\+[0-9a-f]{40}$/);
  });

  it("reports an extends loop and an error in the base file with its own file and line", async () => {
    const { read } = reader({
      "octo-org/app:.github/disclosure.yml": "_extends: base\n",
      "octo-org/base:.github/disclosure.yml": "_extends: app\nlanguage: fr\n",
    });
    const loaded = await loadRepositoryConfig(read, { owner: "octo-org", repo: "app" });
    expect(loaded.errors).toEqual([
      expect.objectContaining({ path: "_extends", message: expect.stringContaining("loop") }),
      expect.objectContaining({ path: "language", file: "octo-org/base:.github/disclosure.yml", line: 2 }),
    ]);
  });

  it("has no policy version when no file exists", async () => {
    const { read } = reader({});
    const loaded = await loadRepositoryConfig(read, { owner: "octo-org", repo: "app" });
    expect(loaded.policyVersion).toBeNull();
    expect(loaded.config.language).toBe("en");
  });
});
