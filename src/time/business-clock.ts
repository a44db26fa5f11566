import { DateTime } from "luxon";
import { createHolidayCalendar } from "./holiday-calendar.js";
import { parseInstant } from "./parse-instant.js";
import { MS_PER_DAY, MS_PER_HOUR } from "./units.js";

/** A day of the week as the config spells it. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Working hours as `review.business_hours` gives them (README, "review"): a time zone, `HH:MM` times and days. */
export interface BusinessHours {
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Opening time, `HH:MM` (24-hour), local to `timezone`. */
  start: string;
  /** Closing time, `HH:MM`, later than `start`. */
  end: string;
  /** Working days. */
  days: readonly Weekday[];
}

/** Measures time the way the team's review target means it. */
export interface BusinessClock {
  /** Business hours between two ISO instants (wall-clock hours when business_hours is false); 0 when end <= start. */
  hoursBetween(startIso: string, endIso: string): number;
}


/** ISO weekday numbers (as Luxon uses them): Monday 1 ... Sunday 7. */
const ISO_WEEKDAY: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * Build the clock for `review.business_hours` and `review.holidays`
 * (README, `review`: measured in business hours when
 * `review.business_hours` is set, else wall-clock).
 *
 * With business hours, `hoursBetween(start, end)` counts the real elapsed time
 * (hours, fractional) inside each working day's `[start, end)` window in
 * `business_hours.timezone`, on the configured `days`, leaving out holidays
 * (see {@link createHolidayCalendar}: ISO dates and the `public` holidays of
 * country/region codes, each a whole calendar day in that time zone). Windows
 * are local wall-clock times resolved with Luxon, so they stay right across DST
 * changes; a window touching a skipped or repeated hour counts the hours that
 * really elapsed. Work is one step per calendar day in the interval, never per
 * minute.
 *
 * With `business_hours: false` it returns wall-clock hours and **ignores
 * `holidays`** (there is no working day for a holiday to remove).
 *
 * `hoursBetween` takes ISO 8601 instants (an instant without an offset is read
 * as UTC), returns 0 when `end <= start`, and throws RangeError on an
 * unparsable instant.
 *
 * @throws RangeError when the time zone is unknown, a time of day is not
 *   `HH:MM`, or a holiday entry is not a real date or known region (config
 *   validation normally catches these first)
 */
export function createBusinessClock(review: { business_hours: BusinessHours | false; holidays: readonly string[] }): BusinessClock {
  const hours = review.business_hours;
  if (hours === false) {
    return {
      hoursBetween(startIso, endIso) {
        return Math.max(0, parseInstant(endIso) - parseInstant(startIso)) / MS_PER_HOUR;
      },
    };
  }
  return createWorkingHoursClock(hours, review.holidays);
}

function createWorkingHoursClock(hours: BusinessHours, holidays: readonly string[]): BusinessClock {
  const zone = hours.timezone;
  if (!DateTime.now().setZone(zone).isValid) throw new RangeError(`"${zone}" is not an IANA time zone.`);
  const opens = parseTimeOfDay(hours.start);
  const closes = parseTimeOfDay(hours.end);
  const workingDays = new Set(hours.days.map((day) => ISO_WEEKDAY[day]));
  const calendar = createHolidayCalendar(holidays);

  return {
    hoursBetween(startIso, endIso) {
      const startMs = parseInstant(startIso);
      const endMs = parseInstant(endIso);
      if (endMs <= startMs) return 0;
      let businessMs = 0;
      // Walk the local calendar dates the interval touches, as day numbers since 1970-01-01
      // (plain calendar counting, no offsets); Luxon places each working day's window in the zone.
      const firstDay = localDayNumber(startMs, zone);
      const lastDay = localDayNumber(endMs, zone);
      for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
        const date = new Date(dayNumber * MS_PER_DAY);
        const year = date.getUTCFullYear();
        const month = date.getUTCMonth() + 1;
        const day = date.getUTCDate();
        if (!workingDays.has(isoWeekday(date)) || calendar.isHoliday(isoDate(year, month, day))) continue;
        // Luxon resolves the local times in the zone; a time inside a DST gap moves forward.
        const windowStart = DateTime.fromObject({ year, month, day, ...opens }, { zone }).toMillis();
        const windowEnd = DateTime.fromObject({ year, month, day, ...closes }, { zone }).toMillis();
        const overlap = Math.min(windowEnd, endMs) - Math.max(windowStart, startMs);
        if (overlap > 0) businessMs += overlap;
      }
      return businessMs / MS_PER_HOUR;
    },
  };
}

/** The local calendar date of an instant in `zone`, as a day number (days since 1970-01-01). */
function localDayNumber(ms: number, zone: string): number {
  const local = DateTime.fromMillis(ms, { zone });
  return Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY;
}

/** ISO weekday of a calendar date held at UTC midnight: Monday 1 ... Sunday 7. */
function isoWeekday(date: Date): number {
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}

/** `2026, 3, 9` -> `"2026-03-09"`. */
function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `"09:30"` -> `{ hour: 9, minute: 30 }`; the config schema guarantees the shape. */
function parseTimeOfDay(text: string): { hour: number; minute: number; second: 0; millisecond: 0 } {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`"${text}" is not a time of day such as "09:00".`);
  return { hour, minute, second: 0, millisecond: 0 };
}
