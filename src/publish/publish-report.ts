import type { Config } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { findReportIssues } from "../github/find-report-issues.js";
import { selectPreviousReport, selectReportForWeek } from "../report/select-report-issue.js";
import { type ReportIssue } from "../model/report-issue.js";
import { createIssueOnce } from "./create-issue-once.js";
import { renderSupersededComment } from "../report/render-superseded-comment.js";

/** Inputs of {@link publishReport}. */
export interface PublishReportInput extends RepoRef {
  /** `YYYY-Www`: the report's key (its marker names it). */
  week: string;
  title: string;
  /** The rendered body, its marker included. */
  body: string;
  /** `labels` and `close_previous` are read. */
  report: Pick<Config["report"], "labels" | "close_previous">;
  /** The report issues as just listed by the caller (`findReportIssues`), to save listing them again. */
  listed?: readonly ReportIssue[];
}

/** What {@link publishReport} did. */
export interface PublishedReport {
  /** `created` also when a failed create turned out to have created the issue. */
  action: "created" | "updated";
  number: number;
  htmlUrl: string;
  /** The previous week's report, closed now; null when nothing was closed. */
  closedPrevious: number | null;
  /** API requests made (every request the client sent meanwhile, counted by `countRequests`). */
  apiCalls: number;
}

interface IssueResponse {
  number: number;
  html_url: string;
}

/**
 * Publish a weekly report idempotently, keyed by its ISO week:
 *
 * 1. list the report issues ({@link findReportIssues}, one request, unless
 *    the caller passes its fresh `listed`) and find this week's by its marker
 *    ({@link selectReportForWeek});
 * 2. found: `PATCH` its title, body and labels (the report's labels added to
 *    those it has, so labels people added stay); not found: `POST` it with
 *    the report's labels and no automatic retry. When the create answers 5xx,
 *    GitHub may have created the issue anyway, so the issues are listed again
 *    and the marker looked up before the create is tried once more: a 5xx
 *    after GitHub created the issue never leads to a second one;
 * 3. with `report.close_previous`, the report of the latest earlier week, if
 *    still open, is closed, then gets one comment linking the new report
 *    (closed first: a retry after a failure in between finds it closed and
 *    adds no second comment). A backfill of an older week closes nothing.
 *
 * @param client REST-capable client (the installation's, or the CLI's token)
 * @param input the repository, week, title, body and `report` settings
 * @returns what was done and the requests made (1 to 6)
 * @throws the client's `RequestError`: anything but a 5xx on the first create,
 *   or any error on the second
 */
export async function publishReport(client: GitHubClient, input: PublishReportInput): Promise<PublishedReport> {
  const { owner, repo } = input;
  const calls = requestMeter(client);
  const listed = input.listed ? { issues: input.listed } : await findReportIssues(client, { owner, repo, labels: input.report.labels });
  const existing = selectReportForWeek(listed.issues, input.week, input.title);

  let published: { action: "created" | "updated"; number: number; htmlUrl: string };
  if (existing) {
    const labels = [...new Set([...existing.labels, ...input.report.labels])];
    const response = await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner,
      repo,
      issue_number: existing.number,
      title: input.title,
      body: input.body,
      labels,
    });
    const data = response.data as IssueResponse;
    published = { action: "updated", number: data.number, htmlUrl: data.html_url };
  } else {
    const outcome = await createIssueOnce(client, { owner, repo, title: input.title, body: input.body, labels: input.report.labels }, async () => {
      const again = await findReportIssues(client, { owner, repo, labels: input.report.labels });
      const found = selectReportForWeek(again.issues, input.week, input.title);
      return found ? { number: found.number, html_url: found.htmlUrl } : null;
    });
    const created = outcome.value;
    published = { action: "created", number: created.number, htmlUrl: created.html_url };
  }

  let closedPrevious: number | null = null;
  if (input.report.close_previous) {
    const previous = selectPreviousReport(listed.issues, input.week);
    if (previous && previous.state === "open" && previous.number !== published.number) {
      await closePrevious(client, { owner, repo }, previous, published, input.title);
      closedPrevious = previous.number;
    }
  }
  return { ...published, closedPrevious, apiCalls: calls() };
}

/** Close the previous report, then leave one comment pointing to the new one. */
async function closePrevious(
  client: GitHubClient,
  repository: RepoRef,
  previous: ReportIssue,
  published: { number: number; htmlUrl: string },
  title: string,
): Promise<void> {
  await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...repository,
    issue_number: previous.number,
    state: "closed",
    state_reason: "completed",
  });
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repository,
    issue_number: previous.number,
    body: renderSupersededComment(published.number, title),
  });
}
