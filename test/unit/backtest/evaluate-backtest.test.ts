import { describe, expect, it } from "vitest";
import type { Backtest } from "../../../src/backtest/evaluate-backtest.js";
import { backtestOf, buildMergedPullRequest, SOURCE_CHANGE } from "../../helpers/build-backtest.js";
import { buildReportPullRequest, reviewBy } from "../../helpers/build-report-facts.js";
import { words } from "../../helpers/mock-github.js";

const row = (result: Backtest, id: string) => {
  const found = result.rules.find((rule) => rule.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const numbers = (prs: ReadonlyArray<{ number: number }>) => prs.map((pr) => pr.number);

describe("evaluateBacktest: current against proposed", () => {
  it("counts pass / fail / skip per rule under both configs and names the PRs that newly fail, newest merge first", () => {
    const prs = [
      buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { body: words(25) }), // passes 20 words, fails 40
      buildMergedPullRequest(2, "2026-11-17T12:00:00Z", { body: words(45) }), // passes both
      buildMergedPullRequest(3, "2026-11-18T12:00:00Z", { body: words(10) }), // fails both
      buildMergedPullRequest(4, "2026-11-19T12:00:00Z", { body: words(30) }), // passes 20, fails 40
    ];
    const result = backtestOf(prs, {}, { reasoning: { min_words: 40 } });

    expect(result.pullRequests).toBe(4);
    expect(result.leftOut).toBe(0);
    expect(row(result, "reasoning")).toMatchObject({
      current: { pass: 3, fail: 1, skip: 0, level: "warning" },
      proposed: { pass: 1, fail: 3, skip: 0, level: "warning" },
    });
    expect(numbers(row(result, "reasoning").newlyFailing)).toEqual([4, 1]);
    expect(row(result, "reasoning").newlyPassing).toEqual([]);
    // The other rules judge the same under both: a test came with every change, reviews within a day.
    expect(row(result, "tests")).toMatchObject({ current: { pass: 4, fail: 0, skip: 0 }, proposed: { pass: 4, fail: 0, skip: 0 }, newlyFailing: [] });
    expect(row(result, "review")).toMatchObject({ current: { pass: 4, fail: 0, skip: 0, level: "notice" }, proposed: { pass: 4 } });
    // A warning-level failure concludes neutral under either config.
    expect(result.conclusions).toEqual({
      current: { success: 3, neutral: 1, failure: 0 },
      proposed: { success: 1, neutral: 3, failure: 0 },
      newlyFailing: [],
      newlyPassing: [],
    });
    expect(row(result, "reasoning").newlyFailing[0]).toEqual({
      number: 4,
      title: "Change 4",
      htmlUrl: "https://github.com/acme/widgets/pull/4",
      mergedAt: "2026-11-19T12:00:00Z",
    });
  });

  it("names the PRs that no longer fail, whether they now pass or are skipped", () => {
    const prs = [
      buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { files: [SOURCE_CHANGE] }), // no test: fails tests
      buildMergedPullRequest(2, "2026-11-17T12:00:00Z", { files: [SOURCE_CHANGE], labels: ["no-tests-needed"] }),
      buildMergedPullRequest(3, "2026-11-18T12:00:00Z", { files: [{ ...SOURCE_CHANGE, additions: 6, deletions: 0 }] }), // 6 lines
    ];
    const result = backtestOf(prs, { tests: { min_changed_lines: 5 } }, { tests: { min_changed_lines: 10, skip_labels: ["no-tests-needed"] } });

    expect(row(result, "tests")).toMatchObject({ current: { pass: 0, fail: 3, skip: 0 }, proposed: { pass: 0, fail: 1, skip: 2 } });
    expect(numbers(row(result, "tests").newlyPassing)).toEqual([3, 2]);
    expect(row(result, "tests").newlyFailing).toEqual([]);
  });

  it("shows a level change in the conclusions: tests at failure would fail the check run", () => {
    const prs = [buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { files: [SOURCE_CHANGE] }), buildMergedPullRequest(2, "2026-11-17T12:00:00Z")];
    const result = backtestOf(prs, {}, { tests: { level: "failure" } });

    expect(row(result, "tests")).toMatchObject({
      current: { pass: 1, fail: 1, skip: 0, level: "warning" },
      proposed: { pass: 1, fail: 1, skip: 0, level: "failure" },
      newlyFailing: [],
    });
    expect(result.conclusions.current).toEqual({ success: 1, neutral: 1, failure: 0 });
    expect(result.conclusions.proposed).toEqual({ success: 1, neutral: 0, failure: 1 });
    expect(numbers(result.conclusions.newlyFailing)).toEqual([1]);
  });

  it("caps the conclusion at neutral in shadow mode", () => {
    const prs = [buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { files: [SOURCE_CHANGE] })];
    const result = backtestOf(prs, { tests: { level: "failure" } }, { mode: "shadow", tests: { level: "failure" } });

    expect(row(result, "tests")).toMatchObject({ current: { fail: 1 }, proposed: { fail: 1 } });
    expect(result.conclusions.current).toEqual({ success: 0, neutral: 0, failure: 1 });
    expect(result.conclusions.proposed).toEqual({ success: 0, neutral: 1, failure: 0 });
    expect(numbers(result.conclusions.newlyPassing)).toEqual([1]);
  });

  it("counts a rule turned off as skipped by every PR", () => {
    const result = backtestOf([buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { body: "" })], {}, { reasoning: { level: "off" } });
    expect(row(result, "reasoning")).toMatchObject({ current: { fail: 1, level: "warning" }, proposed: { skip: 1, level: "off" } });
    expect(numbers(row(result, "reasoning").newlyPassing)).toEqual([1]);
  });

  it("without a proposed config, tallies the current one alone", () => {
    const result = backtestOf([buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { body: "" })], {}, null);
    expect(row(result, "reasoning")).toEqual({
      id: "reasoning",
      agreement: "Documented reasoning",
      current: { pass: 0, fail: 1, skip: 0, level: "warning" },
      proposed: null,
      newlyFailing: [],
      newlyPassing: [],
    });
    expect(result.conclusions).toEqual({ current: { success: 0, neutral: 1, failure: 0 }, proposed: null, newlyFailing: [], newlyPassing: [] });
  });
});

describe("evaluateBacktest: who and what is judged", () => {
  it("judges only PRs merged in the period (from inclusive, to exclusive)", () => {
    const prs = [
      buildMergedPullRequest(1, "2026-10-25T23:59:59Z"),
      buildMergedPullRequest(2, "2026-10-26T00:00:00Z"),
      buildMergedPullRequest(3, "2026-11-22T23:59:59Z"),
      buildMergedPullRequest(4, "2026-11-23T00:00:00Z"),
      buildReportPullRequest({ number: 5, state: "closed", closedAt: "2026-11-18T00:00:00Z" }), // closed, not merged
      buildReportPullRequest({ number: 6 }), // open
    ];
    const result = backtestOf(prs, {}, {});
    expect(result.pullRequests).toBe(2);
    expect(row(result, "reasoning").current.pass).toBe(2);
  });

  it("leaves out bots, and authors both configs ignore, as the weekly report does", () => {
    const prs = [
      buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { author: { login: "dependabot[bot]", type: "Bot" }, body: "" }),
      buildMergedPullRequest(2, "2026-11-16T13:00:00Z", { author: { login: "release-train", type: "Bot" }, body: "" }),
      buildMergedPullRequest(3, "2026-11-16T14:00:00Z", { author: { login: "Ops-Robot", type: "User" }, body: "" }),
      buildMergedPullRequest(4, "2026-11-16T15:00:00Z"),
    ];
    const config = { review: { ignore_authors: ["ops-robot"] } };
    const result = backtestOf(prs, config, config);
    expect(result.pullRequests).toBe(1);
    expect(result.leftOut).toBe(3);
    expect(row(result, "reasoning").current).toEqual({ pass: 1, fail: 0, skip: 0, level: "warning" });
  });

  it("skips every rule for an author only one config ignores, so a change to the list shows", () => {
    const prs = [buildMergedPullRequest(1, "2026-11-16T12:00:00Z", { author: { login: "ops-robot", type: "User" }, body: "" })];
    const result = backtestOf(prs, {}, { review: { ignore_authors: ["ops-robot"] } });
    expect(result.pullRequests).toBe(1);
    expect(row(result, "reasoning")).toMatchObject({ current: { fail: 1, skip: 0 }, proposed: { fail: 0, skip: 1 } });
    expect(numbers(row(result, "reasoning").newlyPassing)).toEqual([1]);
  });

  it("judges the review rule as of the merge: the wait ended there, later reviews do not count", () => {
    const prs = [
      // Ready Monday 09:00, reviewed Tuesday 15:00: 14 business hours (8 on Monday, 6 on Tuesday).
      buildMergedPullRequest(1, "2026-11-17T16:00:00Z", { review: { reviews: [reviewBy("grace", "2026-11-17T15:00:00Z")] } }),
      // Merged Monday 12:00 with no review; the review on Wednesday came after the merge.
      buildMergedPullRequest(2, "2026-11-16T12:00:00Z", { review: { reviews: [reviewBy("grace", "2026-11-18T10:00:00Z")] } }),
    ];
    const result = backtestOf(prs, { review: { first_review_within: "24h" } }, { review: { first_review_within: "8h" } });
    expect(row(result, "review")).toMatchObject({
      current: { pass: 1, fail: 0, skip: 1 },
      proposed: { pass: 0, fail: 1, skip: 1 },
    });
    expect(numbers(row(result, "review").newlyFailing)).toEqual([1]);
  });

  it("leaves out the rules it cannot judge from the collection, saying why", () => {
    const result = backtestOf([], {}, {});
    expect(result.rules.map((rule) => rule.id)).toEqual(["reasoning", "tests", "review"]);
    expect(result.notBacktested.map((rule) => rule.id)).toEqual(["disabled-tests", "flaky"]);
    expect(result.notBacktested[0]?.reason).toMatch(/diff/);
    expect(result.pullRequests).toBe(0);
  });
});
