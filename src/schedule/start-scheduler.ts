import { Cron } from "croner";
import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";
import type { Settings } from "../server/settings.js";
import type { ScheduledJob } from "./scheduled-job.js";
import { scheduledJobs } from "./scheduled-jobs.js";

/**
 * Start the app's periodic jobs in this process with croner (UTC cron
 * expressions; a run still going when the next is due is skipped, croner's
 * `protect`). `DISABLE_SCHEDULER=true` keeps a process from scheduling, for
 * webhook-only workers.
 *
 * @param jobs the jobs to run (default: every job of {@link scheduledJobs})
 * @returns `stop()`, which stops every job (used on SIGTERM and in tests)
 */
export function startScheduler(
  app: Probot,
  settings: Pick<Settings, "sweepCron" | "reportCron">,
  services: Services,
  jobs: readonly ScheduledJob[] = scheduledJobs(settings),
): { stop: () => void; crons: Cron[] } {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: "UTC", protect: true, name: job.name }, async () => {
        const startedAt = Date.now();
        try {
          await job.run({ app, services, now: services.now() });
          app.log.info({ job: job.name, ms: Date.now() - startedAt }, "eng-health: scheduled job finished");
        } catch (error) {
          app.log.error({ err: error, job: job.name }, "eng-health: scheduled job failed");
        }
      }),
  );
  app.log.info({ jobs: jobs.map((job) => `${job.name} (${job.cron})`) }, "eng-health: scheduler started");
  return {
    crons,
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
}
