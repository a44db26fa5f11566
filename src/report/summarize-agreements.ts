import { formatHours } from "../config/duration.js";
import type { Config } from "../config/schema.js";
import { reviewTargetHours } from "../review/review-target-hours.js";
import { formatPercent, formatShortHours } from "./format-figures.js";
import type { WeekMetrics } from "./week-metrics.js";

/**
 * The share of pull requests the report expects to meet the review target,
 * document their reasoning and bring tests with code, in percent. The report's
 * own target (the config sets the review target, not this share); one place,
 * so the table, the wins and the retro questions agree.
 */
export const AGREEMENT_TARGET_PCT = 90;

/** The agreements in the report's table, in order. */
export type AgreementKey = "ttfr" | "sla" | "reasoning" | "tests" | "flaky";

/** Which way is better for a figure. */
export type BetterWhen = "lower" | "higher";

/** One agreement's week against its target and the week before. */
export interface AgreementStatus {
  key: AgreementKey;
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
}

/**
 * The five agreements of the report's "Agreements at a glance" table, with
 * their targets: median time to first review at most the review target
 * ({@link reviewTargetHours}); reviews within target, documented reasoning and
 * tests with code at least {@link AGREEMENT_TARGET_PCT} percent; open flaky
 * tests at most `flaky.max_open`.
 *
 * @param metrics this week's figures
 * @param previous last week's figures, or null
 * @param config `review` (target, business hours) and `flaky.max_open` are read
 * @returns one status per agreement, in table order
 */
export function summarizeAgreements(
  metrics: WeekMetrics,
  previous: WeekMetrics | null,
  config: Pick<Config, "review" | "flaky">,
): AgreementStatus[] {
  const targetHours = reviewTargetHours(config.review);
  const business = config.review.business_hours !== false;
  const pct = (value: number | null) => formatPercent(value);
  return [
    status({
      key: "ttfr",
      name: business ? "Time to first review (median, business hours)" : "Time to first review (median)",
      targetText: `≤ ${formatHours(targetHours)}`,
      target: targetHours,
      value: metrics.ttfr_median_hours,
      previous: previous?.ttfr_median_hours ?? null,
      betterWhen: "lower",
      format: formatShortHours,
    }),
    status({
      key: "sla",
      name: "Reviews within target",
      targetText: `≥ ${AGREEMENT_TARGET_PCT} %`,
      target: AGREEMENT_TARGET_PCT,
      value: metrics.review_sla_met_pct,
      previous: previous?.review_sla_met_pct ?? null,
      betterWhen: "higher",
      format: pct,
    }),
    status({
      key: "reasoning",
      name: "Documented reasoning",
      targetText: `≥ ${AGREEMENT_TARGET_PCT} %`,
      target: AGREEMENT_TARGET_PCT,
      value: metrics.reasoning_pass_pct,
      previous: previous?.reasoning_pass_pct ?? null,
      betterWhen: "higher",
      format: pct,
    }),
    status({
      key: "tests",
      name: "Tests with code",
      targetText: `≥ ${AGREEMENT_TARGET_PCT} %`,
      target: AGREEMENT_TARGET_PCT,
      value: metrics.tests_pass_pct,
      previous: previous?.tests_pass_pct ?? null,
      betterWhen: "higher",
      format: pct,
    }),
    status({
      key: "flaky",
      name: "Open flaky tests",
      targetText: `≤ ${config.flaky.max_open}`,
      target: config.flaky.max_open,
      value: metrics.flaky_open,
      previous: previous?.flaky_open ?? null,
      betterWhen: "lower",
      format: (value) => (value === null ? "—" : String(value)),
    }),
  ];
}

type StatusInput = Omit<AgreementStatus, "met" | "shortfall" | "change">;

function status(input: StatusInput): AgreementStatus {
  const { value, previous, target, betterWhen } = input;
  const met = value === null ? null : betterWhen === "lower" ? value <= target : value >= target;
  // Relative distance past the target; a zero target (max_open: 0) counts each item as a whole target.
  const scale = target === 0 ? 1 : target;
  const shortfall = value === null ? null : (betterWhen === "lower" ? value - target : target - value) / scale;
  let change: AgreementStatus["change"] = null;
  if (value !== null && previous !== null) {
    if (value === previous) change = "same";
    else change = (value < previous) === (betterWhen === "lower") ? "better" : "worse";
  }
  return { ...input, met, shortfall, change };
}
