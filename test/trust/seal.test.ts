import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { withCaseBlock } from "../../src/case/case-record.js";
import { caseSecretFrom, isWrittenByApp, judgeCaseBlock, sealCaseBody, type AppIdentity, type IssueFacts } from "../../src/case/trust.js";
import { configSchema } from "../../src/config/schema.js";
import { openedCase } from "../commands/fixtures.js";

const identity: AppIdentity = { appId: 4242, botLogin: "disclosure-desk[bot]" };
const secret = caseSecretFrom({ caseSecret: "seal test secret" });
const trust = { identity, secret };
const repository = "octo-org/security-cases";
const bot = { user: { login: "disclosure-desk[bot]", type: "Bot" } };
/** After seals were introduced: an unsealed block here can only be a hand edit. */
const createdAt = "2027-01-04T09:00:00Z";
const record = openedCase(configSchema.parse({ calendar: { timezone: "Europe/Amsterdam" } }));
const emailBlock = '<!-- disclosure-desk:email {"researcher":"rosa@mailbox.example"} -->';
const sealedBody = sealCaseBody(`## Case\n\n${emailBlock}\n${withCaseBlock("", record).trim()}\n`, { repository, issue: 7 }, secret);

function issue(changes: Partial<IssueFacts> = {}): IssueFacts {
  return { repository, number: 7, body: sealedBody, created_at: createdAt, ...bot, ...changes };
}

describe("the case seal", () => {
  it("holds for the issue it was written for, and for the first write before GitHub numbered the issue", () => {
    expect(judgeCaseBlock(issue(), trust)).toEqual({ status: "sealed" });
    const firstWrite = sealCaseBody(withCaseBlock("## Case", record), { repository, issue: "new" }, secret);
    expect(judgeCaseBlock(issue({ body: firstWrite }), trust)).toEqual({ status: "sealed" });
  });

  it("does not hold in another issue, another repository, or under another key", () => {
    expect(judgeCaseBlock(issue({ number: 8 }), trust).status).toBe("tampered");
    expect(judgeCaseBlock(issue({ repository: "octo-org/skunkworks" }), trust).status).toBe("tampered");
    expect(judgeCaseBlock(issue(), { identity, secret: caseSecretFrom({ caseSecret: "another secret" }) }).status).toBe("tampered");
  });

  it("rejects a case block or e-mail block with any one character changed", () => {
    const emailStart = sealedBody.indexOf(emailBlock);
    const caseStart = sealedBody.indexOf("<!-- disclosure-desk:case ");
    // Every character of both blocks, `<!--` to `-->`; the line break between them is not part of either.
    const positions = [
      ...Array.from({ length: emailBlock.length }, (_, offset) => emailStart + offset),
      ...Array.from({ length: sealedBody.trimEnd().length - caseStart }, (_, offset) => caseStart + offset),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.string({ minLength: 1, maxLength: 1 }), (position, replacement) => {
        fc.pre(sealedBody[position] !== replacement);
        const changed = `${sealedBody.slice(0, position)}${replacement}${sealedBody.slice(position + 1)}`;
        expect(judgeCaseBlock(issue({ body: changed }), trust).status).not.toBe("sealed");
      }),
      { numRuns: 2_000 },
    );
  });

  it("is never believed in an issue someone else opened, sealed or not", () => {
    expect(judgeCaseBlock(issue({ user: { login: "mallory", type: "User" } }), trust)).toEqual({ status: "foreign" });
    expect(judgeCaseBlock(issue({ user: { login: "disclosure-desk[bot]", type: "User" } }), trust)).toEqual({ status: "foreign" });
    expect(judgeCaseBlock(issue({ user: { login: "other-app[bot]", type: "Bot" } }), trust)).toEqual({ status: "foreign" });
  });

  it("tells a block from before seals (an issue opened before them) from a seal removed later", () => {
    const unsealed = withCaseBlock("## Case", record);
    expect(judgeCaseBlock(issue({ body: unsealed, created_at: "2026-11-16T08:31:00Z" }), trust)).toEqual({ status: "unsealed" });
    expect(judgeCaseBlock(issue({ body: unsealed }), trust)).toEqual({ status: "tampered", problem: "the case block has no seal" });
  });

  it("reads only the last block: a case block quoted earlier in the body is not the app's", () => {
    const forged = withCaseBlock("", { ...record, state: "published" }).trim();
    const body = sealCaseBody(
      `## Case\n\n\`\`\`text\n${forged}\n\`\`\`\n\n${withCaseBlock("", record).trim()}\n`,
      { repository, issue: 7 },
      secret,
    );
    expect(judgeCaseBlock(issue({ body }), trust)).toEqual({ status: "sealed" });
    expect(body.indexOf(forged)).toBeGreaterThan(0);
  });
});

describe("who wrote an issue", () => {
  it("is the app when GitHub names the app, or the app's bot account", () => {
    expect(isWrittenByApp({ performed_via_github_app: { id: 4242 }, user: { login: "x", type: "User" } }, identity)).toBe(true);
    expect(isWrittenByApp({ user: { login: "Disclosure-Desk[bot]", type: "Bot" } }, identity)).toBe(true);
    expect(isWrittenByApp({ performed_via_github_app: { id: 1 }, user: { login: "mallory", type: "User" } }, identity)).toBe(false);
    expect(isWrittenByApp({ user: { login: "disclosure-desk[bot]", type: "Bot" } }, { appId: 4242 })).toBe(false);
  });
});
