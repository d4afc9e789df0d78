import { describe, expect, it } from "@jest/globals";
import { readCaseBlock, renderCaseBlock, withCaseBlock, type CaseRecord } from "../../src/case/case-record.js";

const record: CaseRecord = {
  v: 1,
  key: "GHSA-4v7x-pqr2-9c3m",
  channel: "advisory",
  source: { repository: "octo-org/widgets", ghsaId: "GHSA-4v7x-pqr2-9c3m", url: "https://github.com/x --> <b>" },
  state: "triage",
  receivedAt: "2026-11-16T08:30:00.000Z",
  openedAt: "2026-11-16T08:31:00.000Z",
  policyVersion: null,
  configError: false,
  deadlines: { responseDue: "2026-11-23T22:59:59.999Z" },
  acknowledgement: { status: "pending" },
};

describe("case block", () => {
  it("round-trips and cannot be closed early by its content", () => {
    const block = renderCaseBlock(record);
    expect(block.indexOf("-->")).toBe(block.length - 3);
    const reading = readCaseBlock(`text before\n${block}\ntext after`);
    expect(reading).toEqual({ status: "found", record });
  });

  it("replaces an existing block rather than adding a second one", () => {
    const body = withCaseBlock(withCaseBlock("Body", record), { ...record, state: "accepted" });
    expect(body.match(/disclosure-desk:case/g)).toHaveLength(1);
    const reading = readCaseBlock(body);
    expect(reading.status === "found" && reading.record.state).toBe("accepted");
  });

  it("tells a missing block from a damaged one", () => {
    expect(readCaseBlock("no block here")).toEqual({ status: "missing" });
    expect(readCaseBlock("<!-- disclosure-desk:case {not json} -->").status).toBe("invalid");
    expect(readCaseBlock('<!-- disclosure-desk:case {"v":2} -->').status).toBe("invalid");
  });
});
