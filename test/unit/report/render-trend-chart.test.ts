import { describe, expect, it } from "vitest";
import { chartCeiling, renderTrendChart } from "../../../src/report/render-trend-chart.js";
import type { WeekMetrics } from "../../../src/model/week-metrics.js";

const metrics = (ttfr: number | null, merged: number): WeekMetrics => ({
  prs_opened: 0,
  prs_merged: merged,
  ttfr_median_hours: ttfr,
  ttfr_p90_hours: null,
  review_sla_met_pct: null,
  reasoning_pass_pct: null,
  tests_pass_pct: null,
  flaky_open: 0,
  flaky_unassigned: 0,
  flaky_opened: 0,
  flaky_closed: 0,
  flaky_oldest_days: null,
  waiting_for_review: 0,
});

describe("renderTrendChart", () => {
  it("labels weeks across a year boundary and plots missing medians as 0, with a note", () => {
    const chart = renderTrendChart(
      [
        { week: "2026-W52", metrics: metrics(2.25, 3) },
        { week: "2026-W53", metrics: metrics(null, 0) },
        { week: "2027-W01", metrics: metrics(4.04, 7) },
      ],
      { businessHours: false },
    );
    expect(chart).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      xychart-beta
        title "PRs merged (bars) and median time to first review in hours (line)"
        x-axis [W52, W53, W01]
        y-axis "PRs / hours" 0 --> 7
        bar [3, 0, 7]
        line [2.3, 0, 4]
      \`\`\`

      <sub>Bars: pull requests merged. Line: median time to first review (hours). No first review was measured in W53; the line shows 0 there.</sub>"
    `);
  });

  it("leaves out the note when every week has a median", () => {
    expect(renderTrendChart([{ week: "2026-W47", metrics: metrics(1, 1) }], { businessHours: true })).not.toContain("shows 0");
  });
});

describe("chartCeiling", () => {
  it.each([
    [0, 1],
    [0.4, 1],
    [7, 7],
    [7.2, 8],
    [12, 15],
    [31, 35],
    [100, 100],
    [101, 150],
  ])("%s rounds up to %s", (max, expected) => {
    expect(chartCeiling(max)).toBe(expected);
  });
});
