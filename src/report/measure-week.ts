import type { Config } from "../config/schema.js";
import type { ReportFacts } from "../model/report-facts.js";
import type { WeekMetrics } from "../model/week-metrics.js";
import type { Rule } from "../rules/rule.js";
import type { FlakyWeek } from "./metrics/measure-flaky-week.js";
import { measureWeekPopulations, type MeasuredWeek, type WaitingPullRequest } from "./metrics/measured-week.js";
import { WEEK_METRICS } from "./metrics/registry.js";
import type { WeekMetric } from "./metrics/week-metric.js";

export type { FlakyIssueLink, FlakyWeek, OpenFlakyIssue } from "./metrics/measure-flaky-week.js";
export type { WaitingPullRequest } from "./metrics/measured-week.js";

/** One week measured: the figures, and the lists the report renders from them. */
export interface WeekMeasurement {
  /** Every registered metric's figure, in registry order (the marker's order). */
  metrics: WeekMetrics;
  /** PRs waiting for a first review at the window's end, oldest first (ready time, then number). */
  waiting: WaitingPullRequest[];
  flaky: FlakyWeek;
}

/**
 * Measure one ISO week exactly as the README's "What the figures mean"
 * defines it (pure): the populations once
 * (`measureWeekPopulations`), then each registered metric's summary of them.
 * Every figure is as of `facts.window.end`, whenever this runs.
 *
 * @param facts the week's facts (`window` from `isoWeekWindow`)
 * @param config the validated config (`review`, `flaky` and the rules' sections are read)
 * @param rules the check-run rules to re-evaluate on merged PRs (the registry's
 *   report rules in production); a pass-rate metric whose rule is not among
 *   them is null
 * @param metrics the metric registry (default: `WEEK_METRICS`)
 * @returns metrics, the waiting list and the flaky lists, see {@link WeekMeasurement}
 * @throws RangeError when the window or a PR's `createdAt` is not an ISO instant
 */
export function measureWeek(
  facts: ReportFacts,
  config: Config,
  rules: readonly Rule[],
  metrics: readonly WeekMetric[] = WEEK_METRICS,
): WeekMeasurement {
  return summarizeWeek(measureWeekPopulations(facts, config, rules), metrics);
}

/**
 * A week's populations summarised (pure): each registered metric's figure,
 * and the lists the report renders. {@link measureWeek} is this after
 * `measureWeekPopulations`; a rollup summarises populations it put together
 * from several repositories.
 *
 * @param week the measured populations
 * @param metrics the metric registry (default: `WEEK_METRICS`)
 */
export function summarizeWeek(week: MeasuredWeek, metrics: readonly WeekMetric[] = WEEK_METRICS): WeekMeasurement {
  const figures: Record<string, number | null> = {};
  for (const metric of metrics) figures[metric.key] = metric.measure(week);
  const { open, opened, closed, closedLifetimeDays, reruns } = week.flaky;
  return { metrics: figures, waiting: week.waiting, flaky: { open, opened, closed, closedLifetimeDays, reruns } };
}
