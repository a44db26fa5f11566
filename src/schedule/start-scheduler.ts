import { Cron } from "croner";
import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";
import type { Settings } from "../server/settings.js";
import { runScheduledJob } from "./run-scheduled-job.js";
import type { ScheduledJob } from "./scheduled-job.js";
import { scheduledJobs } from "./scheduled-jobs.js";

/**
 * Start the app's periodic jobs in this process with croner (UTC cron
 * expressions of 5 fields, or 6 with seconds first; a run still going when
 * the next is due is skipped, croner's `protect`). Used without `REDIS_URL`;
 * with it, `startJobSchedulers` runs each tick once across replicas.
 * `DISABLE_SCHEDULER=true` keeps a process from scheduling.
 *
 * @param jobs the jobs to run (default: every job of {@link scheduledJobs})
 * @returns `stop()`, which stops every job (used on SIGTERM and in tests)
 */
export function startScheduler(
  app: Probot,
  settings: Pick<Settings, "sweepCron" | "reportCron">,
  services: Services,
  jobs: readonly ScheduledJob[] = scheduledJobs(settings),
): { stop: () => Promise<void>; crons: Cron[] } {
  const crons = jobs.map(
    (job) => new Cron(job.cron, { timezone: "UTC", protect: true, name: job.name }, () => runScheduledJob(job, { app, services })),
  );
  app.log.info({ jobs: jobs.map((job) => `${job.name} (${job.cron})`) }, "eng-health: scheduler started");
  return {
    crons,
    stop: async () => {
      for (const cron of crons) cron.stop();
    },
  };
}
