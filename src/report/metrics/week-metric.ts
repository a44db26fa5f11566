import type { Config } from "../../config/schema.js";
import type { WeekMetrics } from "../../model/week-metrics.js";
import type { MeasuredWeek } from "./measured-week.js";

/** What a metric's figure is: it decides how a stored value is checked and how it is shown. */
export type MetricKind = "count" | "hours" | "percent" | "days" | "minutes";

/** Which way is better for a figure. */
export type BetterWhen = "lower" | "higher";

/** One agreement's week against its target and the week before (a row of "Agreements at a glance"). */
export interface AgreementStatus {
  /** The agreement's key, e.g. `ttfr`, `sla`, or a rule id for a pass rate. */
  key: string;
  /** The metric the row shows. */
  metricKey: string;
  /** The agreement's name for the table, e.g. "Documented reasoning". */
  name: string;
  /** The target as shown, e.g. `"≤ 24 h"`, `"≥ 90 %"`. */
  targetText: string;
  /** The target as a number in the figure's unit (hours, percent, count). */
  target: number;
  /** This week's figure (null: no data). */
  value: number | null;
  /** Last week's figure (null: no data or no previous report). */
  previous: number | null;
  betterWhen: BetterWhen;
  /** Formats a figure of this agreement, e.g. `"3.2 h"`. */
  format(value: number | null): string;
  /** True when within target, false when not, null when there is no figure. */
  met: boolean | null;
  /**
   * How far the figure is from its target, relative to the target: positive
   * when the target is missed (0.5 = 50 % worse than the target), zero or
   * negative when it is met; null without a figure. Ranks the weakest.
   */
  shortfall: number | null;
  /** "better", "worse" or "same" against last week; null when either week has no figure. */
  change: "better" | "worse" | "same" | null;
  /** The retro question asked when this agreement is among the week's weakest (sentences, markdown). */
  question: string;
}

/** What the wins section knows besides the agreement's own status. */
export interface WinContext {
  /** This week's figures. */
  metrics: WeekMetrics;
  /** Last week's figures, or null. */
  previous: WeekMetrics | null;
  /** True when review times are business hours. */
  businessHours: boolean;
  /** Flaky issues closed in the week: how many, and their markdown links (already capped). */
  closedFlaky: { count: number; links: string };
}

/** How a metric is shown as an agreement: its target, its wording, its wins and its retro question. */
export interface AgreementSpec {
  /** The row's key, e.g. `ttfr`. */
  key: string;
  /** The name for the table. */
  name(config: Pick<Config, "review" | "flaky">): string;
  /** The target in the figure's unit. */
  target(config: Pick<Config, "review" | "flaky">): number;
  /** The target as shown. */
  targetText(target: number): string;
  betterWhen: BetterWhen;
  /** The figure as shown. */
  format(value: number | null): string;
  /** The retro question for a status that missed (phrased as a question, team-level, names no one). */
  question(status: Omit<AgreementStatus, "question">): string;
  /** Lines for "Wins this week" (none when nothing is worth celebrating). */
  wins(status: AgreementStatus, context: WinContext): string[];
}

/**
 * One weekly metric: its key (stored in the report marker), its kind, what it
 * means, how it is measured from the week, and, when it is an agreement,
 * how the report shows it against its target.
 */
export interface WeekMetric {
  /** Snake-case key, e.g. `prs_merged`: a stored format, never renamed. */
  key: string;
  kind: MetricKind;
  /** The population and meaning, as the README's "What the figures mean" table says it. */
  description: string;
  /**
   * The figure for the week, from the measured populations (pure): a whole
   * number for counts; hours 2 decimals, percent, days and minutes 1 decimal;
   * null for no data.
   */
  measure(week: MeasuredWeek): number | null;
  /** Present when the metric is a row of "Agreements at a glance". */
  agreement?: AgreementSpec;
}
