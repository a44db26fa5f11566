import { formatHours } from "../text/format-figures.js";

/**
 * Hours for a sentence, saying which clock they were measured with:
 * `3.5` -> `"3.5 business hours"` (or `"3.5 hours"` for wall-clock time),
 * `1` -> `"1 business hour"`, `0.25` -> `"15 business minutes"`.
 * Rounding follows {@link formatHours} (one decimal; minutes below an hour).
 *
 * @param hours a non-negative number of hours
 * @param businessHours true when `review.business_hours` is configured
 */
export function formatReviewHours(hours: number, businessHours: boolean): string {
  const [amount = "", unit] = formatHours(hours).split(" ");
  const singular = amount === "1";
  const word = unit === "min" ? (singular ? "minute" : "minutes") : singular ? "hour" : "hours";
  return `${amount} ${businessHours ? "business " : ""}${word}`;
}
