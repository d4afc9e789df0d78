import { describe, expect, it } from "@jest/globals";
import { checkEnvironment } from "../../src/runtime/environment.js";

/** Start-up validation of the metrics and body-limit settings: one line per problem, never the token itself. */

const credentials = { APP_ID: "4242", PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----", WEBHOOK_SECRET: "secret" };
const environment = (settings: Record<string, string>) => ({ ...credentials, ...settings }) as NodeJS.ProcessEnv;
const TOKEN = "0123456789abcdef0123456789abcdef";

describe("checkEnvironment: metrics", () => {
  it.each([
    [{ METRICS_TOKEN: TOKEN }],
    [{ METRICS_PORT: "9464" }],
    [{ METRICS_PORT: "9464", METRICS_HOST: "10.0.0.7", METRICS_TOKEN: `${TOKEN}+/_-.~==` }],
    [{ METRICS_PORT: "9464", METRICS_HOST: "::1" }],
    [{ WEBHOOK_MAX_BYTES: "27262976" }],
    // `METRICS_TOKEN=` left empty in an env file is unset, not a short token.
    [{ METRICS_TOKEN: "", METRICS_PORT: "", METRICS_HOST: "", WEBHOOK_MAX_BYTES: "" }],
  ])("accepts %j", (settings) => {
    expect(checkEnvironment(environment(settings))).toEqual({ ready: true, problems: [] });
  });

  it("names a short METRICS_TOKEN by its length, not its value", () => {
    const check = checkEnvironment(environment({ METRICS_TOKEN: "hunter2" }));
    expect(check).toEqual({ ready: false, problems: ["METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32), got 7"] });
  });

  it("refuses a token that cannot travel in a Bearer header unchanged", () => {
    expect(checkEnvironment(environment({ METRICS_TOKEN: `${TOKEN} with spaces` })).problems).toEqual([
      "METRICS_TOKEN may hold only letters, digits and - . _ ~ + / (with = only at the end), as a bearer token",
    ]);
  });

  it.each([["0"], ["65536"], ["http"], ["9464 "]])("refuses METRICS_PORT=%j", (port) => {
    expect(checkEnvironment(environment({ METRICS_PORT: port })).problems).toEqual([
      `METRICS_PORT must be a port number (1-65535), got "${port}"`,
    ]);
  });

  it("refuses METRICS_PORT equal to the webhook port", () => {
    expect(checkEnvironment(environment({ METRICS_PORT: "3000" })).problems).toEqual([
      "METRICS_PORT must differ from PORT (3000): metrics get a listener of their own",
    ]);
    expect(checkEnvironment(environment({ PORT: "8080", METRICS_PORT: "8080" })).problems).toEqual([
      "METRICS_PORT must differ from PORT (8080): metrics get a listener of their own",
    ]);
    expect(checkEnvironment(environment({ PORT: "8080", METRICS_PORT: "3000" })).ready).toBe(true);
  });

  it("refuses METRICS_HOST without METRICS_PORT, and a malformed one", () => {
    expect(checkEnvironment(environment({ METRICS_HOST: "0.0.0.0" })).problems).toEqual([
      "METRICS_HOST is set but METRICS_PORT is not: METRICS_HOST is where the metrics listener binds",
    ]);
    expect(checkEnvironment(environment({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0; rm" })).problems).toEqual([
      'METRICS_HOST must be an IP address or host name, got "0.0.0.0; rm"',
    ]);
  });

  it("lists every problem, one line each", () => {
    expect(checkEnvironment(environment({ METRICS_TOKEN: "x", METRICS_PORT: "99999", WEBHOOK_MAX_BYTES: "26MB" })).problems).toEqual([
      "METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32), got 1",
      'METRICS_PORT must be a port number (1-65535), got "99999"',
      'WEBHOOK_MAX_BYTES must be a whole number of bytes, at least 1048576 (GitHub sends webhooks of up to 25 MB), got "26MB"',
    ]);
  });
});
