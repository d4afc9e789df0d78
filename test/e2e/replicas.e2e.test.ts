import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { haveRedisServer, startRedis } from "./support/redis.js";
import { startWorld, type World } from "./support/world.js";

jest.setTimeout(120_000);

if (!haveRedisServer) console.warn("replica tests skipped: redis-server is not on PATH (apt-get install -y redis-server)");
const withRedis = haveRedisServer ? describe : describe.skip;

let world: World | undefined;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;

afterEach(async () => {
  await world?.stop();
  await redis?.stop();
  world = undefined;
  redis = undefined;
});

withRedis("two replicas sharing Redis", () => {
  it("behave as one: every delivery sent to both at once opens exactly one case and one acknowledgement", async () => {
    redis = await startRedis();
    // Search lags far behind: only the shared recent-case index and the shared lock can prevent duplicates.
    world = await startWorld({ replicas: 2, searchIndexLagMs: 60_000, appEnv: { REDIS_URL: redis.url } });
    const [first, second] = world.apps;
    const reports = [0, 1, 2, 3].map((index) => world!.newReport(index));

    const responses = await Promise.all(
      reports.flatMap((payload, index) => [
        first!.sendWebhook("repository_advisory", payload, { deliveryId: `replicated-${index}` }),
        second!.sendWebhook("repository_advisory", payload, { deliveryId: `replicated-${index}` }),
      ]),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    const tracking = world.github.state.repositories.get(world.fixture.trackingRepository);
    const advisories = world.github.state.repositories.get(world.fixture.advisoryRepository);
    for (const payload of reports) {
      const ghsaId = payload.repository_advisory.ghsa_id;
      expect([...(tracking?.issues.values() ?? [])].filter((issue) => issue.title.startsWith(ghsaId))).toHaveLength(1);
      expect(advisories?.advisoryComments.get(ghsaId) ?? []).toHaveLength(1);
    }
    const readiness = await (await fetch(`${first!.url}/readyz`)).json();
    expect(readiness).toMatchObject({ status: "ready", checks: ["github", "redis"] });
  });
});
