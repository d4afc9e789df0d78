import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { parseInboundMessage } from "../../src/email/inbound-message.js";
import { planEmailIntake, type EmailIntakeFacts } from "../../src/email/plan-email-intake.js";
import { authenticateSender } from "../../src/email/sender-authentication.js";
import { emailReportIdentity } from "../../src/reporters/index-case.js";
import { screenReport } from "../../src/reporters/screening.js";
import { englishReport, researcherAddress, securityAddress, trackingRepository, trustedAuthservId } from "../email/support.js";

/** The e-mail channel screens a first message like an advisory: blocked addresses, history, duplicates. */

const now = new Date("2026-11-16T08:31:00Z");
const emptyIndex = { builtAt: undefined, reporterCases: { newest: [], total: 0 }, recentCases: [] };

async function plan(blocked: string[], raw = englishReport()) {
  const message = await parseInboundMessage(Buffer.from(raw));
  const sender = authenticateSender(message, [trustedAuthservId]);
  const identity = emailReportIdentity(message, sender.verified, "email-key");
  const screening = screenReport(
    { ...identity, blocked },
    emptyIndex,
    identity.keyedIdentity === undefined ? undefined : "0123456789abcdef0123456789abcdef",
    now,
  );
  const facts: EmailIntakeFacts = {
    message,
    route: { address: securityAddress, repository: "octo-org/widgets" },
    policy: {
      config: configSchema.parse({ tracking: { repository: trackingRepository }, reporters: { blocked } }),
      errors: [],
      files: [],
      policyVersion: null,
    },
    tracking: { repository: trackingRepository, isPrivate: true },
    sender,
    existingCase: null,
    receivedAt: now,
    threadToken: "0123456789abcdef",
    now,
    screening,
  };
  return { plan: planEmailIntake(facts), identity };
}

describe("e-mail reports and reporters.blocked", () => {
  it("opens no case for a blocked address, whatever its case", async () => {
    const { plan: blocked } = await plan([researcherAddress.toUpperCase()]);
    expect(blocked.mode).toBe("refused");
    expect(blocked.actions).toEqual([]);
  });

  it("control: the same message from an address not on the list opens a case carrying the reporter's key", async () => {
    const { plan: opened } = await plan(["someone-else@example.org"]);
    expect(opened.mode).toBe("new-case");
    const open = opened.actions.find((action) => action.type === "openTrackingIssue");
    expect(open?.type === "openTrackingIssue" && open.record.reporter).toBe("0123456789abcdef0123456789abcdef");
    expect(open?.type === "openTrackingIssue" && open.body).toContain("### Reporter history");
  });

  it("keys no history for a sender the receiving server did not vouch for: a forged From cannot fill someone's history", async () => {
    const { identity } = await plan([], englishReport({ authentication: null }));
    expect(identity.identities).toEqual([researcherAddress]);
    expect(identity.keyedIdentity).toBeUndefined();
  });
});
