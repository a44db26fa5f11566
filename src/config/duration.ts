/**
 * Durations as written in `.github/eng-health.yml`: a whole number followed by
 * `m` (minutes), `h` (hours) or `d` (days), e.g. `30m`, `4h`, `2d`.
 *
 * A day is 24 hours of the clock in use: with business hours configured, `2d`
 * means 48 business hours, not two working days (the README explains this).
 */
export const DURATION_PATTERN = /^(\d+)\s*(m|h|d)$/;

const MINUTES_PER_UNIT = { m: 1, h: 60, d: 24 * 60 } as const;

/**
 * Parse a duration string into minutes.
 *
 * @param text e.g. `"24h"`
 * @returns the duration in minutes (a whole number), or `null` when `text`
 *   does not match {@link DURATION_PATTERN}.
 */
export function parseDurationMinutes(text: string): number | null {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return null;
  const unit = match[2] as keyof typeof MINUTES_PER_UNIT;
  return Number(match[1]) * MINUTES_PER_UNIT[unit];
}

/**
 * Format hours for people: `3.5 h`, `45 min`, `2 d 4 h` is avoided on purpose
 * (business days are ambiguous), so anything from one hour up is shown in hours
 * with at most one decimal.
 *
 * @param hours a non-negative number of hours
 */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} h`;
}
