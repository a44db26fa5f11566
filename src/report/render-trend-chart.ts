import { isoWeekLabel } from "../time/iso-week.js";
import { roundTo } from "./stats.js";
import { figureOf, type WeekMetrics } from "../model/week-metrics.js";

/** One week of the trend. */
export interface TrendWeek {
  /** `YYYY-Www`. */
  week: string;
  metrics: WeekMetrics;
}

/**
 * The trend as a Mermaid `xychart-beta` block (GitHub renders Mermaid in
 * issues), plus a plain-text note for readers without the chart:
 *
 * - x-axis: one label per week, `W40` … (the ISO week number);
 * - `bar`: PRs merged; `line`: median time to first review in hours (1 decimal). The bar
 *   comes first so the line is drawn over it. `xychart-beta` has one y-axis,
 *   so both share it and the chart's title names both series.
 * - A week with no median (no first review measured) is plotted as 0, because
 *   `xychart-beta` has no gaps; the note under the chart names those weeks,
 *   so a 0 is never read as "reviews were instant".
 * - y-axis: 0 to a round number at or above every value.
 *
 * @param trend weeks, oldest first, this week last (at least one)
 * @param options `businessHours`: true when review times are business hours (named in the title)
 * @returns markdown: the fenced block and the note, separated by a blank line
 */
export function renderTrendChart(trend: readonly TrendWeek[], options: { businessHours: boolean }): string {
  const labels = trend.map((week) => isoWeekLabel(week.week));
  const medians = trend.map((week) => roundTo(figureOf(week.metrics, "ttfr_median_hours") ?? 0, 1));
  const merged = trend.map((week) => figureOf(week.metrics, "prs_merged") ?? 0);
  const top = chartCeiling(Math.max(0, ...medians, ...merged));
  const unit = options.businessHours ? "business hours" : "hours";
  const chart = [
    "```mermaid",
    "xychart-beta",
    `  title "PRs merged (bars) and median time to first review in ${unit} (line)"`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis "PRs / ${unit}" 0 --> ${top}`,
    `  bar [${merged.join(", ")}]`,
    `  line [${medians.join(", ")}]`,
    "```",
  ].join("\n");

  const missing = trend.filter((week) => figureOf(week.metrics, "ttfr_median_hours") === null).map((week) => isoWeekLabel(week.week));
  const note =
    missing.length === 0
      ? ""
      : ` No first review was measured in ${missing.join(", ")}; the line shows 0 there.`;
  return `${chart}\n\n<sub>Bars: pull requests merged. Line: median time to first review (${unit}).${note}</sub>`;
}

/**
 * A round upper bound for the chart's y-axis: the smallest "nice" number at or
 * above `max` (whole numbers up to 10, then steps of half a power of ten:
 * 12 → 15, 31 → 35, 101 → 150). At least 1, so an all-zero chart still has a range.
 *
 * @param max the largest value plotted, ≥ 0
 */
export function chartCeiling(max: number): number {
  if (max <= 1) return 1;
  if (max <= 10) return Math.ceil(max);
  const step = 10 ** Math.floor(Math.log10(max)) / 2;
  return Math.ceil(max / step) * step;
}
