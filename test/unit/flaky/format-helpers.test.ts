import { describe, expect, it } from "vitest";
import { formatDays } from "../../../src/text/format-figures.js";
import { formatIssueList } from "../../../src/flaky/format-issue-list.js";

describe("formatDays", () => {
  it.each([
    [0, "0 days"],
    [1, "1 day"],
    [1.04, "1 day"],
    [3.5, "3.5 days"],
    [23, "23 days"],
    [13.96, "14 days"],
  ])("formats %d as %j", (days, text) => {
    expect(formatDays(days)).toBe(text);
  });
});

describe("formatIssueList", () => {
  it.each([
    [[12], "#12"],
    [[12, 15], "#12 and #15"],
    [[1, 2, 3], "#1, #2 and #3"],
    [[1, 2, 3, 4, 5], "#1, #2, #3, #4 and #5"],
    [[1, 2, 3, 4, 5, 6, 7, 8], "#1, #2, #3, #4, #5 and 3 more"],
  ])("lists %j as %j", (numbers, text) => {
    expect(formatIssueList(numbers)).toBe(text);
  });
});
