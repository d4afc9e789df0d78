import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "@jest/globals";
import { Probot } from "probot";
import { disclosureDesk } from "../../src/app.js";
import { createLoggerTo, REDACTED } from "../../src/runtime/logger.js";
import { repositoryAdvisoryReportedPayload } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";
import { testDependencies, TestOctokit, testPrivateKey } from "../helpers/probot.js";

/**
 * What an operator's log shows of a case: JSON lines (LOG_FORMAT=json is pino's own output) that each carry the
 * delivery id and the case key, and the decision with its labels and reasons — and never the report itself nor a
 * researcher's e-mail address.
 */

const trackingRepository = "octo-org/security-cases";
const now = new Date("2026-11-16T08:31:00Z");
const deliveryId = "7e1c0a52-log-delivery";

const summary = "Stored XSS in the invoice notes field lets an attacker run script as an administrator";
const email = "rosa.researcher@mailbox.example";
const descriptionSentences = [
  "The notes field of POST /api/invoices accepts <script>fetch('/admin/export')</script> and renders it unescaped.",
  `Reach me at ${email} or +31 6 1234 5678 for the proof of concept video.`,
  "An administrator who opens the invoice runs the script with their session.",
];

/**
 * A Probot whose every log line at the production level (`info`, LOG_LEVEL's default) is captured as parsed JSON.
 * At `debug` Probot itself logs each webhook's payload and Octokit each request's body: never run production there.
 */
function probotWithCapturedLogs(baseUrl: string): { probot: Probot; lines: Record<string, unknown>[]; raw: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    baseUrl,
    Octokit: TestOctokit,
    log: createLoggerTo(destination, "info"),
  });
  void probot.load(disclosureDesk(testDependencies(now)));
  const raw = () => chunks.join("");
  return {
    probot,
    raw,
    get lines() {
      return raw()
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

afterEach(stopTestGitHubs);

describe("the log of an intake", () => {
  async function runIntake() {
    const github = await startTestGitHub({ config: `tracking:\n  repository: ${trackingRepository}\n` });
    const captured = probotWithCapturedLogs(github.url);
    const payload = repositoryAdvisoryReportedPayload({ repository_advisory: { summary, description: descriptionSentences.join("\n\n") } });
    await captured.probot.receive({ id: deliveryId, name: "repository_advisory", payload } as Parameters<Probot["receive"]>[0]);
    expect(github.journal.problems()).toEqual([]);
    expect(github.issues(trackingRepository)).toHaveLength(1);
    return captured;
  }

  it("carries the delivery id and the case key on every line about the case", async () => {
    const { lines } = await runIntake();
    const caseLines = lines.filter((line) => line.caseKey !== undefined);
    expect(caseLines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["intake planned", "tracking issue opened", "researcher acknowledged"]),
    );
    for (const line of caseLines) expect(line).toMatchObject({ id: deliveryId, caseKey: "GHSA-4v7x-pqr2-9c3m" });
  });

  it("states the decision with its labels and reasons", async () => {
    const { lines } = await runIntake();
    const decision = lines.find((line) => line.msg === "intake planned");
    expect(decision?.labels).toEqual(expect.arrayContaining(["disclosure", "state:triage"]));
    expect(Array.isArray(decision?.reasons)).toBe(true);
    expect((decision?.reasons as unknown[]).length).toBeGreaterThan(0);
    expect(decision?.actions).toEqual(["acknowledgeResearcher", "openTrackingIssue"]);
  });

  it("never writes the summary, the description or an e-mail address", async () => {
    const { raw } = await runIntake();
    const log = raw();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(summary);
    for (const sentence of descriptionSentences) expect(log).not.toContain(JSON.stringify(sentence).slice(1, -1));
    expect(log).not.toContain("fetch('/admin/export')");
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(log).not.toContain("+31 6 1234 5678");
  });

  // When a handler throws, Probot's error handler logs the error with the whole webhook event attached, and
  // Octokit's error carries the request and response: the server's logger redacts them.
  it("never writes the report when a GitHub request fails", async () => {
    const github = await startTestGitHub();
    github.faults.inject({ method: "GET", path: /^\/repos\/octo-org\/widgets\/contents\// }, { kind: "status", status: 500 }, 100);
    const { probot, raw } = probotWithCapturedLogs(github.url);
    const payload = repositoryAdvisoryReportedPayload({ repository_advisory: { summary, description: descriptionSentences.join("\n\n") } });
    await probot
      .receive({ id: deliveryId, name: "repository_advisory", payload } as Parameters<Probot["receive"]>[0])
      .catch(() => undefined);
    expect(github.journal.problems()).toEqual([]);
    expect(raw()).toContain(deliveryId);
    expect(raw()).toContain(REDACTED);
    expect(raw()).not.toContain(summary);
    expect(raw()).not.toContain(email);
  });
});
