import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { disclosureDesk } from "../../src/app.js";
import { MAX_CONFIG_ALIAS_COUNT } from "../../src/config/config-document.js";
import { repositoryAdvisoryReportedPayload, reportedGhsaId } from "../fixtures/webhook-payloads.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";
import { TestOctokit, testDependencies, testPrivateKey } from "../helpers/probot.js";
import { openworxShort, policyYaml } from "../fixtures/policies.js";

/**
 * A `.github/disclosure.yml` that an alias bomb or deep nesting makes hostile, delivered through `probot.receive`:
 * the researcher is still acknowledged, the problem reaches the maintainers, and a repository whose config is fine
 * is not affected.
 */

const trackingRepository = "octo-org/security-cases";
const now = new Date("2026-11-16T08:31:00Z");
const controlGhsaId = "GHSA-2222-3333-4444";

/** "Billion laughs" under `exclusions`: nine levels of nine aliases each. */
const aliasBomb = [
  "exclusions:",
  "  - id: laughs",
  "    match:",
  "      - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ...Array.from({ length: 8 }, (_, index) => `      - &l${index + 1} [${Array.from({ length: 9 }, () => `*l${index}`).join(", ")}]`),
  "",
].join("\n");

interface LogLine {
  level: number;
  msg: string;
  problems?: number;
}

/** The test Probot of `test/helpers/probot.ts`, with its log kept so that a warning can be asserted. */
function probotWithLog(baseUrl: string): { probot: Probot; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(JSON.parse(chunk.toString()) as LogLine);
      callback();
    },
  });
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    baseUrl,
    Octokit: TestOctokit,
    log: pino({ level: "info" }, stream),
  });
  void probot.load(disclosureDesk(testDependencies(now)));
  return { probot, logs };
}

function deliver(probot: Probot, payload: ReturnType<typeof repositoryAdvisoryReportedPayload>, id: string) {
  return probot.receive({ id, name: "repository_advisory", payload } as Parameters<typeof probot.receive>[0]);
}

const widgetsReport = () => repositoryAdvisoryReportedPayload();
const gadgetsReport = () =>
  repositoryAdvisoryReportedPayload({
    repository: { name: "gadgets", full_name: "octo-org/gadgets" },
    repository_advisory: { ghsa_id: controlGhsaId },
  });

afterEach(stopTestGitHubs);

describe("repository_advisory.reported with a hostile config", () => {
  it("acknowledges the researcher and lists the alias bomb on a config-error case; the next repository is unaffected", async () => {
    const github = await startTestGitHub({
      config: `${policyYaml(openworxShort(trackingRepository))}${aliasBomb}`,
      repositories: { gadgets: policyYaml(openworxShort(trackingRepository)) },
    });
    const { probot } = probotWithLog(github.url);

    await deliver(probot, widgetsReport(), "delivery-bomb");
    await deliver(probot, github.report(gadgetsReport()), "delivery-control");

    expect(github.journal.problems()).toEqual([]);
    const [bombCase, controlCase, ...others] = github.issues(trackingRepository) ?? [];
    expect(others).toEqual([]);
    expect(bombCase?.title).toContain(reportedGhsaId);
    expect(bombCase?.labels).toContain("config-error");
    expect(bombCase?.body).toContain("Configuration errors");
    expect(bombCase?.body).toContain(
      `- octo-org/widgets:.github/disclosure.yml:14:1 exclusions: its YAML aliases expand more than the limit of ${MAX_CONFIG_ALIAS_COUNT} allows \\(an alias bomb\\)`,
    );
    const [acknowledgement, ...moreComments] = github.advisoryComments(reportedGhsaId) ?? [];
    expect(moreComments).toEqual([]);
    expect(acknowledgement?.body).toContain("Hello rosa-researcher,");
    // The sections next to the bomb still apply: the policy's own name and its Amsterdam business calendar.
    expect(acknowledgement?.body).toContain("Openworx Responsible Disclosure");
    expect(acknowledgement?.body).toContain("**We will respond by Monday 23 November 2026, 23:59 CET**");

    expect(controlCase?.title).toContain(controlGhsaId);
    expect(controlCase?.labels).not.toContain("config-error");
    expect(controlCase?.body).not.toContain("Configuration errors");
    expect(github.advisoryComments(controlGhsaId)).toHaveLength(1);
  });

  it("acknowledges in advisory-only mode when nesting makes the whole file unusable, and logs the problem", async () => {
    const github = await startTestGitHub({
      config: `${policyYaml(openworxShort(trackingRepository))}scope: ${"[".repeat(100_000)}\n`,
      repositories: { gadgets: policyYaml(openworxShort(trackingRepository)) },
    });
    const { probot, logs } = probotWithLog(github.url);

    await deliver(probot, widgetsReport(), "delivery-deep");

    expect(github.journal.problems()).toEqual([]);
    // The tracking repository is named only in the unusable file, so nothing is written there.
    expect(github.writesTo(trackingRepository)).toEqual([]);
    const [acknowledgement, ...moreComments] = github.advisoryComments(reportedGhsaId) ?? [];
    expect(moreComments).toEqual([]);
    expect(acknowledgement?.body).toContain("Hello rosa-researcher,");
    expect(acknowledgement?.body).not.toContain("disclosure-desk:case");
    expect(logs).toContainEqual(expect.objectContaining({ level: 40, msg: "configuration has errors; safe defaults used", problems: 1 }));

    await deliver(probot, github.report(gadgetsReport()), "delivery-control");
    const [controlCase, ...others] = github.issues(trackingRepository) ?? [];
    expect(others).toEqual([]);
    expect(controlCase?.title).toContain(controlGhsaId);
    expect(controlCase?.labels).not.toContain("config-error");
    expect(github.advisoryComments(controlGhsaId)).toHaveLength(1);
  });

  it("opens the case with config-error when an exclusion id is misspelt, which used to make triage throw", async () => {
    const github = await startTestGitHub({ config: `${policyYaml(openworxShort(trackingRepository))}exclusions: [clickjackng]\n` });
    const { probot } = probotWithLog(github.url);

    await deliver(probot, widgetsReport(), "delivery-typo");

    expect(github.journal.problems()).toEqual([]);
    const [typoCase, ...others] = github.issues(trackingRepository) ?? [];
    expect(others).toEqual([]);
    expect(typoCase?.labels).toContain("config-error");
    expect(typoCase?.body).toContain(
      '- octo-org/widgets:.github/disclosure.yml:14:14 exclusions\\[0\\]: unknown exclusion id "clickjackng"',
    );
    expect(github.advisoryComments(reportedGhsaId)).toHaveLength(1);
  });
});
