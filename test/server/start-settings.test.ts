import { spawn } from "node:child_process";
import { describe, expect, it } from "@jest/globals";

/** `npm start` in production with a malformed metrics or body-limit setting: one line per problem, then exit 1. */

function startServer(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["dist/server.js"], {
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", NO_SMEE_SETUP: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => child.kill("SIGTERM"), 10_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Listening on")) child.kill("SIGTERM");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

describe("npm start with malformed metrics and body-limit settings", () => {
  it("stops in production with one line per problem, never printing the token", async () => {
    const shortToken = "too-short-token";
    const { output, code } = await startServer({
      PORT: "39143",
      NODE_ENV: "production",
      APP_ID: "4242",
      PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----",
      WEBHOOK_SECRET: "secret",
      METRICS_TOKEN: shortToken,
      METRICS_PORT: "39143",
      WEBHOOK_MAX_BYTES: "25MB",
    });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual([
      "disclosure-desk: METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32), got 15",
      "disclosure-desk: METRICS_PORT must differ from PORT (39143): metrics get a listener of their own",
      'disclosure-desk: WEBHOOK_MAX_BYTES must be a whole number of bytes, at least 1048576 (GitHub sends webhooks of up to 25 MB), got "25MB"',
    ]);
    expect(output).not.toContain(shortToken);
  });
});
