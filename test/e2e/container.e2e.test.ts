import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { seedFixtureWorld } from "../harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../harness/standin/server.js";
import { freePort } from "./support/app-process.js";
import { WEBHOOK_SECRET } from "./support/world.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

jest.setTimeout(900_000);

const repositoryFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), "utf8");

/** The instructions of the Dockerfile's last stage (the image that runs), continuation lines joined. */
function runtimeStage(dockerfile: string): string[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const lastFrom = instructions.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return instructions.slice(lastFrom);
}

describe("the Dockerfile's essentials", () => {
  const dockerfile = repositoryFile("Dockerfile");
  const runtime = runtimeStage(dockerfile);

  it("builds in its own stage and runs production dependencies only", () => {
    expect(dockerfile.match(/^FROM\s/gim)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(runtime).toContainEqual(expect.stringMatching(/^RUN npm ci --omit=dev --ignore-scripts\b/));
    expect(runtime).toContainEqual(expect.stringMatching(/^COPY --from=build \/app\/dist \.\/dist$/));
    // Messages are rendered from templates/ at run time: without them the first intake fails.
    expect(runtime).toContain("COPY templates ./templates");
    // Containment and triage read the model weights from models/ on first use.
    expect(runtime).toContain("COPY models ./models");
    expect(runtime).toContainEqual(expect.stringMatching(/^ENV .*NODE_ENV=production/));
  });

  it("runs as an unprivileged user, checks /healthz, and starts the server the npm start script names", () => {
    const users = runtime.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|$)/i);
    const healthcheck = runtime.find((line) => /^HEALTHCHECK\s/i.test(line));
    expect(healthcheck).toContain("/healthz");

    const start = (JSON.parse(repositoryFile("package.json")) as { scripts: { start: string } }).scripts.start;
    expect(start).toMatch(/^node (?:--[a-z-]+=\d+ )*dist\/server\.js$/);
    expect(runtime.at(-1)).toBe(`CMD ${JSON.stringify(start.split(" "))}`.replace(/,/g, ", "));
  });

  it("keeps credentials and local builds out of the build context", () => {
    const ignored = repositoryFile(".dockerignore")
      .split("\n")
      .map((line) => line.trim());
    for (const entry of [".env", "*.pem", "node_modules", "dist", ".git"]) expect(ignored).toContain(entry);
  });

  it("composes the app with Redis and gives shutdown more time than the server's 25 s bound", () => {
    const compose = repositoryFile("docker-compose.yml");
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(compose).toMatch(/NODE_ENV: production/);
    const grace = /stop_grace_period: (\d+)s/.exec(compose);
    expect(Number(grace?.[1])).toBeGreaterThan(25);
  });
});

/** Whether a Docker engine answers (the client alone is not enough), and why not. */
function dockerEngine(): { available: true } | { available: false; reason: string } {
  const info = spawnSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8", timeout: 15_000 });
  if (info.error) return { available: false, reason: `the docker client cannot run (${info.error.message})` };
  if (info.status !== 0)
    return { available: false, reason: `no Docker engine answers \`docker info\` (${(info.stderr || info.stdout).trim().split("\n")[0]})` };
  return { available: true };
}

const engine = dockerEngine();
if (!engine.available) console.warn(`container test skipped: ${engine.reason}`);
const withDocker = engine.available ? describe : describe.skip;
const image = `disclosure-desk-test:${process.pid}`;

withDocker(`the container${engine.available ? "" : ` (skipped: ${engine.reason})`}`, () => {
  let github: StandIn | undefined;
  let container: string | undefined;

  afterAll(async () => {
    if (container) spawnSync("docker", ["rm", "--force", container], { timeout: 60_000 });
    spawnSync("docker", ["image", "rm", "--force", image], { timeout: 60_000 });
    await github?.close();
  });

  it("builds, answers /healthz and /readyz against GitHub, and exits 0 on docker stop", async () => {
    const build = spawnSync("docker", ["build", "--tag", image, "."], {
      cwd: new URL("../..", import.meta.url),
      encoding: "utf8",
      timeout: 600_000,
    });
    expect(build.status).toBe(0);

    github = await startStandIn();
    const fixture = seedFixtureWorld(github.state, { config: policyYaml(openworxShort("octo-org/security-cases")) });
    const port = await freePort();
    // Host networking: the container reaches the stand-in on 127.0.0.1, and nothing listens beyond this machine.
    const run = spawnSync(
      "docker",
      [
        "run",
        "--detach",
        "--network",
        "host",
        "--env",
        `APP_ID=${fixture.app.id}`,
        "--env",
        `PRIVATE_KEY=${fixture.app.keys.privateKey}`,
        "--env",
        `WEBHOOK_SECRET=${WEBHOOK_SECRET}`,
        "--env",
        `GHE_HOST=${new URL(github.url).host}`,
        "--env",
        "GHE_PROTOCOL=http",
        "--env",
        "GITHUB_THROTTLING=off",
        "--env",
        "HOST=127.0.0.1",
        "--env",
        `PORT=${port}`,
        "--env",
        "SWEEP_INTERVAL_MINUTES=0",
        image,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    container = run.stdout.trim();

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    let health: Response | undefined;
    while (Date.now() < deadline) {
      health = await fetch(`${url}/healthz`).catch(() => undefined);
      if (health?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(health?.status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(spawnSync("docker", ["exec", container, "id", "-u"], { encoding: "utf8" }).stdout.trim()).not.toBe("0");

    expect(spawnSync("docker", ["stop", "--time", "30", container], { timeout: 60_000 }).status).toBe(0);
    expect(spawnSync("docker", ["inspect", "--format", "{{.State.ExitCode}}", container], { encoding: "utf8" }).stdout.trim()).toBe("0");
  });
});
