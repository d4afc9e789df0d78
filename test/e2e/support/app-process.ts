import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:net";

/**
 * Runs Disclosure Desk exactly as an operator does — `npm start` with environment variables — pointed at a local
 * GitHub stand-in through GHE_HOST, and sends it webhooks signed with the webhook secret.
 */

export interface AppProcess {
  url: string;
  port: number;
  pid: number | undefined;
  output(): string;
  sendWebhook(
    event: string,
    payload: unknown,
    options?: { deliveryId?: string; secret?: string },
  ): Promise<{ status: number; body: string }>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface AppProcessOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** `host:port` of the stand-in. */
  gitHubHost: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** How to start it; `npm start` unless a benchmark needs the node process itself. */
  command?: [string, ...string[]];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function signPayload(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export async function startApp(options: AppProcessOptions): Promise<AppProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    APP_ID: String(options.appId),
    PRIVATE_KEY: options.privateKey,
    WEBHOOK_SECRET: options.webhookSecret,
    GHE_HOST: options.gitHubHost,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    NODE_ENV: "production",
    GITHUB_THROTTLING: "off",
    NO_SMEE_SETUP: "true",
    SWEEP_INTERVAL_MINUTES: "0",
    ...options.env,
  };
  const [executable, ...args] = options.command ?? ["npm", "start", "--silent"];
  const child: ChildProcess = spawn(executable, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  while (!(await answersPing(url))) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before listening:\n${output}`);
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      throw new Error(`the app did not listen within the start timeout:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    port,
    pid: child.pid,
    output: () => output,
    async sendWebhook(event, payload, sendOptions = {}) {
      const body = JSON.stringify(payload);
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": sendOptions.deliveryId ?? crypto.randomUUID(),
          "x-hub-signature-256": signPayload(body, sendOptions.secret ?? options.webhookSecret),
        },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      return { status: response.status, body: await response.text() };
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      killGroup(child, signal);
      const timeout = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(timeout);
      return code;
    },
  };
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** `npm start` runs node as a child: signal the whole process group so neither is left behind. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
