import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";
import { startScheduler } from "./start-scheduler.js";
import type { Settings } from "../server/settings.js";
import type { RedisBackends } from "../server/start-backends.js";

/**
 * Start the periodic jobs the way the backends allow: with Redis, BullMQ job
 * schedulers (each tick runs once across replicas); without, croner in this
 * process. Nothing with `DISABLE_SCHEDULER=true`.
 *
 * @returns `stop()`; a failure to register the schedulers is logged, not thrown
 */
export function startSchedulers(
  app: Probot,
  settings: Pick<Settings, "scheduler" | "sweepCron" | "reportCron">,
  services: Services,
  redis: RedisBackends | undefined,
): { stop: () => Promise<void> } {
  if (!settings.scheduler) return { stop: async () => {} };
  if (redis === undefined) return startScheduler(app, settings, services);
  // Loaded with Redis only: BullMQ is slow to import.
  const started = import("./start-job-schedulers.js").then(({ startJobSchedulers }) => startJobSchedulers(app, settings, services, redis)).catch((error: unknown) => {
    app.log.error({ err: error }, "eng-health: the job schedulers could not be registered on Redis; no periodic job runs in this process");
    return { stop: async () => {} };
  });
  return { stop: async () => (await started).stop() };
}
