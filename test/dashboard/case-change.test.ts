import { afterEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { handleCaseChange } from "../../src/handlers/dashboard-case-change.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import type { IssueObject } from "../fixtures/github-objects.js";
import { organizationObject } from "../fixtures/github-objects.js";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { testTrust } from "../helpers/probot.js";
import { dashboardWorld, type DashboardWorld } from "./world.js";

/**
 * The dashboard refreshed after a case change, through Probot's webhook entry against the stand-in: a burst of
 * edits to the app's tracking issues costs one refresh; an issue someone else opened, or the dashboard's own edit,
 * costs none.
 */

const DEBOUNCE_MS = 40;
let world: DashboardWorld;

afterEach(async () => {
  await world.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function receiveEdit(probot: Probot, issue: IssueObject): Promise<void> {
  const installation = { id: world.installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" };
  const payload = {
    action: "edited",
    issue,
    changes: { body: { from: "" } },
    repository: world.tracking.repository,
    organization: organizationObject("octo-org", world.tracking.repository.owner.id),
    installation,
    sender: world.github.state.app!.bot,
  };
  expect(validateWebhookPayload("issues", payload)).toEqual([]);
  await probot.receive({ id: `edit-${issue.number}-${Math.random()}`, name: "issues", payload } as Parameters<Probot["receive"]>[0]);
}

function loadHandler(): Probot {
  const dependencies = {
    cache: createGatewayCache(),
    locks: createInProcessLocks(),
    now: () => Date.parse("2026-12-01T09:00:00Z"),
    platform: { advisories: true },
    trust: testTrust,
  };
  void world.probot.load((app) => {
    app.on(["issues.opened", "issues.edited", "issues.closed", "issues.reopened"], handleCaseChange(dependencies, DEBOUNCE_MS));
  });
  return world.probot;
}

const dashboardListings = () =>
  world.github.journal.of("issues/list-for-repo").filter((entry) => entry.query.labels === "disclosure-dashboard");

describe("the dashboard after a case change", () => {
  it("refreshes once after a burst of changes to the app's cases", async () => {
    world = await dashboardWorld();
    const first = world.seedCase("GHSA-aaaa-bbbb-0001", "[GHSA-aaaa-bbbb-0001] Open redirect", "2026-11-25T09:00:00.000Z");
    const second = world.seedCase("GHSA-aaaa-bbbb-0002", "[GHSA-aaaa-bbbb-0002] SQL injection", "2026-11-26T09:00:00.000Z", {
      state: "accepted",
      firstResponseAt: "2026-11-27T09:00:00.000Z",
      triagedAt: "2026-11-27T09:00:00.000Z",
    });
    const probot = loadHandler();

    await receiveEdit(probot, first);
    await receiveEdit(probot, second);
    await receiveEdit(probot, first);
    for (let waited = 0; waited < 3_000 && world.dashboards().length === 0; waited += 20) await pause(20);
    await pause(DEBOUNCE_MS * 3);

    expect(world.dashboards()).toHaveLength(1);
    expect(world.dashboards()[0]?.body).toContain("## 🟠 Due soon");
    expect(dashboardListings()).toHaveLength(1);
  });

  it("is not moved by an issue someone else opened, nor by the dashboard's own edit", async () => {
    world = await dashboardWorld();
    world.seedCase("GHSA-aaaa-bbbb-0001", "[GHSA-aaaa-bbbb-0001] Open redirect", "2026-11-25T09:00:00.000Z");
    const lookAlike = world.github.state.createIssue(world.tracking, {
      title: "[GHSA-zzzz] fake",
      body: "",
      labels: ["disclosure"],
      user: world.github.state.seedUser("mallory"),
    });
    const dashboard = world.github.state.createIssue(world.tracking, {
      title: "Disclosure dashboard",
      body: "",
      labels: ["disclosure-dashboard"],
      user: world.github.state.app!.bot,
    });
    const probot = loadHandler();

    await receiveEdit(probot, lookAlike);
    await receiveEdit(probot, dashboard);
    await pause(DEBOUNCE_MS * 5);
    expect(dashboardListings()).toEqual([]);
    expect(dashboard.body).toBe("");
  });
});
