import { reportConfigErrors } from "../config/report-config-errors.js";
import { requestMeter } from "../github/count-requests.js";
import { loadConfig, type ConfigResponseCache } from "../github/load-config.js";
import { findReportIssues } from "../github/find-report-issues.js";
import type { GitHubClient } from "../github/github-client.js";
import type { Log } from "../model/log.js";
import type { RepoRef } from "../model/repo-ref.js";
import { publishReport } from "../publish/publish-report.js";
import { isReportDue } from "../report/is-report-due.js";
import { buildRollupReport } from "./build-rollup-report.js";
import { buildWeeklyReport } from "./build-weekly-report.js";

/** What {@link publishWeeklyReport} did for one repository. */
export type WeeklyReportOutcome =
  | { action: "skipped"; reason: "no config" | "config errors" | "disabled" | "not due" | "already published"; week?: string }
  | { action: "created" | "updated"; week: string; issue: number };

/**
 * The weekly team-health report for one repository, when it is due:
 *
 * 1. read the config from the default branch (1 or 2 requests); skip the
 *    repository when the `report` or `rollup` section has errors or a whole
 *    file was ignored (a typo must not publish against the team's wishes; a
 *    warning is logged), when no config file exists at all, neither the
 *    repository's own nor the organisation's `.github` repository's (`no
 *    config`: installing the app on every repository opens no issue where
 *    nobody asked for one; nothing is logged here, the job sums these up once
 *    per tick), or when `report.enabled` is false;
 * 2. {@link isReportDue}: nothing to do before the week's scheduled moment;
 * 3. skip when `knownWeek` (what this process last saw published) is that week;
 * 4. list the report issues (1 request); when one has that week's marker,
 *    stop; otherwise build the report (the listing reused for the trend):
 *    with `rollup.repos`, one report over those repositories
 *    (`buildRollupReport`), else this repository's own; and publish it ({@link publishReport}: idempotent, so a second replica or a
 *    retry updates rather than duplicates).
 *
 * @param client the installation's client
 * @param repo the repository
 * @param deps `now`; `log`; the config cache; `knownWeek`, the week this
 *   process already knows is published for the repository;
 *   `installationRepositories`, the installation's repositories that are not
 *   archived (what `owner/*` in `rollup.repos` stands for)
 * @returns what happened, with the week when one was due
 * @throws the client's errors (the job logs them per repository)
 */
export async function publishWeeklyReport(
  client: GitHubClient,
  repo: RepoRef,
  deps: { now: Date; log: Log; configCache?: ConfigResponseCache; knownWeek?: string; installationRepositories?: readonly RepoRef[] },
): Promise<WeeklyReportOutcome> {
  const { owner } = repo;
  const calls = requestMeter(client);
  const loaded = await loadConfig(client, { owner, repo: repo.repo }, deps.configCache);
  const report = loaded.config.report;
  // A broken report section, or a whole file ignored, may hide `enabled: false` or another schedule.
  const reportErrors = reportConfigErrors(loaded.errors);
  if (reportErrors.length > 0) {
    deps.log.warn({ owner, repo: repo.repo, errors: reportErrors.map((error) => error.message) }, "eng-health: weekly report skipped: the report config has errors");
    return { action: "skipped", reason: "config errors" };
  }
  if (loaded.sources.length === 0) return { action: "skipped", reason: "no config" };
  if (!report.enabled) return { action: "skipped", reason: "disabled" };
  const due = isReportDue(deps.now.toISOString(), report);
  if (!due.due) return { action: "skipped", reason: "not due", week: due.week };
  if (deps.knownWeek === due.week) return { action: "skipped", reason: "already published", week: due.week };

  const listed = await findReportIssues(client, { owner, repo: repo.repo, labels: report.labels });
  if (listed.issues.some((issue) => issue.marker?.week === due.week)) {
    return { action: "skipped", reason: "already published", week: due.week };
  }
  const common = { owner, repo: repo.repo, week: due.week, config: loaded.config, reports: listed.issues, priorApiCalls: calls() };
  const rollup =
    loaded.config.rollup.repos.length > 0
      ? await buildRollupReport(client, {
          ...common,
          configErrors: loaded.errors.length,
          ...(deps.installationRepositories ? { installationRepositories: deps.installationRepositories } : {}),
          ...(deps.configCache ? { configCache: deps.configCache } : {}),
        })
      : null;
  const built = rollup ?? (await buildWeeklyReport(client, common));
  const result = await publishReport(client, {
    owner,
    repo: repo.repo,
    week: built.week,
    title: built.title,
    body: built.body,
    report,
    listed: listed.issues,
  });
  deps.log.info(
    {
      owner,
      repo: repo.repo,
      week: built.week,
      issue: result.number,
      action: result.action,
      closedPrevious: result.closedPrevious,
      ...(rollup ? { repositories: Object.keys(rollup.repositories).length, notIncluded: rollup.notIncluded.map((omission) => omission.repository) } : {}),
      apiCalls: calls(),
    },
    "eng-health: weekly report published",
  );
  return { action: result.action, week: built.week, issue: result.number };
}
