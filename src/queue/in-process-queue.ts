import PQueue from "p-queue";
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
import { IGNORE_JOBS, type JobObserver } from "./job-observer.js";

/** Jobs run at once by one process (each mostly waits on GitHub, so more than the 2 cores). */
export const DEFAULT_CONCURRENCY = 10;

interface Entry {
  job: DeliveryJob;
  state: "waiting" | "active" | "delayed";
  attempt: number;
  timer?: NodeJS.Timeout;
}

/**
 * The default {@link DeliveryQueue} (no `REDIS_URL`): jobs in this process's
 * memory, run by `p-queue` with bounded concurrency. A delivery already
 * queued, running or waiting to be retried is not added again. A failed run
 * is retried with backoff ({@link JobRetryPolicy}); a {@link RetryLaterError}
 * waits as long as it asks. Nothing survives the process: `close()` finishes
 * what it can and names the rest, so they can be redelivered from GitHub.
 */
export class InProcessQueue implements DeliveryQueue {
  readonly backend = "in-process" as const;
  private readonly queue: PQueue;
  private readonly entries = new Map<string, Entry>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly retry: JobRetryPolicy;
  private readonly observer: JobObserver;
  private run: RunDelivery | undefined;
  private closing = false;
  private failed = 0;

  /**
   * @param options `concurrency` (default {@link DEFAULT_CONCURRENCY}), the
   *   retry policy, and an observer told of every run's outcome
   */
  constructor(options: { concurrency?: number; retry?: JobRetryPolicy; observer?: JobObserver } = {}) {
    this.queue = new PQueue({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY });
    this.retry = options.retry ?? DEFAULT_JOB_RETRY;
    this.observer = options.observer ?? IGNORE_JOBS;
  }

  async add(job: DeliveryJob): Promise<{ added: boolean }> {
    if (this.closing) throw new QueueClosedError();
    if (this.entries.has(job.deliveryId)) return { added: false };
    const entry: Entry = { job, state: "waiting", attempt: 1 };
    this.entries.set(job.deliveryId, entry);
    if (this.run) this.schedule(entry);
    return { added: true };
  }

  start(run: RunDelivery): void {
    if (this.run) return;
    this.run = run;
    for (const entry of this.entries.values()) if (entry.state === "waiting") this.schedule(entry);
  }

  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { waiting: 0, active: 0, delayed: 0, failed: this.failed, oldestWaitingSeconds: 0 };
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of this.entries.values()) {
      counts[entry.state] += 1;
      if (entry.state === "waiting") oldest = Math.min(oldest, entry.job.receivedAt);
    }
    if (Number.isFinite(oldest)) counts.oldestWaitingSeconds = Math.max(0, (Date.now() - oldest) / 1000);
    return counts;
  }

  async ready(): Promise<boolean> {
    return !this.closing;
  }

  /** Resolve when no job is queued, running or waiting for a retry (tests). */
  idle(): Promise<void> {
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(timeoutMs: number): Promise<{ unfinished: string[] }> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([this.idle(), timeout]);
    clearTimeout(timer);
    const unfinished = [...this.entries.keys()];
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.queue.clear();
    return { unfinished };
  }

  private schedule(entry: Entry, delayMs = 0): void {
    const enqueue = () => {
      entry.state = "waiting";
      entry.timer = undefined;
      void this.queue.add(() => this.runOnce(entry));
    };
    if (delayMs <= 0) return enqueue();
    entry.state = "delayed";
    entry.timer = setTimeout(enqueue, delayMs);
  }

  private async runOnce(entry: Entry): Promise<void> {
    const run = this.run;
    if (!run) return;
    entry.state = "active";
    const started = Date.now();
    const attempt = entry.attempt;
    try {
      await run(entry.job);
      this.observer.finished(entry.job, { outcome: "completed", ms: Date.now() - started, attempt });
      this.forget(entry);
    } catch (error) {
      const ms = Date.now() - started;
      if (error instanceof RetryLaterError) {
        this.observer.finished(entry.job, { outcome: "delayed", ms, attempt, error });
        return this.schedule(entry, error.delayMs);
      }
      const refused = error instanceof JobRefusedError;
      if (!refused && attempt < this.retry.attempts) {
        this.observer.finished(entry.job, { outcome: "retrying", ms, attempt, error });
        entry.attempt += 1;
        return this.schedule(entry, this.retry.backoffMs * 2 ** (attempt - 1));
      }
      this.failed += 1;
      this.observer.finished(entry.job, { outcome: refused ? "refused" : "failed", ms, attempt, error });
      this.forget(entry);
    }
  }

  private forget(entry: Entry): void {
    this.entries.delete(entry.job.deliveryId);
    if (this.entries.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
