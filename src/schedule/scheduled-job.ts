import type { Probot } from "probot";
import type { Services } from "../pipelines/services.js";

/** A periodic job of the app (the review sweep, the weekly report). */
export interface ScheduledJob {
  /** Short name for logs, e.g. `review-sweep`. */
  name: string;
  /** Cron expression (five fields, UTC) for when the job runs. */
  cron: string;
  /**
   * Do one round. Must be idempotent: a second run, a restart or a second
   * replica must not make duplicates. Errors are logged by the scheduler.
   */
  run(input: { app: Probot; services: Services; now: Date }): Promise<void>;
}
