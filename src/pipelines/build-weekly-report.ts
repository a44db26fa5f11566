import { configFileUrl } from "../config/config-file-url.js";
import type { Config } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import { findReportIssues } from "../github/find-report-issues.js";
import { gatherReportFacts } from "../github/gather-report-facts.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ReportIssue } from "../model/report-issue.js";
import type { RepoRef } from "../model/repo-ref.js";
import { composeWeeklyReport, planWeeklyReport, type WeeklyReport } from "../report/compose-weekly-report.js";
import { REPORT_RULES } from "../rules/registry.js";
import type { Rule } from "../rules/rule.js";

export type { WeeklyReport } from "../report/compose-weekly-report.js";

/** Inputs of {@link buildWeeklyReport}. */
export interface BuildWeeklyReportInput extends RepoRef {
  /** `YYYY-Www` (in `config.report.timezone`). */
  week: string;
  /** The validated config (`report`, `review`, `flaky` and the rules' sections are read). */
  config: Config;
  /** The report issues, when the caller has already listed them (saves a request). */
  reports?: readonly ReportIssue[];
  /** Requests the caller already spent for this report (reading the config, listing the reports), added to the count. */
  priorApiCalls?: number;
  /** Progress lines while collecting (the CLI writes them to stderr). */
  onProgress?: (message: string) => void;
  /** The server's web root for the config link (GitHub Enterprise); default `https://github.com`. */
  webUrl?: string;
  /** The rules whose pass rates the report shows (default: those the registry marks for the report). */
  rules?: readonly Rule[];
}

/**
 * Build one week's team-health report in three stages: find the earlier
 * reports (one request, skipped when `reports` is given) and plan the trend
 * ({@link planWeeklyReport}); gather the facts ({@link gatherReportFacts});
 * compose the report ({@link composeWeeklyReport}: measure and render, pure).
 *
 * Trend without a database: the chart covers `report.trend_weeks` weeks, this
 * one last. Earlier weeks come from the markers of their reports; weeks
 * without one are computed from facts gathered in the same pass as this week
 * (the window's start moved back to the oldest such week): about ceil(M/100)
 * requests for the M pull requests open at some moment of that span, instead
 * of a pass per week. With every earlier marker present, only this week is
 * gathered.
 *
 * @param client GraphQL- and REST-capable client
 * @param input the repository, week, config and options
 * @returns the title, body, metrics and trend, with the requests used
 *   (`priorApiCalls` plus what the client sent here, counted by `countRequests`)
 * @throws Error for a malformed week or unknown time zone (see `isoWeekWindow`);
 *   the client's errors
 */
export async function buildWeeklyReport(client: GitHubClient, input: BuildWeeklyReportInput): Promise<WeeklyReport> {
  const { owner, repo, config } = input;
  const calls = requestMeter(client);
  let reports = input.reports;
  if (reports === undefined) reports = (await findReportIssues(client, { owner, repo, labels: config.report.labels })).issues;
  const plan = planWeeklyReport({ week: input.week, report: config.report, reports });

  const facts = await gatherReportFacts(client, {
    owner,
    repo,
    window: { week: plan.window.week, start: plan.spanStart, end: plan.window.end },
    config,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  // Counted before composing: the footer shows the calls made up to rendering.
  const apiCalls = (input.priorApiCalls ?? 0) + calls();

  return composeWeeklyReport({
    plan,
    facts,
    config,
    rules: input.rules ?? REPORT_RULES,
    apiCalls,
    configUrl: configFileUrl({ owner, repo, ...(input.webUrl ? { webUrl: input.webUrl } : {}) }),
  });
}
