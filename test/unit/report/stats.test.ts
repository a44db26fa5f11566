import { describe, expect, it } from "vitest";
import { median, p90, percent, percentileNearestRank, roundTo } from "../../../src/report/stats.js";

const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2], // odd: the middle value
    [[4, 1, 3, 2], 2.5], // even: mean of the two middle values
    [[10, 0], 5],
    [[1, 1, 1, 9], 1],
  ])("of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("p90 (nearest rank)", () => {
  it.each([
    [[], null],
    [[7], 7], // ceil(0.9) = 1st
    [[2, 1], 2], // ceil(1.8) = 2nd
    [oneTo(10), 9], // ceil(9) = 9th
    [oneTo(11), 10], // ceil(9.9) = 10th
    [oneTo(20), 18], // ceil(18) = 18th
    [oneTo(70), 63], // exactly 63rd: 0.9 * 70 in floating point is 63.00000000000001
    [[10, 1, 4, 2], 10], // ceil(3.6) = 4th smallest
  ])("of %j is %s", (values, expected) => {
    expect(p90(values)).toBe(expected);
  });

  it.each([0, 101, 50.5])("rejects a percent of %s", (value) => {
    expect(() => percentileNearestRank([1], value)).toThrow(RangeError);
  });
});

describe("roundTo", () => {
  it.each([
    [1.005, 2, 1.01], // Math.round(1.005 * 100) / 100 would give 1
    [2.345, 2, 2.35],
    [0.1 + 0.2, 2, 0.3],
    [1.25, 1, 1.3],
    [33.333333, 1, 33.3],
    [7, 2, 7],
    [1e-7, 2, 0],
    [-0.001, 2, 0],
  ])("rounds %s to %i decimals as %s", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });
});

describe("percent", () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [3, 3, 100],
    [0, 5, 0],
    [0, 0, null], // no population
  ])("%i of %i is %s", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});
