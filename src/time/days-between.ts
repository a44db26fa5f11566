import { parseInstant } from "./parse-instant.js";
import { MS_PER_DAY } from "./units.js";

/**
 * Wall-clock days from one instant to a later one (flaky-test ages are not business time).
 *
 * @param from ISO 8601 time, e.g. `"2026-11-02T09:00:00Z"`
 * @param to ISO 8601 time
 * @returns days as an unrounded number; negative when `to` is before `from`
 *   (callers decide whether to clamp clock skew)
 * @throws RangeError when either time cannot be parsed, naming the bad value
 */
export function daysBetween(from: string, to: string): number {
  return (parseInstant(to) - parseInstant(from)) / MS_PER_DAY;
}

/**
 * Round to one decimal, as every day figure eng-health shows (README,
 * "What the figures mean": `flaky_oldest_days` is "age in days (1 decimal)").
 *
 * @param days a number of days
 * @returns the same number rounded half up to 0.1
 */
export function roundToTenth(days: number): number {
  return Math.round(days * 10) / 10;
}
