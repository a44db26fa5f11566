import { isoWeekWindow, lastCompleteIsoWeek, type IsoWeekWindow } from "./iso-week.js";
import { parseInstant } from "./parse-instant.js";

/**
 * The week a weekly report is built for, outside the app's own schedule
 * (`eng-health report`, the GitHub Action): the week asked for, or by default
 * the last complete ISO week at `nowIso` in `timezone`. A report describes a
 * week as of its end, so a week that has not ended yet is refused. Pure.
 *
 * @param input `week` (`YYYY-Www`, or null for the default), `nowIso` (an ISO
 *   instant) and `timezone` (`report.timezone`, an IANA zone)
 * @returns the week's window (Monday 00:00 to Monday 00:00 in the zone)
 * @throws Error with a one-line reason: a malformed week or unknown zone (see
 *   `isoWeekWindow`), or a week that has not ended yet (naming its end and the
 *   last complete week)
 */
export function chooseReportWeek(input: { week: string | null; nowIso: string; timezone: string }): IsoWeekWindow {
  const { nowIso, timezone } = input;
  const window = isoWeekWindow(input.week ?? lastCompleteIsoWeek(nowIso, timezone), timezone);
  if (parseInstant(window.end) > parseInstant(nowIso)) {
    throw new Error(
      `${window.week} has not ended yet in ${timezone} (it ends ${window.end}); the last complete week is ${lastCompleteIsoWeek(nowIso, timezone)}`,
    );
  }
  return window;
}
