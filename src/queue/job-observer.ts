import type { DeliveryJob } from "../model/delivery-job.js";

/** How one run of a job ended. */
export type JobOutcome = "completed" | "retrying" | "delayed" | "failed" | "refused";

/** Told about every run of a job, by either backend: logs and `/metrics` listen here. */
export interface JobObserver {
  /** A run ended: `ms` is its duration, `attempt` counts from 1, `error` is set unless completed. */
  finished(job: DeliveryJob, run: { outcome: JobOutcome; ms: number; attempt: number; error?: unknown }): void;
}

/** An observer that listens to nothing (tests, tools). */
export const IGNORE_JOBS: JobObserver = { finished: () => {} };
