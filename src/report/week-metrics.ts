/**
 * The weekly report's figures, exactly the design doc's "Report metrics"
 * keys. They are stored as JSON in each report's hidden marker, so the next
 * report can draw its trend without recomputing past weeks: the key names are
 * a stored format; add keys, never rename them.
 *
 * Counts are whole numbers (0 when nothing happened). Figures over a
 * population are `null` when the population is empty ("no data", which is not
 * the same as 0).
 */
export interface WeekMetrics {
  /** PRs created in the window. */
  prs_opened: number;
  /** PRs merged in the window. */
  prs_merged: number;
  /** Median time to first review of PRs that became ready in the window and got a first review before its end; hours of the review clock (business hours when configured), 2 decimals. */
  ttfr_median_hours: number | null;
  /** The same population's 90th percentile (nearest rank), hours, 2 decimals. */
  ttfr_p90_hours: number | null;
  /** Of the PRs that became ready in the window, the percent reviewed within `review.first_review_within` (0-100, 1 decimal); PRs still within the target at the window's end are left out. */
  review_sla_met_pct: number | null;
  /** Of the PRs merged in the window that the `reasoning` rule did not skip, the percent that pass (1 decimal). */
  reasoning_pass_pct: number | null;
  /** Of the PRs merged in the window that the `tests` rule did not skip, the percent that pass (1 decimal). */
  tests_pass_pct: number | null;
  /** Flaky-test issues open at the window's end. */
  flaky_open: number;
  /** Of those, how many have no assignee (assignees as they are now). */
  flaky_unassigned: number;
  /** Flaky-test issues created in the window. */
  flaky_opened: number;
  /** Flaky-test issues closed in the window. */
  flaky_closed: number;
  /** Age in wall-clock days (1 decimal) of the oldest flaky issue open at the window's end; null when none. */
  flaky_oldest_days: number | null;
  /** Open, non-draft PRs with no first review at the window's end. */
  waiting_for_review: number;
}

/** A metric's name. */
export type WeekMetricKey = keyof WeekMetrics;

/** Every metric key, in the design doc's order (also the marker's JSON order). */
export const WEEK_METRIC_KEYS = [
  "prs_opened",
  "prs_merged",
  "ttfr_median_hours",
  "ttfr_p90_hours",
  "review_sla_met_pct",
  "reasoning_pass_pct",
  "tests_pass_pct",
  "flaky_open",
  "flaky_unassigned",
  "flaky_opened",
  "flaky_closed",
  "flaky_oldest_days",
  "waiting_for_review",
] as const satisfies readonly WeekMetricKey[];

/** Keys whose value is always a count (never null). */
export const WEEK_COUNT_KEYS = [
  "prs_opened",
  "prs_merged",
  "flaky_open",
  "flaky_unassigned",
  "flaky_opened",
  "flaky_closed",
  "waiting_for_review",
] as const satisfies readonly WeekMetricKey[];
