import { REPORT_RULES } from "../../rules/registry.js";
import type { Rule } from "../../rules/rule.js";
import { prsMerged, prsOpened, waitingForReview } from "./counts.js";
import { flakyClosed, flakyOldestDays, flakyOpen, flakyOpened, flakyUnassigned } from "./flaky-metrics.js";
import { flakyRerunMinutes, flakyReruns } from "./flaky-rerun-metrics.js";
import { passRateMetric } from "./pass-rate.js";
import { reviewSlaMetPct } from "./review-sla-met-pct.js";
import { ttfrMedianHours, ttfrP90Hours } from "./time-to-first-review.js";
import type { WeekMetric } from "./week-metric.js";

/**
 * The weekly metrics, in the order of the README's "What the figures mean" table,
 * the report marker's JSON and the "Agreements at a glance" rows: one module
 * per metric, one line here. The pass rates are one metric per rule the rule
 * registry marks for the report, in the registry's order.
 *
 * @param reportRules the rules whose pass rates the report shows
 * @throws Error when two metrics share a key (a registry mistake caught at start-up)
 */
export function weekMetricRegistry(reportRules: readonly Rule[] = REPORT_RULES): WeekMetric[] {
  const metrics = [
    prsOpened,
    prsMerged,
    ttfrMedianHours,
    ttfrP90Hours,
    reviewSlaMetPct,
    ...reportRules.map(passRateMetric),
    flakyOpen,
    flakyUnassigned,
    flakyOpened,
    flakyClosed,
    flakyOldestDays,
    flakyReruns,
    flakyRerunMinutes,
    waitingForReview,
  ];
  const keys = new Set<string>();
  for (const metric of metrics) {
    if (keys.has(metric.key)) throw new Error(`eng-health: two weekly metrics have the key "${metric.key}"`);
    keys.add(metric.key);
  }
  return metrics;
}

/** The weekly metrics of the default registries. */
export const WEEK_METRICS: readonly WeekMetric[] = weekMetricRegistry();

/** Every metric key of the default registry, in order (also the marker's JSON order). */
export const WEEK_METRIC_KEYS: readonly string[] = WEEK_METRICS.map((metric) => metric.key);
