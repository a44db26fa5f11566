/**
 * Small statistics for the weekly report, exactly as the README's "What the figures
 * mean" defines them. Pure; inputs are never modified.
 */

/**
 * The median: the middle value of the sorted values, or the mean of the two
 * middle values for an even count.
 *
 * @param values finite numbers in any order
 * @returns the median, or `null` for no values
 */
export function median(values: readonly number[]): number | null {
  const sorted = sortedCopy(values);
  const count = sorted.length;
  if (count === 0) return null;
  const upper = sorted[Math.floor(count / 2)] as number;
  if (count % 2 === 1) return upper;
  const lower = sorted[count / 2 - 1] as number;
  return (lower + upper) / 2;
}

/**
 * A percentile by the nearest-rank method: the ceil(p/100 · n)-th smallest
 * value (1-based). With p = 90 this is the README's p90.
 *
 * @param values finite numbers in any order
 * @param percent a whole percent from 1 to 100 (whole, so the rank is computed
 *   exactly: ceil(0.9 · 70) in floating point would give 64, not 63)
 * @returns the value at that rank, or `null` for no values
 * @throws RangeError when `percent` is not a whole number from 1 to 100
 */
export function percentileNearestRank(values: readonly number[], percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`percent must be a whole number from 1 to 100; it is ${percent}`);
  }
  const sorted = sortedCopy(values);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((percent * sorted.length) / 100);
  return sorted[rank - 1] as number;
}

/**
 * The 90th percentile by nearest rank: the ceil(0.9 · n)-th smallest value.
 *
 * @param values finite numbers in any order
 * @returns that value, or `null` for no values
 */
export function p90(values: readonly number[]): number | null {
  return percentileNearestRank(values, 90);
}

/**
 * Round half away from zero to a number of decimals, without the binary
 * floating-point surprise of `Math.round(x * 100) / 100` (which turns 1.005
 * into 1): the shift is done in decimal notation.
 *
 * @param value a finite number
 * @param decimals 0 or more decimal places
 * @returns the rounded number (never `-0`)
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  const rounded = Number.isFinite(shifted)
    ? Number(`${Math.round(shifted)}e-${decimals}`)
    : Math.round(Math.abs(value) * 10 ** decimals) / 10 ** decimals;
  return sign * rounded || 0;
}

/**
 * A share as a percent, 1 decimal (the report's percent figures).
 *
 * @param part how many met the condition
 * @param whole the population
 * @returns 0-100 with 1 decimal, or `null` when the population is empty
 */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return roundTo((part / whole) * 100, 1);
}

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
