import type { Config } from "../config/schema.js";
import { figureOf, type WeekMetrics } from "../model/week-metrics.js";
import { agreementStatus } from "./metrics/agreement-status.js";
import { WEEK_METRICS } from "./metrics/registry.js";
import type { AgreementStatus, WeekMetric } from "./metrics/week-metric.js";

export { AGREEMENT_TARGET_PCT } from "./metrics/agreement-status.js";
export type { AgreementStatus, BetterWhen } from "./metrics/week-metric.js";

/**
 * The rows of the report's "Agreements at a glance" table: every registered
 * metric that is an agreement, in registry order, with its target. By default
 * median time to first review at most the review target; reviews within
 * target, documented reasoning and tests with code at least 90 percent; open
 * flaky tests at most `flaky.max_open`. A missing figure (an older week's
 * marker without the key) is "no data".
 *
 * @param metrics this week's figures
 * @param previous last week's figures, or null
 * @param config `review` (target, business hours) and `flaky.max_open` are read
 * @param registry the metric registry (default: `WEEK_METRICS`)
 * @returns one status per agreement, in table order
 */
export function summarizeAgreements(
  metrics: WeekMetrics,
  previous: WeekMetrics | null,
  config: Pick<Config, "review" | "flaky">,
  registry: readonly WeekMetric[] = WEEK_METRICS,
): AgreementStatus[] {
  return registry.flatMap((metric) =>
    metric.agreement === undefined
      ? []
      : [
          agreementStatus(metric.agreement, {
            metricKey: metric.key,
            value: figureOf(metrics, metric.key),
            previous: previous === null ? null : figureOf(previous, metric.key),
            config,
          }),
        ],
  );
}
