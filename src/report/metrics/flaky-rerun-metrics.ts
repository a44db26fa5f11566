import type { WeekMetric } from "./week-metric.js";

/**
 * `flaky_reruns`: flaky occurrences (a check that failed and then passed on
 * the same commit) whose passing run completed in the window, from the
 * flaky-test issues opened from CI evidence; each counted once.
 */
export const flakyReruns: WeekMetric = {
  key: "flaky_reruns",
  kind: "count",
  description: "flaky occurrences (fail, then pass on the same commit) whose passing run completed in the window",
  measure: (week) => week.flaky.reruns?.count ?? 0,
};

/** `flaky_rerun_minutes`: minutes of CI the failed runs of those occurrences took, 1 decimal. */
export const flakyRerunMinutes: WeekMetric = {
  key: "flaky_rerun_minutes",
  kind: "minutes",
  description: "minutes of CI the failed runs of those flaky occurrences took (1 decimal)",
  measure: (week) => week.flaky.reruns?.minutes ?? 0,
};
