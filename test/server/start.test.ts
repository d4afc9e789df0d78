import { spawn } from "node:child_process";
import { describe, expect, it } from "@jest/globals";

/** Starts the built server the way `npm start` does and collects its output until it listens or exits. */
function startServer(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["dist/server.js"], {
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", NO_SMEE_SETUP: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const finish = (code: number | null) => {
      clearTimeout(timer);
      resolve({ output, code });
    };
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
    }, 10_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Listening on")) child.kill("SIGTERM");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", finish);
  });
}

describe("npm start without credentials", () => {
  it("says exactly what to set and serves the setup page instead of crashing", async () => {
    const { output } = await startServer({ PORT: "39141" });
    expect(output).toContain("APP_ID is not set");
    expect(output).toContain("PRIVATE_KEY is not set");
    expect(output).toContain("WEBHOOK_SECRET is not set");
    expect(output).toContain("GHE_HOST (optional)");
    expect(output).toContain("http://localhost:39141/probot");
    expect(output).toContain("Listening on http://127.0.0.1:39141");
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it("stops with one line per problem in production", async () => {
    const { output, code } = await startServer({ PORT: "39142", NODE_ENV: "production", APP_ID: "abc" });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual([
      'disclosure-desk: APP_ID must be a number, got "abc"',
      "disclosure-desk: PRIVATE_KEY is not set: the App's private key in PEM form (or PRIVATE_KEY_PATH, a path to the .pem file)",
      "disclosure-desk: WEBHOOK_SECRET is not set: the webhook secret set in the App's settings",
    ]);
  });
});
