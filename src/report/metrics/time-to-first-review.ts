import { formatHours } from "../../text/format-figures.js";
import { formatReviewHours } from "../../review/format-review-hours.js";
import { reviewTargetHours } from "../../review/review-target-hours.js";
import { formatShortHours } from "../../text/format-figures.js";
import { median, p90, roundTo } from "../stats.js";
import { movedVerb } from "./agreement-status.js";
import type { WeekMetric } from "./week-metric.js";

/**
 * `ttfr_median_hours`: the median time to first review of the PRs that became
 * ready in the window and got a first review; review-clock hours, 2 decimals.
 * The agreement: at most the review target (`review.first_review_within`).
 */
export const ttfrMedianHours: WeekMetric = {
  key: "ttfr_median_hours",
  kind: "hours",
  description: "median time to first review of PRs that became ready for review in the window and got one; hours, 2 decimals",
  measure: (week) => roundHours(median(week.firstReviewHours)),
  agreement: {
    key: "ttfr",
    name: (config) =>
      config.review.business_hours !== false ? "Time to first review (median, business hours)" : "Time to first review (median)",
    target: (config) => reviewTargetHours(config.review),
    targetText: (target) => `≤ ${formatHours(target)}`,
    betterWhen: "lower",
    format: formatShortHours,
    question: (s) =>
      `Median time to first review ${movedVerb(s, "rose to", "eased to", "was")} ${s.format(s.value)} against a target of ${s.format(s.target)}. ` +
      "What would help a first review start sooner: smaller pull requests, a review rota, or a set time for reviews each day?",
    wins(status, context) {
      if (status.value === null) return [];
      const figure = formatReviewHours(status.value, context.businessHours);
      const target = formatHours(status.target);
      if (status.change === "better") {
        return [`Median time to first review fell to ${figure} (${status.met === true ? `target ${target}` : `from ${status.format(status.previous)}`}).`];
      }
      return status.met === true ? [`Median time to first review was ${figure}, within the ${target} target.`] : [];
    },
  },
};

/** `ttfr_p90_hours`: the same population's 90th percentile (nearest rank), hours, 2 decimals. */
export const ttfrP90Hours: WeekMetric = {
  key: "ttfr_p90_hours",
  kind: "hours",
  description: "90th percentile (nearest rank) of the same population; hours, 2 decimals",
  measure: (week) => roundHours(p90(week.firstReviewHours)),
};

function roundHours(hours: number | null): number | null {
  return hours === null ? null : roundTo(hours, 2);
}
