import { describe, expect, it } from "@jest/globals";
import { detectPlatform, platformLogLine } from "../../src/runtime/platform.js";

const never = async (): Promise<string | undefined> => {
  throw new Error("GitHub must not be asked without GHE_HOST");
};

describe("detectPlatform", () => {
  it("takes github.com without asking anything when GHE_HOST is not set", async () => {
    expect(await detectPlatform(undefined, never)).toEqual({ kind: "github.com", advisories: true });
  });

  it("recognises GitHub Enterprise Server by the version header only it sends", async () => {
    expect(await detectPlatform("github.example.com", async () => "3.19.2")).toEqual({
      kind: "enterprise-server",
      host: "github.example.com",
      version: "3.19.2",
      advisories: false,
    });
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
  ])("keeps advisories on a GHE_HOST that sends %s", async (_name, header) => {
    expect(await detectPlatform("127.0.0.1:8080", async () => header)).toEqual({
      kind: "other-host",
      host: "127.0.0.1:8080",
      advisories: true,
    });
  });

  it("assumes advisories and says why when GitHub does not answer", async () => {
    const platform = await detectPlatform("github.example.com", async () => {
      throw new Error("connect ECONNREFUSED");
    });
    expect(platform).toEqual({ kind: "undetected", host: "github.example.com", advisories: true, reason: "connect ECONNREFUSED" });
    expect(platformLogLine(platform)).toMatchObject({ level: "warn", fields: { reason: "connect ECONNREFUSED" } });
  });
});

describe("platformLogLine", () => {
  it("says private-issue mode, with the version, on GitHub Enterprise Server", () => {
    const line = platformLogLine({ kind: "enterprise-server", host: "github.example.com", version: "3.19.2", advisories: false });
    expect(line.level).toBe("info");
    expect(line.message).toContain("private-issue mode");
    expect(line.fields).toEqual({ platform: "enterprise-server", host: "github.example.com", version: "3.19.2", advisories: false });
  });

  it("says advisories are used on github.com", () => {
    expect(platformLogLine({ kind: "github.com", advisories: true })).toEqual({
      level: "info",
      fields: { platform: "github.com", advisories: true },
      message: "running with repository security advisories",
    });
  });
});
