import { formatPercent } from "../../text/format-figures.js";
import { percent } from "../stats.js";
import { AGREEMENT_TARGET_PCT } from "./agreement-status.js";
import { percentAgreementWins } from "./percent-agreement-wins.js";
import type { WeekMetric } from "./week-metric.js";

/**
 * `review_sla_met_pct`: of the PRs that became ready in the window, the
 * percent reviewed within `review.first_review_within`; PRs still within the
 * target at the window's end are left out (0-100, 1 decimal). The agreement:
 * at least {@link AGREEMENT_TARGET_PCT} percent.
 */
export const reviewSlaMetPct: WeekMetric = {
  key: "review_sla_met_pct",
  kind: "percent",
  description: "of the PRs that became ready in the window, the percent reviewed within the review target (those still within it left out); 1 decimal",
  measure: (week) => percent(week.reviewTarget.met, week.reviewTarget.met + week.reviewTarget.missed),
  agreement: {
    key: "sla",
    name: () => "Reviews within target",
    target: () => AGREEMENT_TARGET_PCT,
    targetText: (target) => `≥ ${target} %`,
    betterWhen: "higher",
    format: formatPercent,
    question: (s) => `${s.format(s.value)} of pull requests got a first review within the target. When a review could not start in time, what was in the way?`,
    wins: percentAgreementWins((figure) => `${figure} of pull requests got a first review within the target.`),
  },
};
