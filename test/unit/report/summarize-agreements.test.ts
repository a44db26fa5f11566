import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { chooseRetroQuestions } from "../../../src/report/choose-retro-questions.js";
import { AGREEMENT_TARGET_PCT, summarizeAgreements } from "../../../src/report/summarize-agreements.js";
import type { WeekMetrics } from "../../../src/model/week-metrics.js";

const BASE: WeekMetrics = {
  prs_opened: 10,
  prs_merged: 10,
  ttfr_median_hours: 4,
  ttfr_p90_hours: 10,
  review_sla_met_pct: 95,
  reasoning_pass_pct: 95,
  tests_pass_pct: 95,
  flaky_open: 2,
  flaky_unassigned: 0,
  flaky_opened: 0,
  flaky_closed: 0,
  flaky_oldest_days: 3,
  waiting_for_review: 0,
};
const CONFIG = configSchema.parse({ review: { first_review_within: "8h" }, flaky: { max_open: 3 } });

const statusOf = (metrics: Partial<WeekMetrics>, previous: Partial<WeekMetrics> | null, key: string) =>
  summarizeAgreements({ ...BASE, ...metrics }, previous === null ? null : { ...BASE, ...previous }, CONFIG).find(
    (status) => status.key === key,
  );

describe("summarizeAgreements", () => {
  it("lists the six agreements with their targets, in table order", () => {
    const statuses = summarizeAgreements(BASE, null, CONFIG);
    expect(statuses.map((status) => [status.key, status.targetText])).toEqual([
      ["ttfr", "≤ 8 h"],
      ["sla", `≥ ${AGREEMENT_TARGET_PCT} %`],
      ["reasoning", "≥ 90 %"],
      ["tests", "≥ 90 %"],
      ["size", "≥ 90 %"],
      ["flaky", "≤ 3"],
    ]);
  });

  it.each([
    // key, this week, last week, change, met
    ["ttfr", { ttfr_median_hours: 3 }, { ttfr_median_hours: 5 }, "better", true], // lower is better
    ["ttfr", { ttfr_median_hours: 9 }, { ttfr_median_hours: 5 }, "worse", false],
    ["ttfr", { ttfr_median_hours: 8 }, { ttfr_median_hours: 8 }, "same", true], // at the target is within it
    ["sla", { review_sla_met_pct: 92 }, { review_sla_met_pct: 88 }, "better", true], // higher is better
    ["reasoning", { reasoning_pass_pct: 81 }, { reasoning_pass_pct: 84 }, "worse", false],
    ["tests", { tests_pass_pct: 90 }, null, null, true],
    ["tests", { tests_pass_pct: null }, { tests_pass_pct: 80 }, null, null], // no figure: no verdict
    ["flaky", { flaky_open: 4 }, { flaky_open: 6 }, "better", false], // lower is better, still over the limit
  ] as const)("%s %j against %j is %s, met: %s", (key, metrics, previous, change, met) => {
    const status = statusOf(metrics, previous, key);
    expect(status?.change).toBe(change);
    expect(status?.met).toBe(met);
  });

  it("measures the shortfall relative to the target, positive when missed", () => {
    expect(statusOf({ ttfr_median_hours: 12 }, null, "ttfr")?.shortfall).toBe(0.5);
    expect(statusOf({ reasoning_pass_pct: 45 }, null, "reasoning")?.shortfall).toBe(0.5);
    expect(statusOf({ flaky_open: 3 }, null, "flaky")?.shortfall).toBe(0);
    expect(statusOf({ tests_pass_pct: null }, null, "tests")?.shortfall).toBeNull();
  });
});

describe("chooseRetroQuestions", () => {
  it("asks about the missed agreements, furthest from target first, at most three", () => {
    const statuses = summarizeAgreements(
      { ...BASE, ttfr_median_hours: 10, reasoning_pass_pct: 50, tests_pass_pct: 85, flaky_open: 9 },
      null,
      CONFIG,
    );
    const questions = chooseRetroQuestions(statuses, { waitingForReview: 4 });
    // flaky 9 vs 3 (+200 %), reasoning 50 vs 90 (-44 %), ttfr 10 vs 8 (+25 %), tests 85 vs 90 (-6 %).
    expect(questions.map((question) => question.split(".")[0])).toEqual([
      "9 flaky tests are open (the team's limit is 3)",
      "Documented reasoning was at 50 %",
      "Median time to first review was 10 h against a target of 8 h",
    ]);
  });

  it("asks about waiting PRs and what the figures miss when only one agreement missed", () => {
    const statuses = summarizeAgreements({ ...BASE, tests_pass_pct: 70 }, { ...BASE, tests_pass_pct: 80 }, CONFIG);
    expect(chooseRetroQuestions(statuses, { waitingForReview: 1 })).toEqual([
      "Tests came with code on 70 % of merged pull requests. Which changes were hard to test, and what would make them easier?",
      "One pull request is waiting for a first review. Is it blocking someone today?",
      "What slowed the team down this week that these figures do not show?",
    ]);
  });

  it("always asks at least two questions", () => {
    const statuses = summarizeAgreements(BASE, null, CONFIG);
    expect(chooseRetroQuestions(statuses, { waitingForReview: 0 })).toHaveLength(2);
  });
});
