import { DateTime } from "luxon";

/** `YYYY-MM-DDTHH:MM:SS(.fff)Z`: the UTC form GitHub's APIs use. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

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
  // Fast path for what GitHub sends (`2026-11-16T09:00:00Z`, optionally with
  // milliseconds): Date.parse reads it exactly; luxon handles everything else.
  if (UTC_INSTANT.test(iso)) {
    const ms = Date.parse(iso);
    // Date.parse rolls impossible dates over (Feb 30 becomes Mar 2): keep only exact round trips.
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === iso.slice(0, 19)) return ms;
  }
  const parsed = DateTime.fromISO(iso, { zone: "utc" });
  if (!parsed.isValid) {
    throw new RangeError(`"${iso}" is not an ISO 8601 instant (${parsed.invalidExplanation ?? parsed.invalidReason})`);
  }
  return parsed.toMillis();
}
