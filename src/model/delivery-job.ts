/**
 * One webhook delivery stored as a job: what the queue keeps between the
 * acknowledgement and the work. Plain data, so it survives JSON (BullMQ keeps
 * it in Redis) and a job can be finished by another process.
 */
export interface DeliveryJob {
  /** The `X-GitHub-Delivery` id: the job's key (a redelivery of a queued job is the same job). */
  deliveryId: string;
  /** The `X-GitHub-Event` name, e.g. `pull_request`. */
  event: string;
  /** The payload's `action`, when it has one (for logs and metrics). */
  action?: string;
  /** The webhook payload as GitHub sent it (validated by the handler, not here). */
  payload: unknown;
  /** The payload's `installation.id`; null when the payload has none (the job is refused, never sent unauthenticated). */
  installationId: number | null;
  /** When the delivery was accepted, in milliseconds since the epoch (job age in metrics). */
  receivedAt: number;
}

/** What a queue holds now, for `/metrics` (job counts; age in seconds). */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Age in seconds of the oldest job not yet started; 0 when none waits. */
  oldestWaitingSeconds: number;
}
