import type { AgreementSpec, AgreementStatus } from "./week-metric.js";

/**
 * The share of pull requests the report expects to meet the review target,
 * document their reasoning and bring tests with code, in percent. The report's
 * own target (the config sets the review target, not this share); one place,
 * so the table, the wins and the retro questions agree.
 */
export const AGREEMENT_TARGET_PCT = 90;

/**
 * An agreement's status from this week's and last week's figures (pure):
 * met or not, how far off relative to the target, better or worse than last
 * week, and the retro question worded for it.
 *
 * @param spec how the metric is shown as an agreement
 * @param input `metricKey`; `value` and `previous` figures (null: no data); `config` for the name and target
 */
export function agreementStatus(
  spec: AgreementSpec,
  input: { metricKey: string; value: number | null; previous: number | null; config: Parameters<AgreementSpec["target"]>[0] },
): AgreementStatus {
  const { value, previous } = input;
  const target = spec.target(input.config);
  const betterWhen = spec.betterWhen;
  const met = value === null ? null : betterWhen === "lower" ? value <= target : value >= target;
  // Relative distance past the target; a zero target (max_open: 0) counts each item as a whole target.
  const scale = target === 0 ? 1 : target;
  const shortfall = value === null ? null : (betterWhen === "lower" ? value - target : target - value) / scale;
  let change: AgreementStatus["change"] = null;
  if (value !== null && previous !== null) {
    if (value === previous) change = "same";
    else change = (value < previous) === (betterWhen === "lower") ? "better" : "worse";
  }
  const status = {
    key: spec.key,
    metricKey: input.metricKey,
    name: spec.name(input.config),
    targetText: spec.targetText(target),
    target,
    value,
    previous,
    betterWhen,
    format: spec.format,
    met,
    shortfall,
    change,
  };
  return { ...status, question: spec.question(status) };
}

/** A verb for how a figure moved since last week: worse, better, or unknown/same. */
export function movedVerb(status: Pick<AgreementStatus, "change">, worse: string, better: string, otherwise: string): string {
  if (status.change === "worse") return worse;
  if (status.change === "better") return better;
  return otherwise;
}
