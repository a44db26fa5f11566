import type { Log } from "../model/log.js";
import type { JobObserver } from "../queue/job-observer.js";

/**
 * A job observer that logs each run's end with its delivery id: completed at
 * debug, a retry or a delay at warn, a refusal at warn, a final failure at
 * error with the hint to redeliver it from GitHub.
 */
export function logJobs(log: Log): JobObserver {
  return {
    finished(job, run) {
      const fields = { deliveryId: job.deliveryId, event: job.event, action: job.action, attempt: run.attempt, ms: run.ms };
      if (run.outcome === "completed") return log.debug(fields, "eng-health: job done");
      if (run.outcome === "retrying") return log.warn({ ...fields, err: run.error }, "eng-health: job failed; it will be retried");
      if (run.outcome === "delayed") return log.warn({ ...fields, err: run.error }, "eng-health: job delayed by a rate limit; it will run again");
      if (run.outcome === "refused") return log.warn(fields, "eng-health: job refused; it is not retried");
      log.error(
        { ...fields, err: run.error },
        "eng-health: job failed after every attempt; redeliver it from the GitHub App's settings (Advanced, Recent deliveries) once the cause is fixed",
      );
    },
  };
}

/** Tell several observers. */
export function allObservers(...observers: JobObserver[]): JobObserver {
  return { finished: (job, run) => observers.forEach((observer) => observer.finished(job, run)) };
}
