import { withoutHiddenMarkers } from "../text/hidden-marker.js";

/** What became of the report, for the line above it. */
export type ReportSummaryStatus =
  | { kind: "published"; action: "created" | "updated"; number: number; url: string; closedPrevious: number | null }
  | { kind: "already published"; number: number; url: string }
  | { kind: "not published"; reason: string };

/**
 * The job summary of a weekly report run: one line saying what became of the
 * report (published as issue #N, created or updated, and the previous report
 * it closed; already published by an earlier run; or not published and why),
 * then the report as a person reads it (its title as a heading, its body
 * without the hidden marker), unless it was not built. Pure.
 *
 * @param input the week, the status, and the report's title and body when it was built
 * @returns markdown (a report body is at most 65,536 characters, well within a step summary)
 */
export function renderReportSummary(input: {
  week: string;
  status: ReportSummaryStatus;
  report: { title: string; body: string } | null;
}): string {
  const { status } = input;
  let line: string;
  if (status.kind === "published") {
    const closed = status.closedPrevious === null ? "" : `; the previous report #${status.closedPrevious} was closed`;
    line = `The team-health report for ${input.week} was ${status.action}: [#${status.number}](${status.url})${closed}.`;
  } else if (status.kind === "already published") {
    line = `The team-health report for ${input.week} is already published as [#${status.number}](${status.url}), so it was left as it is.`;
  } else {
    line = `The team-health report for ${input.week} was not published: ${status.reason}`;
  }
  const report = input.report === null ? "" : `\n\n# ${input.report.title}\n\n${withoutHiddenMarkers(input.report.body)}`;
  return `> ${line}${report}\n`;
}
