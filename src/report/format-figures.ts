import { formatHours } from "../config/duration.js";

/**
 * Figures for people, as the weekly report writes them. Pure.
 */

/** What a missing figure (no population) shows as. */
export const NO_FIGURE = "—";

/**
 * A percent with at most one decimal: `93.8` → `"93.8 %"`, `94` → `"94 %"`.
 *
 * @param value 0-100, or null for "no data"
 * @returns the text, or {@link NO_FIGURE} for null
 */
export function formatPercent(value: number | null): string {
  if (value === null) return NO_FIGURE;
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} %`;
}

/**
 * Hours in the report's short form (`"3.2 h"`, `"45 min"`, see {@link formatHours}).
 *
 * @param hours non-negative hours, or null for "no data"
 * @returns the text, or {@link NO_FIGURE} for null
 */
export function formatShortHours(hours: number | null): string {
  return hours === null ? NO_FIGURE : formatHours(hours);
}
