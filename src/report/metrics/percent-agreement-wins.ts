import type { AgreementSpec } from "./week-metric.js";

/**
 * The wins of a percent agreement: the met line when the target is met,
 * otherwise "<name> rose to X (from Y)." when it improved; nothing without a figure.
 *
 * @param metTarget the sentence for a met target, given the formatted figure
 */
export function percentAgreementWins(metTarget: (figure: string) => string): AgreementSpec["wins"] {
  return (status) => {
    if (status.value === null) return [];
    if (status.met === true) return [metTarget(status.format(status.value))];
    if (status.change === "better") return [`${status.name} rose to ${status.format(status.value)} (from ${status.format(status.previous)}).`];
    return [];
  };
}
