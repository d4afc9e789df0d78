import { describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { readCaseBlock } from "../../src/case/case-record.js";
import { createEmailReceiver } from "../../src/email/receive-email.js";
import { createGatewayCache } from "../../src/github/gateway-cache.js";
import { createInProcessLocks } from "../../src/case/case-locks.js";
import { passingAuthentication, securityAddress, trustedAuthservId } from "../email/support.js";
import { TestOctokit, testTrust } from "../helpers/probot.js";
import { claimsWorlds, codeRepository, trackingName, type ClaimsWorld } from "./world.js";

/** A report by e-mail, routed to cJSON's policy: the same code check and evidence rules as an advisory. */

const openWorld = claimsWorlds();

function message(body: string, messageId: string): Buffer {
  return Buffer.from(
    [
      passingAuthentication("mail.example.net"),
      "From: Rosa Researcher <rosa.researcher@mail.example.net>",
      `To: ${securityAddress}`,
      "Subject: Heap overflow in cJSON",
      "Date: Mon, 16 Nov 2026 09:30:00 +0100",
      `Message-ID: ${messageId}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      body,
      "",
    ].join("\r\n"),
  );
}

async function receive(activeWorld: ClaimsWorld, raw: Buffer) {
  const app = activeWorld.github.state.app;
  if (!app) throw new Error("no app");
  const probot = new Probot({
    appId: app.id,
    privateKey: app.keys.privateKey,
    baseUrl: activeWorld.github.url,
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  const receiver = createEmailReceiver({
    routes: new Map([[securityAddress, codeRepository]]),
    installationFor: async () => ({ installationId: activeWorld.installation.id, octokit: await probot.auth(activeWorld.installation.id) }),
    dependencies: {
      cache: createGatewayCache(),
      locks: createInProcessLocks(),
      now: () => Date.parse("2026-11-16T08:31:00Z"),
      trust: testTrust,
    },
    trustedAuthservIds: [trustedAuthservId],
    mailer: undefined,
    log: pino({ level: "silent" }),
  });
  const before = activeWorld.github.journal.entries.length;
  const outcome = await receiver(raw);
  const codeReads = activeWorld.github.journal.entries
    .slice(before)
    .filter(
      (entry) =>
        entry.operationId === "git/get-tree" ||
        entry.operationId === "git/list-matching-refs" ||
        (entry.operationId === "repos/get-content" && !decodeURIComponent(entry.path).includes("/.github/")),
    );
  return { outcome, codeReads, issue: [...activeWorld.tracking.issues.values()].at(-1) };
}

describe("claims and evidence in an e-mail report", () => {
  it("labels an e-mail citing a function that does not exist claims:unverified, within two reads", async () => {
    const world = await openWorld();
    const { outcome, codeReads, issue } = await receive(
      world,
      message(
        "A heap overflow in `cJSON_ParseUnsafe()` in `cJSON.c` of cJSON 1.7.18 gives remote code execution.",
        "<fabricated-1@mail.example.net>",
      ),
    );
    expect(outcome.status).toBe("opened");
    expect(codeReads.map((entry) => entry.operationId)).toEqual(["git/list-matching-refs", "repos/get-content"]);
    expect(issue?.labels.map((label) => label.name)).toContain("claims:unverified");
    expect(issue?.body).toContain("- `cJSON_ParseUnsafe` occurs nowhere in `cJSON.c`");
  });

  it("leaves an e-mail citing real code unlabelled (control), and reads nothing when the message arrives again", async () => {
    const world = await openWorld();
    const first = await receive(
      world,
      message("In cJSON 1.7.18 `parse_string()` in `cJSON.c` reads past the input (line 812).", "<genuine-1@mail.example.net>"),
    );
    expect(first.issue?.labels.map((label) => label.name)).not.toContain("claims:unverified");
    expect(first.issue?.body).toContain("- `parse_string` occurs in `cJSON.c`");
    const again = await receive(
      world,
      message("In cJSON 1.7.18 `parse_string()` in `cJSON.c` reads past the input (line 812).", "<genuine-1@mail.example.net>"),
    );
    expect(again.outcome.status).toBe("known");
    expect(again.codeReads).toEqual([]);
  });

  it("holds an e-mail without the reproducer its policy requires in needs-info", async () => {
    const world = await openWorld({ config: `tracking: { repository: ${trackingName} }\nintake: { requireReproduction: true }\n` });
    const { issue } = await receive(
      world,
      message("Your library has a critical vulnerability. Please fix it.", "<junk-1@mail.example.net>"),
    );
    expect(issue?.labels.map((label) => label.name)).toEqual(expect.arrayContaining(["state:needs-info", "needs-info", "evidence:none"]));
    const block = readCaseBlock(issue?.body);
    expect(block.status === "found" && block.record.state).toBe("needs-info");
  });
});
