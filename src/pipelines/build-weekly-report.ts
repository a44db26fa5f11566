import { configFileUrl } from "../config/config-file-url.js";
import type { Config } from "../config/schema.js";
import { gatherReportFacts } from "../github/gather-report-facts.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { REPORT_RULES } from "../rules/registry.js";
import { parseInstant } from "../time/parse-instant.js";
import { findReportIssues, type ReportIssue } from "../github/find-report-issues.js";
import { isoWeekWindow, previousIsoWeeks } from "../time/iso-week.js";
import { measureWeek, type WeekMeasurement } from "../report/measure-week.js";
import { renderReport } from "../report/render-report.js";
import type { TrendWeek } from "../report/render-trend-chart.js";
import type { WeekMetrics } from "../report/week-metrics.js";

/** Inputs of {@link buildWeeklyReport}. */
export interface BuildWeeklyReportInput extends RepoRef {
  /** `YYYY-Www` (in `config.report.timezone`). */
  week: string;
  /** The validated config (`report`, `review`, `flaky` and the rules' sections are read). */
  config: Config;
  /** The report issues, when the caller has already listed them (saves a request). */
  reports?: readonly ReportIssue[];
  /** Requests the caller already spent for this report (reading the config), added to the count. */
  priorApiCalls?: number;
  /** Progress lines while collecting (the CLI writes them to stderr). */
  onProgress?: (message: string) => void;
  /** The server's web root for the config link (GitHub Enterprise); default `https://github.com`. */
  webUrl?: string;
}

/** A weekly report, rendered and not yet published. */
export interface WeeklyReport {
  /** `YYYY-Www`. */
  week: string;
  /** The week's Monday, `YYYY-MM-DD`. */
  monday: string;
  title: string;
  body: string;
  metrics: WeekMetrics;
  /** The trend shown, oldest first, this week last. */
  trend: TrendWeek[];
  /** Earlier weeks of the trend that no report marker held, so were computed from facts. */
  computedWeeks: string[];
  /** Pull requests gathered (every week of the pass together). */
  pullRequests: number;
  /** API requests to build it: `priorApiCalls`, the listing (unless given) and the GraphQL pages (shown in the footer). */
  apiCalls: number;
  /** This week's lists (waiting PRs, flaky issues) as measured. */
  measurement: WeekMeasurement;
}

/**
 * Build one week's team-health report: list the earlier reports (one request,
 * skipped when `reports` is given), gather facts ({@link gatherReportFacts}),
 * measure the week ({@link measureWeek} with the check-run rules of
 * `REPORT_RULES`) and render it ({@link renderReport}).
 *
 * Trend without a database: the chart covers `report.trend_weeks` weeks, this
 * one last. Earlier weeks come from the markers of their reports; weeks
 * without one are computed from facts. They are gathered in the same pass as
 * this week (the window's start moved back to the oldest such week), because
 * the PRs open during any of them are one population that `measureWeek`
 * filters week by week: the cost is about ceil(M/100) requests for the M pull
 * requests open at some moment of that span, instead of a pass per week. With
 * every earlier marker present, only this week is gathered.
 *
 * "Last week" in the table is the week before, from its marker or computed.
 *
 * @param client GraphQL- and REST-capable client
 * @param input the repository, week, config and options
 * @returns the title, body, metrics and trend, with the requests used
 * @throws Error for a malformed week or unknown time zone (see `isoWeekWindow`);
 *   the client's errors
 */
export async function buildWeeklyReport(client: GitHubClient, input: BuildWeeklyReportInput): Promise<WeeklyReport> {
  const { owner, repo, config } = input;
  const timezone = config.report.timezone;
  const window = isoWeekWindow(input.week, timezone);
  let apiCalls = input.priorApiCalls ?? 0;

  let reports = input.reports;
  if (reports === undefined) {
    const listed = await findReportIssues(client, { owner, repo, labels: config.report.labels });
    apiCalls += listed.requests;
    reports = listed.issues;
  }

  const earlierWeeks = previousIsoWeeks(window.week, config.report.trend_weeks - 1);
  const stored = new Map<string, WeekMetrics>();
  for (const week of earlierWeeks) {
    const marker = reports.filter((issue) => issue.marker?.week === week).sort((a, b) => a.number - b.number)[0]?.marker;
    if (marker) stored.set(week, marker.metrics);
  }
  const computedWeeks = earlierWeeks.filter((week) => !stored.has(week));
  const computedWindows = computedWeeks.map((week) => isoWeekWindow(week, timezone));
  const spanStart = [window, ...computedWindows].reduce(
    (earliest, candidate) => (parseInstant(candidate.start) < parseInstant(earliest) ? candidate.start : earliest),
    window.start,
  );

  const facts = await gatherReportFacts(client, {
    owner,
    repo,
    window: { week: window.week, start: spanStart, end: window.end },
    config,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  apiCalls += facts.apiCalls;

  // Each week is measured on its own population (open at some moment of it): the
  // same figures as on the whole pass, which measureWeek would filter anyway, for
  // a fraction of the work when earlier weeks were gathered too.
  const lifetimes = new Map<number, { created: number; closed: number }>();
  const lifetime = (item: { createdAt: string; closedAt: string | null }) => ({
    created: parseInstant(item.createdAt),
    closed: item.closedAt === null ? Number.POSITIVE_INFINITY : parseInstant(item.closedAt),
  });
  for (const pr of facts.pullRequests) lifetimes.set(pr.number, lifetime(pr));
  for (const issue of facts.flakyIssues) lifetimes.set(issue.number, lifetime(issue));
  const measure = (week: { week: string; start: string; end: string }): WeekMeasurement => {
    const startMs = parseInstant(week.start);
    const endMs = parseInstant(week.end);
    const openDuring = (item: { number: number }): boolean => {
      const life = lifetimes.get(item.number);
      return life === undefined || (life.created < endMs && life.closed >= startMs);
    };
    return measureWeek(
      {
        ...facts,
        window: { week: week.week, start: week.start, end: week.end },
        pullRequests: facts.pullRequests.filter(openDuring),
        flakyIssues: facts.flakyIssues.filter(openDuring),
      },
      config,
      REPORT_RULES,
    );
  };
  const measurement = measure(window);
  for (const computed of computedWindows) stored.set(computed.week, measure(computed).metrics);

  const trend: TrendWeek[] = [
    ...earlierWeeks.flatMap((week) => {
      const metrics = stored.get(week);
      return metrics ? [{ week, metrics }] : [];
    }),
    { week: window.week, metrics: measurement.metrics },
  ];
  const previousWeek = earlierWeeks.at(-1);
  const rendered = renderReport({
    week: window.week,
    monday: window.monday,
    metrics: measurement.metrics,
    previous: previousWeek === undefined ? null : (stored.get(previousWeek) ?? null),
    trend,
    waiting: measurement.waiting,
    flaky: measurement.flaky,
    config,
    apiCalls,
    configUrl: configFileUrl({ owner, repo, ...(input.webUrl ? { webUrl: input.webUrl } : {}) }),
  });

  return {
    week: window.week,
    monday: window.monday,
    title: rendered.title,
    body: rendered.body,
    metrics: measurement.metrics,
    trend,
    computedWeeks,
    pullRequests: facts.pullRequests.length,
    apiCalls,
    measurement,
  };
}

