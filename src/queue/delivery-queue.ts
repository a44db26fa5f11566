import type { DeliveryJob, QueueCounts } from "../model/delivery-job.js";

/** Runs one job; throws to have it retried (see {@link RetryLaterError}, {@link JobRefusedError}). */
export type RunDelivery = (job: DeliveryJob) => Promise<void>;

/**
 * Where deliveries wait between their acknowledgement and their work. Two
 * backends, chosen at start-up (`server/start-backends.ts`): the in-process
 * queue (no `REDIS_URL`) and BullMQ on Redis. Both key jobs by delivery id:
 * a delivery that is already queued or running is not added twice.
 */
export interface DeliveryQueue {
  /** `in-process` or `redis`, for logs and `/metrics`. */
  readonly backend: "in-process" | "redis";
  /**
   * Store a job. Resolves once it is stored (in memory, or in Redis): the
   * webhook is answered then.
   *
   * @returns `added: false` when a job with this delivery id is already queued or running
   * @throws {@link QueueClosedError} after `close()`; the store's error (Redis unreachable)
   */
  add(job: DeliveryJob): Promise<{ added: boolean }>;
  /** Start running jobs with `run` (once). */
  start(run: RunDelivery): void;
  /** Jobs waiting, running, delayed and failed, and the oldest wait. */
  counts(): Promise<QueueCounts>;
  /** True while jobs can be stored: not closing, and Redis answers. */
  ready(): Promise<boolean>;
  /**
   * Stop taking jobs and finish those running, for at most `timeoutMs`.
   *
   * @returns the delivery ids not finished: lost with the in-process queue
   *   (to be redelivered), still queued in Redis for the next process
   */
  close(timeoutMs: number): Promise<{ unfinished: string[] }>;
}

/** Thrown by `add` once the queue is closing: the delivery is answered 503, GitHub shows it failed. */
export class QueueClosedError extends Error {
  /** The HTTP status the webhook is answered with. */
  readonly status = 503;
  constructor() {
    super("eng-health is shutting down and takes no new deliveries; redeliver this one in a minute");
    this.name = "QueueClosedError";
  }
}

/**
 * Thrown by a job to be run again after `delayMs` milliseconds, not counted
 * as a failure: a rate limit whose reset is too far away to wait for inline.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = "RetryLaterError";
  }
}

/** Thrown by a job that can never succeed (no installation in the payload): failed at once, never retried. */
export class JobRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "JobRefusedError";
  }
}

/** Job retries: attempts in all, and the first backoff (doubling after each failure). */
export interface JobRetryPolicy {
  /** Attempts in all (the first run included). */
  attempts: number;
  /** Milliseconds before the second attempt; doubled for each later one. */
  backoffMs: number;
}

/** Three attempts, 2 s then 4 s apart: enough to ride out a restart of GitHub's edge or of Redis. */
export const DEFAULT_JOB_RETRY: JobRetryPolicy = { attempts: 3, backoffMs: 2_000 };
