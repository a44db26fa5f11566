import type { GitHubClient, RepoRef } from "./github-client.js";
import { parseReportMarker, type ReportMarkerData } from "../report/report-marker.js";

/**
 * Issues per listing request: GitHub's maximum `per_page` for
 * `GET /repos/{owner}/{repo}/issues` (REST docs, "List repository issues").
 * One request covers `report.trend_weeks` + 1 reports (at most 27) with room
 * for other issues and PRs that carry the same label.
 */
export const REPORT_LISTING_PAGE_SIZE = 100;

/** An issue found by {@link findReportIssues}. */
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

/** What {@link findReportIssues} returns. */
export interface FoundReportIssues {
  /** Issues (never PRs) carrying the label, newest first. */
  issues: ReportIssue[];
  /** API requests made (always 1). */
  requests: number;
}

interface IssueListItem {
  number: number;
  title: string;
  state: string;
  html_url: string;
  body?: string | null;
  labels: Array<string | { name?: string }>;
  pull_request?: unknown;
}

/**
 * List the repository's report issues in one REST request:
 * `GET /repos/{owner}/{repo}/issues?labels=LABEL&state=all&per_page=100`
 * (newest first, GitHub's default order), with the first of `report.labels`
 * as the filter, or no filter when the list is empty. Pull requests in the
 * listing are dropped; each issue's body is parsed for its report marker.
 *
 * @param client REST-capable client
 * @param input the repository and `report.labels`
 * @returns the issues and the request count
 * @throws the client's `RequestError`
 */
export async function findReportIssues(client: GitHubClient, input: RepoRef & { labels: readonly string[] }): Promise<FoundReportIssues> {
  const [label] = input.labels;
  const response = await client.request("GET /repos/{owner}/{repo}/issues", {
    owner: input.owner,
    repo: input.repo,
    ...(label === undefined ? {} : { labels: label }),
    state: "all",
    per_page: REPORT_LISTING_PAGE_SIZE,
  });
  const items = response.data as IssueListItem[];
  const issues = items
    .filter((item) => item.pull_request === undefined || item.pull_request === null)
    .map((item) => ({
      number: item.number,
      title: item.title,
      state: item.state === "open" ? ("open" as const) : ("closed" as const),
      htmlUrl: item.html_url,
      labels: item.labels.map((entry) => (typeof entry === "string" ? entry : (entry.name ?? ""))).filter((name) => name !== ""),
      marker: parseReportMarker(item.body ?? ""),
    }));
  return { issues, requests: 1 };
}

/**
 * This week's report among the listed issues: the one whose marker names
 * `week` (the lowest number when several do); when no marker names it, an
 * issue without a marker titled exactly `title` (a report whose marker was
 * edited away is updated, not duplicated).
 *
 * @param issues from {@link findReportIssues}
 * @param week `YYYY-Www`
 * @param title the report's title, e.g. `Team health: week of 2026-11-16`
 * @returns the issue, or null
 */
export function findReportForWeek(issues: readonly ReportIssue[], week: string, title: string): ReportIssue | null {
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
 * @param issues from {@link findReportIssues}
 * @param week `YYYY-Www`
 */
export function findPreviousReport(issues: readonly ReportIssue[], week: string): ReportIssue | null {
  const reports = issues.filter((issue) => issue.marker !== null);
  if (reports.some((issue) => (issue.marker?.week ?? "") > week)) return null;
  const earlier = reports
    .filter((issue) => (issue.marker?.week ?? "") < week)
    .sort((a, b) => (b.marker?.week ?? "").localeCompare(a.marker?.week ?? "") || a.number - b.number);
  return earlier[0] ?? null;
}
