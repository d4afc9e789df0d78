import { describe, expect, it } from "@jest/globals";
import { readCaseBlock } from "../../src/case/case-record.js";
import { claimsWorlds, trackingName } from "./world.js";

/** The evidence a report brings, and a policy's intake requirements, through the real intake against the stand-in. */

const openWorld = claimsWorlds();

const requiring = (language = "en") => `
language: ${language}
tracking: { repository: ${trackingName} }
intake:
  requireReproduction: true
  requireAiDisclosure: true
  policyText: Reports must include a working reproducer and say whether AI tools were used.
`;

const noEvidence = {
  summary: "Critical vulnerability in your library",
  description: "I have found a very serious security problem in your software. Please fix it quickly and tell me about the bounty.",
};
const withReproducer = {
  summary: "Crash parsing a lone backslash",
  description:
    'Steps to reproduce:\n1. Build fuzzing/afl.c\n2. Feed it `"\\`\n\nImpact: a crash. AI use: none, I found and wrote this myself.',
};

describe("evidence at intake", () => {
  it("labels a report with no evidence evidence:none and offers the question, without asking it", async () => {
    const world = await openWorld();
    const reported = await world.report(noEvidence);
    expect(reported.labels).toContain("evidence:none");
    expect(reported.labels).toContain("state:triage");
    const body = reported.issue.body ?? "";
    expect(body).toContain("Evidence: **none** (`evidence:none`)");
    expect(body).toContain("Suggested question (send it with `/disclosure needs-info` followed by the question):");
    expect(body).toContain(
      "> Could you send us what your report does not show yet: a way to reproduce the problem: the steps, the request or command, or proof-of-concept code; if it crashes a program, the crash output or sanitizer trace; the version (release, tag or commit) you found it in; what an attacker can do with it?",
    );
    expect(reported.acknowledgement).not.toContain("Could you send us");
  });

  it("says what a report brings and labels it nothing (control)", async () => {
    const world = await openWorld();
    const reported = await world.report(withReproducer);
    expect(reported.labels).not.toContain("evidence:none");
    expect(reported.issue.body).toContain(
      "Evidence: reproduction steps (“Steps to reproduce”); impact (“Impact”). Use of AI tools stated.",
    );
  });

  it("holds a report without the reproducer and AI-use statement the policy requires in needs-info, clock paused, and asks in the policy's words", async () => {
    const world = await openWorld({ config: requiring() });
    const reported = await world.report(noEvidence);
    expect(reported.labels).toEqual(expect.arrayContaining(["state:needs-info", "needs-info", "evidence:none"]));
    expect(reported.labels).not.toContain("state:triage");
    const block = readCaseBlock(reported.issue.body);
    expect(block.status === "found" && block.record.state).toBe("needs-info");
    expect(block.status === "found" && block.record.pause).toEqual({ since: "2026-11-16T08:31:00.000Z", pausedMs: 0 });
    expect(block.status === "found" && block.record.firstResponseAt).toBeUndefined();
    expect(reported.acknowledgement).toContain(
      "Before we can evaluate your report, our policy asks for more: “Reports must include a working reproducer and say whether AI tools were used.”. Please send us a way to reproduce the problem: the steps, the request or command, or proof-of-concept code; whether you used AI tools to find the problem or to write the report, and how. Until we have it, your report waits, and the response date above moves by the days it waits.",
    );
    expect(reported.issue.body).toContain(
      "Asked of the researcher with the acknowledgement; the case waits in `state:needs-info`, its clock paused:",
    );
  });

  it("lets a report that brings what the policy requires go to triage (control)", async () => {
    const world = await openWorld({ config: requiring() });
    const reported = await world.report(withReproducer);
    expect(reported.labels).toContain("state:triage");
    expect(reported.labels).not.toContain("state:needs-info");
    expect(reported.acknowledgement).not.toContain("our policy asks for more");
    const block = readCaseBlock(reported.issue.body);
    expect(block.status === "found" && block.record.state).toBe("triage");
  });

  it("asks in Dutch under a Dutch policy", async () => {
    const world = await openWorld({ config: requiring("nl") });
    const reported = await world.report(noEvidence);
    expect(reported.acknowledgement).toContain(
      "Voordat wij uw melding kunnen beoordelen, vraagt ons beleid om meer: “Reports must include",
    );
    expect(reported.acknowledgement).toContain(
      "of u AI-hulpmiddelen hebt gebruikt om het probleem te vinden of de melding te schrijven, en hoe",
    );
    expect(reported.issue.body).toContain("Bewijs: **geen** (`evidence:none`)");
  });
});
