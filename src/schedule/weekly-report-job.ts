import { publishWeeklyReport } from "../pipelines/publish-weekly-report.js";
import type { Settings } from "../server/settings.js";
import { forEachInstalledRepository } from "./for-each-installed-repository.js";
import type { ScheduledJob } from "./scheduled-job.js";

/**
 * The weekly team-health report as a scheduled job, run every `REPORT_CRON`
 * tick (default every 15 minutes): {@link publishWeeklyReport} for every
 * installed, non-archived repository. The job remembers, per repository, the
 * last week it saw published, so later ticks cost only the config read.
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
      await forEachInstalledRepository(app, async ({ client, owner, repo, installationRepositories }) => {
        const key = `${owner}/${repo}`.toLowerCase();
        const knownWeek = published.get(key);
        const outcome = await publishWeeklyReport(
          client,
          { owner, repo },
          { now, log: app.log, configCache: services.configCache, installationRepositories, ...(knownWeek === undefined ? {} : { knownWeek }) },
        );
        if (outcome.action !== "skipped" || outcome.reason === "already published") published.set(key, outcome.week ?? "");
      });
    },
  };
}
