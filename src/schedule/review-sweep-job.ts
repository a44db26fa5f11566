import type { Settings } from "../server/settings.js";
import { sweepRepository } from "../pipelines/sweep-repository.js";
import { forEachInstalledRepository } from "./for-each-installed-repository.js";
import type { ScheduledJob } from "./scheduled-job.js";

/**
 * The review sweep as a scheduled job (`review-sweep`, on `SWEEP_CRON`,
 * hourly at minute 7 by default): {@link sweepRepository} for every
 * non-archived repository of every installation, with the app's own
 * authentication. One failing repository is logged and the others go on.
 *
 * @param settings `sweepCron` (from `SWEEP_CRON`)
 */
export function reviewSweepJob(settings: Pick<Settings, "sweepCron">): ScheduledJob {
  return {
    name: "review-sweep",
    cron: settings.sweepCron,
    async run({ app, services, now }) {
      const totals = { repositories: 0, apiCalls: 0, updated: 0, nudged: 0, skipped: 0 };
      await forEachInstalledRepository(app, async (repository) => {
        const outcome = await sweepRepository(repository.client, repository, { now, log: app.log, configCache: services.configCache, ledger: services.comments });
        totals.repositories += 1;
        totals.apiCalls += outcome.apiCalls;
        totals.updated += outcome.updated.length;
        totals.nudged += outcome.nudged.length;
        totals.skipped += outcome.skipped.length;
        app.log.info(
          { owner: repository.owner, repo: repository.repo, apiCalls: outcome.apiCalls, updated: outcome.updated, nudged: outcome.nudged },
          "eng-health: review sweep finished a repository",
        );
      });
      app.log.info({ job: "review-sweep", now: now.toISOString(), ...totals }, "eng-health: review sweep finished");
    },
  };
}
