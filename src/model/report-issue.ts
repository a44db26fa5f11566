import type { WeekMetrics } from "./week-metrics.js";

/** What a weekly report's hidden marker holds (`<!-- eng-health:report {...} -->`). */
export interface ReportMarkerData {
  /** `YYYY-Www`. */
  week: string;
  /** The report's figures: the repository's, or for a rollup the team's over all its repositories. */
  metrics: WeekMetrics;
  /**
   * A rollup's figures per repository, by `owner/name`; absent in a report of
   * one repository (that is how the two kinds of report are told apart).
   */
  repositories?: Readonly<Record<string, WeekMetrics>>;
}

/** A report issue as listed from GitHub (`findReportIssues` in `src/github/`). */
export interface ReportIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  htmlUrl: string;
  /** Label names now. */
  labels: string[];
  /** The report marker in its body, or null (not a report, or the marker was edited away). */
  marker: ReportMarkerData | null;
}

