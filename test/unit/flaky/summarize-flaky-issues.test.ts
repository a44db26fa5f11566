import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { FlakyIssue } from "../../../src/model/pull-request-facts.js";
import { summarizeFlakyIssues } from "../../../src/flaky/summarize-flaky-issues.js";

const NOW = "2026-11-16T12:00:00Z";
const flaky = DEFAULT_CONFIG.flaky; // max_open 10, max_age_days 14

/** An open flaky issue labelled `daysAgo` days before NOW. */
function issue(number: number, daysAgo: number, overrides: Partial<FlakyIssue> = {}): FlakyIssue {
  const labeledAt = new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString();
  return {
    number,
    title: `Flaky test ${number}`,
    body: "",
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: labeledAt,
    assignees: ["someone"],
    labels: ["flaky-test"],
    ...overrides,
  };
}

describe("summarizeFlakyIssues", () => {
  it("summarises no issues as nothing open", () => {
    expect(summarizeFlakyIssues([], NOW, flaky)).toEqual({
      open: 0,
      unassigned: [],
      oldest: null,
      overAge: [],
      overLimit: false,
    });
  });

  it.each([
    ["at the limit", 10, false],
    ["one over the limit", 11, true],
  ])("counts open issues %s", (_case, count, overLimit) => {
    const issues = Array.from({ length: count }, (_, i) => issue(i + 1, 1));
    const summary = summarizeFlakyIssues(issues, NOW, flaky);
    expect(summary.open).toBe(count);
    expect(summary.overLimit).toBe(overLimit);
  });

  it.each([
    ["13.9 days", 13.9, false],
    ["exactly max_age_days", 14, false],
    ["14.04 days (shown as 14.0)", 14.04, false],
    ["14.1 days", 14.1, true],
    ["23 days", 23, true],
  ])("judges an issue open %s against max_age_days 14", (_case, days, over) => {
    const summary = summarizeFlakyIssues([issue(5, days)], NOW, flaky);
    expect(summary.overAge).toEqual(over ? [5] : []);
  });

  it("ages from labeledAt when known, else createdAt", () => {
    const relabelled = issue(1, 30, { labeledAt: "2026-11-13T12:00:00Z" });
    const unknown = issue(2, 30);
    const summary = summarizeFlakyIssues([relabelled, unknown], NOW, flaky);
    expect(summary.oldest).toEqual({ number: 2, ageDays: 30 });
    expect(summary.overAge).toEqual([2]);
  });

  it("falls back to createdAt when labeledAt cannot be parsed", () => {
    const summary = summarizeFlakyIssues([issue(1, 20, { labeledAt: "yesterday" })], NOW, flaky);
    expect(summary.oldest).toEqual({ number: 1, ageDays: 20 });
  });

  it("rounds ages to 1 decimal and clamps a future start to 0", () => {
    const summary = summarizeFlakyIssues([issue(1, 2.345)], NOW, flaky);
    expect(summary.oldest).toEqual({ number: 1, ageDays: 2.3 });
    const future = summarizeFlakyIssues([issue(2, -1)], NOW, flaky);
    expect(future.oldest).toEqual({ number: 2, ageDays: 0 });
  });

  it("lists unassigned and over-age issues oldest first, ties by number", () => {
    const issues = [
      issue(30, 20, { assignees: [] }),
      issue(12, 40),
      issue(41, 20, { assignees: [] }),
      issue(7, 3, { assignees: [] }),
      issue(25, 20),
    ];
    const summary = summarizeFlakyIssues(issues, NOW, flaky);
    expect(summary).toEqual({
      open: 5,
      unassigned: [30, 41, 7],
      oldest: { number: 12, ageDays: 40 },
      overAge: [12, 25, 30, 41],
      overLimit: false,
    });
  });

  it("reports unassigned issues whatever require_assignee says (the rule decides)", () => {
    const issues = [issue(1, 1, { assignees: [] })];
    expect(summarizeFlakyIssues(issues, NOW, { ...flaky, require_assignee: false }).unassigned).toEqual([1]);
  });

  it("reads the issues as given: a renamed label in the config changes nothing", () => {
    const issues = [issue(1, 20, { labels: ["flaky-test"] }), issue(2, 1, { labels: ["flaky-test"] })];
    expect(summarizeFlakyIssues(issues, NOW, { ...flaky, label: "flaky" })).toEqual(
      summarizeFlakyIssues(issues, NOW, flaky),
    );
  });

  it("uses the configured limits", () => {
    const issues = [issue(1, 5), issue(2, 4), issue(3, 1)];
    const summary = summarizeFlakyIssues(issues, NOW, { ...flaky, max_open: 2, max_age_days: 4 });
    expect(summary.overLimit).toBe(true);
    expect(summary.overAge).toEqual([1]);
  });

  it.each([
    ["now", [issue(1, 1)], "not a time"],
    ["createdAt", [issue(9, 1, { createdAt: "soon" })], NOW],
  ])("throws a RangeError naming a bad %s", (what, issues, now) => {
    expect(() => summarizeFlakyIssues(issues, now, flaky)).toThrow(RangeError);
    if (what === "createdAt") expect(() => summarizeFlakyIssues(issues, now, flaky)).toThrow(/#9.*"soon"/);
  });
});
