import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { DeliveryJob, QueueCounts } from "../model/delivery-job.js";
import {
  DEFAULT_JOB_RETRY,
  JobRefusedError,
  QueueClosedError,
  RetryLaterError,
  type DeliveryQueue,
  type JobRetryPolicy,
  type RunDelivery,
} from "./delivery-queue.js";
import { DEFAULT_CONCURRENCY } from "./in-process-queue.js";
import { IGNORE_JOBS, type JobObserver } from "./job-observer.js";
import { redisAnswers } from "./redis-connection.js";

/** The BullMQ queue that holds deliveries. */
export const DELIVERY_QUEUE_NAME = "deliveries";

/** Failed jobs are kept this long for inspection (seconds): a week. */
const KEEP_FAILED_SECONDS = 7 * 24 * 3600;

/** Options of {@link BullmqQueue}. */
export interface BullmqQueueOptions {
  /** Fail-fast connection: storing jobs and reading counts. */
  connection: Redis;
  /** Blocking connection for the worker (`maxRetriesPerRequest: null`). */
  workerConnection: Redis;
  /** Key prefix shared by the replicas of one deployment (`REDIS_PREFIX`, default `eng-health`). */
  prefix: string;
  /** Jobs one replica runs at once. */
  concurrency?: number;
  retry?: JobRetryPolicy;
  observer?: JobObserver;
  /** How long a worker's claim on a job lives unless renewed, in ms (BullMQ default 30,000): a killed replica's job is taken over after it. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose claim lapsed, in ms (BullMQ default 30,000). */
  stalledIntervalMs?: number;
}

/**
 * The {@link DeliveryQueue} on Redis with BullMQ, shared by every replica.
 *
 * - Jobs are keyed by delivery id (`jobId`): the same delivery sent to two
 *   replicas, or redelivered while queued or running, is one job. Completed
 *   jobs are removed, so a redelivery after that runs again (idempotent
 *   writes make it an update); a failed job is kept a week for inspection
 *   and a redelivery retries it.
 * - A failed run is retried with exponential backoff ({@link JobRetryPolicy});
 *   {@link RetryLaterError} moves the job to the delayed set for as long as
 *   it asks (a rate limit's reset), not counted as an attempt;
 *   {@link JobRefusedError} fails it at once.
 * - A replica killed mid-job stops renewing its claim; another replica's
 *   stalled-job check moves the job back to waiting and runs it
 *   (`maxStalledCount: 2`).
 */
export class BullmqQueue implements DeliveryQueue {
  readonly backend = "redis" as const;
  private readonly queue: Queue<DeliveryJob>;
  private worker: Worker<DeliveryJob> | undefined;
  private readonly running = new Set<string>();
  private readonly retry: JobRetryPolicy;
  private readonly observer: JobObserver;
  private closing = false;

  constructor(private readonly options: BullmqQueueOptions) {
    this.retry = options.retry ?? DEFAULT_JOB_RETRY;
    this.observer = options.observer ?? IGNORE_JOBS;
    this.queue = new Queue<DeliveryJob>(DELIVERY_QUEUE_NAME, { connection: options.connection, prefix: options.prefix });
  }

  async add(job: DeliveryJob): Promise<{ added: boolean }> {
    if (this.closing) throw new QueueClosedError();
    const jobId = jobIdOf(job.deliveryId);
    const state = await this.queue.getJobState(jobId);
    if (state === "failed") {
      await (await this.queue.getJob(jobId))?.retry("failed");
      return { added: true };
    }
    if (state !== "unknown") return { added: false };
    await this.queue.add(job.event, job, {
      jobId,
      attempts: this.retry.attempts,
      backoff: { type: "exponential", delay: this.retry.backoffMs },
      removeOnComplete: true,
      removeOnFail: { age: KEEP_FAILED_SECONDS, count: 10_000 },
    });
    return { added: true };
  }

  start(run: RunDelivery): void {
    if (this.worker) return;
    this.worker = new Worker<DeliveryJob>(DELIVERY_QUEUE_NAME, (job, token) => this.process(job, token, run), {
      connection: this.options.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? DEFAULT_CONCURRENCY,
      maxStalledCount: 2,
      ...(this.options.lockDurationMs !== undefined ? { lockDuration: this.options.lockDurationMs } : {}),
      ...(this.options.stalledIntervalMs !== undefined ? { stalledInterval: this.options.stalledIntervalMs } : {}),
    });
    // Errors of the worker itself (Redis gone for a moment) are retried by BullMQ; without a
    // listener Node would treat the `error` event as fatal.
    this.worker.on("error", () => {});
  }

  async counts(): Promise<QueueCounts> {
    const counts = await this.queue.getJobCounts("wait", "prioritized", "active", "delayed", "failed");
    const [oldest] = await this.queue.getJobs(["wait"], 0, 0, true);
    return {
      waiting: (counts.wait ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      oldestWaitingSeconds: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0,
    };
  }

  async ready(): Promise<boolean> {
    return !this.closing && (await redisAnswers(this.options.connection));
  }

  async close(timeoutMs: number): Promise<{ unfinished: string[] }> {
    this.closing = true;
    let unfinished: string[] = [];
    if (this.worker) {
      // Take no new job, give the running ones until the deadline, then close (forced when some still run:
      // their claims lapse and another replica's stalled check runs them). Each step is bounded, so an
      // unreachable Redis cannot hold the shutdown.
      await settleWithin(this.worker.pause(true), timeoutMs);
      const deadline = Date.now() + timeoutMs;
      while (this.running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      unfinished = [...this.running];
      await settleWithin(this.worker.close(unfinished.length > 0), CLOSE_GRACE_MS);
    }
    await settleWithin(this.queue.close(), CLOSE_GRACE_MS);
    return { unfinished };
  }

  /** The worker's processor: runs the job and maps our errors onto BullMQ's. */
  private async process(job: Job<DeliveryJob>, token: string | undefined, run: RunDelivery): Promise<void> {
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    this.running.add(job.data.deliveryId);
    try {
      await run(job.data);
      this.observer.finished(job.data, { outcome: "completed", ms: Date.now() - started, attempt });
    } catch (error) {
      const ms = Date.now() - started;
      if (error instanceof RetryLaterError) {
        this.observer.finished(job.data, { outcome: "delayed", ms, attempt, error });
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        throw new DelayedError();
      }
      if (error instanceof JobRefusedError) {
        this.observer.finished(job.data, { outcome: "refused", ms, attempt, error });
        throw new UnrecoverableError(error.message);
      }
      this.observer.finished(job.data, { outcome: attempt < (job.opts.attempts ?? 1) ? "retrying" : "failed", ms, attempt, error });
      throw error;
    } finally {
      this.running.delete(job.data.deliveryId);
    }
  }
}

/** How long closing the worker or the queue may take once the jobs are done, in ms. */
const CLOSE_GRACE_MS = 2_000;

/** Wait for `promise`, or `ms` milliseconds, whichever comes first (its failure is ignored). */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** BullMQ job ids may not contain `:` (its key separator); GitHub's delivery ids are GUIDs, so this changes nothing for them. */
function jobIdOf(deliveryId: string): string {
  return `delivery-${deliveryId.replaceAll(":", "_")}`;
}
