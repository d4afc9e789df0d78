import { afterEach, describe, expect, it } from "@jest/globals";
import { days, resolvedAt, resolvedCase } from "../closing/fixtures.js";
import {
  admin,
  commentEvent,
  currentRecord,
  deliver,
  maintainerOnlyYaml,
  replies,
  researcherMessages,
  roles,
  seedCase,
  trackingRepository,
} from "./comment-delivery.js";
import { openworx, policyConfig } from "../fixtures/policies.js";
import { startTestGitHub, stopTestGitHubs } from "../helpers/github.js";

/**
 * A maintainer pastes a researcher's text into the tracking issue. Whatever commands it hides — folded in
 * `<details>`, in an HTML comment, in code or in a quote — GitHub does not show them as a paragraph, so they do not
 * run. The control is the same comment with the maintainer's own command in a paragraph.
 */

const pasted = [
  "Forwarding the researcher's notes:",
  "",
  "<details><summary>Researcher's notes</summary>",
  "",
  "/disclosure publish cve",
  "",
  "</details>",
  "",
  "<!--",
  "/disclosure publish",
  "-->",
  "",
  "~~~~",
  "```",
  "/disclosure publish",
  "```",
  "~~~~",
  "",
  "    /disclosure publish",
  "",
  "> Their summary:",
  "/disclosure publish",
].join("\n");

afterEach(stopTestGitHubs);

describe("commands hidden in pasted text", () => {
  const publishAt = days(resolvedAt, 1);
  const resolved = () => resolvedCase(policyConfig(openworx));

  it("an admin's comment that pastes hidden commands publishes nothing and writes nothing", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: maintainerOnlyYaml, roles });
    seedCase(github, resolved());
    await deliver(github, commentEvent({ id: 2_400_000_060, author: admin, body: pasted, record: resolved() }), publishAt);

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github)).toEqual(resolved());
    expect(github.writesTo(trackingRepository)).toEqual([]);
    expect(github.advisoryUpdates()).toEqual([]);
    expect(researcherMessages(github)).toEqual([]);
    expect(replies(github)).toEqual([]);
  });

  it("control: the same comment with the admin's own command in a paragraph requests the publication once, without a CVE", async () => {
    const github = await startTestGitHub({ trackingPrivate: false, config: maintainerOnlyYaml, roles });
    seedCase(github, resolved());
    await deliver(
      github,
      commentEvent({ id: 2_400_000_061, author: admin, body: `${pasted}\n\nPublishing now.\n/disclosure publish`, record: resolved() }),
      publishAt,
    );

    expect(github.journal.problems()).toEqual([]);
    expect(currentRecord(github).closing?.publication).toEqual({ requestedAt: publishAt.toISOString(), by: "ada-admin", cve: false });
    const [reply, ...more] = replies(github);
    expect(more).toEqual([]);
    expect(reply).toContain("✅ /disclosure publish — the maintainer-only consent gate is met");
    expect(reply?.match(/^[✅⛔]/gmu)).toHaveLength(1);
  });
});
