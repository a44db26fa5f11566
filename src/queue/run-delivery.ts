import { Context, type Probot } from "probot";
import type { DeliveryJob } from "../model/delivery-job.js";
import { handlerFor } from "../pipelines/delivery-handlers.js";
import type { Services } from "../pipelines/services.js";
import { JobRefusedError, type RunDelivery } from "./delivery-queue.js";

/** Told about each installation client a job makes (the server counts its requests for `/metrics`). */
export type ClientObserver = (octokit: Context["octokit"], job: DeliveryJob) => void;

/**
 * The job processor of both backends: rebuild the delivery's context from the
 * stored job and run the event's handler, the same code path a webhook took
 * before jobs existed.
 *
 * The client is the installation's own (`app.auth(installationId)`): its
 * requests carry the delivery id (`x-github-delivery`, set by Probot's
 * `Context`), and Octokit's throttling queue is keyed by the installation, so
 * one installation's burst does not hold up another's.
 *
 * @param app the Probot instance (authentication and the log)
 * @param deps the handlers' services; `observeClient` is told of each client
 * @returns the function a queue runs each job with
 * @throws {@link JobRefusedError} for a payload without `installation` (logged
 *   with the delivery id; no request is sent unauthenticated); the handler's errors
 */
export function runDelivery(app: Probot, deps: { services: Services; observeClient?: ClientObserver }): RunDelivery {
  return async (job) => {
    const log = app.log.child({ name: "event", id: job.deliveryId });
    const handle = handlerFor(job.event, job.action);
    if (handle === undefined) {
      log.warn({ deliveryId: job.deliveryId, event: job.event, action: job.action }, "eng-health: no handler for this event; job dropped");
      return;
    }
    if (job.installationId === null) {
      log.warn({ deliveryId: job.deliveryId, event: job.event }, "eng-health: the payload has no installation, so no request can be authenticated; job dropped");
      throw new JobRefusedError("the payload has no installation");
    }
    const octokit = await app.auth(job.installationId);
    deps.observeClient?.(octokit, job);
    // Probot's Context is rebuilt from plain data: the payload was validated as JSON when the
    // delivery was verified, and each handler checks the fields it reads.
    const context = new Context({ id: job.deliveryId, name: job.event, payload: job.payload } as never, octokit, log);
    await handle(context, deps.services);
  };
}

/**
 * The job for a verified delivery: its id, event, action, payload and
 * installation, and when it arrived.
 *
 * @param event what Probot's webhook middleware passes a handler (`id`, `name`, `payload`)
 */
export function deliveryJobOf(event: { id: string; name: string; payload: unknown }, receivedAt = Date.now()): DeliveryJob {
  const payload = event.payload as { action?: unknown; installation?: { id?: unknown } | null } | null;
  const action = typeof payload?.action === "string" ? payload.action : undefined;
  const installationId = typeof payload?.installation?.id === "number" ? payload.installation.id : null;
  return { deliveryId: event.id, event: event.name, ...(action !== undefined ? { action } : {}), payload: event.payload, installationId, receivedAt };
}
