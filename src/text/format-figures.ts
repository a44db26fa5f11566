/**
 * Figures for people, one way everywhere (check runs, comments, the weekly
 * report): hours, days and percents, with at most one decimal and none when
 * the figure is whole. Pure.
 */

/** What a missing figure (no population) shows as. */
export const NO_FIGURE = "—";

/** One decimal, half up: the rounding of every figure shown (not of figures stored; see `roundTo`). */
function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
}

/**
 * Hours for people: `3.5 h`, `45 min`; `2 d 4 h` is avoided on purpose
 * (business days are ambiguous), so anything from one hour up is shown in
 * hours with at most one decimal.
 *
 * @param hours a non-negative number of hours
 */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return `${oneDecimal(hours)} h`;
}

/**
 * Days for people: `1 day`, `23 days`, `3.5 days`.
 *
 * @param days a non-negative number of days
 */
export function formatDays(days: number): string {
  const text = oneDecimal(days);
  return `${text} ${text === "1" ? "day" : "days"}`;
}

/**
 * Minutes for people, always in minutes (CI time is billed by the minute):
 * `1 minute`, `7.5 minutes`, `135 minutes`.
 *
 * @param minutes a non-negative number of minutes
 */
export function formatMinutes(minutes: number): string {
  const text = oneDecimal(minutes);
  return `${text} ${text === "1" ? "minute" : "minutes"}`;
}

/**
 * A percent with at most one decimal: `93.8` → `"93.8 %"`, `94` → `"94 %"`.
 *
 * @param value 0-100, or null for "no data"
 * @returns the text, or {@link NO_FIGURE} for null
 */
export function formatPercent(value: number | null): string {
  return value === null ? NO_FIGURE : `${oneDecimal(value)} %`;
}

/**
 * Hours in the report's short form (see {@link formatHours}).
 *
 * @param hours non-negative hours, or null for "no data"
 * @returns the text, or {@link NO_FIGURE} for null
 */
export function formatShortHours(hours: number | null): string {
  return hours === null ? NO_FIGURE : formatHours(hours);
}
