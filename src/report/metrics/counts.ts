import type { WeekMetric } from "./week-metric.js";

/** `prs_opened`: PRs created in the window (bots and `review.ignore_authors` left out). */
export const prsOpened: WeekMetric = {
  key: "prs_opened",
  kind: "count",
  description: "PRs created in the window",
  measure: (week) => week.opened.length,
};

/** `prs_merged`: PRs merged in the window. */
export const prsMerged: WeekMetric = {
  key: "prs_merged",
  kind: "count",
  description: "PRs merged in the window",
  measure: (week) => week.merged.length,
};

/** `waiting_for_review`: open, non-draft PRs with no first review at the window's end. */
export const waitingForReview: WeekMetric = {
  key: "waiting_for_review",
  kind: "count",
  description: "open, non-draft PRs with no first review at the window's end",
  measure: (week) => week.waiting.length,
};
