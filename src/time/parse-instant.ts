import { DateTime } from "luxon";

/**
 * Parse an ISO 8601 instant, as GitHub sends them (`2026-11-16T09:00:00Z`).
 *
 * A string without an offset is read as UTC, so the result never depends on
 * the machine's time zone.
 *
 * @param iso an ISO 8601 date-time, e.g. `"2026-11-16T09:00:00Z"` or `"2026-11-16T10:00:00+01:00"`
 * @returns milliseconds since the Unix epoch
 * @throws RangeError when `iso` is not a valid ISO 8601 date-time
 */
export function parseInstant(iso: string): number {
  const parsed = DateTime.fromISO(iso, { zone: "utc" });
  if (!parsed.isValid) {
    throw new RangeError(`"${iso}" is not an ISO 8601 instant (${parsed.invalidExplanation ?? parsed.invalidReason})`);
  }
  return parsed.toMillis();
}
