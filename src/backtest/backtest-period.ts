import { isoWeekOfDate, isoWeekWindow, lastCompleteIsoWeek, previousIsoWeeks } from "../time/iso-week.js";
import { parseInstant } from "../time/parse-instant.js";

/** Weeks a backtest covers when none are asked for: the last 4 complete ISO weeks. */
export const DEFAULT_BACKTEST_WEEKS = 4;

/** Most weeks one backtest covers (a year): more is a request for a different tool. */
export const MAX_BACKTEST_WEEKS = 52;

const WEEK_MS = 7 * 24 * 3_600_000;

/** The complete ISO weeks a backtest judges: PRs merged from `from` (inclusive) to `to` (exclusive). */
export interface BacktestPeriod {
  /** ISO UTC instant of the first week's Monday 00:00 in `timezone`. */
  from: string;
  /** ISO UTC instant of the Monday 00:00 after the last week (exclusive). */
  to: string;
  /** The first and last ISO week, e.g. `2026-W44` and `2026-W47`. */
  firstWeek: string;
  lastWeek: string;
  /** How many weeks, 1 to {@link MAX_BACKTEST_WEEKS}. */
  weeks: number;
  /** The IANA zone of the weeks (`report.timezone`). */
  timezone: string;
  /** The first and last calendar day in `timezone`, `YYYY-MM-DD` (both inclusive), for people. */
  firstDay: string;
  lastDay: string;
}

/**
 * The period of a backtest (README, "Command line": `eng-health backtest`):
 * whole ISO weeks in `timezone` (`report.timezone`), ending with the last
 * complete week at `now` unless `since` and `weeks` both say otherwise.
 *
 * - neither: the last {@link DEFAULT_BACKTEST_WEEKS} complete weeks;
 * - `weeks`: the last `weeks` complete weeks;
 * - `since`: from the Monday of the week `since` falls in to the last complete week;
 * - both: `weeks` weeks from that Monday, which must have ended by `now`.
 *
 * Pure.
 *
 * @param input `now` (ISO instant), `timezone`, `weeks` (1 to 52), `since` (`YYYY-MM-DD`)
 * @returns the period's instants, weeks and days
 * @throws RangeError with a one-line reason for a malformed `since`, a `weeks`
 *   out of range, a period longer than 52 weeks, or one that has not ended yet
 *   (the reason names the last complete week); Error for an unknown time zone
 */
export function backtestPeriod(input: { now: string; timezone: string; weeks?: number | null; since?: string | null }): BacktestPeriod {
  const { timezone } = input;
  const weeks = input.weeks ?? null;
  if (weeks !== null && (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_BACKTEST_WEEKS)) {
    throw new RangeError(`the number of weeks must be a whole number from 1 to ${MAX_BACKTEST_WEEKS}; it is ${weeks}`);
  }
  const lastComplete = lastCompleteIsoWeek(input.now, timezone);
  let firstWeek: string;
  let lastWeek: string;
  if (input.since === undefined || input.since === null) {
    lastWeek = lastComplete;
    firstWeek = previousIsoWeeks(lastComplete, (weeks ?? DEFAULT_BACKTEST_WEEKS) - 1)[0] ?? lastComplete;
  } else {
    firstWeek = asRange(() => isoWeekOfDate(input.since as string));
    lastWeek = weeks === null ? lastComplete : weekAfter(firstWeek, weeks - 1);
  }

  if (mondayMs(firstWeek) > mondayMs(lastComplete)) {
    throw new RangeError(`${input.since} falls in ${firstWeek}, which has not ended yet in ${timezone}; the last complete week is ${lastComplete}`);
  }
  const first = isoWeekWindow(firstWeek, timezone);
  const last = isoWeekWindow(lastWeek, timezone);
  if (parseInstant(last.end) > parseInstant(input.now)) {
    throw new RangeError(`${lastWeek} has not ended yet in ${timezone} (it ends ${last.end}); the last complete week is ${lastComplete}`);
  }
  const count = Math.round((mondayMs(lastWeek) - mondayMs(firstWeek)) / WEEK_MS) + 1;
  if (count > MAX_BACKTEST_WEEKS) {
    throw new RangeError(`a backtest covers at most ${MAX_BACKTEST_WEEKS} weeks; ${firstWeek} to ${lastWeek} is ${count}`);
  }
  return {
    from: first.start,
    to: last.end,
    firstWeek: first.week,
    lastWeek: last.week,
    weeks: count,
    timezone,
    firstDay: first.monday,
    lastDay: addDays(last.monday, 6),
  };
}

/** The week `count` weeks after `week` (ISO weeks carry no zone: their Mondays are compared in UTC). */
function weekAfter(week: string, count: number): string {
  const target = new Date(mondayMs(week) + count * WEEK_MS).toISOString().slice(0, 10);
  return isoWeekOfDate(target);
}

function mondayMs(week: string): number {
  return parseInstant(isoWeekWindow(week, "UTC").start);
}

/** A `YYYY-MM-DD` date `days` calendar days later. */
function addDays(date: string, days: number): string {
  return new Date(parseInstant(`${date}T00:00:00Z`) + days * 24 * 3_600_000).toISOString().slice(0, 10);
}

function asRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw new RangeError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A period for people: `2026-10-26 to 2026-11-22 (2026-W44 to 2026-W47, UTC)`,
 * or `2026-11-16 to 2026-11-22 (2026-W47, UTC)` for one week. Pure.
 */
export function describeBacktestPeriod(period: BacktestPeriod): string {
  const weeks = period.firstWeek === period.lastWeek ? period.firstWeek : `${period.firstWeek} to ${period.lastWeek}`;
  return `${period.firstDay} to ${period.lastDay} (${weeks}, ${period.timezone})`;
}
