import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ObservedRequest } from "../github/observe-requests.js";
import type { DeliveryJob, QueueCounts } from "../model/delivery-job.js";
import type { JobObserver } from "../queue/job-observer.js";

/** What a delivery's acknowledgement was. */
export type DeliveryOutcome = "queued" | "duplicate" | "unavailable" | "too_large" | "bad_signature" | "invalid_json";

/**
 * The server's Prometheus metrics (`GET /metrics`, text format, `prom-client`),
 * each prefixed `eng_health_`:
 *
 * - `deliveries_total{event,outcome}`: deliveries answered, by outcome
 *   (`queued`, `duplicate`, `unavailable` when no job could be stored,
 *   `too_large`, `bad_signature`, `invalid_json`);
 * - `jobs_total{event,outcome}`, `job_duration_seconds{event,outcome}`,
 *   `job_retries_total{event}`: job runs (`completed`, `retrying`, `delayed`,
 *   `failed`, `refused`);
 * - `queue_jobs{state}`, `queue_oldest_waiting_seconds`: the queue, read at
 *   each scrape (with Redis: the whole deployment's queue);
 * - `github_requests_total{kind,status}` and
 *   `github_rate_limit_remaining{installation}` (as last seen in the headers);
 * - Node's process metrics (`process_resident_memory_bytes`, event-loop lag, …).
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly deliveries = new Counter({ name: "eng_health_deliveries_total", help: "Webhook deliveries answered, by event and outcome.", labelNames: ["event", "outcome"], registers: [this.registry] });
  private readonly jobs = new Counter({ name: "eng_health_jobs_total", help: "Job runs, by event and outcome.", labelNames: ["event", "outcome"], registers: [this.registry] });
  private readonly retries = new Counter({ name: "eng_health_job_retries_total", help: "Job runs that will be run again (failed with attempts left, or delayed by a rate limit).", labelNames: ["event"], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: "eng_health_job_duration_seconds",
    help: "How long one run of a job took, in seconds.",
    labelNames: ["event", "outcome"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly requests = new Counter({ name: "eng_health_github_requests_total", help: "HTTP requests sent to GitHub, by kind and status.", labelNames: ["kind", "status"], registers: [this.registry] });
  private readonly rateLimit = new Gauge({ name: "eng_health_github_rate_limit_remaining", help: "x-ratelimit-remaining as last seen, per installation.", labelNames: ["installation"], registers: [this.registry] });

  /** @param readQueue reads the queue's counts at each scrape (absent: the queue series stay empty) */
  constructor(readQueue?: () => Promise<QueueCounts>) {
    collectDefaultMetrics({ register: this.registry, prefix: "eng_health_" });
    if (readQueue === undefined) return;
    const registry = this.registry;
    let last: Promise<QueueCounts> | undefined;
    // Both gauges read one `counts()` per scrape.
    const counts = () => (last ??= readQueue().finally(() => setTimeout(() => (last = undefined), 100).unref()));
    new Gauge({
      name: "eng_health_queue_jobs",
      help: "Jobs in the queue, by state (waiting, active, delayed, failed).",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        const now = await counts();
        for (const state of ["waiting", "active", "delayed", "failed"] as const) this.set({ state }, now[state]);
      },
    });
    new Gauge({
      name: "eng_health_queue_oldest_waiting_seconds",
      help: "Age in seconds of the oldest job not started yet (0 when none waits).",
      registers: [registry],
      async collect() {
        this.set((await counts()).oldestWaitingSeconds);
      },
    });
  }

  /** Count one answered delivery. */
  delivery(event: string, outcome: DeliveryOutcome): void {
    this.deliveries.inc({ event, outcome });
  }

  /** Count a request a client sent for an installation. */
  request(installationId: number, request: ObservedRequest): void {
    this.requests.inc({ kind: request.kind, status: String(request.status) });
    if (request.rateLimitRemaining !== null && Number.isFinite(request.rateLimitRemaining)) {
      this.rateLimit.set({ installation: String(installationId) }, request.rateLimitRemaining);
    }
  }

  /** The job observer that feeds the job series. */
  jobObserver(): JobObserver {
    return {
      finished: (job: DeliveryJob, run) => {
        this.jobs.inc({ event: job.event, outcome: run.outcome });
        this.duration.observe({ event: job.event, outcome: run.outcome }, run.ms / 1000);
        if (run.outcome === "retrying" || run.outcome === "delayed") this.retries.inc({ event: job.event });
      },
    };
  }
}
