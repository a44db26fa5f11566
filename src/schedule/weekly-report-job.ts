import { loadConfig } from "../github/load-config.js";
import { buildWeeklyReport } from "../pipelines/build-weekly-report.js";
import { findReportIssues } from "../github/find-report-issues.js";
import { publishReport } from "../publish/publish-report.js";
import type { Settings } from "../server/settings.js";
import { forEachInstalledRepository } from "./for-each-installed-repository.js";
import { isReportDue } from "../report/is-report-due.js";
import type { ScheduledJob } from "./scheduled-job.js";

/**
 * The weekly team-health report as a scheduled job, run every
 * `REPORT_CRON` tick (default every 15 minutes). For every installed,
 * non-archived repository:
 *
 * 1. read the config from the default branch (1 or 2 requests); skip the
 *    repository when `report.enabled` is false, or when the `report` section
 *    has errors or a whole file was ignored (a typo must not publish against
 *    the team's wishes; a warning is logged);
 * 2. {@link isReportDue}: nothing to do before the week's scheduled moment;
 * 3. skip when this process already saw a report for that week (kept in
 *    memory, so later ticks cost only the config read);
 * 4. list the report issues (1 request); when one has that week's marker,
 *    remember it and stop; otherwise build the report (the listing reused for
 *    the trend) and publish it ({@link publishReport}: idempotent, so a second
 *    replica or a retry updates rather than duplicates).
 *
 * A restart on publishing day publishes once (the marker is found); a missed
 * moment is caught up on the next tick, with its own week.
 *
 * @param settings `reportCron`
 * @returns the job for `startScheduler`
 */
export function weeklyReportJob(settings: Pick<Settings, "reportCron">): ScheduledJob {
  /** `owner/repo` (lower case) → the last week known to have its report. */
  const published = new Map<string, string>();
  return {
    name: "weekly-report",
    cron: settings.reportCron,
    async run({ app, services, now }) {
      await forEachInstalledRepository(app, async ({ client, owner, repo }) => {
        const key = `${owner}/${repo}`.toLowerCase();
        const loaded = await loadConfig(client, { owner, repo }, services.configCache);
        const report = loaded.config.report;
        // A broken report section, or a whole file ignored, may hide `enabled: false` or another schedule.
        const reportErrors = loaded.errors.filter((error) => error.section === "report" || error.keyPath === "");
        if (reportErrors.length > 0) {
          app.log.warn({ owner, repo, errors: reportErrors.map((error) => error.message) }, "eng-health: weekly report skipped: the report config has errors");
          return;
        }
        if (!report.enabled) return;
        const due = isReportDue(now.toISOString(), report);
        if (!due.due || published.get(key) === due.week) return;

        const listed = await findReportIssues(client, { owner, repo, labels: report.labels });
        if (listed.issues.some((issue) => issue.marker?.week === due.week)) {
          published.set(key, due.week);
          return;
        }
        const built = await buildWeeklyReport(client, {
          owner,
          repo,
          week: due.week,
          config: loaded.config,
          reports: listed.issues,
          priorApiCalls: loaded.requests + listed.requests,
        });
        const result = await publishReport(client, {
          owner,
          repo,
          week: built.week,
          title: built.title,
          body: built.body,
          report,
          listed: listed.issues,
        });
        published.set(key, due.week);
        app.log.info(
          {
            owner,
            repo,
            week: built.week,
            issue: result.number,
            action: result.action,
            closedPrevious: result.closedPrevious,
            apiCalls: built.apiCalls + result.apiCalls,
          },
          "eng-health: weekly report published",
        );
      });
    },
  };
}
