import type { ReportIssue } from "../model/report-issue.js";

/**
 * This week's report among the listed issues: the one whose marker names
 * `week` (the lowest number when several do); when no marker names it, an
 * issue without a marker titled exactly `title` (a report whose marker was
 * edited away is updated, not duplicated).
 *
 * @param issues from `findReportIssues`
 * @param week `YYYY-Www`
 * @param title the report's title, e.g. `Team health: week of 2026-11-16`
 * @returns the issue, or null
 */
export function selectReportForWeek(issues: readonly ReportIssue[], week: string, title: string): ReportIssue | null {
  const byNumber = [...issues].sort((a, b) => a.number - b.number);
  return (
    byNumber.find((issue) => issue.marker?.week === week) ??
    byNumber.find((issue) => issue.marker === null && issue.title === title) ??
    null
  );
}

/**
 * The report of the latest week before `week` (by its marker), or null. Null
 * too when some report is for a week after `week`: publishing an older week
 * (a backfill) must not close anything.
 *
 * @param issues from `findReportIssues`
 * @param week `YYYY-Www`
 */
export function selectPreviousReport(issues: readonly ReportIssue[], week: string): ReportIssue | null {
  const reports = issues.filter((issue) => issue.marker !== null);
  if (reports.some((issue) => (issue.marker?.week ?? "") > week)) return null;
  const earlier = reports
    .filter((issue) => (issue.marker?.week ?? "") < week)
    .sort((a, b) => (b.marker?.week ?? "").localeCompare(a.marker?.week ?? "") || a.number - b.number);
  return earlier[0] ?? null;
}
