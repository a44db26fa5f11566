import type { Context } from "probot";
import { handleCheckRunCompleted } from "./handle-check-run-completed.js";
import { handleIssue } from "./handle-issue.js";
import { handlePullRequest, PULL_REQUEST_ACTIONS, PULL_REQUEST_REVIEW_ACTIONS } from "./handle-pull-request.js";
import { handleRerequest } from "./handle-rerequest.js";
import type { Services } from "./services.js";

/** A job's handler: the same code path whether the job runs in this process or in another replica. */
export type DeliveryHandler = (context: Context, services: Services) => Promise<void>;

/**
 * The events that become jobs, each with its handler. `app.on` subscribes to
 * every name listed here (acknowledging each delivery once its job is stored),
 * and the job runner picks the handler with {@link handlerFor}.
 */
export const DELIVERY_HANDLERS: ReadonlyArray<{ events: readonly string[]; handle: DeliveryHandler }> = [
  // The handlers read their payloads as `Partial<…>` and check every field they use, so the
  // narrow Probot context types are widened here, in one place, for jobs rebuilt from plain data.
  { events: [...PULL_REQUEST_ACTIONS, ...PULL_REQUEST_REVIEW_ACTIONS], handle: handlePullRequest as unknown as DeliveryHandler },
  { events: ["check_run.rerequested", "check_suite.rerequested"], handle: handleRerequest as unknown as DeliveryHandler },
  { events: ["issues"], handle: handleIssue as unknown as DeliveryHandler },
  { events: ["check_run.completed"], handle: handleCheckRunCompleted as unknown as DeliveryHandler },
];

/** Every event name (`pull_request.opened`, `issues`, …) that becomes a job. */
export const QUEUED_EVENTS: readonly string[] = DELIVERY_HANDLERS.flatMap((entry) => entry.events);

/**
 * The handler of an event, by `event.action` first, then by `event` alone.
 *
 * @returns the handler, or undefined for an event this app does not handle
 */
export function handlerFor(event: string, action: string | undefined): DeliveryHandler | undefined {
  const names = action ? [`${event}.${action}`, event] : [event];
  return DELIVERY_HANDLERS.find((entry) => names.some((name) => entry.events.includes(name)))?.handle;
}
