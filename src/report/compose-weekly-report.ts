import type { Config } from "../config/schema.js";
import type { ReportIssue } from "../model/report-issue.js";
import type { ReportFacts } from "../model/report-facts.js";
import type { Rule } from "../rules/rule.js";
import { isoWeekWindow, previousIsoWeeks, type IsoWeekWindow } from "../time/iso-week.js";
import { parseInstant } from "../time/parse-instant.js";
import { measureWeek, type WeekMeasurement } from "./measure-week.js";
import { renderReport } from "./render-report.js";
import { sliceFactsByWeek, type WeekWindow } from "./slice-facts-by-week.js";
import type { TrendWeek } from "./render-trend-chart.js";
import type { WeekMetrics } from "../model/week-metrics.js";
import type { WeekMetric } from "./metrics/week-metric.js";
import type { RollupRenderInput } from "./rollup-row.js";

/** Which weeks a report must gather and which it reads from earlier reports' markers. */
export interface ReportPlan {
  /** This week's window in `report.timezone`. */
  window: IsoWeekWindow;
  /** The trend's earlier weeks, oldest first (`report.trend_weeks` - 1 of them). */
  earlierWeeks: string[];
  /** Earlier weeks' metrics read from report markers, by week. */
  stored: Map<string, WeekMetrics>;
  /** Earlier weeks with no marker: computed from facts in the same pass. */
  computedWindows: IsoWeekWindow[];
  /** Where the gathering starts (ISO UTC): this week's start, or the oldest computed week's. */
  spanStart: string;
}

/**
 * Plan one week's report (pure): its window, the trend's earlier weeks, which
 * of them earlier reports' markers already hold (the lowest-numbered report
 * of a week wins), and how far back facts must be gathered for the rest.
 * A rollup's trend reads rollup markers only, and a repository's own trend
 * only its own, so a repository that starts or stops a rollup never mixes
 * team figures with its own.
 *
 * @param input `week` (`YYYY-Www`), the config's `report` section, the listed report issues
 * @throws Error for a malformed week or unknown time zone (see `isoWeekWindow`)
 */
export function planWeeklyReport(input: {
  week: string;
  report: Config["report"];
  reports: readonly ReportIssue[];
  /** True for a rollup: only rollup markers (with `repositories`) count; false (default): only markers of one repository. */
  rollup?: boolean;
}): ReportPlan {
  const timezone = input.report.timezone;
  const window = isoWeekWindow(input.week, timezone);
  const earlierWeeks = previousIsoWeeks(window.week, input.report.trend_weeks - 1);
  const stored = new Map<string, WeekMetrics>();
  for (const week of earlierWeeks) {
    const marker = input.reports
      .filter((issue) => issue.marker?.week === week && (issue.marker.repositories !== undefined) === (input.rollup ?? false))
      .sort((a, b) => a.number - b.number)[0]?.marker;
    if (marker) stored.set(week, marker.metrics);
  }
  const computedWindows = earlierWeeks.filter((week) => !stored.has(week)).map((week) => isoWeekWindow(week, timezone));
  const spanStart = [window, ...computedWindows].reduce(
    (earliest, candidate) => (parseInstant(candidate.start) < parseInstant(earliest) ? candidate.start : earliest),
    window.start,
  );
  return { window, earlierWeeks, stored, computedWindows, spanStart };
}

/** A weekly report, rendered and not yet published. */
export interface WeeklyReport {
  /** `YYYY-Www`. */
  week: string;
  /** The week's Monday, `YYYY-MM-DD`. */
  monday: string;
  title: string;
  body: string;
  metrics: WeekMetrics;
  /** The trend shown, oldest first, this week last. */
  trend: TrendWeek[];
  /** Earlier weeks of the trend that no report marker held, so were computed from facts. */
  computedWeeks: string[];
  /** Pull requests gathered (every week of the pass together). */
  pullRequests: number;
  /** API requests to build it (shown in the footer). */
  apiCalls: number;
  /** This week's lists (waiting PRs, flaky issues) as measured. */
  measurement: WeekMeasurement;
}

/**
 * Measure and render a planned report from its facts (pure). Each week is
 * measured on its own population (PRs and issues open at some moment of it):
 * the same figures as on the whole pass, which `measureWeek` would filter
 * anyway, for a fraction of the work when earlier weeks were gathered too.
 * "Last week" in the table is the week before, from its marker or computed.
 *
 * @param input the plan, the facts gathered from `plan.spanStart` to the
 *   week's end, the config, the rules whose pass rates the report shows,
 *   the API calls spent (footer), the config file's link and the metric registry
 * @returns the title, body, metrics, trend and this week's lists
 */
export function composeWeeklyReport(input: {
  plan: ReportPlan;
  facts: ReportFacts;
  config: Config;
  rules: readonly Rule[];
  apiCalls: number;
  configUrl: string;
  /** The metric registry (default: `WEEK_METRICS`). */
  metrics?: readonly WeekMetric[];
}): WeeklyReport {
  const { plan, facts, config } = input;
  const stored = new Map(plan.stored);
  const slice = sliceFactsByWeek(facts);
  const measure = (week: WeekWindow): WeekMeasurement => measureWeek(slice(week), config, input.rules, input.metrics);
  const window = plan.window;
  const measurement = measure(window);
  for (const computed of plan.computedWindows) stored.set(computed.week, measure(computed).metrics);

  return finishWeeklyReport({
    plan,
    measurement,
    stored,
    config,
    apiCalls: input.apiCalls,
    configUrl: input.configUrl,
    pullRequests: facts.pullRequests.length,
    ...(input.metrics ? { metrics: input.metrics } : {}),
  });
}

/**
 * Render a planned and measured week as a report (pure): the trend (earlier
 * weeks from `stored`, this week last), last week's figures, the title and
 * body. One repository's report and a rollup's (with `rollup`) end here.
 *
 * @param input the plan, this week's measurement, every earlier week's
 *   figures known, the config (`review`, `flaky`), the API calls spent
 *   (footer), the config file's link, the pull requests gathered, the metric
 *   registry (default `WEEK_METRICS`) and, for a rollup, its rows and omissions
 */
export function finishWeeklyReport(input: {
  plan: ReportPlan;
  measurement: WeekMeasurement;
  stored: ReadonlyMap<string, WeekMetrics>;
  config: Config;
  apiCalls: number;
  configUrl: string;
  pullRequests: number;
  metrics?: readonly WeekMetric[];
  rollup?: RollupRenderInput;
}): WeeklyReport {
  const { plan, measurement } = input;
  const window = plan.window;
  const { trend, previous } = assembleTrend(plan, input.stored, measurement.metrics);
  const rendered = renderReport({
    week: window.week,
    monday: window.monday,
    metrics: measurement.metrics,
    previous,
    trend,
    waiting: measurement.waiting,
    flaky: measurement.flaky,
    config: input.config,
    apiCalls: input.apiCalls,
    configUrl: input.configUrl,
    ...(input.metrics ? { registry: input.metrics } : {}),
    ...(input.rollup ? { rollup: input.rollup } : {}),
  });
  return {
    week: window.week,
    monday: window.monday,
    title: rendered.title,
    body: rendered.body,
    metrics: measurement.metrics,
    trend,
    computedWeeks: plan.computedWindows.map((computed) => computed.week),
    pullRequests: input.pullRequests,
    apiCalls: input.apiCalls,
    measurement,
  };
}

/**
 * The trend of a planned report (pure): the earlier weeks that have figures
 * (from markers or computed), oldest first, then this week; and last week's
 * figures for the "Last week" column (null when unknown).
 *
 * @param plan the plan
 * @param stored every earlier week's figures known, by week
 * @param metrics this week's figures
 */
export function assembleTrend(
  plan: Pick<ReportPlan, "earlierWeeks" | "window">,
  stored: ReadonlyMap<string, WeekMetrics>,
  metrics: WeekMetrics,
): { trend: TrendWeek[]; previous: WeekMetrics | null } {
  const trend: TrendWeek[] = [
    ...plan.earlierWeeks.flatMap((week) => {
      const figures = stored.get(week);
      return figures ? [{ week, metrics: figures }] : [];
    }),
    { week: plan.window.week, metrics },
  ];
  const previousWeek = plan.earlierWeeks.at(-1);
  return { trend, previous: previousWeek === undefined ? null : (stored.get(previousWeek) ?? null) };
}
