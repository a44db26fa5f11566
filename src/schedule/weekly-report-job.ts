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
 * moment is caught up on the next tick, with its own week. Each repository
 * is published holding `report:owner/repo` (`services.locks.tryLock`), so two
 * runs at once (two replicas) publish it once.
 *
 * Repositories with no config file (neither their own `.github/eng-health.yml`
 * nor the organisation's `.github` repository's) get no report: the job costs
 * them the config read only, and sums them up in one log line per tick, at
 * `info` when the list changed since the previous tick and at `debug` when not.
 *
 * @param settings `reportCron`
 * @returns the job for `startScheduler`
 */
export function weeklyReportJob(settings: Pick<Settings, "reportCron">): ScheduledJob {
  /** `owner/repo` (lower case) → the last week known to have its report. */
  const published = new Map<string, string>();
  /** The repositories without a config file at the previous tick, joined, to log a change at `info`. */
  let previousUnconfigured = "";
  return {
    name: "weekly-report",
    cron: settings.reportCron,
    async run({ app, services, now }) {
      const unconfigured: string[] = [];
      await forEachInstalledRepository(app, async ({ client, owner, repo, installationRepositories }) => {
        const key = `${owner}/${repo}`.toLowerCase();
        const knownWeek = published.get(key);
        // One publisher per repository at a time (across replicas with Redis): a second one skips, and the next tick finds the marker.
        const locked = await services.locks.tryLock(`report:${key}`, () =>
          publishWeeklyReport(client, { owner, repo }, { now, log: app.log, configCache: services.configCache, installationRepositories, ...(knownWeek === undefined ? {} : { knownWeek }) }),
        );
        if (!locked.ran) {
          app.log.info({ owner, repo }, "eng-health: weekly report skipped: another run is publishing it");
          return;
        }
        const outcome = locked.value;
        if (outcome.action === "skipped" && outcome.reason === "no config") unconfigured.push(`${owner}/${repo}`);
        if (outcome.action !== "skipped" || outcome.reason === "already published") published.set(key, outcome.week ?? "");
      });
      const joined = unconfigured.join(",");
      if (unconfigured.length > 0) {
        const level = joined === previousUnconfigured ? "debug" : "info";
        app.log[level](
          { repositories: unconfigured, count: unconfigured.length },
          `eng-health: no weekly report for ${unconfigured.length} ${unconfigured.length === 1 ? "repository" : "repositories"} without a config file (.github/eng-health.yml in the repository or in the organisation's .github repository)`,
        );
      }
      previousUnconfigured = joined;
    },
  };
}
