import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";
import type { Settings } from "../server/settings.js";
import { runScheduledJob } from "./run-scheduled-job.js";
import type { ScheduledJob } from "./scheduled-job.js";
import { scheduledJobs } from "./scheduled-jobs.js";

/** The BullMQ queue of the periodic jobs' ticks. */
export const SCHEDULED_QUEUE_NAME = "scheduled";

/**
 * Start the periodic jobs on Redis (with `REDIS_URL`): each job is a BullMQ
 * job scheduler (`upsertJobScheduler`, id = the job's name, its cron in UTC),
 * so however many replicas start, there is one scheduler per job and each
 * tick becomes one job that one replica runs. Upserting again (a restart, a
 * second replica, a changed `SWEEP_CRON`) replaces the schedule, never adds
 * one.
 *
 * @param input the fail-fast and blocking connections, the key prefix
 * @returns `stop()`: closes this replica's worker and queue (the schedules stay in Redis)
 */
export async function startJobSchedulers(
  app: Probot,
  settings: Pick<Settings, "sweepCron" | "reportCron">,
  services: Services,
  input: { connection: Redis; workerConnection: Redis; prefix: string; jobs?: readonly ScheduledJob[] },
): Promise<{ stop: () => Promise<void> }> {
  const jobs = input.jobs ?? scheduledJobs(settings);
  const queue = new Queue(SCHEDULED_QUEUE_NAME, { connection: input.connection, prefix: input.prefix });
  for (const job of jobs) {
    await queue.upsertJobScheduler(job.name, { pattern: job.cron, tz: "UTC" }, { name: job.name, opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
  const worker = new Worker(
    SCHEDULED_QUEUE_NAME,
    async (tick) => {
      const job = jobs.find((candidate) => candidate.name === tick.name);
      if (job) await runScheduledJob(job, { app, services });
    },
    { connection: input.workerConnection, prefix: input.prefix, concurrency: jobs.length },
  );
  worker.on("error", () => {});
  app.log.info({ jobs: jobs.map((job) => `${job.name} (${job.cron})`) }, "eng-health: job schedulers registered on Redis");
  return {
    stop: async () => {
      await worker.close();
      await queue.close();
    },
  };
}
