import { describe, expect, it } from "vitest";
import { batchAnnotations } from "../../../src/check-run/batch-annotations.js";

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("batchAnnotations", () => {
  it.each<[number, number[]]>([
    [0, [0]],
    [1, [1]],
    [50, [50]],
    [51, [50, 1]],
    [120, [50, 50, 20]],
  ])("%i annotations go in batches of %j", (count, sizes) => {
    const batches = batchAnnotations(numbers(count));
    expect(batches.map((batch) => batch.length)).toEqual(sizes);
    // In order, none lost or repeated.
    expect(batches.flat()).toEqual(numbers(count));
  });

  it("returns one empty first batch when there is nothing to send", () => {
    expect(batchAnnotations([])).toEqual([[]]);
  });

  it("takes another batch size", () => {
    expect(batchAnnotations(["a", "b", "c"], 2)).toEqual([["a", "b"], ["c"]]);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects size %s", (size) => {
    expect(() => batchAnnotations([1], size)).toThrow(RangeError);
  });
});
