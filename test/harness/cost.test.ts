import { describe, expect, it } from "@jest/globals";
import { expectAtMostLinearGrowth } from "../helpers/cost.js";

function sumOfPairs(size: number): number {
  let total = 0;
  for (let outer = 0; outer < size; outer++) for (let inner = 0; inner < size; inner++) total += outer ^ inner;
  return total;
}

function sumUpTo(size: number): number {
  let total = 0;
  for (let index = 0; index < size * 1_000; index++) total += index & 7;
  return total;
}

describe("the growth check the hostile-input tests rely on", () => {
  it("passes linear work", () => {
    expectAtMostLinearGrowth(sumUpTo, { sizes: [2_000, 20_000] });
  });

  it("fails quadratic work", () => {
    expect(() => expectAtMostLinearGrowth(sumOfPairs, { sizes: [1_000, 20_000] })).toThrow(/withinLinear/);
  });
});
