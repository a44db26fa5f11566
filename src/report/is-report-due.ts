import { DateTime } from "luxon";
import type { Config } from "../config/schema.js";
import { isoWeekWindow, lastCompleteIsoWeek } from "../time/iso-week.js";

/** `report.day` → days after the Monday that ends the week (luxon weekday - 1). */
const DAY_OFFSET: Record<Config["report"]["day"], number> = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};

/** Whether a week's report should be out by now. */
export interface ReportDue {
  /** True when `now` is at or after {@link ReportDue.at}. */
  due: boolean;
  /** The last complete ISO week in `report.timezone` at `now`, `YYYY-Www`. */
  week: string;
  /** The week's scheduled moment, ISO UTC without milliseconds. */
  at: string;
}

/**
 * Is the weekly report due? The week is the last complete ISO week at `now`
 * in `report.timezone` (`lastCompleteIsoWeek`); its scheduled moment is the
 * first `report.day` on or after the Monday that ends it, at `report.time`
 * local time in that zone. Local time is kept across DST changes (09:00 in
 * Europe/Berlin is 08:00 UTC in winter and 07:00 UTC in summer); a time that
 * does not exist on a spring-forward day moves forward with the clocks.
 *
 * The caller publishes when `due` and no report for `week` exists yet, so a
 * restart later that day publishes once, and a week whose moment passed while
 * nothing ran is published on the next run, with its own week, until the
 * next week ends.
 *
 * @param nowIso the current instant, ISO 8601
 * @param report `day` (monday…sunday), `time` ("HH:MM", 24-hour) and `timezone` (IANA)
 * @returns whether it is due, the week, and the scheduled moment
 * @throws Error when `nowIso` is not an instant or the zone is unknown
 */
export function isReportDue(nowIso: string, report: Pick<Config["report"], "day" | "time" | "timezone">): ReportDue {
  const week = lastCompleteIsoWeek(nowIso, report.timezone);
  const weekEnd = DateTime.fromISO(isoWeekWindow(week, report.timezone).end, { zone: "utc" }).setZone(report.timezone);
  const [hour, minute] = report.time.split(":").map(Number);
  const scheduled = weekEnd.plus({ days: DAY_OFFSET[report.day] }).set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
  const now = DateTime.fromISO(nowIso, { zone: "utc" });
  return {
    due: now.toMillis() >= scheduled.toMillis(),
    week,
    at: scheduled.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
  };
}
