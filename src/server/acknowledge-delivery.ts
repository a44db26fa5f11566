import type { Log } from "../model/log.js";
import type { DeliveryQueue } from "../queue/delivery-queue.js";
import { deliveryJobOf } from "../queue/run-delivery.js";
import type { AppMetrics } from "./app-metrics.js";

/** Why a delivery got no job: answered 503 so GitHub shows it failed (and it can be redelivered). */
export class DeliveryNotStoredError extends Error {
  /** Read by the webhook middleware as the HTTP status. */
  readonly status = 503;
  #delivery: { id?: unknown; name?: unknown } = {};
  constructor() {
    super("eng-health could not store this delivery now; redeliver it in a minute");
    this.name = "DeliveryNotStoredError";
  }
  /**
   * `@octokit/webhooks` assigns the whole event to a handler's error, and
   * Probot logs the error with it: only the delivery id and event name are
   * kept, so the payload never reaches the log.
   */
  get event(): { id?: unknown; name?: unknown } {
    return this.#delivery;
  }
  set event(value: { id?: unknown; name?: unknown } | undefined) {
    this.#delivery = { id: value?.id, name: value?.name };
  }
}

/**
 * The handler of every queued event: store the delivery as a job and return,
 * so the webhook is answered as soon as the job is stored (GitHub fails a
 * delivery not answered within 10 seconds and never redelivers it by itself;
 * GitHub docs, "Best practices for using webhooks"). The work runs from the
 * queue.
 *
 * @param input `queue()` resolves to the queue once the backends are up
 * @returns a Probot event handler
 * @throws {@link DeliveryNotStoredError} (HTTP 503) when the queue is closing
 *   or Redis is unreachable; logged with the delivery id
 */
export function acknowledgeDelivery(input: { queue: () => Promise<DeliveryQueue>; metrics: AppMetrics }) {
  return async (context: { id: string; name: string; payload: unknown; log: Log }): Promise<void> => {
    const job = deliveryJobOf(context);
    const fields = { deliveryId: job.deliveryId, event: job.event, action: job.action };
    let added: boolean;
    try {
      ({ added } = await (await input.queue()).add(job));
    } catch (error) {
      input.metrics.delivery(job.event, "unavailable");
      context.log.error({ ...fields, err: error }, "eng-health: the delivery could not be queued and was answered 503; redeliver it once the queue is back");
      throw new DeliveryNotStoredError();
    }
    input.metrics.delivery(job.event, added ? "queued" : "duplicate");
    context.log.debug(fields, added ? "eng-health: delivery queued" : "eng-health: delivery already queued; not added again");
  };
}
