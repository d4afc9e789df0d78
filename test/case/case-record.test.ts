import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  caseRecordSchema,
  compareInstants,
  readCaseBlock,
  renderCaseBlock,
  withCaseBlock,
  type CaseRecord,
} from "../../src/case/case-record.js";

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

describe("compareInstants", () => {
  // Few values per field, so that pairs often agree up to the seconds or into the fraction, where they differ last.
  const two = (values: number[]) => fc.constantFrom(...values.map((value) => String(value).padStart(2, "0")));
  const instant = fc
    .record({
      year: fc.constantFrom("1999", "2026", "2027"),
      month: two([1, 11, 12]),
      day: two([1, 5, 29]),
      hour: two([0, 9, 23]),
      minute: two([0, 30, 59]),
      second: two([0, 9, 59]),
      fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    })
    .map(
      ({ year, month, day, hour, minute, second, fraction }) =>
        `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction === undefined ? "" : `.${fraction}`}Z`,
    );

  it("orders every pair of case-record instants as localeCompare does", () => {
    fc.assert(
      fc.property(instant, instant, (left, right) => {
        expect(caseRecordSchema.shape.receivedAt.safeParse(left).success).toBe(true);
        expect(Math.sign(compareInstants(left, right))).toBe(Math.sign(left.localeCompare(right)));
      }),
      { numRuns: 2_000 },
    );
  });

  it("orders a fraction against none, and longer fractions, as localeCompare does", () => {
    const texts = [
      "2026-12-05T10:00:00Z",
      "2026-12-05T10:00:00.5Z",
      "2026-12-05T10:00:00.50Z",
      "2026-12-05T10:00:00.000Z",
      "2026-12-05T10:00:01Z",
    ];
    for (const left of texts)
      for (const right of texts) expect(Math.sign(compareInstants(left, right))).toBe(Math.sign(left.localeCompare(right)));
    expect(compareInstants(texts[0]!, texts[4]!)).toBeLessThan(0);
  });
});
