import { describe, expect, it } from "@jest/globals";
import { checkEnvironment } from "../../src/runtime/environment.js";

const credentials = { APP_ID: "4242", PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----", WEBHOOK_SECRET: "secret" };

/** The environment as the operator wrote it: Probot's declarations narrow LOG_LEVEL and LOG_FORMAT, the shell does not. */
const environment = (settings: Record<string, string>) => ({ ...credentials, ...settings }) as NodeJS.ProcessEnv;

describe("checkEnvironment: logging", () => {
  it.each([["info"], ["debug"], ["silent"]])("accepts LOG_LEVEL=%s", (level) => {
    expect(checkEnvironment(environment({ LOG_LEVEL: level }))).toEqual({ ready: true, problems: [] });
  });

  it("names a LOG_LEVEL pino does not know in one line instead of a stack trace", () => {
    expect(checkEnvironment(environment({ LOG_LEVEL: "verbose" })).problems).toEqual([
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
    ]);
  });

  it("refuses a LOG_FORMAT Probot would silently treat as json", () => {
    expect(checkEnvironment(environment({ LOG_FORMAT: "text" })).problems).toEqual(['LOG_FORMAT must be json or pretty, got "text"']);
    expect(checkEnvironment(environment({ LOG_FORMAT: "pretty" })).ready).toBe(true);
  });
});
