/** Milliseconds in one wall-clock day (24 hours; flaky-test ages are not business time). */
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Wall-clock days from one instant to a later one.
 *
 * @param from ISO 8601 time, e.g. `"2026-11-02T09:00:00Z"`
 * @param to ISO 8601 time
 * @returns days as an unrounded number; negative when `to` is before `from`
 *   (callers decide whether to clamp clock skew)
 * @throws RangeError when either time cannot be parsed, naming the bad value
 */
export function daysBetween(from: string, to: string): number {
  return (parseTime(to) - parseTime(from)) / MS_PER_DAY;
}

/**
 * Round to one decimal, as every day figure eng-health shows (design doc,
 * "Report metrics": `flaky_oldest_days` is "age in days (1 decimal)").
 *
 * @param days a number of days
 * @returns the same number rounded half up to 0.1
 */
export function roundToTenth(days: number): number {
  return Math.round(days * 10) / 10;
}

function parseTime(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 time: ${JSON.stringify(iso)}`);
  return ms;
}
