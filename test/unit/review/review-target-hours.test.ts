import { describe, expect, it } from "vitest";
import { reviewTargetHours } from "../../../src/review/review-target-hours.js";

describe("reviewTargetHours", () => {
  it.each([
    { within: "24h", expected: 24 },
    { within: "30m", expected: 0.5 },
    { within: "2d", expected: 48 },
  ])("$within -> $expected h", ({ within, expected }) => {
    expect(reviewTargetHours({ first_review_within: within })).toBe(expected);
  });

  it("throws on a value that is not a duration", () => {
    expect(() => reviewTargetHours({ first_review_within: "soon" })).toThrow(/"soon" is not a duration/);
  });
});
