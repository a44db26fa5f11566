import { describe, expect, it } from "vitest";
import { formatReviewHours } from "../../../src/review/format-review-hours.js";

describe("formatReviewHours", () => {
  it.each([
    { hours: 3.5, business: true, expected: "3.5 business hours" },
    { hours: 3.5, business: false, expected: "3.5 hours" },
    { hours: 1.02, business: true, expected: "1 business hour" },
    { hours: 26, business: false, expected: "26 hours" },
    { hours: 0.25, business: true, expected: "15 business minutes" },
    { hours: 1 / 60, business: false, expected: "1 minute" },
    { hours: 0, business: true, expected: "0 business minutes" },
  ])("$hours h (business: $business) -> $expected", ({ hours, business, expected }) => {
    expect(formatReviewHours(hours, business)).toBe(expected);
  });
});
