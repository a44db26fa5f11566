import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";
import type { ScheduledJob } from "./scheduled-job.js";

/**
 * Run one tick of a scheduled job, logging how long it took or why it
 * failed (one failing tick never stops the schedule). Shared by croner (one
 * process) and BullMQ's job schedulers (one tick per deployment).
 */
export async function runScheduledJob(job: ScheduledJob, input: { app: Probot; services: Services }): Promise<void> {
  const startedAt = Date.now();
  try {
    await job.run({ app: input.app, services: input.services, now: input.services.now() });
    input.app.log.info({ job: job.name, ms: Date.now() - startedAt }, "eng-health: scheduled job finished");
  } catch (error) {
    input.app.log.error({ err: error, job: job.name }, "eng-health: scheduled job failed");
  }
}
