import { metricsSettingProblems } from "./metrics-access.js";
import { webhookMaxBytesProblems } from "./webhook-body-limit.js";

/**
 * What the server needs from its environment, checked before Probot starts so that a missing setting is one clear
 * line rather than a stack trace.
 */
export interface EnvironmentCheck {
  /** Credentials are complete: the app can receive webhooks. */
  ready: boolean;
  problems: string[];
}

export const REQUIRED_SETTINGS = [
  { name: "APP_ID", what: "the GitHub App's id (App settings → General → App ID)" },
  { name: "PRIVATE_KEY", what: "the App's private key in PEM form (or PRIVATE_KEY_PATH, a path to the .pem file)" },
  { name: "WEBHOOK_SECRET", what: "the webhook secret set in the App's settings" },
] as const;

export function checkEnvironment(env: NodeJS.ProcessEnv): EnvironmentCheck {
  const problems: string[] = [];
  if (!env.APP_ID) problems.push(`APP_ID is not set: ${REQUIRED_SETTINGS[0].what}`);
  else if (!/^\d+$/.test(env.APP_ID)) problems.push(`APP_ID must be a number, got "${env.APP_ID}"`);
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) problems.push(`PRIVATE_KEY is not set: ${REQUIRED_SETTINGS[1].what}`);
  if (!env.WEBHOOK_SECRET) problems.push(`WEBHOOK_SECRET is not set: ${REQUIRED_SETTINGS[2].what}`);
  if (env.GHE_PROTOCOL && !["http", "https"].includes(env.GHE_PROTOCOL)) {
    problems.push(`GHE_PROTOCOL must be http or https, got "${env.GHE_PROTOCOL}"`);
  }
  if (env.PORT && !/^\d+$/.test(env.PORT)) problems.push(`PORT must be a number, got "${env.PORT}"`);
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) problems.push(`REDIS_URL must start with redis:// or rediss://`);
  if (env.SWEEP_INTERVAL_MINUTES && !/^\d+$/.test(env.SWEEP_INTERVAL_MINUTES)) {
    problems.push(
      `SWEEP_INTERVAL_MINUTES must be a whole number of minutes (0 turns the in-server sweep off), got "${env.SWEEP_INTERVAL_MINUTES}"`,
    );
  }
  if (env.LOG_LEVEL && !LOG_LEVELS.includes(env.LOG_LEVEL))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  if (env.LOG_FORMAT && !["json", "pretty"].includes(env.LOG_FORMAT))
    problems.push(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  problems.push(...metricsSettingProblems(env));
  problems.push(...webhookMaxBytesProblems(env));
  return { ready: problems.length === 0, problems };
}

/** pino's levels, which Probot's LOG_LEVEL takes; another value would stop the server with a stack trace. */
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

export function setupInstructions(check: EnvironmentCheck, port: string): string[] {
  return [
    "Disclosure Desk needs its GitHub App settings:",
    ...check.problems.map((problem) => `  - ${problem}`),
    "  - GHE_HOST (optional): your GitHub Enterprise host name, e.g. github.example.com",
    "",
    "To register a new GitHub App from app.yml, open the setup page below in a browser (Probot's manifest flow):",
    "it creates the App on GitHub and writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env. Then restart.",
    `Setup page: http://localhost:${port}/probot`,
    "Or set the variables yourself (see .env.example) and restart.",
  ];
}
