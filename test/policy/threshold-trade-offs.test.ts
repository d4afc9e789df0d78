import { describe, expect, it } from "@jest/globals";
import { THRESHOLDS_SHOWN, thresholdTradeOffs, type ScoredItem } from "../../src/policy/accuracy.js";

const items = (label: ScoredItem["label"], confidences: readonly number[]): ScoredItem[] =>
  confidences.map((confidence) => ({ label, confidence }));

/** Twenty disclosures at 0.05, 0.10, … 1.00. */
const disclosures = items(
  "disclosure",
  Array.from({ length: 20 }, (_, index) => (index + 1) / 20),
);

describe("what containment.threshold trades", () => {
  it("counts an item as contained when its confidence is at least the threshold", () => {
    const { byThreshold } = thresholdTradeOffs([...disclosures, ...items("hard-negative", [0.6, 0.59]), ...items("plain", [0.95, 0.1])]);
    expect(byThreshold.map((figures) => figures.threshold)).toEqual(THRESHOLDS_SHOWN);
    const atDefault = byThreshold.find((figures) => figures.threshold === 0.6);
    expect(atDefault?.disclosures).toEqual({ count: 9, of: 20, rate: 0.45 });
    expect(atDefault?.hardNegatives).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(atDefault?.plain).toEqual({ count: 1, of: 2, rate: 0.5 });
  });

  it("finds the lowest threshold that contains no plain issue: the least confidence above every plain issue's", () => {
    const { noPlainContained } = thresholdTradeOffs([...disclosures, ...items("hard-negative", [0.87]), ...items("plain", [0.85, 0.2])]);
    expect(noPlainContained?.threshold).toBe(0.87);
    expect(noPlainContained?.plain.count).toBe(0);
    expect(noPlainContained?.hardNegatives.count).toBe(1);
    expect(noPlainContained?.disclosures.count).toBe(3);
  });

  it("has no such threshold when a plain issue has the highest confidence of all", () => {
    expect(thresholdTradeOffs([...disclosures, ...items("plain", [1])]).noPlainContained).toBeUndefined();
  });

  it("finds the highest threshold that still contains 95 % of the disclosures", () => {
    // 19 of 20 is 95 %: the threshold is the nineteenth highest confidence, 0.10, and the lowest disclosure is left out.
    const { goalDisclosuresContained } = thresholdTradeOffs([...disclosures, ...items("plain", [0.12, 0.08])]);
    expect(goalDisclosuresContained?.threshold).toBe(0.1);
    expect(goalDisclosuresContained?.disclosures).toEqual({ count: 19, of: 20, rate: 0.95 });
    expect(goalDisclosuresContained?.plain.count).toBe(1);
  });

  it("leaves out the points a set without disclosures or plain issues cannot give", () => {
    const figures = thresholdTradeOffs(items("hard-negative", [0.7]));
    expect(figures.noPlainContained).toBeUndefined();
    expect(figures.goalDisclosuresContained).toBeUndefined();
    expect(figures.byThreshold[0]?.hardNegatives.count).toBe(1);
  });
});
