import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { ReportIssue } from "../model/report-issue.js";
import { parseReportMarker } from "../report/report-marker.js";

/**
 * Issues per listing request: GitHub's maximum `per_page` for
 * `GET /repos/{owner}/{repo}/issues` (REST docs, "List repository issues").
 * One request covers `report.trend_weeks` + 1 reports (at most 27) with room
 * for other issues and PRs that carry the same label.
 */
export const REPORT_LISTING_PAGE_SIZE = REST_MAX_PER_PAGE;

/** What {@link findReportIssues} returns. */
export interface FoundReportIssues {
  /** Issues (never PRs) carrying the label, newest first. */
  issues: ReportIssue[];
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
 * @returns the issues
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
  return { issues };
}
