import { DateTime } from "luxon";

/**
 * ISO 8601 weeks, the unit of the weekly team-health report (README, "What the figures mean"): Monday 00:00 to the next Monday 00:00 in
 * `report.timezone`. A week is written `YYYY-Www`, e.g. `2026-W47`, where
 * `YYYY` is the ISO week-numbering year (so 2026-12-31 is in `2026-W53` and
 * 2027-01-01 is in `2026-W53` too; 2025-12-29 is in `2026-W01`).
 */

/** The form every ISO week string takes, e.g. `2026-W47`. */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** An ISO week split into its numbers. */
export interface IsoWeek {
  /** ISO week-numbering year (may differ from the calendar year near New Year). */
  weekYear: number;
  /** 1 to 52 or 53. */
  weekNumber: number;
}

/** One report window. */
export interface IsoWeekWindow {
  /** The week, normalised, e.g. `2026-W47`. */
  week: string;
  /** ISO UTC instant of Monday 00:00 in the zone (inclusive), e.g. `2026-11-16T08:00:00Z`. */
  start: string;
  /** ISO UTC instant of the next Monday 00:00 in the zone (exclusive). */
  end: string;
  /** The Monday as a calendar date in the zone, `YYYY-MM-DD` (used in the report's title). */
  monday: string;
}

/**
 * Parse `YYYY-Www` into numbers, checking the week exists in that year.
 *
 * @param week e.g. `"2026-W47"`
 * @returns `{ weekYear: 2026, weekNumber: 47 }`
 * @throws Error naming the expected form `YYYY-Www` when `week` is malformed,
 *   and the year's last week when the number is out of range (W00, W54, or
 *   W53 in a 52-week year)
 */
export function parseIsoWeek(week: string): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(week.trim());
  if (!match) {
    throw new Error(`${JSON.stringify(week)} is not an ISO week: expected the form YYYY-Www, e.g. 2026-W47`);
  }
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const weeksInYear = DateTime.fromObject({ weekYear, weekNumber: 1, weekday: 1 }, { zone: "utc" }).weeksInWeekYear;
  if (weekNumber < 1 || weekNumber > weeksInYear) {
    throw new Error(
      `${JSON.stringify(week)} is not an ISO week: ${weekYear} has weeks W01 to W${weeksInYear} (expected the form YYYY-Www)`,
    );
  }
  return { weekYear, weekNumber };
}

/**
 * Format week numbers as `YYYY-Www`.
 *
 * @param week `{ weekYear, weekNumber }`
 * @returns e.g. `"2026-W07"`
 */
export function formatIsoWeek(week: IsoWeek): string {
  return `${String(week.weekYear).padStart(4, "0")}-W${String(week.weekNumber).padStart(2, "0")}`;
}

/**
 * The report window of an ISO week in a time zone: Monday 00:00 (inclusive) to
 * the next Monday 00:00 (exclusive), local time. Across a DST change the
 * window is 167 or 169 hours long.
 *
 * @param week `YYYY-Www`
 * @param timezone IANA zone, e.g. `"America/Los_Angeles"` (`report.timezone`)
 * @returns start and end as ISO UTC instants without milliseconds, and the Monday's date
 * @throws Error for a malformed week (see {@link parseIsoWeek}) or an unknown time zone
 */
export function isoWeekWindow(week: string, timezone: string): IsoWeekWindow {
  const parsed = parseIsoWeek(week);
  const start = DateTime.fromObject({ ...parsed, weekday: 1 }, { zone: timezone }).startOf("day");
  if (!start.isValid) {
    throw new Error(`Cannot compute the week ${week} in time zone ${JSON.stringify(timezone)}: ${start.invalidExplanation ?? start.invalidReason}`);
  }
  const end = start.plus({ weeks: 1 });
  return {
    week: formatIsoWeek(parsed),
    start: toUtcIso(start),
    end: toUtcIso(end),
    monday: start.toISODate() ?? "",
  };
}

/**
 * The last ISO week that has fully ended at `nowIso` in `timezone`: the week
 * before the one `nowIso` falls in (the default week of `eng-health report`).
 * At exactly Monday 00:00 local time the week just ended is returned.
 *
 * @param nowIso ISO instant, e.g. `"2026-11-23T09:00:00Z"`
 * @param timezone IANA zone (`report.timezone`)
 * @returns e.g. `"2026-W47"`
 * @throws Error when `nowIso` is not an ISO instant or the zone is unknown
 */
export function lastCompleteIsoWeek(nowIso: string, timezone: string): string {
  const now = DateTime.fromISO(nowIso, { zone: "utc" }).setZone(timezone);
  if (!now.isValid) {
    throw new Error(`Cannot find the last complete week at ${JSON.stringify(nowIso)} in ${JSON.stringify(timezone)}: ${now.invalidExplanation ?? now.invalidReason}`);
  }
  const lastWeek = now.minus({ weeks: 1 });
  return formatIsoWeek({ weekYear: lastWeek.weekYear, weekNumber: lastWeek.weekNumber });
}

/**
 * The `count` ISO weeks before `week`, oldest first, `week` itself not
 * included. For a trend of N weeks ending with this week, ask for N - 1 and
 * append this week.
 *
 * @param week `YYYY-Www`
 * @param count how many earlier weeks, 0 or more
 * @returns e.g. `previousIsoWeeks("2027-W02", 3)` → `["2026-W52", "2026-W53", "2027-W01"]`
 * @throws Error for a malformed week, or when `count` is negative or not a whole number
 */
export function previousIsoWeeks(week: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`count must be a whole number of weeks, 0 or more; it is ${count}`);
  }
  const monday = DateTime.fromObject({ ...parseIsoWeek(week), weekday: 1 }, { zone: "utc" });
  const weeks: string[] = [];
  for (let back = count; back >= 1; back -= 1) {
    const earlier = monday.minus({ weeks: back });
    weeks.push(formatIsoWeek({ weekYear: earlier.weekYear, weekNumber: earlier.weekNumber }));
  }
  return weeks;
}

/**
 * The ISO week a calendar date falls in (`--since` of `eng-health backtest`).
 * A calendar date has no time zone: it is the same day wherever the week is
 * then placed (`isoWeekWindow`).
 *
 * @param date `YYYY-MM-DD`, e.g. `"2026-11-19"`
 * @returns e.g. `"2026-W47"` (2027-01-01 gives `"2026-W53"`)
 * @throws Error naming the expected form when `date` is malformed or not a real day (`2026-02-30`)
 */
export function isoWeekOfDate(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (day === null || !day.isValid) {
    throw new Error(`${JSON.stringify(date)} is not a date: expected the form YYYY-MM-DD, e.g. 2026-11-16`);
  }
  return formatIsoWeek({ weekYear: day.weekYear, weekNumber: day.weekNumber });
}

/**
 * The short label of a week for charts: `2026-W07` → `W07`.
 *
 * @param week `YYYY-Www`
 * @throws Error for a malformed week
 */
export function isoWeekLabel(week: string): string {
  return `W${String(parseIsoWeek(week).weekNumber).padStart(2, "0")}`;
}

function toUtcIso(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? "";
}
