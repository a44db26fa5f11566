import type { Config } from "../config/schema.js";
import type { WeekMetrics } from "../model/week-metrics.js";
import type { FlakyWeek, WaitingPullRequest } from "./measure-week.js";
import type { WeekMetric } from "./metrics/week-metric.js";
import type { TrendWeek } from "./render-trend-chart.js";
import type { RollupRenderInput } from "./rollup-row.js";

/** Everything the weekly report shows; all of it already measured. */
export interface RenderReportInput {
  /** `YYYY-Www`. */
  week: string;
  /** The week's Monday, `YYYY-MM-DD` (in `report.timezone`). */
  monday: string;
  metrics: WeekMetrics;
  /** Last week's figures, or null when unknown. */
  previous: WeekMetrics | null;
  /** Weeks for the chart, oldest first, this week included (last); empty is read as this week alone. */
  trend: TrendWeek[];
  /** From the same `measureWeek` call as `metrics`: PRs waiting for a first review, oldest first. */
  waiting: WaitingPullRequest[];
  /** From the same `measureWeek` call as `metrics`: flaky issues open at the end, opened and closed. */
  flaky: FlakyWeek;
  /** `review` (target, clock) and `flaky` (limits) are read. */
  config: Pick<Config, "review" | "flaky">;
  /** API calls used to gather the facts (shown in the footer). */
  apiCalls: number;
  /** Link to `.github/eng-health.yml` on the default branch. */
  configUrl: string;
  /** The metric registry (default: `WEEK_METRICS`): the agreements table, the wins and the marker follow it. */
  registry?: readonly WeekMetric[];
  /**
   * Present for a rollup: `metrics` are then the team's over every repository,
   * the report adds a "By repository" section, names items `widgets#5`, and
   * its marker stores each repository's figures too.
   */
  rollup?: RollupRenderInput;
}

/** True when review times are business hours (`review.business_hours` is set). */
export function isBusinessHours(input: Pick<RenderReportInput, "config">): boolean {
  return input.config.review.business_hours !== false;
}
