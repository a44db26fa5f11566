/**
 * Days for people: `1 day`, `23 days`, `3.5 days`.
 *
 * @param days a non-negative number of days; shown with at most one decimal,
 *   and without a decimal when it rounds to a whole number
 * @returns e.g. `"23 days"`
 */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  const text = Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
  return `${text} ${rounded === 1 ? "day" : "days"}`;
}
